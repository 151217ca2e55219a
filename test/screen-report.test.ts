// `rapport` and `vergelijk` without -o: on a terminal readable text fitted to
// its width (no "#", "**" or "| --- |" rows cut mid-word); into a pipe or a
// file Markdown, as before.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { report } from '../src/commands/rapport.js';
import { compare } from '../src/commands/vergelijk.js';
import { memoryOutput } from '../src/support/output.js';
import { useTempDir } from './helpers/temp.js';
import { FIXTURES, NOW } from './report-helpers.js';

const COMPARE = fileURLToPath(new URL('./fixtures/compare/', import.meta.url));
const tmp = useTempDir('werkboek-scherm-');

function expectScreenText(text: string, width: number): void {
  expect(text).not.toMatch(/^#/m);
  expect(text).not.toContain('**');
  expect(text).not.toMatch(/\| --- \|/);
  for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width - 1);
}

describe('a report on a terminal', () => {
  it('rapport: plain text fitted to the terminal; into a pipe Markdown', async () => {
    await copyFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), path.join(tmp(), 'randvoorwaarden.yaml'));
    const screen = memoryOutput(80);
    await report({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: screen, now: NOW });
    expectScreenText(screen.out, 80);
    expect(screen.out).toMatch(/^Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening\n═+\n/);
    // A table is a list, a bullet's text goes on under its text.
    expect(screen.out).toMatch(/\n• Functie: Coördinator digitale inclusie\n {3}Betaald of vrijwillig\?: betaald/);
    const pipe = memoryOutput();
    await report({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: pipe, now: NOW });
    expect(pipe.out).toMatch(/^# Werkblad 2: Randvoorwaarden/);
    expect(pipe.out).toContain('| --- |');
    // -o - is standard output too: on a terminal the same text.
    const dash = memoryOutput(80);
    await report({ worksheet: 'randvoorwaarden', format: 'md', output: '-', map: tmp(), cwd: tmp(), out: dash, now: NOW });
    expect(dash.out).toBe(screen.out);
  });

  it('vergelijk: the same', async () => {
    for (const name of ['randvoorwaarden.yaml', 'randvoorwaarden.piet-bakker.yaml']) await copyFile(path.join(COMPARE, name), path.join(tmp(), name));
    const screen = memoryOutput(72);
    await compare({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: screen, now: NOW });
    expectScreenText(screen.out, 72);
    expect(screen.out).toContain('Gesprekspunten\n──────────────');
    const pipe = memoryOutput();
    await compare({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: pipe, now: NOW });
    expect(pipe.out).toMatch(/^# Vergelijking Werkblad 2/);
  });
});
