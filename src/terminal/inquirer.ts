// The terminal Prompter: `terminalPrompter` implements the `Prompter`
// interface (prompter.ts) with the text prompt of text-editor.ts and
// inquirer's select and checkbox, all with the same keys (keys.ts). It maps
// inquirer's abort and exit errors onto `back`, `unknown` or `stopped` replies,
// and prints text wrapped to the terminal (`wrapText`, wrap.ts).
//
// Only src/terminal/ imports @inquirer (checked by dependency-cruiser); the
// runner talks to the `Prompter` interface and tests replace it with a
// scripted one.
import type { Readable, Writable } from 'node:stream';
import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import select from '@inquirer/select';
import checkbox from '@inquirer/checkbox';
import { Chalk, type ChalkInstance } from 'chalk';
import type { StopSignal } from '../support/errors.js';
import { keyHint, type Key } from './keys.js';
import { wrapText } from '../support/wrap.js';
import { isSuggestedCommand } from '../support/invocation.js';
import { questionShown } from '../support/idle.js';
import { visibleControls, visibleControlsKeepingColour } from '../support/control.js';
import { type Cursor, textEditor } from './text-editor.js';
import { findEditor, openInEditor } from './external-editor.js';
import { CLEAR_SCREEN, type SizedOutput, watchResize } from './resize.js';
import type { BaseOptions, CheckboxOptions, InputOptions, Prompter, Reply, SelectOptions } from './prompter.js';

