// The walk engine: pure functions from (definition, answers) to what is
// visible, what is next and how far the user is. No cursor, no I/O: the
// runner, back navigation, resume, review, status and reports all use it,
// so they always agree.
import type { Condition, Question, Step, Worksheet } from './definition/schema.js';
import { answerValue, isEmptyAnswer, isUnknown, NOT_YET_KNOWN, type AnswerValue, type Answers, type GroupItem } from './dossier/answers.js';

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
  /** 1-based position among the visible questions. */
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
  /** Visible questions that have an entry (answered, unknown or empty). */
  done: number;
  total: number;
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

export function stateOf(value: AnswerValue | undefined): QuestionState {
  if (value === undefined) return 'open';
  if (isUnknown(value)) return 'unknown';
  if (isEmptyAnswer(value)) return 'empty';
  return 'answered';
}

export function walk(ws: Worksheet, answers: Answers): WalkResult {
  const sections = sectionsOf(ws);
  const visibleIds = new Set<string>();
  const visible: VisibleQuestion[] = [];
  const hiddenWithAnswer: string[] = [];
  for (const section of sections) {
    for (const question of section.questions) {
      const shown = !question.when || holds(question.when, answers, visibleIds);
      const answer = answers[question.id];
      if (!shown) {
        if (answer !== undefined) hiddenWithAnswer.push(question.id);
        continue;
      }
      visibleIds.add(question.id);
      const gaps = question.type === 'group' ? groupGaps(question, answers) : 0;
      visible.push({ question, section, position: visible.length + 1, state: stateOf(answer), answer, ...(gaps && { gaps }) });
    }
  }
  const next = visible.find((v) => v.state === 'open');
  return {
    sections,
    stepCount: sections.filter((s) => s.kind === 'step').length,
    visible,
    next,
    done: visible.filter((v) => v.state !== 'open').length,
    total: visible.length,
    hiddenWithAnswer,
  };
}

/** A condition holds when the question it names is visible and its answer matches. */
function holds(cond: Condition, answers: Answers, visibleIds: ReadonlySet<string>): boolean {
  if ('any' in cond) return cond.any.some((c) => holds(c, answers, visibleIds));
  if ('all' in cond) return cond.all.every((c) => holds(c, answers, visibleIds));
  if (!visibleIds.has(cond.question)) return false;
  // A toelichting does not change the answer: `{ antwoord: ja, toelichting: … }` is "ja".
  const answer = answerValue(answers[cond.question]);
  const wanted = Array.isArray(cond.is) ? cond.is : [cond.is];
  if (typeof answer === 'string') return wanted.includes(answer);
  if (Array.isArray(answer)) return answer.some((a) => typeof a === 'string' && wanted.includes(a));
  if (typeof answer === 'number') return wanted.includes(String(answer));
  return false;
}

/** "Stap 2 van 6 · vraag 5 van 14" (or "Gegevens · …", or only the question part for one-step sheets). */
export function progressLabel(result: WalkResult, vq: VisibleQuestion): string {
  const question = `vraag ${vq.position} van ${result.total}`;
  if (vq.section.kind === 'meta') return `Gegevens · ${question}`;
  if (result.stepCount <= 1) return question;
  return `Stap ${vq.section.stepNumber} van ${result.stepCount} · ${question}`;
}

/** The visible question before the one with this id (for "terug"). */
export function previousVisible(result: WalkResult, id: string): VisibleQuestion | undefined {
  const i = result.visible.findIndex((v) => v.question.id === id);
  return i > 0 ? result.visible[i - 1] : undefined;
}

export function findVisible(result: WalkResult, id: string): VisibleQuestion | undefined {
  return result.visible.find((v) => v.question.id === id);
}

/** The id of the group whose items a group question shows (itself, or the group it extends). */
export function groupBaseId(question: Question): string {
  return question.type === 'group' && question.extends ? question.extends : question.id;
}

/** The items of a group question (for an extending group: the base group's items). */
export function groupItems(question: Question, answers: Answers): GroupItem[] {
  const value = answers[groupBaseId(question)];
  return Array.isArray(value) ? value.filter(isItem) : [];
}

function isItem(value: unknown): value is GroupItem {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The items of a group question with a yes/no cell of the question's own
 * fields blank or "nog niet bekend" (Stap 4: afspraken vastgelegd?): the
 * workbook asks it per item, so such a cell is an ontwikkelpunt.
 */
export function groupGaps(question: Question, answers: Answers): number {
  if (question.type !== 'group') return 0;
  const asked = question.fields.filter((f) => f.type === 'yesno');
  if (!asked.length) return 0;
  return groupItems(question, answers).filter((item) =>
    asked.some((f) => {
      const cell = item[f.id];
      return cell === undefined || cell === null || cell === NOT_YET_KNOWN || String(cell).trim() === '';
    }),
  ).length;
}

/**
 * Visible questions whose answer is "weet ik (nog) niet", empty or missing,
 * and repeat groups with gaps (groupGaps): the ontwikkelpunten.
 */
export function developmentPoints(result: WalkResult): VisibleQuestion[] {
  return result.visible.filter((v) => (v.state !== 'answered' || (v.gaps ?? 0) > 0) && v.section.kind === 'step');
}
