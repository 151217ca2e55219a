// The walk engine, on every branch of every shipped worksheet: which
// follow-up questions are visible for ja / nee / weet ik niet / open, what
// is next, progress, back navigation, groups and ontwikkelpunten.
// Cases are derived from the definitions (so a new follow-up question is
// covered automatically) and spelled out for the main ones.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Condition, Question, Worksheet } from '../src/definition/schema.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { allQuestions } from '../src/definition/questions.js';
import { loadDefinitionFile } from '../src/definition/check.js';
import { unknownAnswer, type AnswerValue, type Answers, type GroupItem } from '../src/dossier/answers.js';
import {
  developmentPoints,
  findVisible,
  followUps,
  groupBaseId,
  groupGaps,
  groupItems,
  META_SECTION_ID,
  previousVisible,
  progressLabel,
  questionCounts,
  questionRef,
  sectionsOf,
  stateOf,
  walk,
  type WalkResult,
} from '../src/walk.js';
import { fixturesDir } from './helpers/temp.js';

let sheets: Worksheet[] = [];
let G: Worksheet; // gemeentelandschap: meta + one step
let R: Worksheet; // randvoorwaarden: meta + six steps
let P: Worksheet; // plan-van-aanpak: meta + one step, no conditions
let V: Worksheet; // test fixture: chains, any/all, choice/multichoice/number conditions

beforeAll(async () => {
  sheets = await loadShippedWorksheets();
  const byId = (id: string) => {
    const ws = sheets.find((s) => s.id === id);
    if (!ws) throw new Error(`missing worksheet ${id}`);
    return ws;
  };
  G = byId('gemeentelandschap');
  R = byId('randvoorwaarden');
  P = byId('plan-van-aanpak');
  V = await loadDefinitionFile(path.join(fixturesDir, 'definitions', 'voorwaarden.yaml'));
});

// --- helpers ------------------------------------------------------------------

const UNKNOWN = unknownAnswer();

/** The answer states a yes/no question can be in. */
const YESNO_STATES: { name: string; value: AnswerValue | undefined }[] = [
  { name: 'ja', value: 'ja' },
  { name: 'nee', value: 'nee' },
  { name: 'weet ik niet', value: UNKNOWN },
  { name: 'open', value: undefined },
  { name: 'bewust leeg', value: '' },
];

