// The comparison model (`werkboek vergelijk`): the answers of several
// respondents to one worksheet, side by side, built from each respondent's
// state (sheet-state.ts) through the report model (model.ts), so the same answers, labels and states appear as
// in `rapport`. Raw and format-neutral like the report model: escaping
// happens at output (template.ts). The template variables are documented at
// the top of templates/vergelijk.md.liquid.
//
// Judged: ja/nee, choices, numbers and dates (answers that differ are a
// gesprekspunt), and repeat groups (merged by name: an item not everyone
// listed, or a ja/nee or choice cell filled in differently; a name one
// respondent gives twice stays two items, "Welzijn (2)"). Texts are
// shown, never judged. The aandachtspunten are each respondent's, as
// `rapport` finds them (points.ts), listed with who has them: one that
// everyone shares is no gesprekspunt, but still a weak spot.
import type { Field, Question, Worksheet } from '../definition/schema.js';
import { allQuestions } from '../definition/questions.js';
import type { QuestionState } from '../walk.js';
import { formatDayNl } from '../support/dates.js';
import { programVersion } from '../support/version.js';
import {
  attentionIntro,
  buildReport,
  DEVELOPMENT_LIST_TITLES,
  DEVELOPMENT_INTRO_OTHER,
  DEVELOPMENT_INTROS,
  isWorkbookSheet,
  SOURCE_TEXT,
  stepHeading,
  workbookClosing,
  type Closing,
  type ReportAnswer,
  type ReportMeta,
  type ReportQuestion,
  type SheetInput,
  type SheetReport,
  type TableAnswer,
} from './model.js';
import { own } from '../support/own.js';
import { fieldTypeOf, groupFields, isGroup, numberDuplicates, typeOf } from '../types/registry.js';

/** A question a respondent does not see (a follow-up of another answer). */
export const HIDDEN_TEXT = 'Niet van toepassing';
/** The column of a merged repeat group that says who listed an item. */
export const LISTED_BY = 'Genoemd door';
/** In that column: every respondent listed it. */
export const LISTED_BY_ALL = 'iedereen';

/** A respondent's state of the worksheet (RespondentState in sheet-state.ts has it). */
export interface CompareInput extends SheetInput {
  /** The respondent's name as shown ("Piet Bakker"). */
  name: string;
}

export interface CompareRespondent {
  name: string;
  status: SheetReport['status'];
  concept: boolean;
  /** "Afgerond" or "Concept: 7 van 12 vragen beantwoord". */
  statusLine: string;
  /** How many aandachtspunten this respondent's answers give (as in `rapport`). */
  attention: number;
  /** statusLine with the aandachtspunten: "Afgerond, 1 punt nog uit te zoeken, 2 aandachtspunten". */
  summaryLine: string;
  /** "27 november 2026 om 14:05", or null. */
  updated: string | null;
  library: string | null;
}

/** One respondent's answer to a question: the fields of ReportQuestion the `antwoord` filter reads, and a name. */
export interface CompareAnswer {
  name: string;
  /** "hidden": the question is a follow-up this respondent does not see. */
  state: QuestionState | 'hidden';
  answer: ReportAnswer | null;
  note: string | null;
  stateText: string | null;
  short: boolean;
}

export interface CompareQuestion {
  id: string;
  number: string | null;
  label: string;
  help: string | null;
  type: Question['type'];
  followUp: boolean;
  answers: CompareAnswer[];
  /** Every answer fits on one line: `table` holds them side by side. */
  short: boolean;
  /** Short answers side by side: one column per respondent, one row. */
  table: TableAnswer | null;
  /** A repeat group: the items of everyone, merged by name, with who listed them. */
  merged: TableAnswer | null;
  /** Why the answers differ (a gesprekspunt), or null. */
  discussion: string | null;
}

export interface CompareSection {
  id: string;
  number: number;
  title: string;
  subtitle: string | null;
  /** The step as a heading that names it alone (Stap 4 and 5: see stepHeading in points.ts). */
  heading: string;
  questions: CompareQuestion[];
}

export interface CompareGroup<T> {
  title: string;
  subtitle: string | null;
  heading: string;
  items: T[];
}

export interface DiscussionPoint {
  id: string;
  number: string | null;
  label: string;
  text: string;
}

export interface CompareDevelopmentPoint {
  id: string;
  number: string | null;
  label: string;
  context: string | null;
  who: Array<{ name: string; stateText: string }>;
  /** "Piet Bakker (weet ik (nog) niet), Anna (nog niet beantwoord)". */
  whoText: string;
}

