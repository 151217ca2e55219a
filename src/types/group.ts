// Type "group": a repeat group, a list of items (partners, functies) with a
// value per field; with `extends` it adds fields to the items of an earlier
// group and stores only `true`. Its items and their gaps (a yes/no cell
// blank or "weet ik (nog) niet"), checked and shown for reports. The runner
// asks it item by item (runner/groups.ts).
import type { Field, Question } from '../definition/schema.js';
import { NOT_YET_KNOWN, NOT_YET_KNOWN_LABEL, type Answers, type GroupItem } from '../dossier/answers.js';
import type { PathKey } from '../definition/positions.js';
import { own } from '../support/own.js';
import { defaults, shortValue } from './common.js';
import { fieldTypeOf } from './fields.js';
import type { QuestionType, QuestionsById } from './type.js';

export type GroupQuestion = Extract<Question, { type: 'group' }>;

export function isGroup(q: Question | undefined): q is GroupQuestion {
  return q?.type === 'group';
}

export const group: QuestionType<GroupQuestion> = {
  ...defaults,
  check(q, value) {
    if (q.extends) return value === true || value === '' ? undefined : { message: `verwacht "true" bij "${q.id}"; de gegevens staan bij "${q.extends}"` };
    return Array.isArray(value) ? undefined : { message: `verwacht een lijst (met "- ") bij "${q.id}"` };
  },
  draft: 'item',
  inline: false,
  report(q, _value, answers, byId) {
    const fields = groupFields(q, byId);
    return {
      kind: 'table',
      columns: fields.map((f) => f.label),
      rows: groupItems(q, answers).map((item) => fields.map((f) => reportCell(f, own(item, f.id)))),
    };
  },
  short(q, a, max, gaps) {
    // Only a count here (the walk's): "nog open" is true both of a "weet ik (nog) niet" and of a cell left blank.
    if (a === true) return gaps ? `aangevuld; bij ${gaps} ${q.item}${gaps === 1 ? '' : 's'} nog open` : 'aangevuld';
    if (Array.isArray(a)) return `${a.length} ${q.item}${a.length === 1 ? '' : 's'}`;
    return shortValue(a, max);
  },
  attention(q, _value, answers, byId) {
    const fields = groupFields(q, byId);
    const texts = q.fields.flatMap((f) => {
      if (!fieldTypeOf(f).decides || !('attention' in f) || f.attention === undefined) return [];
      const items = groupItems(q, answers);
      const all = itemNames(q, fields, items);
      const names = items.flatMap((item, i) => (own(item, f.id) === f.attention ? [all[i] ?? ''] : []));
      return names.length ? [`${f.label} ${fieldTypeOf(f).cell(f, f.attention)}: ${names.join(', ')}`] : [];
    });
    return texts.length ? texts.join('; ') : undefined;
  },
};

function reportCell(field: Field, value: string | number | null | undefined): string {
  return value === undefined || value === null ? '' : fieldTypeOf(field).cell(field, value);
}

/** The fields of a group's items, the base group's first (an extending group, Stap 4); none for another question. */
export function groupFields(question: Question, byId: QuestionsById): Field[] {
  if (!isGroup(question)) return [];
  const base = question.extends ? byId.get(question.extends) : undefined;
  return [...(isGroup(base) ? base.fields : []), ...question.fields];
}

/** An item by its first field ("Welzijn Voorbeeldstad"), else "partner 3". */
export function itemName(question: Question, fields: Field[], item: GroupItem, index: number): string {
  const first = fields[0] ? own(item, fields[0].id) : undefined;
  const text = first === undefined || first === null ? '' : String(first).replace(/\s+/g, ' ').trim();
  return text || `${isGroup(question) ? question.item : 'item'} ${index + 1}`;
}

/**
 * The names of a group's items (itemName), told apart: a name that comes
 * again (without regard to case and spaces) gets its number, "Welzijn",
 * "Welzijn (2)", so two partners of the same name stay two in a report.
 */
export function itemNames(question: Question, fields: Field[], items: readonly GroupItem[]): string[] {
  return numberDuplicates(items.map((item, i) => itemName(question, fields, item, i)));
}

