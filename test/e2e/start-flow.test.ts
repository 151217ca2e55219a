// The acceptance scenario, in a real pseudo-terminal: answer, stop
// with Ctrl+C, resume at the first open question, go back, finish, review,
// afronden, and `werkboek status` says "afgerond".
import { describe, expect, it } from 'vitest';
import { exitCodeOf, selectedChoice } from '../helpers/pty.js';
import { E2E_TIMEOUT, isoFromDisplay, readAnswers, runPlain, startSheet, useE2e } from './env.js';
import { answerLine, answerLines, answerUnknown, answerYesNo, Q, waitForQuestion } from './prompt.js';

describe('werkboek start gemeentelandschap (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('stops with Ctrl+C, resumes at the first open question, goes back, finishes and reports afgerond', async () => {
    const ctx = e2e();

    // --- session 1: answer a few questions, stop with Ctrl+C -------------------------------
    const first = startSheet(ctx);
    await answerLine(first, Q.naam, 'Anna de Vries');
    await answerLine(first, Q.bibliotheek, 'Bibliotheek Rivierenland');
    const datePrompt = await waitForQuestion(first, Q.datum);
    const shownDate = /(\d{2}-\d{2}-\d{4})/.exec(datePrompt)?.[1];
    expect(shownDate, 'Datum has today as its default').toBeDefined();
    first.press('enter'); // accept the default
    await answerYesNo(first, Q.themaInAgenda, 'Ja');
    await answerLines(first, Q.themaWijze, ['Coalitieakkoord 2022-2026:', 'paragraaf over digitale inclusie']);
    await answerLines(first, Q.aanspreekpunt, ['Jan Jansen', 'afdeling Sociaal Domein']);
    await answerYesNo(first, Q.resultaatdoelen, 'Nee');
    await waitForQuestion(first, Q.resultaatdoelenWensen);
    first.press('ctrl-c');

    expect(await exitCodeOf(first)).toBe(130);
    const stopped = first.screen();
    expect(stopped).toContain('Gestopt');
    // Started as after the README's set-up: the suggestion is a command that works here.
    // The command on a line of its own, so that wrapping never breaks it.
    expect(stopped).toContain('Ga verder met:\n  node bin/werkboek.js start gemeentelandschap');
    // The terminal is left usable: no bracketed paste mode, cursor visible again.
    const raw = first.raw();
    expect(raw.lastIndexOf('\x1b[?2004l')).toBeGreaterThan(raw.lastIndexOf('\x1b[?2004h'));
    expect(raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));

    const afterStop = await readAnswers(ctx);
    expect(afterStop.status).toBe('concept');
    expect(afterStop.antwoorden).toEqual({
      naam: 'Anna de Vries',
      bibliotheek: 'Bibliotheek Rivierenland',
      datum: isoFromDisplay(shownDate!),
      'thema-in-agenda': 'ja',
      'thema-in-agenda-wijze': 'Coalitieakkoord 2022-2026:\nparagraaf over digitale inclusie',
      aanspreekpunt: 'Jan Jansen\nafdeling Sociaal Domein',
      resultaatdoelen: 'nee',
    });

    // --- session 2: resume ------------------------------------------------------------------
    const second = startSheet(ctx);
    // 4 of the workbook's questions answered; 10 visible (the "ja" and "nee" follow-ups are shown,
    // the other branches not; Naam, Bibliotheek and Datum are counted apart).
    const resume = await second.waitFor('Verdergaan bij vraag');
    expect(resume).toContain('Je was al begonnen: 4 van 10 vragen beantwoord');
    expect(selectedChoice(resume)).toBe('Verdergaan bij vraag 5');
    second.press('enter');

    // Resumes at the first unanswered question.
    const resumed = await waitForQuestion(second, Q.resultaatdoelenWensen);
    expect(second.screen()).toContain('Vraag 5 van 10');
    expect(resumed).toContain('Ctrl+S klaar');

    // Back once: the yes/no, with the cursor on the stored answer.
    second.press('ctrl-t');
    const yesNo = await waitForQuestion(second, Q.resultaatdoelen);
    expect(selectedChoice(yesNo)).toBe('Nee');
    expect(second.screen()).toContain('Vraag 4 van 10');

    // Back once more: the multi-line answer, with its text filled in.
    second.press('ctrl-t');
    const multi = await waitForQuestion(second, Q.aanspreekpunt);
    expect(multi).toContain('  Jan Jansen');
    expect(multi).toContain('  afdeling Sociaal Domein');
    second.press('ctrl-s'); // keep it

    // Forward again: the yes/no still on "Nee", then its follow-up.
    const yesNoAgain = await waitForQuestion(second, Q.resultaatdoelen);
    expect(selectedChoice(yesNoAgain)).toBe('Nee');
    second.press('enter');

    // --- finish the worksheet -------------------------------------------------------------------
    await answerLines(second, Q.resultaatdoelenWensen, ['Meer digitale spreekuren', 'in de wijken']);
    await answerUnknown(second, Q.gemeenteraad);
    await answerUnknown(second, Q.relatieGemeente);
    await answerYesNo(second, Q.overlegstructuur, 'Ja');
    await answerLines(second, Q.overlegstructuurWie, ['Directeur en wethouder']);
    await answerYesNo(second, Q.relatieMetMt, 'Nee');

    const overview = await waitForQuestion(second, 'Overzicht');
    const review = second.screen();
    expect(review).toContain('Alle vragen zijn langsgekomen. Nog uit te zoeken: 2 vragen met "weet ik (nog) niet". Overzicht');
    expect(review).toMatch(/Is het thema digitale Inclusie.*weet ik \(nog\) niet/);
    expect(selectedChoice(overview)).toBe('✔ Werkblad afronden');
    second.press('enter');

    expect(await exitCodeOf(second)).toBe(0);
    expect(second.screen()).toContain('Werkblad 1 is afgerond.');

    // --- the answers file -------------------------------------------------------------------------
    const done = await readAnswers(ctx);
    expect(done.status).toBe('afgerond');
    expect(done.antwoorden).toEqual({
      naam: 'Anna de Vries',
      bibliotheek: 'Bibliotheek Rivierenland',
      datum: isoFromDisplay(shownDate!),
      'thema-in-agenda': 'ja',
      'thema-in-agenda-wijze': 'Coalitieakkoord 2022-2026:\nparagraaf over digitale inclusie',
      aanspreekpunt: 'Jan Jansen\nafdeling Sociaal Domein',
      resultaatdoelen: 'nee',
      'resultaatdoelen-wensen': 'Meer digitale spreekuren\nin de wijken',
      gemeenteraad: { weet_ik_niet: true },
      'relatie-gemeente': { weet_ik_niet: true },
      overlegstructuur: 'ja',
      'overlegstructuur-wie': 'Directeur en wethouder',
      'relatie-met-mt': 'nee',
    });

    // --- werkboek status ----------------------------------------------------------------------------
    const status = runPlain(ctx, ['status']);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/1\. Verken jouw gemeentelandschap \(gemeentelandschap\)\n\s+afgerond · laatst bijgewerkt/);
  });
});
