// `werkboek start` around the questions: one process per worksheet, no
// terminal, a broken answers file, a finished worksheet, and what the first
// screen looks like.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, selectedChoice } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, runPlain, startSheet, useE2e } from './env.js';
import { answerLine, Q, waitForQuestion } from './prompt.js';

describe('werkboek start: guards and screens (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('refuses a second start of the same worksheet while the first runs (exit 4), and allows it after Ctrl+C', async () => {
    const ctx = e2e();
    const first = startSheet(ctx);
    await answerLine(first, Q.naam, 'Anna');
    await waitForQuestion(first, Q.bibliotheek);

    const second = startSheet(ctx);
    expect(await exitCodeOf(second)).toBe(4);
    const refused = second.screen();
    expect(refused).toContain('al ingevuld');
    expect(refused).toContain('werkboek: Dit werkblad wordt al ingevuld in een ander venster');
    // The first one is not disturbed: it still asks its question and still saves.
    await answerLine(first, Q.bibliotheek, 'Bieb');
    await waitForQuestion(first, Q.datum);
    first.press('ctrl-c');
    expect(await exitCodeOf(first)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden).toEqual({ naam: 'Anna', bibliotheek: 'Bieb' });

    // Stopped: starting again works (and resumes).
    const third = startSheet(ctx);
    const resume = await third.waitFor('Verdergaan bij Datum');
    expect(resume).toContain('Je was al begonnen: 0 van 8 vragen beantwoord');
    third.press('enter');
    await waitForQuestion(third, Q.datum);
    third.press('ctrl-c');
    expect(await exitCodeOf(third)).toBe(130);
    expect(await readdir(ctx.map)).toEqual(['gemeentelandschap.yaml']);
  });

  it('refuses to start without a terminal (exit 2) and writes nothing', async () => {
    const ctx = e2e();
    const result = runPlain(ctx, ['start', 'gemeentelandschap'], '');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('terminal');
    expect(result.stderr).toContain('node bin/werkboek.js importeer antwoorden.yaml');
    expect(result.stdout).toBe('');
    // A colleague's start: the suggested command keeps --respondent (else it would fill in the coordinator's file).
    const colleague = runPlain(ctx, ['start', 'randvoorwaarden', '--respondent', 'Piet Bakker'], '');
    expect(colleague.status).toBe(2);
    expect(colleague.stderr).toContain('start randvoorwaarden --respondent "Piet Bakker" --eenvoudig');
    expect(await readdir(ctx.map)).toEqual([]);
    // In HOME at most the compiled code Node 20 keeps of the program itself (support/code-cache.ts): nothing of a dossier.
    const code = path.join('.cache', 'werkboek', 'code');
    const written = (await readdir(ctx.home, { recursive: true })).filter(
      (f) => f !== '.cache' && f !== path.dirname(code) && f !== code && !f.startsWith(code + path.sep),
    );
    expect(written).toEqual([]);
  });

  it('refuses a corrupt answers file with regel:kolom (exit 3) and leaves it byte for byte unchanged', async () => {
    const ctx = e2e();
    const corrupt = Buffer.from(
      '# met de hand bewerkt\nwerkblad: gemeentelandschap\nversie: 1\nstatus: concept\nantwoorden:\n  naam: [unclosed\n  bibliotheek: Bieb\n',
      'utf8',
    );
    await writeFile(ctx.answersFile, corrupt);

    const s = startSheet(ctx);
    expect(await exitCodeOf(s)).toBe(3);
    const screen = s.screen();
    expect(screen).toMatch(/gemeentelandschap\.yaml:\d+:\d+: /);
    expect(screen).toContain('Het bestand is niet gewijzigd');
    expect(screen).not.toContain('? Naam:');

    expect((await readFile(ctx.answersFile)).equals(corrupt)).toBe(true);
    // No lock, no backup, no temp file left behind.
    expect(await readdir(ctx.map)).toEqual(['gemeentelandschap.yaml']);
  });

  it('opens the review for a finished worksheet instead of starting over', async () => {
    const ctx = e2e();
    const finished = [
      'werkblad: gemeentelandschap',
      'versie: 1',
      'status: afgerond',
      'aangemaakt: 2026-01-05T10:00:00.000Z',
      'bijgewerkt: 2026-01-05T11:00:00.000Z',
      'programma: werkboek 0.1.0',
      'antwoorden:',
      '  naam: Anna',
      '  bibliotheek: Bieb',
      '  datum: 2026-01-05',
      '  thema-in-agenda: nee',
      '  aanspreekpunt: Jan Jansen',
      '  resultaatdoelen: nee',
      '  resultaatdoelen-wensen:',
      '    weet_ik_niet: true',
      '  gemeenteraad: nee',
      '  relatie-gemeente: Goed',
      '  overlegstructuur: nee',
      '  overlegstructuur-wie: De directeur',
      '  relatie-met-mt: nee',
      '',
    ].join('\n');
    await writeFile(ctx.answersFile, finished);

    const s = startSheet(ctx);
    const review = await waitForQuestion(s, 'Overzicht');
    const screen = s.screen();
    expect(screen).toContain('Dit werkblad is afgerond. Overzicht van je antwoorden:');
    expect(screen).not.toContain('Je was al begonnen');
    expect(screen).not.toContain('? Naam:');
    expect(review).toMatch(/Zo nee, zijn er wel wensen uitgesproken\? — weet ik \(nog\) niet/);
    expect(selectedChoice(review)).toBe('✔ Klaar (werkblad blijft afgerond)');

    s.press('enter');
    expect(await exitCodeOf(s)).toBe(0);
    const doc = await readAnswers(ctx);
    expect(doc.status).toBe('afgerond');
    expect(doc.antwoorden.naam).toBe('Anna');
    expect(doc.antwoorden['resultaatdoelen-wensen']).toEqual({ weet_ik_niet: true });
  });

  it('shows title, intro, progress, prompt and key hint at the first question', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await s.waitFor((sc) => sc.includes('? Naam:') && sc.includes('Ctrl+C stop'));
    const screen = s
      .logicalLines()
      .join('\n')
      .split(ctx.map)
      .join('<MAP>')
      // A long temp path is moved onto its own line by the word wrap.
      .replace(/bewaard in\n<MAP>/, 'bewaard in <MAP>')
      .trimEnd();
    expect(screen).toMatchInlineSnapshot(`
      "handvatten om antwoord te geven op bovenstaande vragen. Bekijk en doorloop de verschillende stappen
      en werk door middel van opdrachten aan het profileren van jouw digitale inclusie dienstverlening bij
      gemeente(s).

      Het werkboek doorloopt drie stappen, met voor elke stap een werkblad:

        1. Kennisvergroting en het in kaart brengen van het eigen gemeentelandschap
        2. De eigen randvoorwaarden van de IDO dienstverlening uitwerken
        3. Een plan van aanpak voor het profileren van het IDO bij gemeente(s) opstellen

      De hele inleiding (ook "Positionering vs. profilering" en de context) lees je met:
        node bin/werkboek.js inleiding

      Werkblad 1: Verken jouw gemeentelandschap

      Voordat je kunt starten met profileren is het belangrijk om inzicht te krijgen in diegene die
      tegenover je zit. Gebruik dit werkblad om de gemeente als stakeholder in kaart te brengen. Onderzoek
      hoe het thema digitale inclusie de afgelopen periode onderdeel van gesprek is geweest binnen de
      gemeente. Neem daarbij de maatschappelijke agenda/coalitie akkoord, moties en verschillende
      beleidsdocumenten eens onder de loep. Op die manier krijg je de context van de ontvanger van jouw
      boodschap in kaart.

      Tip: Breng niet alleen het gemeentelandschap in kaart, maar ook jouw contactpersoon. Bedenk daarbij
      in welke context zij zich bevinden: binnen welke afdeling werken zij, in welke functie, wat is hun
      mandaat en welke specifieke kennis over beleidsterreinen brengen zij met zich mee? Jouw
      contactpersoon werkt binnen de context en doelstellingen van de eigen organisatie.

      Gegevens · 1 van 3
      ? Naam:
      Enter volgende · Ctrl+C stop"
    `);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
  });
});
