// The home menu in a real terminal: `werkboek` alone shows it with werkblad
// 1 as the default, Enter begins it ("Naam"), Ctrl+C in the worksheet comes
// back to the menu and Ctrl+C there leaves; the plain mode shows it as a
// numbered list; without a terminal `werkboek` prints the help and ends.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, selectedChoice, start } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, runPlain, useE2e } from './env.js';
import { answerLine, waitForQuestion } from './prompt.js';

describe('werkboek alone: the home menu (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('shows the menu with werkblad 1 as the default; Enter begins it; Ctrl+C back to the menu, Ctrl+C again leaves', async () => {
    const ctx = e2e();
    const s = start([], ctx.env);
    const screen = await s.waitFor('Wat wil je doen in dit dossier?');
    expect(screen).toContain(`Dossier: ${ctx.map}`);
    expect(selectedChoice(screen)).toBe('Werkblad 1: Verken jouw gemeentelandschap (niet begonnen)');
    expect(screen).toContain('Hoe ver ben ik?');
    s.press('enter');
    await answerLine(s, 'Naam', 'Anna');
    await waitForQuestion(s, 'Bibliotheek');
    s.press('ctrl-c');
    const back = await s.waitFor('Terug in het menu');
    expect(back).toContain('Wat je hebt beantwoord is bewaard');
    await s.waitFor((text) => selectedChoice(text) === 'Werkblad 1: Verken jouw gemeentelandschap (concept, 0 van 8 beantwoord)');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden).toMatchObject({ naam: 'Anna' });
    // The terminal is left usable: the cursor visible again.
    const raw = s.raw();
    expect(raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
  });

  it('at 40 columns every choice of the menu is on the screen, Stoppen too (its choices take two rows each there)', async () => {
    const ctx = e2e();
    // Begun: "(concept, 1 van 8 beantwoord)" makes werkblad 1's choice three rows.
    await writeFile(ctx.answersFile, 'werkblad: gemeentelandschap\nversie: 1\nstatus: concept\nantwoorden:\n  naam: Anna\n');
    const s = start([], ctx.env, { cols: 40, rows: 30 });
    const screen = await s.waitFor((sc) => sc.includes('Wat wil je doen in dit dossier?') && sc.includes('Ctrl+C stop'));
    expect(screen).toContain('beantwoord)');
    s.press('ctrl-c');
    await exitCodeOf(s);
    for (const choice of ['Werkblad 3: Plan van aanpak', 'Rapport maken', 'Hoe ver ben ik?', 'De inleiding', 'Hulp', 'Stoppen'])
      expect(screen, choice).toContain(choice);
  });

  it('the plain mode: the same menu as a numbered list; :stop in the worksheet comes back, Stoppen ends with 0', async () => {
    const ctx = e2e();
    const s = start(['--eenvoudig'], ctx.env);
    await s.waitFor('Enter kiest 1. Werkblad 1: Verken jouw gemeentelandschap (niet begonnen)');
    expect(s.history()).toContain('1. Werkblad 1: Verken jouw gemeentelandschap (niet begonnen)\n2. Werkblad 2');
    expect(s.history()).toContain('8. Stoppen');
    s.type('\r');
    await s.waitFor('Naam:');
    s.type('Anna\r');
    await s.waitFor('Bibliotheek:');
    s.type(':stop\r');
    await s.waitFor('Enter kiest 1. Werkblad 1: Verken jouw gemeentelandschap (concept, 0 van 8 beantwoord)');
    s.type('stoppen\r');
    expect(await exitCodeOf(s)).toBe(0);
    expect(s.raw()).not.toContain('\u001b');
    expect((await readAnswers(ctx)).antwoorden).toMatchObject({ naam: 'Anna' });
  });

  it('the plain mode: Ctrl+D (the end of the input) in a worksheet or in the menu ends with 130, never waits', async () => {
    const ctx = e2e();
    const inSheet = start(['--eenvoudig'], ctx.env);
    await inSheet.waitFor('Enter kiest 1.');
    inSheet.type('\r');
    await inSheet.waitFor('Naam:');
    inSheet.press('ctrl-d');
    expect(await exitCodeOf(inSheet)).toBe(130);
    expect(inSheet.history()).toContain('Einde van de invoer');
    expect(inSheet.history()).not.toContain('Terug in het menu');
    const inMenu = start(['--eenvoudig'], ctx.env);
    await inMenu.waitFor('Enter kiest 1.');
    inMenu.press('ctrl-d');
    expect(await exitCodeOf(inMenu)).toBe(130);
    expect(inMenu.history()).toContain('Tot de volgende keer.');
  });

  it("without a terminal prints the help and ends with 0 (also with the menu's options)", () => {
    const ctx = e2e();
    for (const args of [[], ['--eenvoudig'], ['--map', ctx.map]]) {
      const r = runPlain(ctx, args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Gebruik:');
      expect(r.stdout).toContain('Opdrachten:');
      expect(r.stderr).toBe('');
    }
  });
});
