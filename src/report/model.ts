// The report model: pure functions from worksheet states (sheet-state.ts:
// the definition, the answers file and the walk over it, loaded once by the
// command) to the data a report shows; the walk is never asked again. The model is raw and format-neutral: every string is plain
// text, as typed or as we word it ("27 november 2026", "Ja", an option's
// label), never escaped or marked up for any output format. Answers are
// structured data (see ReportAnswer), not rendered text. Escaping and markup
// happen at output: for Markdown in markdown.ts, applied by the template
// engine (template.ts). The template variables are documented at the top of
// templates/rapport.md.liquid.
import type { Question, Worksheet } from '../definition/schema.js';
import { answerValue, noteOf, UNKNOWN_LABEL, type Answers } from '../dossier/answers.js';
import type { AnswersMeta, Status } from '../dossier/answers-file.js';
import { META_SECTION_ID, type QuestionState, type VisibleQuestion, type WalkResult } from '../walk.js';
import { reportAnswer, type ReportAnswer } from './answer.js';
import { sheetPoints, stepHeading, type SheetPoints } from './points.js';
import { buildSummary, pointsToResearch, type Summary } from './summary.js';
import { formatDayNl, formatStampNl } from '../support/dates.js';
import { programVersion } from '../support/version.js';
import { own } from '../support/own.js';

export {
  attentionIntro,
  DEVELOPMENT_LIST_TITLES,
  DEVELOPMENT_INTRO,
  DEVELOPMENT_INTRO_OTHER,
  DEVELOPMENT_INTROS,
  stepHeading,
  type DevelopmentList,
  type DevelopmentPoint,
  type SheetPoints,
} from './points.js';
import { typeOf } from '../types/registry.js';
export type { Summary } from './summary.js';
export { EMPTY_TABLE_TEXT, type ReportAnswer, type TableAnswer } from './answer.js';

/** The ids of the workbook's own worksheets (an own worksheet may not take one, see definition/own.ts). */
export const WORKBOOK_IDS: readonly string[] = ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak'];

/** A worksheet of Probiblio's workbook, not an own one. */
export function isWorkbookSheet(ws: Pick<Worksheet, 'id'>): boolean {
  return WORKBOOK_IDS.includes(ws.id);
}

/** Where the worksheets come from; shown under the title (not for an own worksheet, which may give its own `subtitle`). */
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

/** Instead of an answer, at the start of a line: "Weet ik (nog) niet" (the words of the worksheet). */
export const STATE_LABEL: Record<Exclude<QuestionState, 'answered'>, string> = {
  open: 'Nog niet beantwoord',
  unknown: UNKNOWN_LABEL,
  empty: 'Leeg gelaten',
};

/** A meta field (Naam, Bibliotheek, Datum) without an answer. */
export const META_EMPTY_TEXT = 'niet ingevuld';

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
  /** The title as a heading that names the step alone ("Stap 4. Processen en werkwijzen op het gebied van samenwerken"). */
  heading: string;
  /** 1-based step number. */
  number: number;
  questions: ReportQuestion[];
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
  /** "Concept: 7 van 12 vragen beantwoord", "Afgerond" or, with points to find out, "Afgerond, 2 punten nog uit te zoeken". */
  statusLine: string;
  progress: { done: number; total: number };
  /** A worksheet of Probiblio's workbook (false: an own worksheet). */
  workbook: boolean;
  /** The line under the title: the workbook (SOURCE_TEXT), an own worksheet's `subtitle`, or null. */
  source: string | null;
  /** The meta answers; name, library and date are null unless answered. */
  meta: {
    name: string | null;
    library: string | null;
    date: string | null;
    /** "27 november 2026 om 14:05", or null. */
    updated: string | null;
    /** Both dates on one line (see dateLine), or null when there is neither. */
    dateLine: string | null;
    fields: MetaField[];
  };
  /** True when the worksheet has one step (its title is the worksheet title): no step headings needed. */
  singleStep: boolean;
  sections: ReportSection[];
  /**
   * The ontwikkelpunten (every question without an answer, groups with
   * cells unknown) and the aandachtspunten (answers marked `attention`): see
   * points.ts. `count` and `groups` are the ontwikkelpunten only; `lists` is
   * attention, toResearch and unanswered.
   */
  developmentPoints: SheetPoints;
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

