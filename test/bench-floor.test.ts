// scripts/bench-floor.mjs (npm run bench -- --vloer): each step runs and is
// timed, and the steps do the program's own work (the floor is only a floor
// if the library does what it does in `rapport` and `controleer`).
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, runNode } from './helpers/run.js';
import { fixturesDir, repoRoot, useTempDir } from './helpers/temp.js';

const script = path.join(repoRoot, 'scripts', 'bench-floor.mjs');

describe('the floor steps of the benchmark', () => {
  beforeAll(assertBuilt);
  const tmp = useTempDir();

  async function dossier(): Promise<{ map: string; markdown: string; file: string }> {
    const map = path.join(tmp(), 'map');
    await mkdir(map);
    for (const name of ['gemeentelandschap.yaml', 'randvoorwaarden.yaml', 'plan-van-aanpak.yaml']) {
      await copyFile(path.join(fixturesDir, 'reports', name), path.join(map, name));
    }
    const env = { WERKBOEK_MAP: map, HOME: tmp(), XDG_CACHE_HOME: path.join(tmp(), 'cache') };
    const { stdout, code } = await runCli(['rapport', 'alles'], { env });
    expect(code).toBe(0);
    const file = path.join(tmp(), 'rapport.md');
    await writeFile(file, stdout);
    return { map, markdown: stdout, file };
  }

  it('times every step: a positive number of milliseconds', async () => {
    const { map, file } = await dossier();
    for (const step of ['liquid', 'marked', 'sanitize', 'nodemailer', 'yaml', 'zod']) {
      const r = await runNode([script, step, map, file], { env: { HOME: tmp() }, timeoutMs: 30_000 });
      expect(r.code, `${step}: ${r.stderr}`).toBe(0);
      expect((JSON.parse(r.stdout) as { ms: number }).ms, step).toBeGreaterThan(0);
    }
  });

  it('renders the same report as `rapport alles` (but for the program name in its last line)', async () => {
    const { map, markdown, file } = await dossier();
    const r = await runNode([script, 'liquid', map, file], { env: { HOME: tmp(), WERKBOEK_VLOER_TOON: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const withoutProgram = (text: string) => text.replace(/^_Gemaakt op (.*) \(.*\)\._$/m, '_Gemaakt op $1 (…)._').trimEnd();
    expect(withoutProgram(r.stdout)).toBe(withoutProgram(markdown));
    expect(markdown.length).toBeGreaterThan(10_000);
  });

  it('makes the HTML of the report with the allow-list, as `rapport -o x.html` does', async () => {
    const { map, file } = await dossier();
    const html = await runNode([script, 'sanitize', map, file], { env: { HOME: tmp(), WERKBOEK_VLOER_TOON: '1' } });
    const out = path.join(tmp(), 'x.html');
    await runCli(['rapport', 'alles', '-o', out], { env: { WERKBOEK_MAP: map, HOME: tmp() } });
    const document = await readFile(out, 'utf8');
    expect(html.stdout.trim().length).toBeGreaterThan(10_000);
    expect(document).toContain(html.stdout.trim());
  });

  it('parses and validates the three shipped definitions', async () => {
    const { map, file } = await dossier();
    const r = await runNode([script, 'zod', map, file], { env: { HOME: tmp(), WERKBOEK_VLOER_TOON: '1' } });
    const results = JSON.parse(r.stdout) as Array<{ success: boolean; data: { id: string } }>;
    expect(results.map((x) => [x.success, x.data.id])).toEqual([
      [true, 'gemeentelandschap'],
      [true, 'plan-van-aanpak'],
      [true, 'randvoorwaarden'],
    ]);
  });

  it('says which steps there are for an unknown one', async () => {
    const r = await runNode([script, 'xyz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kies uit: liquid, marked, sanitize, nodemailer, yaml, zod, input, select');
  });
});
