// The plain Prompter (`werkboek start --eenvoudig`): the same questions as
// inquirer.ts, as plain lines, for screen readers, simple terminals (TERM=dumb)
// and scripts (answers from a pipe). No cursor movement, no redraw, no colour:
// only readable text, every line ending with a newline. Input is read line by
// line (split as node:readline does, each line bounded), so on a terminal the
// system does the echo and line editing, and a pipe is read as a list of answers.
//
// Choices are numbered and answered by number or word; navigation is typed as
// commands (`:terug`, `:weetniet`, `:overzicht`, `:stop`, `:hulp` or `?`); a long answer
// ends with a line holding only "."; a toelichting follows the choice after
// "|" or is given with `:toelichting`. The end of input stops like Ctrl+C.
import type { Readable, Writable } from 'node:stream';
import { InterruptedError, type StopSignal } from '../support/errors.js';
import { answerTooLong, MAX_ANSWER_CHARS } from '../support/read-limited.js';
import { wrapText } from '../support/wrap.js';
import { isSuggestedCommand } from '../support/invocation.js';
import type { CheckboxOptions, Choice, InputOptions, Prompter, Reply, SelectOptions } from './prompter.js';
import { LineReader, TOO_LONG } from './line-reader.js';

export interface PlainContext {
  input?: Readable;
  output?: Writable;
  /**
   * Repeat each answer read ("Antwoord: …"), so that the output of a piped
   * run reads as a conversation (default: when input is not a terminal,
   * where the terminal itself shows what is typed).
   */
  echo?: boolean;
  /** The longest answer (and line) taken, in characters (default MAX_ANSWER_CHARS; tests inject a small one). */
  maxAnswer?: number;
  /**
   * Wrap lines between words at this width (default: the terminal's width
   * when output is a terminal, which would otherwise cut "biblioth|eek"; no
   * wrapping into a pipe, where a screen reader or script reads whole lines).
   */
  columns?: number | undefined;
}

export interface PlainPrompter extends Prompter {
  /** Ctrl+C (SIGINT): end the open prompt and every later one (they reply `stopped`). */
  interrupt(): void;
  /** Stop reading input (at the end of the session). */
  close(): void;
}

/** The commands, as the help names them (once at the start, and on "?"). */
export const PLAIN_HELP = [
  'Zo werkt de eenvoudige weergave:',
  'Typ je antwoord en druk op Enter. Bij een keuzevraag typ je het nummer of het woord.',
  'Een lang antwoord mag meerdere regels hebben; sluit het af met een regel met alleen een punt.',
  "Bij een vraag met meer keuzes typ je de nummers met komma's ertussen, of 0 voor geen.",
  'Opdrachten beginnen met een dubbele punt:',
  ':terug  naar de vorige vraag.',
  ':weetniet  weet ik (nog) niet.',
  ':toelichting  een toelichting bij je keuze, bij een ja/nee- of keuzevraag. Of typ achter het nummer een verticale streep en de toelichting (bijvoorbeeld 1 | alleen voor IDO).',
  ':leeg  een ingevuld antwoord leegmaken.',
  ':overzicht  alle vragen met je antwoorden; daar kun je ook afronden.',
  ':stop  stoppen; alles wat je hebt beantwoord is bewaard.',
  ':hulp (of een vraagteken)  deze uitleg.',
].join('\n');

/** The full screen's keys, as the plain mode's commands. */
const KEY_COMMANDS: Record<string, string> = { T: ':terug', N: ':weetniet', O: ':toelichting' };

const COMMANDS = ['terug', 'weetniet', 'toelichting', 'leeg', 'overzicht', 'stop', 'hulp'] as const;
type Command = (typeof COMMANDS)[number];

