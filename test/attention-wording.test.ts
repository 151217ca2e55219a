// The sentence under "Aandachtspunten" fits the worksheet: werkblad 2 is about
// randvoorwaarden, werkblad 1 about what the library needs to profile itself,
// an own worksheet gets a neutral sentence; the same in every format (the
// renderers read the model's intro; the Word document is checked here too).
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { reportDocx } from '../src/report/docx.js';
import type { Worksheet } from '../src/definition/schema.js';
import { reportOf, worksheet, worksheetReportOf } from './report-helpers.js';

describe('the aandachtspunten intro', () => {
  it('werkblad 1 does not speak of randvoorwaarden; werkblad 2 does', async () => {
    const ws1 = await worksheet('gemeentelandschap');
    const intro1 = reportOf(ws1, { 'relatie-met-mt': 'nee' }).developmentPoints.attention.intro;
    expect(intro1).toBe('Bij deze vragen blijkt uit je antwoord dat iets wat je nodig hebt om je bij de gemeente te profileren (nog) niet op orde is.');
    const ws2 = await worksheet('randvoorwaarden');
    expect(reportOf(ws2, { evaluatie: 'nee' }).developmentPoints.attention.intro).toContain('een randvoorwaarde (nog) niet op orde is');

    const docx = await reportDocx(worksheetReportOf(ws1, { 'relatie-met-mt': 'nee' }));
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(value).toContain('om je bij de gemeente te profileren (nog) niet op orde is');
    expect(value).not.toContain('randvoorwaarde');
  });

  it('an own worksheet: a neutral sentence', async () => {
    const ws2 = await worksheet('randvoorwaarden');
    const own: Worksheet = { ...ws2, id: 'mijn-werkblad' };
    expect(reportOf(own, { evaluatie: 'nee' }).developmentPoints.attention.intro).toBe(
      'Bij deze vragen blijkt uit je antwoord dat iets (nog) niet op orde is.',
    );
  });
});
