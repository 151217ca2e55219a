#!/usr/bin/env node
// Paste benchmark for the text prompt (dist/terminal/text-editor.js, so run
// `npm run build` first): a bracketed paste fed to the prompt the way a
// terminal sends it, timed from the write until the answer is back.
//
//   node scripts/bench-paste.mjs                 all cases
//   node scripts/bench-paste.mjs 20k-line        only cases whose name contains this
//   node scripts/bench-paste.mjs --module <file>  another build of text-editor.js
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { render } from '@inquirer/testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--module');
const file = at >= 0 ? path.resolve(args.splice(at, 2)[1]) : path.join(root, 'dist', 'terminal', 'text-editor.js');
const { textEditor } = await import(pathToFileURL(file).href);
const only = args[0];

/** Dutch-looking text of `size` characters; lines of about 70 characters joined with `eol` (none: one line). */
function text(size, eol) {
  const words = 'de bibliotheek ondersteunt inwoners bij digitale vaardigheden in één gemeente – café'.split(' ');
  let out = '';
  let line = 0;
  for (let i = 0; out.length < size; i++) {
    const w = words[i % words.length];
    if (eol && line > 70) {
      out += eol;
      line = 0;
    } else if (out) {
      out += ' ';
      line++;
    }
    out += w;
    line += w.length;
  }
  return out.slice(0, size).trimEnd();
}

const config = (multiline, def) => ({
  message: 'Noteer op welke wijze.',
  multiline,
  allowBack: true,
  allowUnknown: true,
  editorAvailable: false,
  rows: 22,
  columns: 100,
  ...(def && { default: def }),
  inverse: (s) => s,
  dim: (s) => s,
  red: (s) => s,
});

const longAnswer = text(10_000, '\n');
const cases = [
  ['2.5k-line', false, 2_500, ''],
  ['5k-line', false, 5_000, ''],
  ['10k-line', false, 10_000, ''],
  ['20k-line', false, 20_000, ''],
  ['20k-line-multiline-question', true, 20_000, ''],
  ['20k-multiline-into-long-answer', true, 20_000, '\r\n'],
];

for (const [name, multiline, size, eol] of cases) {
  if (only && !name.includes(only)) continue;
  const pasted = text(size, eol);
  const def = eol ? longAnswer : undefined;
  const { answer, input } = await render(textEditor, config(multiline, def));
  const t0 = performance.now();
  input.write(`\x1b[200~${pasted}\x1b[201~`);
  input.write(multiline ? '\x13' : '\r');
  const result = await answer;
  const ms = performance.now() - t0;
  const want = multiline ? ((def ?? '') + pasted.replace(/\r\n/g, '\n')).replace(/\s+$/, '') : pasted.trim();
  const ok = result.kind === 'answer' && result.value === want;
  console.log(`${name.padEnd(32)} ${String(Math.round(ms)).padStart(7)} ms${ok ? '' : '  WRONG ANSWER'}`);
}
