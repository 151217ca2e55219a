// Answers as data for a report (see ReportAnswer): stored values turned into
// what a reader sees, raw and format-neutral like the rest of the report
// model (model.ts, which re-exports the types). Split from model.ts.
import type { Field, Question } from '../definition/schema.js';
import { optionLabel, optionValue } from '../definition/questions.js';
import { NOT_YET_KNOWN, NOT_YET_KNOWN_LABEL, type AnswerValue, type Answers, type FieldValue } from '../dossier/answers.js';
import { groupItems } from '../walk.js';
import { formatDate, formatNumber } from '../support/dates.js';
import { own } from '../support/own.js';

/** A table answer without rows (Stap 4 before the partners of Stap 2 are filled in). */
export const EMPTY_TABLE_TEXT = 'Het overzicht is nog leeg.';

/**
 * An answer as data, for any output format. Stored values are already turned
 * into what a reader sees: dates ("27 november 2026"), numbers with their
 * unit ("7,5 uur"), "Ja"/"Nee", option labels instead of option values.
 * Nothing is escaped or marked up; text typed by the user is kept exactly as
 * typed (line breaks, spaces and all).
 */
export type ReportAnswer = TextAnswer | ValueAnswer | ListAnswer | TableAnswer;

/** Text as typed (text, longtext, a number typed as text) or a choice's label: may hold several lines and paragraphs. */
export interface TextAnswer {
  kind: 'text';
  text: string;
}

/** One value we formatted, meant for one line: a date, a number, Ja/Nee. */
export interface ValueAnswer {
  kind: 'value';
  text: string;
}

/** Multichoice: the labels of the chosen options, in the order stored; a free answer ("anders, namelijk") as typed. */
export interface ListAnswer {
  kind: 'list';
  items: string[];
}

/**
 * A repeat group: one column per field (its label), one row per item, each
 * cell the field's value as text ("" when it has none). A group that extends
 * another (Stap 4 adds columns to the partners of Stap 2) has the rows of
 * the base group and the base group's columns first. No rows: the list is
 * empty (for an extending group: the base group has no items yet).
 */
export interface TableAnswer {
  kind: 'table';
  columns: string[];
  rows: string[][];
}

// --- answers -------------------------------------------------------------------

/** The answer of an answered question (state 'answered') as data. */
export function reportAnswer(question: Question, value: AnswerValue, answers: Answers, byId: Map<string, Question>): ReportAnswer {
  switch (question.type) {
    case 'text':
    case 'longtext':
      return { kind: 'text', text: String(value) };
    case 'date':
      return { kind: 'value', text: formatDate(String(value)) };
    case 'yesno':
      return { kind: 'value', text: yesNo(String(value)) };
    case 'choice':
      return { kind: 'text', text: choiceLabel(question, String(value)) };
    case 'multichoice': {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      return { kind: 'list', items: values.map((v) => choiceLabel(question, v)) };
    }
    case 'number':
      return typeof value === 'number' ? { kind: 'value', text: formatNumber(value, question.unit) } : { kind: 'text', text: String(value) };
    case 'group': {
      const base = question.extends ? byId.get(question.extends) : undefined;
      const fields = [...(base?.type === 'group' ? base.fields : []), ...question.fields];
      return {
        kind: 'table',
        columns: fields.map((f) => f.label),
        rows: groupItems(question, answers).map((item) => fields.map((f) => cellText(f, own(item, f.id)))),
      };
    }
  }
}

type Choice = { options: Array<string | { value: string; label: string }> };

function choiceLabel(q: Choice, value: string): string {
  const option = q.options.find((o) => optionValue(o) === value);
  return option ? optionLabel(option) : value;
}

function yesNo(value: string): string {
  if (value === 'ja') return 'Ja';
  if (value === 'nee') return 'Nee';
  if (value === NOT_YET_KNOWN) return NOT_YET_KNOWN_LABEL;
  return value;
}

function cellText(field: Field, value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value, field.type === 'number' ? field.unit : undefined);
  const text = String(value);
  switch (field.type) {
    case 'yesno':
      return yesNo(text);
    case 'choice':
      return choiceLabel(field, text);
    default:
      return text;
  }
}
