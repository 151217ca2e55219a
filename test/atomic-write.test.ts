// Atomic saves in a shared folder: temp files are created exclusively under
// unpredictable names, never through a planted symlink, and only werkboek's
// own temp files are ever removed.
import { lstat, mkdir, readFile, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeStaleTempFiles } from '../src/dossier/file-utils.js';
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

describe('a save over a file another program holds open (Windows)', () => {
  /** A rename that fails with `code` the first `times` calls (as Windows does while a scanner or viewer has the file), then renames. */
  function busyRename(code: string, times: number) {
    let calls = 0;
    const fn = async (from: string, to: string) => {
      calls++;
      if (calls <= times) throw Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), { code });
      await rename(from, to);
    };
    return { fn, calls: () => calls };
  }

  /** A clock that moves only when slept on, so the test waits for nothing. */
  function fakeClock() {
    let now = 0;
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
      now += ms;
    };
    return { now: () => now, sleep, slept };
  }

  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`win32: ${code} on the rename is tried again with a growing pause, and the save succeeds`, async () => {
      const { atomicWrite } = await import('../src/dossier/atomic-write.js');
      const file = path.join(tmp(), 'gemeentelandschap.yaml');
      await writeFile(file, 'oud\n');
      const busy = busyRename(code, 3);
      const clock = fakeClock();
      await atomicWrite(file, 'nieuw\n', { platform: 'win32', rename: busy.fn, ...clock });
      expect(await readFile(file, 'utf8')).toBe('nieuw\n');
      expect(busy.calls()).toBe(4);
      expect(clock.slept).toEqual([10, 20, 40]);
      expect(await readdir(tmp())).toEqual(['gemeentelandschap.yaml']);
    });
  }

  it('win32: a file that stays busy is a write error after about 5 seconds; the old file and no temp file remain', async () => {
    const { atomicWrite } = await import('../src/dossier/atomic-write.js');
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, 'oud\n');
    const busy = busyRename('EPERM', Number.POSITIVE_INFINITY);
    const clock = fakeClock();
    await expect(atomicWrite(file, 'nieuw\n', { platform: 'win32', rename: busy.fn, ...clock })).rejects.toMatchObject({ code: 'EPERM' });
    const waited = clock.slept.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThan(4_000);
    expect(waited).toBeLessThanOrEqual(5_000);
    expect(Math.max(...clock.slept)).toBe(500);
    expect(await readFile(file, 'utf8')).toBe('oud\n');
    expect(await readdir(tmp())).toEqual(['gemeentelandschap.yaml']);
  });

  it('win32: other errors (a full disk) are not retried', async () => {
    const { renameRetrying } = await import('../src/dossier/atomic-write.js');
    const busy = busyRename('ENOSPC', 1);
    const clock = fakeClock();
    await expect(renameRetrying('a', 'b', { platform: 'win32', rename: busy.fn, ...clock })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(busy.calls()).toBe(1);
    expect(clock.slept).toEqual([]);
  });

  it('elsewhere EACCES / EPERM / EBUSY mean what they say: thrown at once', async () => {
    const { renameRetrying } = await import('../src/dossier/atomic-write.js');
    for (const platform of ['linux', 'darwin'] as const) {
      const busy = busyRename('EACCES', 1);
      const clock = fakeClock();
      await expect(renameRetrying('a', 'b', { platform, rename: busy.fn, ...clock })).rejects.toMatchObject({ code: 'EACCES' });
      expect(busy.calls()).toBe(1);
      expect(clock.slept).toEqual([]);
    }
  });
});

describe('the write error in Dutch', () => {
  it('on Windows says the file may be open in another program; EBUSY is always "in gebruik"', async () => {
    const { describeFsError } = await import('../src/support/errors.js');
    expect(describeFsError({ code: 'EPERM' }, 'win32')).toBe('geen toestemming, of het bestand is geopend in een ander programma');
    expect(describeFsError({ code: 'EACCES' }, 'win32')).toBe('geen toestemming, of het bestand is geopend in een ander programma');
    expect(describeFsError({ code: 'EPERM' }, 'linux')).toBe('geen toestemming');
    expect(describeFsError({ code: 'EBUSY' }, 'linux')).toBe('het bestand is in gebruik door een ander programma');
  });
});
