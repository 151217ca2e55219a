// What issue 24 asks of a report you can hand over: the Samenvatting first
// (with the kernboodschap), Aandachtspunten from answers marked in the
// definitions, Stap 4 naming its partners, an honest state, one date line,
// Markdown that reads the same in other CommonMark renderers (markdown-it,
// marked without our options), and an .eml whose text part has no Markdown.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { simpleParser } from 'mailparser';
import { report } from '../src/commands/rapport.js';
import { compare } from '../src/commands/vergelijk.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import type { Answers } from '../src/dossier/answers.js';
import { dateLine } from '../src/report/model.js';
import { memoryOutput } from '../src/support/output.js';
import { useTempDir } from './helpers/temp.js';
import { dossierReportOf, fixture, FIXTURES, NOW, renderDefault, reportOf, worksheet, worksheetReportOf } from './report-helpers.js';

const COMPARE = fileURLToPath(new URL('./fixtures/compare/', import.meta.url));
const tmp = useTempDir('werkboek-samenvatting-');
let out: ReturnType<typeof memoryOutput>;
beforeEach(() => {
  out = memoryOutput();
});

async function allThree(): Promise<string> {
  for (const id of ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak']) {
    await copyFile(path.join(FIXTURES, `${id}.yaml`), path.join(tmp(), `${id}.yaml`));
  }
  await report({ worksheet: 'alles', format: 'md', map: tmp(), cwd: tmp(), out, now: NOW });
  return out.out;
}

describe('Samenvatting', () => {
  it('rapport alles starts with it, with the kernboodschap, before werkblad 1', async () => {
    const md = await allThree();
    const h2 = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(h2.slice(0, 2)).toEqual(['Samenvatting', 'Werkblad 1: Verken jouw gemeentelandschap']);
    const summary = md.slice(md.indexOf('## Samenvatting'), md.indexOf('## Werkblad 1'));
    expect(summary).toContain('**Kernboodschap** (uit werkblad 3):\n\nDe bibliotheek is dé plek in de wijk');
    expect(summary).toContain('**Bibliotheek:** Bibliotheek Voorbeeldstad');
    expect(summary).toContain(
      '- **Werkblad 1: Verken jouw gemeentelandschap**: Afgerond, 1 punt nog uit te zoeken. Ingevuld door Sanne de Vries op 27 november 2026',
    );
    expect(summary).toContain('- **Werkblad 3: Plan van aanpak Profilering**: Concept: 4 van 9 vragen beantwoord.');
    expect(summary).toContain('- Werkblad 2: 5 aandachtspunten, 4 punten nog uit te zoeken, 5 vragen nog niet beantwoord\n');
    // About a page: no question is shown with its answer here.
    expect(summary.split('\n').length).toBeLessThan(40);
    // The workbook's Context paragraph is no longer the opening: it is in Probiblio's section at the end.
    expect(md.indexOf('Voor elke stap is een werkblad ontwikkeld')).toBeGreaterThan(md.indexOf('## Over het werkboek (Probiblio)'));
  });

  it('names the most important points: aandachtspunten of every worksheet first, then what to find out', async () => {
    const sheets = await loadShippedWorksheets();
    const inputs = await Promise.all(sheets.map(async (ws) => ({ worksheet: ws, answers: (await fixture(`${ws.id}.yaml`)).file })));
    const { summary } = dossierReportOf(inputs, { now: NOW }).context;
    expect(summary.points).toHaveLength(5);
    expect(summary.points.map((p) => [p.kind, p.where])).toEqual([
      ['Aandachtspunt', 'Werkblad 1'],
      ['Aandachtspunt', 'Werkblad 2, stap 2, vraag 4.1'],
      ['Aandachtspunt', 'Werkblad 2, stap 3, vraag 3'],
      ['Aandachtspunt', 'Werkblad 2, stap 4, vraag 2'],
      ['Aandachtspunt', 'Werkblad 2, stap 4, vraag 4'],
    ]);
    const counts = summary.sheets.map((s) => s.counts.attention + s.counts.toResearch).reduce((a, b) => a + b, 0);
    expect(summary.morePoints).toBe(counts - 5);
    expect(summary.keyMessage).toMatch(/^De bibliotheek is dé plek in de wijk/);
  });

  it('a single worksheet opens with it too, with its gegevens and one date line', async () => {
    const { ws, file } = await fixture('gemeentelandschap.yaml');
    const md = await renderDefault(worksheetReportOf(ws, file, { now: NOW }));
    expect(md).toMatch(
      /^# Werkblad 1: Verken jouw gemeentelandschap\n\n_Werkboek [^\n]*_\n\n## Samenvatting\n\n- \*\*Naam:\*\* Sanne de Vries\n- \*\*Bibliotheek:\*\* Bibliotheek Voorbeeldstad\n- Ingevuld op 27 november 2026, laatst bijgewerkt om 1\d:05\n- \*\*Status:\*\* Afgerond, 1 punt nog uit te zoeken\n/,
    );
    // One date line: not the Datum again, no "Laatst bijgewerkt" of its own.
    expect(md).not.toContain('**Datum:**');
    expect(md).not.toContain('Laatst bijgewerkt:');
  });
});

