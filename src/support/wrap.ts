// Wrapping text to the terminal width, for printed text (inquirer.ts), for
// what the prompts draw (text-editor.ts) and for the introduction: words are
// never split unless `hard`, a wrapped line never starts with the space it
// was broken at, and an indented line keeps its indentation on the lines it
// wraps onto (a "- " item, with `bullets`, the indentation of its text). The wrapping itself is fast-wrap-ansi's, the library
// @inquirer/core wraps with.
import { wrapAnsi } from 'fast-wrap-ansi';

/**
 * Wrap each line to the width, keeping its indentation on the lines it wraps
 * onto. `whole`: lines to leave as one line (a command to copy: the terminal
 * shows it on more rows, and it is copied as one line); with `columns` (the
 * terminal's width) such a line wider than the terminal is laid out between
 * words (softBreak), still as one line.
 */
export function wrapText(
  text: string,
  width: number,
  options: { hard?: boolean; whole?: (line: string) => boolean; columns?: number; bullets?: boolean } = {},
): string {
  return text
    .split('\n')
    .map((line) => {
      if (options.whole?.(line)) return options.columns ? softBreak(line, options.columns) : line;
      const indent = /^ */.exec(line)?.[0] ?? '';
      // `bullets`: the lines a "- " item wraps onto start under its text, not under the dash.
      const more = options.bullets && line.startsWith('- ', indent.length) ? `${indent}  ` : indent;
      const wrapped = wrapLine(line.slice(indent.length), Math.max(20, width - more.length), options.hard ?? false);
      return wrapped
        .split('\n')
        .map((l, i) => (i ? more : indent) + l)
        .join('\n');
    })
    .join('\n');
}

/**
 * Lines wrapped before: the editor draws every line of an answer again at
 * each key, and only the line being typed in changes.
 */
const wrapped = new Map<string, string>();
const REMEMBERED = 200;

/** One line (or several, each on its own) wrapped to `columns`. */
export function wrapLine(line: string, columns: number, hard: boolean): string {
  const key = `${columns}:${hard ? 'h' : 's'}:${line}`;
  let result = wrapped.get(key);
  if (result === undefined) {
    result = wrapAnsi(line, columns, { hard, trim: true });
    if (wrapped.size >= REMEMBERED) wrapped.delete(wrapped.keys().next().value as string);
    wrapped.set(key, result);
  }
  return result;
}

/**
 * A command wider than the terminal, kept one line (so that it is copied as
 * one line and never runs half of it when pasted) but broken between words on
 * the screen: each row filled up with spaces to the terminal's edge, where the
 * terminal goes on at the next row, and the next row indented as the line.
 * A quoted word ("Naam collega") is never broken; extra spaces between
 * words mean nothing to a shell. Characters count one column each (commands
 * and paths).
 */
export function softBreak(line: string, columns: number): string {
  const indent = /^ */.exec(line)?.[0] ?? '';
  const words = line.slice(indent.length).match(/(?:"[^"]*"|'[^']*'|[^\s"'])+|\S+/g) ?? [];
  if (visibleLength(line) <= columns || indent.length >= columns / 2) return line;
  const rows: string[] = [];
  let row = indent;
  for (const word of words) {
    const next = row === indent ? row + word : `${row} ${word}`;
    if (visibleLength(next) <= columns || row === indent) row = next;
    else {
      // A word wider than a row takes more rows: filled up to the edge of its last one.
      rows.push(row + ' '.repeat((columns - (visibleLength(row) % columns)) % columns));
      row = indent + word;
    }
  }
  return rows.join('') + row;
}

/** Columns a text takes: one per character, colour codes none. */
function visibleLength(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
