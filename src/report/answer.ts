// Answers as data for a report (see ReportAnswer): stored values turned into
// what a reader sees, raw and format-neutral like the rest of the report
// model (model.ts, which re-exports the types). The question's type
// (types/) makes the data.
import type { Question } from '../definition/schema.js';
import type { AnswerValue, Answers } from '../dossier/answers.js';
import { typeOf } from '../types/registry.js';
import type { ReportAnswer } from '../types/type.js';

export type { ReportAnswer, TableAnswer } from '../types/type.js';

/** A table answer without rows (Stap 4 before the partners of Stap 2 are filled in). */
export const EMPTY_TABLE_TEXT = 'Het overzicht is nog leeg.';

/** The answer of an answered question (state 'answered') as data. */
export function reportAnswer(question: Question, value: AnswerValue, answers: Answers, byId: Map<string, Question>): ReportAnswer {
  return typeOf(question).report(question, value, answers, byId);
}
