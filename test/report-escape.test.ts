// Escaping user text for Markdown: only what would change the structure,
// with a backslash, so the Markdown reads as the typed text (it is also the
// plain-text part of the .eml). Examples first, then a seeded fuzz test
// through the real HTML pipeline (marked + sanitize-html).
import { describe, expect, it } from 'vitest';
import { Marked } from 'marked';
import { escapeBlock, escapeCell, escapeInline, escapeLine } from '../src/report/markdown.js';
import { markdownToHtml } from '../src/report/html.js';
import { prng } from './helpers/prng.js';

import { BLOCK_ELEMENTS, decode, elements, htmlLines, randomText, textLines } from './helpers/hostile-text.js';

/** Like a Markdown viewer without `breaks`: a soft line break joins lines, so only hard breaks keep them apart. */
const viewer = new Marked({ gfm: true, breaks: false, async: false });
viewer.use({ tokenizer: { url: () => undefined } });

// --- examples -----------------------------------------------------------------------

describe('escaping: only what changes structure, readably', () => {
  it.each([
    // Plain text stays plain text: no entities, no backslashes.
    ['inwoners < 65 jaar & meer', 'inwoners < 65 jaar & meer'],
    ['#5 is geen kop, # ook niet', '#5 is geen kop, # ook niet'],
    ['snake_case_naam en 2 * 3 en 10-12 uur', 'snake_case_naam en 2 * 3 en 10-12 uur'],
    ['zie https://www.denhaag.nl/nl/a_b_c of mail a.b@denhaag.nl', 'zie https://www.denhaag.nl/nl/a_b_c of mail a.b@denhaag.nl'],
    ['C:\\Gedeeld\\map (x) [sic] a > b', 'C:\\Gedeeld\\map (x) [sic] a > b'],
    ['ca. ~ 5 uur', 'ca. ~ 5 uur'],
    // What would change the structure gets a backslash.
    ['_niet_ en *niet* en **vet**', '\\_niet\\_ en \\*niet\\* en \\*\\*vet\\*\\*'],
    ['~~weg~~', '\\~\\~weg\\~\\~'],
    ['<b>vet</b> en <!-- x -->', '\\<b>vet\\</b> en \\<!-- x -->'],
    ['<https://evil.example> en <a@b.nl>', '\\<https://evil.example> en \\<a@b.nl>'],
    ['&lt;b&gt; en &#60;', '\\&lt;b\\&gt; en \\&#60;'],
    ['[klik](javascript:alert(1))', '[klik]\\(javascript:alert(1))'],
    ['`code`', '\\`code\\`'],
    ['a\\*b en \\', 'a\\\\\\*b en \\\\'],
    ['# kop', '\\# kop'],
    ['> # kop in citaat', '> \\# kop in citaat'],
    ['Tekst\n===', 'Tekst  \n\\==='],
    ['* * *', '\\* * *'],
    ['- - -', '\\- - -'],
    ['~~~', '\\~\\~\\~'],
    ['[a]: https://evil.example', '\\[a]: https://evil.example'],
    ['a | b\n--|--', 'a | b  \n\\--|--'],
    ['- [ ] taak', '- \\[ ] taak'],
    ['-', '\\-'],
    ['1.', '1\\.'],
  ])('%j -> %j', (typed, markdown) => {
    expect(escapeBlock(typed)).toBe(markdown);
  });

  it('keeps paragraphs, lists and block quotes; a line followed by more text ends in a hard break (two spaces)', () => {
    const text = 'Eerste alinea\nmet een tweede regel.\n\n- punt een\n- punt twee\n  vervolg\n\n1. stap\n2. stap\n\n> citaat\n> tweede regel';
    // Not before a new paragraph, a bullet, "1." or the next item of a numbered list: they end the line anyway.
    expect(escapeBlock(text)).toBe(
      'Eerste alinea  \nmet een tweede regel.\n\n- punt een\n- punt twee  \n  vervolg\n\n1. stap\n2. stap\n\n> citaat  \n> tweede regel',
    );
    // After plain text, "2. …" is more text of the paragraph: it needs the break.
    expect(escapeBlock('In 2026:\n2. helft van het jaar\n3. kwartaal')).toBe('In 2026:  \n2. helft van het jaar  \n3. kwartaal');
    // A Markdown viewer without "breaks" (not ours: ours has breaks on) shows the lines as typed.
    const html = new Marked({ gfm: true, breaks: false, async: false }).parse(escapeBlock('een\ntwee\n\n- a\n  b')) as string;
    expect(html).toBe('<p>een<br>twee</p>\n<ul>\n<li>a<br>b</li>\n</ul>\n');
  });

  it('no code blocks from indentation: at most three spaces, one space after a marker', () => {
    expect(escapeBlock('Tekst\n\n    ingesprongen\n\ttab')).toBe('Tekst\n\n   ingesprongen  \n   tab');
    expect(escapeBlock('*     vijf spaties\n>     citaat\n1.\tstap')).toBe('* vijf spaties  \n> citaat\n1. stap');
    expect(escapeBlock('    alles\n      ingesprongen')).toBe('alles  \n  ingesprongen');
  });

  it('a link reference definition split over lines is no definition', () => {
    const md = escapeBlock('[de site van de gemeente\nDen Haag]: https://evil.example\n\n[de site van de gemeente Den Haag]');
    expect(md.startsWith('\\[de site')).toBe(true);
    expect(markdownToHtml(md)).not.toContain('<a');
    const split = escapeBlock('[de site van de gemeente Den Haag]\n\n[de site van de gemeente Den Haag]:\nhttps://evil.example');
    expect(markdownToHtml(split)).not.toContain('<a');
  });

  it('inline ({{ }}) and table cells: one line, pipes escaped, nothing from the edges', () => {
    expect(escapeInline('een\ntwee')).toBe('een twee');
    expect(escapeInline('a | b')).toBe('a \\| b');
    expect(escapeInline('x *')).toBe('x \\*');
    expect(escapeInline('zie [1]')).toBe('zie [1\\]');
    expect(escapeLine('# kop')).toBe('\\# kop');
    expect(escapeLine('inwoners < 65 jaar')).toBe('inwoners < 65 jaar');
    expect(escapeCell('a | b\nc_')).toBe('a \\| b<br>c\\_');
  });

  it('a sample answer reads as typed', () => {
    expect(escapeBlock('Voor inwoners < 65 jaar, _niet_ ouder.\nZie https://www.denhaag.nl/digitaal.')).toBe(
      'Voor inwoners < 65 jaar, \\_niet\\_ ouder.  \nZie https://www.denhaag.nl/digitaal.',
    );
  });
});

