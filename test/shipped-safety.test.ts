// The escaping and sanitising checks of report-escape.test.ts and
// report-safety.test.ts, run against what bin/werkboek.js ships (the bundle
// in dist/app/, with the packages as they are bundled), not against src/:
// seeded random answers, rich in Markdown, HTML, URLs and terminal control
// characters, written into dossiers and made into md, html and eml reports
// by the program itself.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { decode, elements, htmlLines, randomText, textLines } from './helpers/hostile-text.js';
import { prng } from './helpers/prng.js';
import { assertBuilt, binPath, runNode } from './helpers/run.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-shipped-');
const SEED = 20261207;
const DOSSIERS = 8;
const QUESTIONS = ['stakeholders', 'kernboodschap', 'doelen', 'intern-betrokken', 'rol-bibliotheek', 'externe-partners', 'benodigdheden', 'acties', 'planning'];
const CONTROLS = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u0007', '\u009b31m', '\u0000'];
/** Any control character but newline, tab and the CR of CRLF. */
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
/** What a report document may contain: its skeleton and the report's own elements. */
const ALLOWED = new Set([
  'html',
  'head',
  'meta',
  'title',
  'body',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'blockquote',
  'strong',
  'em',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'a',
]);

function expectNoActiveContent(html: string, context: string): void {
  expect(html, context).not.toMatch(/<(script|img|iframe|object|embed|svg|math|style|form|input|link|base)\b/i);
  expect(html, context).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html, context).not.toMatch(/<[^>]*javascript:/i);
  for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)) expect(href, context).toMatch(/^(https?:|mailto:)/);
  expect(
    [...elements(html)].filter((e) => !ALLOWED.has(e)),
    context,
  ).toEqual([]);
}

describe(`the shipped program: ${DOSSIERS} dossiers of random hostile answers (seed ${SEED})`, () => {
  it('md, html and eml reports: no active content, no raw control characters, and every typed line shown as text', async () => {
    assertBuilt();
    const rand = prng(SEED);
    for (let d = 0; d < DOSSIERS; d++) {
      const map = path.join(tmp(), `dossier-${d}`);
      await mkdir(map);
      const typed = QUESTIONS.map(() => randomText(rand, 24));
      const answers: Record<string, string> = { naam: randomText(rand, 4), bibliotheek: randomText(rand, 4) };
      for (const [i, id] of QUESTIONS.entries()) answers[id] = typed[i]!;
      // Control characters in the name: they must reach no output raw.
      answers.naam = `${answers.naam}${CONTROLS[d % CONTROLS.length]}einde`;
      await writeFile(path.join(map, 'plan-van-aanpak.yaml'), stringify({ werkblad: 'plan-van-aanpak', versie: 1, status: 'concept', antwoorden: answers }));
      const outputs: Record<string, string> = {};
      for (const format of ['md', 'html', 'eml']) {
        const file = path.join(map, `rapport.${format}`);
        const r = await runNode([binPath, 'rapport', 'plan-van-aanpak', '-o', file], { env: { WERKBOEK_MAP: map, HOME: tmp() } });
        expect(r.code, `dossier ${d} ${format}: ${r.stderr}`).toBe(0);
        outputs[format] = await readFile(file, 'utf8');
      }
      const context = `dossier ${d}: ${JSON.stringify(answers)}`;
      for (const [format, text] of Object.entries(outputs)) expect(RAW_CONTROL.test(text), `${format} ${context}`).toBe(false);
      const mail = await simpleParser(outputs.eml!);
      for (const html of [outputs.html!, String(mail.html)]) {
        expectNoActiveContent(html, context);
        const shown = new Set(htmlLines(html));
        for (const [i, text] of typed.entries()) {
          for (const line of textLines(text)) expect(shown.has(line), `${QUESTIONS[i]} "${line}" in ${context}`).toBe(true);
        }
      }
      expect(RAW_CONTROL.test(mail.text ?? ''), context).toBe(false);
      expect(decode(outputs.html!)).toContain('einde');
    }
  }, 120_000);
});
