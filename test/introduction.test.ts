// The workbook's introduction: its short form at the first start drops the
// footnote mark whose footnote it leaves out; the whole one keeps both; and
// `werkboek inleiding` ends with the dossier's next step.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { introduction } from '../src/commands/inleiding.js';
import { loadIntroduction, renderIntroduction, shortIntroduction } from '../src/definition/introduction.js';
import { memoryOutput } from '../src/support/output.js';
import { useTempDir } from './helpers/temp.js';

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

describe('werkboek inleiding: the next step after it', () => {
  const tmp = useTempDir('werkboek-inleiding-');

  /** An answers file of a worksheet with this status and no answers (so a concept is "0 van …"). */
  async function sheet(id: string, status: 'concept' | 'afgerond'): Promise<void> {
    await mkdir(tmp(), { recursive: true });
    await writeFile(
      path.join(tmp(), `${id}.yaml`),
      `werkblad: ${id}\nversie: 1\nstatus: ${status}\naangemaakt: 2026-11-20T09:00:00.000Z\nbijgewerkt: 2026-11-20T09:00:00.000Z\nprogramma: werkboek 0.1.0\nantwoorden: {}\n`,
    );
  }

  /** The lines after the introduction's last paragraph. */
  async function next(options: { inMenu?: boolean; map?: string } = {}): Promise<string> {
    const out = memoryOutput();
    await introduction({ out, width: 100, map: options.map ?? tmp(), cwd: tmp(), ...(options.inMenu && { inMenu: true }) });
    return out.out.split('\n\n').pop() ?? '';
  }

  it('in a new dossier: begin werkblad 1', async () => {
    expect(await next()).toBe(`Aan de slag met werkblad 1 (Verken jouw gemeentelandschap):\n  werkboek start gemeentelandschap --map ${tmp()}\n`);
  });

  it('with werkblad 1 finished: begin werkblad 2; with it begun: go on with it', async () => {
    await sheet('gemeentelandschap', 'afgerond');
    expect(await next()).toBe(
      `Aan de slag met werkblad 2 (Randvoorwaarden digitale inclusie dienstverlening):\n  werkboek start randvoorwaarden --map ${tmp()}\n`,
    );
    await sheet('randvoorwaarden', 'concept');
    expect(await next()).toMatch(
      new RegExp(
        `^Verder met werkblad 2 \\(Randvoorwaarden digitale inclusie dienstverlening\\), 0 van \\d+ beantwoord:\\n {2}werkboek start randvoorwaarden --map ${tmp()}\\n$`,
      ),
    );
    // Wrapped to the window (100 columns here) between words.
    const inMenu = await next({ inMenu: true });
    expect(Math.max(...inMenu.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(inMenu.replace(/\n(?!$)/g, ' ')).toMatch(/^Verder met werkblad 2 \(.*\), 0 van \d+ beantwoord: kies "Werkblad 2" in het menu\.\n$/);
  });

  it('on a terminal of 80 columns, no line takes all 80: out.line (which wraps at 79) leaves no word alone on a line', async () => {
    const before = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: 80, configurable: true, writable: true });
    try {
      const out = memoryOutput();
      await introduction({ out, map: tmp(), cwd: tmp(), inMenu: true });
      for (const line of out.out.split('\n')) expect(line.length, line).toBeLessThan(80);
      expect(out.out.split('\n\n').pop()).toBe('Aan de slag met werkblad 1 (Verken jouw gemeentelandschap): kies "Werkblad 1"\nin het menu.\n');
    } finally {
      if (before) Object.defineProperty(process.stdout, 'columns', before);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });

  it('with every worksheet finished: a report of everything', async () => {
    for (const id of ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak']) await sheet(id, 'afgerond');
    expect(await next()).toBe(`Alle werkbladen zijn afgerond. Maak er één document van:\n  werkboek rapport alles -o dossier.docx --map ${tmp()}\n`);
    expect(await next({ inMenu: true })).toBe('Alle werkbladen zijn afgerond. Kies "Rapport maken" in het menu.\n');
  });

  it('an unreadable file: status says what is wrong; a folder that cannot be used: the introduction still ends with where to begin', async () => {
    await mkdir(tmp(), { recursive: true });
    await writeFile(path.join(tmp(), 'gemeentelandschap.yaml'), 'werkblad: [\n');
    expect(await next()).toBe(
      `Werkblad 1 (Verken jouw gemeentelandschap) kan niet gelezen worden. Wat er mis is, zie je met:\n  werkboek status --map ${tmp()}\n`,
    );
    expect(await next({ map: path.join(tmp(), 'gemeentelandschap.yaml') })).toBe('Aan de slag:\n  werkboek start gemeentelandschap\n');
  });
});
