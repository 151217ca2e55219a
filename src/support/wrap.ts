// Wrapping text to the terminal width, for printed text (inquirer.ts), for
// what the prompts draw (text-editor.ts) and for the introduction: words are
// never split unless `hard`, a wrapped line never starts with the space it
// was broken at, and an indented line keeps its indentation on the lines it
// wraps onto.
//
// The result is wrap-ansi's (with trim: true), but wrap-ansi itself is only
// loaded for text that needs it: loading it and measuring the first line
// (string-width builds an Intl.Segmenter and a large emoji regex) cost about
// 40 ms before the first question, for the workbook's Latin text that
// quickWrap wraps exactly the same. See preloadWideWrap.
import type WrapAnsi from 'wrap-ansi';

/** Wrap each line to the width, keeping its indentation on the lines it wraps onto. */
export function wrapText(text: string, width: number, options: { hard?: boolean } = {}): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0] ?? '';
      const wrapped = wrapLine(line.slice(indent.length), Math.max(20, width - indent.length), options.hard ?? false);
      return wrapped
        .split('\n')
        .map((l) => indent + l)
        .join('\n');
    })
    .join('\n');
}

let wrapAnsi: typeof WrapAnsi | undefined;

/**
 * Load wrap-ansi for text quickWrap does not measure (emoji, wide and
 * combining characters). `start` calls it once the first question is on
 * the screen; until it is loaded, such text is wrapped conservatively.
 */
export async function preloadWideWrap(): Promise<void> {
  wrapAnsi ??= (await import('wrap-ansi')).default;
}

/**
 * One line wrapped as wrap-ansi (trim: true) wraps it: plain text the quick
 * way (see quickWrap), other text by wrap-ansi once it is loaded; before
 * that, every character quickWrap does not know counts two columns, so a
 * line is at worst wrapped a little early, never too wide.
 */
export function wrapLine(line: string, columns: number, hard: boolean): string {
  if (line.includes('\n')) return line.split('\n').map((l) => wrapLine(l, columns, hard)).join('\n');
  const quick = quickWrap(line, columns, hard);
  if (quick !== undefined) return quick;
  if (wrapAnsi) return wrapAnsi(line, columns, { hard, trim: true });
  return quickWrap(line, columns, hard, true) ?? quickWrap(line, columns, false, true) ?? line;
}

// --- wrap-ansi, in linear time -----------------------------------------------------
//
// wrap-ansi measures the row it is filling again for every word, with a
// string-width that is slow per character: a pasted paragraph of 20 KB took
// a second to draw, on every key. quickWrap does exactly what wrap-ansi 9
// does (with trim: true), keeping the width of the row as it goes, for lines
// whose characters are each one column wide (ASCII, Latin letters and the
// usual punctuation, and the signs @inquirer's choices and our key hints
// draw: ❯ ◉ ◯ ↑ ↓ ⏎), colour codes (ESC [ n m), and the marks ✔ ✖ ↩ that
// the prompts put before an answer (two columns). Anything else (emoji, wide
// or combining characters, other escape sequences) goes to wrap-ansi.

// The characters quickWrap measures itself, as a character class: one column
// each in string-width (not an emoji, not wide, not ignorable) and a grapheme
// of their own; and the marks ✔ ✖ ↩ of two columns.
// ❯ ◉ ◯ (a select's or checkbox's cursor and marks) and ↑ ↓ ⏎ (key hints): without them every select drew through the
// real wrap-ansi, loaded for it with string-width and ansi-styles (about 4 ms before "Wat wil je doen?").
const ONE_COLUMN_CHARS = '\\x20-\\x7e\\xa0-\\xa8\\xaa-\\xac\\xaf-\\u024f\\u2010-\\u2027\\u2030-\\u203b\\u203d-\\u2048\\u204a-\\u205e\\u20ac\\u2191\\u2193\\u23ce\\u25c9\\u25ef\\u276f';
const WIDE_CHARS = '\\u2714\\u2716\\u21a9';
/** Plain text: those characters, and colour codes. */
const PLAIN = new RegExp(`^(?:[${ONE_COLUMN_CHARS}${WIDE_CHARS}]|\\x1b\\[\\d+m)*$`);
const ONE_COLUMN = new RegExp(`^[${ONE_COLUMN_CHARS}]$`);
/** Columns of one character: exact for plain text; any other character counts two (the most a character takes). ASCII (the first range) without the regex. */
const charWidth = (c: string) => {
  const code = c.charCodeAt(0);
  return (code >= 0x20 && code <= 0x7e) || ONE_COLUMN.test(c) ? 1 : 2;
};
const ESC = '\u001b';
// ansi-styles: the code that ends each style (wrap-ansi ends and restarts a style around a line break).
const CLOSE = new Map<number, number>([
  [0, 0],
  [1, 22],
  [2, 22],
  [3, 23],
  [4, 24],
  [53, 55],
  [7, 27],
  [8, 28],
  [9, 29],
  ...[30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97].map((c): [number, number] => [c, 39]),
  ...[40, 41, 42, 43, 44, 45, 46, 47, 100, 101, 102, 103, 104, 105, 106, 107].map((c): [number, number] => [c, 49]),
]);

