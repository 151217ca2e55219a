// User text must never change the structure of a report, and the HTML and
// email versions must never contain active content.
import { describe, expect, it } from 'vitest';
import { Lexer, type Token, type Tokens } from 'marked';
import { simpleParser } from 'mailparser';
import { escapeBlock, escapeCell, escapeInline } from '../src/report/markdown.js';
import { htmlDocument, markdownToHtml, sanitizeReportHtml } from '../src/report/html.js';
import { buildEml } from '../src/report/eml.js';
import { markdownToPlainText } from '../src/report/plain-text.js';
import type { Answers, AnswerValue, GroupItem } from '../src/dossier/answers.js';
import { fixture, htmlPart, NOW, renderDefault, worksheetReportOf } from './report-helpers.js';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[klik](javascript:alert(1))', '# kop', '| a | b |', '---'];

/** All tokens, depth first (block and inline, including table cells and list items). */
function allTokens(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const visit = (t: Token) => {
    out.push(t);
    if (t.type === 'table') {
      const table = t as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) cell.tokens.forEach(visit);
      return;
    }
    if (t.type === 'list') (t as Tokens.List).items.forEach(visit);
    ((t as { tokens?: Token[] }).tokens ?? []).forEach(visit);
  };
  tokens.forEach(visit);
  return out;
}

function structure(md: string) {
  const tokens = allTokens(new Lexer({ gfm: true }).lex(md));
  const of = (type: string) => tokens.filter((t) => t.type === type);
  return {
    headings: of('heading').map((t) => (t as Tokens.Heading).text),
    tables: of('table').map((t) => {
      const table = t as Tokens.Table;
      return { columns: table.header.length, rows: table.rows.map((r) => r.length) };
    }),
    hr: of('hr').length,
    code: of('code').length,
    def: of('def').length,
    html: of('html')
      .map((t) => (t as Tokens.HTML).text.trim())
      .filter((t) => t !== '<br>'),
    links: [...of('link'), ...of('image')].map((t) => (t as Tokens.Link).href),
  };
}

/** The same answers with every free text replaced by "tekst": same visibility, same structure. */
function tame(answers: Answers): Answers {
  const keep = (v: string) => ['ja', 'nee', 'Beide', 'Nog niet', 'betaald', 'vrijwillig'].includes(v) || /^\d{4}-\d{2}-\d{2}$/.test(v);
  const text = (v: unknown): unknown => (typeof v === 'string' && !keep(v) ? 'tekst' : v);
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    if (Array.isArray(value) && value.every((x) => typeof x === 'object' && x !== null)) {
      out[id] = (value as GroupItem[]).map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, text(v)]))) as GroupItem[];
    } else {
      out[id] = text(value) as AnswerValue;
    }
  }
  return out;
}

function expectNoActiveContent(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(img|iframe|object|embed|svg|math|style|form|input)\b/i);
  // No event handler attributes, no javascript: in any tag.
  expect(html.match(/<div/g) ?? []).toHaveLength(html.includes('<!DOCTYPE') ? 1 : 0);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[^>]*javascript:/i);
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:|mailto:)/);
}

