// Two at once (issue 23, item 9): colleagues whose names make the same file
// name, started at the same moment, each get a file; two imports of the same
// colleague at once both end well, keeping both versions. The file name is
// reserved by an exclusive create, and the next suffix tried when taken.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importFiles } from '../src/commands/importeer.js';
import { memoryOutput } from '../src/support/output.js';
import { FIXTURES } from './report-helpers.js';
import { useTempDir } from './helpers/temp.js';
import { assertBuilt, runCli } from './helpers/run.js';

const tmp = useTempDir('werkboek-samen-');

describe('two at once', () => {
  it('"Piet Bakker" and "Piet  Bäkker!" started at the same moment: each gets a file (built CLI, plain mode)', async () => {
    assertBuilt();
    for (let round = 0; round < 3; round++) {
      const map = path.join(tmp(), `dossier-${round}`);
      const env = { WERKBOEK_MAP: map, HOME: tmp() };
      const [a, b] = await Promise.all(
        ['Piet Bakker', 'Piet  Bäkker!'].map((name) => runCli(['start', 'randvoorwaarden', '--respondent', name, '--eenvoudig'], { env, input: 'Bieb\n' })),
      );
      expect([a!.code, b!.code], `${a!.stdout}\n${a!.stderr}\n${b!.stdout}\n${b!.stderr}`).toEqual([130, 130]);
      const files = (await readdir(map)).sort();
      expect(files).toEqual(['randvoorwaarden.piet-bakker-2.yaml', 'randvoorwaarden.piet-bakker.yaml']);
      const names = await Promise.all(files.map(async (f) => (parse(await readFile(path.join(map, f), 'utf8')) as { respondent: string }).respondent));
      expect(names.sort()).toEqual(['Piet Bakker', 'Piet Bäkker!'].sort());
    }
  });

  it('two imports of the same colleague at once (different answers): both stored, none fails', async () => {
    const inbox = path.join(tmp(), 'mail');
    await mkdir(inbox);
    const text = await readFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), 'utf8');
    await writeFile(path.join(inbox, 'a.yaml'), text);
    await writeFile(
      path.join(inbox, 'b.yaml'),
      text.replace('bijgewerkt: 2026-11-26T08:15:00.000Z', 'bijgewerkt: 2026-11-27T08:15:00.000Z').replace(/^(antwoorden:\n)/m, '$1  extra-notitie: anders\n'),
    );
    const map = path.join(tmp(), 'dossier');
    const run = (file: string) => importFiles({ files: [file], map, cwd: inbox, out: memoryOutput(), interactive: false });
    const codes = await Promise.all([run('a.yaml'), run('b.yaml')]);
    expect(codes).toEqual([0, 0]);
    expect((await readdir(map)).sort()).toEqual(['randvoorwaarden.sanne-de-vries-2.yaml', 'randvoorwaarden.sanne-de-vries.yaml']);
  });

  it('importeer --respondent "  " says the given name is empty', async () => {
    const inbox = path.join(tmp(), 'mail');
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'a.yaml'), await readFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), 'utf8'));
    const out = memoryOutput();
    const code = await importFiles({ files: ['a.yaml'], respondent: '  ', map: path.join(tmp(), 'd'), cwd: inbox, out, interactive: false });
    expect(code).toBe(2);
    expect(out.err).toContain('De naam bij --respondent is leeg.');
  });
});

describe('atomicCreate', () => {
  it('creates once; a second create of the same name is refused; without hard links it falls back to O_EXCL', async () => {
    const { atomicCreate } = await import('../src/dossier/atomic-write.js');
    const file = path.join(tmp(), 'a.yaml');
    expect(await atomicCreate(file, 'een')).toBe(true);
    expect(await atomicCreate(file, 'twee')).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('een');
    const noLinks = () => {
      throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
    };
    const other = path.join(tmp(), 'b.yaml');
    expect(await atomicCreate(other, 'drie', noLinks)).toBe(true);
    expect(await atomicCreate(other, 'vier', noLinks)).toBe(false);
    expect(await readFile(other, 'utf8')).toBe('drie');
    // No temp files left behind.
    expect((await readdir(tmp())).sort()).toEqual(['a.yaml', 'b.yaml']);
  });
});
