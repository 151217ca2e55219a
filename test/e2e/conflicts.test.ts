// What another hand does to the answers file while a window has it open, and
// a folder that stops being writable, in a real terminal: nothing foreign is
// overwritten, nothing typed is lost, and the screen says where it is.
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../helpers/pty.js';
import { E2E_TIMEOUT, startSheet, useE2e } from './env.js';
import { answerLine, Q, waitForQuestion } from './prompt.js';

describe('hand edits and write errors while a worksheet is open (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('a hand edit of the same answer: the session stops (exit 5), the edit is kept, our answer is in a rescue file', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerLine(s, Q.naam, 'Anna');
    await waitForQuestion(s, Q.bibliotheek);
    s.press('ctrl-t');
    await waitForQuestion(s, Q.naam);
    // Meanwhile, someone corrects the name in a text editor.
    const edited = (await readFile(ctx.answersFile, 'utf8')).replace('naam: Anna', 'naam: Anna de Vries');
    await writeFile(ctx.answersFile, edited);
    for (let i = 0; i < 4; i++) s.press('backspace');
    s.type('Annemarie');
    s.press('enter');
    expect(await exitCodeOf(s)).toBe(5);
    const screen = s.screen().replace(/\s+/g, ' ');
    expect(screen).toContain('is intussen buiten werkboek gewijzigd, bij hetzelfde antwoord als jij ("naam")');
    expect(await readFile(ctx.answersFile, 'utf8')).toBe(edited);
    const rescue = (await readdir(ctx.map)).find((f) => f.endsWith('.niet-opgeslagen.yaml'));
    expect(rescue).toBeDefined();
    expect(await readFile(path.join(ctx.map, rescue!), 'utf8')).toContain('naam: Annemarie');
  });

  it('a folder that stops being writable, then "Stoppen": the answers go to a rescue file, exit 5, no false "bewaard"', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerLine(s, Q.naam, 'Anna');
    await waitForQuestion(s, Q.bibliotheek);
    // The dossier folder disappears (a network drive, a USB stick): a file takes its place.
    await rename(ctx.map, `${ctx.map}-weg`);
    await writeFile(ctx.map, 'geen map');
    s.type('Bieb');
    s.press('enter');
    await s.waitFor('Wat wil je doen?');
    expect(s.screen()).toContain('Je antwoord is niet verloren');
    // Down to "Stoppen" (the fourth choice).
    for (let i = 0; i < 3; i++) s.press('down');
    s.press('enter');
    expect(await exitCodeOf(s)).toBe(5);
    const screen = s.screen().replace(/\s+/g, ' ');
    expect(screen).not.toContain('is bewaard in');
    expect(screen).toContain('Ze staan veilig in');
    // In the per-user data folder (here under the test's HOME).
    const gered = path.join(ctx.home, '.local', 'share', 'werkboek', 'gered');
    const [rescue] = await readdir(gered);
    expect(rescue).toMatch(/^gemeentelandschap-.*\.yaml$/);
    expect(await readFile(path.join(gered, rescue!), 'utf8')).toContain('bibliotheek: Bieb');
    await rm(ctx.map, { force: true });
    await rename(`${ctx.map}-weg`, ctx.map);
  });
});