export interface CompareAttentionPoint {
  id: string;
  number: string | null;
  label: string;
  context: string | null;
  /** The respondents whose answer makes it an aandachtspunt, with that answer ("Nee"). */
  who: Array<{ name: string; stateText: string }>;
  /** Every respondent has it. */
  everyone: boolean;
  /** "iedereen: Nee", or "Piet Bakker: Nee; Anna: Nee". */
  whoText: string;
}

export interface CompareContext {
  kind: 'vergelijking';
  title: string;
  /** The line under the title (the workbook; an own worksheet's `subtitle`), or null. */
  source: string | null;
  library: string | null;
  generated: string;
  program: string;
  closing: Closing | null;
  worksheet: { id: string; number: number; title: string; heading: string };
  respondents: CompareRespondent[];
  singleStep: boolean;
  sections: CompareSection[];
  discussion: { count: number; groups: Array<CompareGroup<DiscussionPoint>> };
  /** The aandachtspunten of everyone: intro (the worksheet's words), count, shared (how many everyone has) and groups. */
  attention: { title: string; intro: string; count: number; shared: number; groups: Array<CompareGroup<CompareAttentionPoint>> };
  development: { intro: string; count: number; groups: Array<CompareGroup<CompareDevelopmentPoint>> };
}

export interface CompareDocument {
  context: CompareContext;
  plainTitle: string;
  subject: string;
}

/** The comparison of the respondents' answers to one worksheet, from their states (pure: no I/O); at least one. */
export function compareReport(inputs: readonly [CompareInput, ...CompareInput[]], meta: Pick<ReportMeta, 'now' | 'workbook'> = {}): CompareDocument {
  const ws = inputs[0].worksheet;
  const sheets = inputs.map((input) => ({ name: input.name, sheet: buildReport(input, meta) }));
  const questionsById = new Map(allQuestions(ws).map((q) => [q.id, q]));
  const first = sheets[0]?.sheet;
  const sections: CompareSection[] = (first?.sections ?? []).map((section, si) => ({
    id: section.id,
    number: section.number,
    title: section.title,
    subtitle: section.subtitle,
    heading: section.heading,
    questions: compareQuestions(ws, si, sheets, questionsById),
  }));
  const library = sheets.map((s) => s.sheet.meta.library).find((l) => l !== null) ?? null;
  const heading = `Werkblad ${ws.number}: ${ws.title}`;
  const plainTitle = `Vergelijking ${heading}`;
  return {
    context: {
      kind: 'vergelijking',
      title: plainTitle,
      source: isWorkbookSheet(ws) ? SOURCE_TEXT : ws.subtitle?.trim() || null,
      library,
      generated: formatDayNl(meta.now ?? new Date()),
      program: `werkboek ${programVersion}`,
      closing: workbookClosing([ws], meta.workbook),
      worksheet: { id: ws.id, number: ws.number, title: ws.title, heading },
      respondents: sheets.map(({ name, sheet }) => ({
        name,
        status: sheet.status,
        concept: sheet.concept,
        statusLine: sheet.statusLine,
        attention: sheet.developmentPoints.attention.count,
        summaryLine: withAttention(sheet.statusLine, sheet.developmentPoints.attention.count),
        updated: sheet.meta.updated,
        library: sheet.meta.library,
      })),
      singleStep: ws.steps.length === 1,
      sections,
      discussion: pointsPerSection(sections, (q) => (q.discussion ? { id: q.id, number: q.number, label: q.label, text: q.discussion } : undefined)),
      attention: attentionSection(ws.id, sections, sheets),
      development: {
        intro: own(DEVELOPMENT_INTROS, ws.id) ?? DEVELOPMENT_INTRO_OTHER,
        ...pointsPerSection(sections, (q) => developmentPoint(q, sheets)),
      },
    },
    plainTitle,
    subject: `Werkboek digitale inclusie: vergelijking ${ws.title}${library ? ` – ${library}` : ''}`,
  };
}

type Named = { name: string; sheet: SheetReport };

/** "Afgerond, 1 punt nog uit te zoeken, 2 aandachtspunten". */
function withAttention(statusLine: string, attention: number): string {
  return attention ? `${statusLine}, ${attention} ${attention === 1 ? 'aandachtspunt' : 'aandachtspunten'}` : statusLine;
}

