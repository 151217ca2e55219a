// Wrapping text to the terminal width, for printed text (inquirer.ts) and
// for what the prompts draw (text-editor.ts): words are never split unless
// `hard`, a wrapped line never starts with the space it was broken at, and
// an indented line keeps its indentation on the lines it wraps onto.
import wrapAnsi from 'wrap-ansi';

/** Wrap each line to the width, keeping its indentation on the lines it wraps onto. */
export function wrapText(text: string, width: number, options: { hard?: boolean } = {}): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0] ?? '';
      const wrapped = wrapAnsi(line.slice(indent.length), Math.max(20, width - indent.length), { hard: options.hard ?? false, trim: true });
      return wrapped
        .split('\n')
        .map((l) => indent + l)
        .join('\n');
    })
    .join('\n');
}
