// What the screen looks like at other widths than 100 columns: no line that
// starts with a space after a line that exactly fills the width, and the
// overviews (review, repeat groups) using the whole width.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { wrapAnsi } from 'fast-wrap-ansi';
import type { Worksheet } from '../../src/definition/schema.js';
import { loadShippedWorksheets } from '../../src/definition/load.js';
import { walk } from '../../src/walk.js';
import { activePrompt, exitCodeOf, repoRoot, selectedChoice, start } from '../helpers/pty.js';
import { E2E_TIMEOUT, useE2e } from './env.js';
import { answerLine, answerMeta, Q, waitForQuestion } from './prompt.js';

let sheets: Worksheet[];
beforeAll(async () => {
  sheets = await loadShippedWorksheets();
});

/** A finished answers file: every visible question answered ("nee", "x", groups with these items). */
function finished(ws: Worksheet, groups: Record<string, unknown>): string {
  const answers: Record<string, unknown> = {};
  for (let next = walk(ws, answers as never).next; next; next = walk(ws, answers as never).next) {
    const q = next.question;
    answers[q.id] = q.type === 'yesno' ? 'nee' : q.type === 'date' ? '2026-11-27' : q.type === 'group' ? (q.extends ? true : (groups[q.id] ?? [])) : 'x';
  }
  return stringify({ werkblad: ws.id, versie: ws.version, status: 'afgerond', antwoorden: answers });
}