/** A run of characters of one column each: its width is its length. */
const ONE_COLUMN_RUN = new RegExp(`^[${ONE_COLUMN_CHARS}]*$`);

/** The visible width of plain text (see PLAIN): its characters outside colour codes. */
function plainWidth(s: string): number {
  // Most words: a regex (native) instead of a loop over the characters, which is slow before V8 has compiled it.
  if (ONE_COLUMN_RUN.test(s)) return s.length;
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== ESC) width += charWidth(c);
    else {
      i = s.indexOf('m', i);
      if (i < 0) break;
    }
  }
  return width;
}

/**
 * Whether wrap-ansi would give `line` back unchanged, whatever its options:
 * plain text (see PLAIN) on one row, no wider than `columns`. The bundle
 * gives @inquirer/core's wrap-ansi this shortcut (scripts/build.mjs): what it
 * wraps on every draw is what our prompts wrapped already.
 */
export function fitsAsIs(line: string, columns: number): boolean {
  // Hiding and showing the cursor (the text prompt ends its line so) takes no room.
  const bare = line.replace(CURSOR, '');
  return !bare.includes('\n') && PLAIN.test(bare) && bare.normalize() === bare && plainWidth(bare) <= columns;
}
// eslint-disable-next-line no-control-regex
const CURSOR = /\x1b\[\?25[lh]/g;

/**
 * wrap-ansi's exec (trim: true) for plain text; undefined when the line is
 * not plain. `conservative`: any text, each unknown character counted as two
 * columns (used only until wrap-ansi is loaded).
 */
export function quickWrap(line: string, columns: number, hard: boolean, conservative = false): string | undefined {
  if (!conservative && (!PLAIN.test(line) || line.normalize() !== line)) return undefined;
  if (line.trim() === '') return '';
  const words = line.split(' ');
  const rows = [''];
  let rowWidth = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    const length = plainWidth(word);
    const row = rows[rows.length - 1] ?? '';
    const trimmed = row.trimStart();
    if (trimmed.length !== row.length) {
      rows[rows.length - 1] = trimmed;
      rowWidth = plainWidth(trimmed);
    }
    if (index !== 0 && rowWidth > 0) {
      rows[rows.length - 1] += ' ';
      rowWidth++;
    }
    if (hard && length > columns) {
      // Split character by character: not through a colour code.
      if (word.includes(ESC)) return undefined;
      const remainingColumns = columns - rowWidth;
      const breaksStartingThisLine = 1 + Math.floor((length - remainingColumns - 1) / columns);
      const breaksStartingNextLine = Math.floor((length - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) rows.push('');
      wrapWord(rows, word, columns);
      rowWidth = plainWidth(rows[rows.length - 1] ?? '');
      continue;
    }
    if (rowWidth + length > columns && rowWidth > 0 && length > 0) {
      rows.push('');
      rowWidth = 0;
    }
    rows[rows.length - 1] += word;
    rowWidth += length;
  }
  return restartStyles(rows.map(trimSpacesRight).join('\n'));
}

/** wrap-ansi's wrapWord, for a word of plain characters (no colour codes) longer than a row. */
function wrapWord(rows: string[], word: string, columns: number): void {
  let visible = plainWidth(rows[rows.length - 1] ?? '');
  // By code point: a character outside the plain set (conservative mode) is never cut in two.
  const characters = Array.from(word);
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] ?? '';
    const characterLength = charWidth(character);
    if (visible + characterLength <= columns) rows[rows.length - 1] += character;
    else {
      rows.push(character);
      visible = 0;
    }
    visible += characterLength;
    if (visible === columns && index < characters.length - 1) {
      rows.push('');
      visible = 0;
    }
  }
  const last = rows[rows.length - 1] ?? '';
  if (!visible && last.length > 0 && rows.length > 1) {
    rows.pop();
    rows[rows.length - 1] += last;
  }
}

/** wrap-ansi's stringVisibleTrimSpacesRight: trailing spaces off, colour codes among them kept. */
function trimSpacesRight(row: string): string {
  const words = row.split(' ');
  let last = words.length;
  while (last > 0 && plainWidth(words[last - 1] ?? '') === 0) last--;
  if (last === words.length) return row;
  return words.slice(0, last).join(' ') + words.slice(last).join('');
}

/** As wrap-ansi: a style still on at a line break is ended before it and started again after it. */
function restartStyles(text: string): string {
  if (!text.includes(ESC)) return text; // no style to restart (most text)
  let out = '';
  let escapeCode: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const character = text[i] ?? '';
    out += character;
    if (character === ESC) {
      const code = /\u001b\[(\d+)m/.exec(text.slice(i))?.[1];
      if (code !== undefined) escapeCode = Number(code) === 39 ? undefined : Number(code);
    }
    const close = escapeCode === undefined ? undefined : CLOSE.get(escapeCode);
    if (text[i + 1] === '\n') {
      if (escapeCode && close !== undefined) out += `${ESC}[${close}m`;
    } else if (character === '\n') {
      if (escapeCode && close !== undefined) out += `${ESC}[${escapeCode}m`;
    }
  }
  return out;
}
