// `nieuwe-ronde` all or nothing (issue 23, item 4): a journal before the
// first move; a process killed halfway leaves a round that the next command
// in the dossier completes, saying so in one line; stop signals wait until
// the last file has moved. It asks first in a terminal, needs --ja without
// one, and lists at most 10 files (issue 26, point 9). Odd names for the
// round are usage errors, nothing moved (item 6).
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRound } from '../src/commands/nieuwe-ronde.js';
import { JOURNAL_NAME } from '../src/dossier/round-journal.js';
import { memoryOutput } from '../src/support/output.js';
import { ExitCode } from '../src/support/errors.js';
import { choose, ScriptedPrompter } from './helpers/scripted-prompter.js';
import { fixturesDir, repoRoot, useTempDir } from './helpers/temp.js';
import { assertBuilt, runCli } from './helpers/run.js';

const tmp = useTempDir('werkboek-journal-');
const NOW = new Date('2027-03-01T10:00:00Z');

/** A dossier with worksheet 1 and `colleagues` colleagues' copies of it. */
async function dossier(colleagues: number): Promise<{ dir: string; files: string[] }> {
  const dir = path.join(tmp(), 'dossier');
  await mkdir(dir);
  const source = path.join(fixturesDir, 'reports', 'gemeentelandschap.yaml');
  const files = ['gemeentelandschap.yaml'];
  // The coordinator's file unfinished, the colleagues' finished.
  await writeFile(path.join(dir, files[0]!), (await readFile(source, 'utf8')).replace('status: afgerond', 'status: concept'));
  for (let i = 1; i <= colleagues; i++) {
    files.push(`gemeentelandschap.collega-${i}.yaml`);
    await copyFile(source, path.join(dir, files[i]!));
  }
  return { dir, files: files.sort() };
}