// --- fuzz -------------------------------------------------------------------------------

const SEED = 20261127;
const RUNS = 4000;
// About 2 s on a quiet machine; allow for a busy one (the default is 20 s).
const FUZZ_TIMEOUT = 120_000;

describe(`fuzz: ${RUNS} random answers (seed ${SEED})`, () => {
  it(
    'an answer: only paragraphs, line breaks, lists and block quotes, and exactly the typed text, line by line',
    () => {
      const rand = prng(SEED);
      for (let i = 0; i < RUNS; i++) {
        const typed = randomText(rand, 24);
        const md = escapeBlock(typed);
        const expected = textLines(typed);
        for (const [name, html] of [
          ['html', markdownToHtml(md)],
          ['viewer', viewer.parse(md) as string],
        ] as const) {
          const context = `#${i} ${name}: ${JSON.stringify(typed)} -> ${JSON.stringify(md)}\n${html}`;
          const extra = [...elements(html)].filter((e) => !BLOCK_ELEMENTS.has(e));
          expect(extra, context).toEqual([]);
          expect(htmlLines(html), context).toEqual(expected);
        }
      }
    },
    FUZZ_TIMEOUT,
  );

  it(
    "a value inside bold, italics and a table cell: only the template's elements, and the typed text",
    () => {
      const rand = prng(SEED + 1);
      // Mid-line, markers are text: the typed lines, trimmed, as one line.
      const one = (text: string) =>
        text
          .split(/\r\n?|\n/)
          .map((l) => l.replace(/[ \t]+/g, ' ').trim())
          .filter((l) => l !== '')
          .join(' ');
      for (let i = 0; i < RUNS / 2; i++) {
        const typed = randomText(rand, 12);
        const expected = one(typed);
        if (expected === '') continue;
        const value = escapeLine(typed);
        const cases: Array<[string, RegExp]> = [
          [`**${value}**`, /^<p[^>]*><strong[^>]*>([^<]*)<\/strong><\/p>$/],
          [`Vraag _${value}_ klaar`, /^<p[^>]*>Vraag <em[^>]*>([^<]*)<\/em> klaar<\/p>$/],
          [`| A | B |\n| --- | --- |\n| ${escapeCell(typed)} | z |`, /<td[^>]*>([\s\S]*?)<\/td><td[^>]*>z<\/td>/],
        ];
        for (const [md, shape] of cases) {
          const html = markdownToHtml(md).trim().replace(/\n/g, '');
          const context = `#${i}: ${JSON.stringify(typed)} -> ${JSON.stringify(md)}\n${html}`;
          const m = shape.exec(html);
          expect(m, context).not.toBeNull();
          const text = decode((m?.[1] ?? '').replace(/<br\s*\/?>/g, ' '));
          expect(text.replace(/[ \t]+/g, ' ').trim(), context).toBe(expected);
        }
        // At the start of a line, a {{ }} may be a list item or quote, nothing else.
        const html = markdownToHtml(value);
        const context = `#${i} line: ${JSON.stringify(typed)} -> ${JSON.stringify(value)}\n${html}`;
        expect(
          [...elements(html)].filter((e) => !BLOCK_ELEMENTS.has(e) || e === 'br'),
          context,
        ).toEqual([]);
        expect(htmlLines(html).join(' '), context).toBe(textLines(expected).join(' '));
      }
    },
    FUZZ_TIMEOUT,
  );
});

