// The report model: pure functions from (worksheet, answers) to the data a
// report shows. The model is raw and format-neutral: every string is plain
// text, as typed or as we word it ("27 november 2026", "Ja", an option's
// label), never escaped or marked up for any output format. Answers are
// structured data (see ReportAnswer), not rendered text. Escaping and markup
// happen at output: for Markdown in markdown.ts, applied by the template
// engine (template.ts). The template variables are documented at the top of
// templates/rapport.md.liquid.
import type { Condition, Field, Question, Worksheet } from '../definition/schema.js';
import { optionLabel, optionValue } from '../definition/questions.js';
import { answerValue, noteOf, NOT_YET_KNOWN, NOT_YET_KNOWN_LABEL, UNKNOWN_LABEL, type AnswerValue, type Answers, type FieldValue } from '../dossier/answers.js';
import { AnswersFile, type Status } from '../dossier/answers-file.js';
import {
  META_SECTION_ID,
  developmentPoints,
  groupItems,
  walk,
  type QuestionState,
  type VisibleQuestion,
  type WalkResult,
} from '../walk.js';
import { formatDate, formatDayNl, formatNumber, formatStampNl } from '../support/dates.js';
import { programVersion } from '../support/version.js';
import { own } from '../support/own.js';

/** Where the worksheets come from; shown under the title. */
export const SOURCE_TEXT = "Werkboek 'Profileren van Digitale inclusie bij gemeente(s)' (Probiblio, september 2023)";

/**
 * What the three worksheets are for, verbatim from the workbook (Introductie,
 * "Context", without the quote that follows it): the dossier (`rapport alles`)
 * opens with it. Plain text with paragraphs and a numbered list, shown with
 * the `blok` filter.
 */
export const WORKBOOK_PURPOSE = [
  'Voor dit werkboek focussen we op het thema digitale inclusie. ' +
    "Origineel stammen de werkbladen uit het werktraject ‘Informatiepunt Digitale Overheid (IDO's) profileren bij gemeente(s)’ begin 2023, " +
    'waarbij een groep bibliotheken in het kader van de nieuwe SPUK-regeling voor het Informatiepunt Digitale Overheid (IDO) het traject volgde. ' +
    'Het werktraject bestond uit een drietal fysieke werksessies, waarbij de deelnemers samen met collega specialisten de volgende stappen doorliepen:',
  '1. Kennisvergroting en het in kaart brengen van het eigen gemeentelandschap\n' +
    '2. De eigen randvoorwaarden van de IDO dienstverlening uitwerken\n' +
    '3. Een plan van aanpak voor het profileren van het IDO bij gemeente(s) opstellen',
  'Voor elke stap is een werkblad ontwikkeld, waar de bibliotheken mee gewerkt en feedback op gegeven hebben. ' +
    'Het resultaat daarvan is dit werkboek waar je zelf mee aan de slag kunt gaan.',
].join('\n\n');

/**
 * Intro of the ontwikkelpunten of werkblad 2, in the words of the workbook
 * ("Breng de randvoorwaarden … in kaart"), verbatim.
 */
export const DEVELOPMENT_INTRO =
  'Het kan zijn dat je erachter komt dat er op sommige onderdelen uit deze diagnose nog niet inzichtelijk zijn. ' +
  'Met deze punten kan je jouw dienstverlening verder ontwikkelen.';

/**
 * The intro of the ontwikkelpunten per worksheet (by id). Only werkblad 2
 * has one in the workbook (DEVELOPMENT_INTRO, about "deze diagnose"). The
 * sentences for werkblad 1 and 3 are OURS, not the workbook's: written in
 * its tone, about what that worksheet is for.
 */
export const DEVELOPMENT_INTROS: Readonly<Record<string, string>> = {
  // Ours.
  gemeentelandschap:
    'Het kan zijn dat je nog niet alles over de gemeente weet. ' +
    'Zoek deze punten verder uit, zodat je de context van de ontvanger van jouw boodschap goed in kaart hebt.',
  // The workbook's.
  randvoorwaarden: DEVELOPMENT_INTRO,
  // Ours.
  'plan-van-aanpak':
    'Het kan zijn dat nog niet elk onderdeel van je plan van aanpak helder is. ' +
    'Werk deze punten verder uit, zodat je met een concreet plan het gesprek met de gemeente aangaat.',
};

