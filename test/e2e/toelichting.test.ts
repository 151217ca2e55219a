// A toelichting with a ja/nee answer (Ctrl+O), in a real terminal: the list
// answers with the highlighted choice, a one-line input asks the
// toelichting, and Enter there answers; Ctrl+T goes back to the list.
import { describe, expect, it } from 'vitest';
import { exitCodeOf, selectedChoice } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e } from './env.js';
import { answerMeta, Q, waitForQuestion, openToelichtingOnNee } from './prompt.js';

describe('toelichting (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('Ctrl+O on "Nee" asks a toelichting; Enter answers with both, one confirmation', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    const first = await waitForQuestion(s, Q.themaInAgenda);
    expect(first).toContain('Ctrl+O toelichting');
    await openToelichtingOnNee(s);
    s.type('alleen in de wijkagenda');
    s.press('enter');
    await waitForQuestion(s, Q.aanspreekpunt);
    expect(s.screen()).toContain('Nee (alleen in de wijkagenda)');
    // One confirmation, the question's own: the toelichting's prompt leaves no line of its own above it.
    expect(s.history()).not.toContain('✔ Toelichting bij');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    const doc = await readAnswers(ctx);
    expect(doc.antwoorden['thema-in-agenda']).toEqual({ antwoord: 'nee', toelichting: 'alleen in de wijkagenda' });
  });

  it('Ctrl+T in the toelichting goes back to the list on that choice', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await waitForQuestion(s, Q.themaInAgenda);
    await openToelichtingOnNee(s);
    s.press('ctrl-t');
    const back = await waitForQuestion(s, Q.themaInAgenda);
    expect(selectedChoice(back)).toBe('Nee');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
  });

  it('changing an answer that has a toelichting: Enter on the other choice, the toelichting once (pre-filled), done', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await waitForQuestion(s, Q.themaInAgenda);
    await openToelichtingOnNee(s);
    s.type('alleen voor IDO');
    s.press('enter');
    await waitForQuestion(s, Q.aanspreekpunt);
    // Back to the ja/nee question, and "Ja" instead: two Enters in all.
    s.press('ctrl-t');
    await waitForQuestion(s, Q.themaInAgenda);
    expect(s.screen()).toContain('Toelichting: alleen voor IDO');
    s.press('up');
    await s.waitFor((sc) => selectedChoice(sc) === 'Ja');
    s.press('enter');
    const asked = await waitForQuestion(s, 'Toelichting bij "Ja"');
    expect(asked).toContain('alleen voor IDO');
    s.press('enter');
    await waitForQuestion(s, Q.themaWijze);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden['thema-in-agenda']).toEqual({ antwoord: 'ja', toelichting: 'alleen voor IDO' });
  });

  it.each(['ctrl-c', 'SIGHUP'] as const)('a toelichting being typed is kept as a draft (%s) and comes back', async (how) => {
    {
      const ctx = e2e();
      const s = startSheet(ctx);
      await answerMeta(s);
      await waitForQuestion(s, Q.themaInAgenda);
      s.press('ctrl-o');
      await waitForQuestion(s, 'Toelichting bij "Ja"');
      s.type('alleen mondeling afgesproken');
      // A signal is not ordered after the keys (Ctrl+C is): wait until the text is on the screen.
      await s.waitFor('alleen mondeling afgesproken');
      if (how === 'ctrl-c') s.press('ctrl-c');
      else s.signal('SIGHUP');
      expect(await exitCodeOf(s)).toBe(how === 'ctrl-c' ? 130 : 129);
      const saved = await readAnswers(ctx);
      expect(saved.concepten, how).toEqual({ 'thema-in-agenda': { antwoord: 'ja', toelichting: 'alleen mondeling afgesproken' } });
      const again = startSheet(ctx);
      await waitForQuestion(again, 'Wat wil je doen?');
      await again.waitFor((sc) => selectedChoice(sc) === 'Verdergaan bij vraag 1');
      again.press('enter');
      await waitForQuestion(again, Q.themaInAgenda);
      expect(again.screen()).toContain('Toelichting: alleen mondeling afgesproken');
      again.press('ctrl-c');
      await exitCodeOf(again);
    }
  });
});
