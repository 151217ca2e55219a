// The package as npm packs it: installed globally into a clean prefix, with
// a fresh HOME and npm cache, it installs without a warning (no install
// scripts, no dependencies: the bundle holds them) and its `werkboek` runs
// from another folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt } from './helpers/run.js';
import { repoRoot, useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-package-');
/** npm, run by the node that runs the tests (the same Node line): the one running `npm test`, else the one on PATH. */
const npmCli = process.env.npm_execpath ?? execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
const npm = (args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) =>
  spawnSync(process.execPath, [npmCli, ...args], { ...options, encoding: 'utf8' });

describe('the packed package', () => {
  it('installs globally without warnings and runs lijst and an HTML report from another folder', async () => {
    assertBuilt();
    const root = tmp();
    const [home, prefix, cache, work] = ['home', 'prefix', 'npm-cache', 'elders'].map((d) => path.join(root, d)) as [string, string, string, string];
    for (const dir of [home, prefix, cache, work]) await mkdir(dir);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      npm_config_cache: cache,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      NO_COLOR: '1',
    };
    if (process.env.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
    // The bundle npm test built; --ignore-scripts: no second build under the running tests.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', root], { cwd: repoRoot, env });
    expect(packed.status, packed.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((f) => f.path);
    expect(paths).toContain('dist/app/cli.js');
    expect(paths).toContain('dist/worksheets.json');
    // The menu's "Hulp" names it by its path in the installed package.
    expect(paths).toContain('docs/handleiding.md');
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/') || p.startsWith('node_modules/'))).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies?: object; scripts: Record<string, string> };
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.scripts).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([]);

    const install = npm(['install', '--global', '--prefix', prefix, path.join(root, filename)], { cwd: work, env });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/warn/i);
    const bin = path.join(prefix, 'bin', 'werkboek');
    const map = path.join(work, 'dossier');
    const lijst = spawnSync(bin, ['lijst', '--map', map], { cwd: work, env, encoding: 'utf8' });
    expect(lijst.stderr).toBe('');
    expect(lijst.status).toBe(0);
    expect(lijst.stdout).toContain('1. gemeentelandschap');
    expect(lijst.stdout).toContain('werkboek start gemeentelandschap');
    await mkdir(map, { recursive: true });
    await copyFile(path.join(repoRoot, 'test', 'fixtures', 'reports', 'gemeentelandschap.yaml'), path.join(map, 'gemeentelandschap.yaml'));
    const report = spawnSync(bin, ['rapport', 'alles', '--map', map, '-o', 'dossier.html'], { cwd: work, env, encoding: 'utf8' });
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(await readdir(work)).toContain('dossier.html');
    expect(await readFile(path.join(work, 'dossier.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*Verken jouw gemeentelandschap/);
  }, 120_000);
});
