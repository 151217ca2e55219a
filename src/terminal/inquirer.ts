// The prompt adapter: the only module that imports @inquirer. The runner
// talks to the `Prompter` interface; tests replace it with a scripted one.
//
// Keys (shown under every prompt):
//   Enter          next question (in a multi-line answer: a new line)
//   Ctrl+S         finish a multi-line answer ("opslaan")
//   Ctrl+T         back to the previous question ("terug")
//   Ctrl+N         "weet ik (nog) niet"
//   Ctrl+E         open the answer in $VISUAL / $EDITOR
//   Ctrl+C/Ctrl+D  stop; everything answered is saved
import path from 'node:path';
import { accessSync, constants } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useState,
  useRef,
  useEffect,
  AbortPromptError,
  ExitPromptError,
  type KeypressEvent,
} from '@inquirer/core';
import { cursorHide } from '@inquirer/ansi';
import select from '@inquirer/select';
import checkbox from '@inquirer/checkbox';
import { Chalk } from 'chalk';
import wrapAnsi from 'wrap-ansi';
import { InterruptedError } from '../support/errors.js';
import type { BaseOptions, CheckboxOptions, InputOptions, Prompter, Reply, SelectOptions } from './prompter.js';


export interface TerminalContext {
  input?: Readable;
  output?: Writable;
  color?: boolean;
  env?: NodeJS.ProcessEnv;
}

type Key = KeypressEvent & { sequence?: string; meta?: boolean; shift?: boolean };

const isCtrl = (key: Key, name: string) => key.ctrl && key.name === name;

/**
 * The one-line key hint under a prompt. It always names how to go back, how
 * to answer "weet ik (nog) niet", how to finish and how to stop; longer
 * wording when the terminal is wide enough.
 */
export function keyHint(
  o: { multiline?: boolean; allowBack?: boolean; allowUnknown?: boolean; select?: boolean; checkbox?: boolean },
  width = 80,
): string {
  // From the fullest wording to the most compact; the first that fits wins.
  const build = (long: boolean, editor: boolean, enter: boolean): string => {
    const parts: string[] = [];
    if (o.multiline) {
      if (enter) parts.push(long ? 'Enter nieuwe regel' : 'Enter regel');
      parts.push('Ctrl+S klaar');
    } else if (o.checkbox) parts.push('Spatie aan/uit', 'Enter klaar');
    else if (o.select) parts.push(long ? '↑↓ en Enter kiezen' : '↑↓ Enter kiezen');
    else parts.push('Enter volgende');
    if (o.allowBack !== false) parts.push('Ctrl+T terug');
    if (o.allowUnknown) parts.push(long ? 'Ctrl+N weet ik (nog) niet' : 'Ctrl+N weet niet');
    if (o.multiline && editor) parts.push('Ctrl+E editor');
    parts.push(long ? 'Ctrl+C stoppen' : 'Ctrl+C stop');
    return parts.join(' · ');
  };
  const candidates = [build(true, true, true), build(false, true, true), build(false, false, true), build(false, false, false)];
  return candidates.find((c) => c.length < width) ?? candidates[candidates.length - 1]!;
}

// --- the text editor prompt (one line or many) -------------------------------

export interface EditorConfig {
  message: string;
  default?: string;
  placeholder?: string;
  multiline: boolean;
  allowBack: boolean;
  allowUnknown: boolean;
  validate?: (value: string) => string | undefined;
  /** Told the text typed so far when the user stops with Ctrl+C or Ctrl+D. */
  onDraft?: (text: string) => void;
  /** The external editor key is available (multi-line only). */
  editorAvailable: boolean;
  rows: number;
  columns: number;
  inverse: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
}

export type EditorResult = Reply<string> | { kind: 'external'; value: string };

interface Buffer {
  lines: string[];
  row: number;
  col: number;
}

function toBuffer(text: string): Buffer {
  const lines = text.split(/\r\n|\r|\n/);
  const row = lines.length - 1;
  return { lines, row, col: [...(lines[row] ?? '')].length };
}

