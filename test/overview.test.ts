// `werkboek overzicht`: golden Markdown and CSV for generated dossiers with a
// broken, a foreign and an unparsable file (listed with bestand:regel:kolom,
// skipped, never written to), the CSV rules for Excel, and the command line.
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOverview, overview } from '../src/commands/overzicht.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { worksheetReport } from '../src/report/model.js';
import { sheetState } from '../src/sheet-state.js';
import { csvCell, csvDocument } from '../src/report/csv.js';
import { memoryOutput } from '../src/support/output.js';
import { generateDossiers } from '../scripts/gen-dossiers.mjs';
import { expectGolden, NOW } from './report-helpers.js';
import { useTempDir } from './helpers/temp.js';
import { assertBuilt, runCli } from './helpers/run.js';

const tmp = useTempDir('werkboek-overzicht-');

/** Six generated dossiers; the 2nd with an invalid answer, the 4th with a foreign file, the 5th with broken YAML. */
async function dossiers(): Promise<{ root: string; broken: string[] }> {
  const root = path.join(tmp(), 'dossiers');
  const dirs = generateDossiers(root, 6);
  const broken = [path.join(dirs[1]!, 'randvoorwaarden.yaml'), path.join(dirs[3]!, 'gemeentelandschap.yaml'), path.join(dirs[4]!, 'plan-van-aanpak.yaml')];
  const invalid = (await readFile(broken[0]!, 'utf8'))
    .replace('uren-voldoende: ja', 'uren-voldoende: misschien')
    .replace('uren-voldoende: nee', 'uren-voldoende: misschien');
  await writeFile(broken[0]!, invalid);
  await writeFile(broken[1]!, 'werkblad: plan-van-aanpak\nversie: 1\nantwoorden: {}\n');
  await writeFile(broken[2]!, 'werkblad: plan-van-aanpak\nantwoorden:\n  doelen: "niet gesloten\n');
  // Not a dossier: hidden folders and closed rounds are left out.
  await mkdir(path.join(root, '.git'));
  await mkdir(path.join(root, 'bibliotheek-0001', 'ronde-2025'));
  return { root, broken };
}

async function run(args: Partial<Parameters<typeof overview>[0]>): Promise<string> {
  const out = memoryOutput();
  await overview({ folders: ['dossiers'], cwd: tmp(), out, now: NOW, ...args });
  expect(out.err).toBe('');
  return out.out;
}

