// Terminal escape sequences in a file from someone else must not reach a
// terminal, a report or an email as escape sequences (they would retitle or
// clear the terminal of whoever prints the report).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleControls } from '../src/support/control.js';
import { assertBuilt, runCli } from './helpers/run.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-control-');
const EVIL = '\u001b]0;pwned\u0007\u001b[2J';
/** Any control character but newline, tab and the CR of CRLF. */
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;

describe('control characters', () => {
  it('are made visible, newline and tab kept', () => {
    expect(visibleControls(`a${EVIL}b\tc\nd\r\ne\rf\u009bg`)).toBe('a␛]0;pwned␇␛[2Jb\tc\nd\r\ne␍f\uFFFDg');
  });

  it('never reach the output of rapport (md, html, eml), status or error messages', async () => {
    assertBuilt();
    const map = path.join(tmp(), 'map');
    await mkdir(map);
    const file = [
      `werkblad: gemeentelandschap`,
      'versie: 1',
      'status: concept',
      `aangemaakt: "2026-11-20T09:00:00.000Z"`,
      `bijgewerkt: "2026-11-20T09:00:00.000Z${'\\e]0;x\\a'}"`,
      'antwoorden:',
      `  naam: "An${'\\e]0;pwned\\a\\e[2J'}"`,
      `  bibliotheek: "Bieb${'\\e[31m'}"`,
      `  thema-in-agenda: ja`,
      `  thema-in-agenda-wijze: "Coalitie${'\\e]0;pwned\\a\\e[2J'}akkoord"`,
      '',
    ].join('\n');
    await writeFile(path.join(map, 'gemeentelandschap.yaml'), file);
    const env = { WERKBOEK_MAP: map, HOME: tmp() };
    for (const args of [['rapport', 'gemeentelandschap'], ['rapport', 'alles', '-f', 'html'], ['rapport', 'alles', '-f', 'eml'], ['status'], ['lijst']]) {
      const r = await runCli(args, { cwd: tmp(), env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(RAW_CONTROL.test(r.stdout), args.join(' ')).toBe(false);
    }
    const md = await runCli(['rapport', 'gemeentelandschap'], { cwd: tmp(), env });
    expect(md.stdout).toContain('Coalitie␛]0;pwned␇␛[2Jakkoord');
    // A file whose werkblad: names an unknown sheet with escapes: the error message too.
    await writeFile(path.join(tmp(), 'raar.yaml'), `werkblad: "x${'\\e[2J'}"\nantwoorden: {}\n`);
    const check = await runCli(['controleer', 'raar.yaml'], { cwd: tmp(), env });
    expect(RAW_CONTROL.test(check.stdout + check.stderr)).toBe(false);
  });
});