function insertText(buf: Buffer, text: string, multiline: boolean): Buffer {
  const lines = [...buf.lines];
  let { row, col } = buf;
  const parts = text.split(/\r\n|\r|\n/);
  parts.forEach((part, i) => {
    if (i > 0) {
      if (multiline) {
        const chars = [...(lines[row] ?? '')];
        lines[row] = chars.slice(0, col).join('');
        lines.splice(row + 1, 0, chars.slice(col).join(''));
        row++;
        col = 0;
      } else {
        part = ' ' + part;
      }
    }
    const chars = [...(lines[row] ?? '')];
    const add = [...part.replace(/\t/g, '  ')];
    lines[row] = [...chars.slice(0, col), ...add, ...chars.slice(col)].join('');
    col += add.length;
  });
  return { lines, row, col };
}

function editKey(buf: Buffer, key: Key, multiline: boolean): Buffer | undefined {
  const lines = [...buf.lines];
  const { row, col } = buf;
  const chars = [...(lines[row] ?? '')];
  if (isBackspaceKey(key)) {
    if (col > 0) {
      lines[row] = [...chars.slice(0, col - 1), ...chars.slice(col)].join('');
      return { lines, row, col: col - 1 };
    }
    if (row > 0) {
      const prev = [...(lines[row - 1] ?? '')];
      lines[row - 1] = prev.join('') + chars.join('');
      lines.splice(row, 1);
      return { lines, row: row - 1, col: prev.length };
    }
    return buf;
  }
  if (key.name === 'delete') {
    if (col < chars.length) {
      lines[row] = [...chars.slice(0, col), ...chars.slice(col + 1)].join('');
      return { lines, row, col };
    }
    if (row < lines.length - 1) {
      lines[row] = chars.join('') + (lines[row + 1] ?? '');
      lines.splice(row + 1, 1);
      return { lines, row, col };
    }
    return buf;
  }
  if (key.name === 'left') {
    if (col > 0) return { lines, row, col: col - 1 };
    if (row > 0) return { lines, row: row - 1, col: [...(lines[row - 1] ?? '')].length };
    return buf;
  }
  if (key.name === 'right') {
    if (col < chars.length) return { lines, row, col: col + 1 };
    if (row < lines.length - 1) return { lines, row: row + 1, col: 0 };
    return buf;
  }
  if (key.name === 'home' || isCtrl(key, 'a')) return { lines, row, col: 0 };
  if (key.name === 'end') return { lines, row, col: chars.length };
  if (multiline && key.name === 'up' && row > 0) {
    return { lines, row: row - 1, col: Math.min(col, [...(lines[row - 1] ?? '')].length) };
  }
  if (multiline && key.name === 'down' && row < lines.length - 1) {
    return { lines, row: row + 1, col: Math.min(col, [...(lines[row + 1] ?? '')].length) };
  }
  if (key.name === 'up' || key.name === 'down') return buf;
  const seq = key.sequence;
  if (!key.ctrl && !key.meta && seq && !seq.startsWith('\u001b') && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(seq)) {
    return insertText(buf, seq, multiline);
  }
  return undefined;
}