describe('werkboek overzicht', () => {
  it('gives the golden Markdown and CSV, lists the broken files and leaves them as they were', async () => {
    const { broken } = await dossiers();
    const before = await Promise.all(broken.map(async (f) => ({ text: await readFile(f, 'utf8'), mtime: (await stat(f)).mtimeMs })));
    const md = await run({ format: 'md' });
    await expectGolden('../overview/overzicht.expected.md', md);
    const csv = await run({ format: 'csv' });
    await expectGolden('../overview/overzicht.expected.csv', csv);
    expect(md).toContain('dossiers/bibliotheek-0002/randvoorwaarden.yaml:');
    expect(md).toMatch(/bibliotheek-0004\/gemeentelandschap\.yaml:\d+:\d+: dit bestand hoort bij werkblad "plan-van-aanpak"/);
    expect(md).toMatch(/bibliotheek-0005\/plan-van-aanpak\.yaml:\d+:\d+: /);
    const after = await Promise.all(broken.map(async (f) => ({ text: await readFile(f, 'utf8'), mtime: (await stat(f)).mtimeMs })));
    expect(after).toEqual(before);
  });

  it('prints per library and per worksheet on the screen, and reads one dossier folder as well', async () => {
    await dossiers();
    const text = await run({});
    expect(text).toContain('Bibliotheek Aadorp 1 (dossiers/bibliotheek-0001)');
    expect(text).toMatch(/\n {2}2\. randvoorwaarden +onleesbaar\n/);
    // What it counts, in words: the libraries, and their worksheets by status.
    expect(text).toMatch(/\n6 bibliotheken, elk met 3 werkbladen: \d+ afgerond, \d+ concept(, \d+ niet begonnen)?, 3 onleesbaar\.\n/);
    expect(text).toContain('Overgeslagen, want niet te lezen (3); er is niets aan gewijzigd:');
    const one = await run({ folders: [path.join('dossiers', 'bibliotheek-0003')] });
    expect(one).toMatch(/^Bibliotheek Cadier 3 \(dossiers\/bibliotheek-0003\)\n {2}1\. gemeentelandschap {2}(concept|afgerond) · \d+ van \d+/);
    expect(one).toMatch(/\n1 bibliotheek, met 3 werkbladen: [^\n]+\.\n/);
  });

  it('fits each line to a terminal, under its own start; into a file or a pipe each worksheet stays one line', async () => {
    await dossiers();
    const out = memoryOutput(60);
    await overview({ folders: ['dossiers'], cwd: tmp(), out, now: NOW });
    // (A file's path is not broken.)
    const lines = out.out.split('\n').filter((l) => !l.includes('.yaml'));
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(59);
    // A line goes on under its first part, never under the worksheet's name.
    expect(out.out).toMatch(/\n {2}1\. gemeentelandschap {2}\S[^\n]*\n {24}\S/);
    const piped = await run({});
    expect(piped.split('\n').some((l) => l.length > 80)).toBe(true);
    expect(piped).toMatch(/\n {2}1\. gemeentelandschap {2}[^\n]*ontwikkelpunt/);
  });

  it('makes an HTML page of the same tables', async () => {
    await dossiers();
    const html = await run({ format: 'html' });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<title>Overzicht digitale inclusie</title>');
    expect(html).toMatch(/<td[^>]*>Bibliotheek Aadorp 1<\/td>/);
    // A table of a dozen columns stays inside the 800 px column: it may not be wider, and its cells (long words too) wrap.
    expect(html).toContain('<div style="max-width: 800px; margin: 0 auto;">');
    for (const table of html.match(/<table[^>]*>/g) ?? []) expect(table).toContain('max-width:100%');
    for (const cell of html.match(/<t[dh](?: [^>]*)?>/g) ?? []) expect(cell).toContain('overflow-wrap:anywhere');
    expect(html).not.toContain('<script');
  });

  it('takes other key questions with --kernvragen, and says which exist when one is unknown', async () => {
    await dossiers();
    const md = await run({ format: 'md', keys: 'randvoorwaarden.collectie,eigen-plan' });
    expect(md).toContain('| Ontwikkelpunten | collectie | eigen-plan |');
    expect(md).not.toContain('Doelen vastgelegd');
    const out = memoryOutput();
    await expect(overview({ folders: ['dossiers'], cwd: tmp(), out, keys: 'gemeentelandschap.bestaat-niet' })).rejects.toThrow(
      'Onbekende kernvraag "gemeentelandschap.bestaat-niet"',
    );
  });
});

describe('the ontwikkelpunten in the overview', () => {
  it('counts what is to find out, not the questions not answered yet', async () => {
    const one = path.join(tmp(), 'dossiers', 'oost');
    await mkdir(one, { recursive: true });
    await writeFile(
      path.join(one, 'gemeentelandschap.yaml'),
      'werkblad: gemeentelandschap\nversie: 1\nstatus: concept\naangemaakt: 2026-11-20T09:00:00.000Z\nbijgewerkt: 2026-11-20T09:00:00.000Z\n' +
        'programma: werkboek 0.1.0\nantwoorden:\n  naam: An\n  thema-in-agenda:\n    weet_ik_niet: true\n',
    );
    const text = await run({ folders: [path.join('dossiers', 'oost')] });
    expect(text).toMatch(/1\. gemeentelandschap {2}concept · 1 van \d+ · bijgewerkt [^\n]* · 1 ontwikkelpunt\b/);
  });

  it('has the number a report of the same file has ("punten nog uit te zoeken"), in every generated dossier', async () => {
    const { root } = await dossiers();
    const worksheets = await loadShippedWorksheets();
    const data = await buildOverview(
      [root],
      worksheets.map((ws) => ({ worksheet: ws, keys: [] })),
      tmp(),
    );
    let compared = 0;
    let withOpenQuestions = 0;
    for (const row of data.rows) {
      for (const [i, ws] of worksheets.entries()) {
        const cell = row.cells[i];
        if (!cell || cell.status === 'onleesbaar' || cell.status === 'niet begonnen') continue;
        const state = await sheetState(ws, path.resolve(tmp(), row.folder));
        const counts = worksheetReport(state, { now: NOW }).context.summary.sheets[0]?.counts;
        expect(cell.points, `${row.folder} ${ws.id}`).toBe(counts?.toResearch);
        compared++;
        if (counts?.unanswered) withOpenQuestions++;
      }
    }
    expect(compared).toBeGreaterThan(10);
    expect(withOpenQuestions).toBeGreaterThan(0);
  });
});