/** Names with a repeated one numbered from its second time on: "Welzijn", "Welzijn (2)". */
export function numberDuplicates(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.replace(/\s+/g, ' ').trim().toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/**
 * A group's answer in a few words, for the line that confirms it when the
 * user picks "Klaar": "3 partners: SeniorWeb, Taalhuis, Welzijn", with
 * "en nog 2" once the names pass `max` characters; "geen partners"; for a
 * group that extends another "3 partners aangevuld", or with `gaps` (items
 * with a cell "weet ik (nog) niet" or blank, groupGapItems) "3 partners; bij 1
 * "weet ik (nog) niet", bij 1 nog niet ingevuld".
 */
export function itemsSummary(q: GroupQuestion, items: GroupItem[], fields: Field[], gaps: readonly Pick<GroupGap, 'kind'>[] = [], max = 80): string {
  const n = items.length;
  const plural = (k: number) => `${q.item}${k === 1 ? '' : 's'}`;
  if (!n) return `geen ${plural(0)}`;
  if (q.extends) {
    const unknown = gaps.filter((g) => g.kind === 'unknown').length;
    const blank = gaps.length - unknown;
    const parts = [...(unknown ? [`bij ${unknown} "${NOT_YET_KNOWN_LABEL.toLowerCase()}"`] : []), ...(blank ? [`bij ${blank} nog niet ingevuld`] : [])];
    return parts.length ? `${n} ${plural(n)}; ${parts.join(', ')}` : `${n} ${plural(n)} aangevuld`;
  }
  const names = items.map((item, i) => itemName(q, fields, item, i));
  let shown = n;
  while (shown > 1 && names.slice(0, shown).join(', ').length > max) shown--;
  return `${n} ${plural(n)}: ${names.slice(0, shown).join(', ')}${shown < n ? ` en nog ${n - shown}` : ''}`;
}

/** The id of the group whose items a group question shows (itself, or the group it extends). */
export function groupBaseId(question: Question): string {
  return isGroup(question) && question.extends ? question.extends : question.id;
}

/** The items of a group question (for an extending group: the base group's items). */
export function groupItems(question: Question, answers: Answers): GroupItem[] {
  const value = own(answers, groupBaseId(question));
  return Array.isArray(value) ? value.filter(isItem) : [];
}

function isItem(value: unknown): value is GroupItem {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An item of a group question with a yes/no cell blank or "weet ik (nog) niet" (see groupGapItems). */
export interface GroupGap {
  /** 0-based among the group's items. */
  index: number;
  item: GroupItem;
  /** 'unknown': a yes/no cell is "weet ik (nog) niet"; 'blank': not filled in (and none "weet ik (nog) niet"). */
  kind: 'unknown' | 'blank';
}

/**
 * The items of a group question with a yes/no cell of the question's own
 * fields blank or "weet ik (nog) niet" (Stap 4: afspraken vastgelegd?): the
 * workbook asks it per item, so such a cell is an ontwikkelpunt.
 */
export function groupGapItems(question: Question, answers: Answers): GroupGap[] {
  if (!isGroup(question)) return [];
  const asked = question.fields.filter((f) => fieldTypeOf(f).decides);
  if (!asked.length) return [];
  const gaps: GroupGap[] = [];
  groupItems(question, answers).forEach((item, index) => {
    const cells = asked.map((f) => own(item, f.id));
    if (cells.some((cell) => cell === NOT_YET_KNOWN)) gaps.push({ index, item, kind: 'unknown' });
    else if (cells.some((cell) => cell === undefined || cell === null || String(cell).trim() === '')) gaps.push({ index, item, kind: 'blank' });
  });
  return gaps;
}

/** One stored item (of a list, or the item of a draft) against the group's fields: where it is wrong, or undefined. */
export function checkItem(
  q: GroupQuestion,
  fields: ReadonlyMap<string, Field>,
  item: unknown,
  itemName: string,
): { path: PathKey[]; message: string } | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { path: [], message: `elk ${q.item}-item moet velden hebben, bijv. "${q.fields[0]?.id ?? 'naam'}: …"` };
  }
  for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') return { path: [key], message: `veld "${key}" moet één waarde zijn` };
    // Keys that are no field of the group are kept as they are, like unknown answers.
    const field = fields.get(key);
    const problem = field && v !== null ? fieldTypeOf(field).check(field, v) : undefined;
    if (problem && field) return { path: [key], message: named(problem.message, field.id, `kolom "${field.label}" van ${itemName}`) };
  }
  return undefined;
}

/** A message that names a question or a column by its id in quotes, with the name of questionName (or the column's label). */
export function named(message: string, id: string, name: string): string {
  return message.replaceAll(`bij "${id}"`, `bij ${name}`).replaceAll(`niet bij "${id}"`, `niet bij ${name}`);
}
