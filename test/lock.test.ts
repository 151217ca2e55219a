// The lock on an answers file: valid as long as its process lives (also when
// that process is blocked, e.g. in an external editor), taken over at once when
// its process is gone, shared by symlinked folders, and a clear message for
// something else in its place. Also an earlier version's lock (a folder).
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockAnswersFile } from '../src/dossier/lock.js';
import { ExitCode, type WerkboekError } from '../src/support/errors.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-lock-');
const refused = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as WerkboekError,
  );

/** A lock as a process with this pid would have left it, last touched `ageMs` ago. */
async function plantLock(file: string, pid: number, ageMs: number, host = os.hostname()): Promise<void> {
  await writeFile(`${file}.lock`, JSON.stringify({ pid, host }));
  await age(`${file}.lock`, ageMs);
}

async function age(file: string, ageMs: number): Promise<void> {
  const then = new Date(Date.now() - ageMs);
  await utimes(file, then, then);
}

describe('lockAnswersFile', () => {
  it('a lock of a living process is never taken over, however old (the external editor case)', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await plantLock(file, process.pid, 10 * 60_000);
    const err = await refused(lockAnswersFile(file));
    expect(err?.exitCode).toBe(ExitCode.locked);
  });

  it('a lock whose process is gone is taken over at once, even when fresh', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await plantLock(file, gone, 0);
    const release = await lockAnswersFile(file);
    await release();
    expect(await readdir(tmp())).toEqual([]);
  });

  it('is one file with its owner, touched while held, and gone when released', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    const release = await lockAnswersFile(file);
    expect(await readdir(tmp())).toEqual(['gemeentelandschap.yaml.lock']);
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toEqual({ pid: process.pid, host: os.hostname() });
    await age(`${file}.lock`, 60_000);
    const old = (await stat(`${file}.lock`)).mtimeMs;
    await expect.poll(async () => (await stat(`${file}.lock`)).mtimeMs, { timeout: 3000, interval: 100 }).toBeGreaterThan(old);
    await release();
    expect(await readdir(tmp())).toEqual([]);
  });

  it('an empty lock (its process stopped before writing its owner) is taken over once it is old', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(`${file}.lock`, '');
    expect((await refused(lockAnswersFile(file)))?.exitCode).toBe(ExitCode.locked);
    await age(`${file}.lock`, 60_000);
    await (await lockAnswersFile(file))();
    expect(await readdir(tmp())).toEqual([]);
  });

  it("an earlier version's lock (a folder with the owner beside it) is judged the same way", async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await mkdir(`${file}.lock`);
    await writeFile(`${file}.lock-eigenaar.json`, JSON.stringify({ pid: process.pid, host: os.hostname() }));
    expect((await refused(lockAnswersFile(file)))?.exitCode).toBe(ExitCode.locked);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(`${file}.lock-eigenaar.json`, JSON.stringify({ pid: gone, host: os.hostname() }));
    await (await lockAnswersFile(file))();
    expect(await readdir(tmp())).toEqual([]);
  });

  it('a lock of another computer is judged by its age', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await plantLock(file, 1, 1000, 'een-andere-computer');
    expect((await refused(lockAnswersFile(file)))?.exitCode).toBe(ExitCode.locked);
    await age(`${file}.lock`, 60_000);
    await (await lockAnswersFile(file))();
  });

  it('two symlinked folders leading to one file share one lock', async () => {
    const real = path.join(tmp(), 'echt');
    await mkdir(real);
    const link = path.join(tmp(), 'snelkoppeling');
    await symlink(real, link);
    const release = await lockAnswersFile(path.join(real, 'gemeentelandschap.yaml'));
    const err = await refused(lockAnswersFile(path.join(link, 'gemeentelandschap.yaml')));
    expect(err?.exitCode).toBe(ExitCode.locked);
    await release();
  });

  it('a file or a full folder in the place of the lock: a clear Dutch message, nothing removed', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(`${file}.lock`, 'van iemand anders');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    const err = await refused(lockAnswersFile(file));
    expect(err?.exitCode).toBe(ExitCode.locked);
    expect(err?.message).toBe(`Er staat iets in de weg: ${file}.lock is geen vergrendeling van werkboek.`);
    expect(await readdir(tmp())).toEqual(['gemeentelandschap.yaml.lock']);
  });
});
