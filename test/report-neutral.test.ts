// The report model is raw and format-neutral; escaping happens at output.
// Hostile text everywhere (answers, but also titles, labels, help, options
// and column names of a worksheet) must come out of the model exactly as
// typed, and must be inert in Markdown (default and own templates), HTML
// and .eml.
import { describe, expect, it } from 'vitest';
import { Lexer, type Token, type Tokens } from 'marked';
import { simpleParser } from 'mailparser';
import type { Worksheet } from '../src/definition/schema.js';
import type { Answers } from '../src/dossier/answers.js';
import type { ReportContext, ReportQuestion, SheetReport } from '../src/report/model.js';
import { renderTemplate } from '../src/report/template.js';
import { htmlDocument } from '../src/report/html.js';
import { buildEml } from '../src/report/eml.js';
import { markdownToPlainText } from '../src/report/plain-text.js';
import { WerkboekError } from '../src/support/errors.js';
import { htmlPart, NOW, renderDefault, reportOf, worksheetReportOf } from './report-helpers.js';

/** One-line texts that are Markdown, HTML or escapes. */
const HOSTILE = [
  '# kop',
  '## kop met `code` en <script>alert(1)</script>',
  '| a | b |',
  '|---|---|',
  '<img src=x onerror=alert(1)>',
  '[klik](javascript:alert(1))',
  '![plaatje](javascript:alert(2))',
  '<javascript:alert(3)>',
  '[ref]: javascript:alert(4)',
  '```js',
  '~~~',
  '---',
  '===',
  '\\# geen kop \\| geen pijp \\',
  '&lt;script&gt; en &amp; en &#60;b&#62;',
  '_schuin_ en **vet** en __dik__ en snake_case_naam',
  '    vier spaties ervoor',
  '<div onclick="alert(5)">blok</div>',
  'a | b \\| c',
  '* * *',
  '> # kop in citaat',
  '1. # kop in lijst',
  '- [x]: javascript:alert(6)',
  '<!-- commentaar -->',
];

/** Multi-line hostile text: all of the above, with blank and indented lines. */
const BLOCK = [...HOSTILE.slice(0, 12), '', '    ingesprongen na witregel', '', ...HOSTILE.slice(12), '  ', '\t tab ervoor'].join('\n');
const BLOCK_CRLF = `Tekst\r\n===\r\n\r\n    code?\r\n<script>alert(7)</script>`;

/**
 * A worksheet and answers where every text comes from `text(slot)`. The
 * hostile version and the tame version have the same structure.
 */
function material(text: (slot: string) => string, block: (slot: string) => string) {
  const ws: Worksheet = {
    id: 'vijandig',
    version: 1,
    number: 9,
    title: text('titel'),
    meta: [
      { id: 'naam', type: 'text', label: `${text('naam-label')}:` },
      { id: 'bibliotheek', type: 'text', label: 'Bibliotheek:' },
      { id: 'datum', type: 'date', label: 'Datum:' },
      { id: 'functie', type: 'text', label: 'Functie:' },
    ],
    steps: [
      {
        id: 'een',
        title: text('stap-1'),
        subtitle: text('stap-1-sub'),
        questions: [
          { id: 'tekst', type: 'text', number: text('nummer'), label: text('tekst-label'), help: text('tekst-help') },
          { id: 'lang', type: 'longtext', label: text('lang-label') },
          { id: 'crlf', type: 'longtext', label: text('crlf-label') },
          { id: 'jn', type: 'yesno', label: text('jn-label') },
          { id: 'jn-welke', type: 'text', label: text('jn-welke-label'), when: { question: 'jn', is: 'ja' } },
          { id: 'keuze', type: 'choice', label: text('keuze-label'), options: [{ value: 'a', label: text('optie-a') }, 'b'] },
          { id: 'anders', type: 'choice', label: text('anders-label'), options: ['b'], other: true },
          { id: 'meer', type: 'multichoice', label: text('meer-label'), options: [{ value: 'a', label: text('optie-m') }], other: true },
          { id: 'getal', type: 'number', label: text('getal-label'), unit: text('eenheid') },
          { id: 'open', type: 'text', label: text('open-label') },
          { id: 'leeg', type: 'longtext', label: text('leeg-label') },
        ],
      },
      {
        id: 'twee',
        title: text('stap-2'),
        questions: [
          {
            id: 'groep',
            type: 'group',
            item: 'rij',
            label: text('groep-label'),
            fields: [
              { id: 'naam', type: 'text', label: text('kolom-naam') },
              { id: 'soort', type: 'choice', label: text('kolom-soort'), options: [{ value: 'x', label: text('optie-x') }], other: true },
              { id: 'uren', type: 'number', label: text('kolom-uren'), unit: 'uur' },
            ],
          },
          {
            id: 'erbij',
            type: 'group',
            item: 'rij',
            label: text('erbij-label'),
            extends: 'groep',
            fields: [{ id: 'extra', type: 'longtext', label: text('kolom-extra') }],
          },
        ],
      },
    ],
  };
  const answers: Answers = {
    naam: text('naam'),
    bibliotheek: block('bibliotheek'),
    datum: '2026-11-27',
    functie: { weet_ik_niet: true },
    tekst: text('tekst'),
    lang: block('lang'),
    crlf: block('crlf'),
    jn: 'ja',
    'jn-welke': { weet_ik_niet: true },
    keuze: 'a',
    anders: block('anders'),
    meer: ['a', text('meer-anders')],
    getal: 7.5,
    leeg: '',
    groep: [
      { naam: text('cel-naam'), soort: 'x', uren: 2, extra: block('cel-extra') },
      { naam: block('cel-naam-2'), soort: text('cel-soort'), uren: null },
    ],
    erbij: true,
  };
  return { ws, answers };
}

