// A report template from someone else must fail in seconds with a Dutch
// message, not run for minutes and eat gigabytes.
import { describe, expect, it } from 'vitest';
import { renderTemplate, TEMPLATE_LIMITS } from '../src/report/template.js';
import { dossierReportOf } from './report-helpers.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { WerkboekError } from '../src/support/errors.js';

async function render(source: string, limits = TEMPLATE_LIMITS): Promise<{ err: WerkboekError; ms: number }> {
  const doc = dossierReportOf((await loadShippedWorksheets()).map((worksheet) => ({ worksheet })));
  const t0 = performance.now();
  const err = (await renderTemplate({ name: 'eigen.liquid', source }, doc.context, limits).catch((e: unknown) => e)) as WerkboekError;
  return { err, ms: performance.now() - t0 };
}

describe('template limits', () => {
  it('a loop over a huge range is stopped (memory)', async () => {
    const { err, ms } = await render('{% for i in (1..100000000) %}x{% endfor %}');
    expect(err).toBeInstanceOf(WerkboekError);
    expect(err.message).toMatch(/^eigen\.liquid:1: het sjabloon maakt te veel of te grote lijsten of teksten/);
    console.log(`huge range stopped after ${ms.toFixed(0)} ms`);
  });

  it('a long-running template is stopped after the render limit (time), which the message names', async () => {
    // Nested loops over small ranges: little memory, a lot of time. The limit given here is short, so the test is too.
    const { err } = await render('{% for a in (1..3000) %}{% for b in (1..3000) %}{% for c in (1..3000) %}{% endfor %}{% endfor %}{% endfor %}', {
      ...TEMPLATE_LIMITS,
      renderMs: 300,
    });
    expect(err).toBeInstanceOf(WerkboekError);
    expect(err.message).toContain('het sjabloon deed er te lang over (meer dan 0,3 seconden)');
  });

  it('a template of more than a million characters is refused', async () => {
    const { err } = await render('x'.repeat(TEMPLATE_LIMITS.parseChars + 1));
    expect(err.message).toContain('het sjabloon is te groot');
  });
});
