// A new round in a real pseudo-terminal: close the round, start again and
// see last round's answers as defaults, keep them with Enter (Ctrl+S for a
// long text), change one answer, finish; `verschil` shows exactly that one change.
import { copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activePrompt, exitCodeOf, selectedChoice } from '../helpers/pty.js';
import { fixturesDir } from '../helpers/temp.js';
import { E2E_TIMEOUT, readAnswers, runPlain, startSheet, useE2e } from './env.js';
import { Q, waitForQuestion } from './prompt.js';

describe('werkboek nieuwe-ronde, start, verschil (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it("starts the new round with last round's answers; one changed answer is what verschil shows", async () => {
    const ctx = e2e();
    await copyFile(path.join(fixturesDir, 'reports', 'gemeentelandschap.yaml'), ctx.answersFile);
    const closed = runPlain(ctx, ['nieuwe-ronde', '--ja']);
    expect(closed.status, closed.stderr).toBe(0);
    expect(closed.stdout).toContain('Ronde 2026 is afgesloten: 1 bestand staat nu ongewijzigd in');
    expect(await readdir(ctx.map)).toEqual(['ronde-2026']);

    const s = startSheet(ctx);
    /** Wait for the question, press the key that keeps what is offered; returns the prompt as it was. */
    const keepAt = async (label: string, key: 'enter' | 'ctrl-s' = 'enter'): Promise<string> => {
      const prompt = await waitForQuestion(s, label);
      s.press(key);
      return prompt;
    };
    await s.waitFor('Vorige ronde (2026): je antwoorden van toen staan bij elke vraag klaar.');
    expect(await keepAt(Q.naam)).toContain('Sanne de Vries');
    expect(s.screen()).toContain('Antwoord uit de vorige ronde (2026):');
    expect(await keepAt(Q.bibliotheek)).toContain('Bibliotheek Voorbeeldstad');
    await keepAt(Q.datum); // today, not last round's date
    expect(selectedChoice(await keepAt(Q.themaInAgenda))).toBe('Ja');
    expect(await keepAt(Q.themaWijze, 'ctrl-s')).toContain('In het coalitieakkoord 2026-2030');
    await keepAt(Q.aanspreekpunt, 'ctrl-s');
    expect(selectedChoice(await keepAt(Q.resultaatdoelen))).toBe('Nee');
    await keepAt(Q.resultaatdoelenWensen, 'ctrl-s');
    // The one change: last round "weet ik (nog) niet", now "Nee".
    const raad = await waitForQuestion(s, Q.gemeenteraad);
    expect(selectedChoice(raad)).toBe('Weet ik (nog) niet');
    s.press('up');
    await s.waitFor((sc) => selectedChoice(activePrompt(sc)) === 'Nee');
    s.press('enter');
    await keepAt(Q.relatieGemeente, 'ctrl-s');
    expect(selectedChoice(await keepAt(Q.overlegstructuur))).toBe('Ja');
    await keepAt(Q.overlegstructuurWie, 'ctrl-s');
    expect(selectedChoice(await keepAt(Q.relatieMetMt))).toBe('Nee');
    expect(selectedChoice(await keepAt('Overzicht'))).toBe('✔ Werkblad afronden');
    expect(await exitCodeOf(s)).toBe(0);
    expect((await readAnswers(ctx)).antwoorden.gemeenteraad).toBe('nee');

    const diff = runPlain(ctx, ['verschil']);
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('1 vraag anders, 9 hetzelfde.');
    expect(diff.stdout).toContain(
      '### Gewijzigd\n\n#### Is het thema digitale Inclusie de afgelopen periode onderwerp van gesprek geweest in de gemeenteraad?\n\n' +
        '**Was:**\n\n_Weet ik (nog) niet_ (ontwikkelpunt)\n\n**Nu:**\n\nNee\n',
    );
    expect(diff.stdout).toContain('### Ontwikkelpunten opgelost\n\n- Is het thema digitale Inclusie');
    expect(diff.stdout.match(/^#### /gm)).toHaveLength(1);
  });
});
