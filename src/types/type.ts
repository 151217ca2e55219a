// What the rest of the program asks of a question type (one module per type
// beside this file, all in registry.ts): check a stored answer, ask it
// through the Prompter, show it in the review and in reports. Also the
// report's answer data (ReportAnswer), which the types produce.
import type { Field, Question } from '../definition/schema.js';
import type { AnswerValue, Answers, FieldValue } from '../dossier/answers.js';
import type { Prompter, Reply } from '../terminal/prompter.js';
import type { Asking, PromptBase } from './prompt.js';

/** What is wrong with a stored answer: a Dutch message naming the question as `"<id>"`; `key` points inside the answer. */
export interface Problem {
  message: string;
  key?: string;
}

/** What asking needs besides the Prompter. */
export interface AskContext {
  prompter: Prompter;
  today(): Date;
}

/** The other questions of the worksheet by id (an extending group finds its base group). */
export type QuestionsById = ReadonlyMap<string, Question>;

/** A question type. `Q` is the definition of a question of this type. */
export interface QuestionType<Q extends Question> {
  /** A stored answer (not "weet ik (nog) niet" and not `{ antwoord, toelichting }`, which are checked before). */
  check(q: Q, value: unknown): Problem | undefined;
  /**
   * What is kept under `concepten:` when the question is left unconfirmed:
   * the typed text, a choice with the toelichting typed for it (such a
   * type also takes a toelichting with its answer), a half-filled item.
   */
  draft: 'typed' | 'noted' | 'item' | undefined;
  /** The typed text is the answer (text, longtext): text typed before "weet ik (nog) niet" becomes its earlier answer. */
  freeText: boolean;
  /** One answer can hold several options at once. */
  multiple: boolean;
  /** Whether a stored answer (not "weet ik (nog) niet") says nothing: deliberately left empty, an ontwikkelpunt. */
  isEmpty(value: AnswerValue): boolean;
  /** An answer fits on one line of a report (when its text does). */
  inline: boolean;
  /** Its answer can be a kernvraag: a column of the adviser's overview ('ja-nee' for yes/no, which is offered first). */
  key: 'ja-nee' | 'keuze' | undefined;
  /** Answered anew every round: last round's answer is not offered. */
  renewed(q: Q): boolean;
  /** The answer of an answered question as report data. */
  report(q: Q, value: AnswerValue, answers: Answers, byId: QuestionsById): ReportAnswer;
  /** The answer in a few words for the review; `gaps`: items of a group with cells not yet known. */
  short(q: Q, value: AnswerValue, max: number, gaps?: number): string;
  /** A meta answer (Naam, Datum) as a report's header shows it. */
  metaText(q: Q, value: string | number): string;
  /** A key question's cell in the adviser's overview. */
  keyText(q: Q, value: AnswerValue | undefined): string;
  /** The answer as `vergelijk` compares it (equal keys: the same answer); undefined when not compared. */
  judged(answer: ReportAnswer): string | undefined;
  /** What makes an answered question an "Aandachtspunt" (the `attention` answer), or undefined. */
  attention(q: Q, value: AnswerValue | undefined, answers: Answers, byId: QuestionsById): string | undefined;
  /** Typed input as the stored answer (a date dd-mm-jjjj as JJJJ-MM-DD, a number 7,5 as 7.5; "" stays ""); only typed types that store otherwise. */
  parse?(typed: string): AnswerValue;
  /** Ask it; undefined for a repeat group, which the runner asks item by item (runner/groups.ts). */
  ask?(ctx: AskContext, q: Q, a: Asking): Promise<Reply<AnswerValue>>;
}

/** A type of a repeat group's field (a column). */
export interface FieldType<F extends Field> {
  /** A stored cell (never an object: checked before). */
  check(f: F, value: unknown): Problem | undefined;
  /** A cell's value as a reader sees it ("Ja", an option's label, "16,5 uur"); strings as given otherwise. */
  cell(f: F, value: string | number): string;
  /** Free text: a draft of it is kept in the item; after a yes/no field it is that field's follow-up. */
  freeText: boolean;
  /** A yes/no column: asked per item ("nog niet bekend" allowed), opens the next free-text field, a blank is a gap. */
  decides: boolean;
  /** `vergelijk` compares its values across colleagues. */
  judged: boolean;
  /** Ask a cell; `validate` for the item's first field (its name). */
  ask(prompter: Prompter, f: F, base: PromptBase, current: FieldValue | undefined, validate?: (v: string) => string | undefined): Promise<Reply<AnswerValue>>;
}

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
