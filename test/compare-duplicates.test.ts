// `werkboek vergelijk`: two items of one name in one respondent's repeat
// group stay two rows, and the points name them as the table does.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../src/dossier/answers.js';
import { compareReport } from '../src/report/compare.js';
import { NOW, sheet, worksheet } from './report-helpers.js';

const base: Answers = { naam: 'x', bibliotheek: 'Bibliotheek Voorbeeldstad', 'doelen-vastgelegd': 'ja' };

describe('vergelijk: two items of one name', () => {
  it('stay two rows ("Welzijn (2)"), matched across respondents by name and place, and the points say the same', async () => {
    const anna = {
      ...base,
      partners: [
        { naam: 'Welzijn', aanbod: 'Spreekuur' },
        { naam: ' welzijn ', aanbod: 'Thuisbezoek' },
      ],
      samenwerkingsafspraken: true,
    };
    const piet = { ...base, partners: [{ naam: 'Welzijn', aanbod: 'Spreekuur' }] };
    const ws = await worksheet('randvoorwaarden');
    const ctx = compareReport(
      [
        { name: 'Anna', ...sheet(ws, anna) },
        { name: 'Piet', ...sheet(ws, piet) },
      ],
      { now: NOW },
    ).context;
    const partners = ctx.sections.flatMap((s) => s.questions).find((q) => q.id === 'partners')!;
    expect(partners.merged!.rows).toEqual([
      ['Welzijn', 'Spreekuur', 'iedereen'],
      ['welzijn (2)', 'Thuisbezoek', 'Anna'],
    ]);
    expect(partners.discussion).toBe('Niet door iedereen genoemd: welzijn (2) (Anna)');
    // Stap 4 asks per partner: both of Anna's are named, told apart as in the table.
    const afspraken = ctx.development.groups.flatMap((g) => g.items).find((p) => p.id === 'samenwerkingsafspraken')!;
    expect(afspraken.whoText).toContain('Anna: niet ingevuld bij Welzijn, welzijn (2)');
  });
});