/** The intro of the ontwikkelpunten of a worksheet that is not shipped (ours too). */
export const DEVELOPMENT_INTRO_OTHER = 'Het kan zijn dat je op sommige vragen nog geen antwoord hebt. Zoek deze punten verder uit.';

/** The two lists of ontwikkelpunten (our words). */
export const DEVELOPMENT_LIST_TITLES = {
  /** "Weet ik (nog) niet" and leeg gelaten: something to find out. */
  toResearch: 'Nog uit te zoeken',
  /** Not answered yet: the worksheet is not finished. */
  unanswered: 'Nog niet beantwoord',
} as const;

/** Instead of an answer, lower case as in "(weet ik (nog) niet)": the state of an unanswered question. */
export const STATE_TEXT: Record<Exclude<QuestionState, 'answered'>, string> = {
  open: 'nog niet beantwoord',
  unknown: 'weet ik (nog) niet',
  empty: 'leeg gelaten',
};

/** Instead of an answer, at the start of a line: "Weet ik (nog) niet" (the words of the worksheet). */
export const STATE_LABEL: Record<Exclude<QuestionState, 'answered'>, string> = {
  open: 'Nog niet beantwoord',
  unknown: UNKNOWN_LABEL,
  empty: 'Leeg gelaten',
};

/** A meta field (Naam, Bibliotheek, Datum) without an answer. */
export const META_EMPTY_TEXT = 'niet ingevuld';

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

export interface ReportQuestion {
  id: string;
  /** "1.1." or null. */
  number: string | null;
  label: string;
  /** Explanation under the question ("Denk hierbij aan …"), or null. */
  help: string | null;
  type: Question['type'];
  state: QuestionState;
  /** Shown because of an earlier answer (a question with `when`). */
  followUp: boolean;
  /** The answer (state 'answered'), else null. */
  answer: ReportAnswer | null;
  /** The toelichting given with a ja/nee or choice answer (Ctrl+O), as typed; null when there is none. */
  note: string | null;
  /** Without an answer: what to show instead, "Weet ik (nog) niet", "Leeg gelaten" or "Nog niet beantwoord" (STATE_LABEL); null when answered. */
  stateText: string | null;
  /** The answer fits on one line (yes/no, a number, a text of one line, a state): it can go right under the question. */
  short: boolean;
}

export interface ReportSection {
  id: string;
  title: string;
  subtitle: string | null;
  /** 1-based step number. */
  number: number;
  questions: ReportQuestion[];
}

export interface DevelopmentPoint {
  id: string;
  number: string | null;
  label: string;
  /** For a follow-up question: the label of the question it follows, else null. */
  context: string | null;
  /** 'incomplete': a repeat group with yes/no cells blank or "nog niet bekend" (Stap 4: afspraken). */
  state: Exclude<QuestionState, 'answered'> | 'incomplete';
  /** "weet ik (nog) niet", "leeg gelaten" or "nog niet beantwoord" (STATE_TEXT); "nog niet bekend bij 2 partners" for 'incomplete'. */
  stateText: string;
}

/** The points of one step (its title and subtitle: Stap 4 and Stap 5 have the same title). */
export interface DevelopmentGroup {
  title: string;
  subtitle: string | null;
  items: DevelopmentPoint[];
}

/** One list of ontwikkelpunten, per step. */
export interface DevelopmentList {
  /** "Nog uit te zoeken" or "Nog niet beantwoord" (DEVELOPMENT_LIST_TITLES). */
  title: string;
  count: number;
  groups: DevelopmentGroup[];
}

export interface MetaField {
  id: string;
  /** "Naam", "Bibliotheek", "Datum" (without the colon). */
  label: string;
  state: QuestionState;
  /** The answer as text (a date as "27 november 2026"), or null. */
  value: string | null;
  /** Without a value: "Weet ik (nog) niet" or "niet ingevuld"; null when there is a value. */
  stateText: string | null;
}