describe('CSV for Excel', () => {
  it('quotes ; " and line breaks, and keeps formulas from running', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell(' spatie')).toBe('" spatie"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+31 6')).toBe("'+31 6");
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(12)).toBe('12');
    expect(
      csvDocument([
        ['a', 'b'],
        ['c;', 1],
      ]),
    ).toBe('\uFEFFa;b\r\n"c;";1\r\n');
  });
});

describe('werkboek overzicht (command line)', () => {
  it('writes overzicht.csv and refuses a format it does not make', async () => {
    assertBuilt();
    await dossiers();
    const ok = await runCli(['overzicht', 'dossiers', '-o', 'overzicht.csv'], { cwd: tmp() });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('Overzicht van 6 bibliotheken geschreven naar overzicht.csv\n');
    expect(ok.code).toBe(0);
    const csv = await readFile(path.join(tmp(), 'overzicht.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFBibliotheek;Map;Werkblad;Status;')).toBe(true);
    // The overview of last time (perhaps with notes in Excel) is replaced only with --vervang.
    await writeFile(path.join(tmp(), 'overzicht.csv'), 'met aantekeningen');
    const again = await runCli(['overzicht', 'dossiers', '-o', 'overzicht.csv'], { cwd: tmp() });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('werkboek: overzicht.csv bestaat al.');
    expect(await readFile(path.join(tmp(), 'overzicht.csv'), 'utf8')).toBe('met aantekeningen');
    const replaced = await runCli(['overzicht', 'dossiers', '-o', 'overzicht.csv', '--vervang'], { cwd: tmp() });
    expect(replaced.code).toBe(0);
    expect(await readFile(path.join(tmp(), 'overzicht.csv'), 'utf8')).toBe(csv);
    const bad = await runCli(['overzicht', 'dossiers', '-o', 'overzicht.xlsx'], { cwd: tmp() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('werkboek: Onbekend formaat voor overzicht.xlsx.');
    const none = await runCli(['overzicht', 'leeg'], { cwd: tmp() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('leeg: bestand of map bestaat niet');
  });
});

describe('werkboek overzicht --map', () => {
  it('takes --map like every other command: as a folder argument, repeatable, together with folders', async () => {
    assertBuilt();
    await dossiers();
    const one = path.join('dossiers', 'bibliotheek-0001');
    const three = path.join('dossiers', 'bibliotheek-0003');
    const byMap = await runCli(['overzicht', '--map', one, '-m', three], { cwd: tmp() });
    expect(byMap.stderr).toBe('');
    expect(byMap.code).toBe(0);
    expect(byMap.stdout).toContain('2 bibliotheken, elk met 3 werkbladen: ');
    const mixed = await runCli(['overzicht', one, '--map', three], { cwd: tmp() });
    expect(mixed.stdout).toBe(byMap.stdout);
    const none = await runCli(['overzicht'], { cwd: tmp() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Geef de map (of mappen) met de dossiers van de bibliotheken.');
  });
});
