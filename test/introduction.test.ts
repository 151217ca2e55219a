// The workbook's introduction: its short form at the first start drops the
// footnote mark whose footnote it leaves out; the whole one keeps both.
import { describe, expect, it } from 'vitest';
import { loadIntroduction, renderIntroduction, shortIntroduction } from '../src/definition/introduction.js';

const layout = { width: 2000, bold: (s: string) => s, dim: (s: string) => s };

describe('introduction', () => {
  it('the short form has no "¹" without its footnote; the whole introduction keeps mark and footnote', async () => {
    const blocks = await loadIntroduction();
    const short = renderIntroduction(shortIntroduction(blocks, 'De stappen:'), layout);
    expect(short).toContain("over de IDO's niet hoog was. Dit roept");
    expect(short).not.toContain('¹');
    const whole = renderIntroduction(blocks, layout);
    expect(whole).toContain('niet hoog was¹.');
    expect(whole).toContain('¹ Nulmeting-Informatiepunten-Digitale-Overheid.pdf');
  });
});