function attentionSection(worksheetId: string, sections: readonly CompareSection[], sheets: readonly Named[]): CompareContext['attention'] {
  const points = pointsPerSection(sections, (q) => attentionPoint(q, sheets));
  return {
    title: DEVELOPMENT_LIST_TITLES.attention,
    intro: attentionIntro(worksheetId, "het antwoord van een of meer collega's"),
    ...points,
    shared: points.groups.reduce((n, g) => n + g.items.filter((p) => p.everyone).length, 0),
  };
}

/** A question's aandachtspunt: who gave an answer that shows something is not in order (each respondent's report says). */
function attentionPoint(q: CompareQuestion, sheets: readonly Named[]): CompareAttentionPoint | undefined {
  const point = pointOf(q, sheets, (sheet) => sheet.developmentPoints.attention.groups);
  if (!point) return undefined;
  const { who } = point;
  const everyone = sheets.length > 1 && who.length === sheets.length;
  const same = who.every((w) => w.stateText === who[0]?.stateText);
  return { ...point, everyone, whoText: everyone && same ? `${LISTED_BY_ALL}: ${who[0]?.stateText ?? ''}` : point.whoText };
}

/**
 * A question as a point of each respondent's report (from `groupsOf`), with
 * who has it: "Piet Bakker: weet ik (nog) niet; Anna: Nee" (never brackets in
 * brackets in brackets); undefined when nobody has it.
 */
function pointOf(
  q: CompareQuestion,
  sheets: readonly Named[],
  groupsOf: (sheet: Named['sheet']) => readonly { items: readonly { id: string; stateText: string; context: string | null }[] }[],
): CompareDevelopmentPoint | undefined {
  const who: Array<{ name: string; stateText: string }> = [];
  let context: string | null = null;
  for (const { name, sheet } of sheets) {
    const point = groupsOf(sheet)
      .flatMap((g) => g.items)
      .find((p) => p.id === q.id);
    if (!point) continue;
    who.push({ name, stateText: point.stateText });
    context ??= point.context;
  }
  if (!who.length) return undefined;
  return { id: q.id, number: q.number, label: q.label, context, who, whoText: who.map((w) => `${w.name}: ${w.stateText}`).join('; ') };
}

/** The questions of step `index`, in definition order: every question that is visible to at least one respondent. */
function compareQuestions(ws: Worksheet, index: number, sheets: readonly Named[], byId: ReadonlyMap<string, Question>): CompareQuestion[] {
  const step = ws.steps[index];
  if (!step) return [];
  const perRespondent = sheets.map(({ name, sheet }) => ({ name, byId: new Map(sheet.sections[index]?.questions.map((q) => [q.id, q])) }));
  const result: CompareQuestion[] = [];
  for (const question of step.questions) {
    const seen = perRespondent.map(({ name, byId: qs }) => ({ name, q: qs.get(question.id) }));
    const shown = seen.find((s) => s.q)?.q;
    if (!shown) continue;
    const answers = seen.map(({ name, q }) => (q ? answerOf(name, q) : hiddenAnswer(name)));
    const short = answers.every((a) => a.short);
    const merged = isGroup(question) ? mergeGroup(question, answers, byId) : null;
    result.push({
      id: question.id,
      number: shown.number,
      label: shown.label,
      help: shown.help,
      type: shown.type,
      followUp: shown.followUp,
      answers,
      short,
      table: short ? { kind: 'table', columns: answers.map((a) => a.name), rows: [answers.map(cellOf)] } : null,
      merged: merged?.table ?? null,
      discussion: merged ? merged.discussion : differences(question, answers),
    });
  }
  return result;
}

function answerOf(name: string, q: ReportQuestion): CompareAnswer {
  return { name, state: q.state, answer: q.answer, note: q.note, stateText: q.stateText, short: q.short };
}

function hiddenAnswer(name: string): CompareAnswer {
  return { name, state: 'hidden', answer: null, note: null, stateText: HIDDEN_TEXT, short: true };
}

/** A short answer as one table cell: the answer (with its toelichting), or its state. */
function cellOf(a: CompareAnswer): string {
  const text = a.answer && (a.answer.kind === 'text' || a.answer.kind === 'value') ? a.answer.text.trim() : (a.stateText ?? '');
  return a.note ? `${text} (toelichting: ${a.note.replace(/\s+/g, ' ').trim()})` : text;
}

/** The judged answer as a comparable key, or undefined for an answer that is not judged. */
function judgedKey(question: Question, a: CompareAnswer): string | undefined {
  if (a.state !== 'answered' || !a.answer) return undefined;
  return typeOf(question).judged(a.answer);
}