/** Every slot gets the next hostile text; remembered, so the test knows what was typed where. */
function hostileMaterial() {
  const typed = new Map<string, string>();
  let i = 0;
  const text = (slot: string) => {
    if (!typed.has(slot)) typed.set(slot, HOSTILE[i++ % HOSTILE.length]!);
    return typed.get(slot)!;
  };
  const block = (slot: string) => {
    if (!typed.has(slot)) typed.set(slot, slot === 'crlf' ? BLOCK_CRLF : `${BLOCK}\n${HOSTILE[i++ % HOSTILE.length]!}`);
    return typed.get(slot)!;
  };
  return { ...material(text, block), typed };
}

const tameMaterial = () =>
  material(
    (slot) => `tekst ${slot}`,
    (slot) => `tekst ${slot}`,
  );

// --- helpers -------------------------------------------------------------------

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

/** The structure of a Markdown text that user text must not change. */
function structure(md: string) {
  const tokens = allTokens(new Lexer({ gfm: true }).lex(md));
  const of = (type: string) => tokens.filter((t) => t.type === type);
  return {
    headings: of('heading').length,
    tables: of('table').map((t) => {
      const table = t as Tokens.Table;
      return { columns: table.header.length, rows: table.rows.map((r) => r.length) };
    }),
    hr: of('hr').length,
    code: of('code').length + of('codespan').length,
    def: of('def').length,
    html: of('html')
      .map((t) => (t as Tokens.HTML).text.trim())
      .filter((t) => t !== '<br>'),
    links: [...of('link'), ...of('image')].map((t) => (t as Tokens.Link).href),
  };
}

/** No active content, and no more headings, tables or links than `tame` has. */
function expectInertHtml(html: string, tame: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(img|iframe|object|embed|svg|math|style|form|input|div onclick)\b/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[^>]*javascript:/i);
  const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
  for (const re of [/<h[1-6]\b/g, /<table\b/g, /<a\b/g, /<pre\b/g, /<code\b/g, /<hr\b/g]) {
    expect(count(html, re), String(re)).toBe(count(tame, re));
  }
}

/** All strings in a value, depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** A tiny plain-text rendering of the raw model: no escaping, no markup. */
function plainText(sheet: SheetReport): string {
  const answer = (q: ReportQuestion): string => {
    if (!q.answer) return q.stateText ?? '';
    switch (q.answer.kind) {
      case 'text':
      case 'value':
        return q.answer.text;
      case 'list':
        return q.answer.items.join('\n');
      case 'table':
        return [q.answer.columns, ...q.answer.rows].map((row) => row.join('\t')).join('\n');
    }
  };
  return [
    sheet.heading,
    ...sheet.meta.fields.map((f) => `${f.label}: ${f.value ?? f.stateText}`),
    ...sheet.sections.flatMap((s) => [s.title, ...s.questions.flatMap((q) => [q.label, answer(q)])]),
  ].join('\n');
}

