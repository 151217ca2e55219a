// The "Samenvatting" that opens a report: the library, who filled in which
// worksheet and when, the state of each, the kernboodschap of werkblad 3,
// and the points counted per worksheet with the most important few named.
// At most about a page. Raw, format-neutral text like the report model
// (model.ts builds it from its sheets; the types here are structural, so
// this module needs nothing from model.ts).
import type { DevelopmentList, DevelopmentPoint } from './points.js';
import { capitalise } from '../support/words.js';

/** Where the kernboodschap is: werkblad 3, "Wat is je verhaal / kernboodschap …?". */
export const KEY_MESSAGE = { worksheet: 'plan-van-aanpak', question: 'kernboodschap' } as const;

/** How many points the summary names (aandachtspunten first, then those to find out). */
export const SUMMARY_POINTS = 5;

export interface SummarySheet {
  /** "Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening" */
  heading: string;
  /** "Werkblad 2" */
  short: string;
  /** "Afgerond", "Afgerond, 2 punten nog uit te zoeken" or "Concept: 7 van 12 vragen beantwoord". */
  statusLine: string;
  /** The Naam filled in, or null. */
  filledBy: string | null;
  /** "Ingevuld op 26 november 2026, laatst bijgewerkt op 27 november 2026 om 14:05", or null. */
  dateLine: string | null;
  /** Who and when in one sentence: "Ingevuld door Sanne de Vries op 26 november 2026, laatst bijgewerkt …", or null. */
  byLine: string | null;
  counts: { attention: number; toResearch: number; unanswered: number };
  /** "2 aandachtspunten, 1 punt nog uit te zoeken, 5 vragen nog niet beantwoord", or "geen aandachts- of ontwikkelpunten". */
  pointsLine: string;
}

export interface SummaryPoint {
  /** Where it is: "Werkblad 2, stap 4, vraag 4.1" (in a worksheet's own report without "Werkblad 2"), or null. */
  where: string | null;
  number: string | null;
  label: string;
  /** "Aandachtspunt" or "Nog uit te zoeken". */
  kind: string;
  /** "Nee", "weet ik (nog) niet", "nog niet bekend bij Welzijn Voorbeeldstad". */
  stateText: string;
}

export interface Summary {
  library: string | null;
  sheets: SummarySheet[];
  /** Worksheets of the report not begun yet, with the command to begin. */
  notStarted: Array<{ heading: string; command: string }>;
  /** The kernboodschap (werkblad 3) as typed, or null. */
  keyMessage: string | null;
  /** The most important points: aandachtspunten first, then those to find out; at most SUMMARY_POINTS. */
  points: SummaryPoint[];
  /** How many aandachtspunten and points to find out are not named in `points`. */
  morePoints: number;
}

/** What the summary reads of a sheet's report (SheetReport has it). */
export interface SummaryInput {
  id: string;
  number: number;
  heading: string;
  statusLine: string;
  singleStep: boolean;
  meta: { name: string | null; dateLine: string | null };
  sections: Array<{ questions: Array<{ id: string; answer: { kind: string; text?: string } | null }> }>;
  developmentPoints: { attention: DevelopmentList; toResearch: DevelopmentList; unanswered: DevelopmentList };
}

/** The summary of a report's sheets (pure). */
export function buildSummary(
  sheets: readonly SummaryInput[],
  library: string | null,
  notStarted: ReadonlyArray<{ number: number; title: string; command: string | null }>,
  dossier = true,
): Summary {
  const named = [
    ...sheets.flatMap((s) => listPoints(s, s.developmentPoints.attention, 'Aandachtspunt', dossier)),
    ...sheets.flatMap((s) => listPoints(s, s.developmentPoints.toResearch, 'Nog uit te zoeken', dossier)),
  ];
  return {
    library,
    sheets: sheets.map(summarySheet),
    notStarted: notStarted.map((o) => ({ heading: `Werkblad ${o.number}: ${o.title}`, command: o.command ?? '' })),
    keyMessage: keyMessage(sheets),
    points: named.slice(0, SUMMARY_POINTS),
    morePoints: Math.max(0, named.length - SUMMARY_POINTS),
  };
}

function summarySheet(s: SummaryInput): SummarySheet {
  const counts = {
    attention: s.developmentPoints.attention.count,
    toResearch: s.developmentPoints.toResearch.count,
    unanswered: s.developmentPoints.unanswered.count,
  };
  const { name, dateLine } = s.meta;
  return {
    heading: s.heading,
    short: `Werkblad ${s.number}`,
    statusLine: s.statusLine,
    filledBy: name,
    dateLine,
    byLine: byLine(name, dateLine),
    counts,
    pointsLine: pointsLine(counts),
  };
}

function byLine(name: string | null, dateLine: string | null): string | null {
  const who = name?.replace(/\s+/g, ' ').trim();
  if (!who) return dateLine;
  if (!dateLine) return `Ingevuld door ${who}`;
  if (dateLine.startsWith('Ingevuld op ')) return `Ingevuld door ${who} op ${dateLine.slice('Ingevuld op '.length)}`;
  return `Ingevuld door ${who}; ${dateLine.charAt(0).toLowerCase()}${dateLine.slice(1)}`;
}

/** "2 aandachtspunten, 1 punt nog uit te zoeken, 5 vragen nog niet beantwoord". */
export function pointsLine(c: SummarySheet['counts']): string {
  const parts = [
    ...(c.attention ? [`${c.attention} ${c.attention === 1 ? 'aandachtspunt' : 'aandachtspunten'}`] : []),
    ...(c.toResearch ? [`${pointsToResearch(c.toResearch)}`] : []),
    ...(c.unanswered ? [`${c.unanswered} ${c.unanswered === 1 ? 'vraag' : 'vragen'} nog niet beantwoord`] : []),
  ];
  return parts.length ? parts.join(', ') : 'geen aandachts- of ontwikkelpunten';
}

/** "1 punt nog uit te zoeken", "2 punten nog uit te zoeken". */
export function pointsToResearch(n: number): string {
  return `${n} ${n === 1 ? 'punt' : 'punten'} nog uit te zoeken`;
}

function listPoints(s: SummaryInput, list: DevelopmentList, kind: string, dossier: boolean): SummaryPoint[] {
  return list.groups.flatMap((g) =>
    g.items.map((p: DevelopmentPoint) => ({
      where: where(dossier ? s.number : null, s.singleStep ? null : g.number, p.number),
      number: p.number,
      label: p.context && !p.number ? `${p.context} ${p.label}` : p.label,
      kind,
      stateText: p.stateText,
    })),
  );
}

/** "Werkblad 2, stap 4, vraag 4.1"; the parts that are null left out. */
function where(sheet: number | null, step: number | null, question: string | null): string | null {
  const parts = [
    ...(sheet !== null ? [`Werkblad ${sheet}`] : []),
    ...(step !== null ? [`stap ${step}`] : []),
    ...(question ? [`vraag ${question.replace(/\.\s*$/, '')}`] : []),
  ];
  if (!parts.length) return null;
  return capitalise(parts.join(', '));
}

function keyMessage(sheets: readonly SummaryInput[]): string | null {
  const sheet = sheets.find((s) => s.id === KEY_MESSAGE.worksheet);
  const q = sheet?.sections.flatMap((s) => s.questions).find((x) => x.id === KEY_MESSAGE.question);
  const text = q?.answer?.kind === 'text' ? (q.answer.text ?? '') : '';
  return text.trim() ? text : null;
}