/** The plain prompter on these streams (default: stdin and stdout). */
export function plainPrompter(ctx: PlainContext = {}): PlainPrompter {
  const output = ctx.output ?? process.stdout;
  const input = ctx.input ?? process.stdin;
  const maxAnswer = ctx.maxAnswer ?? MAX_ANSWER_CHARS;
  const columns = ctx.columns ?? ((output as { isTTY?: boolean }).isTTY ? (output as { columns?: number }).columns : undefined);
  const session = new PlainSession(
    new LineReader(input, maxAnswer),
    (text: string) => void output.write((columns ? wrapText(readable(text), columns - 1, { whole: isSuggestedCommand }) : readable(text)) + '\n'),
    ctx.echo ?? (input as { isTTY?: boolean }).isTTY !== true,
    maxAnswer,
  );
  return {
    print: session.write,
    // No wrapping here (the terminal or screen reader does that): overviews may use long lines.
    width: () => 160,
    input: (options) => asReply(text(session, options, false)),
    editor: (options) => asReply(text(session, options, true)),
    select: (options) => asReply(select(session, options)),
    checkbox: (options) => asReply(checkbox(session, options)),
    stop: (signal) => session.stop(signal),
    interrupt: () => session.stop(),
    close: () => session.lines.close(),
  };
}

/** What the prompts of one plain prompter share: its lines, its output, and whether it was stopped. */
class PlainSession {
  /** Set on a stop: every prompt from now on ends at once. */
  stopped: { signal?: StopSignal } | undefined;

  constructor(
    readonly lines: LineReader,
    readonly write: (text: string) => void,
    private readonly echo: boolean,
    readonly maxAnswer: number,
  ) {}

  /** The next line typed; a stop or the end of input throws InterruptedError (the prompts reply `stopped`, see asReply). */
  async read(more = false): Promise<string> {
    const { lines, write, echo, maxAnswer } = this;
    if (this.stopped) throw new InterruptedError(this.stopped.signal);
    let line = await lines.next();
    while (line === TOO_LONG) {
      write(`Deze regel is te lang (meer dan ${maxAnswer} tekens); hij is niet gebruikt. Typ een korter antwoord.`);
      line = await lines.next();
    }
    if (line === undefined) {
      write('Einde van de invoer: gestopt, zoals met Ctrl+C.');
      this.stopped = {};
      throw new InterruptedError();
    }
    if (echo) write(more ? line : `Antwoord: ${line}`);
    return line;
  }

  stop(signal?: StopSignal): void {
    this.stopped ??= signal ? { signal } : {};
    this.lines.fail(new InterruptedError(signal));
  }
}

/** A command typed instead of an answer, or undefined. */
function command(line: string): Command | undefined {
  const t = line.trim().toLowerCase();
  if (t === '?') return 'hulp';
  if (!t.startsWith(':')) return undefined;
  const word = t.slice(1).split(/\s+/)[0] ?? '';
  return COMMANDS.find((c) => c === word) ?? (word === 'weet-niet' || word === 'weet' ? 'weetniet' : undefined);
}

/** Back / unknown / overview / stop / help: a reply, or undefined to ask again (after saying why). */
function navigate(session: PlainSession, cmd: Command, options: InputOptions | SelectOptions<unknown> | CheckboxOptions<unknown>): Reply<never> | undefined {
  const { write } = session;
  switch (cmd) {
    case 'terug':
      // A question (the first: nothing before it) or a menu (its choices are the way on).
      if (options.allowBack === false)
        write(options.allowReview || !('choices' in options) ? 'Dit is de eerste vraag.' : 'Terug kan hier niet: kies een van de mogelijkheden.');
      else return { kind: 'back' };
      return undefined;
    case 'weetniet':
      if (options.allowUnknown) return { kind: 'unknown' };
      write('Bij deze vraag kun je geen "weet ik (nog) niet" kiezen.');
      return undefined;
    case 'overzicht':
      if (options.allowReview) return { kind: 'review' };
      write('Het overzicht is hier niet beschikbaar.');
      return undefined;
    case 'stop':
      session.stopped = {};
      return { kind: 'stopped' };
    case 'hulp':
      write(PLAIN_HELP);
      // The question again, so the answer typed next is read against it.
      write(`Terug naar de vraag: ${options.message}`);
      return undefined;
    case 'toelichting':
      write('Een toelichting kan alleen bij een ja/nee- of keuzevraag.');
      return undefined;
    case 'leeg':
      write('Leegmaken kan alleen bij een getypt antwoord.');
      return undefined;
  }
}

function show({ write }: PlainSession, options: { header?: string | (() => string); message: string }): void {
  const header = typeof options.header === 'function' ? options.header() : options.header;
  if (header) write(header);
  write(options.message);
}

