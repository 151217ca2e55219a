// The report model and the default template: golden files per fixture
// (UPDATE_GOLDEN=1 npx vitest run test/report rewrites them) and the rules
// behind them (hidden follow-ups, tables, ontwikkelpunten, concept).
// Answers are checked as the report shows them (their Markdown); the raw
// model itself is tested in report-neutral.test.ts.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, DEVELOPMENT_INTRO, DEVELOPMENT_INTROS, WORKBOOK_PURPOSE, type ReportQuestion } from '../src/report/model.js';
import { answerMarkdown } from '../src/report/markdown.js';
import { htmlDocument } from '../src/report/html.js';
import { loadTemplate, renderTemplate } from '../src/report/template.js';
import { dossierReportOf, expectGolden, fixture, NOW, renderDefault, reportOf, sheet, worksheet, worksheetReportOf } from './report-helpers.js';
import { walk } from '../src/walk.js';
import { repoRoot } from './helpers/temp.js';
import { loadShippedWorksheets } from '../src/definition/load.js';

describe('golden reports', () => {
  for (const name of ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak', 'hostile-randvoorwaarden']) {
    it(`${name}.yaml -> ${name}.expected.md`, async () => {
      const { ws, file } = await fixture(`${name}.yaml`);
      const md = await renderDefault(worksheetReportOf(ws, file, { now: NOW, workbook: await loadShippedWorksheets() }));
      await expectGolden(`${name}.expected.md`, md);
    });
  }

  it('alles: dossier.expected.md (two sheets started, one not)', async () => {
    const sheets = await loadShippedWorksheets();
    const inputs = await Promise.all(
      sheets.map(async (ws) => (ws.id === 'plan-van-aanpak' ? { worksheet: ws } : { worksheet: ws, answers: (await fixture(`${ws.id}.yaml`)).file })),
    );
    const md = await renderDefault(dossierReportOf(inputs, { now: NOW }));
    await expectGolden('dossier.expected.md', md);
  });

  it('the shipped template is given to Liquid without its documentation, and renders as the file does', async () => {
    const shipped = await loadTemplate(undefined, process.cwd());
    const file = readFileSync(path.join(repoRoot, 'templates', 'rapport.md.liquid'), 'utf8');
    expect(file.length - shipped.source.length).toBeGreaterThan(5000);
    // The same lines (for line numbers in messages).
    expect(shipped.source.split('\n').length).toBe(file.split('\n').length);
    const sheets = await loadShippedWorksheets();
    const inputs = await Promise.all(sheets.map(async (ws) => ({ worksheet: ws, answers: (await fixture(`${ws.id}.yaml`)).file })));
    const { context } = dossierReportOf(inputs, { now: NOW });
    expect(await renderTemplate(shipped, context)).toBe(await renderTemplate({ ...shipped, source: file }, context));
  });

  it('html: gemeentelandschap.expected.html', async () => {
    const { ws, file } = await fixture('gemeentelandschap.yaml');
    const doc = worksheetReportOf(ws, file, { now: NOW, workbook: await loadShippedWorksheets() });
    await expectGolden('gemeentelandschap.expected.html', htmlDocument(await renderDefault(doc), doc.plainTitle));
  });
});

/** A question's answer as the default template shows it ({{ q | antwoord }}). */
const md = (q: ReportQuestion | undefined) => (q ? answerMarkdown(q) : undefined);

