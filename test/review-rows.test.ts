// The overview's rows name a question by the workbook's number ("Stap 2 ·
// 4.1."), never by a count that shifts when a follow-up appears.
import { describe, expect, it } from 'vitest';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { reviewRow } from '../src/runner/review.js';
import { walk } from '../src/walk.js';

async function sheet(id: string) {
  const ws = (await loadShippedWorksheets()).find((w) => w.id === id);
  if (!ws) throw new Error(id);
  return ws;
}

const rowOf = (ws: Awaited<ReturnType<typeof sheet>>, answers: Record<string, unknown>, id: string) => {
  const w = walk(ws, answers as never);
  const v = w.visible.find((x) => x.question.id === id);
  if (!v) throw new Error(id);
  return reviewRow(w, v, 120);
};

describe('overview rows', () => {
  it('werkblad 1 (no numbers in the workbook): a row is the same before and after a follow-up appears', async () => {
    const ws = await sheet('gemeentelandschap');
    const before = rowOf(ws, { 'thema-in-agenda': 'nee' }, 'overlegstructuur-wie');
    const after = rowOf(ws, { 'thema-in-agenda': 'ja' }, 'overlegstructuur-wie');
    expect(after).toBe(before);
    expect(before).toMatch(/^Wie voert deze gesprekken\? — /);
  });

  it('werkblad 2: the stap and the workbook number', async () => {
    const ws = await sheet('randvoorwaarden');
    expect(rowOf(ws, {}, 'overzicht-aanbod-partners')).toMatch(/^Stap 2 · 4\.1\. Is er een volledig overzicht/);
  });
});

describe('overview rows use the room of the row', () => {
  it('a short question leaves its room to the answer, which is not cut while the row has room', async () => {
    const ws = await sheet('gemeentelandschap');
    const text = 'Raadsvragen over het IDO in 2025, en een motie over digitale inclusie';
    const w = walk(ws, { gemeenteraad: 'ja', 'gemeenteraad-manier': text } as never);
    const v = w.visible.find((x) => x.question.id === 'gemeenteraad-manier');
    if (!v) throw new Error('gemeenteraad-manier');
    const row = reviewRow(w, v, 100);
    expect(row).toContain(`— ${text}`);
    expect(row.length).toBeLessThanOrEqual(100);
    // Without the room, still cut, the question keeping its part.
    const narrow = reviewRow(w, v, 60);
    expect(narrow.length).toBeLessThanOrEqual(60);
    expect(narrow).toMatch(/…$/);
  });
});

describe('the overview title when every question had its turn', () => {
  it('says how many are still to find out: "weet ik (nog) niet", empty, and a partner with an open column', async () => {
    const { allAnsweredTitle } = await import('../src/runner/review.js');
    const ws = await sheet('gemeentelandschap');
    const all = Object.fromEntries(ws.steps.flatMap((s) => s.questions).map((q) => [q.id, q.type === 'yesno' ? 'nee' : 'x']));
    expect(allAnsweredTitle(walk(ws, all as never))).toBe('Alle vragen zijn beantwoord. Overzicht van je antwoorden:');
    const some = { ...all, aanspreekpunt: { weet_ik_niet: true }, 'relatie-gemeente': { weet_ik_niet: true } };
    expect(allAnsweredTitle(walk(ws, some as never))).toBe(
      'Alle vragen zijn langsgekomen. Nog uit te zoeken: 2 vragen met "weet ik (nog) niet". Overzicht van je antwoorden:',
    );
    const rv = await sheet('randvoorwaarden');
    const answers = Object.fromEntries(rv.steps.flatMap((s) => s.questions).map((q) => [q.id, q.type === 'group' ? [] : q.type === 'yesno' ? 'ja' : 'x']));
    answers.diensten = { weet_ik_niet: true } as never;
    answers.partners = [{ naam: 'SeniorWeb' }] as never;
    answers.samenwerkingsafspraken = true as never;
    const title = allAnsweredTitle(walk(rv, answers as never));
    expect(title).toBe(
      'Alle vragen zijn langsgekomen. Nog uit te zoeken: 1 vraag met "weet ik (nog) niet", 1 vraag leeg gelaten en bij 1 partner is nog niet alles bekend. Overzicht van je antwoorden:',
    );
  });
});

