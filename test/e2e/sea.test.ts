// The single executable for Linux (`npm run release -- linux-x64`), with no
// node on the PATH: `lijst`, a report, and in a pseudo-terminal a `start`
// that asks "Naam" and saves the answer. Built here when release/ has none
// newer than the bundle (downloading Node's binary once, into release/.node/).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exitCodeOf, repoRoot, start } from '../helpers/pty.js';
import { useE2e } from './env.js';

const executable = path.join(repoRoot, 'release', 'werkboek-linux-x64');
const linux = process.platform === 'linux' && process.arch === 'x64';

describe.runIf(linux)('the single executable for Linux (release/werkboek-linux-x64)', { timeout: 240_000 }, () => {
  const e2e = useE2e();
  let noNode: string;

  beforeAll(async () => {
    const bundle = path.join(repoRoot, 'dist', 'app', 'cli.js');
    if (!existsSync(executable) || statSync(executable).mtimeMs < statSync(bundle).mtimeMs) {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'release.mjs'), '--geen-build', 'linux-x64'], { cwd: repoRoot, stdio: 'pipe' });
    }
    // A PATH with nothing on it: no node to fall back on.
    noNode = await mkdtemp(path.join(os.tmpdir(), 'werkboek-geen-node-'));
  }, 240_000);

  it('runs lijst and an HTML report without node on the PATH, and names itself in what it suggests', async () => {
    const ctx = e2e();
    const env = { HOME: ctx.home, PATH: noNode, NO_COLOR: '1' };
    const lijst = spawnSync(executable, ['lijst', '--map', ctx.map], { cwd: ctx.home, env, encoding: 'utf8' });
    expect(lijst.stderr).toBe('');
    expect(lijst.status).toBe(0);
    expect(lijst.stdout).toContain('1. gemeentelandschap');
    expect(lijst.stdout).toContain(`${executable} start gemeentelandschap`);
    await copyFile(path.join(repoRoot, 'test', 'fixtures', 'reports', 'gemeentelandschap.yaml'), path.join(ctx.map, 'gemeentelandschap.yaml'));
    await mkdir(path.join(ctx.home, 'uit'));
    const report = spawnSync(executable, ['rapport', 'alles', '--map', ctx.map, '-o', 'uit/dossier.html'], { cwd: ctx.home, env, encoding: 'utf8' });
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(await readFile(path.join(ctx.home, 'uit', 'dossier.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*Verken jouw gemeentelandschap/);
  });

  it('asks the first question in a terminal and saves the answer', async () => {
    const ctx = e2e();
    const session = start(['start', 'gemeentelandschap'], { ...ctx.env, PATH: noNode }, { command: [executable] });
    await session.waitFor('Naam:');
    session.type('Anna de Vries');
    session.press('enter');
    await session.waitFor('Bibliotheek:');
    session.press('ctrl-c');
    expect(await exitCodeOf(session)).toBe(130);
    const saved = parse(await readFile(ctx.answersFile, 'utf8')) as { antwoorden: Record<string, unknown> };
    expect(saved.antwoorden.naam).toBe('Anna de Vries');
  });
});