/** Above Probiblio's closing: their text, written to the library, not the library's own. */
export const WORKBOOK_CLOSING_HEADING = 'Over het werkboek (Probiblio)';
/** Above an own worksheet's closing without a title of its own. */
export const OWN_CLOSING_HEADING = 'Tot slot';

/** The closing block ("Meer informatie?"), from a worksheet definition's `closing`. */
export interface Closing {
  /** Its heading: "Over het werkboek (Probiblio)" for the workbook's; an own worksheet's title, else "Tot slot". */
  heading: string;
  /** Probiblio's closing (true), or an own worksheet's. */
  workbook: boolean;
  /** The first line when it stands alone as a heading ("Meer informatie?"), else null. */
  title: string | null;
  /** The rest: paragraphs of plain text. */
  text: string;
}

/** What a template receives: raw text throughout (the template engine escapes at output). */
export interface ReportContext {
  kind: 'werkblad' | 'dossier';
  title: string;
  /** The line under the title (SOURCE_TEXT; for an own worksheet its `subtitle`), or null. */
  source: string | null;
  /** What the three worksheets are for (WORKBOOK_PURPOSE), or null for an own worksheet; the default template shows it for the dossier, in Probiblio's closing section. */
  purpose: string | null;
  /** The closing block: Probiblio's (see workbookClosing), an own worksheet's, or null. */
  closing: Closing | null;
  /** The "Samenvatting" that opens the report (summary.ts). */
  summary: Summary;
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
  /**
   * The shipped worksheets: Probiblio's closing comes from one of them when
   * the report's worksheets have none (a report of one worksheet); a dossier
   * report has them among its states already.
   */
  workbook?: readonly Worksheet[];
}

/**
 * What the model reads of a worksheet's state (SheetState in sheet-state.ts
 * has it): the definition, the answers file (undefined: niet begonnen) and
 * the walk over its answers.
 */
export interface SheetInput {
  worksheet: Worksheet;
  answers?: { answers: Answers; meta: Pick<AnswersMeta, 'status'> & { updated?: string | undefined } } | undefined;
  walk: WalkResult;
}

// --- one worksheet -----------------------------------------------------------

/** Build the report of one worksheet from its state (pure: no I/O; the walk is the state's). */
export function buildReport(input: SheetInput, meta: ReportMeta = {}): SheetReport {
  const { worksheet: ws, walk: result } = input;
  const answers = input.answers?.answers ?? {};
  const status = meta.status ?? input.answers?.meta.status ?? 'concept';
  const updated = meta.updated ?? input.answers?.meta.updated;
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
      heading: stepHeading(s.title, s.subtitle),
      number: s.stepNumber ?? 0,
      questions: result.visible.filter((v) => v.section.id === s.id).map((v) => reportQuestion(v, answers, byId)),
    }));

  const points = sheetPoints(ws, result, answers, byId);
  const date = metaValue('datum');
  const stamp = updated ? formatStampNl(updated) : null;
  return {
    id: ws.id,
    number: ws.number,
    title: ws.title,
    heading: `Werkblad ${ws.number}: ${ws.title}`,
    status,
    concept: status === 'concept',
    statusLine: statusLine(status, result, points.toResearch.count),
    progress: { done: result.done, total: result.total },
    workbook: isWorkbookSheet(ws),
    source: isWorkbookSheet(ws) ? SOURCE_TEXT : ws.subtitle?.trim() || null,
    meta: {
      name: metaValue('naam'),
      library: metaValue('bibliotheek'),
      date,
      updated: stamp,
      dateLine: dateLine(date, stamp),
      fields: metaFields,
    },
    singleStep: ws.steps.length === 1,
    sections,
    developmentPoints: points,
  };
}

/** Honest: a finished worksheet with points still to find out says so. */
function statusLine(status: Status, result: WalkResult, toResearch: number): string {
  if (status !== 'afgerond') return `Concept: ${result.done} van ${result.total} vragen beantwoord`;
  return toResearch ? `Afgerond, ${pointsToResearch(toResearch)}` : 'Afgerond';
}

/**
 * The dates on one line: "Ingevuld op 26 november 2026, laatst bijgewerkt op
 * 27 november 2026 om 14:05" ("…, laatst bijgewerkt om 14:05" on the same day).
 */