describe('Aandachtspunten', () => {
  it('come from the answers the definitions mark, not from every "Nee"', async () => {
    const { ws, file } = await fixture('randvoorwaarden.yaml');
    const { attention } = reportOf(ws, file).developmentPoints;
    expect(attention.title).toBe('Aandachtspunten');
    expect(attention.groups.flatMap((g) => g.items.map((p) => [p.id, p.stateText]))).toEqual([
      ['overzicht-aanbod-partners', 'Nee'],
      ['uren-voldoende', 'Nee'],
      ['samenwerkingsafspraken', 'Samenwerkingsafspraken vastgelegd? Nee: Schuldhulpmaatje'],
      ['taken-partners-beschreven', 'Nee'],
      ['cijfers-doorverwijzingen', 'Nee'],
    ]);
    // "Zijn er groepen/vragen die buiten de dienstverlening vallen?" is answered "Nee" too: no gap.
    expect(
      reportOf(ws, file)
        .sections.flatMap((s) => s.questions)
        .find((q) => q.id === 'buiten-dienstverlening')?.answer,
    ).toEqual({ kind: 'value', text: 'Nee' });
  });

  it('a "Ja" is none; a toelichting with the "Nee" is kept', async () => {
    const ws = await worksheet('randvoorwaarden');
    const answers: Answers = { 'doelen-vastgelegd': 'ja', 'uren-voldoende': { antwoord: 'nee', toelichting: 'wel na de zomer' } };
    const points = reportOf(ws, answers).developmentPoints.attention.groups.flatMap((g) => g.items);
    expect(points.map((p) => [p.id, p.note])).toEqual([['uren-voldoende', 'wel na de zomer']]);
    const md = await renderDefault(worksheetReportOf(ws, answers, { now: NOW }));
    expect(md).toContain(
      '- **3.** Zijn voor de beschreven functies voldoende uren beschikbaar voor jouw digitale inclusie dienstverlening? _(Nee; toelichting: wel na de zomer)_\n',
    );
  });

  it('are marked on the questions chosen (and written down in the definitions)', async () => {
    const marked = (await loadShippedWorksheets()).map((ws) => [
      ws.id,
      ws.steps
        .flatMap((s) => s.questions)
        .flatMap((q) => [
          ...(q.type === 'yesno' && q.attention ? [`${q.id}=${q.attention}`] : []),
          ...(q.type === 'group' ? q.fields.flatMap((f) => (f.type === 'yesno' && f.attention ? [`${q.id}.${f.id}=${f.attention}`] : [])) : []),
        ]),
    ]);
    expect(marked).toEqual([
      ['gemeentelandschap', ['overlegstructuur=nee', 'relatie-met-mt=nee']],
      [
        'randvoorwaarden',
        [
          'doelen-vastgelegd=nee',
          'eigen-plan=nee',
          'collectie=nee',
          'overzicht-aanbod-partners=nee',
          'uren-voldoende=nee',
          'doelen-afgestemd=nee',
          'samenwerkingsafspraken.afspraken=nee',
          'evaluatie=nee',
          'taken-partners-beschreven=nee',
          'cijfers-vragen=nee',
          'cijfers-doorverwijzingen=nee',
          'meerjarenbegroting=nee',
        ],
      ],
      ['plan-van-aanpak', []],
    ]);
  });
});

