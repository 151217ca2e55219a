// The walk engine: pure functions from (definition, answers) to what is
// visible, what is next and how far the user is. No cursor, no I/O: the
// runner, back navigation, resume, review, status, lijst and reports all use
// it, so they always agree.
//
// Counting ("x van y vragen"), here and nowhere else: the workbook's
// questions that are visible now — a follow-up only while its condition
// holds — and never the meta fields (Naam, Bibliotheek, Datum), which are
// counted apart (`meta`).
import type { Condition, Question, Step, Worksheet } from './definition/schema.js';
import { answerValue, isEmptyAnswer, isUnknown, type AnswerValue, type Answers } from './dossier/answers.js';
import { groupGapItems, isGroup, typeOf } from './types/registry.js';
import { own } from './support/own.js';

export type QuestionState =
  /** No entry in the answers file yet. */
  | 'open'
  /** Answered with content. */
  | 'answered'
  /** "Weet ik (nog) niet": an ontwikkelpunt. */
  | 'unknown'
  /** Deliberately left empty: also an ontwikkelpunt. */
  | 'empty';

export interface Section {
  /** "gegevens" for the meta questions, else the step id. */
  id: string;
  kind: 'meta' | 'step';
  title: string;
  subtitle?: string;
  intro?: string;
  tips?: string[];
  /** 1-based among the steps; null for the meta section. */
  stepNumber: number | null;
  questions: Question[];
}

export interface VisibleQuestion {
  question: Question;
  section: Section;
  /**
   * The number the user sees ("vraag 5"): 1-based among the visible
   * questions of the steps; for a meta field, 1-based among the meta fields.
   */
  position: number;
  state: QuestionState;
  answer: AnswerValue | undefined;
  /** A repeat group: how many items have a yes/no cell blank or "nog niet bekend" (see groupGaps). */
  gaps?: number;
}

export interface WalkResult {
  sections: Section[];
  stepCount: number;
  visible: VisibleQuestion[];
  /** The first visible question without an answer entry, if any. */
  next: VisibleQuestion | undefined;
  /** Visible questions of the steps that have an entry (answered, unknown or empty); meta fields not counted. */
  done: number;
  /** Visible questions of the steps (follow-ups only when their condition holds); meta fields not counted. */
  total: number;
  /** The meta fields (Naam, Bibliotheek, Datum), counted apart: how many have an entry, of how many. */
  meta: { done: number; total: number };
  /** Ids of questions with a stored answer that are hidden now (branch not taken). */
  hiddenWithAnswer: string[];
}

export const META_SECTION_ID = 'gegevens';

export function sectionsOf(ws: Worksheet): Section[] {
  const sections: Section[] = [];
  if (ws.meta?.length) {
    sections.push({ id: META_SECTION_ID, kind: 'meta', title: 'Gegevens', stepNumber: null, questions: ws.meta });
  }
  ws.steps.forEach((step: Step, i) => {
    sections.push({
      id: step.id,
      kind: 'step',
      title: step.title,
      ...(step.subtitle !== undefined && { subtitle: step.subtitle }),
      ...(step.intro !== undefined && { intro: step.intro }),
      ...(step.tips !== undefined && { tips: step.tips }),
      stepNumber: i + 1,
      questions: step.questions,
    });
  });
  return sections;
}

export function stateOf(value: AnswerValue | undefined, isEmpty: (value: AnswerValue) => boolean = isEmptyAnswer): QuestionState {
  if (value === undefined) return 'open';
  if (isUnknown(value)) return 'unknown';
  if (isEmpty(value)) return 'empty';
  return 'answered';
}

export function walk(ws: Worksheet, answers: Answers): WalkResult {
  const sections = sectionsOf(ws);
  const visibleIds = new Set<string>();
  const visible: VisibleQuestion[] = [];
  const hiddenWithAnswer: string[] = [];
  const counted = { meta: 0, step: 0 };
  for (const section of sections) {
    for (const question of section.questions) {
      const shown = !question.when || holds(question.when, answers, visibleIds);
      const answer = own(answers, question.id);
      if (!shown) {
        if (answer !== undefined) hiddenWithAnswer.push(question.id);
        continue;
      }
      visibleIds.add(question.id);
      const position = ++counted[section.kind];
      const gaps = isGroup(question) ? groupGaps(question, answers) : 0;
      visible.push({ question, section, position, state: stateOf(answer, typeOf(question).isEmpty), answer, ...(gaps && { gaps }) });
    }
  }
  const next = visible.find((v) => v.state === 'open');
  const count = (kind: Section['kind']) => {
    const of = visible.filter((v) => v.section.kind === kind);
    return { done: of.filter((v) => v.state !== 'open').length, total: of.length };
  };
  const steps = count('step');
  return {
    sections,
    stepCount: sections.filter((s) => s.kind === 'step').length,
    visible,
    next,
    done: steps.done,
    total: steps.total,
    meta: count('meta'),
    hiddenWithAnswer,
  };
}

/**
 * How many questions a worksheet has, counted as everywhere else: `shown`
 * with no answers yet, and `max` with every follow-up that can be visible at
 * the same time (the most any combination of answers shows).
 */
