// `werkboek`, `--help`, `help` and `--version` come from the text the build
// kept (dist/app/quick-help.js, src/support/quick-help.ts) without loading
// the program: they must print exactly what the program itself (commander)
// prints, under every name werkboek can be started by and at every terminal
// width, and nothing else may take that shortcut.
import { mkdir, readFile, symlink, writeFile, chmod } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ASKED, quickAsk } from '../src/support/quick-help.js';
import { programCommand } from '../src/support/invocation.js';
import { assertBuilt, binPath, runNode, type RunResult } from './helpers/run.js';
import { killAll, start } from './helpers/pty.js';
import { repoRoot, useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-quick-help-');
afterEach(() => killAll());

const app = (file: string) => path.join(repoRoot, 'dist', 'app', file);

/** The program itself, not bin/: dist/app/cli.js's main, with the same argv (so the same name) as bin/ gets. */
function programItself(bin: string, args: string[], env: Record<string, string | undefined>, cwd: string): Promise<RunResult> {
  const script = `require(${JSON.stringify(app('cli.js'))}).main(process.argv);`;
  return runNode(['-e', script, '--', bin, ...args], { env, cwd });
}

describe('the help and the version without loading the program', () => {
  it('print what the program prints: every way of asking, every name werkboek can have', async () => {
    assertBuilt();
    // As installed (a "werkboek" on the PATH), from the repo (node bin/werkboek.js), from elsewhere (an absolute
    // path), and through a link in a folder whose name holds an escape code (made visible, as the program does).
    const installed = path.join(tmp(), 'installed');
    await mkdir(installed);
    await writeFile(path.join(installed, 'werkboek'), '#!/bin/sh\n');
    await chmod(path.join(installed, 'werkboek'), 0o755);
    const odd = path.join(tmp(), 'map\u001b]0;x\u0007');
    await mkdir(odd);
    await symlink(binPath, path.join(odd, 'werkboek.js'));
    const cases = [
      { bin: binPath, cwd: repoRoot, env: {} },
      { bin: binPath, cwd: tmp(), env: {} },
      { bin: binPath, cwd: tmp(), env: { PATH: `${installed}${path.delimiter}${process.env.PATH ?? ''}` } },
      { bin: path.join(odd, 'werkboek.js'), cwd: tmp(), env: {} },
    ];
    const names = new Set<string>();
    for (const { bin, cwd, env } of cases) {
      for (const args of [[], ['--help'], ['-h'], ['help'], ['--version'], ['-V']]) {
        const quick = await runNode([bin, ...args], { env, cwd });
        const itself = await programItself(bin, args, env, cwd);
        expect(quick, `${bin} ${args.join(' ')}`).toEqual(itself);
        expect(quick.code).toBe(0);
        if (args[0] === '--help') names.add(/^Gebruik: (.*) <opdracht>/.exec(quick.stdout)?.[1] ?? '');
      }
    }
    expect([...names].sort()).toEqual(['node ' + path.join('bin', 'werkboek.js'), `node ${binPath}`, "node 'map\u241b]0;x\u2407/werkboek.js'", 'werkboek'].sort());
  });

  it('the main help fits in 80 columns (so that it is the same in every terminal from there on)', () => {
    const { helpText } = createRequire(import.meta.url)(app('cli.js')) as { helpText: (name: string, width?: number) => string };
    const help = helpText('werkboek');
    expect(Math.max(...help.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    for (const width of [80, 100, 120, 200]) expect(helpText('werkboek', width)).toBe(help);
    // The full descriptions stay in each command's own help.
    expect(help).toContain('rapport als Markdown, HTML of e-mail');
  });

  it('in a terminal: as the program prints it, at 120 columns and at 50 (where commander wraps, and bin/ leaves it to commander)', async () => {
    const { helpText } = createRequire(import.meta.url)(app('cli.js')) as { helpText: (name: string, width?: number) => string };
    const name = programCommand(binPath, repoRoot, { PATH: process.env.PATH });
    for (const cols of [120, 50]) {
      const session = start(['--help'], {}, { cols });
      expect(await session.exit).toBe(0);
      expect(session.raw().replaceAll('\r\n', '\n')).toBe(helpText(name, cols));
    }
    expect(helpText(name, 50)).not.toBe(helpText(name, 120));
  });

  it('only the help and the version take the short way; the rest goes to the program', async () => {
    for (const [args, asked] of [
      [[], 'help'],
      [['help'], 'help'],
      [['-V'], 'version'],
      [['help', 'start'], undefined],
      [['--help', 'start'], undefined],
      [['start', '--help'], undefined],
      [['--no-color'], undefined],
      [['status'], undefined],
      [['constructor'], undefined],
      [['toString'], undefined],
    ] as const) {
      expect(quickAsk(args), args.join(' ')).toBe(asked);
    }
    // bin/ lets through only these words (and then asks quickAsk).
    const bin = await readFile(binPath, 'utf8');
    const gate = /\/\^\(([^)]*)\)\$\//.exec(bin)?.[1];
    expect(gate?.split('|').sort()).toEqual([...ASKED.keys()].sort());
    // A command with --help is commander's: its own help.
    const own = await runNode([binPath, 'start', '--help'], { cwd: tmp() });
    expect(own.stdout).toContain('--respondent');
  });
});