export interface TerminalContext {
  input?: Readable;
  output?: Writable;
  color?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** What the prompts of one terminal prompter share. */
interface Terminal {
  input: Readable;
  env: NodeJS.ProcessEnv;
  chalk: ChalkInstance;
  inverse: (s: string) => string;
  /** Rows available for a multi-line answer or a list. */
  rows: () => number;
  columns: () => number;
  /** The streams passed to every inquirer prompt. */
  context: { input: Readable; output: Writable };
  print: (text: string) => void;
  /** The theme of inquirer's select and checkbox. */
  theme: { style: { help: (s: string) => string } };
  /** Set by stop(): every prompt from now on ends at once. */
  stopped?: StopSignal;
  /** Ends the prompt on screen (set while one is open). */
  abort?: () => void;
}

/** The real prompter, on a terminal. */
export function terminalPrompter(ctx: TerminalContext = {}): Prompter {
  const output = ctx.output ?? process.stdout;
  const input = ctx.input ?? process.stdin;
  tolerateClosedTerminal(input);
  const chalk = new Chalk({ level: ctx.color === false ? 0 : 1 });
  const columns = () => (output as { columns?: number }).columns ?? 80;
  const terminal: Terminal = {
    input,
    env: ctx.env ?? process.env,
    chalk,
    inverse: (s: string) => (chalk.level > 0 ? chalk.inverse(s) : `\u001b[7m${s}\u001b[27m`),
    rows: () => Math.max(5, ((output as { rows?: number }).rows ?? 24) - 8),
    columns,
    context: { input, output },
    // The full width: overviews use it, and questions (drawn by inquirer) wrap at it too.
    print: (text: string) =>
      void output.write(wrapText(visibleControlsKeepingColour(text), columns(), { whole: isSuggestedCommand, columns: columns() }) + '\n'),
    theme: { style: { help: (s: string) => chalk.dim(s) } },
  };
  return {
    print: terminal.print,
    width: columns,
    input: (options) => runEditor(terminal, options, false),
    editor: (options) => runEditor(terminal, options, true),
    select: <T>(options: SelectOptions<T>) => runSelect(terminal, options),
    checkbox: <T>(options: CheckboxOptions<T>) => runCheckbox(terminal, options),
    stop(signal) {
      terminal.stopped ??= signal;
      terminal.abort?.();
    },
  };
}

/** The text above a prompt, made now (at the width of now) when it is a function. */
function printHeader(t: Terminal, { header }: BaseOptions): void {
  const text = typeof header === 'function' ? header() : header;
  if (text) t.print(text);
}

/** A one-line or multi-line answer in the text prompt; Ctrl+E goes to the external editor and back. `clearOnDone`: no line stays once answered. */
async function runEditor(t: Terminal, options: InputOptions, multiline: boolean, clearOnDone = false): Promise<Reply<string>> {
  const { chalk } = t;
  let text = options.default ?? '';
  let editorFailed = false;
  let cursor: Cursor | undefined;
  for (;;) {
    printHeader(t, options);
    const editorCommand = multiline ? findEditor(t.env) : undefined;
    let draft = text;
    const result = await withKeys(
      t,
      (signal) =>
        textEditor(
          {
            message: options.message,
            default: text,
            ...(options.placeholder && { placeholder: options.placeholder }),
            multiline,
            allowBack: options.allowBack !== false,
            allowUnknown: options.allowUnknown === true,
            ...(options.validate && { validate: options.validate }),
            // Text changed in the external editor (Ctrl+E) counts as touched.
            ...(options.unknownIfUntouched && text === (options.default ?? '') && { unknownIfUntouched: true }),
            editorAvailable: editorCommand !== undefined,
            ...(editorFailed && { error: 'De editor gaf een fout; je tekst staat hier nog. Je kunt hier gewoon verder typen.' }),
            onDraft: (d) => (draft = d),
            ...(cursor && { cursor }),
            onCursor: (c) => (cursor = c),
            rows: t.rows(),
            columns: t.columns(),
            inverse: t.inverse,
            dim: chalk.dim,
            red: chalk.red,
          },
          { ...t.context, signal, clearPromptOnDone: clearOnDone },
        ),
      { navKeys: false, list: false },
    );
    if (isRedraw(result)) {
      // The window was resized: the same prompt again, with the text and the cursor where they were.
      text = draft;
      continue;
    }
    cursor = undefined;
    if (result.kind === 'answer') return result;
    // Left or stopped: what was being typed (also text back from Ctrl+E) goes with the reply, for the runner to keep.
    if (result.kind !== 'external') return leftWith(result, draft, options.default ?? '');
    const edited = await openInEditor(result.value);
    editorFailed = edited === undefined;
    text = edited ?? result.value;
  }
}

/** A text prompt left without answering: the text goes with the reply when it was changed (the runner keeps it as a draft). */
function leftWith(reply: Exclude<Reply<string>, { kind: 'answer' }>, typed: string, start: string): Reply<string> {
  const text = reply.draft ?? typed;
  const left = reply.kind === 'stopped' ? { kind: reply.kind, ...(reply.signal && { signal: reply.signal }) } : { kind: reply.kind };
  return text !== start && text.trim() ? { ...left, draft: text } : left;
}

/**
 * One choice from a list (inquirer's select). With `note`, Ctrl+O picks the
 * highlighted choice and asks for the toelichting on one line; Enter there
 * answers (one confirmation), Ctrl+T goes back to the list on that choice.
 * Picking another choice than the one a toelichting was written for asks
 * about the toelichting once, in the same way.
 */
async function runSelect<T>(t: Terminal, options: SelectOptions<T>): Promise<Reply<T>> {
  const allowNote = options.note !== undefined;
  let note = options.note ?? '';
  let current = options.cursor ?? options.default;
  // The choice the toelichting was written for: picking another one asks to keep, change or clear it.
  let noteFor = options.default;
  // Drawn again on a cleared screen after a resize: the header again, the rows made anew.
  let redrawn = false;
  let showHeader = true;
  for (;;) {
    if (showHeader) printHeader(t, options);
    showHeader = false;
    const hint = keyHint({ select: true, allowBack: options.allowBack, allowUnknown: options.allowUnknown, allowNote }, t.columns());
    // Drawn again after a resize: the rows fitted to the width of now, where the caller can make them (the first time they are).
    const choices = redrawn && options.choicesAt ? options.choicesAt(t.columns()) : options.choices;
    let noteAsked = false;
    const result = await withKeys(
      t,
      (signal) =>
        select<T>(
          {
            message: wrapMessage(t, options.message),
            choices: choices.map((c) => ({
              value: c.value,
              name: choiceName(t, c.name, 2),
              ...(c.description && { description: wrapText(visibleControls(c.description), t.columns() - 1, { hard: true }) }),
            })),
            ...(current !== undefined && { default: current }),
            pageSize: listRows(t),
            loop: false,
            // The toelichting under the question, part of the prompt: it goes with it (the echo repeats it).
            theme: withHint(t, hint, note ? wrapText(visibleControls(`Toelichting: ${note}`), t.columns() - 1, { hard: true }) : undefined),
          },
          { ...t.context, signal, clearPromptOnDone: true },
        ),
      { navKeys: true, list: true, allowUnknown: options.allowUnknown === true, ...(allowNote && { onNote: () => (noteAsked = true) }) },
    );
    if (isRedraw(result)) {
      // The window was resized: the same list again, on the choice that was highlighted.
      current = result.value ?? current;
      showHeader = true;
      redrawn = true;
      continue;
    }
    const reply = settle(result, options);
    const movedAway = reply.kind === 'answer' && allowNote && note.trim() !== '' && reply.value !== noteFor;
    if ((noteAsked || movedAway) && reply.kind === 'answer') {
      current = reply.value;
      noteFor = reply.value;
      const picked = choices.find((c) => c.value === reply.value)?.name ?? '';
      const typed = await runEditor(
        t,
        { message: `Toelichting bij "${picked}" (leeg: geen toelichting):`, default: note, allowBack: true, allowUnknown: false },
        false,
        // Its line goes: the question's own confirmation below says the choice with the toelichting.
        true,
      );
      if (typed.kind === 'stopped') {
        // Stopped while typing the toelichting: the choice and the text go with the reply as a draft, like any typed text.
        const toelichting = typed.draft ?? note;
        const signal = typed.signal && { signal: typed.signal };
        return typeof reply.value === 'string' && toelichting.trim()
          ? { kind: 'stopped', ...signal, choiceDraft: { antwoord: reply.value, toelichting } }
          : { kind: 'stopped', ...signal };
      }
      if (typed.kind === 'back') {
        // Back to the list with Ctrl+T: what was typed stays the toelichting, as on a stop.
        if (typed.draft !== undefined) note = typed.draft;
        continue;
      }
      if (typed.kind !== 'answer') continue;
      note = typed.value;
      echo(t, options.message, reply, picked && note ? `${picked} (${note})` : picked);
      return { ...reply, note };
    }
    const chosen = reply.kind === 'answer' ? choices.find((c) => c.value === reply.value) : undefined;
    const picked = chosen?.echo ?? chosen?.name;
    if (reply.kind !== 'stopped' && picked !== false) echo(t, options.message, reply, picked && note ? `${picked} (${note})` : picked);
    if (reply.kind === 'answer') return allowNote ? { ...reply, note } : reply;
    // Left (or stopped) with a toelichting typed but not confirmed: it goes with the reply, with its choice.
    if (allowNote && note !== (options.note ?? '') && typeof current === 'string' && !current.startsWith('\u0000'))
      return { ...reply, choiceDraft: { antwoord: current, toelichting: note } };
    return reply;
  }
}

/**
 * How many rows a list shows at once: 12, or more in a narrow window, where
 * choices wrap onto several rows each (the menu at 40 columns showed nine of
 * its eleven choices); never more than the window holds beside the question,
 * the description and the key hint.
 */
function listRows(t: Terminal): number {
  const room = Math.max(5, t.rows() - 4);
  return t.columns() < 60 ? room : Math.min(12, room);
}

/**
 * The theme with our key hint (keyHint fits it to the width) in the place of
 * inquirer's, and `below`, a dimmed line under the question (the toelichting).
 */
const withHint = (t: Terminal, hint: string, below?: string) => ({
  ...t.theme,
  // Only our keys, also when INQUIRER_KEYBINDINGS asks for vim or emacs keys (where Ctrl+N would move down).
  keybindings: [],
  style: {
    ...t.theme.style,
    keysHelpTip: () => t.theme.style.help(hint),
    ...(below && { message: (text: string) => `${t.chalk.bold(text)}\n${t.chalk.dim(below)}` }),
  },
});

/** Any number of choices from a list (inquirer's checkbox). */
async function runCheckbox<T>(t: Terminal, options: CheckboxOptions<T>): Promise<Reply<T[]>> {
  let checked = new Set(options.checked ?? []);
  for (;;) {
    printHeader(t, options);
    const hint = keyHint({ checkbox: true, allowBack: options.allowBack, allowUnknown: options.allowUnknown }, t.columns());
    const result = await withKeys(
      t,
      (signal) =>
        checkbox<T>(
          {
            message: wrapMessage(t, options.message),
            choices: options.choices.map((c) => ({ value: c.value, name: choiceName(t, c.name, 3), checked: checked.has(c.value) })),
            pageSize: listRows(t),
            loop: false,
            theme: withHint(t, hint),
          },
          { ...t.context, signal, clearPromptOnDone: true },
        ),
      { navKeys: true, list: true, allowUnknown: options.allowUnknown === true },
    );
    if (isRedraw(result)) {
      // The window was resized: the same list again, with what was ticked.
      if (result.value) checked = new Set(result.value);
      continue;
    }
    const reply = settle(result, options);
    const picked =
      reply.kind === 'answer'
        ? options.choices
            .filter((c) => reply.value.includes(c.value))
            .map((c) => c.name)
            .join(', ') || '(niets gekozen)'
        : undefined;
    if (reply.kind !== 'stopped') echo(t, options.message, reply, picked);
    return reply;
  }
}

/** After a list prompt: one line with the question and what was chosen. */
function echo(t: Terminal, message: string, reply: Reply<unknown>, picked: string | undefined): void {
  const { chalk } = t;
  const answer = reply.kind === 'unknown' ? 'Weet ik (nog) niet' : reply.kind === 'back' ? '(terug)' : visibleControls(picked ?? '');
  const mark = reply.kind === 'back' ? chalk.dim('↩') : chalk.green('✔');
  t.print(`${mark} ${chalk.bold(visibleControls(message))} ${chalk.cyan(answer)}`);
}

// --- inquirer's errors -----------------------------------------------------------

/** What a prompt runs with, besides the prompt itself. */
interface KeyOptions {
  /** Ctrl+T (back) and Ctrl+N (weet ik niet) end a list prompt; a text prompt handles them itself. */
  navKeys: boolean;
  /** Ctrl+N ends the prompt as "weet ik (nog) niet" (lists); where not offered, the key does nothing. */
  allowUnknown?: boolean;
  /** A list (select, checkbox): after a resize it answers with what is highlighted or ticked, to be drawn again on that. */
  list: boolean;
  /** Ctrl+O answers a list with the highlighted choice (as Enter would) after telling onNote, so the caller can ask for the toelichting. */
  onNote?: () => void;
}

/** The window was resized while the prompt was open: draw it again (a list: on `value`, what was highlighted or ticked). */
interface Redraw<R> {
  kind: 'redraw';
  value?: R;
}

function isRedraw<R>(result: unknown): result is Redraw<R> {
  return typeof result === 'object' && result !== null && (result as { kind?: unknown }).kind === 'redraw';
}

/** Run a prompt with Ctrl+T / Ctrl+N / Ctrl+D mapped onto an abort, and a resize onto a redraw (resize.ts). */
async function withKeys<R>(t: Terminal, run: (signal: AbortSignal) => Promise<R>, o: KeyOptions): Promise<R | Reply<never> | Redraw<R>> {
  if (t.stopped) return { kind: 'stopped', signal: t.stopped };
  const controller = new AbortController();
  let reason: string | undefined;
  t.abort = () => {
    reason = 'stop';
    controller.abort(reason);
  };
  const onKey = (_: unknown, key: Key | undefined) => {
    if (!key?.ctrl) return;
    if (o.onNote && key.name === 'o') {
      o.onNote();
      // Synchronously, before the list sees Ctrl+O itself: it answers with the highlighted choice.
      pressEnter(t.input);
      return;
    }
    if (key.name === 'd') reason = 'eof';
    else if (o.navKeys && key.name === 't') reason = 'back';
    else if (o.navKeys && o.allowUnknown && key.name === 'n') reason = 'unknown';
    else return;
    controller.abort(reason);
  };
  t.input.on('keypress', onKey);
  // Apart from `reason`: a stop that comes after a list answered for a resize must not make that an answer.
  let resized = false;
  const stopWatching = watchResize(t.context.output as unknown as SizedOutput, () => {
    if (reason) return;
    resized = true;
    if (o.list) pressEnter(t.input);
    else controller.abort('resize');
  });
  try {
    const prompt = run(controller.signal);
    // The prompt is on the screen now (inquirer draws it when it is created).
    questionShown();
    const value = await prompt;
    // A list answered for the resize; a text prompt answered by its own key just before it stays an answer.
    return resized && o.list ? redraw(t, value) : value;
  } catch (err) {
    if (resized && !reason && err instanceof AbortPromptError) return redraw(t, undefined);
    return mapError(err, () => reason, t.stopped);
  } finally {
    stopWatching();
    t.abort = undefined;
    t.input.removeListener('keypress', onKey);
  }
}

/** The prompt ended for a resize: clear the screen, so that it is drawn again from the top. */
function redraw<R>(t: Terminal, value: R | undefined): Redraw<R> {
  t.context.output.write(CLEAR_SCREEN);
  return value === undefined ? { kind: 'redraw' } : { kind: 'redraw', value };
}

/** Enter, as if typed: a list answers with what is highlighted (or ticked). */
function pressEnter(input: Readable): void {
  input.emit('keypress', '\r', { name: 'return', ctrl: false, meta: false, shift: false, sequence: '\r' });
}

/** An aborted prompt becomes `back` or `unknown` (by the key that aborted it); a stopped one `stopped`. */
function mapError(err: unknown, signalReason: () => string | undefined, stopped: StopSignal | undefined): Reply<never> {
  if (err instanceof AbortPromptError) {
    const reason = signalReason();
    if (reason === 'back') return { kind: 'back' };
    if (reason === 'unknown') return { kind: 'unknown' };
    return { kind: 'stopped', ...(stopped && { signal: stopped }) };
  }
  if (err instanceof ExitPromptError) return { kind: 'stopped', ...(stopped && { signal: stopped }) };
  throw err;
}

function settle<T>(result: T | Reply<never>, options: BaseOptions): Reply<T> {
  if (isReply(result)) {
    if (result.kind === 'back' && options.allowBack === false) return { kind: 'back' };
    return result;
  }
  return { kind: 'answer', value: result };
}

function isReply(value: unknown): value is Reply<never> {
  return typeof value === 'object' && value !== null && 'kind' in value && ['back', 'unknown', 'stopped'].includes(String((value as { kind: unknown }).kind));
}

// --- a closed terminal -------------------------------------------------------------

/**
 * When the terminal window is closed, stdin ends and readline switches raw
 * mode off on it; that fails (EIO), and the error is re-emitted on inquirer's
 * readline interface, which has no listener, so the program would crash
 * before it could save what was typed. A failing setRawMode is harmless
 * here: swallow its error event (only during that call).
 */
function tolerateClosedTerminal(input: Readable): void {
  const tty = input as Readable & { setRawMode?: (mode: boolean) => unknown; werkboekTolerant?: boolean };
  if (typeof tty.setRawMode !== 'function' || tty.werkboekTolerant) return;
  tty.werkboekTolerant = true;
  const setRawMode = tty.setRawMode.bind(tty);
  tty.setRawMode = (mode: boolean) => {
    const emit = tty.emit;
    tty.emit = ((event: string | symbol, ...args: unknown[]) => (event === 'error' ? false : emit.call(tty, event, ...args))) as typeof tty.emit;
    try {
      return setRawMode(mode);
    } finally {
      tty.emit = emit;
    }
  };
}

// --- printing --------------------------------------------------------------------

/**
 * A question wrapped by us, within the width after inquirer's "? ": inquirer
 * would wrap it too, but starts a line with a space when the line before
 * exactly fills the terminal.
 */
function wrapMessage(t: Terminal, message: string): string {
  return wrapText(visibleControls(message), t.columns() - 2, { hard: true });
}

/**
 * A choice as the list shows it: a name too long for the terminal goes on
 * under its own text, after the `indent` columns of the marks before it
 * ("❯ " in a select, "❯◉ " in a checkbox). Inquirer would wrap it to the
 * first column, under the marks.
 */
function choiceName(t: Terminal, name: string, indent: number): string {
  return wrapText(visibleControls(name), Math.max(10, t.columns() - indent), { hard: true }).replaceAll('\n', `\n${' '.repeat(indent)}`);
}