async function text(session: PlainSession, options: InputOptions, multiline: boolean): Promise<Reply<string>> {
  const { write, maxAnswer } = session;
  const read = (more?: boolean) => session.read(more);
  const current = options.default ?? '';
  show(session, options);
  if (multiline)
    write(
      current ? `Ingevuld:\n${current}\nEen regel met alleen een punt houdt dit; nieuwe tekst vervangt het.` : 'Sluit af met een regel met alleen een punt.',
    );
  else if (current) write(`Ingevuld: ${current}. Druk op Enter om dit te houden.`);
  else if (options.placeholder) write(`Nu: ${options.placeholder}`);
  for (;;) {
    const first = await read();
    const cmd = command(first);
    let value: string;
    if (cmd === 'leeg') value = '';
    else if (cmd) {
      const reply = navigate(session, cmd, options);
      if (reply) return reply;
      continue;
    } else if (!multiline) {
      value = first === '' ? current : first;
    } else {
      const typed = first === '.' ? [] : [first];
      if (first !== '.') {
        for (;;) {
          const line = await read(true).catch((err: unknown) => {
            if (err instanceof InterruptedError) return err;
            throw err;
          });
          // Stopped halfway a long answer: what was typed goes with the reply, for the runner to keep as a draft.
          if (line instanceof InterruptedError) return withTyped({ kind: 'stopped', ...(line.signal && { signal: line.signal }) }, typed);
          if (line === '.') break;
          // A command on a line of its own inside a long answer is a command, not text.
          const inner = line.trim().startsWith(':') ? command(line) : undefined;
          if (inner === 'stop') {
            session.stopped = {};
            return withTyped({ kind: 'stopped' }, typed);
          }
          if (inner) {
            write(
              'Rond eerst je antwoord af met een regel met alleen een punt; daarna werkt deze opdracht. (Met :stop stop je meteen; wat je typte wordt als onbevestigd antwoord bewaard.)',
            );
            continue;
          }
          typed.push(line);
        }
      }
      value = typed.length ? typed.join('\n') : current;
    }
    if (options.unknownIfUntouched && cmd !== 'leeg' && value === current) return { kind: 'unknown' };
    const problem = answerTooLong(value.length, maxAnswer) ?? options.validate?.(value);
    if (problem) {
      write(problem);
      continue;
    }
    return { kind: 'answer', value };
  }
}

async function select<T>(session: PlainSession, options: SelectOptions<T>): Promise<Reply<T>> {
  const { write } = session;
  const read = () => session.read();
  const allowNote = options.note !== undefined;
  let note = options.note ?? '';
  // The choice the toelichting was written for: another choice asks to keep, change or clear it (as the full screen does).
  let noteFor: T | undefined = options.default;
  show(session, options);
  write(list(options.choices));
  const initial = options.choices.findIndex((c) => c.value === options.default);
  if (initial >= 0) write(`Enter kiest ${initial + 1}. ${options.choices[initial]?.name ?? ''}`);
  if (note) write(`Toelichting: ${note}`);
  for (;;) {
    const line = await read();
    const cmd = command(line);
    if (cmd === 'toelichting' && allowNote) {
      const rest = line.trim().replace(/^:\S+\s*/, '');
      if (rest) note = rest;
      else {
        write('Typ de toelichting (een lege regel: geen toelichting).');
        note = (await read()).trim();
      }
      write(note ? `Toelichting: ${note}. Kies nu je antwoord.` : 'Geen toelichting. Kies nu je antwoord.');
      // Typed for the choice that comes next, whichever it is.
      noteFor = undefined;
      continue;
    }
    // ":overzicht" where the list itself offers the overview ("Wat wil je doen?" when resuming): that choice.
    const overviewChoice = cmd === 'overzicht' && !options.allowReview ? options.choices.find((c) => /^overzicht\b/i.test(c.name)) : undefined;
    if (overviewChoice) return { kind: 'answer', value: overviewChoice.value };
    if (cmd) {
      const reply = navigate(session, cmd, options);
      if (reply) return reply;
      continue;
    }
    const bar = allowNote ? line.indexOf('|') : -1;
    const typed = bar >= 0 ? line.slice(0, bar) : line;
    if (typed.trim() === '' && initial < 0) {
      write(`Typ een nummer van 1 tot ${options.choices.length}.`);
      continue;
    }
    const index = typed.trim() === '' ? initial : pick(options.choices, typed);
    if (typeof index === 'string') {
      write(index);
      continue;
    }
    const choice = options.choices[index];
    if (!choice) continue;
    if (bar >= 0) note = line.slice(bar + 1).trim();
    else if (allowNote && note.trim() && noteFor !== undefined && choice.value !== noteFor) {
      const kept = await askNoteAgain(session, choice, note);
      if (kept.kind === 'back') continue;
      if (kept.kind === 'stopped') return kept.reply;
      note = kept.note;
    }
    return allowNote ? { kind: 'answer', value: choice.value, note } : { kind: 'answer', value: choice.value };
  }
}

