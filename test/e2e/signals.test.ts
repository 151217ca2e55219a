// Closing the terminal window (SIGHUP) or logging out / shutting down
// (SIGTERM) in the middle of an answer: the typed text is kept as a draft
// exactly as with Ctrl+C, the lock is released, no temp file is left, the
// exit code says which signal it was, and the next start goes on with it.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, type Session } from '../helpers/pty.js';
import { E2E_TIMEOUT, readAnswers, startSheet, useE2e, type E2eContext } from './env.js';
import { answerMeta, answerYesNo, Q, waitForQuestion } from './prompt.js';

describe('stopping by a signal mid-answer (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  /** Answer up to "Noteer op welke wijze." and type two lines there without confirming. */
  async function typeHalfAnswer(ctx: E2eContext): Promise<Session> {
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Ja');
    await waitForQuestion(s, Q.themaWijze);
    s.type('Coalitieakkoord');
    s.press('enter');
    s.type('half getypt');
    await s.waitFor('  half getypt');
    return s;
  }

  /** After the stop: the text is a draft (not an answer), nothing else is left in the map. */
  async function expectKeptAsDraft(ctx: E2eContext): Promise<void> {
    const doc = await readAnswers(ctx);
    expect(doc.antwoorden).not.toHaveProperty('thema-in-agenda-wijze');
    expect(doc.antwoorden['thema-in-agenda']).toBe('ja');
    expect(doc.concepten).toEqual({ 'thema-in-agenda-wijze': 'Coalitieakkoord\nhalf getypt' });
    // No lock folder, no temp file of an atomic save.
    expect(await readdir(ctx.map)).toEqual(['gemeentelandschap.yaml']);
  }

  /** Start again: back at the question, the draft in the editor, marked as not confirmed. */
  async function expectResumedWithDraft(ctx: E2eContext): Promise<void> {
    const s = startSheet(ctx);
    const resume = await s.waitFor('Verdergaan bij vraag 2');
    expect(resume).toContain('(en 1 onbevestigd antwoord)');
    s.press('enter');
    const prompt = await waitForQuestion(s, Q.themaWijze);
    expect(prompt).toContain('  Coalitieakkoord');
    expect(prompt).toContain('  half getypt');
    expect(s.screen()).toContain('Onbevestigd antwoord');
    s.type(' en af');
    s.press('ctrl-s');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    const doc = await readAnswers(ctx);
    expect(doc.antwoorden['thema-in-agenda-wijze']).toBe('Coalitieakkoord\nhalf getypt en af');
    expect(doc).not.toHaveProperty('concepten');
  }

  it('SIGHUP mid-answer keeps the typed text as a draft, exits 129, and resume goes on with it', async () => {
    const ctx = e2e();
    const s = await typeHalfAnswer(ctx);
    s.signal('SIGHUP');
    expect(await exitCodeOf(s)).toBe(129);
    expect(s.screen()).toContain('Gestopt (het venster werd gesloten).');
    expect(s.screen()).toContain('Ook wat je bij vraag 2 aan het typen was, is bewaard, als onbevestigd antwoord.');
    await expectKeptAsDraft(ctx);
    await expectResumedWithDraft(ctx);
  });

  it('SIGTERM mid-answer keeps the typed text as a draft and exits 143', async () => {
    const ctx = e2e();
    const s = await typeHalfAnswer(ctx);
    s.signal('SIGTERM');
    expect(await exitCodeOf(s)).toBe(143);
    expect(s.screen()).toContain('Gestopt (het systeem vroeg om te stoppen).');
    await expectKeptAsDraft(ctx);
    await expectResumedWithDraft(ctx);
  });

  it('closing the terminal window (terminal gone, then SIGHUP) keeps the draft and does not crash on the dead terminal', async () => {
    const ctx = e2e();
    const s = await typeHalfAnswer(ctx);
    s.closeWindow();
    expect(await exitCodeOf(s)).toBe(129);
    await expectKeptAsDraft(ctx);
    await expectResumedWithDraft(ctx);
  });

  it('SIGTERM on a one-line question and on a list: exit 143, a list has nothing to keep', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await waitForQuestion(s, Q.naam);
    s.type('Anna de');
    await s.waitFor('? Naam: Anna de');
    s.signal('SIGTERM');
    expect(await exitCodeOf(s)).toBe(143);
    expect(s.screen()).toContain('Wat je aan het typen was, is als onbevestigd antwoord');
    expect((await readAnswers(ctx)).concepten).toEqual({ naam: 'Anna de' });

    const again = startSheet(ctx);
    const prompt = await waitForQuestion(again, Q.naam);
    expect(prompt).toContain('? Naam: Anna de');
    again.type('rs');
    again.press('enter');
    await waitForQuestion(again, Q.bibliotheek);
    again.type('Bieb');
    again.press('enter');
    await waitForQuestion(again, Q.datum);
    again.press('enter');
    await waitForQuestion(again, Q.themaInAgenda);
    again.signal('SIGTERM');
    expect(await exitCodeOf(again)).toBe(143);
    const doc = await readAnswers(ctx);
    expect(doc.antwoorden).toMatchObject({ naam: 'Anna ders', bibliotheek: 'Bieb' });
    expect(doc).not.toHaveProperty('concepten');
    expect(await readdir(ctx.map)).toEqual(['gemeentelandschap.yaml']);
  });
});
