// Wrapping text to the terminal width, for printed text (inquirer.ts), for
// what the prompts draw (text-editor.ts) and for the introduction: words are
// never split unless `hard`, a wrapped line never starts with the space it
// was broken at, and an indented line keeps its indentation on the lines it
// wraps onto. The wrapping itself is fast-wrap-ansi's, the library
// @inquirer/core wraps with.
import { wrapAnsi } from 'fast-wrap-ansi';

/**
 * Wrap each line to the width, keeping its indentation on the lines it wraps
 * onto. `whole`: lines to leave as they are (a command to copy: the terminal
 * shows it on more rows, and it is copied as one line).
 */
export function wrapText(text: string, width: number, options: { hard?: boolean; whole?: (line: string) => boolean } = {}): string {
  return text
    .split('\n')
    .map((line) => {
      if (options.whole?.(line)) return line;
      const indent = /^ */.exec(line)?.[0] ?? '';
      const wrapped = wrapLine(line.slice(indent.length), Math.max(20, width - indent.length), options.hard ?? false);
      return wrapped
        .split('\n')
        .map((l) => indent + l)
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