/**
 * Another choice than the one the toelichting was written for: say so and
 * ask to keep it (Enter), change it (typed text) or clear it (`:leeg`);
 * `:terug` goes back to the list, `:stop` stops with the choice and the
 * toelichting kept as an unconfirmed answer.
 */
async function askNoteAgain<T>(
  session: PlainSession,
  choice: Choice<T>,
  note: string,
): Promise<{ kind: 'note'; note: string } | { kind: 'back' } | { kind: 'stopped'; reply: Reply<T> }> {
  const { write } = session;
  for (;;) {
    write(`Toelichting bij "${readable(choice.name)}" (Enter houdt "${note}", :leeg maakt hem leeg):`);
    const line = await session.read().catch((err: unknown) => {
      if (err instanceof InterruptedError) return err;
      throw err;
    });
    if (line instanceof InterruptedError || command(line) === 'stop') {
      if (!(line instanceof InterruptedError)) session.stopped = {};
      const signal = line instanceof InterruptedError && line.signal ? { signal: line.signal } : {};
      const draft = typeof choice.value === 'string' ? { choiceDraft: { antwoord: choice.value, toelichting: note } } : {};
      return { kind: 'stopped', reply: { kind: 'stopped', ...signal, ...draft } };
    }
    const cmd = command(line);
    if (cmd === 'leeg') return { kind: 'note', note: '' };
    if (cmd === 'terug') {
      write('Terug naar de keuzes. Kies je antwoord.');
      return { kind: 'back' };
    }
    if (cmd) {
      write('Typ de toelichting, of druk op Enter om hem te houden.');
      continue;
    }
    return { kind: 'note', note: line.trim() === '' ? note : line.trim() };
  }
}

async function checkbox<T>(session: PlainSession, options: CheckboxOptions<T>): Promise<Reply<T[]>> {
  const { write } = session;
  const read = () => session.read();
  show(session, options);
  write(list(options.choices));
  const checked = options.choices.flatMap((c, i) => ((options.checked ?? []).includes(c.value) ? [i + 1] : []));
  write(
    `Typ de nummers van je keuzes met komma's ertussen, of 0 voor geen.${checked.length ? ` Nu gekozen: ${checked.join(', ')}. Druk op Enter om dit te houden.` : ''}`,
  );
  for (;;) {
    const line = await read();
    const cmd = command(line);
    if (cmd) {
      const reply = navigate(session, cmd, options);
      if (reply) return reply;
      continue;
    }
    const t = line.trim();
    if (t === '') return { kind: 'answer', value: options.choices.filter((_, i) => checked.includes(i + 1)).map((c) => c.value) };
    if (t === '0') return { kind: 'answer', value: [] };
    const parts = /^[\d\s,;]+$/.test(t)
      ? t.split(/[\s,;]+/).filter(Boolean)
      : t
          .split(/[,;]/)
          .map((p) => p.trim())
          .filter(Boolean);
    const picked = new Set<number>();
    let problem: string | undefined;
    for (const part of parts) {
      const index = pick(options.choices, part);
      if (typeof index === 'string') problem ??= index;
      else picked.add(index);
    }
    if (problem) {
      write(problem);
      continue;
    }
    return { kind: 'answer', value: options.choices.filter((_, i) => picked.has(i)).map((c) => c.value) };
  }
}