const visibleIds = (r: WalkResult) => r.visible.map((v) => v.question.id);
const isVisible = (ws: Worksheet, answers: Answers, id: string) => visibleIds(walk(ws, answers)).includes(id);
const questionById = (ws: Worksheet, id: string): Question => {
  const q = allQuestions(ws).find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} in ${ws.id}`);
  return q;
};

/** The questions a condition names, in the order they appear in it (any/all included). */
function controllersOf(cond: Condition): string[] {
  if ('question' in cond) return [cond.question];
  const list = 'any' in cond ? cond.any : cond.all;
  return [...new Set(list.flatMap(controllersOf))];
}

/**
 * The test's own reading of a condition, given the answers of its controllers
 * (all assumed visible): a simple condition holds when the answer is one of
 * the values; any/all as their names say.
 */
function expectHolds(cond: Condition, answers: Answers): boolean {
  if ('any' in cond) return cond.any.some((c) => expectHolds(c, answers));
  if ('all' in cond) return cond.all.every((c) => expectHolds(c, answers));
  const value = answers[cond.question];
  const wanted = Array.isArray(cond.is) ? cond.is : [cond.is];
  return typeof value === 'string' && wanted.includes(value);
}

/** Answers that make the controllers of a condition visible and the condition true (the first branch of an any). */
function satisfyCondition(ws: Worksheet, cond: Condition, answers: Answers): Answers {
  if ('any' in cond) return cond.any[0] ? satisfyCondition(ws, cond.any[0], answers) : answers;
  if ('all' in cond) return cond.all.reduce((a, c) => satisfyCondition(ws, c, a), answers);
  const value = Array.isArray(cond.is) ? cond.is[0]! : cond.is;
  return satisfy(ws, cond.question, { ...answers, [cond.question]: value });
}

/** Answers that make `id` visible (its condition, and its condition's condition, satisfied). */
function satisfy(ws: Worksheet, id: string, answers: Answers = {}): Answers {
  const q = questionById(ws, id);
  return q.when ? satisfyCondition(ws, q.when, answers) : answers;
}

/** Every combination of the yes/no states for these questions. */
function combinations(ids: string[]): { name: string; answers: Answers }[] {
  let result: { name: string; answers: Answers }[] = [{ name: '', answers: {} }];
  for (const id of ids) {
    result = result.flatMap((r) =>
      YESNO_STATES.map((state) => ({
        name: `${r.name}${r.name ? ', ' : ''}${id} = ${state.name}`,
        answers: { ...r.answers, [id]: state.value },
      })),
    );
  }
  return result;
}

/** Answer every question the way `choose` says, in walk order, like a user would. */
function fillAll(ws: Worksheet, choose: (q: Question) => AnswerValue): Answers {
  const answers: Answers = {};
  for (let guard = 0; guard < 1000; guard++) {
    const next = walk(ws, answers).next;
    if (!next) return answers;
    answers[next.question.id] = choose(next.question);
  }
  throw new Error('fillAll did not finish');
}

const answerAll =
  (yesno: AnswerValue) =>
  (q: Question): AnswerValue => {
    if (q.type === 'yesno') return yesno;
    if (q.type === 'group') return q.extends ? true : [];
    if (q.type === 'number') return 1;
    if (q.type === 'multichoice') return [];
    if (q.type === 'date') return '2026-11-27';
    return 'tekst';
  };

/** Questions with a `when`, per worksheet, as [worksheet, question, controlling ids, condition]. */
function conditionalQuestions(): [string, string, string[], Condition][] {
  return sheets.flatMap((ws) =>
    allQuestions(ws)
      .filter((q) => q.when)
      .map((q): [string, string, string[], Condition] => [ws.id, q.id, controllersOf(q.when!), q.when!]),
  );
}

// --- derived from the definitions ---------------------------------------------

describe('every conditional question of every worksheet (derived)', () => {
  it('the shipped sheets have the expected follow-up questions', () => {
    expect(conditionalQuestions().map(([ws, q]) => `${ws}:${q}`)).toEqual([
      'gemeentelandschap:thema-in-agenda-wijze',
      'gemeentelandschap:resultaatdoelen-welke',
      'gemeentelandschap:resultaatdoelen-wensen',
      'gemeentelandschap:gemeenteraad-manier',
      'gemeentelandschap:relatie-met-mt-wijze',
      'randvoorwaarden:doelen-welke',
      'randvoorwaarden:signalen-hiaten',
      'randvoorwaarden:uren-nodig',
      'randvoorwaarden:doorverwijzingen-partners',
      'randvoorwaarden:partners-registratie-hoe',
      'randvoorwaarden:partners-registratie-formaliseren',
      'randvoorwaarden:begroting-dekkend',
    ]);
  });

  it('is visible exactly when its condition holds, for every combination of ja / nee / weet ik niet / open / leeg', () => {
    let checked = 0;
    let expectedChecks = 0;
    for (const [wsId, id, controllers, cond] of conditionalQuestions()) {
      const ws = sheets.find((s) => s.id === wsId)!;
      for (const c of controllers) expect(questionById(ws, c).type, `${id} depends on a yes/no question`).toBe('yesno');
      // The controllers themselves visible (their own conditions satisfied), then every combination of their answers.
      const base = controllers.reduce((a, c) => satisfy(ws, c, a), {} as Answers);
      for (const combo of combinations(controllers)) {
        const answers: Answers = { ...base, ...combo.answers };
        expect(isVisible(ws, answers, id), `${wsId}: ${id} when ${combo.name}`).toBe(expectHolds(cond, combo.answers));
        checked++;
      }
      expectedChecks += YESNO_STATES.length ** controllers.length;
    }
    // 12 conditional questions; begroting-dekkend depends on two questions (5 x 5 combinations).
    expect(checked).toBe(expectedChecks);
    expect(checked).toBe(11 * YESNO_STATES.length + YESNO_STATES.length ** 2);
  });

  it('for every yes/no question: ja, nee, weet ik niet and open show exactly the matching follow-ups', () => {
    for (const ws of sheets) {
      const conditional = allQuestions(ws).filter((q) => q.when);
      for (const q of allQuestions(ws).filter((x) => x.type === 'yesno')) {
        const followUps = conditional.filter((f) => controllersOf(f.when!).includes(q.id));
        for (const state of YESNO_STATES) {
          const r = walk(ws, { [q.id]: state.value });
          const shown = followUps.filter((f) => visibleIds(r).includes(f.id)).map((f) => f.id);
          const expected = followUps.filter((f) => expectHolds(f.when!, { [q.id]: state.value })).map((f) => f.id);
          expect(shown, `${ws.id}: ${q.id} = ${state.name}`).toEqual(expected);
        }
      }
    }
  });

  it('questions without a condition are always visible, whatever the answers', () => {
    for (const ws of sheets) {
      const always = allQuestions(ws)
        .filter((q) => !q.when)
        .map((q) => q.id);
      for (const yesno of ['ja', 'nee', UNKNOWN, ''] as AnswerValue[]) {
        const r = walk(ws, fillAll(ws, answerAll(yesno)));
        expect(
          always.every((id) => visibleIds(r).includes(id)),
          `${ws.id} all ${JSON.stringify(yesno)}`,
        ).toBe(true);
      }
    }
  });

  it('a follow-up comes right after the question it depends on (no question in between is skipped)', () => {
    for (const ws of sheets) {
      const all = allQuestions(ws);
      for (const [i, q] of all.entries()) {
        if (!q.when) continue;
        const controllers = controllersOf(q.when);
        // the last of its controllers in the worksheet
        const controller = controllers.reduce((a, b) => (all.findIndex((x) => x.id === a) > all.findIndex((x) => x.id === b) ? a : b));
        const r = walk(ws, satisfy(ws, q.id));
        const prev = previousVisible(r, q.id);
        // the previous visible question is the (last) controller or a sibling follow-up of it
        const prevQ = prev?.question;
        expect(prevQ && (prevQ.id === controller || (prevQ.when && controllersOf(prevQ.when).includes(controller))), `${ws.id}:${q.id}`).toBeTruthy();
        for (const c of controllers) expect(i).toBeGreaterThan(all.findIndex((x) => x.id === c));
      }
    }
  });

  it('filling in a whole worksheet ends with nothing open, done = total, and walk order = definition order', () => {
    for (const ws of sheets) {
      for (const yesno of ['ja', 'nee', UNKNOWN] as AnswerValue[]) {
        const answers = fillAll(ws, answerAll(yesno));
        const r = walk(ws, answers);
        expect(r.next).toBeUndefined();
        expect(r.done).toBe(r.total);
        expect(r.hiddenWithAnswer).toEqual([]);
        const order = allQuestions(ws).map((q) => q.id);
        const ids = visibleIds(r);
        expect([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ids);
        // positions: the meta fields 1..3 apart, the workbook's questions 1..total
        const positions = (kind: string) => r.visible.filter((v) => v.section.kind === kind).map((v) => v.position);
        expect(positions('step')).toEqual(Array.from({ length: r.total }, (_, i) => i + 1));
        expect(positions('meta')).toEqual(Array.from({ length: r.meta.total }, (_, i) => i + 1));
        expect(r.meta).toEqual({ done: ws.meta?.length ?? 0, total: ws.meta?.length ?? 0 });
      }
    }
  });

  it('answering a question never changes what is visible before it', () => {
    for (const ws of sheets) {
      const answers: Answers = {};
      for (;;) {
        const before = walk(ws, answers);
        if (!before.next) break;
        const pos = before.visible.indexOf(before.next) + 1;
        answers[before.next.question.id] = answerAll('ja')(before.next.question);
        const after = walk(ws, answers);
        expect(visibleIds(after).slice(0, pos)).toEqual(visibleIds(before).slice(0, pos));
      }
    }
  });
});

// --- explicit, readable cases ------------------------------------------------------

describe('gemeentelandschap, spelled out', () => {
  const META: Answers = { naam: 'An', bibliotheek: 'Bieb', datum: '2026-11-27' };

  it('empty: meta first (counted apart), 8 visible questions, no follow-ups', () => {
    const r = walk(G, {});
    expect(r.total).toBe(8);
    expect(r.done).toBe(0);
    expect(r.meta).toEqual({ done: 0, total: 3 });
    expect(r.next?.question.id).toBe('naam');
    expect(visibleIds(r)).toEqual([
      'naam',
      'bibliotheek',
      'datum',
      'thema-in-agenda',
      'aanspreekpunt',
      'resultaatdoelen',
      'gemeenteraad',
      'relatie-gemeente',
      'overlegstructuur',
      'overlegstructuur-wie',
      'relatie-met-mt',
    ]);
  });

  it('thema-in-agenda = ja shows "Noteer op welke wijze." next', () => {
    const r = walk(G, { ...META, 'thema-in-agenda': 'ja' });
    expect(r.next?.question.id).toBe('thema-in-agenda-wijze');
    expect(r.next?.question.label).toBe('Noteer op welke wijze.');
    expect(r.total).toBe(9);
    expect(r.done).toBe(1);
    expect(r.meta).toEqual({ done: 3, total: 3 });
  });

  it('thema-in-agenda = nee / weet ik niet skips to aanspreekpunt', () => {
    for (const value of ['nee', UNKNOWN] as AnswerValue[]) {
      const r = walk(G, { ...META, 'thema-in-agenda': value });
      expect(r.next?.question.id).toBe('aanspreekpunt');
      expect(isVisible(G, { 'thema-in-agenda': value }, 'thema-in-agenda-wijze')).toBe(false);
      expect(r.total).toBe(8);
    }
  });

  it('resultaatdoelen: ja -> "Zo ja, welke?", nee -> "Zo nee, zijn er wel wensen uitgesproken?", otherwise neither', () => {
    const followUps = (value: AnswerValue | undefined) => visibleIds(walk(G, { resultaatdoelen: value })).filter((id) => id.startsWith('resultaatdoelen-'));
    expect(followUps('ja')).toEqual(['resultaatdoelen-welke']);
    expect(followUps('nee')).toEqual(['resultaatdoelen-wensen']);
    expect(followUps(UNKNOWN)).toEqual([]);
    expect(followUps(undefined)).toEqual([]);
    expect(followUps('')).toEqual([]);
  });

  it('"Wie voert deze gesprekken?" is always asked, as in the workbook (not only with a fixed structure)', () => {
    for (const state of YESNO_STATES) {
      expect(isVisible(G, { overlegstructuur: state.value }, 'overlegstructuur-wie'), state.name).toBe(true);
    }
    expect(questionById(G, 'overlegstructuur-wie').when).toBeUndefined();
  });

  it('gemeenteraad and relatie-met-mt open their follow-up only on ja', () => {
    for (const [q, f] of [
      ['gemeenteraad', 'gemeenteraad-manier'],
      ['relatie-met-mt', 'relatie-met-mt-wijze'],
    ] as const) {
      expect(isVisible(G, { [q]: 'ja' }, f)).toBe(true);
      expect(isVisible(G, { [q]: 'nee' }, f)).toBe(false);
      expect(isVisible(G, { [q]: UNKNOWN }, f)).toBe(false);
      expect(isVisible(G, {}, f)).toBe(false);
    }
  });

  it('all ja: 12 questions; all nee: 9 questions (meta fields not counted)', () => {
    expect(walk(G, fillAll(G, answerAll('ja'))).total).toBe(12);
    expect(walk(G, fillAll(G, answerAll('nee'))).total).toBe(9);
    expect(walk(G, fillAll(G, answerAll(UNKNOWN))).total).toBe(8);
  });

  it('next is the first open visible question, even before answered ones', () => {
    const r = walk(G, { ...META, aanspreekpunt: 'x', gemeenteraad: 'nee' });
    expect(r.next?.question.id).toBe('thema-in-agenda');
    expect(r.done).toBe(2);
    expect(walk(G, { ...META, 'thema-in-agenda': 'ja', aanspreekpunt: 'x' }).next?.question.id).toBe('thema-in-agenda-wijze');
  });

  it('an answered follow-up that becomes hidden is listed in hiddenWithAnswer, and not counted', () => {
    const answers: Answers = { ...META, 'thema-in-agenda': 'ja', 'thema-in-agenda-wijze': 'In het coalitieakkoord.' };
    expect(walk(G, answers).hiddenWithAnswer).toEqual([]);
    const changed = walk(G, { ...answers, 'thema-in-agenda': 'nee' });
    expect(changed.hiddenWithAnswer).toEqual(['thema-in-agenda-wijze']);
    expect(changed.done).toBe(1);
    expect(changed.total).toBe(8);
    expect(findVisible(changed, 'thema-in-agenda-wijze')).toBeUndefined();
    // weet ik niet hides it too
    expect(walk(G, { ...answers, 'thema-in-agenda': UNKNOWN }).hiddenWithAnswer).toEqual(['thema-in-agenda-wijze']);
    // both branches of resultaatdoelen answered: only the one not taken is hidden
    const both = walk(G, { resultaatdoelen: 'nee', 'resultaatdoelen-welke': 'a', 'resultaatdoelen-wensen': 'b' });
    expect(both.hiddenWithAnswer).toEqual(['resultaatdoelen-welke']);
  });

  it('progress labels: "Gegevens · 1 van 3" for meta, only "vraag X van N" (the workbook\'s questions) on this one-step sheet', () => {
    const r = walk(G, {});
    const label = (id: string) => progressLabel(r, findVisible(r, id)!);
    expect(label('naam')).toBe('Gegevens · 1 van 3');
    expect(label('datum')).toBe('Gegevens · 3 van 3');
    expect(label('thema-in-agenda')).toBe('Vraag 1 van 8');
    expect(label('relatie-met-mt')).toBe('Vraag 8 van 8');
    const ja = walk(G, { 'thema-in-agenda': 'ja' });
    expect(progressLabel(ja, findVisible(ja, 'aanspreekpunt')!)).toBe('Vraag 3 van 9');
  });

  it('questionRef names a question as messages do: "vraag N", a meta field by its label', () => {
    const r = walk(G, { 'thema-in-agenda': 'ja' });
    expect(questionRef(findVisible(r, 'aanspreekpunt')!)).toBe('vraag 3');
    expect(questionRef(findVisible(r, 'bibliotheek')!)).toBe('Bibliotheek');
    // With the workbook's own number where it has one, as the overview shows it (werkblad 2).
    const w2 = walk(R, {});
    const first = w2.visible.find((v) => v.section.kind === 'step' && v.question.number)!;
    expect(questionRef(first)).toBe(`vraag ${first.position} (Stap ${first.section.stepNumber} · ${first.question.number})`);
    expect(questionRef(first)).toMatch(/^vraag 1 \(Stap 1 · \d/);
  });

  it('previousVisible follows the branch that was taken', () => {
    expect(previousVisible(walk(G, { resultaatdoelen: 'ja' }), 'gemeenteraad')?.question.id).toBe('resultaatdoelen-welke');
    expect(previousVisible(walk(G, { resultaatdoelen: 'nee' }), 'gemeenteraad')?.question.id).toBe('resultaatdoelen-wensen');
    expect(previousVisible(walk(G, { resultaatdoelen: UNKNOWN }), 'gemeenteraad')?.question.id).toBe('resultaatdoelen');
    expect(previousVisible(walk(G, {}), 'thema-in-agenda')?.question.id).toBe('datum');
    expect(previousVisible(walk(G, {}), 'naam')).toBeUndefined();
    expect(previousVisible(walk(G, {}), 'thema-in-agenda-wijze')).toBeUndefined(); // hidden
    expect(previousVisible(walk(G, {}), 'bestaat-niet')).toBeUndefined();
  });

  it('followUps: the visible questions whose condition names a question or one of its follow-ups, in order', () => {
    const ids = (r: WalkResult, id: string) => followUps(r, id).map((v) => v.question.id);
    expect(ids(walk(G, { 'thema-in-agenda': 'ja' }), 'thema-in-agenda')).toEqual(['thema-in-agenda-wijze']);
    expect(ids(walk(G, { 'thema-in-agenda': 'nee' }), 'thema-in-agenda')).toEqual([]);
    expect(ids(walk(G, { resultaatdoelen: 'nee' }), 'resultaatdoelen')).toEqual(['resultaatdoelen-wensen']);
    // A chain: c follows b, which follows a; any/all name a too.
    expect(ids(walk(V, { a: 'ja', b: 'ja', kleur: 'groen' }), 'a')).toEqual(['b', 'c', 'een-van-beide', 'allebei']);
    expect(ids(walk(V, { a: 'ja', b: 'ja' }), 'b')).toEqual(['c']);
    expect(ids(walk(V, { a: 'nee' }), 'a')).toEqual(['genest']);
    expect(ids(walk(V, {}), 'bestaat-niet')).toEqual([]);
  });

  it('developmentPoints: weet ik niet, bewust leeg and open step questions; never meta or hidden ones', () => {
    const answers: Answers = {
      naam: 'An',
      'thema-in-agenda': UNKNOWN,
      'thema-in-agenda-wijze': 'verborgen',
      aanspreekpunt: '',
      resultaatdoelen: 'ja',
      'resultaatdoelen-welke': '   ',
      gemeenteraad: 'nee',
      'relatie-gemeente': 'Goed.',
      overlegstructuur: 'ja',
      'overlegstructuur-wie': 'De directeur.',
      'relatie-met-mt': 'nee',
    };
    const points = developmentPoints(walk(G, answers));
    expect(points.map((v) => [v.question.id, v.state])).toEqual([
      ['thema-in-agenda', 'unknown'],
      ['aanspreekpunt', 'empty'],
      ['resultaatdoelen-welke', 'empty'],
    ]);
    const open = developmentPoints(walk(G, {}));
    expect(open.map((v) => v.question.id)).toEqual(
      allQuestions(G)
        .filter((q) => !q.when && !G.meta?.includes(q))
        .map((q) => q.id),
    );
    expect(open.every((v) => v.state === 'open')).toBe(true);
  });
});

describe('randvoorwaarden, spelled out', () => {
  it('empty: 28 visible questions in 6 steps (and 3 meta fields apart)', () => {
    const r = walk(R, {});
    expect(r.stepCount).toBe(6);
    expect(r.total).toBe(28);
    expect(r.meta.total).toBe(3);
    expect(r.sections.map((s) => [s.id, s.stepNumber])).toEqual([
      [META_SECTION_ID, null],
      ['stap-1', 1],
      ['stap-2', 2],
      ['stap-3', 3],
      ['stap-4', 4],
      ['stap-5', 5],
      ['stap-6', 6],
    ]);
  });

  it('progress labels: "Stap X van 6 · vraag Y van N"', () => {
    const r = walk(R, {});
    const label = (res: WalkResult, id: string) => progressLabel(res, findVisible(res, id)!);
    expect(label(r, 'naam')).toBe('Gegevens · 1 van 3');
    expect(label(r, 'doelen-vastgelegd')).toBe('Stap 1 van 6 · vraag 1 van 28');
    expect(label(r, 'eigen-plan')).toBe('Stap 1 van 6 · vraag 2 van 28');
    expect(label(r, 'onderscheid-vraag')).toBe('Stap 2 van 6 · vraag 3 van 28');
    expect(label(r, 'bestuurlijke-verantwoordelijkheid')).toBe('Stap 6 van 6 · vraag 28 van 28');
    const ja = walk(R, { 'doelen-vastgelegd': 'ja' });
    expect(label(ja, 'doelen-welke')).toBe('Stap 1 van 6 · vraag 2 van 29');
    expect(label(ja, 'onderscheid-vraag')).toBe('Stap 2 van 6 · vraag 4 van 29');
  });

  it('stap 1: doelen-vastgelegd = ja asks which goals', () => {
    expect(isVisible(R, { 'doelen-vastgelegd': 'ja' }, 'doelen-welke')).toBe(true);
    expect(isVisible(R, { 'doelen-vastgelegd': 'nee' }, 'doelen-welke')).toBe(false);
    expect(isVisible(R, { 'doelen-vastgelegd': UNKNOWN }, 'doelen-welke')).toBe(false);
  });

  it('stap 3: uren-voldoende = nee (not ja) asks what is needed', () => {
    expect(isVisible(R, { 'uren-voldoende': 'nee' }, 'uren-nodig')).toBe(true);
    expect(isVisible(R, { 'uren-voldoende': 'ja' }, 'uren-nodig')).toBe(false);
    expect(isVisible(R, { 'uren-voldoende': UNKNOWN }, 'uren-nodig')).toBe(false);
    expect(isVisible(R, {}, 'uren-nodig')).toBe(false);
  });

  it('stap 5: partners-registreren ja -> "Ja: hoe ziet dit eruit?", nee -> "Nee: … formaliseren?"', () => {
    const shown = (value: AnswerValue | undefined) =>
      visibleIds(walk(R, { 'partners-registreren': value })).filter((id) => id.startsWith('partners-registratie-'));
    expect(shown('ja')).toEqual(['partners-registratie-hoe']);
    expect(shown('nee')).toEqual(['partners-registratie-formaliseren']);
    expect(shown(UNKNOWN)).toEqual([]);
    expect(shown(undefined)).toEqual([]);
  });

  it('stap 6: financiele-afspraken is always visible', () => {
    expect(isVisible(R, { meerjarenbegroting: 'nee' }, 'financiele-afspraken')).toBe(true);
    expect(isVisible(R, {}, 'financiele-afspraken')).toBe(true);
  });

  it('stap 6 "b. I." ("l." in the source): "deze begroting" is asked when either budget exists (1 = ja or b = ja), for every combination', () => {
    const shown: string[] = [];
    for (const one of YESNO_STATES) {
      for (const b of YESNO_STATES) {
        const visible = isVisible(R, { meerjarenbegroting: one.value, 'gemeenschappelijke-begroting': b.value }, 'begroting-dekkend');
        expect(visible, `1 = ${one.name}, b = ${b.name}`).toBe(one.value === 'ja' || b.value === 'ja');
        if (visible) shown.push(`${one.name}/${b.name}`);
      }
    }
    expect(shown).toHaveLength(9);
    // the case that used to lose the question: 1 = ja, b = nee
    expect(isVisible(R, { meerjarenbegroting: 'ja', 'gemeenschappelijke-begroting': 'nee' }, 'begroting-dekkend')).toBe(true);
    expect(questionById(R, 'begroting-dekkend').number).toBe('b. I.');
    // it comes after b., before c.
    const r = walk(R, { meerjarenbegroting: 'ja' });
    expect(previousVisible(r, 'begroting-dekkend')?.question.id).toBe('gemeenschappelijke-begroting');
    expect(previousVisible(r, 'bestuurlijke-verantwoordelijkheid')?.question.id).toBe('begroting-dekkend');
  });

  it('samenwerkingsafspraken (extends partners) shows the partners items', () => {
    const partners: GroupItem[] = [
      { naam: 'Belastingservice', aanbod: 'Aangifte' },
      { naam: 'Schuldhulpmaatje', aanbod: null, afspraken: 'ja' },
    ];
    const answers: Answers = { partners, samenwerkingsafspraken: true };
    const ext = questionById(R, 'samenwerkingsafspraken');
    expect(groupBaseId(ext)).toBe('partners');
    expect(groupItems(ext, answers)).toEqual(partners);
    expect(groupItems(questionById(R, 'partners'), answers)).toEqual(partners);
    expect(groupBaseId(questionById(R, 'functies'))).toBe('functies');
    expect(groupItems(questionById(R, 'functies'), answers)).toEqual([]);
    expect(groupItems(ext, {})).toEqual([]);
    expect(groupItems(ext, { partners: UNKNOWN })).toEqual([]);
    // only the items that are maps count
    expect(groupItems(ext, { partners: ['los', { naam: 'X' }] as unknown as AnswerValue })).toEqual([{ naam: 'X' }]);
  });

  it('answering all nee: 30 questions; all ja: 33', () => {
    expect(walk(R, fillAll(R, answerAll('nee'))).total).toBe(30);
    expect(walk(R, fillAll(R, answerAll('ja'))).total).toBe(33);
  });
});

describe('plan-van-aanpak, spelled out', () => {
  it("9 questions (the workbook's nine), no conditions, labels without step", () => {
    const r = walk(P, {});
    expect(r.total).toBe(9);
    expect(r.stepCount).toBe(1);
    expect(progressLabel(r, findVisible(r, 'stakeholders')!)).toBe('Vraag 1 van 9');
    expect(progressLabel(r, findVisible(r, 'planning')!)).toBe('Vraag 9 van 9');
    expect(progressLabel(r, r.visible[2]!)).toBe('Gegevens · 3 van 3');
  });

  it('done counts answered, unknown and empty; next skips them', () => {
    const r = walk(P, { naam: 'An', bibliotheek: '', datum: UNKNOWN, stakeholders: 'De wethouder' });
    expect(r.done).toBe(1);
    expect(r.meta).toEqual({ done: 3, total: 3 });
    expect(r.next?.question.id).toBe('kernboodschap');
    expect(r.visible.slice(0, 4).map((v) => v.state)).toEqual(['answered', 'empty', 'unknown', 'answered']);
  });
});

// --- the fixture: every kind of condition ---------------------------------------------

describe('conditions (fixture with chains, any/all, choice, multichoice, number)', () => {
  it('a chain: c needs b = ja, and b needs a = ja; a stored b does not count when b is hidden', () => {
    expect(isVisible(V, { a: 'ja', b: 'ja' }, 'c')).toBe(true);
    expect(isVisible(V, { a: 'ja', b: 'nee' }, 'c')).toBe(false);
    const r = walk(V, { a: 'nee', b: 'ja', c: 'oud antwoord' });
    expect(visibleIds(r)).not.toContain('b');
    expect(visibleIds(r)).not.toContain('c');
    expect(r.hiddenWithAnswer).toEqual(['b', 'c']);
  });

  it('choice: a single value and a list of values', () => {
    expect(isVisible(V, { kleur: 'rood' }, 'warm')).toBe(true);
    expect(isVisible(V, { kleur: 'rood' }, 'koel')).toBe(false);
    expect(isVisible(V, { kleur: 'groen' }, 'koel')).toBe(true);
    expect(isVisible(V, { kleur: 'blauw' }, 'koel')).toBe(true);
    expect(isVisible(V, { kleur: 'Blauw (zee)' }, 'koel')).toBe(false); // the label is not the value
    expect(isVisible(V, { kleur: UNKNOWN }, 'warm')).toBe(false);
  });

  it('multichoice: visible when one of the chosen options matches', () => {
    expect(isVisible(V, { talen: ['nl', 'fy'] }, 'fries')).toBe(true);
    expect(isVisible(V, { talen: ['nl'] }, 'fries')).toBe(false);
    expect(isVisible(V, { talen: [] }, 'fries')).toBe(false);
  });

  it('number: compared as text', () => {
    expect(isVisible(V, { aantal: 3 }, 'precies-drie')).toBe(true);
    expect(isVisible(V, { aantal: 4 }, 'precies-drie')).toBe(false);
    expect(isVisible(V, { aantal: '3' }, 'precies-drie')).toBe(true);
  });

  it('any / all / nested', () => {
    expect(isVisible(V, { a: 'ja' }, 'een-van-beide')).toBe(true);
    expect(isVisible(V, { kleur: 'groen' }, 'een-van-beide')).toBe(true);
    expect(isVisible(V, { a: 'nee', kleur: 'rood' }, 'een-van-beide')).toBe(false);
    expect(isVisible(V, { a: 'ja', kleur: 'groen' }, 'allebei')).toBe(true);
    expect(isVisible(V, { a: 'ja', kleur: 'rood' }, 'allebei')).toBe(false);
    expect(isVisible(V, { kleur: 'groen' }, 'allebei')).toBe(false);
    expect(isVisible(V, { a: 'nee' }, 'genest')).toBe(true);
    expect(isVisible(V, { a: 'ja', kleur: 'groen', talen: ['fy'] }, 'genest')).toBe(true);
    expect(isVisible(V, { a: 'ja', kleur: 'groen', talen: ['nl'] }, 'genest')).toBe(false);
    expect(isVisible(V, {}, 'genest')).toBe(false);
  });

  it('without meta there is no Gegevens section; labels show the step', () => {
    const r = walk(V, {});
    expect(r.sections[0]?.kind).toBe('step');
    expect(progressLabel(r, r.visible[0]!)).toBe(`Stap 1 van 2 · vraag 1 van ${r.total}`);
  });

  it('an extending group reads the items of its base group', () => {
    const items = [{ naam: 'x', aantal: 2, ok: 'ja', soort: 'groot', opmerking: 'y' }];
    expect(groupItems(questionById(V, 'lijst-extra'), { lijst: items })).toEqual(items);
  });
});

describe('questionCounts: the number lijst shows for a worksheet not begun', () => {
  it('the questions visible with no answers, and the most that can be visible at once', () => {
    expect(questionCounts(G)).toEqual({ shown: 8, max: 12 });
    expect(questionCounts(R)).toEqual({ shown: 28, max: 34 });
    expect(questionCounts(P)).toEqual({ shown: 9, max: 9 });
  });

  it('agrees with walk: shown is the total with no answers, max is reached by some answers and never exceeded', () => {
    for (const ws of sheets) {
      const { shown, max } = questionCounts(ws);
      expect(shown).toBe(walk(ws, {}).total);
      const totals = ['ja', 'nee', UNKNOWN].map((v) => walk(ws, fillAll(ws, answerAll(v as AnswerValue))).total);
      for (const t of totals) expect(t).toBeLessThanOrEqual(max);
    }
    // gemeentelandschap: all ja shows 12 (resultaatdoelen ja and nee exclude each other)
    expect(walk(G, fillAll(G, answerAll('ja'))).total).toBe(questionCounts(G).max);
  });

  it('handles any/all, choice and multichoice conditions (fixture)', () => {
    const { shown, max } = questionCounts(V);
    expect(shown).toBe(walk(V, {}).total);
    expect(max).toBeGreaterThan(shown);
    expect(max).toBeLessThanOrEqual(allQuestions(V).length);
  });
});

describe('a toelichting and "nog niet bekend"', () => {
  it('an answer with a toelichting is its antwoord: same state, same follow-ups', () => {
    const plain = walk(G, { 'thema-in-agenda': 'ja' });
    const noted = walk(G, { 'thema-in-agenda': { antwoord: 'ja', toelichting: 'deels' } });
    expect(noted.visible.map((v) => [v.question.id, v.state])).toEqual(plain.visible.map((v) => [v.question.id, v.state]));
    expect(stateOf({ antwoord: '', toelichting: 'x' })).toBe('empty');
    const kleur = walk(V, { kleur: { antwoord: 'blauw', toelichting: 'donker' } });
    expect(kleur.visible.map((v) => v.question.id)).toContain('koel');
  });

  it('groupGaps counts items with a yes/no cell of the question blank or nog_niet_bekend; such groups are ontwikkelpunten', () => {
    const stap4 = allQuestions(R).find((q) => q.id === 'samenwerkingsafspraken')!;
    const partners: GroupItem[] = [
      { naam: 'A', afspraken: 'ja', afspraken_toelichting: 'Convenant' },
      { naam: 'B', afspraken: 'nee' },
      { naam: 'C', afspraken: 'nog_niet_bekend' },
      { naam: 'D', afspraken: '' },
      { naam: 'E' },
    ];
    const answers: Answers = { partners, samenwerkingsafspraken: true };
    expect(groupGaps(stap4, answers)).toBe(3);
    // The partner list of Stap 2 has no yes/no cells: no gaps there.
    expect(groupGaps(allQuestions(R).find((q) => q.id === 'partners')!, answers)).toBe(0);
    const w = walk(R, answers);
    const v = findVisible(w, 'samenwerkingsafspraken')!;
    expect(v).toMatchObject({ state: 'answered', gaps: 3 });
    expect(developmentPoints(w).map((p) => p.question.id)).toContain('samenwerkingsafspraken');
    const complete = walk(R, { partners: partners.slice(0, 2), samenwerkingsafspraken: true });
    expect(developmentPoints(complete).map((p) => p.question.id)).not.toContain('samenwerkingsafspraken');
  });
});

describe('walk is pure', () => {
  it('does not change the answers it is given and gives the same result twice', () => {
    const answers = Object.freeze({ 'thema-in-agenda': 'ja', 'thema-in-agenda-wijze': 'x', resultaatdoelen: UNKNOWN }) as Answers;
    const a = walk(G, answers);
    const b = walk(G, answers);
    expect(visibleIds(a)).toEqual(visibleIds(b));
    expect(a.done).toBe(b.done);
    expect(answers).toEqual({ 'thema-in-agenda': 'ja', 'thema-in-agenda-wijze': 'x', resultaatdoelen: UNKNOWN });
  });
});

describe('stateOf and sectionsOf', () => {
  it('stateOf', () => {
    expect(stateOf(undefined)).toBe('open');
    expect(stateOf(UNKNOWN)).toBe('unknown');
    expect(stateOf('')).toBe('empty');
    expect(stateOf('  \n')).toBe('empty');
    expect(stateOf(null)).toBe('empty');
    expect(stateOf([])).toBe('empty');
    expect(stateOf('nee')).toBe('answered');
    expect(stateOf(0)).toBe('answered');
    expect(stateOf(true)).toBe('answered');
    expect(stateOf([{ naam: 'x' }])).toBe('answered');
  });

  it('sectionsOf keeps titles, subtitles and tips', () => {
    const sections = sectionsOf(R);
    expect(sections[0]).toMatchObject({ id: 'gegevens', kind: 'meta', title: 'Gegevens', stepNumber: null });
    expect(sections[4]).toMatchObject({
      id: 'stap-4',
      title: 'Stap 4. Processen en werkwijzen',
      subtitle: 'Processen en werkwijzen op het gebied van samenwerken',
      stepNumber: 4,
    });
    expect(sections[1]).not.toHaveProperty('subtitle');
    expect(sectionsOf(P).map((s) => s.questions.length)).toEqual([3, 9]);
  });
});
