// Bugs first seen on screen in the e2e runs, kept as regression tests of
// the behaviour we want.
import { describe, expect, it } from 'vitest';
import { activePrompt, exitCodeOf, selectedChoice } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e } from './env.js';
import { answerLine, answerMeta, answerUnknown, answerYesNo, Q, waitForQuestion } from './prompt.js';

describe('regressions (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  // runner.ts ask(): `current` is undefined for a "weet ik (nog) niet" answer, so the
  // yes/no gets no default and the cursor starts on "Ja"; Enter then silently stores "ja".
  it('back to a yes/no answered "weet ik (nog) niet" puts the cursor on that answer', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerUnknown(s, Q.themaInAgenda);
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-t');
    const prompt = await waitForQuestion(s, Q.themaInAgenda);
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(selectedChoice(prompt)).toBe('Weet ik (nog) niet');
  });

  // runner.ts review(): the heading only looks at the status, not at w.next, so
  // "Overzicht bekijken" on a half-filled worksheet claims everything is answered.
  it('the overview of a half-filled worksheet does not say that all questions are answered', async () => {
    const ctx = e2e();
    const first = startSheet(ctx);
    await answerLine(first, Q.naam, 'Anna');
    await waitForQuestion(first, Q.bibliotheek);
    first.press('ctrl-c');
    expect(await exitCodeOf(first)).toBe(130);

    const second = startSheet(ctx);
    await second.waitFor('Verdergaan bij Bibliotheek');
    second.press('down');
    await second.waitFor((sc) => selectedChoice(sc) === 'Overzicht bekijken en antwoorden wijzigen');
    second.press('enter');
    await waitForQuestion(second, 'Overzicht');
    const screen = second.screen();
    second.press('ctrl-c');
    await exitCodeOf(second);
    expect(screen).toContain('(open)');
    expect(screen).not.toContain('Alle vragen zijn beantwoord');
  });

  // runner.ts ask(): a text/longtext answered "weet ik (nog) niet" comes back as an empty
  // editor with nothing saying so; Ctrl+S (to go on) turns it into an empty answer "".
  it('going back over a multi-line "weet ik (nog) niet" and pressing Ctrl+S keeps "weet ik (nog) niet"', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Nee');
    await answerUnknown(s, Q.aanspreekpunt);
    await waitForQuestion(s, Q.resultaatdoelen);
    s.press('ctrl-t');
    const back = await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-s');
    await waitForQuestion(s, Q.resultaatdoelen);
    s.press('ctrl-c');
    await exitCodeOf(s);
    const doc = await readAnswers(ctx);
    expect(doc.antwoorden.aanspreekpunt).toEqual({ weet_ik_niet: true });
    expect(activePrompt(back)).toContain('Weet ik (nog) niet');
  });
});
