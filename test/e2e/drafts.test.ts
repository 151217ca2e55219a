// Every way out of a question keeps what was typed there as a draft
// (issue 23, item 1): Ctrl+T (back), Ctrl+N (weet ik niet), a window
// resize, an external editor that fails, and a toelichting left with Ctrl+T.
import { describe, expect, it } from 'vitest';
import { writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { activePrompt, exitCodeOf, type Session } from '../helpers/pty.js';
import { E2E_TIMEOUT, type E2eContext, readAnswers, startSheet, useE2e } from './env.js';
import { answerLine, answerMeta, answerYesNo, Q, waitForQuestion, openToelichtingOnNee } from './prompt.js';

const TYPED = 'Goed, maar het overleg is onregelmatig';
const NEE_WITH_TOELICHTING = { antwoord: 'nee', toelichting: 'alleen in de wijkagenda' };

/** Werkblad 1 to its first ja/nee question, a toelichting typed on "Nee", and Ctrl+T: back on the list, the toelichting under the question. */
async function toelichtingTypedThenBack(ctx: E2eContext): Promise<Session> {
  const s = startSheet(ctx);
  await answerMeta(s);
  await waitForQuestion(s, Q.themaInAgenda);
  await openToelichtingOnNee(s);
  s.type(NEE_WITH_TOELICHTING.toelichting);
  await s.waitFor(NEE_WITH_TOELICHTING.toelichting);
  s.press('ctrl-t');
  await waitForQuestion(s, Q.themaInAgenda);
  expect(s.screen()).toContain(`Toelichting: ${NEE_WITH_TOELICHTING.toelichting}`);
  return s;
}

describe('typed text survives every way out of a question (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('Ctrl+T at a one-line question keeps the typed text as a draft, shown again on return', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerLine(s, Q.naam, 'Anna');
    await waitForQuestion(s, Q.bibliotheek);
    s.type(TYPED);
    await s.waitFor(TYPED);
    s.press('ctrl-t');
    await waitForQuestion(s, Q.naam);
    s.press('enter');
    const back = await waitForQuestion(s, Q.bibliotheek);
    expect(back).toContain(TYPED);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    const doc = await readAnswers(ctx);
    expect((doc.concepten as Record<string, unknown>).bibliotheek).toBe(TYPED);
  });

  it('a resumed draft with text added, left with Ctrl+T, keeps the new text', async () => {
    const ctx = e2e();
    let s = startSheet(ctx);
    await answerLine(s, Q.naam, 'Anna');
    await waitForQuestion(s, Q.bibliotheek);
    s.type('Goed');
    await s.waitFor('Goed');
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    s = startSheet(ctx);
    await s.waitFor('Verdergaan bij Bibliotheek');
    s.press('enter');
    await s.waitFor((sc) => activePrompt(sc).startsWith(`? ${Q.bibliotheek}`) && sc.includes('Goed'));
    s.type(', maar onregelmatig');
    await s.waitFor('Goed, maar onregelmatig');
    s.press('ctrl-t');
    await waitForQuestion(s, Q.naam);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect(((await readAnswers(ctx)).concepten as Record<string, unknown>).bibliotheek).toBe('Goed, maar onregelmatig');
  });

  it('Ctrl+N at a multi-line question keeps the typed text as the earlier answer of "weet ik (nog) niet"', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Ja');
    await waitForQuestion(s, Q.themaWijze);
    s.type('Coalitieakkoord');
    await s.waitFor('Coalitieakkoord');
    s.press('ctrl-n');
    await waitForQuestion(s, Q.aanspreekpunt);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden['thema-in-agenda-wijze']).toEqual({ weet_ik_niet: true, eerder: 'Coalitieakkoord' });
  });

  it('a window resize while typing keeps the text in the prompt', async () => {
    const ctx = e2e();
    const s = startSheet(ctx);
    await answerLine(s, Q.naam, 'Anna');
    await waitForQuestion(s, Q.bibliotheek);
    s.type(TYPED);
    await s.waitFor(TYPED);
    s.resize(70, 24);
    s.type(' en zo');
    await s.waitFor(`${TYPED} en zo`);
    s.press('enter');
    await waitForQuestion(s, Q.datum);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect((await readAnswers(ctx)).antwoorden.bibliotheek).toBe(`${TYPED} en zo`);
  });

  it('an external editor that fails keeps the text, also on disk as a draft', async () => {
    const ctx = e2e();
    const editor = path.join(ctx.home, 'kapotte-editor');
    await writeFile(editor, '#!/bin/sh\nexit 3\n');
    await chmod(editor, 0o755);
    const s = startSheet({ ...ctx, env: { ...ctx.env, EDITOR: editor } } as typeof ctx);
    await answerMeta(s);
    await answerYesNo(s, Q.themaInAgenda, 'Ja');
    await waitForQuestion(s, Q.themaWijze);
    s.type('Coalitieakkoord');
    await s.waitFor('Coalitieakkoord');
    s.press('ctrl-e');
    await s.waitFor((sc) => /editor/i.test(sc) && activePrompt(sc).startsWith(`? ${Q.themaWijze}`) && activePrompt(sc).includes('Coalitieakkoord'));
    s.press('ctrl-t');
    await waitForQuestion(s, Q.themaInAgenda);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect(((await readAnswers(ctx)).concepten as Record<string, unknown>)['thema-in-agenda-wijze']).toBe('Coalitieakkoord');
  });

  it('a toelichting being typed, left with Ctrl+T twice, is kept with its choice as a draft', async () => {
    const ctx = e2e();
    const s = await toelichtingTypedThenBack(ctx);
    s.press('ctrl-t');
    await waitForQuestion(s, Q.datum);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect(((await readAnswers(ctx)).concepten as Record<string, unknown>)['thema-in-agenda']).toEqual(NEE_WITH_TOELICHTING);
  });

  it('a toelichting left with Ctrl+T, then Ctrl+C on the list: kept with its choice as a draft (a stop is a reply too)', async () => {
    const ctx = e2e();
    const s = await toelichtingTypedThenBack(ctx);
    s.press('ctrl-c');
    expect(await exitCodeOf(s)).toBe(130);
    expect(((await readAnswers(ctx)).concepten as Record<string, unknown>)['thema-in-agenda']).toEqual(NEE_WITH_TOELICHTING);
  });
});