async function renderOwn(source: string, context: ReportContext): Promise<string> {
  return renderTemplate({ name: 'eigen.liquid', source }, context);
}

async function renderError(source: string, context: ReportContext): Promise<WerkboekError> {
  const err = await renderOwn(source, context).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WerkboekError);
  return err as WerkboekError;
}

// --- tests -----------------------------------------------------------------------

describe('the raw model', () => {
  it('holds every text exactly as typed: no escapes, entities or emphasis added', () => {
    const { ws, answers, typed } = hostileMaterial();
    const sheet = reportOf(ws, answers);
    const t = (slot: string) => typed.get(slot);
    const q = new Map(sheet.sections.flatMap((s) => s.questions).map((x) => [x.id, x]));

    expect(sheet.title).toBe(t('titel'));
    expect(sheet.heading).toBe(`Werkblad 9: ${t('titel')}`);
    expect(sheet.sections.map((s) => [s.title, s.subtitle])).toEqual([
      [t('stap-1'), t('stap-1-sub')],
      [t('stap-2'), null],
    ]);
    expect(sheet.meta.fields).toEqual([
      { id: 'naam', label: t('naam-label'), state: 'answered', value: t('naam'), stateText: null },
      { id: 'bibliotheek', label: 'Bibliotheek', state: 'answered', value: t('bibliotheek'), stateText: null },
      { id: 'datum', label: 'Datum', state: 'answered', value: '27 november 2026', stateText: null },
      { id: 'functie', label: 'Functie', state: 'unknown', value: null, stateText: 'Weet ik (nog) niet' },
    ]);
    expect(sheet.meta).toMatchObject({ name: t('naam'), library: t('bibliotheek'), date: '27 november 2026' });

    expect(q.get('tekst')).toMatchObject({ number: t('nummer'), label: t('tekst-label'), help: t('tekst-help') });
    expect(q.get('tekst')?.answer).toEqual({ kind: 'text', text: t('tekst') });
    expect(q.get('lang')?.answer).toEqual({ kind: 'text', text: t('lang') });
    expect(q.get('crlf')?.answer).toEqual({ kind: 'text', text: BLOCK_CRLF });
    expect(q.get('jn')?.answer).toEqual({ kind: 'value', text: 'Ja' });
    expect(q.get('keuze')?.answer).toEqual({ kind: 'text', text: t('optie-a') });
    expect(q.get('anders')?.answer).toEqual({ kind: 'text', text: t('anders') });
    expect(q.get('meer')?.answer).toEqual({ kind: 'list', items: [t('optie-m'), t('meer-anders')] });
    expect(q.get('getal')?.answer).toEqual({ kind: 'value', text: `7,5 ${t('eenheid')}` });
    expect(q.get('groep')?.answer).toEqual({
      kind: 'table',
      columns: [t('kolom-naam'), t('kolom-soort'), t('kolom-uren')],
      rows: [
        [t('cel-naam'), t('optie-x'), '2 uur'],
        [t('cel-naam-2'), t('cel-soort'), ''],
      ],
    });
    // Stap 4 style: the base columns first, then its own.
    expect(q.get('erbij')?.answer).toEqual({
      kind: 'table',
      columns: [t('kolom-naam'), t('kolom-soort'), t('kolom-uren'), t('kolom-extra')],
      rows: [
        [t('cel-naam'), t('optie-x'), '2 uur', t('cel-extra')],
        [t('cel-naam-2'), t('cel-soort'), '', ''],
      ],
    });

    // Without an answer: no answer, a state text without markup.
    expect(q.get('jn-welke')).toMatchObject({ state: 'unknown', answer: null, stateText: 'Weet ik (nog) niet', short: true });
    expect(q.get('open')).toMatchObject({ state: 'open', answer: null, stateText: 'Nog niet beantwoord' });
    expect(q.get('leeg')).toMatchObject({ state: 'empty', answer: null, stateText: 'Leeg gelaten' });

    const points = sheet.developmentPoints.groups.flatMap((g) => g.items);
    expect(points.find((p) => p.id === 'jn-welke')).toMatchObject({ label: t('jn-welke-label'), context: t('jn-label') });
    expect(sheet.developmentPoints.groups.map((g) => [g.title, g.subtitle])).toEqual([[t('stap-1'), t('stap-1-sub')]]);
  });

  it('adds no markup anywhere: a string with Markdown or HTML characters is text that was typed', () => {
    const { ws, answers, typed } = hostileMaterial();
    const doc = worksheetReportOf(ws, answers, { now: NOW });
    const texts = [...typed.values()];
    for (const s of strings(doc.context)) {
      if (/[\\&<>|`_*#[\]]/.test(s))
        expect(
          texts.some((t) => s.includes(t)),
          s,
        ).toBe(true);
    }
    // Plain data: JSON keeps all of it.
    expect(JSON.parse(JSON.stringify(doc.context))).toEqual(doc.context);
  });

  it('a plain-text rendering shows what was typed, character for character', () => {
    const { ws, answers, typed } = hostileMaterial();
    const text = plainText(reportOf(ws, answers));
    for (const [slot, value] of typed) {
      if (slot === 'naam-label') continue; // shown without its colon, which is not part of the typed text here
      expect(text, slot).toContain(value);
    }
    expect(text).toContain(`${typed.get('naam-label')}: ${typed.get('naam')}`);
    expect(text).toContain(BLOCK_CRLF);
  });

  it('short: one line of text, a value or a state; not several lines, a list or a table', () => {
    const { ws, answers } = hostileMaterial();
    const q = new Map(
      reportOf(ws, answers)
        .sections.flatMap((s) => s.questions)
        .map((x) => [x.id, x.short]),
    );
    expect(Object.fromEntries(q)).toEqual({
      tekst: true,
      lang: false,
      crlf: false,
      jn: true,
      'jn-welke': true,
      keuze: true,
      anders: false,
      meer: false,
      getal: true,
      open: true,
      leeg: true,
      groep: false,
      erbij: false,
    });
    const ws2 = structuredClone(ws);
    const blankAround = reportOf(ws2, { tekst: '\n  \n\t één regel  \n\n' }).sections[0]?.questions[0];
    expect(blankAround?.short).toBe(true);
  });
});

describe('escaped at output', () => {
  it('Markdown of the default template: the same structure as with harmless text', async () => {
    const hostile = hostileMaterial();
    const tame = tameMaterial();
    const md = await renderDefault(worksheetReportOf(hostile.ws, hostile.answers, { now: NOW }));
    const s = structure(md);
    const t = structure(await renderDefault(worksheetReportOf(tame.ws, tame.answers, { now: NOW })));
    expect(s).toEqual(t);
    // Title, Samenvatting, two steps, Ontwikkelpunten with "Nog uit te zoeken" and "Nog niet beantwoord" (their steps in bold, not headings).
    expect(s.headings).toBe(7);
    expect(s.tables).toEqual([
      { columns: 3, rows: [3, 3] },
      { columns: 4, rows: [4, 4] },
    ]);
    expect(s.links).toEqual([]);
    expect(s.html).toEqual([]);
    expect(s.code + s.def).toBe(0);
    // What used to be emphasis added by the model now comes from the template and the filters.
    expect(md).toContain('- **Functie:** _Weet ik (nog) niet_\n');
    expect(md).toContain('_Weet ik (nog) niet_ (ontwikkelpunt)');
    expect(md).toContain('_Leeg gelaten_ (ontwikkelpunt)');
  });

  it('HTML and eml: inert, and the typed text is shown as text', async () => {
    const hostile = hostileMaterial();
    const tame = tameMaterial();
    const doc = worksheetReportOf(hostile.ws, hostile.answers, { now: NOW });
    const tameDoc = worksheetReportOf(tame.ws, tame.answers, { now: NOW });
    const markdown = await renderDefault(doc);
    const html = htmlDocument(markdown, doc.plainTitle);
    const tameHtml = htmlDocument(await renderDefault(tameDoc), tameDoc.plainTitle);
    expectInertHtml(html, tameHtml);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[klik](javascript:alert(1))');
    // "&lt;" typed shows as "&lt;", not as "<".
    expect(html).toContain('&amp;lt;script&amp;gt; en &amp;amp; en &amp;#60;b&amp;#62;');

    const eml = await buildEml({ markdown, title: doc.plainTitle, subject: doc.subject });
    // The text part is plain text (text/plain: the typed text shown as typed, inert); the HTML part has no script.
    expect(htmlPart(eml)).not.toMatch(/<script/i);
    const mail = await simpleParser(eml);
    expect(mail.text).toBe(markdownToPlainText(markdown));
    expect(mail.text).toContain('<script>alert(1)</script>');
    expectInertHtml(String(mail.html), tameHtml);
  });

  it('an own template: every {{ }} is escaped, also at the start of a line', async () => {
    const hostile = hostileMaterial();
    const tame = tameMaterial();
    const source = [
      '{% for s in sheets %}{{ s.heading }}',
      '{% for f in s.meta.fields %}',
      '{{ f.label }}',
      '{{ f.value }}',
      '{% endfor %}{% for sec in s.sections %}',
      '{{ sec.title }}',
      '{{ sec.subtitle }}',
      '{% for q in sec.questions %}',
      '{{ q.number }}',
      '{{ q.label }}',
      '{{ q.help }}',
      '{% case q.answer.kind %}{% when "text", "value" %}',
      '{{ q.answer.text }}',
      '{% when "list" %}',
      '{{ q.answer.items }}',
      '{% when "table" %}',
      '{{ q.answer.columns }}',
      '{{ q.answer.rows }}',
      '{% endcase %}',
      '{{ q.stateText }}',
      '',
      '{{ q | antwoord }}',
      '{% endfor %}{% endfor %}{% endfor %}',
    ].join('\n');
    const md = await renderOwn(source, worksheetReportOf(hostile.ws, hostile.answers, { now: NOW }).context);
    const s = structure(md);
    expect(s).toEqual(structure(await renderOwn(source, worksheetReportOf(tame.ws, tame.answers, { now: NOW }).context)));
    expect(s.headings).toBe(0);
    expect(s.tables).toHaveLength(2);
    expect(s.links).toEqual([]);
    expect(s.html).toEqual([]);
    expect(s.code + s.def + s.hr).toBe(0);
  });

  it('filters: antwoord, blok, lijst and tabel make safe Markdown; | raw turns escaping off', async () => {
    const { ws, answers, typed } = hostileMaterial();
    const context = worksheetReportOf(ws, answers, { now: NOW }).context;
    const source = [
      '{% for s in sheets %}{% for sec in s.sections %}{% for q in sec.questions %}',
      '{% case q.answer.kind %}',
      '{% when "text" %}{{ q.answer.text | blok }}',
      '{% when "list" %}{{ q.answer.items | lijst }}',
      '{% when "table" %}{{ q.answer | tabel }}',
      '{% endcase %}',
      '{% endfor %}{% endfor %}{% endfor %}',
    ].join('\n');
    const s = structure(await renderOwn(source, context));
    expect(s.headings).toBe(0);
    expect(s.tables).toEqual([
      { columns: 3, rows: [3, 3] },
      { columns: 4, rows: [4, 4] },
    ]);
    expect(s.links).toEqual([]);
    expect(s.html).toEqual([]);
    expect(s.code + s.def).toBe(0);

    expect(typed.get('titel')).toBe('# kop');
    expect(await renderOwn('{{ sheets[0].title }}', context)).toBe('\\# kop\n');
    expect(await renderOwn('{{ sheets[0].title | raw }}', context)).toBe('# kop\n');
    expect(await renderOwn('{{ "a" | split: "," | lijst }}\n\n{{ nil | lijst }}{{ nil | blok }}', context)).toBe('- a\n');
  });

  it('mistakes in an own template are reported with file and line', async () => {
    const tame = tameMaterial();
    const { context } = worksheetReportOf(tame.ws, tame.answers, { now: NOW });
    const q = 'sheets[0].sections[0].questions[0]';
    const object = await renderError(`regel 1\n{{ ${q}.answer }}`, context);
    expect(object.message).toBe(
      'eigen.liquid:2: fout in sjabloon: dit is geen tekst maar een object; toon de velden ervan, of een antwoord met {{ q | antwoord }}',
    );
    expect((await renderError(`{{ ${q}.answer | antwoord }}`, context)).message).toBe(
      'eigen.liquid:1: fout in sjabloon: het filter antwoord hoort bij een vraag: {{ q | antwoord }}, met q uit section.questions',
    );
    expect((await renderError(`\n\n{{ ${q}.answer | tabel }}`, context)).message).toBe(
      'eigen.liquid:3: fout in sjabloon: het filter tabel hoort bij een antwoord met kind "table": {{ q.answer | tabel }}',
    );
  });
});