describe('text with nothing to escape', () => {
  // What most labels and answers are (markdown.ts: PLAIN_TEXT): the escapers return it as it is, and it must read
  // as typed wherever a template puts it.
  const LETTERS = [...'abzAZéÉßøΩжあ'];
  const REST = [...LETTERS, ...'0123456789', ' ', ' ', '  ', '\u00a0', ...',.;:!?\'"()/{}^$%@#=+->–‘’'];

  it(
    'is returned as typed and reads as typed: as a block, on a line, in bold, in italics and in a table cell',
    () => {
      const rand = prng(SEED + 2);
      for (let i = 0; i < RUNS / 2; i++) {
        let typed = LETTERS[Math.floor(rand() * LETTERS.length)]!;
        const n = Math.floor(rand() * 16);
        for (let j = 0; j < n; j++) typed += REST[Math.floor(rand() * REST.length)]!;
        typed = typed.replace(/\s+$/, '');
        const context = `#${i}: ${JSON.stringify(typed)}`;
        for (const escaper of [escapeBlock, escapeLine, escapeInline, escapeCell]) expect(escaper(typed), context).toBe(typed);
        const shown = typed.replace(/[\s\u00a0]+/g, ' ');
        const cases: Array<[string, RegExp]> = [
          [typed, /^<p[^>]*>([^<]*)<\/p>$/],
          [`**${typed}**`, /^<p[^>]*><strong[^>]*>([^<]*)<\/strong><\/p>$/],
          [`Vraag _${typed}_ klaar`, /^<p[^>]*>Vraag <em[^>]*>([^<]*)<\/em> klaar<\/p>$/],
          [`| A | B |\n| --- | --- |\n| ${typed} | z |`, /<td[^>]*>([^<]*)<\/td><td[^>]*>z<\/td>/],
        ];
        for (const [md, shape] of cases) {
          const html = markdownToHtml(md).trim().replace(/\n/g, '');
          const m = shape.exec(html);
          expect(m, `${context} -> ${html}`).not.toBeNull();
          expect(decode(m?.[1] ?? '').replace(/[\s\u00a0]+/g, ' '), `${context} -> ${html}`).toBe(shown);
        }
      }
    },
    FUZZ_TIMEOUT,
  );
});
