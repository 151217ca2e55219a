// "Weet ik (nog) niet" on a question that has an answer, in a real terminal:
// the answer is kept under "eerder", going back shows it (marked as not in
// force), Ctrl+S without a change keeps "weet ik niet", an edit replaces it.
import { describe, expect, it } from 'vitest';
import { activePrompt, exitCodeOf, selectedChoice } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e } from './env.js';
import { answerLines, answerMeta, answerYesNo, Q, waitForQuestion } from './prompt.js';

describe('"weet ik (nog) niet" keeps the earlier answer (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('Ctrl+N on an answered question keeps it under "eerder"; going back brings it back', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Nee');
    await answerLines(s, Q.aanspreekpunt, ['Jan Jansen']);
    await waitForQuestion(s, Q.resultaatdoelen);

    // Back, and "weet ik (nog) niet" on the answered question.
    s.press('ctrl-t');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-n');
    await waitForQuestion(s, Q.resultaatdoelen);
    expect((await readAnswers(ctx)).antwoorden['aanspreekpunt']).toEqual({ weet_ik_niet: true, eerder: 'Jan Jansen' });

    // Back again: the earlier answer is in the editor, and the screen says it is not in force.
    s.press('ctrl-t');
    const shown = await waitForQuestion(s, Q.aanspreekpunt);
    expect(shown).toContain('  Jan Jansen');
    expect(s.screen()).toContain('Nu: weet ik (nog) niet.');
    // Confirmed untouched: still "weet ik (nog) niet".
    s.press('ctrl-s');
    await waitForQuestion(s, Q.resultaatdoelen);
    expect((await readAnswers(ctx)).antwoorden['aanspreekpunt']).toEqual({ weet_ik_niet: true, eerder: 'Jan Jansen' });

    // Back once more and edit it: the edited answer replaces "weet ik niet".
    s.press('ctrl-t');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.type(', sociaal domein');
    s.press('ctrl-s');
    await waitForQuestion(s, Q.resultaatdoelen);
    expect((await readAnswers(ctx)).antwoorden['aanspreekpunt']).toBe('Jan Jansen, sociaal domein');

    // A yes/no: Ctrl+N keeps "nee"; going back the cursor is on "weet ik niet" and "Nee" is marked.
    s.press('ctrl-t');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-t');
    await waitForQuestion(s, Q.themaInAgenda);
    s.press('ctrl-n');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-t');
    const list = await waitForQuestion(s, Q.themaInAgenda);
    expect(selectedChoice(list)).toBe('Weet ik (nog) niet');
    expect(list).toContain('Nee (je eerdere antwoord)');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden['thema-in-agenda']).toEqual({ weet_ik_niet: true, eerder: 'nee' });
  });

  it('Ctrl+N in a list that does not offer "weet ik (nog) niet" (the overview) does nothing, and the next key counts', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await waitForQuestion(s, Q.themaInAgenda);
    // To the overview: stop, start again and choose it.
    s.press('ctrl-c');
    await exitCodeOf(s);
    const again = startSheet(ctx);
    await waitForQuestion(again, 'Wat wil je doen?');
    again.press('down');
    await again.waitFor((sc) => selectedChoice(sc) === 'Overzicht bekijken en antwoorden wijzigen');
    again.press('enter');
    const overview = await waitForQuestion(again, 'Overzicht');
    const first = selectedChoice(overview);
    // Ctrl+N, and at once a key: the list stays as it is and takes the key (it was not drawn anew, which lost it).
    again.press('ctrl-n');
    again.press('down');
    const moved = await again.waitFor((sc) => selectedChoice(activePrompt(sc)) !== first);
    expect(moved).not.toContain('Overzicht Weet ik (nog) niet');
    expect(activePrompt(moved)).toMatch(/^\? Overzicht/);
    again.press('ctrl-c');
    expect(await exitCodeOf(again)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden).toMatchObject({ naam: 'Anna', bibliotheek: 'Bieb' });
  });
});
