// The overview of a worksheet in a real terminal: a question picked there
// and left with Ctrl+T, or answered, brings the user back to the overview;
// a list (partners) confirmed with "Klaar" is echoed with what was answered.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activePrompt, exitCodeOf, repoRoot, selectedChoice, start, type Session } from '../helpers/pty.js';
import { E2E_TIMEOUT, useE2e, type E2eContext } from './env.js';

/** Werkblad 2 from the report fixture (3 partners, 3 functies, Stap 5 and 6 partly open), opened in its overview. */
async function inOverview(ctx: E2eContext, cols = 100): Promise<Session> {
  await copyFile(path.join(repoRoot, 'test', 'fixtures', 'reports', 'randvoorwaarden.yaml'), path.join(ctx.map, 'randvoorwaarden.yaml'));
  const s = start(['start', 'randvoorwaarden'], ctx.env, { cols, rows: 40 });
  await s.waitFor((sc) => activePrompt(sc).startsWith('? Wat wil je doen?') && sc.includes('Ctrl+C stop'));
  s.type('Overzicht');
  await s.waitFor((sc) => (selectedChoice(sc) ?? '').startsWith('Overzicht bekijken'));
  s.press('enter');
  await atOverview(s);
  return s;
}

const atOverview = (s: Session) => s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && sc.includes('Ctrl+C stop'));

/** In the overview, move to the row that starts with `row` and press Enter. */
async function pick(s: Session, row: string): Promise<void> {
  // Backspace first: the list's search would add to what was typed just before.
  s.press('backspace');
  s.type(row);
  await s.waitFor((sc) => (selectedChoice(sc) ?? '').startsWith(row));
  s.press('enter');
}

/** The active prompt's rows joined into one text: what the list wrapped between words, read as one line. */
const joined = (screen: string) => activePrompt(screen).replace(/\n\s*/g, ' ');

describe('the overview of a worksheet (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('at 40 columns the rows of the overview and of the partner list wrap whole instead of being cut', async () => {
    const s = await inOverview(e2e(), 40);
    const first = await atOverview(s);
    expect(joined(first)).toContain('Bibliotheek — Bibliotheek Voorbeeldstad');
    s.type('Stap 2 · 1.');
    const row = await s.waitFor((sc) => (selectedChoice(sc) ?? '').startsWith('Stap 2 · 1.'));
    expect(joined(row)).toContain(
      'Stap 2 · 1. Hoe maak je het onderscheid tussen een digitale inclusie vraag en reguliere dienstverlening? — Als de vraag over de overheid gaat',
    );
    await pick(s, 'Stap 2 · 4. Naar welke partners');
    const group = await s.waitFor((sc) => activePrompt(sc).startsWith('? 4. Naar welke partners') && sc.includes('Ctrl+C stop'));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(group).toContain('  1. Belastingservice (vrijwilligers) ·\n     Hulp bij belastingaangifte. /\n     Alleen in maart en april.');
    expect(group).toContain('  3. Welzijn Voorbeeldstad · Sociaal\n     werk en mantelzorg');
    for (const screen of [first, row, group]) {
      for (const line of screen.split('\n')) expect(line.length, line).toBeLessThanOrEqual(40);
    }
  });

  it('"Klaar" in the partner overview is confirmed with the partners, not with the words of the menu', async () => {
    const s = await inOverview(e2e());
    await pick(s, 'Stap 2 · 4. Naar welke partners');
    // The cursor starts on "Klaar" in a list with items; opened from the overview, it goes back there, and says so.
    await s.waitFor((sc) => activePrompt(sc).startsWith('? 4. Naar welke partners') && selectedChoice(sc) === 'Klaar, terug naar het overzicht');
    s.press('enter');
    const screen = await s.waitFor('✔ 4. Naar welke partners');
    s.press('ctrl-c');
    await exitCodeOf(s);
    // The echo wraps between words: read it as one line.
    const echo = screen.replace(/\n/g, ' ');
    expect(echo).toContain(
      '✔ 4. Naar welke partners wordt er doorverwezen vanuit het digitale inclusie aanbod? 3 partners: Belastingservice (vrijwilligers), Schuldhulpmaatje, Welzijn Voorbeeldstad',
    );
    expect(echo).not.toContain('Klaar, terug naar het overzicht');
  });

  it('a step on the way in the partner overview ("Nieuwe partner toevoegen") gets no confirmation line: it is no answer', async () => {
    const s = await inOverview(e2e());
    await pick(s, 'Stap 2 · 4. Naar welke partners');
    await s.waitFor((sc) => activePrompt(sc).startsWith('? 4. Naar welke partners') && selectedChoice(sc) === 'Klaar, terug naar het overzicht');
    s.press('up', 7);
    await s.waitFor((sc) => selectedChoice(sc) === 'Nieuwe partner toevoegen');
    s.press('enter');
    const screen = await s.waitFor((sc) => activePrompt(sc).startsWith('? Partner'));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(screen.replace(/\n/g, ' ')).not.toContain('Nieuwe partner toevoegen');
    expect(screen).not.toContain('✔ 4. Naar welke partners');
  });

  it('Ctrl+T at a question opened from the overview goes back to the overview; so does answering it', async () => {
    const s = await inOverview(e2e());
    // The functions overview (Stap 3): Ctrl+T there went to Stap 2 · 5. before.
    await pick(s, 'Stap 3 · 1. en 2.');
    await s.waitFor((sc) => activePrompt(sc).startsWith('? 1. en 2. Welke functies') && sc.includes('Ctrl+C stop'));
    s.press('ctrl-t');
    // Back in the overview, on the row the user came from.
    const back = await atOverview(s);
    expect(selectedChoice(back)).toMatch(/^Stap 3 · 1\. en 2\. Welke functies/);
    expect(s.history()).not.toContain('? 5. Zijn er groepen/vragen');
    // A ja/nee question: answered, back to the overview (not on to the first open question, Stap 5 · c.).
    await pick(s, 'Stap 2 · 3. Heeft jouw bibliotheek relevante collectie?');
    await s.waitFor((sc) => activePrompt(sc).startsWith('? 3. Heeft jouw bibliotheek relevante collectie?') && sc.includes('Ctrl+C stop'));
    s.press('enter');
    const overview = await atOverview(s);
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(overview).toContain('✔ 3. Heeft jouw bibliotheek relevante collectie? Ja');
    expect(s.history()).not.toContain('? c. Wie is verantwoordelijk');
  });
});
