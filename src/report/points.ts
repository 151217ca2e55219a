// The points of a worksheet's report, per step: the ontwikkelpunten (a
// question with "weet ik (nog) niet", left empty or not answered yet; a
// repeat group with yes/no cells blank or "nog niet bekend") and the
// aandachtspunten (an answer the definition marks with `attention`: a "Nee"
// that means a randvoorwaarde is not in place; our addition to the
// workbook). Raw, format-neutral text like the rest of the report model
// (model.ts, which re-exports what is public here).
import type { Condition, Question, Worksheet } from '../definition/schema.js';
import { noteOf, type Answers } from '../dossier/answers.js';
import { developmentPoints, groupGapItems, isToResearch, type QuestionState, type VisibleQuestion, type WalkResult } from '../walk.js';
import { own } from '../support/own.js';
import { groupFields, groupItems, itemNames, typeOf } from '../types/registry.js';

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

/** The lists of points (our words). */
export const DEVELOPMENT_LIST_TITLES = {
  /** An answer marked `attention` ("Nee"): a randvoorwaarde not in place. */
  attention: 'Aandachtspunten',
  /** "Weet ik (nog) niet" and leeg gelaten: something to find out. */
  toResearch: 'Nog uit te zoeken',
  /** Not answered yet: the worksheet is not finished. */
  unanswered: 'Nog niet beantwoord',
} as const;

/**
 * What an aandachtspunt shows is not in order, per worksheet (by id; ours,
 * as the markings are, see the top of questions/*.yaml): werkblad 2 is about
 * the randvoorwaarden, werkblad 1 about what you need to profile yourself
 * with the gemeente. Another worksheet gets ATTENTION_SUBJECT_OTHER.
 */
const ATTENTION_SUBJECTS: Readonly<Record<string, string>> = {
  gemeentelandschap: 'iets wat je nodig hebt om je bij de gemeente te profileren',
  randvoorwaarden: 'een randvoorwaarde',
};
const ATTENTION_SUBJECT_OTHER = 'iets';

/**
 * The sentence under the title "Aandachtspunten" (ours), in the words of the
 * worksheet: "Bij deze vragen blijkt uit je antwoord dat een randvoorwaarde
 * (nog) niet op orde is." `whose`: whose answer ("je antwoord").
 */
export function attentionIntro(worksheetId: string, whose = 'je antwoord'): string {
  return `Bij deze vragen blijkt uit ${whose} dat ${own(ATTENTION_SUBJECTS, worksheetId) ?? ATTENTION_SUBJECT_OTHER} (nog) niet op orde is.`;
}

/** Instead of an answer, lower case as in "(weet ik (nog) niet)": the state of an unanswered question. */
export const STATE_TEXT: Record<Exclude<QuestionState, 'answered'>, string> = {
  open: 'nog niet beantwoord',
  unknown: 'weet ik (nog) niet',
  empty: 'leeg gelaten',
};

export interface DevelopmentPoint {
  id: string;
  number: string | null;
  label: string;
  /** For a follow-up question: the label of the question it follows, else null. */
  context: string | null;
  /**
   * 'incomplete': a repeat group with yes/no cells blank or "nog niet bekend" (Stap 4: afspraken);
   * 'attention': an answer marked in the definition (`attention`), an aandachtspunt.
   */
  state: Exclude<QuestionState, 'answered'> | 'incomplete' | 'attention';
  /**
   * "weet ik (nog) niet", "leeg gelaten" or "nog niet beantwoord" (STATE_TEXT); for 'incomplete'
   * "nog niet bekend bij Welzijn en niet ingevuld bij Schuldhulpmaatje"; for 'attention' the answer, "Nee",
   * or for a group column "Samenwerkingsafspraken vastgelegd? Nee: Schuldhulpmaatje".
   */
  stateText: string;
  /** 'incomplete': the items (their names) whose cells are "nog niet bekend", and those not filled in; else empty. */
  unknownItems: string[];
  blankItems: string[];
  /** 'attention': the toelichting given with the answer, or null. */
  note: string | null;
}

/** The points of one step. Stap 4 and Stap 5 have the same title: `heading` tells them apart. */
export interface DevelopmentGroup {
  title: string;
  subtitle: string | null;
  /** The step as a heading: "Stap 4. Processen en werkwijzen op het gebied van samenwerken" (see stepHeading). */
  heading: string;
  /** 1-based step number. */
  number: number;
  items: DevelopmentPoint[];
}

/** One list of points, per step. */
export interface DevelopmentList {
  /** "Aandachtspunten", "Nog uit te zoeken" or "Nog niet beantwoord" (DEVELOPMENT_LIST_TITLES). */
  title: string;
  /** A sentence under the title (the aandachtspunten), or null. */
  intro: string | null;
  count: number;
  groups: DevelopmentGroup[];
}

export interface SheetPoints {
  /** One paragraph for this worksheet (DEVELOPMENT_INTROS). */
  intro: string;
  /** The ontwikkelpunten: toResearch and unanswered together (not the aandachtspunten). */
  count: number;
  /** The ontwikkelpunten per step (not the aandachtspunten). */
  groups: DevelopmentGroup[];
  attention: DevelopmentList;
  toResearch: DevelopmentList;
  unanswered: DevelopmentList;
  /** attention, toResearch and unanswered, in that order (to loop over). */
  lists: DevelopmentList[];
}