export function dateLine(date: string | null, updated: string | null): string | null {
  if (date && updated) {
    const sameDay = updated.startsWith(`${date} om `);
    return `Ingevuld op ${date}, laatst bijgewerkt ${sameDay ? updated.slice(date.length + 1) : `op ${updated}`}`;
  }
  if (date) return `Ingevuld op ${date}`;
  return updated ? `Laatst bijgewerkt op ${updated}` : null;
}

/** The text of an answered meta question, or null when it is no text or number. */
function metaText(v: VisibleQuestion): string | null {
  const value = v.answer;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  return typeOf(v.question).metaText(v.question, value);
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
    short: oneLine && typeOf(q).inline,
  };
}

/** One line of text, not counting blank lines around it (a line of only spaces and tabs is blank). */
function isOneLine(text: string): boolean {
  return text.split(/\r\n?|\n/).filter((line) => !/^[ \t]*$/.test(line)).length <= 1;
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
 * The closing block. A report with a worksheet of the workbook ends with
 * Probiblio's closing (of the first of its worksheets that has one, else of
 * the shipped workbook), under "Over het werkboek (Probiblio)": their text,
 * written to the library. A report of own worksheets only has the closing
 * its definition gives, if any, never Probiblio's. "Meer
 * informatie?\n\nDit werkboek …": a first line on its own (followed by a
 * blank line and more) is its title.
 */
export function workbookClosing(worksheets: readonly Worksheet[], workbook: readonly Worksheet[] = []): Closing | null {
  const fromWorkbook = worksheets.some(isWorkbookSheet);
  const candidates = fromWorkbook ? [...worksheets, ...workbook].filter(isWorkbookSheet) : worksheets;
  const raw = candidates.find((ws) => ws.closing?.trim())?.closing;
  if (raw === undefined) return null;
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const m = /^([^\n]+)\n[ \t]*\n([\s\S]*\S[\s\S]*)$/.exec(text);
  const title = m ? m[1]!.trim() : null;
  const body = m ? m[2]!.trim() : text;
  if (fromWorkbook) return { heading: WORKBOOK_CLOSING_HEADING, workbook: true, title, text: body };
  return { heading: title ?? OWN_CLOSING_HEADING, workbook: false, title: null, text: body };
}

/** The plain-text value of a meta question ("Bibliotheek Velsen"), for subjects. */
function plainMeta(answers: Answers, id: string): string | undefined {
  const value = own(answers, id);
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined;
}

/** The report of one started worksheet. */
export function worksheetReport(input: SheetInput, meta: ReportMeta = {}): ReportDocument {
  const ws = input.worksheet;
  const sheet = buildReport(input, meta);
  const library = plainMeta(input.answers?.answers ?? {}, 'bibliotheek');
  const plainTitle = `Werkblad ${ws.number}: ${ws.title}`;
  return {
    context: {
      kind: 'werkblad',
      title: sheet.heading,
      source: sheet.source,
      purpose: sheet.workbook ? WORKBOOK_PURPOSE : null,
      closing: workbookClosing([ws], meta.workbook),
      summary: buildSummary([sheet], sheet.meta.library, [], false),
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
export function dossierReport(inputs: readonly SheetInput[], meta: Pick<ReportMeta, 'now' | 'workbook'> = {}): ReportDocument {
  const sheets: SheetReport[] = [];
  const overview: OverviewEntry[] = [];
  let library: string | undefined;
  for (const input of inputs) {
    const sheet = input.answers ? buildReport(input, meta) : undefined;
    if (sheet) sheets.push(sheet);
    if (input.answers) library ??= plainMeta(input.answers.answers, 'bibliotheek');
    overview.push(overviewEntry(input.worksheet, sheet));
  }
  const plainTitle = `Dossier digitale inclusie${library ? ` – ${library}` : ''}`;
  const notStarted = overview.filter((o) => !o.started);
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
      summary: buildSummary(sheets, library ?? null, notStarted),
      library: library ?? null,
      generated: formatDayNl(meta.now ?? new Date()),
      program: `werkboek ${programVersion}`,
      concept: sheets.some((s) => s.concept),
      sheets,
      overview,
      notStarted,
    },
    plainTitle,
    subject: plainTitle,
  };
}