describe('escapeBlock', () => {
  const lex = (md: string) => structure(md);

  it('keeps paragraphs, lists and block quotes', () => {
    const text = 'Eerste alinea\nmet een tweede regel.\n\n- punt een\n- punt twee\n\n1. stap\n2. stap\n\n> citaat';
    const md = escapeBlock(text);
    // As typed, with a hard break (two spaces) where a line is followed by more text of its paragraph.
    expect(md).toBe('Eerste alinea  \nmet een tweede regel.\n\n- punt een\n- punt twee\n\n1. stap\n2. stap\n\n> citaat');
    const types = new Lexer()
      .lex(md)
      .map((t) => t.type)
      .filter((t) => t !== 'space');
    expect(types).toEqual(['paragraph', 'list', 'list', 'blockquote']);
  });

  it.each([
    ['# kop', '\\# kop'],
    ['  ## kop', '\\## kop'],
    ['Tekst\n---', 'Tekst  \n\\---'],
    ['Tekst\n===', 'Tekst  \n\\==='],
    ['Tekst\n-', 'Tekst  \n\\-'],
    ['* * *', '\\* * *'],
    ['```\ncode', '\\`\\`\\`  \ncode'],
    ['`<b>` en `a|b`', '\\`\\<b>\\` en \\`a|b\\`'],
    ['~~~', '\\~\\~\\~'],
    ['[a]: http://example.com', '\\[a]: http://example.com'],
    ['- # kop in lijst', '- \\# kop in lijst'],
    ['> # kop in citaat', '> \\# kop in citaat'],
    ['1. ---', '1. \\---'],
    // A table needs its delimiter row: only that row is escaped.
    ['| a | b |\n|---|---|', '| a | b |  \n\\|---|---|'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['[klik](javascript:alert(1))', '[klik]\\(javascript:alert(1))'],
    ['a\\|b', 'a\\\\|b'],
    ['Ik & jij', 'Ik & jij'],
    ['inwoners < 65 jaar', 'inwoners < 65 jaar'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeBlock(input)).toBe(expected);
  });

  it('trims, dedents and collapses blank lines', () => {
    expect(escapeBlock('\n\n    ingesprongen\n    tekst\n\n\n\n    nog een\n\n')).toBe('ingesprongen  \ntekst\n\nnog een');
    // Not all lines indented: no dedent, but at most three spaces, so an indented line does not become code.
    const md = escapeBlock('Tekst\n\n    ingesprongen\n    tekst');
    expect(md).toBe('Tekst\n\n   ingesprongen  \n   tekst');
    expect(structure(md).code).toBe(0);
    expect(escapeBlock('Tekst\r\n\r\n    na witregel')).toBe('Tekst\n\n   na witregel');
  });

  it.each(HOSTILE.flatMap((a) => HOSTILE.map((b) => `${a}\n${b}`)))('no structure from %j', (input) => {
    const s = lex(`Vraag\n\n${escapeBlock(input)}\n\n## Volgende`);
    expect(s.headings).toEqual(['Volgende']);
    expect(s.tables).toEqual([]);
    expect(s.html).toEqual([]);
    expect(s.links).toEqual([]);
    expect(s.code + s.hr + s.def).toBe(0);
  });
});

describe('escapeCell / escapeInline', () => {
  it('escapes pipes and turns newlines into <br>', () => {
    expect(escapeCell('a | b\nc')).toBe('a \\| b<br>c');
    expect(escapeCell('\n\nx\n\n\n\ny\n')).toBe('x<br><br>y');
    expect(escapeInline('een\ntwee')).toBe('een twee');
  });

  it('a cell cannot split or end its row', () => {
    for (const text of [...HOSTILE, 'a\\', 'a\\|b', 'x\n|---|\ny']) {
      const md = `| A | B |\n| --- | --- |\n| ${escapeCell(text)} | z |\n\n## Na`;
      const s = structure(md);
      expect(s.tables).toEqual([{ columns: 2, rows: [2] }]);
      expect(s.headings).toEqual(['Na']);
      expect(s.html).toEqual([]);
      expect(s.links).toEqual([]);
    }
  });
});

describe('hostile answers file', () => {
  it('has the same report structure as the same file with harmless text', async () => {
    const { ws, file } = await fixture('hostile-randvoorwaarden.yaml');
    const hostile = structure(await renderDefault(worksheetReportOf(ws, file, { now: NOW })));
    const harmless = structure(await renderDefault(worksheetReportOf(ws, tame(file.answers), { now: NOW, status: 'afgerond' })));
    expect(hostile.headings).toEqual(harmless.headings);
    expect(hostile.tables).toEqual(harmless.tables);
    expect(hostile.tables.length).toBe(3);
    expect(hostile.hr).toBe(harmless.hr);
    expect(hostile.code + hostile.def).toBe(0);
    expect(hostile.html).toEqual([]);
    // GFM autolinks of plain http(s)/mailto text are fine; nothing else.
    for (const href of hostile.links) expect(href).toMatch(/^(https?:|mailto:)/);
  });

  it('HTML: no script, no event handlers, no javascript: links', async () => {
    const { ws, file } = await fixture('hostile-randvoorwaarden.yaml');
    const doc = worksheetReportOf(ws, file, { now: NOW });
    const html = htmlDocument(await renderDefault(doc), doc.plainTitle);
    expectNoActiveContent(html);
    // The user's text is shown, not executed.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[klik](javascript:alert(1))');
  });

  it('eml: no active content in either part', async () => {
    const { ws, file } = await fixture('hostile-randvoorwaarden.yaml');
    const doc = worksheetReportOf(ws, file, { now: NOW });
    const markdown = await renderDefault(doc);
    const eml = await buildEml({ markdown, title: doc.plainTitle, subject: doc.subject });
    expectNoActiveContent(htmlPart(eml));
    const mail = await simpleParser(eml);
    expectNoActiveContent(String(mail.html));
    // The text part is text/plain, never interpreted: the user's text as typed, without the Markdown's backslashes.
    expect(eml).toContain('Content-Type: text/plain; charset=utf-8');
    expect(mail.text).toContain('<script>alert(1)</script>');
    expect(mail.text).not.toContain('\\<script>');
  });
});

describe('HTML sanitising (also for HTML written in a custom template)', () => {
  it('removes scripts, handlers, javascript: links and unknown tags', () => {
    const html = sanitizeReportHtml(
      '<h1 onclick="x()">Kop</h1><script>alert(1)</script><img src=x onerror=alert(1)>' +
        '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="//evil.example">c</a>' +
        '<a href="https://example.com" target="_blank">d</a><a href="mailto:a@b.nl">e</a>' +
        '<iframe src="https://example.com"></iframe><style>p{}</style><p style="color:red">tekst</p>',
    );
    expect(html).not.toMatch(/script|onerror|onclick|javascript|iframe|<img|target|evil/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="mailto:a@b.nl"');
    expect(html).toContain('>tekst</p>');
    expect(html).not.toContain('color:red');
  });

  it('adds inline styles to headings and tables (email clients drop <style>)', () => {
    const html = markdownToHtml('# Kop\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n');
    expect(html).toMatch(/<h1 style="[^"]*font-size:24px/);
    expect(html).toMatch(/<table style="[^"]*border-collapse:collapse/);
    expect(html).toMatch(/<th style="[^"]*border:1px solid/);
    expect(html).toMatch(/<td style="[^"]*padding:6px 8px/);
  });

  it('keeps a single line break inside an answer', () => {
    expect(markdownToHtml('**Vraag**\nJa')).toContain('<strong>Vraag</strong><br />Ja');
  });

  it('a full document: utf-8, lang="nl", escaped title, no <style> or <script>', () => {
    const html = htmlDocument('# Kop', 'Titel <met> & "tekens"');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Titel &lt;met&gt; &amp; &quot;tekens&quot;</title>');
    expect(html).not.toMatch(/<style|<script|<link|<img/i);
  });
});