/** A pid that ran on this computer and has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('a round that was interrupted halfway', () => {
  it('is completed by the next command in the dossier, said in one line, with no locks left', async () => {
    const { dir, files } = await dossier(6);
    const round = path.join(dir, 'ronde-2026');
    await mkdir(round);
    // As a killed nieuwe-ronde leaves it: three moved, the rest still here, with their locks.
    for (const f of files.slice(0, 3))
      await copyFile(path.join(dir, f), path.join(round, f)).then(() => import('node:fs/promises').then((fs) => fs.unlink(path.join(dir, f))));
    for (const f of files) await mkdir(path.join(dir, `${f}.lock`));
    for (const f of files) await writeFile(path.join(dir, `${f}.lock-eigenaar.json`), JSON.stringify({ pid: deadPid(), host: os.hostname() }));
    await writeFile(path.join(dir, JOURNAL_NAME), JSON.stringify({ folder: 'ronde-2026', files, pid: deadPid(), host: os.hostname() }));
    assertBuilt();
    const r = await runCli(['status'], { env: { WERKBOEK_MAP: dir, HOME: tmp() } });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      `Een onderbroken nieuwe ronde is afgemaakt: alle 7 bestanden staan nu in ronde-2026${path.sep} (4 moesten nog verplaatst worden).`,
    ]);
    expect((await readdir(round)).sort()).toEqual(files);
    expect(await readdir(dir)).toEqual(['ronde-2026']);
  });

  it('a journal of a process that still runs is left alone', async () => {
    const { dir, files } = await dossier(1);
    await writeFile(path.join(dir, JOURNAL_NAME), JSON.stringify({ folder: 'ronde-2026', files, pid: process.pid + 0, host: os.hostname() }));
    const r = await runCli(['status'], { env: { WERKBOEK_MAP: dir, HOME: tmp() }, cwd: repoRoot });
    // The test process runs: its journal stays, nothing moves.
    expect(r.stderr).toBe('');
    expect((await readdir(dir)).sort()).toEqual([JOURNAL_NAME, ...files].sort());
  });

  it.runIf(process.platform !== 'win32')(
    'SIGKILL halfway the moves, then any command: all files in the round; SIGTERM halfway: the moves finish first',
    async () => {
      for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
        const { dir, files } = await dossier(20);
        const script = `
        const { planRound, closeRound } = await import(${JSON.stringify(path.join(repoRoot, 'dist', 'dossier', 'rounds.js'))});
        const plan = await planRound(process.argv[1], ['gemeentelandschap'], { name: '2026' });
        await closeRound(plan, { onMove: async (file, i) => {
          if (i !== 8) return;
          process.stdout.write('halfway\\n');
          await new Promise((resolve) => process.stdin.once('data', resolve));
        } });
        process.stdout.write('done\\n');`;
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
        await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('halfway') && resolve()));
        const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
        child.kill(signal);
        if (signal === 'SIGTERM') child.stdin.write('go\n');
        expect(await ended).toBe(signal);
        const r = await runCli(['status'], { env: { WERKBOEK_MAP: dir, HOME: tmp() } });
        expect(r.code).toBe(0);
        expect(r.stderr).toContain(signal === 'SIGKILL' ? 'Een onderbroken nieuwe ronde is afgemaakt: alle 21 bestanden' : '');
        expect((await readdir(path.join(dir, 'ronde-2026'))).sort()).toEqual(files);
        expect(await readdir(dir)).toEqual(['ronde-2026']);
        await import('node:fs/promises').then((fs) => fs.rm(dir, { recursive: true }));
      }
    },
  );
});

describe('nieuwe-ronde asks first (issue 26, point 9)', () => {
  it('without a terminal and without --ja it refuses with the hint; nothing moves', async () => {
    const { dir, files } = await dossier(2);
    const err = await newRound({ map: dir, cwd: dir, out: memoryOutput(), now: NOW, interactive: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: ExitCode.usage, hint: expect.stringContaining('--ja') });
    expect((await readdir(dir)).sort()).toEqual(files);
  });

  it('in a terminal it lists what moves (at most 10, then the count; unfinished files marked) and asks; "Nee" moves nothing', async () => {
    const { dir, files } = await dossier(12);
    const out = memoryOutput();
    const prompter = new ScriptedPrompter([{ expect: 'Ronde 2026 nu afsluiten?', do: choose('Nee') }]);
    await newRound({ map: dir, cwd: dir, out, now: NOW, prompter });
    expect(out.out).toContain('13 bestanden gaan ongewijzigd naar');
    expect(out.out).toContain('  gemeentelandschap.yaml (nog niet afgerond)');
    expect(out.out).toContain('… en nog 3 bestanden');
    expect(out.out).toContain('Er is niets verplaatst.');
    expect((await readdir(dir)).sort()).toEqual(files);
    const yes = memoryOutput();
    await newRound({ map: dir, cwd: dir, out: yes, now: NOW, prompter: new ScriptedPrompter([{ expect: 'afsluiten?', do: choose('Ja') }]) });
    expect((await readdir(path.join(dir, 'ronde-2026'))).sort()).toEqual(files);
    // The question and the result list at most 10 each.
    expect(yes.out.split('\n').filter((l) => l.startsWith('  gemeentelandschap'))).toHaveLength(20);
    expect(yes.out).toContain('… en nog 3 bestanden');
  });
});

describe('odd round names (issue 23, item 6)', () => {
  it('a very long --ronde, a dangling link or a file named like the round: exit 2, nothing moved', async () => {
    const { dir, files } = await dossier(1);
    const tryName = (name: string) => newRound({ map: dir, cwd: dir, out: memoryOutput(), name, yes: true }).catch((e: unknown) => e);
    expect(await tryName('x'.repeat(300))).toMatchObject({ exitCode: ExitCode.usage, message: expect.stringContaining('kan geen naam van een ronde zijn') });
    await symlink(path.join(dir, 'nergens'), path.join(dir, 'ronde-2025'));
    expect(await tryName('2025')).toMatchObject({ exitCode: ExitCode.usage, message: expect.stringContaining('een koppeling') });
    await writeFile(path.join(dir, 'ronde-2024'), 'x');
    expect(await tryName('2024')).toMatchObject({ exitCode: ExitCode.usage, message: expect.stringContaining('een bestand') });
    expect((await readdir(dir)).sort()).toEqual([...files, 'ronde-2024', 'ronde-2025'].sort());
  });
});

describe('a journal that is not one', () => {
  it('a journal that cannot be read (here a folder in its place): exit 3 with what to do, nothing moved', async () => {
    const { dir, files } = await dossier(2);
    await mkdir(path.join(dir, JOURNAL_NAME));
    const err = await newRound({ map: dir, cwd: dir, out: memoryOutput(), now: NOW, yes: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: ExitCode.badFile, message: expect.stringContaining('onleesbaar logboek van een onderbroken nieuwe ronde') });
    expect((await readdir(dir)).sort()).toEqual([JOURNAL_NAME, ...files].sort());
  });
});

describe('a file of the interrupted round that is being filled in', () => {
  it('the round is not completed under it: exit 4, saying why and what then', async () => {
    const { lockAnswersFile } = await import('../src/dossier/lock.js');
    const { dir, files } = await dossier(1);
    await writeFile(path.join(dir, JOURNAL_NAME), JSON.stringify({ folder: 'ronde-2026', files, pid: deadPid(), host: os.hostname() }));
    const release = await lockAnswersFile(path.join(dir, files[0]!));
    try {
      const err = await newRound({ map: dir, cwd: dir, out: memoryOutput(), yes: true }).catch((e: unknown) => e);
      expect(err).toMatchObject({ exitCode: ExitCode.locked, message: expect.stringContaining('Een onderbroken nieuwe ronde') });
    } finally {
      await release();
    }
  });
});
