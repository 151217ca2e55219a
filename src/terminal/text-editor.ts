// The text prompt, one line or many, written on @inquirer/core: its own text
// buffer and cursor, bracketed paste, scrolling of long answers, and the keys
// Ctrl+S/T/N/E (see keys.ts). Ctrl+E ends it with the text, for the external
// editor (external-editor.ts).
import { createPrompt, isBackspaceKey, isEnterKey, makeTheme, useKeypress, usePrefix, useState, useRef, useEffect } from '@inquirer/core';
import { cursorHide } from '@inquirer/ansi';
import { isCtrl, keyHint, type Key } from './keys.js';
import { visibleControls } from '../support/control.js';
import { wrapText } from '../support/wrap.js';
import { answerTooLong } from '../support/read-limited.js';
import type { Reply } from './prompter.js';

export interface EditorConfig {
  message: string;
  default?: string;
  placeholder?: string;
  multiline: boolean;
  allowBack: boolean;
  allowUnknown: boolean;
  validate?: (value: string) => string | undefined;
  /** Confirmed without any edit: finish with `unknown` (see InputOptions). */
  unknownIfUntouched?: boolean;
  /** Told the text after every change, so what was typed can be kept when the program is stopped. */
  onDraft?: (text: string) => void;
  /** Where the cursor starts (default: the end of the text); the prompt drawn again after a resize starts where it was. */
  cursor?: Cursor;
  /** Told the cursor after every key that moved it or changed the text. */
  onCursor?: (cursor: Cursor) => void;
  /** The external editor key is available (multi-line only). */
  editorAvailable: boolean;
  /** The longest answer taken (default MAX_ANSWER_CHARS). */
  maxLength?: number;
  /** A message to show from the start (e.g. the external editor failed). */
  error?: string;
  rows: number;
  columns: number;
  inverse: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
}

export type EditorResult = Reply<string> | { kind: 'external'; value: string };

/** A place in the text: line and character (code point) in it. */
export interface Cursor {
  row: number;
  col: number;
}

// --- the text buffer -------------------------------------------------------------

interface Buffer {
  lines: string[];
  row: number;
  col: number;
}

/** The text as a buffer, the cursor at its end or (kept within the text) at `at`. */
function toBuffer(text: string, at?: Cursor): Buffer {
  const lines = text.split(/\r\n|\r|\n/);
  const row = at ? Math.min(Math.max(0, at.row), lines.length - 1) : lines.length - 1;
  const length = codePoints(lines[row] ?? '');
  return { lines, row, col: at ? Math.min(Math.max(0, at.col), length) : length };
}

/** The whole text of the buffer. */
function textOf(buf: Buffer): string {
  return buf.lines.join('\n');
}