export interface SheetReport {
  id: string;
  number: number;
  /** "Verken jouw gemeentelandschap" */
  title: string;
  /** "Werkblad 1: Verken jouw gemeentelandschap" */
  heading: string;
  status: Status;
  concept: boolean;
  /** "Concept: 7 van 12 vragen beantwoord" or "Afgerond". */
  statusLine: string;
  progress: { done: number; total: number };
  /** The meta answers; name, library and date are null unless answered. */
  meta: {
    name: string | null;
    library: string | null;
    date: string | null;
    /** "27 november 2026 om 14:05", or null. */
    updated: string | null;
    fields: MetaField[];
  };
  /** True when the worksheet has one step (its title is the worksheet title): no step headings needed. */
  singleStep: boolean;
  sections: ReportSection[];
  /**
   * The ontwikkelpunten: every question without an answer. `intro` is one
   * paragraph for this worksheet (DEVELOPMENT_INTROS); `groups` has all
   * points per step; `toResearch` only "weet ik (nog) niet" and leeg gelaten,
   * `unanswered` only the questions not answered yet; `lists` is those two
   * in that order (to loop over); `count` is all points.
   */
  developmentPoints: {
    intro: string;
    count: number;
    groups: DevelopmentGroup[];
    toResearch: DevelopmentList;
    unanswered: DevelopmentList;
    lists: DevelopmentList[];
  };
}

export interface OverviewEntry {
  id: string;
  number: number;
  title: string;
  started: boolean;
  /** "afgerond", "concept" or "nog niet begonnen". */
  status: string;
  /** "Afgerond", "Concept: 7 van 12 vragen beantwoord" or "Nog niet begonnen". */
  statusLine: string;
  /** "werkboek start plan-van-aanpak" for a sheet not started, else null. */
  command: string | null;
}

/** The closing block of the workbook ("Meer informatie?"), from a worksheet definition's `closing`. */
export interface Closing {
  /** The first line when it stands alone as a heading ("Meer informatie?"), else null. */
  title: string | null;
  /** The rest: paragraphs of plain text. */
  text: string;
}

/** What a template receives: raw text throughout (the template engine escapes at output). */
export interface ReportContext {
  kind: 'werkblad' | 'dossier';
  title: string;
  source: string;
  /** What the three worksheets are for (WORKBOOK_PURPOSE); the default template shows it for the dossier. */
  purpose: string;
  /** The workbook's closing block: of the worksheet (the first one that has it, for the dossier), else of the shipped workbook; null when none has one. */
  closing: Closing | null;
  library: string | null;
  /** The day the report was made, "27 november 2026". */
  generated: string;
  program: string;
  concept: boolean;
  sheets: SheetReport[];
  overview: OverviewEntry[];
  notStarted: OverviewEntry[];
}

/** A report: the template context plus the title for HTML documents and the subject for emails. */
export interface ReportDocument {
  context: ReportContext;
  /** The same as context.title. */
  plainTitle: string;
  subject: string;
}

export interface ReportMeta {
  /** Default: from the answers file, else "concept". */
  status?: Status;
  /** ISO time of the last edit; default: from the answers file. */
  updated?: string;
  now?: Date;
  /** The shipped worksheets: the closing comes from one of them when the worksheet itself has none. */
  workbook?: readonly Worksheet[];
}

// --- one worksheet -----------------------------------------------------------

/** Build the report of one worksheet from its answers (pure: no I/O). */
export function buildReport(ws: Worksheet, source: AnswersFile | Answers, meta: ReportMeta = {}): SheetReport {
  const answers = source instanceof AnswersFile ? source.answers : source;
  const fileMeta = source instanceof AnswersFile ? source.meta : undefined;
  const status = meta.status ?? fileMeta?.status ?? 'concept';
  const updated = meta.updated ?? fileMeta?.updated;
  const result = walk(ws, answers);
  const byId = new Map(result.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));

  const metaFields = result.visible.filter((v) => v.section.kind === 'meta').map((v) => metaField(v));
  const metaValue = (id: string) => {
    const v = result.visible.find((x) => x.section.id === META_SECTION_ID && x.question.id === id);
    return v && v.state === 'answered' ? metaText(v) : null;
  };

  const sections: ReportSection[] = result.sections
    .filter((s) => s.kind === 'step')
    .map((s) => ({
      id: s.id,
      title: s.title,
      subtitle: s.subtitle ?? null,
      number: s.stepNumber ?? 0,
      questions: result.visible
        .filter((v) => v.section.id === s.id)
        .map((v) => reportQuestion(v, answers, byId)),
    }));

  return {
    id: ws.id,
    number: ws.number,
    title: ws.title,
    heading: `Werkblad ${ws.number}: ${ws.title}`,
    status,
    concept: status === 'concept',
    statusLine: statusLine(status, result),
    progress: { done: result.done, total: result.total },
    meta: {
      name: metaValue('naam'),
      library: metaValue('bibliotheek'),
      date: metaValue('datum'),
      updated: updated ? formatStampNl(updated) : null,
      fields: metaFields,
    },
    singleStep: ws.steps.length === 1,
    sections,
    developmentPoints: developmentModel(ws, result, byId),
  };
}

