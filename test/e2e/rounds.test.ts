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

  it('starts the new round with last round\'s answers; one changed answer is what verschil shows', async () => {
    const ctx = e2e();
    await copyFile(path.join(fixturesDir, 'reports', 'gemeentelandschap.yaml'), ctx.answersFile);
    const closed = runPlain(ctx, ['nieuwe-ronde']);
    expect(closed.status, closed.stderr).toBe(0);
    expect(closed.stdout).toContain('Ronde 2026 is afgesloten: 1 bestand staat nu ongewijzigd in');
    expect(await readdir(ctx.map)).toEqual(['ronde-2026']);

    const s = startSheet(ctx);
    await s.waitFor('Vorige ronde (2026): je antwoorden van toen staan bij elke vraag klaar.');
    const naam = await waitForQuestion(s, Q.naam);
    expect(naam).toContain('Sanne de Vries');
    expect(s.screen()).toContain('Antwoord uit de vorige ronde (2026):');
    s.press('enter');
    const bieb = await waitForQuestion(s, Q.bibliotheek);
    expect(bieb).toContain('Bibliotheek Voorbeeldstad');
    s.press('enter');
    await waitForQuestion(s, Q.datum);
    s.press('enter'); // today, not last round's date
    expect(selectedChoice(await waitForQuestion(s, Q.themaInAgenda))).toBe('Ja');
    s.press('enter');
    expect(await waitForQuestion(s, Q.themaWijze)).toContain('In het coalitieakkoord 2026-2030');
    s.press('ctrl-s');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-s');
    expect(selectedChoice(await waitForQuestion(s, Q.resultaatdoelen))).toBe('Nee');
    s.press('enter');
    await waitForQuestion(s, Q.resultaatdoelenWensen);
    s.press('ctrl-s');
    // The one change: last round "weet ik (nog) niet", now "Nee".
    const raad = await waitForQuestion(s, Q.gemeenteraad);
    expect(selectedChoice(raad)).toBe('Weet ik (nog) niet');
    s.press('up');
    await s.waitFor((sc) => selectedChoice(activePrompt(sc)) === 'Nee');
    s.press('enter');
    await waitForQuestion(s, Q.relatieGemeente);
    s.press('ctrl-s');
    expect(selectedChoice(await waitForQuestion(s, Q.overlegstructuur))).toBe('Ja');
    s.press('enter');
    await waitForQuestion(s, Q.overlegstructuurWie);
    s.press('ctrl-s');
    expect(selectedChoice(await waitForQuestion(s, Q.relatieMetMt))).toBe('Nee');
    s.press('enter');
    const overview = await waitForQuestion(s, 'Overzicht');
    expect(selectedChoice(overview)).toBe('✔ Werkblad afronden');
    s.press('enter');
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