/**
 * The choices numbered: on one line when short ("1. Ja,  2. Nee,  3. Weet ik
 * (nog) niet"), else one per line. When choices carry numbers of their own
 * (the overview: "Stap 2, 4.1. Is er …"), the number to type is said as such
 * ("Nummer 12: Stap 2, 4.1. …"), so that "12. 4.1." cannot be misread.
 */
function list(choices: Choice<unknown>[]): string {
  const ownNumbers = choices.some((c) => /^(Stap \d+ · )?\d/.test(c.name));
  const names = choices.map((c, i) => `${ownNumbers ? `Nummer ${i + 1}:` : `${i + 1}.`} ${readable(c.name)}`);
  const short = choices.length <= 4 && names.join(',  ').length <= 70 && !choices.some((c) => c.name.includes(','));
  return short ? names.join(',  ') : names.join('\n');
}

/** The index of the choice typed as its number or (the start of) its name, or a message saying why not. */
function pick(choices: Choice<unknown>[], typed: string): number | string {
  const t = normalise(typed);
  const range = `Typ een nummer van 1 tot ${choices.length}.`;
  if (!t) return range;
  if (/^\d+\.?$/.test(t)) {
    const n = Number.parseInt(t, 10);
    return n >= 1 && n <= choices.length ? n - 1 : `Er is geen keuze ${n}. ${range}`;
  }
  const names = choices.map((c) => normalise(c.name));
  const exact = names.indexOf(t);
  if (exact >= 0) return exact;
  for (const test of [(n: string) => n.startsWith(t), (n: string) => ` ${n} `.includes(` ${t} `) || n.includes(` ${t}`)]) {
    const found = names.flatMap((n, i) => (test(n) ? [i] : []));
    if (found.length === 1) return found[0] ?? 0;
    if (found.length > 1) return `"${typed.trim()}" past bij meer keuzes: ${found.map((i) => i + 1).join(', ')}. Typ het nummer.`;
  }
  return `"${typed.trim()}" staat niet in de lijst. ${range}`;
}

function normalise(s: string): string {
  return readable(s)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.…:]+$/, '')
    .trim();
}

/**
 * Text as the plain mode shows it: no escape codes or other control
 * characters, and plain words or punctuation for the symbols of the full
 * screen, which a screen reader skips or reads oddly ("·", "—", "→", "✔", "…",
 * a blank cell "–"). A key of the full screen that the runner names in a
 * message (Ctrl+T, Ctrl+N, Ctrl+O) becomes the command that does the same here.
 */
export function readable(text: string): string {
  return (
    text
      .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\t/g, ' ')
      // A blank cell of a group overview: "Taalhuis · – · Nee".
      .replace(/(^|· )–(?= ·|$)/gm, '$1leeg')
      .replace(/ · /g, ', ')
      .replace(/·/g, ',')
      .replace(/([:?.!])? — /g, (_, p: string | undefined) => (p ? `${p} ` : ': '))
      .replace(/[→✔] /g, '')
      .replace(/ ?…/g, '...')
      .replace(/\bCtrl\+T: terug/g, ':terug gaat terug')
      // A screen reader spells "dd-mm-jjjj" letter by letter.
      .replace(/\bdd-mm-jjjj\b/g, 'dag-maand-jaar')
      .replace(/\bCtrl\+([TNO])\b/g, (_, key: string) => KEY_COMMANDS[key] ?? key)
  );
}

/** A prompt's stop (Ctrl+C, :stop, the end of input, a signal) as a reply: the prompts reply `stopped`, never throw. */
async function asReply<T>(prompt: Promise<Reply<T>>): Promise<Reply<T>> {
  return prompt.catch((err: unknown) => {
    if (err instanceof InterruptedError) return { kind: 'stopped', ...(err.signal && { signal: err.signal }) };
    throw err;
  });
}

/** A stop halfway a long answer: the lines typed go with the reply as its draft. */
function withTyped<T>(reply: Extract<Reply<T>, { kind: 'stopped' }>, typed: string[]): Reply<T> {
  return typed.join('').trim() ? { ...reply, draft: typed.join('\n') } : reply;
}