describe('eml', () => {
  it('parses back to the same text and HTML, with X-Unsent, subject and to', async () => {
    const { ws, file } = await fixture('randvoorwaarden.yaml');
    const doc = worksheetReportOf(ws, file, { now: NOW });
    const markdown = await renderDefault(doc);
    const eml = await buildEml({ markdown, title: doc.plainTitle, subject: doc.subject, to: ['beleid@gemeente.nl', 'b@example.org'] });
    const mail = await simpleParser(eml);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe('Werkboek digitale inclusie: Randvoorwaarden digitale inclusie dienstverlening – Bibliotheek Voorbeeldstad');
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['beleid@gemeente.nl', 'b@example.org']);
    expect(mail.text).toBe(markdownToPlainText(markdown));
    expect(mail.html).toBe(htmlDocument(markdown, doc.plainTitle));
    expect(eml).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail.from).toBeUndefined();
  });

  it('is CRLF throughout: headers and both parts, no bare LF or CR', async () => {
    const { ws, file } = await fixture('randvoorwaarden.yaml');
    const doc = worksheetReportOf(ws, file, { now: NOW });
    const markdown = await renderDefault(doc);
    const eml = await buildEml({ markdown, title: doc.plainTitle, subject: doc.subject, to: ['beleid@gemeente.nl'] });
    const bytes = Buffer.from(eml, 'utf8');
    expect(bytes.toString('latin1')).not.toMatch(/(?<!\r)\n/);
    expect(bytes.toString('latin1')).not.toMatch(/\r(?!\n)/);
    const mail = await simpleParser(bytes);
    expect(mail.text?.replace(/\r\n/g, '\n')).toBe(markdownToPlainText(markdown));
    // A line break typed inside a list item stays a line break, under the item's text.
    expect(mail.text?.replace(/\r\n/g, '\n')).toContain('2. We helpen 1.500 inwoners per jaar.\n   Ook via de bibliobus.\n3. We werken');
    expect(mail.html ? mail.html.replace(/\r\n/g, '\n') : mail.html).toBe(htmlDocument(markdown, doc.plainTitle));
  });

  it('has no To header without recipients', async () => {
    const eml = await buildEml({ markdown: '# Kop\n', title: 'Kop', subject: 'Onderwerp' });
    const mail = await simpleParser(eml);
    expect(mail.to).toBeUndefined();
    expect(eml).not.toMatch(/^To:/m);
    expect(mail.subject).toBe('Onderwerp');
  });
});
