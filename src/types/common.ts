// What most question types do alike: the defaults the type modules start
// from, and the labels of options and of ja/nee.
import { optionLabel, optionValue } from '../definition/questions.js';
import { isEmptyAnswer, NOT_YET_KNOWN, NOT_YET_KNOWN_LABEL, type AnswerValue } from '../dossier/answers.js';
import { formatNumber } from '../support/dates.js';
import { truncate } from './prompt.js';
import type { ReportAnswer } from './type.js';

/** "verwacht tekst bij …" unless a string. */
export function checkText(q: { id: string }, value: unknown): { message: string } | undefined {
  return typeof value === 'string' ? undefined : { message: `verwacht tekst bij "${q.id}"` };
}

/** The label of the option with this value, else the value itself (an "anders, namelijk" answer). */
export function choiceLabel(q: { options: Array<string | { value: string; label: string }> }, value: string): string {
  const option = q.options.find((o) => optionValue(o) === value);
  return option ? optionLabel(option) : value;
}

export function yesNo(value: string): string {
  if (value === 'ja') return 'Ja';
  if (value === 'nee') return 'Nee';
  if (value === NOT_YET_KNOWN) return NOT_YET_KNOWN_LABEL;
  return value;
}

/** A stored value in a few words for the review, whatever the type. */
export function shortValue(a: AnswerValue, max: number): string {
  if (a === true) return 'aangevuld';
  if (Array.isArray(a)) return truncate(a.map(String).join(', '), max);
  if (typeof a === 'number') return formatNumber(a, undefined);
  const text = String(a).trim();
  const first = text.split('\n')[0] ?? '';
  // More lines follow: " …", unless the first line is cut already ("…").
  return [...first].length > max ? truncate(first, max) : first + (text.includes('\n') ? ' …' : '');
}

/** The one-value text of a report answer (text or value), for comparing. */
export function judgedText(answer: ReportAnswer): string | undefined {
  return answer.kind === 'text' || answer.kind === 'value' ? answer.text.trim() : undefined;
}

/** The defaults of a question type (each module overrides what differs). */
export const defaults = {
  draft: undefined,
  isEmpty: isEmptyAnswer,
  freeText: false,
  multiple: false,
  inline: true,
  key: undefined,
  renewed: () => false,
  short: (_q: unknown, a: AnswerValue, max: number) => shortValue(a, max),
  metaText: (_q: unknown, value: string | number) => String(value),
  keyText: (_q: unknown, value: AnswerValue | undefined) => String(value ?? ''),
  judged: () => undefined,
  attention: () => undefined,
} as const;

/** A field's cell: a number in Dutch notation (unit-less), a string through `label`. */
export function cellOf<F>(label: (f: F, text: string) => string): (f: F, value: string | number) => string {
  return (f, value) => (typeof value === 'number' ? formatNumber(value, undefined) : label(f, value));
}