/** "Ja: Piet, Anna; Nee: Kees" when the judged answers differ, else null. */
function differences(question: Question, answers: readonly CompareAnswer[]): string | null {
  const groups = new Map<string, string[]>();
  for (const a of answers) {
    const key = judgedKey(question, a);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), a.name]);
  }
  if (groups.size < 2) return null;
  return [...groups].map(([value, names]) => `${value || '(geen keuze)'}: ${names.join(', ')}`).join('; ');
}

/**
 * A repeat group of everyone, merged by the item's name (its first column,
 * compared without case and extra spaces): one row per item, a cell with
 * every different value and who gave it, and who listed the item.
 */
function mergeGroup(
  question: Question,
  answers: readonly CompareAnswer[],
  byId: ReadonlyMap<string, Question>,
): { table: TableAnswer; discussion: string | null } | null {
  const tables = answers.flatMap((a) => (a.answer?.kind === 'table' ? [{ name: a.name, table: a.answer }] : []));
  const columns = tables[0]?.table.columns;
  if (!columns) return null;
  const fields = groupFields(question, byId);
  const items = new Map<string, { label: string; by: string[]; cells: Array<Map<string, string[]>> }>();
  for (const { name, table } of tables) {
    // Two items of one respondent are never one: a name given again is "Welzijn (2)" (as in the points, itemNames).
    const labels = numberDuplicates(
      table.rows.map((row, i) => (row[0] ?? '').replace(/\s+/g, ' ').trim() || `${isGroup(question) ? question.item : 'item'} ${i + 1}`),
    );
    table.rows.forEach((row, r) => {
      const label = labels[r] ?? '';
      const key = label.toLowerCase();
      let item = items.get(key);
      if (!item) {
        item = { label, by: [], cells: columns.map(() => new Map<string, string[]>()) };
        items.set(key, item);
      }
      if (!item.by.includes(name)) item.by.push(name);
      row.forEach((cell, i) => {
        const value = cell.trim();
        const cellMap = item.cells[i];
        if (i > 0 && value && cellMap) cellMap.set(value, [...(cellMap.get(value) ?? []), name]);
      });
    });
  }
  const everyone = tables.length;
  const notAll: string[] = [];
  const differing: string[] = [];
  const rows = [...items.values()].map((item) => {
    if (everyone > 1 && item.by.length < everyone) notAll.push(`${item.label} (${item.by.join(', ')})`);
    const cells = item.cells.map((values, i) => {
      if (i === 0) return item.label;
      if (values.size > 1 && isJudged(fields[i])) differing.push(`${item.label}: ${columns[i] ?? ''}`);
      if (values.size <= 1 || everyone === 1) return [...values.keys()][0] ?? '';
      return [...values].map(([value, names]) => `${value} (${names.join(', ')})`).join('; ');
    });
    // "iedereen" only when every respondent listed it (not just everyone who answered the question).
    return [...cells, answers.length > 1 && item.by.length === answers.length ? LISTED_BY_ALL : item.by.join(', ')];
  });
  const reasons = [
    ...(notAll.length ? [`Niet door iedereen genoemd: ${notAll.join('; ')}`] : []),
    ...(differing.length ? [`Verschillend ingevuld: ${differing.join('; ')}`] : []),
  ];
  return {
    table: { kind: 'table', columns: [...columns, LISTED_BY], rows },
    discussion: reasons.length ? reasons.join('. ') : null,
  };
}

function isJudged(field: Field | undefined): boolean {
  return field !== undefined && fieldTypeOf(field).judged;
}

/** A question's ontwikkelpunt: who said "weet ik (nog) niet", left it empty or open, or left group cells unknown. */
function developmentPoint(q: CompareQuestion, sheets: readonly Named[]): CompareDevelopmentPoint | undefined {
  return pointOf(q, sheets, (sheet) => sheet.developmentPoints.groups);
}

/** Points per step (steps without points left out), in the order of the questions. */
function pointsPerSection<T>(
  sections: readonly CompareSection[],
  pick: (q: CompareQuestion) => T | undefined,
): { count: number; groups: Array<CompareGroup<T>> } {
  const groups = sections
    .map((s) => ({
      title: s.title,
      subtitle: s.subtitle,
      heading: stepHeading(s.title, s.subtitle),
      items: s.questions.flatMap((q) => {
        const p = pick(q);
        return p === undefined ? [] : [p];
      }),
    }))
    .filter((g) => g.items.length > 0);
  return { count: groups.reduce((n, g) => n + g.items.length, 0), groups };
}