export function questionCounts(ws: Worksheet): { shown: number; max: number } {
  const shown = walk(ws, {}).total;
  // Conditions have no negation, so answering a controlling question with a
  // value a condition names never hides anything: only the choice between
  // those values matters. Try every combination (a handful for the shipped sheets).
  const values = new Map<string, Set<string>>();
  const collect = (cond: Condition): void => {
    if ('any' in cond || 'all' in cond) {
      for (const c of 'any' in cond ? cond.any : cond.all) collect(c);
      return;
    }
    const set = values.get(cond.question) ?? new Set<string>();
    for (const v of Array.isArray(cond.is) ? cond.is : [cond.is]) set.add(v);
    values.set(cond.question, set);
  };
  const questions = [...(ws.meta ?? []), ...ws.steps.flatMap((s) => s.questions)];
  for (const q of questions) if (q.when) collect(q.when);
  const byId = new Map(questions.map((q) => [q.id, q]));
  let combos: Answers[] = [{}];
  for (const [id, set] of values) {
    // A multichoice answer can hold every value at once; any other question one value.
    const asked = byId.get(id);
    const options: AnswerValue[] = asked && typeOf(asked).multiple ? [[...set]] : [...set];
    combos = combos.flatMap((a) => options.map((v) => ({ ...a, [id]: v })));
    if (combos.length > 4096) return { shown, max: questions.length - (ws.meta?.length ?? 0) };
  }
  return { shown, max: Math.max(shown, ...combos.map((a) => walk(ws, a).total)) };
}

export { groupBaseId, groupGapItems, groupItems } from './types/registry.js';

/** A condition holds when the question it names is visible and its answer matches. */
function holds(cond: Condition, answers: Answers, visibleIds: ReadonlySet<string>): boolean {
  if ('any' in cond) return cond.any.some((c) => holds(c, answers, visibleIds));
  if ('all' in cond) return cond.all.every((c) => holds(c, answers, visibleIds));
  if (!visibleIds.has(cond.question)) return false;
  // A toelichting does not change the answer: `{ antwoord: ja, toelichting: … }` is "ja".
  const answer = answerValue(own(answers, cond.question));
  const wanted = Array.isArray(cond.is) ? cond.is : [cond.is];
  if (typeof answer === 'string') return wanted.includes(answer);
  if (Array.isArray(answer)) return answer.some((a) => typeof a === 'string' && wanted.includes(a));
  if (typeof answer === 'number') return wanted.includes(String(answer));
  return false;
}

/** "Stap 2 van 6 · vraag 5 van 14" (or "Gegevens · 1 van 3", or for one-step sheets "Vraag 5 van 14", a capital as the line begins). */
export function progressLabel(result: WalkResult, vq: VisibleQuestion): string {
  if (vq.section.kind === 'meta') return `Gegevens · ${vq.position} van ${result.meta.total}`;
  const question = `vraag ${vq.position} van ${result.total}`;
  if (result.stepCount <= 1) return `V${question.slice(1)}`;
  return `Stap ${vq.section.stepNumber} van ${result.stepCount} · ${question}`;
}

/**
 * How a message names a question: "vraag 5" (as the progress line counts),
 * with the workbook's own number where it has one, as the overview shows it
 * ("vraag 8 (Stap 2 · 4.1.)"); for a meta field its label ("Naam").
 */
export function questionRef(vq: VisibleQuestion): string {
  if (vq.section.kind === 'meta') return vq.question.label.replace(/:\s*$/, '');
  const number = vq.question.number ? ` (Stap ${vq.section.stepNumber} · ${vq.question.number})` : '';
  return `vraag ${vq.position}${number}`;
}

/** The visible question before the one with this id (for "terug"). */
export function previousVisible(result: WalkResult, id: string): VisibleQuestion | undefined {
  const i = result.visible.findIndex((v) => v.question.id === id);
  return i > 0 ? result.visible[i - 1] : undefined;
}

/**
 * The follow-ups of a question, in order: the visible questions whose
 * condition names it, or names one of its follow-ups (a follow-up of a
 * follow-up). A condition names only questions before it.
 */
export function followUps(result: WalkResult, id: string): VisibleQuestion[] {
  const ids = new Set([id]);
  return result.visible.filter((v) => {
    if (!v.question.when || !conditionQuestions(v.question.when).some((q) => ids.has(q))) return false;
    ids.add(v.question.id);
    return true;
  });
}

function conditionQuestions(cond: Condition): string[] {
  if ('any' in cond) return cond.any.flatMap(conditionQuestions);
  if ('all' in cond) return cond.all.flatMap(conditionQuestions);
  return [cond.question];
}

export function findVisible(result: WalkResult, id: string): VisibleQuestion | undefined {
  return result.visible.find((v) => v.question.id === id);
}

/** How many items of a group question have gaps (groupGapItems). */
export function groupGaps(question: Question, answers: Answers): number {
  return groupGapItems(question, answers).length;
}

/**
 * Visible questions whose answer is "weet ik (nog) niet", empty or missing,
 * and repeat groups with gaps (groupGaps): the ontwikkelpunten.
 */
export function developmentPoints(result: WalkResult): VisibleQuestion[] {
  return result.visible.filter((v) => (v.state !== 'answered' || (v.gaps ?? 0) > 0) && v.section.kind === 'step');
}

/**
 * Whether an ontwikkelpunt is something to find out or arrange ("Nog uit te
 * zoeken": "weet ik (nog) niet", left empty, a group with gaps) rather than a
 * question not answered yet (open), which a report lists apart ("Nog niet
 * beantwoord") and does not count as a point.
 */
export function isToResearch(v: VisibleQuestion): boolean {
  return v.state !== 'open';
}

/** The ontwikkelpunten to find out or arrange (isToResearch): what a report and the overview count. */
export function researchPoints(result: WalkResult): VisibleQuestion[] {
  return developmentPoints(result).filter(isToResearch);
}
