// The lock stays valid while the user is in the external editor (Ctrl+E):
// a second window is refused however long the editor is open, and the first
// window's next save keeps everything.
import { existsSync } from 'node:fs';
import { chmod, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../helpers/pty.js';
import { STALE_MS } from '../../src/dossier/lock.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e } from './env.js';
import { answerMeta, answerYesNo, Q, waitForQuestion } from './prompt.js';

describe('lock while an external editor is open (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('a second start is refused while the editor is open, also when the lock is older than the stale time, and nothing is lost', async () => {
    const ctx = e2e();
    // An "editor" that says it runs, waits until the test lets it go, then writes its text.
    const started = path.join(ctx.home, 'gestart');
    const release = path.join(ctx.home, 'klaar');
    const editor = path.join(ctx.home, 'editor.sh');
    await writeFile(editor, `#!/bin/sh\ntouch "${started}"\nwhile [ ! -e "${release}" ]; do sleep 0.1; done\nprintf 'uit de editor\\n' > "$1"\n`);
    await chmod(editor, 0o755);
    const env = { ...ctx.env, VISUAL: editor, EDITOR: editor };
    const first = startSheet({ ...ctx, env });
    await answerMeta(first);
    await answerYesNo(first, Q.themaInAgenda, 'Ja');
    await waitForQuestion(first, Q.themaWijze);
    first.press('ctrl-e');
    await expect.poll(() => existsSync(started), { timeout: 10_000 }).toBe(true);
    // As if the editor had been open for a minute: a lock of a living process on this computer is never stale.
    const old = new Date(Date.now() - 60_000 - STALE_MS);
    await utimes(`${ctx.answersFile}.lock`, old, old);

    const second = startSheet({ ...ctx, env });
    expect(await exitCodeOf(second)).toBe(4);
    expect(second.screen()).toContain('al ingevuld in een ander venster');

    await writeFile(release, '');
    await first.waitFor('uit de editor');
    first.press('ctrl-s');
    await waitForQuestion(first, Q.aanspreekpunt);
    first.press('ctrl-c');
    expect(await exitCodeOf(first)).toBe(130);
    const answers = (await readAnswers(ctx)).antwoorden;
    expect(answers).toMatchObject({ naam: 'Anna', bibliotheek: 'Bieb', 'thema-in-agenda': 'ja', 'thema-in-agenda-wijze': 'uit de editor' });
  });
});

describe('a werkboek killed while its external editor is open (e2e, pty)', { timeout: E2E_TIMEOUT * 2 }, () => {
  const e2e = useE2e();

  it('3 times: SIGKILL in the editor, the next start takes the lock over at once and the saved answers are intact', async () => {
    const ctx = e2e();
    const editor = path.join(ctx.home, 'editor.sh');
    const started = path.join(ctx.home, 'gestart');
    await writeFile(editor, `#!/bin/sh\ntouch "${started}.$$"\nsleep 8\n`);
    await chmod(editor, 0o755);
    const env = { ...ctx.env, VISUAL: editor, EDITOR: editor };
    const first = startSheet({ ...ctx, env });
    await answerMeta(first);
    await answerYesNo(first, Q.themaInAgenda, 'Ja');
    for (let i = 0; i < 3; i++) {
      const s = i === 0 ? first : startSheet({ ...ctx, env });
      if (i > 0) {
        // Taken over at once: the killed process is gone, however fresh its lock.
        await s.waitFor('Verdergaan bij');
        s.press('enter');
      }
      await waitForQuestion(s, Q.themaWijze);
      s.press('ctrl-e');
      await expect.poll(async () => (await readdir(ctx.home)).filter((f) => f.startsWith('gestart.')).length, { timeout: 10_000 }).toBe(i + 1);
      s.signal('SIGKILL');
      await exitCodeOf(s);
      expect((await readAnswers(ctx)).antwoorden).toMatchObject({ naam: 'Anna', bibliotheek: 'Bieb', 'thema-in-agenda': 'ja' });
    }
  });
});
