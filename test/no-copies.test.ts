// Answers live in the dossier and in the reports a user writes, nowhere else:
// after the reading commands, no copy of an answer (plain or base64) exists in
// the home, cache, data or temporary folders, and Node's compile cache holds
// only the program's code. Earlier versions' cache folder (with copies of
// answers files in gelezen/) is removed, quietly.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, runNode } from './helpers/run.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-copies-');

const SECRET = 'Wethouder Zwaluwstaart-Ypenburg belt elke dinsdag';
const COLLEAGUE_SECRET = 'Overleg met Kwartelkoning-Hazebroek';

const answers = (respondent: string | undefined, text: string) =>
  [
    'werkblad: gemeentelandschap',
    ...(respondent ? [`respondent: ${respondent}`] : []),
    'versie: 1',
    'status: concept',
    'antwoorden:',
    '  naam: Anna',
    '  bibliotheek: Bibliotheek Oost',
    '  thema-in-agenda: ja',
    `  thema-in-agenda-wijze: ${text}`,
    '',
  ].join('\n');

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('no copies of answers outside the dossier', () => {
  it('status, lijst, rapport, vergelijk and overzicht leave no copy of an answer anywhere else', async () => {
    const root = tmp();
    const dirs = Object.fromEntries(['home', 'cache', 'data', 'tmp', 'dossier'].map((d) => [d, path.join(root, d)]));
    for (const dir of Object.values(dirs)) await mkdir(dir);
    await writeFile(path.join(dirs.dossier!, 'gemeentelandschap.yaml'), answers(undefined, SECRET));
    await writeFile(path.join(dirs.dossier!, 'gemeentelandschap.piet.yaml'), answers('Piet', COLLEAGUE_SECRET));
    const env = {
      HOME: dirs.home,
      XDG_CACHE_HOME: dirs.cache,
      XDG_DATA_HOME: dirs.data,
      TMPDIR: dirs.tmp,
      WERKBOEK_MAP: dirs.dossier,
      NODE_COMPILE_CACHE: undefined,
      NODE_DISABLE_COMPILE_CACHE: undefined,
    };
    for (const args of [['status'], ['lijst'], ['rapport', 'alles'], ['rapport', '1', '-o', '-'], ['vergelijk', '1'], ['overzicht', dirs.dossier!]]) {
      const r = await runNode([binPath, ...args], { env });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
    }
    const elsewhere = [
      ...(await filesBelow(dirs.home!)),
      ...(await filesBelow(dirs.cache!)),
      ...(await filesBelow(dirs.data!)),
      ...(await filesBelow(dirs.tmp!)),
    ];
    // Node's compile cache is there (the commands ran with it): the check below reads real files.
    expect(elsewhere.some((f) => f.includes('node-compile-cache'))).toBe(true);
    for (const file of elsewhere) {
      const bytes = await readFile(file);
      // Base64 anywhere in the file, at any alignment: every run of base64 characters decoded.
      const decoded = (bytes.toString('latin1').match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []).map((run) => Buffer.from(run, 'base64'));
      for (const secret of ['Zwaluwstaart', 'Kwartelkoning']) {
        expect(bytes.includes(secret), `${file}: ${secret}`).toBe(false);
        expect(
          decoded.some((d) => d.includes(secret)),
          `${file}: base64 of ${secret}`,
        ).toBe(false);
      }
    }
  });

  it("removes an earlier version's cache folder (copies of answers in gelezen/), saying nothing", async () => {
    const root = tmp();
    const cache = path.join(root, 'cache');
    await mkdir(path.join(cache, 'werkboek', 'gelezen'), { recursive: true });
    await mkdir(path.join(cache, 'werkboek', 'code'), { recursive: true });
    await writeFile(path.join(cache, 'werkboek', 'gelezen', 'abc.json'), JSON.stringify({ content: Buffer.from(SECRET).toString('base64') }));
    const r = await runNode([binPath, 'lijst'], { env: { HOME: path.join(root, 'home'), XDG_CACHE_HOME: cache, WERKBOEK_MAP: path.join(root, 'map') } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await readdir(cache)).toEqual([]);
  });

  it('leaves a file it did not make in that folder alone', async () => {
    const root = tmp();
    const folder = path.join(root, 'cache', 'werkboek');
    await mkdir(path.join(folder, 'gelezen'), { recursive: true });
    await writeFile(path.join(folder, 'notities.txt'), 'van de gebruiker');
    const r = await runNode([binPath, 'lijst'], {
      env: { HOME: path.join(root, 'home'), XDG_CACHE_HOME: path.join(root, 'cache'), WERKBOEK_MAP: path.join(root, 'map') },
    });
    expect(r.stderr).toBe('');
    expect(await readdir(folder)).toEqual(['notities.txt']);
  });
});