/**
 * A step's title as a heading that names it alone: Stap 4 and 5 are both
 * "Processen en werkwijzen", told apart by their subtitles ("Processen en
 * werkwijzen op het gebied van samenwerken"). A subtitle that goes on from
 * the title replaces it ("Stap 4. Processen en werkwijzen op het gebied van
 * samenwerken"); another is added after a colon.
 */
export function stepHeading(title: string, subtitle: string | null | undefined): string {
  const sub = subtitle?.replace(/\s+/g, ' ').trim();
  if (!sub) return title;
  const m = /^((?:Stap\s+)?\d+[.:]?\s+)(.*)$/i.exec(title);
  const [prefix, rest] = m ? [m[1]!, m[2]!] : ['', title];
  if (rest && sub.toLowerCase().startsWith(rest.trim().toLowerCase())) return `${prefix}${sub}`;
  return `${title}: ${sub}`;
}

/** The points of a worksheet's report (pure). */
export function sheetPoints(ws: Worksheet, result: WalkResult, answers: Answers, byId: Map<string, Question>): SheetPoints {
  const points = developmentPoints(result).map((v) => developmentPoint(v, answers, byId));
  const list = (title: string, items: Array<[VisibleQuestion, DevelopmentPoint]>, intro: string | null = null): DevelopmentList => ({
    title,
    intro,
    count: items.length,
    groups: groupBySection(items),
  });
  const attention = list(DEVELOPMENT_LIST_TITLES.attention, attentionPoints(result, answers, byId), attentionIntro(ws.id));
  const toResearch = list(
    DEVELOPMENT_LIST_TITLES.toResearch,
    points.filter(([v]) => isToResearch(v)),
  );
  const unanswered = list(
    DEVELOPMENT_LIST_TITLES.unanswered,
    points.filter(([v]) => !isToResearch(v)),
  );
  return {
    intro: own(DEVELOPMENT_INTROS, ws.id) ?? DEVELOPMENT_INTRO_OTHER,
    count: points.length,
    groups: groupBySection(points),
    attention,
    toResearch,
    unanswered,
    lists: [attention, toResearch, unanswered],
  };
}

function basePoint(v: VisibleQuestion, byId: Map<string, Question>): Omit<DevelopmentPoint, 'state' | 'stateText'> {
  const parent = v.question.when ? byId.get(firstQuestion(v.question.when)) : undefined;
  return {
    id: v.question.id,
    number: v.question.number ?? null,
    label: v.question.label,
    context: parent && !v.question.number ? parent.label : null,
    unknownItems: [],
    blankItems: [],
    note: null,
  };
}

function developmentPoint(v: VisibleQuestion, answers: Answers, byId: Map<string, Question>): [VisibleQuestion, DevelopmentPoint] {
  if (v.state !== 'answered') return [v, { ...basePoint(v, byId), state: v.state, stateText: STATE_TEXT[v.state] }];
  // An answered group with blank or "nog niet bekend" cells (Stap 4): 'incomplete', naming the items.
  const fields = groupFields(v.question, byId);
  const gaps = groupGapItems(v.question, answers);
  // Named as in the table of vergelijk: a name that comes twice as "Welzijn (2)".
  const names = itemNames(v.question, fields, groupItems(v.question, answers));
  const name = (g: { index: number }) => names[g.index] ?? '';
  const unknownItems = gaps.filter((g) => g.kind === 'unknown').map(name);
  const blankItems = gaps.filter((g) => g.kind === 'blank').map(name);
  const parts = [
    ...(unknownItems.length ? [`nog niet bekend bij ${unknownItems.join(', ')}`] : []),
    ...(blankItems.length ? [`niet ingevuld bij ${blankItems.join(', ')}`] : []),
  ];
  // No colon or semicolon inside: vergelijk lists "name: stateText" separated by semicolons.
  return [v, { ...basePoint(v, byId), state: 'incomplete', stateText: parts.join(' en '), unknownItems, blankItems }];
}

/** Answered questions whose answer (or a group's column) is the one marked `attention`. */
function attentionPoints(result: WalkResult, answers: Answers, byId: Map<string, Question>): Array<[VisibleQuestion, DevelopmentPoint]> {
  const found: Array<[VisibleQuestion, DevelopmentPoint]> = [];
  for (const v of result.visible) {
    if (v.section.kind !== 'step' || v.state !== 'answered') continue;
    const q = v.question;
    const stateText = typeOf(q).attention(q, v.answer, answers, byId);
    if (stateText === undefined) continue;
    // A type that takes a toelichting shows it with the point.
    const note = typeOf(q).draft === 'noted' ? { note: noteOf(v.answer).trim() || null } : {};
    found.push([v, { ...basePoint(v, byId), state: 'attention', stateText, ...note }]);
  }
  return found;
}

/** Points in walk order, one group per step (with its title, subtitle and heading). */
function groupBySection(points: Array<[VisibleQuestion, DevelopmentPoint]>): DevelopmentGroup[] {
  const groups: DevelopmentGroup[] = [];
  let sectionId: string | undefined;
  for (const [v, point] of points) {
    let group = groups[groups.length - 1];
    if (!group || sectionId !== v.section.id) {
      const subtitle = v.section.subtitle ?? null;
      group = { title: v.section.title, subtitle, heading: stepHeading(v.section.title, subtitle), number: v.section.stepNumber ?? 0, items: [] };
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