/** The number of characters (code points) in a string, as `[...s].length` without the array. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    // A surrogate pair is one character.
    if ((s.codePointAt(i) ?? 0) > 0xffff) i++;
  }
  return n;
}

/** The string index of character (code point) `col` of a line. */
function indexOf(line: string, col: number): number {
  let i = 0;
  for (let c = 0; c < col && i < line.length; c++) i += (line.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

/**
 * Insert text at the cursor: line breaks (CRLF counts as one) start a new
 * line, or become a space in a one-line answer; a tab becomes two spaces.
 * In one go, whatever the length of the text (a paste of a whole document).
 */
function insertText(buf: Buffer, text: string, multiline: boolean): Buffer {
  const { row, col } = buf;
  const line = buf.lines[row] ?? '';
  const at = indexOf(line, col);
  const parts = text.replace(/\t/g, '  ').split(/\r\n|\r|\n/);
  if (!multiline || parts.length === 1) {
    const added = parts.join(' ');
    const lines = [...buf.lines];
    lines[row] = line.slice(0, at) + added + line.slice(at);
    return { lines, row, col: col + codePoints(added) };
  }
  const last = parts[parts.length - 1] ?? '';
  const inserted = [line.slice(0, at) + (parts[0] ?? ''), ...parts.slice(1, -1), last + line.slice(at)];
  const lines = [...buf.lines.slice(0, row), ...inserted, ...buf.lines.slice(row + 1)];
  return { lines, row: row + parts.length - 1, col: codePoints(last) };
}

function editKey(buf: Buffer, key: Key, multiline: boolean): Buffer | undefined {
  const lines = [...buf.lines];
  const { row, col } = buf;
  const chars = [...(lines[row] ?? '')];
  // Ctrl+U, as in every shell: wipe the line up to the cursor (e.g. a pre-filled date).
  if (isCtrl(key, 'u')) {
    lines[row] = chars.slice(col).join('');
    return { lines, row, col: 0 };
  }
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
  const text = typedText(key);
  return text === undefined ? undefined : insertText(buf, text, multiline);
}

/** The text a key types, if any: no control keys, no escape sequences. */
function typedText(key: Key): string | undefined {
  const seq = key.sequence;
  if (key.ctrl || key.meta || !seq || seq.startsWith('\u001b') || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(seq)) return undefined;
  return seq;
}

// --- the prompt ------------------------------------------------------------------

/**
 * A bracketed paste arrives as one key per character. Its text is collected
 * here and put into the buffer in one change (so one render) when the paste
 * ends, before any other key, or PASTE_SHOW_MS after its first character (a
 * paste that keeps coming, or whose end marker got lost, still shows).
 */
interface Paste {
  active: boolean;
  pending: string;
  timer: NodeJS.Timeout | undefined;
}

const PASTE_SHOW_MS = 100;

export const textEditor = createPrompt<EditorResult, EditorConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [doneText, setDoneText] = useState<string | undefined>(undefined);
  const [buf, setBuf] = useState<Buffer>(() => toBuffer(config.default ?? '', config.cursor));
  const [error, setError] = useState<string | undefined>(config.error);
  // The buffer as last changed, also by a paste applied between two renders.
  const current = useRef(buf);
  const paste = useRef<Paste>({ active: false, pending: '', timer: undefined });
  const touched = useRef(false);
  // "\r\n" arrives as two keys (return, enter): count it as one line break.
  const afterCR = useRef(false);
  const prefix = usePrefix({ status, theme });

  const edit = (next: Buffer) => {
    const text = textOf(next);
    if (text !== textOf(current.current)) {
      touched.current = true;
      config.onDraft?.(text);
    }
    current.current = next;
    config.onCursor?.({ row: next.row, col: next.col });
    setBuf(next);
  };
  /** Put the pasted text collected so far into the buffer; returns the buffer. */
  const flushPaste = (): Buffer => {
    const p = paste.current;
    clearTimeout(p.timer);
    p.timer = undefined;
    if (p.pending) {
      const pending = p.pending;
      p.pending = '';
      setError(undefined);
      edit(insertText(current.current, pending, config.multiline));
    }
    return current.current;
  };
  useBracketedPaste(() => {
    // Stopped in the middle of a paste: what was pasted so far is part of the draft.
    const p = paste.current;
    clearTimeout(p.timer);
    p.timer = undefined;
    if (p.pending) config.onDraft?.(textOf(insertText(current.current, p.pending, config.multiline)));
    p.pending = '';
  });

  useKeypress((key: Key, rl) => {
    if (status !== 'idle') return;
    // We keep our own buffer; keep readline's empty so it never echoes or edits.
    rl.clearLine(0);
    const finish = (value: EditorResult) => {
      if (value.kind === 'unknown') setDoneText('Weet ik (nog) niet');
      if (value.kind === 'back') setDoneText('(terug)');
      if (value.kind === 'external') setDoneText('(in editor)');
      setStatus('done');
      done(value);
    };
    handleKey(key, { config, setBuf: edit, setError, finish, paste, flushPaste, afterCR, touched });
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return renderDone(config, buf, doneText, prefix, message, theme.style.answer);
  return renderEditing(config, buf, error, prefix, message);
});

/** Bracketed paste: a pasted text with newlines stays one answer. `onEnd` runs when the prompt ends. */
function useBracketedPaste(onEnd: () => void): void {
  useEffect((rl) => {
    rl.output.unmute();
    rl.output.write('\u001b[?2004h');
    rl.output.mute();
    return () => {
      onEnd();
      rl.output.unmute();
      rl.output.write('\u001b[?2004l');
      rl.output.mute();
    };
  }, []);
}

// --- keys while typing -----------------------------------------------------------

interface KeyContext {
  config: EditorConfig;
  setBuf: (buf: Buffer) => void;
  setError: (error: string | undefined) => void;
  finish: (value: EditorResult) => void;
  paste: { current: Paste };
  flushPaste: () => Buffer;
  afterCR: { current: boolean };
  touched: { current: boolean };
}

/** One key while the prompt is open: paste markers, stop, commands, submit, or an edit. */
function handleKey(key: Key, k: KeyContext): void {
  const { config, setBuf, setError } = k;
  const paste = k.paste.current;
  if (key.name === 'paste-start') {
    paste.active = true;
    return;
  }
  if (key.name === 'paste-end') {
    paste.active = false;
    k.flushPaste();
    return;
  }
  if (isCtrl(key, 'c') || isCtrl(key, 'd')) {
    k.flushPaste();
    return;
  }
  const crlf = k.afterCR.current && key.name === 'enter';
  k.afterCR.current = key.name === 'return';
  if (crlf) return;
  if (paste.active) {
    const text = isEnterKey(key) ? '\n' : typedText(key);
    if (text !== undefined) {
      paste.pending += text;
      paste.timer ??= setTimeout(k.flushPaste, PASTE_SHOW_MS);
      return;
    }
  }
  const buf = k.flushPaste();
  const text = textOf(buf);
  if (commandKey(key, k, text)) return;
  const submit = config.multiline ? isCtrl(key, 's') : isEnterKey(key);
  if (submit) {
    if (config.unknownIfUntouched && !k.touched.current) {
      k.finish({ kind: 'unknown' });
      return;
    }
    const value = config.multiline ? text.replace(/\s+$/, '') : text.trim();
    // Too long for an answers file: said here, and the text stays to be shortened.
    const problem = answerTooLong(value.length, config.maxLength) ?? config.validate?.(value);
    if (problem) {
      setError(problem);
      return;
    }
    setBuf(toBuffer(value));
    k.finish({ kind: 'answer', value });
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
}

/** Ctrl+T (back), Ctrl+N (weet ik niet), Ctrl+E (external editor); true when the key was one of them. */
function commandKey(key: Key, k: KeyContext, text: string): boolean {
  const { config, finish, setError } = k;
  // Leaving without answering: what was typed goes with it (the runner keeps it as a draft).
  const typed = k.touched.current ? { draft: text } : {};
  if (isCtrl(key, 't')) {
    if (config.allowBack) finish({ kind: 'back', ...typed });
    else setError('Dit is de eerste vraag.');
    return true;
  }
  if (isCtrl(key, 'n')) {
    if (config.allowUnknown) finish({ kind: 'unknown', ...typed });
    else setError('Deze vraag kun je niet met "weet ik (nog) niet" beantwoorden.');
    return true;
  }
  if (config.multiline && isCtrl(key, 'e')) {
    if (config.editorAvailable) finish({ kind: 'external', value: text });
    else setError('Er is geen eigen teksteditor ingesteld op deze computer. Typ je antwoord hier verder.');
    return true;
  }
  return false;
}

// --- drawing ---------------------------------------------------------------------

/** One line per answered question; a long answer shows its first line and how many follow. */
function renderDone(config: EditorConfig, buf: Buffer, doneText: string | undefined, prefix: string, message: string, answer: (s: string) => string): string {
  const [first = '', ...rest] = visibleControls(doneText ?? buf.lines.join('\n')).split('\n');
  const more = rest.length ? config.dim(` (+${rest.length} regel${rest.length === 1 ? '' : 's'})`) : '';
  const mark = doneText === '(terug)' ? config.dim('↩') : prefix;
  return fitWidth(`${mark} ${message} ${answer(first)}${more}`, config.columns);
}

/**
 * A line wrapped by us when it is wider than the terminal: inquirer would
 * wrap it too, but starts the next line with a space when a line exactly
 * fills the width, and without the indentation of the line.
 */
function fitWidth(line: string, width: number): string {
  const visible = [...line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')].length;
  return visible < width ? line : wrapText(line, width - 1, { hard: true });
}

/** The open prompt: the text with its cursor, then (below) an error and the key hint. */
function renderEditing(config: EditorConfig, buf: Buffer, error: string | undefined, prefix: string, message: string): [string, string] {
  const { windowed, above, below } = scrollWindow(config, drawLines(config, buf), buf.row);
  // A long line of a multi-line answer wraps onto lines with the same indentation.
  const body = config.multiline
    ? [fitWidth(`${prefix} ${message}`, config.columns), ...above, ...windowed.map((l) => fitWidth(`  ${l}`, config.columns)), ...below].join('\n')
    : fitWidth(`${prefix} ${message} ${windowed[0] ?? ''}`, config.columns);
  const hint = config.dim(
    keyHint({ multiline: config.multiline, allowBack: config.allowBack, allowUnknown: config.allowUnknown, editor: config.editorAvailable }, config.columns),
  );
  // The error (a check's message) wrapped between words; the terminal would cut it anywhere.
  const bottom = [error ? config.red(wrapText(error, config.columns - 1)) : '', hint].filter(Boolean).join('\n');
  return [`${body}${cursorHide}`, bottom];
}

/** The text's lines with a visible cursor (or the placeholder while empty). */
function drawLines(config: EditorConfig, buf: Buffer): string[] {
  const empty = buf.lines.length === 1 && buf.lines[0] === '';
  return buf.lines.map((line, r) => {
    if (empty && config.placeholder) return config.inverse(' ') + config.dim(config.placeholder);
    // Control characters (from a file, or pasted) are shown, not sent to the terminal;
    // one visible symbol per character, so the cursor column stays right.
    if (r !== buf.row) return visibleControls(line);
    const chars = [...visibleControls(line)];
    const at = chars[buf.col] ?? ' ';
    return chars.slice(0, buf.col).join('') + config.inverse(at) + chars.slice(buf.col + 1).join('');
  });
}

/** Scroll so the cursor row stays on screen; say how many lines are above and below. */
function scrollWindow(config: EditorConfig, drawn: string[], row: number): { windowed: string[]; above: string[]; below: string[] } {
  const maxRows = Math.max(3, config.rows);
  let first = 0;
  if (drawn.length > maxRows) first = Math.min(Math.max(0, row - maxRows + 2), drawn.length - maxRows);
  const windowed = drawn.slice(first, first + maxRows);
  const above = first > 0 ? [config.dim(`  ↑ nog ${first} regel(s) hierboven`)] : [];
  const belowCount = drawn.length - first - windowed.length;
  const below = belowCount > 0 ? [config.dim(`  ↓ nog ${belowCount} regel(s) hieronder`)] : [];
  return { windowed, above, below };
}
