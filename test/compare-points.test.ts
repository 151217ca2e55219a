// `werkboek vergelijk`: the aandachtspunten everyone shares (no gesprekspunt,
// yet a weak spot), and the aandachtspunten in each respondent's line.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../src/dossier/answers.js';
import { compareReport } from '../src/report/compare.js';
import { renderTemplate, loadTemplate } from '../src/report/template.js';
import { NOW, reportOf, sheet, worksheet } from './report-helpers.js';

async function compareOf(answers: Record<string, Answers>) {
  const ws = await worksheet('randvoorwaarden');
  const [first, ...rest] = Object.entries(answers).map(([name, a]) => ({ name, ...sheet(ws, a) }));
  return compareReport([first!, ...rest], { now: NOW });
}

const base: Answers = { naam: 'x', bibliotheek: 'Bibliotheek Voorbeeldstad', 'doelen-vastgelegd': 'ja' };

describe('vergelijk: aandachtspunten', () => {
  it('an aandachtspunt everyone shares is listed with "iedereen", though it is no gesprekspunt', async () => {
    const doc = await compareOf({ Anna: { ...base, evaluatie: 'nee' }, Piet: { ...base, evaluatie: 'nee' } });
    const ctx = doc.context;
    expect(ctx.discussion.groups.flatMap((g) => g.items).some((p) => p.id === 'evaluatie')).toBe(false);
    const point = ctx.attention.groups.flatMap((g) => g.items).find((p) => p.id === 'evaluatie')!;
    expect(point).toMatchObject({ everyone: true, whoText: 'iedereen: Nee', number: '3.' });
    expect(ctx.attention.shared).toBe(1);
    // The same question `rapport` lists as an aandachtspunt.
    const ws = await worksheet('randvoorwaarden');
    expect(
      reportOf(ws, { ...base, evaluatie: 'nee' })
        .developmentPoints.attention.groups.flatMap((g) => g.items)
        .map((p) => p.id),
    ).toContain('evaluatie');

    const md = await renderTemplate(await loadTemplate(undefined, process.cwd(), 'vergelijk.md.liquid'), ctx);
    const section = md.slice(md.indexOf('## Aandachtspunten'), md.indexOf('## Stap 1'));
    expect(section).toContain("Bij deze vragen blijkt uit het antwoord van een of meer collega's dat een randvoorwaarde (nog) niet op orde is.");
    expect(section).toContain('Waar "iedereen" staat');
    expect(section).toMatch(/\*\*3\.\*\* Worden de samenwerking\(en\) en afspraken periodiek .* geëvalueerd\? _\(iedereen: Nee\)_/);
  });

  it("one respondent's aandachtspunt names who; the header line counts each one's aandachtspunten", async () => {
    const ctx = (await compareOf({ Anna: { ...base, evaluatie: 'nee', 'uren-voldoende': 'nee' }, Piet: { ...base, evaluatie: 'ja' } })).context;
    const point = ctx.attention.groups.flatMap((g) => g.items).find((p) => p.id === 'evaluatie')!;
    expect(point).toMatchObject({ everyone: false, whoText: 'Anna: Nee' });
    expect(ctx.respondents.map((r) => r.summaryLine)).toEqual([
      'Concept: 3 van 30 vragen beantwoord, 2 aandachtspunten',
      'Concept: 2 van 29 vragen beantwoord',
    ]);
  });

  it('a finished worksheet: "Afgerond, 1 punt nog uit te zoeken, 1 aandachtspunt", as rapport counts', async () => {
    const ws = await worksheet('randvoorwaarden');
    const finished = (name: string, answers: Answers) => ({
      name,
      worksheet: ws,
      answers: { answers, meta: { status: 'afgerond' as const } },
      walk: sheet(ws, answers).walk,
    });
    const piet = { ...base, evaluatie: 'nee', 'uren-voldoende': { weet_ik_niet: true as const } };
    const ctx = compareReport([finished('Piet Bakker', piet), finished('Anna', base)], { now: NOW }).context;
    expect(ctx.respondents[0]?.summaryLine).toBe('Afgerond, 1 punt nog uit te zoeken, 1 aandachtspunt');
    expect(ctx.respondents[1]?.summaryLine).toBe('Afgerond');
  });

  it('no aandachtspunten: no section', async () => {
    const ctx = (await compareOf({ Anna: base, Piet: base })).context;
    expect(ctx.attention.count).toBe(0);
    const md = await renderTemplate(await loadTemplate(undefined, process.cwd(), 'vergelijk.md.liquid'), ctx);
    expect(md).not.toContain('## Aandachtspunten');
  });
});