function statusLine(status: Status, result: WalkResult): string {
  return status === 'afgerond' ? 'Afgerond' : `Concept: ${result.done} van ${result.total} vragen beantwoord`;
}

/** The text of an answered meta question, or null when it is no text or number. */
function metaText(v: VisibleQuestion): string | null {
  const value = v.answer;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value);
  return v.question.type === 'date' ? formatDate(text) : text;
}

function metaField(v: VisibleQuestion): MetaField {
  const value = v.state === 'answered' ? metaText(v) : null;
  return {
    id: v.question.id,
    label: v.question.label.replace(/:\s*$/, ''),
    state: v.state,
    value,
    stateText: value !== null ? null : v.state === 'unknown' ? UNKNOWN_LABEL : META_EMPTY_TEXT,
  };
}

function reportQuestion(v: VisibleQuestion, answers: Answers, byId: Map<string, Question>): ReportQuestion {
  const q = v.question;
  const value = answerValue(v.answer);
  const answer = v.state === 'answered' && value !== undefined ? reportAnswer(q, value, answers, byId) : null;
  const note = noteOf(v.answer);
  const oneLine = answer === null || answer.kind === 'value' || (answer.kind === 'text' && isOneLine(answer.text));
  return {
    id: q.id,
    number: q.number ?? null,
    label: q.label,
    help: q.help ?? null,
    type: q.type,
    state: v.state,
    followUp: q.when !== undefined,
    answer,
    note: answer && note.trim() ? note : null,
    stateText: v.state === 'answered' ? null : STATE_LABEL[v.state],
    short: oneLine && q.type !== 'group' && q.type !== 'multichoice',
  };
}

/** One line of text, not counting blank lines around it (a line of only spaces and tabs is blank). */
function isOneLine(text: string): boolean {
  return text.split(/\r\n?|\n/).filter((line) => !/^[ \t]*$/.test(line)).length <= 1;
}

// --- answers -------------------------------------------------------------------