describe('Stap 4 names its partners', () => {
  it('unknown and not filled in apart, by name; "Nee" is an aandachtspunt', async () => {
    const ws = await worksheet('randvoorwaarden');
    const answers: Answers = {
      partners: [{ naam: 'Welzijn' }, { naam: 'Bibliotheekvrienden' }, { naam: 'Schuldhulp' }, { naam: 'Belastingservice' }, { naam: '  ' }],
      samenwerkingsafspraken: true,
    };
    (answers.partners as Array<Record<string, string>>)[0]!.afspraken = 'nog_niet_bekend';
    (answers.partners as Array<Record<string, string>>)[2]!.afspraken = 'nee';
    (answers.partners as Array<Record<string, string>>)[3]!.afspraken = 'ja';
    const points = reportOf(ws, answers).developmentPoints;
    const stap4 = points.toResearch.groups.flatMap((g) => g.items).find((p) => p.id === 'samenwerkingsafspraken');
    expect(stap4).toMatchObject({
      state: 'incomplete',
      unknownItems: ['Welzijn'],
      blankItems: ['Bibliotheekvrienden', 'partner 5'],
      stateText: 'nog niet bekend bij Welzijn en niet ingevuld bij Bibliotheekvrienden, partner 5',
    });
    const attention = points.attention.groups.flatMap((g) => g.items).find((p) => p.id === 'samenwerkingsafspraken');
    expect(attention?.stateText).toBe('Samenwerkingsafspraken vastgelegd? Nee: Schuldhulp');
  });
});

describe('honest state and one date line', () => {
  it('a finished worksheet with points to find out says so', async () => {
    const ws = await worksheet('plan-van-aanpak');
    expect(reportOf(ws, { doelen: { weet_ik_niet: true } }, { status: 'afgerond' }).statusLine).toBe('Afgerond, 1 punt nog uit te zoeken');
    expect(reportOf(ws, { doelen: { weet_ik_niet: true }, planning: '' }, { status: 'afgerond' }).statusLine).toBe('Afgerond, 2 punten nog uit te zoeken');
    expect(reportOf(ws, { doelen: 'Meer bereik' }, { status: 'afgerond' }).statusLine).toBe('Afgerond');
  });

  it('dateLine: the day filled in and the last change, the day once when it is the same', () => {
    expect(dateLine('27 november 2026', '27 november 2026 om 14:05')).toBe('Ingevuld op 27 november 2026, laatst bijgewerkt om 14:05');
    expect(dateLine('26 november 2026', '27 november 2026 om 14:05')).toBe('Ingevuld op 26 november 2026, laatst bijgewerkt op 27 november 2026 om 14:05');
    expect(dateLine('26 november 2026', null)).toBe('Ingevuld op 26 november 2026');
    expect(dateLine(null, '27 november 2026 om 14:05')).toBe('Laatst bijgewerkt op 27 november 2026 om 14:05');
    expect(dateLine(null, null)).toBeNull();
  });
});

/** The paragraphs of rendered HTML, as they are (tags and all). */
function htmlParagraphs(html: string): string[] {
  return [...html.matchAll(/<p>(.*?)<\/p>/gs)].map((m) => m[1]!);
}