export const textEditor = createPrompt<EditorResult, EditorConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [doneText, setDoneText] = useState<string | undefined>(undefined);
  const [buf, setBuf] = useState<Buffer>(toBuffer(config.default ?? ''));
  const [error, setError] = useState<string | undefined>(undefined);
  const pasting = useRef(false);
  // "\r\n" arrives as two keys (return, enter): count it as one line break.
  const afterCR = useRef(false);
  const prefix = usePrefix({ status, theme });

  // Bracketed paste: a pasted text with newlines stays one answer.
  useEffect((rl) => {
    rl.output.unmute();
    rl.output.write('\u001b[?2004h');
    rl.output.mute();
    return () => {
      rl.output.unmute();
      rl.output.write('\u001b[?2004l');
      rl.output.mute();
    };
  }, []);

  useKeypress((key: Key, rl) => {
    if (status !== 'idle') return;
    // We keep our own buffer; keep readline's empty so it never echoes or edits.
    rl.clearLine(0);
    if (key.name === 'paste-start') {
      pasting.current = true;
      return;
    }
    if (key.name === 'paste-end') {
      pasting.current = false;
      return;
    }
    const finish = (value: EditorResult) => {
      if (value.kind === 'unknown') setDoneText('Weet ik (nog) niet');
      if (value.kind === 'back') setDoneText('(terug)');
      if (value.kind === 'external') setDoneText('(in editor)');
      setStatus('done');
      done(value);
    };
    const text = buf.lines.join('\n');
    if (isCtrl(key, 'c') || isCtrl(key, 'd')) {
      config.onDraft?.(text);
      return;
    }
    const crlf = afterCR.current && key.name === 'enter';
    afterCR.current = key.name === 'return';
    if (crlf) return;
    if (pasting.current && isEnterKey(key)) {
      setBuf(insertText(buf, '\n', config.multiline));
      return;
    }
    if (isCtrl(key, 't')) {
      if (config.allowBack) finish({ kind: 'back' });
      else setError('Dit is de eerste vraag.');
      return;
    }
    if (isCtrl(key, 'n')) {
      if (config.allowUnknown) finish({ kind: 'unknown' });
      else setError('Deze vraag kun je niet met "weet ik (nog) niet" beantwoorden.');
      return;
    }
    if (config.multiline && isCtrl(key, 'e')) {
      if (config.editorAvailable) finish({ kind: 'external', value: text });
      else setError('Geen editor gevonden: stel VISUAL of EDITOR in. Je kunt hier gewoon verder typen.');
      return;
    }
    const submit = config.multiline ? isCtrl(key, 's') : isEnterKey(key);
    if (submit) {
      const value = config.multiline ? text.replace(/\s+$/, '') : text.trim();
      const problem = config.validate?.(value);
      if (problem) {
        setError(problem);
        return;
      }
      setBuf(toBuffer(value));
      finish({ kind: 'answer', value });
      return;
    }
    if (config.multiline && isEnterKey(key)) {
      setBuf(insertText(buf, '\n', true));
      setError(undefined);
      return;
    }
    const next = editKey(buf, key, config.multiline);
    if (next) {
      setBuf(next);
      setError(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    // One line per answered question; a long answer shows its first line and how many follow.
    const [first = '', ...rest] = (doneText ?? buf.lines.join('\n')).split('\n');
    const more = rest.length ? config.dim(` (+${rest.length} regel${rest.length === 1 ? '' : 's'})`) : '';
    const mark = doneText === '(terug)' ? config.dim('↩') : prefix;
    return `${mark} ${message} ${theme.style.answer(first)}${more}`;
  }
  // Draw the text with a visible cursor; scroll so the cursor row stays on screen.
  const empty = buf.lines.length === 1 && buf.lines[0] === '';
  const drawn = buf.lines.map((line, r) => {
    if (empty && config.placeholder) return config.inverse(' ') + config.dim(config.placeholder);
    if (r !== buf.row) return line;
    const chars = [...line];
    const at = chars[buf.col] ?? ' ';
    return chars.slice(0, buf.col).join('') + config.inverse(at) + chars.slice(buf.col + 1).join('');
  });
  const maxRows = Math.max(3, config.rows);
  let first = 0;
  if (drawn.length > maxRows) first = Math.min(Math.max(0, buf.row - maxRows + 2), drawn.length - maxRows);
  const windowed = drawn.slice(first, first + maxRows);
  const above = first > 0 ? [config.dim(`  ↑ nog ${first} regel(s) hierboven`)] : [];
  const belowCount = drawn.length - first - windowed.length;
  const below = belowCount > 0 ? [config.dim(`  ↓ nog ${belowCount} regel(s) hieronder`)] : [];
  const body = config.multiline
    ? [`${prefix} ${message}`, ...above, ...windowed.map((l) => `  ${l}`), ...below].join('\n')
    : `${prefix} ${message} ${windowed[0] ?? ''}`;
  const hint = config.dim(
    keyHint({ multiline: config.multiline, allowBack: config.allowBack, allowUnknown: config.allowUnknown }, config.columns),
  );
  const bottom = [error ? config.red(error) : '', hint].filter(Boolean).join('\n');
  return [`${body}${cursorHide}`, bottom];
});

// --- the adapter ---------------------------------------------------------------

/** Is there an editor we can start for Ctrl+E? */
export function findEditor(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const command = (env.VISUAL || env.EDITOR || '').trim();
  if (!command) return undefined;
  const program = command.split(/\s+/)[0] ?? '';
  if (program.includes('/') || program.includes('\\')) return canRun(program) ? command : undefined;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) for (const ext of exts) if (canRun(path.join(dir, program + ext))) return command;
  return undefined;
}