/** The answer of an answered question (state 'answered') as data. */
function reportAnswer(question: Question, value: AnswerValue, answers: Answers, byId: Map<string, Question>): ReportAnswer {
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

// --- ontwikkelpunten -------------------------------------------------------------

function developmentModel(ws: Worksheet, result: WalkResult, byId: Map<string, Question>): SheetReport['developmentPoints'] {
  const points = developmentPoints(result).map((v) => developmentPoint(v, byId));
  const list = (title: string, items: Array<[VisibleQuestion, DevelopmentPoint]>): DevelopmentList => ({
    title,
    count: items.length,
    groups: groupBySection(items),
  });
  const toResearch = list(DEVELOPMENT_LIST_TITLES.toResearch, points.filter(([, p]) => p.state !== 'open'));
  const unanswered = list(DEVELOPMENT_LIST_TITLES.unanswered, points.filter(([, p]) => p.state === 'open'));
  return {
    intro: own(DEVELOPMENT_INTROS, ws.id) ?? DEVELOPMENT_INTRO_OTHER,
    count: points.length,
    groups: groupBySection(points),
    toResearch,
    unanswered,
    lists: [toResearch, unanswered],
  };
}

function developmentPoint(v: VisibleQuestion, byId: Map<string, Question>): [VisibleQuestion, DevelopmentPoint] {
  // An answered group with blank or "nog niet bekend" cells (Stap 4): 'incomplete'.
  const state = v.state === 'answered' ? 'incomplete' : v.state;
  const noun = v.question.type === 'group' ? v.question.item : '';
  const parent = v.question.when ? byId.get(firstQuestion(v.question.when)) : undefined;
  return [
    v,
    {
      id: v.question.id,
      number: v.question.number ?? null,
      label: v.question.label,
      context: parent && !v.question.number ? parent.label : null,
      state,
      stateText: state === 'incomplete' ? `nog niet bekend bij ${v.gaps} ${noun}${v.gaps === 1 ? '' : 's'}` : STATE_TEXT[state],
    },
  ];
}

/** Points in walk order, one group per step (with its title and subtitle). */
function groupBySection(points: Array<[VisibleQuestion, DevelopmentPoint]>): DevelopmentGroup[] {
  const groups: DevelopmentGroup[] = [];
  let sectionId: string | undefined;
  for (const [v, point] of points) {
    let group = groups[groups.length - 1];
    if (!group || sectionId !== v.section.id) {
      group = { title: v.section.title, subtitle: v.section.subtitle ?? null, items: [] };
      groups.push(group);
      sectionId = v.section.id;
    }
    group.items.push(point);
  }
  return groups;
}

function firstQuestion(cond: Condition): string {
  if ('question' in cond) return cond.question;
  const list = 'any' in cond ? cond.any : cond.all;
  return list[0] ? firstQuestion(list[0]) : '';
}

// --- contexts ------------------------------------------------------------------

function overviewEntry(ws: Worksheet, sheet: SheetReport | undefined): OverviewEntry {
  return {
    id: ws.id,
    number: ws.number,
    title: ws.title,
    started: sheet !== undefined,
    status: sheet ? sheet.status : 'nog niet begonnen',
    statusLine: sheet ? sheet.statusLine : 'Nog niet begonnen',
    command: sheet ? null : `werkboek start ${ws.id}`,
  };
}

/**
 * The closing block: of the first worksheet that has one, else of the first
 * shipped worksheet that has one. "Meer informatie?\n\nDit werkboek …": a
 * first line on its own (followed by a blank line and more) is its title.
 */
export function workbookClosing(worksheets: readonly Worksheet[], workbook: readonly Worksheet[] = []): Closing | null {
  const raw = [...worksheets, ...workbook].find((ws) => ws.closing?.trim())?.closing;
  if (raw === undefined) return null;
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const m = /^([^\n]+)\n[ \t]*\n([^]*\S[^]*)$/.exec(text);
  return m ? { title: m[1]!.trim(), text: m[2]!.trim() } : { title: null, text };
}

/** The plain-text value of a meta question ("Bibliotheek Velsen"), for subjects. */
function plainMeta(answers: Answers, id: string): string | undefined {
  const value = own(answers, id);
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined;
}

export interface SheetInput {
  worksheet: Worksheet;
  /** undefined: niet begonnen. */
  answers?: AnswersFile | undefined;
}

/** The report of one started worksheet. */
export function worksheetReport(ws: Worksheet, source: AnswersFile | Answers, meta: ReportMeta = {}): ReportDocument {
  const sheet = buildReport(ws, source, meta);
  const answers = source instanceof AnswersFile ? source.answers : source;
  const library = plainMeta(answers, 'bibliotheek');
  const plainTitle = `Werkblad ${ws.number}: ${ws.title}`;
  return {
    context: {
      kind: 'werkblad',
      title: sheet.heading,
      source: SOURCE_TEXT,
      purpose: WORKBOOK_PURPOSE,
      closing: workbookClosing([ws], meta.workbook),
      library: sheet.meta.library,
      generated: formatDayNl(meta.now ?? new Date()),
      program: `werkboek ${programVersion}`,
      concept: sheet.concept,
      sheets: [sheet],
      overview: [overviewEntry(ws, sheet)],
      notStarted: [],
    },
    plainTitle,
    subject: `Werkboek digitale inclusie: ${ws.title}${library ? ` – ${library}` : ''}`,
  };
}

/** The dossier: all worksheets, the started ones in full. */
export function dossierReport(inputs: SheetInput[], meta: Pick<ReportMeta, 'now' | 'workbook'> = {}): ReportDocument {
  const sheets: SheetReport[] = [];
  const overview: OverviewEntry[] = [];
  let library: string | undefined;
  for (const input of inputs) {
    const sheet = input.answers ? buildReport(input.worksheet, input.answers, meta) : undefined;
    if (sheet) sheets.push(sheet);
    if (input.answers) library ??= plainMeta(input.answers.answers, 'bibliotheek');
    overview.push(overviewEntry(input.worksheet, sheet));
  }
  const plainTitle = `Dossier digitale inclusie${library ? ` – ${library}` : ''}`;
  return {
    context: {
      kind: 'dossier',
      title: plainTitle,
      source: SOURCE_TEXT,
      purpose: WORKBOOK_PURPOSE,
      closing: workbookClosing(
        inputs.map((i) => i.worksheet),
        meta.workbook,
      ),
      library: library ?? null,
      generated: formatDayNl(meta.now ?? new Date()),
      program: `werkboek ${programVersion}`,
      concept: sheets.some((s) => s.concept),
      sheets,
      overview,
      notStarted: overview.filter((o) => !o.started),
    },
    plainTitle,
    subject: plainTitle,
  };
}