describe('Markdown in other CommonMark renderers', () => {
  const renderers: Array<[string, (md: string) => string]> = [
    ['markdown-it', (md) => new MarkdownIt().render(md)],
    ['markdown-it (commonmark)', (md) => new MarkdownIt('commonmark').render(md)],
    ['marked without breaks', (md) => new Marked({ gfm: true, breaks: false, async: false }).parse(md) as string],
  ];

  it.each(renderers)('%s: question, answer and toelichting each a paragraph of their own', async (_, render) => {
    const ws = await worksheet('gemeentelandschap');
    const answers: Answers = {
      naam: 'An',
      'thema-in-agenda': { antwoord: 'ja', toelichting: 'alleen voor het IDO' },
      'thema-in-agenda-wijze': 'In het coalitieakkoord.',
      overlegstructuur: 'nee',
    };
    const ps = htmlParagraphs(render(await renderDefault(worksheetReportOf(ws, answers, { now: NOW }))));
    const q = ps.indexOf('<strong>Komt het thema digitale inclusie terug in de maatschappelijke agenda/coalitie akkoord van de gemeente(s)?</strong>');
    expect(q).toBeGreaterThan(0);
    expect(ps[q + 1]).toBe('Ja');
    expect(ps[q + 2]).toBe('<em>Toelichting:</em> alleen voor het IDO');
    expect(ps[ps.indexOf('<strong>Noteer op welke wijze.</strong>') + 1]).toBe('In het coalitieakkoord.');
    expect(
      ps[ps.indexOf('<strong>Is er een vaste overlegstructuur tussen de bibliotheek en gemeente(s) (breder dan enkel digitale Inclusie)?</strong>') + 1],
    ).toBe('Nee');
    // Every question stands alone in its paragraph, in the whole dossier too.
    const dossier = render(await allThree());
    for (const p of htmlParagraphs(dossier).filter((x) => x.startsWith('<strong>') && x.includes('?'))) {
      if (p.includes(':</strong>')) continue; // "Bibliotheek: …", a label with its value
      expect(p).toMatch(/^<strong>[^<]*<\/strong>$/);
    }
  });
});

describe('.eml: the text part is plain text', () => {
  const MARKDOWN = [/\*\*/, /^#{1,6} /m, /^\s*\|.*\|\s*$/m, /^\s*[-*] /m, /^>/m, /\\[!-/:-@[-`{-~]/, /(^|\s)_[^_\n]+_(\s|[.,:;)]|$)/m];

  it('rapport alles: no Markdown syntax, the same words', async () => {
    for (const id of ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak']) {
      await copyFile(path.join(FIXTURES, `${id}.yaml`), path.join(tmp(), `${id}.yaml`));
    }
    await report({ worksheet: 'alles', format: 'eml', map: tmp(), cwd: tmp(), out, now: NOW });
    const text = (await simpleParser(out.out)).text ?? '';
    for (const re of MARKDOWN) expect(text, String(re)).not.toMatch(re);
    expect(text).toContain('\nSamenvatting\n────────────\n');
    expect(text).toContain('• Werkblad 2: 5 aandachtspunten, 4 punten nog uit te zoeken, 5 vragen nog niet beantwoord\n');
    // The partner table as a list: a row per partner, its cells under it.
    expect(text).toContain('• Partner: Schuldhulpmaatje\n   Wat doet deze partner? Hulp bij geldzaken\n   Samenwerkingsafspraken vastgelegd? Nee\n');
    // Text typed on several lines keeps its lines, in a list item too.
    expect(text).toContain('2. We helpen 1.500 inwoners per jaar.\n   Ook via de bibliobus.\n');
  });

  it('vergelijk: no Markdown syntax either', async () => {
    // Sanne and Piet (Anna types Markdown on purpose, shown as typed: see compare.test.ts).
    for (const name of ['randvoorwaarden.yaml', 'randvoorwaarden.piet-bakker.yaml']) await copyFile(path.join(COMPARE, name), path.join(tmp(), name));
    await compare({ worksheet: 'randvoorwaarden', format: 'eml', map: tmp(), cwd: tmp(), out, now: NOW });
    const text = (await simpleParser(out.out)).text ?? '';
    for (const re of MARKDOWN) expect(text, String(re)).not.toMatch(re);
    expect(text).toMatch(/^Vergelijking Werkblad 2: /);
    // Answers side by side: each respondent named with their answer.
    expect(text).toContain('\n• Sanne de Vries: Ja\n• Piet Bakker: Weet ik (nog) niet\n');
    expect(text).toContain('\nGesprekspunten\n──────────────\n');
  });
});
