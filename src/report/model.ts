// The report model: pure functions from (worksheet, answers) to the data a
// report template shows. All text in the model is Markdown-safe: user text
// is escaped (see markdown.ts), so a template can print any field
// without breaking the report. The template variables are documented at
// the top of templates/rapport.md.liquid.
import type { Condition, Question, Worksheet } from '../definition/schema.js';
import type { Answers } from '../dossier/answers.js';
import { AnswersFile, type Status } from '../dossier/answers-file.js';
import { META_SECTION_ID, developmentPoints, walk, type QuestionState, type VisibleQuestion, type WalkResult } from '../walk.js';
import {
  STATE_TEXT,
  answerMarkdown,
  escapeBlock,
  escapeInline,
  stateMarkdown,
} from './markdown.js';
import { formatDate, formatDayNl, formatStampNl } from '../support/dates.js';
import { programVersion } from '../support/version.js';

/** Where the worksheets come from; shown under the title. */
export const SOURCE_TEXT = "Werkboek 'Profileren van Digitale inclusie bij gemeente(s)' (Probiblio, september 2023)";

/**
 * Intro of the ontwikkelpunten, in the words of the workbook (werkblad 2,
 * "Breng de randvoorwaarden … in kaart").
 */
export const DEVELOPMENT_INTRO =
  'Het kan zijn dat je erachter komt dat er op sommige onderdelen uit deze diagnose nog niet inzichtelijk zijn. ' +
  'Met deze punten kan je jouw dienstverlening verder ontwikkelen.';

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
  /** The answer as Markdown: text, a list or a table; or "_Weet ik (nog) niet_ (ontwikkelpunt)" etc. */
  answer: string;
  /** The answer is one line (yes/no, a number, a short text): it can go right under the question. */
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
  state: Exclude<QuestionState, 'answered'>;
  /** "weet ik (nog) niet", "leeg gelaten" or "nog niet beantwoord". */
  stateText: string;
}

export interface DevelopmentGroup {
  title: string;
  subtitle: string | null;
  items: DevelopmentPoint[];
}

export interface MetaField {
  id: string;
  /** "Naam", "Bibliotheek", "Datum" (without the colon). */
  label: string;
  /** The answer, or "_niet ingevuld_". */
  value: string;
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
  developmentPoints: { intro: string; count: number; groups: DevelopmentGroup[] };
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

/** What a template receives. */
export interface ReportContext {
  kind: 'werkblad' | 'dossier';
  title: string;
  source: string;
  library: string | null;
  /** The day the report was made, "27 november 2026". */
  generated: string;
  program: string;
  concept: boolean;
  sheets: SheetReport[];
  overview: OverviewEntry[];
  notStarted: OverviewEntry[];
}

/** A report: the template context plus plain-text bits for HTML titles and email subjects. */
export interface ReportDocument {
  context: ReportContext;
  plainTitle: string;
  subject: string;
}

export interface ReportMeta {
  /** Default: from the answers file, else "concept". */
  status?: Status;
  /** ISO time of the last edit; default: from the answers file. */
  updated?: string;
  now?: Date;
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
      title: escapeInline(s.title),
      subtitle: s.subtitle ? escapeInline(s.subtitle) : null,
      number: s.stepNumber ?? 0,
      questions: result.visible
        .filter((v) => v.section.id === s.id)
        .map((v) => reportQuestion(v, answers, byId)),
    }));

  return {
    id: ws.id,
    number: ws.number,
    title: escapeInline(ws.title),
    heading: escapeInline(`Werkblad ${ws.number}: ${ws.title}`),
    status,
    concept: status === 'concept',
    statusLine: statusLine(status, result),
    progress: { done: result.done, total: result.total },
    meta: {
      name: metaValue('naam'),
      library: metaValue('bibliotheek'),
      date: metaValue('datum'),
      updated: updated ? escapeInline(formatStampNl(updated)) : null,
      fields: metaFields,
    },
    singleStep: ws.steps.length === 1,
    sections,
    developmentPoints: developmentModel(result, byId),
  };
}

function statusLine(status: Status, result: WalkResult): string {
  return status === 'afgerond' ? 'Afgerond' : `Concept: ${result.done} van ${result.total} vragen beantwoord`;
}

function metaText(v: VisibleQuestion): string {
  const value = v.answer;
  if (v.state === 'unknown') return `_${STATE_TEXT.unknown}_`;
  if (typeof value !== 'string' && typeof value !== 'number') return '_niet ingevuld_';
  const text = String(value);
  return escapeInline(v.question.type === 'date' ? formatDate(text) : text);
}

function metaField(v: VisibleQuestion): MetaField {
  return {
    id: v.question.id,
    label: escapeInline(v.question.label.replace(/:\s*$/, '')),
    value: v.state === 'answered' || v.state === 'unknown' ? metaText(v) : '_niet ingevuld_',
  };
}

function reportQuestion(v: VisibleQuestion, answers: Answers, byId: Map<string, Question>): ReportQuestion {
  const q = v.question;
  const base = q.type === 'group' && q.extends ? byId.get(q.extends) : undefined;
  const answer =
    v.state === 'answered' && v.answer !== undefined ? answerMarkdown(q, v.answer, answers, base) : stateMarkdown(v.state as Exclude<QuestionState, 'answered'>);
  return {
    id: q.id,
    number: q.number ? escapeInline(q.number) : null,
    label: escapeInline(q.label),
    help: q.help ? escapeInline(q.help) : null,
    type: q.type,
    state: v.state,
    followUp: q.when !== undefined,
    answer,
    short: !answer.includes('\n') && q.type !== 'group' && q.type !== 'multichoice',
  };
}

function developmentModel(result: WalkResult, byId: Map<string, Question>): SheetReport['developmentPoints'] {
  const points = developmentPoints(result);
  const groups: DevelopmentGroup[] = [];
  let sectionId: string | undefined;
  for (const v of points) {
    let group = groups[groups.length - 1];
    if (!group || sectionId !== v.section.id) {
      group = { title: escapeInline(v.section.title), subtitle: v.section.subtitle ? escapeInline(v.section.subtitle) : null, items: [] };
      groups.push(group);
      sectionId = v.section.id;
    }
    const state = v.state as Exclude<QuestionState, 'answered'>;
    const parent = v.question.when ? byId.get(firstQuestion(v.question.when)) : undefined;
    group.items.push({
      id: v.question.id,
      number: v.question.number ? escapeInline(v.question.number) : null,
      label: escapeInline(v.question.label),
      context: parent && !v.question.number ? escapeInline(parent.label) : null,
      state,
      stateText: STATE_TEXT[state],
    });
  }
  return { intro: escapeBlock(DEVELOPMENT_INTRO), count: points.length, groups };
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
    title: escapeInline(ws.title),
    started: sheet !== undefined,
    status: sheet ? sheet.status : 'nog niet begonnen',
    statusLine: sheet ? sheet.statusLine : 'Nog niet begonnen',
    command: sheet ? null : `werkboek start ${ws.id}`,
  };
}

/** The plain-text value of a meta question ("Bibliotheek Velsen"), for subjects. */
function plainMeta(answers: Answers, id: string): string | undefined {
  const value = answers[id];
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
      source: escapeInline(SOURCE_TEXT),
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
export function dossierReport(inputs: SheetInput[], meta: Pick<ReportMeta, 'now'> = {}): ReportDocument {
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
      title: escapeInline(plainTitle),
      source: escapeInline(SOURCE_TEXT),
      library: library ? escapeInline(library) : null,
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