describe('screen widths (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('status at 40 columns wraps between words, not inside one', async () => {
    const ctx = e2e();
    const { copyFile } = await import('node:fs/promises');
    await copyFile(path.join(repoRoot, 'test', 'fixtures', 'reports', 'randvoorwaarden.yaml'), path.join(ctx.map, 'randvoorwaarden.yaml'));
    const s = start(['status'], ctx.env, { cols: 40 });
    expect(await exitCodeOf(s)).toBe(0);
    const rows = s.screen().split('\n');
    expect(rows.some((row) => row.includes('dienstverlening'))).toBe(true);
    expect(rows.some((row) => /laatst bijgewerkt/.test(row))).toBe(true);
  });

  it('--help at 40 columns: an example command breaks between words on the screen, and is one line to copy', async () => {
    const ctx = e2e();
    const s = start(['--help'], ctx.env, { cols: 40, rows: 60 });
    expect(await exitCodeOf(s)).toBe(0);
    const logical = s.logicalLines().map((l) => l.replace(/ {2,}/g, ' '));
    expect(logical.some((l) => /werkboek\.js start 2 --respondent "Piet Bakker"$/.test(l))).toBe(true);
    // No word cut by the terminal: never a full row ending in a letter with the next row going on with one.
    const rows = s.lines();
    rows.forEach((row, i) => {
      const next = rows[i + 1] ?? '';
      expect([...row].length === 40 && /\S$/.test(row) && /^\S/.test(next), `${row} | ${next}`).toBe(false);
    });
  });

  it('the introduction in a colour terminal: bold headings, no escape codes shown as text', async () => {
    const ctx = e2e();
    const s = start(['inleiding'], { WERKBOEK_MAP: ctx.map, HOME: ctx.home, TERM: 'xterm-256color' });
    expect(await exitCodeOf(s)).toBe(0);
    // All that was written (the screen has scrolled): the heading bold, no escape code made visible.
    expect(s.raw()).toContain('\x1b[1mIntroductie');
    expect(s.raw()).not.toContain('␛');
  });

  it('a question whose first line exactly fills the terminal does not start its next line with a space', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'gemeentelandschap')!;
    const message = ws.steps[0]!.questions[0]!.label;
    // A width at which inquirer's own wrapping fills the first line exactly.
    let cols = 0;
    for (let w = 100; w >= 40 && !cols; w--) {
      const rows = wrapAnsi(`? ${message}`, w, { trim: false, hard: true }).split('\n');
      if (rows.slice(1).some((r) => r.startsWith(' '))) cols = w;
    }
    expect(cols).toBeGreaterThan(0);
    const s = start(['start', 'gemeentelandschap'], ctx.env, { cols });
    await answerMeta(s);
    const prompt = await waitForQuestion(s, Q.themaInAgenda);
    s.press('enter');
    await waitForQuestion(s, Q.themaWijze);
    const screen = s.screen();
    s.press('ctrl-c');
    await exitCodeOf(s);
    // The second line of the question (the choices below it are indented on purpose).
    const second = prompt.split('\n')[1] ?? '';
    expect(second, `${cols} kolommen`).toMatch(/^\S/);
    expect(second).not.toMatch(/^(❯|Ja|Nee)/);
    // The echo of the answer too.
    const echo = screen.split('\n').filter((l) => l.startsWith('✔ Komt het thema'));
    expect(echo).toHaveLength(1);
    const after = screen.split('\n')[screen.split('\n').indexOf(echo[0]!) + 1] ?? '';
    expect(after.startsWith(' '), after).toBe(false);
  });

  it('at 40 columns a long choice goes on under its own text, and the key hint breaks between its parts', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'gemeentelandschap')!;
    await writeFile(ctx.answersFile, stringify({ werkblad: ws.id, versie: ws.version, status: 'concept', antwoorden: { naam: 'Anna', bibliotheek: 'Bieb' } }));
    const s = start(['start', 'gemeentelandschap'], ctx.env, { cols: 40 });
    const menu = activePrompt(await s.waitFor((sc) => sc.includes('Wat wil je doen?') && sc.includes('Ctrl+C stop')));
    const lines = menu.split('\n');
    const restart = lines.findIndex((l) => l.startsWith('  Opnieuw beginnen'));
    expect(restart, menu).toBeGreaterThan(0);
    // The rest of the choice under its text (two columns in, after "❯ "), not under the cursor mark.
    expect(lines[restart + 1], menu).toMatch(/^ {2}\S/);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    // Without a date of the last edit (a file written by hand): no "laatst bijgewerkt ." on the screen.
    expect(s.screen().replace(/\s+/g, ' ')).toContain('Je was al begonnen: 0 van 8 vragen beantwoord (wel de gegevens: 2 van 3). De inleiding');
    // Continue, accept the date: a yes/no question, whose key hint does not fit on one line at 40 columns.
    s.press('enter');
    await s.waitFor((sc) => activePrompt(sc).startsWith('? Datum'));
    s.press('enter');
    const question = await s.waitFor((sc) => activePrompt(sc).startsWith('? Komt het thema') && sc.includes('Ctrl+C stop'));
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    const rows = question.split('\n');
    expect(rows, question).toContain('Ctrl+C stop');
    expect(
      rows.some((r) => /Ctrl\+[A-Z]$/.test(r)),
      question,
    ).toBe(false);
    // The closing message wraps between words (the terminal cut "bewaard" into "bewaa" and "rd"); the command stays whole.
    const end = s.screen().split('\n');
    const stopped = end.findIndex((l) => l.startsWith('Gestopt.'));
    expect(end.slice(stopped, stopped + 2), s.screen()).toEqual(['Gestopt. Wat je hebt beantwoord is', 'bewaard in:']);
    // The file on a line of its own, whole (the terminal shows it on more rows): to copy as it is.
    expect(end.slice(stopped + 2).join(''), s.screen()).toContain(`  ${ctx.answersFile}Ga verder met:  node `);
  });

  it('at 200 columns the review and the partner overview use the width', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'randvoorwaarden')!;
    const aanbod = 'Hulp bij belastingaangifte voor mensen met een laag inkomen, in maart en april, op drie plekken in de stad';
    await writeFile(
      path.join(ctx.map, 'randvoorwaarden.yaml'),
      finished(ws, { partners: [{ naam: 'Belastingservice', aanbod }], functies: [{ functie: 'Digicoach', uren: 16.5 }] }),
    );
    const s = start(['start', 'randvoorwaarden'], ctx.env, { cols: 200 });
    const review = activePrompt(await s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && sc.includes('Later verder')));
    const rows = review.split('\n').filter((l) => l.includes(' — '));
    expect(
      rows.some((r) => r.length > 120),
      rows.join('\n'),
    ).toBe(true);
    expect(review).toContain('Stap 5 · a. III. Is er een cijfermatig overzicht van het aantal doorverwijzingen? — Nee');
    s.type('Stap 2 · 4. N');
    await s.waitFor((sc) => (selectedChoice(sc) ?? '').includes('4. Naar welke partners'));
    s.press('enter');
    const group = await s.waitFor((sc) => activePrompt(sc).startsWith('? 4. Naar welke partners'));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(group).toContain(`  1. Belastingservice · ${aanbod}`);
  });

  it('the overview at the end drawn again after the window was made wider: its rows fitted to the new width', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'randvoorwaarden')!;
    const aanbod = 'Hulp bij belastingaangifte voor mensen met een laag inkomen, in maart en april, op drie plekken in de stad';
    await writeFile(path.join(ctx.map, 'randvoorwaarden.yaml'), finished(ws, { partners: [{ naam: 'Belastingservice', aanbod }] }));
    const s = start(['start', 'randvoorwaarden'], ctx.env, { cols: 90 });
    const narrow = activePrompt(await s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && sc.includes('Later verder')));
    expect(narrow.split('\n').every((r) => r.length <= 90)).toBe(true);
    s.resize(200, 30);
    // Rows made again for 200 columns: longer than the 90 they had.
    const wide = activePrompt(
      await s.waitFor((sc) =>
        activePrompt(sc)
          .split('\n')
          .some((r) => r.includes(' — ') && r.length > 120),
      ),
    );
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(wide.split('? Overzicht').length - 1, wide).toBe(1);
  });

  it('the partner overview drawn again after the window was made narrower: at the new width, once', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'randvoorwaarden')!;
    const aanbod = 'Hulp bij belastingaangifte voor mensen met een laag inkomen, in maart en april, op drie plekken in de stad';
    await writeFile(path.join(ctx.map, 'randvoorwaarden.yaml'), finished(ws, { partners: [{ naam: 'Belastingservice', aanbod }] }));
    const s = start(['start', 'randvoorwaarden'], ctx.env, { cols: 200 });
    await s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && sc.includes('Later verder'));
    s.type('Stap 2 · 4. N');
    await s.waitFor((sc) => (selectedChoice(sc) ?? '').includes('4. Naar welke partners'));
    s.press('enter');
    await s.waitFor((sc) => activePrompt(sc).startsWith('? 4. Naar welke partners'));
    s.resize(60, 30);
    // The overview above the list made again for 60 columns: the partner on one row, its aanbod shortened.
    const narrow = await s.waitFor((sc) => sc.split('\n').some((row) => row.startsWith('  1. Belastingservice · Hulp bij') && row.endsWith('…')));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(narrow.split('1. Belastingservice').length - 1, narrow).toBe(1);
    for (const row of narrow.split('\n')) expect([...row].length, row).toBeLessThanOrEqual(60);
  });

  it('at 80 columns a newcomer reads what Enter does: "↑↓ Enter kiezen" on ja/nee, "Enter nieuwe regel" on a long text', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'gemeentelandschap')!;
    await writeFile(
      ctx.answersFile,
      stringify({ werkblad: ws.id, versie: ws.version, status: 'concept', antwoorden: { naam: 'Anna', bibliotheek: 'Bieb', datum: '2026-12-07' } }),
    );
    const s = start(['start', 'gemeentelandschap'], ctx.env, { cols: 80 });
    await s.waitFor((sc) => sc.includes('Wat wil je doen?') && sc.includes('Ctrl+C stop'));
    s.press('enter');
    const yesNo = await s.waitFor((sc) => activePrompt(sc).startsWith('? Komt het thema') && sc.includes('Ctrl+C stop'));
    expect(activePrompt(yesNo)).toContain('↑↓ Enter kiezen');
    s.press('enter');
    const long = await s.waitFor((sc) => activePrompt(sc).startsWith('? Noteer op welke wijze') && sc.includes('Ctrl+C stop'));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(activePrompt(long)).toContain('Enter nieuwe regel');
    for (const line of long.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('at 40 columns the key hint keeps every key a newcomer needs, on more lines: choosing, the toelichting, a new line', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'gemeentelandschap')!;
    await writeFile(
      ctx.answersFile,
      stringify({ werkblad: ws.id, versie: ws.version, status: 'concept', antwoorden: { naam: 'Anna', bibliotheek: 'Bieb', datum: '2026-12-07' } }),
    );
    // An editor on this computer, so the hint of a long answer offers Ctrl+E too.
    const s = start(['start', 'gemeentelandschap'], { ...ctx.env, EDITOR: 'true' }, { cols: 40 });
    await s.waitFor((sc) => sc.includes('Wat wil je doen?') && sc.includes('Ctrl+C stop'));
    s.press('enter');
    const yesNo = activePrompt(await s.waitFor((sc) => activePrompt(sc).startsWith('? Komt het thema') && sc.includes('Ctrl+C stop')));
    expect(yesNo.split('\n').slice(-3), yesNo).toEqual(['↑↓ Enter kiezen · Ctrl+T terug', 'Ctrl+N weet niet · Ctrl+O toelichting', 'Ctrl+C stop']);
    s.press('enter');
    const long = activePrompt(await s.waitFor((sc) => activePrompt(sc).startsWith('? Noteer op welke wijze') && sc.includes('Ctrl+C stop')));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(long.split('\n').slice(-3), long).toEqual([
      'Enter nieuwe regel · Ctrl+S klaar',
      'Ctrl+T terug · Ctrl+N weet niet',
      'Ctrl+E eigen teksteditor · Ctrl+C stop',
    ]);
    for (const line of [...yesNo.split('\n'), ...long.split('\n')]) expect(line.length, line).toBeLessThanOrEqual(40);
  });

  it('at 40 columns the review and the functions overview wrap between words instead of cutting', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'randvoorwaarden')!;
    const functie = {
      functie: 'IDO-medewerker',
      soort: 'betaald',
      taken: 'Spreekuur en doorverwijzen',
      verantwoordelijkheden: 'Kwaliteit',
      bevoegdheden: 'Afspraken',
      uren: 16,
    };
    await writeFile(path.join(ctx.map, 'randvoorwaarden.yaml'), finished(ws, { functies: [functie] }));
    const s = start(['start', 'randvoorwaarden'], ctx.env, { cols: 40 });
    const review = activePrompt(await s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && sc.includes('Later verder')));
    // A question of the overview is readable, over more lines, not "Stap 6 · c. Hoe is d… — x".
    expect(review.replace(/\n\s*/g, ' ')).toContain(
      'Stap 6 · c. Hoe is de bestuurlijke (eind)verantwoordelijkheid van de digitale inclusie dienstverlening geregeld? — x',
    );
    for (const line of review.split('\n')) expect(line.length, line).toBeLessThanOrEqual(40);
    s.type('Stap 3 · 1');
    await s.waitFor((sc) => (selectedChoice(sc) ?? '').includes('1. en 2.'));
    s.press('enter');
    const group = await s.waitFor((sc) => activePrompt(sc).startsWith('? 1. en 2.') && sc.includes('Ctrl+C stop'));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(group).toContain('  1. IDO-medewerker · betaald ·\n     Spreekuur en doorverwijzen ·');
    expect(group).not.toMatch(/IDO… · bet…/);
  });

  it('at 40 columns the commands of the intro break between words, each still one line to copy, and a message of a check wraps between words', async () => {
    const ctx = e2e();
    const s = start(['start', 'randvoorwaarden'], ctx.env, { cols: 40 });
    await waitForQuestion(s, 'Naam');
    const history = s.history();
    // No word of a command cut by the terminal ("--res" / "pondent"); double quotes, which cmd reads too.
    expect(history).not.toMatch(/--res\n/);
    const rows = history.split('\n');
    const at = rows.findIndex((r) => r.trim() === '"Naam collega"' || r.trim().endsWith('--respondent "Naam collega"'));
    expect(at, history).toBeGreaterThan(0);
    // One logical line: the rows were filled up to the edge, not broken with a newline.
    expect(s.logicalLines().some((l) => l.replace(/ +/g, ' ').includes(' start randvoorwaarden --respondent "Naam collega"'))).toBe(true);
    await answerLine(s, 'Naam', 'Anna');
    await answerLine(s, 'Bibliotheek', 'Bieb');
    await waitForQuestion(s, 'Datum');
    s.press('backspace', 12);
    s.type('29-02-2026');
    s.press('enter');
    const screen = await s.waitFor('bestaat niet');
    s.press('ctrl-c');
    await exitCodeOf(s);
    const lines = screen.split('\n');
    const from = lines.findIndex((l) => l.includes('bestaat niet'));
    expect(lines.slice(from, from + 2).join(' '), screen).toBe('29-02-2026 bestaat niet: februari 2026 heeft 28 dagen.');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
  });

  it('the overview at the end: its title is drawn again after a resize, and a short question leaves its room to the answer', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'gemeentelandschap')!;
    const text = 'Raadsvragen over het IDO in 2025 en een motie';
    const answers = { naam: 'Anna', bibliotheek: 'Bieb', datum: '2026-11-27', gemeenteraad: 'ja', 'gemeenteraad-manier': text };
    await writeFile(ctx.answersFile, stringify({ werkblad: ws.id, versie: ws.version, status: 'afgerond', antwoorden: answers }));
    const s = start(['start', 'gemeentelandschap'], ctx.env);
    const before = await s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && sc.includes('Ctrl+C stop'));
    expect(before).toContain(`Zo ja, op welke manier? — ${text}`);
    s.resize(70, 30);
    // Drawn again on a cleared screen: the title with it (it used to be printed above the prompt, and was gone).
    const after = await s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && !sc.includes('Antwoorden worden na elke vraag bewaard'));
    expect(after).toContain('Dit werkblad is afgerond. Overzicht van je antwoorden:');
    s.press('ctrl-c');
    await exitCodeOf(s);
  });

  it('the functions overview shows 16,5 uur, not 16.5', async () => {
    const ctx = e2e();
    const ws = sheets.find((s) => s.id === 'randvoorwaarden')!;
    await writeFile(path.join(ctx.map, 'randvoorwaarden.yaml'), finished(ws, { functies: [{ functie: 'Digicoach', soort: 'vrijwillig', uren: 16.5 }] }));
    const s = start(['start', 'randvoorwaarden'], ctx.env);
    await s.waitFor((sc) => activePrompt(sc).startsWith('? Overzicht') && sc.includes('Later verder'));
    s.type('Stap 3 · 1');
    await s.waitFor((sc) => (selectedChoice(sc) ?? '').includes('1. en 2.'));
    s.press('enter');
    const group = await s.waitFor((sc) => activePrompt(sc).startsWith('? 1. en 2.'));
    s.press('ctrl-c');
    await exitCodeOf(s);
    expect(group).toContain('  1. Digicoach · vrijwillig · – · – · – · 16,5 uur per week');
  });
});
