// Odd folders (issue 23, item 6): a dossier folder that cannot be made, such
// as one under /proc/self, is a usage error (exit 2, in Dutch), never an
// endless loop in mkdir; nothing is written.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDir } from '../src/support/make-dir.js';
import { assertBuilt, runCli } from './helpers/run.js';
import { FIXTURES } from './report-helpers.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-vreemd-');
const linux = process.platform === 'linux';

describe('makeDir', () => {
  it('makes every missing level, accepts one that exists, and refuses a file in the way', async () => {
    makeDir(path.join(tmp(), 'a', 'b', 'c'));
    makeDir(path.join(tmp(), 'a', 'b', 'c'));
    await writeFile(path.join(tmp(), 'f'), 'x');
    expect(() => makeDir(path.join(tmp(), 'f', 'g'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeDir(path.join(tmp(), 'f'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
  });

  it.runIf(linux)("ends at once under /proc/self (Node's recursive mkdir loops there)", () => {
    expect(() => makeDir('/proc/self/x/y')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe.runIf(linux)('commands with a folder under /proc/self (built CLI)', () => {
  it('start and importeer: exit 2 with a Dutch message, within the timeout', async () => {
    assertBuilt();
    await mkdir(path.join(tmp(), 'home'));
    const home = path.join(tmp(), 'home');
    const cases: [string[], Record<string, string>][] = [
      [['start', '1', '--map', '/proc/self/x', '--eenvoudig'], { HOME: home }],
      [['start', '1', '--respondent', 'Piet', '--map', '/proc/self/x', '--eenvoudig'], { HOME: home }],
      [['start', '1', '--eenvoudig'], { HOME: home, XDG_DATA_HOME: '/proc/self' }],
      [['importeer', path.join(FIXTURES, 'randvoorwaarden.yaml')], { HOME: home, XDG_DATA_HOME: '/proc/self' }],
    ];
    for (const [args, env] of cases) {
      const r = await runCli(args, { env: { ...env, WERKBOEK_MAP: undefined }, timeoutMs: 10_000 });
      expect({ args, code: r.code, stderr: r.stderr }).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('niet gebruiken: bestand of map bestaat niet'),
      });
    }
  });
});

describe.runIf(process.platform !== 'win32')('a dossier path through a file (HOME=/dev/null)', () => {
  it('status says one thing: the folder cannot be used (exit 5), not "does not exist" and three unreadable files', async () => {
    assertBuilt();
    const r = await runCli(['status'], { env: { HOME: '/dev/null', WERKBOEK_MAP: undefined, XDG_DATA_HOME: undefined }, timeoutMs: 10_000 });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('niet gebruiken: een deel van het pad is geen map');
    expect(r.stdout).not.toContain('onleesbaar');
  });
});