describe('buildReport', () => {
  it('leaves out hidden follow-ups, even when the file has an answer for them', async () => {
    const { ws, file } = await fixture('gemeentelandschap.yaml');
    const sheet = reportOf(ws, file, { now: NOW });
    const ids = sheet.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(ids).not.toContain('resultaatdoelen-welke');
    expect(ids).not.toContain('relatie-met-mt-wijze');
    expect(ids).toContain('resultaatdoelen-wensen');
    const md = await renderDefault(worksheetReportOf(ws, file, { now: NOW }));
    expect(md).not.toContain('VERBORGEN');
  });

  it('is built from the state alone: the walk is the one sheet-state.ts made, not walked again', async () => {
    const { ws, file } = await fixture('gemeentelandschap.yaml');
    // A state whose walk saw no answers yet: the model follows it (nothing answered), not the file's answers.
    const report = buildReport({ ...sheet(ws, file), walk: walk(ws, {}) });
    expect(report.progress.done).toBe(0);
    expect(report.sections.flatMap((s) => s.questions).every((q) => q.state === 'open')).toBe(true);
    expect(reportOf(ws, file).progress.done).toBeGreaterThan(0);
  });

  it('shows a follow-up right after its question', async () => {
    const { ws, file } = await fixture('gemeentelandschap.yaml');
    const questions = reportOf(ws, file).sections.flatMap((s) => s.questions);
    const i = questions.findIndex((q) => q.id === 'thema-in-agenda');
    expect(md(questions[i])).toBe('Ja');
    expect(questions[i + 1]).toMatchObject({ id: 'thema-in-agenda-wijze', followUp: true });
  });

  it('puts the meta questions in the header, not in the body', async () => {
    const { ws, file } = await fixture('gemeentelandschap.yaml');
    const sheet = reportOf(ws, file);
    expect(sheet.meta).toMatchObject({ name: 'Sanne de Vries', library: 'Bibliotheek Voorbeeldstad', date: '27 november 2026' });
    expect(sheet.meta.fields.map((f) => f.label)).toEqual(['Naam', 'Bibliotheek', 'Datum']);
    expect(sheet.sections.map((s) => s.id)).toEqual(['vragen']);
  });

  it('renders weet ik (nog) niet, leeg and open answers', async () => {
    const ws = await worksheet('plan-van-aanpak');
    const sheet = reportOf(ws, { stakeholders: { weet_ik_niet: true }, kernboodschap: '' });
    const byId = new Map(sheet.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
    expect(md(byId.get('stakeholders'))).toBe('_Weet ik (nog) niet_ (ontwikkelpunt)');
    expect(md(byId.get('kernboodschap'))).toBe('_Leeg gelaten_ (ontwikkelpunt)');
    expect(md(byId.get('doelen'))).toBe('_Nog niet beantwoord_');
  });

  it('marks a concept with its progress; answers without a file are a concept', async () => {
    const ws = await worksheet('plan-van-aanpak');
    const sheet = reportOf(ws, { naam: 'A', stakeholders: 'B' });
    expect(sheet.concept).toBe(true);
    // walk's count: the workbook's nine questions; Naam is a meta field, not counted
    expect(sheet.statusLine).toBe('Concept: 1 van 9 vragen beantwoord');
    expect(sheet.progress).toEqual({ done: 1, total: 9 });
    expect(reportOf(ws, {}, { status: 'afgerond' }).statusLine).toBe('Afgerond');
  });

  it('makes tables of groups: Stap 2 with the base columns, Stap 4 with the extra columns', async () => {
    const { ws, file } = await fixture('randvoorwaarden.yaml');
    const byId = new Map(
      reportOf(ws, file)
        .sections.flatMap((s) => s.questions)
        .map((q) => [q.id, q]),
    );
    const partners = md(byId.get('partners')) ?? '';
    // the fixture still holds the old "verwijzing" column: kept in the file, not shown (no such field any more)
    expect(partners.split('\n')[0]).toBe('| Partner | Wat doet deze partner? |');
    expect(partners).not.toContain('Wij verwijzen naar deze partner');
    expect(partners).not.toContain('Convenant');
    const extended = md(byId.get('samenwerkingsafspraken')) ?? '';
    expect(extended.split('\n')[0]).toBe('| Partner | Wat doet deze partner? | Samenwerkingsafspraken vastgelegd? | Welke afspraken? |');
    expect(extended).toContain('| Ja | Convenant 2026, jaarlijks geëvalueerd. |');
    const functies = md(byId.get('functies')) ?? '';
    expect(functies).toContain('| 16 uur per week |');
    expect(functies).toContain('| 3,5 uur per week |');
    expect(functies).toContain('Planning spreekuren<br>Contact met partners');
  });

  it('an extending group with an empty base list says so', async () => {
    const ws = await worksheet('randvoorwaarden');
    const byId = new Map(
      reportOf(ws, { samenwerkingsafspraken: true })
        .sections.flatMap((s) => s.questions)
        .map((q) => [q.id, q]),
    );
    expect(md(byId.get('samenwerkingsafspraken'))).toBe('_Het overzicht is nog leeg._');
  });

  it('shows choice values by their label', async () => {
    const ws = structuredClone(await worksheet('plan-van-aanpak'));
    ws.steps[0]!.questions.push(
      { id: 'keuze', type: 'choice', label: 'Keuze?', options: [{ value: 'a', label: 'Optie A' }, 'b'] },
      { id: 'meer', type: 'multichoice', label: 'Meer?', options: [{ value: 'a', label: 'Optie A' }, 'b'], other: true },
    );
    const byId = new Map(
      reportOf(ws, { keuze: 'a', meer: ['a', 'b', 'iets anders'] })
        .sections.flatMap((s) => s.questions)
        .map((q) => [q.id, q]),
    );
    expect(md(byId.get('keuze'))).toBe('Optie A');
    expect(md(byId.get('meer'))).toBe('- Optie A\n- b\n- iets anders');
  });

  it('lists ontwikkelpunten per step with the intro of the workbook', async () => {
    const { ws, file } = await fixture('randvoorwaarden.yaml');
    const { developmentPoints } = reportOf(ws, file);
    expect(developmentPoints.intro).toBe(DEVELOPMENT_INTRO);
    expect(DEVELOPMENT_INTRO).toContain('Met deze punten kan je jouw dienstverlening verder ontwikkelen.');
    expect(developmentPoints.groups.map((g) => g.title)).toEqual([
      'Stap 1. Strategie en beleid',
      'Stap 2. Producten en diensten',
      'Stap 4. Processen en werkwijzen',
      'Stap 5. Processen en werkwijzen',
      'Stap 6. Middelen',
    ]);
    const stap1 = developmentPoints.groups[0]?.items ?? [];
    expect(stap1).toEqual([expect.objectContaining({ id: 'eigen-plan', number: '1.2.', state: 'unknown', stateText: 'weet ik (nog) niet' })]);
    const all = developmentPoints.groups.flatMap((g) => g.items.map((i) => i.state));
    expect(new Set(all)).toEqual(new Set(['unknown', 'empty', 'open', 'incomplete']));
    const stap4 = developmentPoints.groups.find((g) => g.title.startsWith('Stap 4'))?.items ?? [];
    // Stap 4 names the partner: left blank is "niet ingevuld", not "nog niet bekend".
    expect(stap4[0]).toMatchObject({
      id: 'samenwerkingsafspraken',
      state: 'incomplete',
      stateText: 'niet ingevuld bij Welzijn Voorbeeldstad',
      unknownItems: [],
      blankItems: ['Welzijn Voorbeeldstad'],
    });
  });

  it('keeps "weet ik (nog) niet" and leeg gelaten apart from questions not answered yet', async () => {
    const { ws, file } = await fixture('randvoorwaarden.yaml');
    const { developmentPoints } = reportOf(ws, file);
    const { toResearch, unanswered } = developmentPoints;
    expect(toResearch.title).toBe('Nog uit te zoeken');
    expect(unanswered.title).toBe('Nog niet beantwoord');
    // Stap 4: a partner whose agreements are not known yet is something to find out, too.
    expect(toResearch.groups.flatMap((g) => g.items.map((i) => i.state))).toEqual(['unknown', 'empty', 'incomplete', 'unknown']);
    expect(unanswered.groups.flatMap((g) => g.items.map((i) => i.state))).toEqual(['open', 'open', 'open', 'open', 'open']);
    expect([toResearch.count, unanswered.count, developmentPoints.count]).toEqual([4, 5, 9]);
    // Stap 4 and Stap 5 have the same title: their headings tell them apart.
    expect(toResearch.groups.map((g) => [g.title, g.heading])).toEqual([
      ['Stap 1. Strategie en beleid', 'Stap 1. Strategie en beleid'],
      ['Stap 2. Producten en diensten', 'Stap 2. Producten en diensten'],
      ['Stap 4. Processen en werkwijzen', 'Stap 4. Processen en werkwijzen op het gebied van samenwerken'],
    ]);
    expect(unanswered.groups.map((g) => [g.title, g.heading])).toEqual([
      ['Stap 5. Processen en werkwijzen', 'Stap 5. Processen en werkwijzen op het gebied van registratie'],
      ['Stap 6. Middelen', 'Stap 6. Middelen'],
    ]);

    const md = await renderDefault(worksheetReportOf(ws, file, { now: NOW }));
    const points = md.slice(md.indexOf('## Ontwikkelpunten'));
    expect(points.indexOf('### Nog uit te zoeken')).toBeGreaterThan(0);
    expect(points.indexOf('### Nog niet beantwoord')).toBeGreaterThan(points.indexOf('### Nog uit te zoeken'));
    const research = points.slice(points.indexOf('### Nog uit te zoeken'), points.indexOf('### Nog niet beantwoord'));
    expect(research).toContain('**Stap 4. Processen en werkwijzen op het gebied van samenwerken**\n');
    expect(research).not.toContain('nog niet beantwoord');
    const open = points.slice(points.indexOf('### Nog niet beantwoord'));
    expect(open).toContain('**Stap 5. Processen en werkwijzen op het gebied van registratie**\n');
    expect(open).not.toMatch(/weet ik|leeg gelaten/);
    // At most four heading levels, in the dossier too.
    expect(md).not.toMatch(/^#####/m);
  });

  it('gives every worksheet an ontwikkelpunten intro that fits it', async () => {
    const sheets = await loadShippedWorksheets();
    const intros = sheets.map((ws) => reportOf(ws, {}).developmentPoints.intro);
    expect(new Set(intros).size).toBe(3);
    // Werkblad 2: the workbook's own sentence; 1 and 3: ours (the workbook has none there).
    expect(intros[1]).toBe(DEVELOPMENT_INTRO);
    expect(intros[0]).toBe(DEVELOPMENT_INTROS.gemeentelandschap);
    expect(intros[2]).toBe(DEVELOPMENT_INTROS['plan-van-aanpak']);
    for (const intro of [intros[0], intros[2]]) expect(intro).not.toContain('diagnose');
    expect(intros[0]).toContain('gemeente');
    expect(intros[2]).toContain('plan van aanpak');
  });

  it('gives an unnumbered follow-up ontwikkelpunt the question it belongs to', async () => {
    const { ws, file } = await fixture('gemeentelandschap.yaml');
    const ws1 = ws;
    const answers = { ...file.answers, 'thema-in-agenda-wijze': { weet_ik_niet: true as const } };
    const items = reportOf(ws1, answers).developmentPoints.groups.flatMap((g) => g.items);
    expect(items.find((i) => i.id === 'thema-in-agenda-wijze')?.context).toBe(
      'Komt het thema digitale inclusie terug in de maatschappelijke agenda/coalitie akkoord van de gemeente(s)?',
    );
  });

  it('dossier: title and subject with the library, not-started sheets in the overview', async () => {
    const sheets = await loadShippedWorksheets();
    const { file } = await fixture('gemeentelandschap.yaml');
    const doc = dossierReportOf(sheets.map((ws) => (ws.id === 'gemeentelandschap' ? { worksheet: ws, answers: file } : { worksheet: ws })));
    expect(doc.subject).toBe('Dossier digitale inclusie – Bibliotheek Voorbeeldstad');
    expect(doc.context.sheets.map((s) => s.id)).toEqual(['gemeentelandschap']);
    expect(doc.context.notStarted.map((s) => [s.id, s.statusLine, s.command])).toEqual([
      ['randvoorwaarden', 'Nog niet begonnen', 'werkboek start randvoorwaarden'],
      ['plan-van-aanpak', 'Nog niet begonnen', 'werkboek start plan-van-aanpak'],
    ]);
  });

  it('subject of one worksheet', async () => {
    const { ws, file } = await fixture('randvoorwaarden.yaml');
    expect(worksheetReportOf(ws, file).subject).toBe(
      'Werkboek digitale inclusie: Randvoorwaarden digitale inclusie dienstverlening – Bibliotheek Voorbeeldstad',
    );
    expect(worksheetReportOf(ws, {}).subject).toBe('Werkboek digitale inclusie: Randvoorwaarden digitale inclusie dienstverlening');
  });
});

describe('toelichting (Ctrl+O) with a ja/nee or choice answer', () => {
  it('is a raw field next to the answer and printed after it, escaped', async () => {
    const sheets = await loadShippedWorksheets();
    const ws = sheets.find((s) => s.id === 'gemeentelandschap')!;
    const answers = {
      naam: 'An',
      'thema-in-agenda': { antwoord: 'ja', toelichting: 'Deels: alleen voor <IDO> | niet | # kop' },
      'thema-in-agenda-wijze': 'Coalitieakkoord',
      resultaatdoelen: 'nee',
    };
    const sheet = reportOf(ws, answers, { now: NOW });
    const questions = sheet.sections.flatMap((s) => s.questions);
    const thema = questions.find((q) => q.id === 'thema-in-agenda');
    expect(thema).toMatchObject({ state: 'answered', answer: { kind: 'value', text: 'Ja' }, note: 'Deels: alleen voor <IDO> | niet | # kop' });
    expect(questions.find((q) => q.id === 'resultaatdoelen')?.note).toBeNull();
    // The branch of the antwoord is taken.
    expect(questions.map((q) => q.id)).toContain('thema-in-agenda-wijze');
    const md = await renderDefault(worksheetReportOf(ws, answers, { now: NOW }));
    expect(md).toContain('Ja\n\n_Toelichting:_ Deels: alleen voor \\<IDO> \\| niet \\| # kop\n');
  });
});

/** The workbook's source text, when it is next to the repository (it is not part of it). */
function workbookSource(): string | undefined {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const candidates = [process.env.WERKBOEK_BRON, path.join(root, '../shared/werkboek-bron.md'), path.join(root, '../../shared/werkboek-bron.md')];
  const file = candidates.find((f) => f !== undefined && existsSync(f));
  return file ? readFileSync(file, 'utf8') : undefined;
}

describe('purpose and closing of the workbook', () => {
  const closingText = (md: string) => md.slice(md.indexOf('## Over het werkboek (Probiblio)'), md.indexOf('\n---\n'));

  it("alles keeps what the three worksheets are for, in the words of the workbook, in Probiblio's closing section", async () => {
    const sheets = await loadShippedWorksheets();
    const { file } = await fixture('gemeentelandschap.yaml');
    const doc = dossierReportOf(sheets.map((ws) => (ws.id === 'gemeentelandschap' ? { worksheet: ws, answers: file } : { worksheet: ws })));
    expect(doc.context.purpose).toBe(WORKBOOK_PURPOSE);
    expect(WORKBOOK_PURPOSE).toContain('Voor elke stap is een werkblad ontwikkeld');
    const md = await renderDefault(doc);
    // Title and source, then the summary: not the workbook's Context paragraph.
    expect(md.split('\n## ')[1]?.startsWith('Samenvatting\n')).toBe(true);
    const closing = closingText(md);
    expect(closing).toContain('\n\n1. Kennisvergroting en het in kaart brengen van het eigen gemeentelandschap\n2. De eigen randvoorwaarden');
    expect(closing.indexOf('Voor elke stap is een werkblad ontwikkeld')).toBeLessThan(closing.indexOf('**Meer informatie?**'));
    // One worksheet: no purpose of the whole workbook.
    const one = await renderDefault(worksheetReportOf(sheets[0]!, file, { now: NOW }));
    expect(one).not.toContain('Voor elke stap');
  });

  it.skipIf(workbookSource() === undefined)('the purpose is verbatim from the workbook', () => {
    const source = workbookSource() ?? '';
    for (const paragraph of WORKBOOK_PURPOSE.split('\n\n')) expect(source).toContain(paragraph);
  });

  it('every report ends with "Meer informatie?" from the worksheet definition', async () => {
    const workbook = await loadShippedWorksheets();
    const own = workbook.find((ws) => ws.id === 'plan-van-aanpak')!;
    expect(own.closing).toMatch(/^Meer informatie\?\n\n/);
    const expected = own.closing!.replace(/^Meer informatie\?\n\n/, '').trimEnd();

    for (const name of ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak']) {
      const { ws, file } = await fixture(`${name}.yaml`);
      const doc = worksheetReportOf(ws, file, { now: NOW, workbook });
      // Werkblad 1 and 2 have no closing of their own: the one of werkblad 3, labelled as Probiblio's.
      expect(doc.context.closing).toEqual({ heading: 'Over het werkboek (Probiblio)', workbook: true, title: 'Meer informatie?', text: expected });
      const md = await renderDefault(doc);
      expect(closingText(md)).toBe(`## Over het werkboek (Probiblio)\n\n**Meer informatie?**\n\n${expected}\n`);
      // Before the footer, which ends the report.
      expect(md.endsWith(`${expected.split('\n').pop()}\n\n---\n\n_Gemaakt op 27 november 2026 (werkboek)._\n`)).toBe(true);
    }
    const dossier = await renderDefault(
      dossierReportOf(
        workbook.map((ws) => ({ worksheet: ws })),
        { now: NOW },
      ),
    );
    expect(closingText(dossier)).toContain(`\n\n**Meer informatie?**\n\n${expected}\n`);
  });

  it("an own worksheet shows its own closing and subtitle, never Probiblio's; without any: none", async () => {
    const ws = structuredClone(await worksheet('gemeentelandschap'));
    ws.id = 'eigen-werkblad';
    ws.closing = 'Vragen?\n\nMail de <b>adviseur</b>.';
    ws.subtitle = 'Werkblad van Bibliotheek Voorbeeldstad';
    const workbook = await loadShippedWorksheets();
    const doc = worksheetReportOf(ws, { naam: 'An' }, { now: NOW, workbook });
    expect(doc.context.closing).toEqual({ heading: 'Vragen?', workbook: false, title: null, text: 'Mail de <b>adviseur</b>.' });
    const md = await renderDefault(doc);
    expect(md).not.toMatch(/Probiblio|Meer informatie|Voor elke stap/);
    expect(md).toContain('\n_Werkblad van Bibliotheek Voorbeeldstad_\n');
    expect(md).toMatch(/\n## Vragen\?\n\nMail de \\<b>adviseur\\<\/b>\.\n\n---\n/);

    delete ws.closing;
    delete ws.subtitle;
    const bare = worksheetReportOf(ws, {}, { now: NOW, workbook });
    expect(bare.context.closing).toBeNull();
    expect(bare.context.source).toBeNull();
    const bareMd = await renderDefault(bare);
    expect(bareMd).not.toContain('Probiblio');
    expect(bareMd).toMatch(/\n---\n\n_Gemaakt op 27 november 2026 \(werkboek\)\._\n$/);
  });
});