describe('narrow windows (40 columns)', () => {
  it('an overview row has the whole question and a longer answer (the list wraps it) instead of cutting them', async () => {
    const ws = await sheet('randvoorwaarden');
    const w = walk(ws, {} as never);
    const v = w.visible.find((x) => x.question.id === 'functies')!;
    expect(reviewRow(w, v, 40)).toBe(`Stap 3 · 1. en 2. ${v.question.label} — (open)`);
    const aanbod = 'Hulp bij belastingaangifte, in maart en april, in drie vestigingen';
    const answered = walk(ws, { 'partners-wenselijk': aanbod, 'partners-verwijzen-naar-ons': 'Welzijn\nen het wijkteam' } as never);
    const row = (id: string) => reviewRow(answered, answered.visible.find((x) => x.question.id === id)!, 40);
    expect(row('partners-wenselijk')).toBe(
      `Stap 2 · 4.3. Zijn er nog partners die nog geen onderdeel zijn van jouw digitale inclusie dienstverlening, maar wel wenselijk? — ${aanbod}`,
    );
    expect(row('partners-verwijzen-naar-ons')).toMatch(/ — Welzijn …$/);
    // From 50 columns a row is one line, as before.
    expect(reviewRow(answered, answered.visible.find((x) => x.question.id === 'partners-wenselijk')!, 57).length).toBeLessThanOrEqual(57);
  });

  it('a long answer of more lines is cut once ("…"), not "… …"', async () => {
    const ws = await sheet('randvoorwaarden');
    const w = walk(ws, { diensten: 'Spreekuur Digitale Overheid (dinsdag en donderdag)\nCursus Klik & Tik' } as never);
    const v = w.visible.find((x) => x.question.id === 'diensten')!;
    expect(reviewRow(w, v, 100)).toMatch(/ — Spreekuur Digitale Overheid \(dinsdag en…$/);
    expect(reviewRow(w, v, 200)).toMatch(/ — Spreekuur Digitale Overheid \(dinsdag en donderdag\) …$/);
  });

  it('the functies overview wraps between words instead of "IDO… · bet… · Spr…"', async () => {
    const { overview } = await import('../src/runner/groups.js');
    const ws = await sheet('randvoorwaarden');
    const functies = ws.steps.flatMap((s) => s.questions).find((q) => q.id === 'functies');
    if (functies?.type !== 'group') throw new Error('functies');
    const item = {
      functie: 'IDO-medewerker',
      soort: 'betaald',
      taken: 'Spreekuur en doorverwijzen',
      verantwoordelijkheden: 'Kwaliteit van de hulp',
      bevoegdheden: 'Afspraken maken',
      uren: 16,
    };
    const text = overview([item], functies.fields, 'functie', 40);
    expect(text).not.toMatch(/\w…/);
    expect(text).toContain('  1. IDO-medewerker · betaald ·\n     Spreekuur en doorverwijzen ·');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(
      text
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('     ')),
    ).toBe(true);
    // Wide enough: one line, as before.
    expect(overview([item], functies.fields, 'functie', 160).split('\n')).toHaveLength(1);
  });

  it('the partners overview wraps its cells whole instead of "Belastingservi… · Hulp bij belas…"; from 50 columns it may shorten them', async () => {
    const { overview } = await import('../src/runner/groups.js');
    const ws = await sheet('randvoorwaarden');
    const partners = ws.steps.flatMap((s) => s.questions).find((q) => q.id === 'partners');
    if (partners?.type !== 'group') throw new Error('partners');
    const item = { naam: 'Belastingservice (vrijwilligers)', aanbod: 'Hulp bij belastingaangifte.\nAlleen in maart en april.' };
    expect(overview([item], partners.fields, 'partner', 40)).toBe(
      '  1. Belastingservice (vrijwilligers) ·\n     Hulp bij belastingaangifte. /\n     Alleen in maart en april.',
    );
    expect(overview([item], partners.fields, 'partner', 60)).toBe('  1. Belastingservice (vrijwi… · Hulp bij belastingaangif…');
  });
});
