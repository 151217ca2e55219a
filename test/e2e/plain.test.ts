// The plain mode in a real terminal: TERM=dumb uses it (and says so),
// --eenvoudig asks for it; the program writes no escape sequence at all,
// lines are typed with the terminal's own echo, and Ctrl+C (SIGINT) and
// Ctrl+D (end of input) stop as Ctrl+C does in the full screen: exit 130.
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e } from './env.js';
import { start } from '../helpers/pty.js';

/** The bytes from the terminal: only text, "\n", and the "\r" the terminal puts before each "\n". */
function expectOnlyText(raw: string): void {
  expect(raw).not.toContain('\u001b');
  expect([...raw.replace(/\r\n/g, '\n').matchAll(/[\u0000-\u0009\u000b-\u001f\u007f]/g)].map((m) => JSON.stringify(m[0]))).toEqual([]);
}

describe('plain mode in a terminal (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('TERM=dumb: line by line, said once, no escape sequences; Ctrl+C stops with exit 130 and keeps the answers', async () => {
    const ctx = e2e();
    const s = start(['start', 'gemeentelandschap'], { ...ctx.env, TERM: 'dumb' });
    await s.waitFor('Naam:');
    expect(s.history()).toContain('Deze terminal (TERM=dumb) kan geen schermen tekenen');
    expect(s.history()).toContain(':terug  naar de vorige vraag.');
    s.type('Anna\r');
    await s.waitFor('Bibliotheek:');
    s.type('Bieb Oost\r');
    await s.waitFor('Datum (dag-maand-jaar):');
    s.type('\r');
    await s.waitFor('1. Ja,  2. Nee,  3. Weet ik (nog) niet');
    s.type('ja\r');
    await s.waitFor('Sluit af met een regel met alleen een punt.');
    s.type('half');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect(s.history()).toContain('Gestopt.');
    expect((await readAnswers(ctx)).antwoorden).toMatchObject({ naam: 'Anna', bibliotheek: 'Bieb Oost', 'thema-in-agenda': 'ja' });
    expectOnlyText(s.raw());
  });

  it('--eenvoudig on a full terminal: :overzicht, ? and Ctrl+D (end of input) stop as Ctrl+C, exit 130', async () => {
    const ctx = e2e();
    const s = startSheet(ctx, ['--eenvoudig']);
    await s.waitFor('Naam:');
    s.type('Anna\r');
    await s.waitFor('Bibliotheek:');
    s.type('?\r');
    // The help, then the question again.
    await s.waitFor((screen) => /:hulp \(of een vraagteken\) {2}deze uitleg\.\s+Terug naar de vraag: Bibliotheek:$/.test(screen.trimEnd()));
    s.type(':overzicht\r');
    await s.waitFor('Enter kiest 1. Verder met de open vragen (vanaf Bibliotheek)');
    s.type('1\r');
    await s.waitFor((screen) => screen.trimEnd().endsWith('Bibliotheek:'));
    s.type('Bieb\r');
    await s.waitFor('Datum (dag-maand-jaar):');
    s.type('\r');
    await s.waitFor('1. Ja,  2. Nee');
    s.press('ctrl-d');
    expect(await exitCodeOf(s)).toBe(130);
    expect(s.history()).toContain('Einde van de invoer');
    expect((await readAnswers(ctx)).antwoorden).toMatchObject({ naam: 'Anna', bibliotheek: 'Bieb' });
    expectOnlyText(s.raw());
  });

  it('an error in the plain mode is plain text too (no colour codes on a terminal)', async () => {
    const ctx = e2e();
    const s = start(['start', 'gemeentelandshap', '--eenvoudig'], ctx.env);
    expect(await exitCodeOf(s)).toBe(2);
    expect(s.history()).toContain('gemeentelandschap');
    expectOnlyText(s.raw());
  });
});