function canRun(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function mapError(err: unknown, signalReason: () => string | undefined): Reply<never> {
  if (err instanceof AbortPromptError) {
    const reason = signalReason();
    if (reason === 'back') return { kind: 'back' };
    if (reason === 'unknown') return { kind: 'unknown' };
    throw new InterruptedError();
  }
  if (err instanceof ExitPromptError) throw new InterruptedError();
  throw err;
}

/** The real prompter, on a terminal. */
export function terminalPrompter(ctx: TerminalContext = {}): Prompter {
  const output = ctx.output ?? process.stdout;
  const input = ctx.input ?? process.stdin;
  const chalk = new Chalk({ level: ctx.color === false ? 0 : 1 });
  const inverse = (s: string) => (chalk.level > 0 ? chalk.inverse(s) : `\u001b[7m${s}\u001b[27m`);
  const env = ctx.env ?? process.env;
  const rows = () => Math.max(5, ((output as { rows?: number }).rows ?? 24) - 8);
  const columns = () => (output as { columns?: number }).columns ?? 80;
  const context = { input, output };
  const print = (text: string) => void output.write(wrapText(text, Math.min(columns(), 100)) + '\n');

  async function runEditor(options: InputOptions, multiline: boolean): Promise<Reply<string>> {
    let text = options.default ?? '';
    for (;;) {
      if (options.header) print(options.header);
      const editorCommand = multiline ? findEditor(env) : undefined;
      let draft: string | undefined;
      const result = await withKeys(
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
              editorAvailable: editorCommand !== undefined,
              onDraft: (t) => (draft = t),
              rows: rows(),
              columns: columns(),
              inverse,
              dim: chalk.dim,
              red: chalk.red,
            },
            { ...context, signal },
          ),
        false,
      ).catch((err: unknown) => {
        // Keep what was being typed: the runner saves it with the answers.
        if (err instanceof InterruptedError && draft?.trim() && draft !== text) throw new InterruptedError(draft);
        throw err;
      });
      if (result.kind !== 'external') return result;
      text = (await openInEditor(result.value)) ?? result.value;
    }
  }

  /** Run a prompt with Ctrl+T / Ctrl+N / Ctrl+D mapped onto an abort. */
  async function withKeys<R>(run: (signal: AbortSignal) => Promise<R>, navKeys: boolean): Promise<R | Reply<never>> {
    const controller = new AbortController();
    let reason: string | undefined;
    const onKey = (_: unknown, key: Key | undefined) => {
      if (!key?.ctrl) return;
      if (key.name === 'd') reason = 'eof';
      else if (navKeys && key.name === 't') reason = 'back';
      else if (navKeys && key.name === 'n') reason = 'unknown';
      else return;
      controller.abort(reason);
    };
    input.on('keypress', onKey);
    try {
      return await run(controller.signal);
    } catch (err) {
      return mapError(err, () => reason);
    } finally {
      input.removeListener('keypress', onKey);
    }
  }

  const theme = { style: { help: (s: string) => chalk.dim(s) }, helpMode: 'always' as const };

  return {
    print,
    width: columns,
    input: (options) => runEditor(options, false),
    editor: (options) => runEditor(options, true),
    async select<T>(options: SelectOptions<T>): Promise<Reply<T>> {
      if (options.header) print(options.header);
      const hint = keyHint({ select: true, allowBack: options.allowBack, allowUnknown: options.allowUnknown }, columns());
      const result = await withKeys(
        (signal) =>
          select<T>(
            {
              message: options.message,
              choices: options.choices.map((c) => ({ value: c.value, name: c.name, ...(c.description && { description: c.description }) })),
              ...(options.default !== undefined && { default: options.default }),
              pageSize: Math.min(12, rows()),
              loop: false,
              instructions: { navigation: hint, pager: hint },
              theme,
            },
            { ...context, signal, clearPromptOnDone: true },
          ),
        true,
      );
      const reply = settle(result, options);
      const picked = reply.kind === 'answer' ? options.choices.find((c) => c.value === reply.value)?.name : undefined;
      echo(options.message, reply, picked);
      return reply;
    },
    async checkbox<T>(options: CheckboxOptions<T>): Promise<Reply<T[]>> {
      if (options.header) print(options.header);
      const hint = keyHint({ checkbox: true, allowBack: options.allowBack, allowUnknown: options.allowUnknown }, columns());
      const checked = new Set(options.checked ?? []);
      const result = await withKeys(
        (signal) =>
          checkbox<T>(
            {
              message: options.message,
              choices: options.choices.map((c) => ({ value: c.value, name: c.name, checked: checked.has(c.value) })),
              pageSize: Math.min(12, rows()),
              loop: false,
              instructions: hint,
              theme,
            },
            { ...context, signal, clearPromptOnDone: true },
          ),
        true,
      );
      const reply = settle(result, options);
      const picked =
        reply.kind === 'answer'
          ? options.choices.filter((c) => reply.value.includes(c.value)).map((c) => c.name).join(', ') || '(niets gekozen)'
          : undefined;
      echo(options.message, reply, picked);
      return reply;
    },
  };

  /** After a list prompt: one line with the question and what was chosen. */
  function echo(message: string, reply: Reply<unknown>, picked: string | undefined): void {
    const answer = reply.kind === 'unknown' ? 'Weet ik (nog) niet' : reply.kind === 'back' ? '(terug)' : (picked ?? '');
    const mark = reply.kind === 'back' ? chalk.dim('↩') : chalk.green('✔');
    print(`${mark} ${chalk.bold(message)} ${chalk.cyan(answer)}`);
  }
}

function settle<T>(result: T | Reply<never>, options: BaseOptions): Reply<T> {
  if (isReply(result)) {
    if (result.kind === 'back' && options.allowBack === false) return { kind: 'back' };
    return result;
  }
  return { kind: 'answer', value: result };
}

function isReply(value: unknown): value is Reply<never> {
  return typeof value === 'object' && value !== null && 'kind' in value && ((value as { kind: unknown }).kind === 'back' || (value as { kind: unknown }).kind === 'unknown');
}

/** Wrap each line to the width, keeping its indentation on the lines it wraps onto. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0] ?? '';
      const wrapped = wrapAnsi(line.slice(indent.length), Math.max(20, width - indent.length), { hard: false, trim: true });
      return wrapped
        .split('\n')
        .map((l) => indent + l)
        .join('\n');
    })
    .join('\n');
}

/** Open text in the user's editor ($VISUAL / $EDITOR); undefined when that failed. */
async function openInEditor(text: string): Promise<string | undefined> {
  const { edit } = await import('@inquirer/external-editor');
  try {
    return edit(text, { postfix: '.md' }).replace(/\s+$/, '');
  } catch {
    return undefined;
  }
}
