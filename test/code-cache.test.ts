// The code cache (src/support/code-cache.ts, built as
// dist/app/code-cache.js): compiled code is kept per build in the user's
// cache folder, used on the next run, and a broken or foreign cache changes
// nothing about what the program does. Run in a fresh node process that
// requires the cache the way bin/ does (on any Node version, so
// that the suite checks it under Node 24 too).
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, runNode } from './helpers/run.js';
import { repoRoot, useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-code-cache-');

/** `werkboek <args>` with the code cache, as bin/ runs it. */
function runWithCodeCache(args: string[], cacheHome: string) {
  assertBuilt();
  const app = (file: string) => JSON.stringify(path.join(repoRoot, 'dist', 'app', file));
  // argv as bin/ has it (node, the script, the arguments): the cache folder is the command's.
  const script = `process.argv.splice(1, 0, 'werkboek'); require(${app('code-cache.js')}); require(${app('cli.js')}).main(process.argv);`;
  return runNode(['-e', script, '--', ...args], { env: { XDG_CACHE_HOME: cacheHome, WERKBOEK_MAP: path.join(cacheHome, 'dossier') } });
}

/** Per build folder and command folder in it: the files. */
async function cacheFiles(cacheHome: string): Promise<{ build: string; command: string; dir: string; files: string[] }[]> {
  const root = path.join(cacheHome, 'werkboek', 'code');
  const found = [];
  for (const build of await readdir(root).catch(() => [])) {
    for (const command of await readdir(path.join(root, build))) {
      const dir = path.join(root, build, command);
      found.push({ build, command, dir, files: (await readdir(dir)).sort() });
    }
  }
  return found;
}

describe('the code cache', () => {
  it('keeps the compiled code of the files a run loaded, in one folder for this build and Node version, and uses it next time', async () => {
    const home = tmp();
    const first = await runWithCodeCache(['--help'], home);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Opdrachten:');
    const builds = await cacheFiles(home);
    expect(builds).toHaveLength(1);
    expect(builds[0]!.build).toMatch(new RegExp(`^[0-9a-f]{16}-node${process.versions.node.replaceAll('.', '\\.')}$`));
    // --help names no command: the folder for the rest.
    expect(builds[0]!.command).toBe('anders');
    expect(builds[0]!.files).toContain('cli.js.v8');
    expect(builds[0]!.files.every((f) => f.endsWith('.v8'))).toBe(true);

    const second = await runWithCodeCache(['--help'], home);
    expect(second).toEqual(first);
    // V8 took the cache (it was not rejected), so it was not written again: the same file, not a new one renamed over it.
    const cli = path.join(builds[0]!.dir, 'cli.js.v8');
    const before = await stat(cli);
    await runWithCodeCache(['--help'], home);
    expect((await stat(cli)).ino).toBe(before.ino);
  });

  it('a broken cache file is ignored and made anew; the output is the same', async () => {
    const home = tmp();
    const first = await runWithCodeCache(['status'], home);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Verken jouw gemeentelandschap');
    const { dir, files } = (await cacheFiles(home))[0]!;
    for (const file of files) await writeFile(path.join(dir, file), 'geen code');
    const again = await runWithCodeCache(['status'], home);
    expect(again).toEqual(first);
    const cli = await readFile(path.join(dir, 'cli.js.v8'));
    expect(cli.toString()).not.toBe('geen code');
  });

  it('a cache file damaged inside (same length, other bytes) is not used: V8 would crash on it', async () => {
    const home = tmp();
    const first = await runWithCodeCache(['status'], home);
    expect(first.code).toBe(0);
    const { dir, files } = (await cacheFiles(home))[0]!;
    // The file holds the data twice: 0.1 and 0.3 are in the copy V8 gets, 0.5 where the two meet, 0.9 in the second.
    for (const [n, where] of [0.5, 0.1, 0.3, 0.9].entries()) {
      for (const file of files) {
        const full = path.join(dir, file);
        const bytes = await readFile(full);
        const at = Math.floor(bytes.length * where);
        bytes.write('ZZZZZZZZ', at, 'latin1');
        await writeFile(full, bytes);
      }
      const again = await runWithCodeCache(['status'], home);
      expect(again, `damaged at ${where} (round ${n + 1})`).toEqual(first);
    }
  });

  it('keeps a cache per command: what one command compiled of a file is not missing when another runs it', async () => {
    const home = tmp();
    for (const args of [['status'], ['lijst'], ['intro'], ['lijst']]) expect((await runWithCodeCache(args, home)).code).toBe(0);
    const folders = await cacheFiles(home);
    // intro is inleiding's alias: its folder.
    expect(folders.map((f) => f.command).sort()).toEqual(['inleiding', 'lijst', 'status']);
    for (const folder of folders) expect(folder.files, folder.command).toContain('cli.js.v8');
    // Once made, a command's cache is used as it is (not written again).
    const lijst = path.join(folders.find((f) => f.command === 'lijst')!.dir, 'cli.js.v8');
    const before = await stat(lijst);
    await runWithCodeCache(['lijst'], home);
    expect((await stat(lijst)).ino).toBe(before.ino);
  });

  it('keeps the caches of the last few builds (two installations do not remove each other\'s), and removes older ones', async () => {
    const home = tmp();
    const root = path.join(home, 'werkboek', 'code');
    const old = ['0000000000000001-node20.0.0', '0000000000000002-node20.0.0', '0000000000000003-node20.0.0', '0000000000000004-node20.0.0'];
    for (const [i, name] of old.entries()) {
      await mkdir(path.join(root, name), { recursive: true });
      await writeFile(path.join(root, name, 'cli.js.v8'), 'oud');
      const made = new Date(Date.now() - (10 - i) * 60_000);
      await utimes(path.join(root, name), made, made);
    }
    expect((await runWithCodeCache(['--help'], home)).code).toBe(0);
    const builds = await readdir(root);
    // This build and the three made last before it.
    expect(builds).toHaveLength(4);
    expect(builds).not.toContain(old[0]);
    expect(builds).toEqual(expect.arrayContaining(old.slice(1)));
  });

  it('a cache folder that cannot be made changes nothing', async () => {
    const home = tmp();
    await writeFile(path.join(home, 'werkboek'), 'een bestand waar een map zou moeten staan');
    const run = await runWithCodeCache(['--help'], home);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Gebruik:');
  });
});
