// A window made narrower or wider while a question is open: the terminal
// reflows what is on the screen (xterm.js does, as Windows Terminal, the
// Windows console, tmux and most others do), so the prompt is drawn again at
// the new width on a cleared screen, with what was typed or chosen kept, and
// no stale piece of the old drawing left behind.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { activePrompt, exitCodeOf, selectedChoice, start, type Session } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e } from './env.js';
import { answerMeta, Q, waitForQuestion } from './prompt.js';

/** How often a text occurs on the screen, with the rows the terminal wrapped joined again. */
function occurrences(s: Session, text: string): number {
  return s.logicalLines().join('\n').split(text).length - 1;
}

/** Every row fits the width: nothing was drawn for the old, wider window. */
function fits(s: Session, cols: number): boolean {
  return s.lines().every((row) => [...row].length <= cols);
}

describe('a window resize during a question (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('narrower at a ja/nee question: drawn again at the new width, once, and the highlighted choice stays', async () => {
    const ctx = e2e();
    const s = startSheet(ctx, []);
    await answerMeta(s);
    await waitForQuestion(s, Q.themaInAgenda);
    s.press('down');
    await s.waitFor((sc) => selectedChoice(activePrompt(sc)) === 'Nee');
    s.resize(40, 30);
    // Drawn again on its own, without a key: the question wrapped at 40 columns.
    const screen = await s.waitFor((sc) => activePrompt(sc).startsWith('? Komt het thema') && fits(s, 40));
    expect(occurrences(s, 'Komt het thema'), screen).toBe(1);
    expect(fits(s, 40), screen).toBe(true);
    expect(selectedChoice(activePrompt(screen))).toBe('Nee');
    // Keys work as before, and nothing of the old drawing comes back.
    s.press('up');
    const after = await s.waitFor((sc) => selectedChoice(activePrompt(sc)) === 'Ja');
    expect(occurrences(s, 'Komt het thema'), after).toBe(1);
    s.press('enter');
    await waitForQuestion(s, Q.themaWijze);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden['thema-in-agenda']).toBe('ja');
  });

  it('narrower, then wider, while typing a long text: the text and the cursor stay, nothing stale', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await waitForQuestion(s, Q.themaInAgenda);
    s.press('enter');
    await waitForQuestion(s, Q.themaWijze);
    const typed = 'In het coalitieakkoord staat een alinea over digitale inclusie en de bibliotheek';
    s.type(typed);
    await s.waitFor('bibliotheek');
    s.press('left', 11);
    s.resize(40, 30);
    // Drawn again once (the terminal's reflow of the old drawing showed it several times).
    await s.waitFor((sc) => activePrompt(sc).startsWith(`? ${Q.themaWijze}`) && occurrences(s, Q.themaWijze) === 1);
    s.resize(90, 30);
    await s.waitFor((sc) => activePrompt(sc).startsWith(`? ${Q.themaWijze}`) && sc.includes(typed) && occurrences(s, Q.themaWijze) === 1);
    // The cursor stayed where it was: typing goes in before "bibliotheek".
    s.type('openbare ');
    await s.waitFor('de openbare');
    s.press('ctrl-s');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden['thema-in-agenda-wijze']).toBe(typed.replace('de bibliotheek', 'de openbare bibliotheek'));
  });

  it('narrower at the menu of a begun worksheet: its long choices drawn again once, under their own text', async () => {
    const ctx = e2e();
    await writeFile(ctx.answersFile, stringify({ werkblad: 'gemeentelandschap', status: 'concept', antwoorden: { naam: 'Anna', bibliotheek: 'Bieb' } }));
    const s = startSheet(ctx);
    await s.waitFor((sc) => activePrompt(sc).startsWith('? Wat wil je doen?') && sc.includes('Opnieuw beginnen'));
    s.resize(40, 30);
    s.press('down');
    // The key pressed while the window was still settling counts: the list is drawn again on the choice below the first.
    const again = await s.waitFor(
      (sc) =>
        occurrences(s, 'Opnieuw beginnen') === 1 &&
        occurrences(s, 'Wat wil je doen?') === 1 &&
        selectedChoice(activePrompt(sc))?.startsWith('Overzicht') === true,
    );
    const lines = activePrompt(s.screen()).split('\n');
    const restart = lines.findIndex((l) => l.includes('Opnieuw beginnen'));
    expect(lines[restart + 1], again).toMatch(/^ {2}\S/);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
  });

  it('narrower in a list of choices to tick: what was ticked stays ticked', async () => {
    const ctx = e2e();
    const own = path.join(ctx.home, 'eigen werkbladen');
    await mkdir(own);
    const options = [
      'Spreekuren in de bibliotheek voor vragen over de digitale overheid',
      'Cursussen Klik & Tik en Digisterker voor beginners',
      'Hulp bij het aanvragen van een DigiD',
    ];
    await writeFile(
      path.join(own, 'aanbod.yaml'),
      stringify({
        id: 'aanbod',
        version: 1,
        number: 7,
        title: 'Aanbod',
        steps: [
          {
            id: 's',
            title: 'Stap 1. Aanbod',
            questions: [{ id: 'diensten', type: 'multichoice', label: 'Welke diensten biedt de bibliotheek aan inwoners aan?', options }],
          },
        ],
      }),
    );
    const s = start(['start', 'aanbod', '--werkbladen', own], ctx.env, { cols: 100 });
    await s.waitFor((sc) => activePrompt(sc).startsWith('? Welke diensten'));
    s.press('down');
    s.press('space');
    await s.waitFor((sc) => /◉ Cursussen/.test(sc));
    s.resize(40, 30);
    s.press('down');
    await s.waitFor(() => occurrences(s, 'Welke diensten') === 1 && occurrences(s, 'Hulp bij') === 1 && fits(s, 40) && /◉ Cursussen/.test(s.screen()));
    s.press('enter');
    await s.waitFor((sc) => sc.includes('✔'));
    s.press('ctrl-c');
    await exitCodeOf(s);
    const doc = parse(await readFile(path.join(ctx.map, 'aanbod.yaml'), 'utf8')) as { antwoorden: Record<string, unknown> };
    expect(doc.antwoorden.diensten).toEqual([options[1]]);
  });
});
