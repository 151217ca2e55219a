// Files that are not what they seem (issue 23, item 5): every read of a
// user's file opens without blocking, checks the open file with fstat and
// reads at most the limit. A FIFO, a device, a folder or a file over the
// limit is refused with a Dutch message (exit 3), at once and cheaply.
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileRefusedError, readFlags, readHeadSync, readLimitedSync } from '../src/support/read-limited.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { assertBuilt, runCli } from './helpers/run.js';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fifo = (file: string) => execFileSync('mkfifo', [file]);

describe('readLimitedSync', () => {
  it('reads a regular file whole', async () => {
    await writeFile(path.join(dir, 'a.yaml'), 'werkblad: x\n');
    expect(readLimitedSync(path.join(dir, 'a.yaml')).toString()).toBe('werkblad: x\n');
  });

  it.runIf(posix)('refuses a FIFO at once, without waiting for a writer', () => {
    fifo(path.join(dir, 'f.yaml'));
    // Opened without waiting for a writer (a blocking open would never return: the test's timeout).
    expect(() => readLimitedSync(path.join(dir, 'f.yaml'), { displayName: 'f.yaml' })).toThrow(/f\.yaml is een pipe \(FIFO\), geen gewoon bestand/);
    expect(readHeadSync(path.join(dir, 'f.yaml'))).toBe('');
  });

  it.runIf(posix)('refuses a link to /dev/zero without reading from it', async () => {
    await symlink('/dev/zero', path.join(dir, 'z.yaml'));
    const before = process.memoryUsage().rss;
    let err: unknown;
    try {
      readLimitedSync(path.join(dir, 'z.yaml'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileRefusedError);
    expect((err as FileRefusedError).reason).toBe('not-regular');
    expect((err as FileRefusedError).exitCode).toBe(3);
    expect(process.memoryUsage().rss - before).toBeLessThan(8_000_000);
  });

  it('refuses a folder', async () => {
    await mkdir(path.join(dir, 'm.yaml'));
    expect(() => readLimitedSync(path.join(dir, 'm.yaml'))).toThrow(/is een map/);
  });

  it('refuses a file over the limit by its size, and reads no more than the limit of a file that reports none', async () => {
    await writeFile(path.join(dir, 'big.yaml'), 'x'.repeat(101));
    expect(() => readLimitedSync(path.join(dir, 'big.yaml'), { limit: 100, displayName: 'big.yaml' })).toThrow(
      /big\.yaml is te groot \(0,0 MB; hoogstens 0,0 MB\)/,
    );
    expect(readLimitedSync(path.join(dir, 'big.yaml'), { limit: 101 }).length).toBe(101);
    // /proc files have size 0 but content: read up to the limit, then refused.
    if (process.platform === 'linux') {
      expect(() => readLimitedSync('/proc/self/maps', { limit: 10 })).toThrow(/te groot \(meer dan/);
      expect(readLimitedSync('/proc/self/status').length).toBeGreaterThan(0);
    }
  });

  it('passes the file-system error on as it is (callers say what ENOENT means)', () => {
    expect(() => readLimitedSync(path.join(dir, 'nope.yaml'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('opens without blocking on POSIX; on Windows (no FIFOs in the file system) plainly', () => {
    expect(readFlags('linux') & (constants.O_NONBLOCK ?? 0)).toBe(constants.O_NONBLOCK ?? 0);
    expect(readFlags('win32')).toBe(constants.O_RDONLY);
  });
});

describe('answers files over the limit are never written (issue 23, item 2)', () => {
  it('save() refuses a file the reader would refuse; the answers stay in memory and the file as it was', async () => {
    const ws = (await loadShippedWorksheets()).find((w) => w.id === 'gemeentelandschap')!;
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    file.limit = 2000;
    file.setAnswer('naam', 'An');
    await file.save();
    file.setAnswer('bibliotheek', 'x'.repeat(3000));
    await expect(file.save()).rejects.toThrow(/zou te groot worden/);
    expect(file.answers.bibliotheek).toHaveLength(3000);
    const back = await AnswersFile.read(file.file, ws, 'gemeentelandschap.yaml', { limit: 2000 });
    expect(back?.answers).toEqual({ naam: 'An' });
    // Nor a rescue file (the caller then prints the answers instead).
    await expect(file.rescueTo(path.join(dir, 'gered'))).rejects.toThrow(/te groot/);
  });
});

describe.runIf(posix)('every command refuses a FIFO or a device, at once (built CLI)', () => {
  beforeEach(() => assertBuilt());

  it('controleer, importeer, rapport and start ./file: exit 3 with a Dutch message, within seconds', async () => {
    fifo(path.join(dir, 'gemeentelandschap.yaml'));
    await symlink('/dev/zero', path.join(dir, 'eigen.yaml'));
    const map = path.join(dir, 'dossier');
    await mkdir(map);
    const env = { WERKBOEK_MAP: map, HOME: dir };
    for (const args of [
      ['controleer', 'gemeentelandschap.yaml'],
      ['importeer', 'gemeentelandschap.yaml'],
      ['importeer', 'eigen.yaml'],
      ['controleer', 'eigen.yaml'],
      ['start', './eigen.yaml'],
    ]) {
      const r = await runCli(args, { cwd: dir, env, timeoutMs: 10_000 });
      expect({ args, code: r.code, stderr: r.stderr }).toMatchObject({
        code: 3,
        stderr: expect.stringMatching(/geen gewoon bestand; werkboek leest het niet/),
      });
    }
    const r = await runCli(['rapport', '1'], { cwd: dir, env: { WERKBOEK_MAP: dir, HOME: dir }, timeoutMs: 10_000 });
    expect(r.code).toBe(3);
  });

  it('a 3 GB (sparse) file: "te groot" at once, exit 3, no raw error code', async () => {
    const { truncate } = await import('node:fs/promises');
    const big = path.join(dir, 'groot.yaml');
    await writeFile(big, 'werkblad: gemeentelandschap\n');
    await truncate(big, 3_000_000_000);
    // Each command must end by itself (runCli kills it after 10 s: code null).
    for (const args of [
      ['controleer', 'groot.yaml'],
      ['importeer', 'groot.yaml'],
    ]) {
      const r = await runCli(args, { cwd: dir, env: { WERKBOEK_MAP: path.join(dir, 'd'), HOME: dir }, timeoutMs: 10_000 });
      expect({ args, code: r.code }).toEqual({ args, code: 3 });
      expect(r.stderr).toContain('groot.yaml is te groot (3000,0 MB; hoogstens 16,0 MB)');
      expect(r.stderr).not.toContain('ERR_FS');
    }
  });

  it("overzicht with a FIFO as one dossier's answers file goes on with the others and lists it under Overgeslagen", async () => {
    const oost = path.join(dir, 'dossiers', 'oost');
    const west = path.join(dir, 'dossiers', 'west');
    await mkdir(oost, { recursive: true });
    await mkdir(west, { recursive: true });
    await writeFile(
      path.join(oost, 'gemeentelandschap.yaml'),
      'werkblad: gemeentelandschap\nversie: 1\nstatus: concept\nantwoorden:\n  bibliotheek: Bibliotheek Oost\n',
    );
    fifo(path.join(west, 'gemeentelandschap.yaml'));
    const r = await runCli(['overzicht', 'dossiers'], { cwd: dir, env: { HOME: dir }, timeoutMs: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bibliotheek Oost');
    expect(r.stdout).toMatch(/Overgeslagen[\s\S]*west[\\/]gemeentelandschap\.yaml[\s\S]*geen gewoon bestand/);
  });

  it('status and lijst with a FIFO as an answers file, and lijst --werkbladen with a FIFO definition, end', async () => {
    fifo(path.join(dir, 'gemeentelandschap.yaml'));
    const own = path.join(dir, 'eigen');
    await mkdir(own);
    fifo(path.join(own, 'mijn.yaml'));
    const env = { WERKBOEK_MAP: dir, HOME: dir };
    const status = await runCli(['status'], { cwd: dir, env, timeoutMs: 10_000 });
    expect(status.signal).toBeNull();
    expect(status.stdout).toContain('onleesbaar');
    const lijst = await runCli(['lijst', '--werkbladen', own], { cwd: dir, env, timeoutMs: 10_000 });
    expect(lijst.signal).toBeNull();
    expect(lijst.stderr).toMatch(/geen gewoon bestand/);
  });
});

describe('the plain mode reads each line bounded (issue 23, item 2)', () => {
  it('a line over the limit is refused with a message and never kept; an answer over the limit is asked again', async () => {
    const { PassThrough } = await import('node:stream');
    const { plainPrompter } = await import('../src/terminal/plain.js');
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const prompter = plainPrompter({ input, output, echo: false, maxAnswer: 20 });
    // In pieces, as a pipe delivers them; CRLF is one line end.
    input.write('x'.repeat(15));
    input.write('y'.repeat(15) + '\r\nkort\r\n');
    const one = await prompter.input({ message: 'Naam:' });
    expect(one).toEqual({ kind: 'answer', value: 'kort' });
    expect(shown).toContain('Deze regel is te lang (meer dan 20 tekens); hij is niet gebruikt.');
    input.write('twaalf tekens\ntwaalf tekens\n.\nkort genoeg\n.\n');
    const two = await prompter.editor({ message: 'Lang:' });
    expect(two).toEqual({ kind: 'answer', value: 'kort genoeg' });
    expect(shown).toContain('Dit antwoord is te lang: 27 tekens, hoogstens 20.');
    prompter.close();
  });
});
