// Output (issue 23, item 7): CSV cells quoted for either separator, formula
// starts defused in every cell (also after spaces and in full-width forms),
// control and bidi characters visible in every output — terminal text, CSV,
// Markdown and HTML — also when written to a file with -o.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../src/report/csv.js';
import { visibleControls } from '../src/support/control.js';
import { assertBuilt, runCli } from './helpers/run.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-uitvoer-');

describe('csvCell', () => {
  it('quotes a cell with either separator, a quote, CR or LF', () => {
    expect(csvCell('Bieb,=1+1,x')).toBe('"Bieb,=1+1,x"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('gewoon')).toBe('gewoon');
  });

  it('defuses formula starts, also after spaces and in full-width forms', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      expect(csvCell(`${start}cmd|' /C calc'!A0`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\r=1')).toMatch(/^"?'/);
    expect(csvCell(-5)).toBe('-5');
  });

  it('makes control and bidi characters visible', () => {
    expect(csvCell('\u001b]0;x\u0007Bieb')).toBe('"␛]0;x␇Bieb"');
    expect(csvCell('abc\u202Egpj.exe')).not.toContain('\u202E');
    expect(visibleControls('a\u2066b\u2069c\u200Fd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
  });
});

describe('overzicht in every format (built CLI)', () => {
  it('no raw control or bidi character reaches a file or the terminal', async () => {
    assertBuilt();
    const dossier = path.join(tmp(), 'dossiers', 'oost');
    await mkdir(dossier, { recursive: true });
    await writeFile(
      path.join(dossier, 'gemeentelandschap.yaml'),
      [
        'werkblad: gemeentelandschap',
        'versie: 1',
        'status: concept',
        'antwoorden:',
        '  naam: "=HYPERLINK(\\"x\\")"',
        '  bibliotheek: "\\e]0;gekaapt\\aBieb,=1+1\\u202Eexe.jpg"',
        '',
      ].join('\n'),
    );
    const cwd = tmp();
    for (const out of ['o.csv', 'o.md', 'o.html']) {
      const r = await runCli(['overzicht', 'dossiers', '-o', out], { cwd });
      expect(r.code, r.stderr).toBe(0);
      const text = await readFile(path.join(cwd, out), 'utf8');
      // eslint-disable-next-line no-control-regex
      expect(text, out).not.toMatch(/[\u0007\u001b\u202E]/);
      expect(text, out).toContain('␛]0;gekaapt␇');
      if (out === 'o.csv') expect(text).toContain('"␛]0;gekaapt␇Bieb,=1+1\uFFFDexe.jpg"');
    }
    const screen = await runCli(['overzicht', 'dossiers'], { cwd });
    // eslint-disable-next-line no-control-regex
    expect(screen.stdout).not.toMatch(/[\u0007\u001b\u202E]/);
  });
});

describe('overzicht as CSV grows linearly with the worksheets (issue 23, item 10)', () => {
  it('with many worksheets each row carries only its own key questions', async () => {
    const { overviewCsv, SIDE_BY_SIDE_KEYS } = await import('../src/report/overview.js');
    const sheetsOf = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        worksheet: { number: i + 1, id: `w${i}` },
        keys: [
          { question: 'a', label: `A${i}` },
          { question: 'b', label: `B${i}` },
        ],
      })) as never[];
    const rowsOf = (sheets: unknown[]) =>
      Array.from({ length: 3 }, (_, d) => ({
        library: `Bieb ${d}`,
        folder: `d/${d}`,
        cells: sheets.map(() => ({ status: 'concept', done: 1, total: 4, updated: '', points: 1, keys: ['ja', 'nee'] })),
      }));
    const columns = (n: number) => {
      const sheets = sheetsOf(n);
      const csv = overviewCsv({ sheets, rows: rowsOf(sheets), folderProblems: [] } as never);
      const lines = csv.split('\r\n');
      return { head: lines[0]!, second: lines[2]!, count: lines[0]!.split(';').length };
    };
    // Few key questions: side by side, as before.
    expect(columns(SIDE_BY_SIDE_KEYS / 2).count).toBe(9 + SIDE_BY_SIDE_KEYS);
    // Many: the same number of columns for 20 and 200 worksheets.
    expect(columns(20).count).toBe(9 + 4);
    expect(columns(200).count).toBe(9 + 4);
    expect(columns(20).head).toContain('Kernvraag 1;Antwoord 1;Kernvraag 2;Antwoord 2;Opmerking');
    expect(columns(20).second).toContain(';A1;ja;B1;nee;');
  });
});
