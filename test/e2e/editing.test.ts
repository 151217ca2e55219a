// Typing and pasting in a real terminal: bracketed paste stays one answer,
// and changing a yes/no after going back recomputes the follow-ups.
import { describe, expect, it } from 'vitest';
import { activePrompt, exitCodeOf, selectedChoice } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e } from './env.js';
import { answerMeta, answerLines, answerUnknown, answerYesNo, Q, waitForQuestion } from './prompt.js';

describe('typing and pasting (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('a bracketed paste of three lines into a multi-line answer stays one answer', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Ja');
    await waitForQuestion(s, Q.themaWijze);

    // Terminals send the line breaks of a paste as "\r", like Enter.
    s.paste('Coalitieakkoord 2022\rMotie digitale inclusie\rBeleidsnota sociaal domein');
    const pasted = await s.waitFor('Beleidsnota sociaal domein');
    // Still the same question, with the three lines in the editor.
    expect(activePrompt(pasted).split('\n').slice(0, 4)).toEqual([
      `? ${Q.themaWijze}`,
      '  Coalitieakkoord 2022',
      '  Motie digitale inclusie',
      '  Beleidsnota sociaal domein',
    ]);
    expect(pasted).not.toContain(Q.aanspreekpunt);

    s.press('ctrl-s');
    await waitForQuestion(s, Q.aanspreekpunt);
    expect(s.screen()).toContain('Vraag 3 van 9');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);

    const doc = await readAnswers(ctx);
    expect(doc.antwoorden['thema-in-agenda-wijze']).toBe('Coalitieakkoord 2022\nMotie digitale inclusie\nBeleidsnota sociaal domein');
    // Nothing answered beyond it.
    expect(doc.antwoorden).not.toHaveProperty('aanspreekpunt');
    expect(Object.keys(doc.antwoorden)).toEqual(['naam', 'bibliotheek', 'datum', 'thema-in-agenda', 'thema-in-agenda-wijze']);
  });

  it('a paste of 20 KB, twice, lands at once and is saved whole', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Ja');
    await waitForQuestion(s, Q.themaWijze);

    // Lines of about 70 characters, with "\r" between them as a terminal sends them.
    const words = 'de bibliotheek helpt inwoners met digitale vaardigheden in één gemeente – café'.split(' ');
    const document = (end: string) => {
      const lines: string[] = [];
      let line = '';
      for (let i = 0, size = 0; size < 20_000; i++) {
        line += (line ? ' ' : '') + (words[i % words.length] ?? '');
        if (line.length > 70) {
          lines.push(line);
          size += line.length + 1;
          line = '';
        }
      }
      return [...lines, end];
    };
    const first = document('Einde van het eerste stuk.');
    const second = document('Einde van het tweede stuk.');
    for (const [text, end] of [
      [first, 'Einde van het eerste stuk.'],
      [second, 'Einde van het tweede stuk.'],
    ] as const) {
      const started = Date.now();
      s.paste(text.join('\r'));
      // Generous: only a paste that is slow per character (minutes for 20 KB) misses this.
      const screen = await s.waitFor((sc) => activePrompt(sc).includes(`  ${end}`), 10_000);
      console.log(`20 KB geplakt (pty): ${Date.now() - started} ms`);
      expect(activePrompt(screen).startsWith(`? ${Q.themaWijze}`)).toBe(true);
      expect(activePrompt(screen)).toMatch(/↑ nog \d+ regel\(s\) hierboven/);
      if (text === first) s.press('enter');
    }

    s.press('ctrl-s');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    const doc = await readAnswers(ctx);
    expect(doc.antwoorden['thema-in-agenda-wijze']).toBe([...first, ...second].join('\n'));
  });

  it('a two-line paste into a one-line question becomes one line and does not answer the next question', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await waitForQuestion(s, Q.naam);
    s.paste('Anna\rde Vries');
    const pasted = await s.waitFor((sc) => activePrompt(sc).startsWith('? Naam: Anna de Vries'));
    expect(pasted).not.toContain('Bibliotheek:');

    s.press('enter');
    await waitForQuestion(s, Q.bibliotheek);
    expect(s.screen()).toContain('✔ Naam: Anna de Vries');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);

    const doc = await readAnswers(ctx);
    expect(doc.antwoorden).toEqual({ naam: 'Anna de Vries' });
  });

  it('changing a yes/no after going back shows the other follow-up, and keeps the old one in the file', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Nee');
    await answerUnknown(s, Q.aanspreekpunt);
    await answerYesNo(s, Q.resultaatdoelen, 'Ja');
    await answerLines(s, Q.resultaatdoelenWelke, ['Meer bereik onder ouderen']);
    await waitForQuestion(s, Q.gemeenteraad);

    // Back to the follow-up (its text is there), and back to the yes/no.
    s.press('ctrl-t');
    const followUp = await waitForQuestion(s, Q.resultaatdoelenWelke);
    expect(followUp).toContain('  Meer bereik onder ouderen');
    s.press('ctrl-t');
    const yesNo = await waitForQuestion(s, Q.resultaatdoelen);
    expect(selectedChoice(yesNo)).toBe('Ja');

    // Now "Nee": the "Zo nee" follow-up comes next, not "Zo ja".
    s.press('down');
    await s.waitFor((sc) => selectedChoice(sc) === 'Nee');
    s.press('enter');
    const zoNee = await waitForQuestion(s, Q.resultaatdoelenWensen);
    expect(zoNee).not.toContain('Meer bereik onder ouderen');
    expect(s.screen()).toContain('Vraag 4 van 9');
    s.type('Wel wensen: meer spreekuren');
    s.press('ctrl-s');

    // And then on to the next question; "Zo ja" is not asked again.
    await waitForQuestion(s, Q.gemeenteraad);
    expect(activePrompt(s.screen())).not.toContain(Q.resultaatdoelenWelke);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);

    const doc = await readAnswers(ctx);
    expect(doc.antwoorden.resultaatdoelen).toBe('nee');
    expect(doc.antwoorden['resultaatdoelen-wensen']).toBe('Wel wensen: meer spreekuren');
    // The hidden "Zo ja" answer is kept (it comes back when the answer is "ja" again).
    expect(doc.antwoorden['resultaatdoelen-welke']).toBe('Meer bereik onder ouderen');
  });
});
