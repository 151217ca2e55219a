// Atomic saves in a shared folder: temp files are created exclusively under
// unpredictable names, never through a planted symlink, and only werkboek's
// own temp files are ever removed.
import { lstat, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeStaleTempFiles } from '../src/dossier/answers-file.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-atomic-');

afterEach(() => {
  vi.doUnmock('node:crypto');
  vi.resetModules();
});

describe('atomicWrite', () => {
  it('writes under a new random hidden temp name each time and leaves only the file', async () => {
    const { atomicWrite, isOwnTempFile } = await import('../src/dossier/atomic-write.js');
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    for (let i = 0; i < 3; i++) {
      await atomicWrite(file, `versie ${i}\n`);
      expect(await readdir(tmp())).toEqual(['gemeentelandschap.yaml']);
    }
    expect(await readFile(file, 'utf8')).toBe('versie 2\n');
    expect(isOwnTempFile(file, `.gemeentelandschap.yaml.werkboek-tmp-${'ab'.repeat(16)}`)).toBe(true);
    expect(isOwnTempFile(file, 'gemeentelandschap.yaml.20261127')).toBe(false);
    expect(isOwnTempFile(file, 'gemeentelandschap.yaml.12345')).toBe(false);
    expect(isOwnTempFile(file, '.gemeentelandschap.yaml.werkboek-tmp-mijn-kopie')).toBe(false);
  });

  it('never writes through a symlink planted under the temp name (O_EXCL, no-follow)', async () => {
    // Make the "random" name predictable, as an attacker would like it to be.
    vi.doMock('node:crypto', async (importOriginal) => ({
      ...(await importOriginal<typeof import('node:crypto')>()),
      randomBytes: (n: number) => Buffer.alloc(n, 0xab),
    }));
    const { atomicWrite } = await import('../src/dossier/atomic-write.js');
    const shared = path.join(tmp(), 'gedeeld');
    await mkdir(shared);
    const victim = path.join(tmp(), 'van-een-ander.txt');
    await writeFile(victim, 'niet aankomen\n');
    const file = path.join(shared, 'gemeentelandschap.yaml');
    await symlink(victim, path.join(shared, `.gemeentelandschap.yaml.werkboek-tmp-${'ab'.repeat(16)}`));
    await expect(atomicWrite(file, 'antwoorden\n')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(victim, 'utf8')).toBe('niet aankomen\n');
    expect((await lstat(path.join(shared, `.gemeentelandschap.yaml.werkboek-tmp-${'ab'.repeat(16)}`))).isSymbolicLink()).toBe(true);
  });
});

describe('removeStaleTempFiles', () => {
  it("removes only werkboek's own temp files, never a user's dated copy", async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    const own = `.gemeentelandschap.yaml.werkboek-tmp-${'0f'.repeat(16)}`;
    const keep = ['gemeentelandschap.yaml', 'gemeentelandschap.yaml.20261127', 'gemeentelandschap.yaml.1', '.gemeentelandschap.yaml.werkboek-tmp-kopie'];
    for (const name of [...keep, own]) await writeFile(path.join(tmp(), name), 'x');
    expect(await removeStaleTempFiles(file)).toEqual([own]);
    expect((await readdir(tmp())).sort()).toEqual([...keep].sort());
  });
});
