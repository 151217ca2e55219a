// Type "date": typed as dd-mm-jjjj, stored as JJJJ-MM-DD; `default: today`
// offers today's date (and never last round's).
import type { Question } from '../definition/schema.js';
import { dateProblem, displayDate, formatDate, isoDate, parseDate } from '../support/dates.js';
import { defaults, judgedText, shortValue } from './common.js';
import { typed, typedBase } from './prompt.js';
import type { QuestionType } from './type.js';

type DateQuestion = Extract<Question, { type: 'date' }>;

export const date: QuestionType<DateQuestion> = {
  ...defaults,
  check(q, value) {
    if (typeof value === 'string' && (value === '' || isDate(value))) return undefined;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { message: `de datum ${value} bestaat niet, bij "${q.id}"` };
    // 07-12-2026 as the screen shows it: say how the file writes it.
    const written = typeof value === 'string' ? parseDate(value) : undefined;
    if (written) return { message: `schrijf de datum als ${written} (jaar-maand-dag) in plaats van ${String(value)} bij "${q.id}"` };
    return { message: `verwacht een datum als JJJJ-MM-DD bij "${q.id}"` };
  },
  draft: 'typed',
  renewed: (q) => q.default === 'today',
  report: (_q, value) => ({ kind: 'value', text: formatDate(String(value)) }),
  short: (_q, a, max) => (typeof a === 'string' ? displayDate(a) : shortValue(a, max)),
  metaText: (_q, value) => formatDate(String(value)),
  judged: judgedText,
  parse: parseTyped,
  async ask({ prompter, today }, q, a) {
    const fallback = q.default === 'today' && !a.wasUnknown ? isoDate(today()) : '';
    const reply = await prompter.input({
      ...typedBase(a),
      message: `${a.base.message.replace(/:$/, '')} (dd-mm-jjjj):`,
      default: a.draft ?? displayDate(typeof a.current === 'string' && a.current ? a.current : fallback),
      validate: (v) => (v === '' ? undefined : dateProblem(v)),
    });
    return typed(a, reply.kind === 'answer' ? { kind: 'answer', value: parseTyped(reply.value) } : reply);
  },
};

/** dd-mm-jjjj (as typed and validated) as JJJJ-MM-DD. */
function parseTyped(input: string): string {
  return input === '' ? '' : (parseDate(input) ?? input);
}

/** A real calendar date written as JJJJ-MM-DD (2026-02-31 is not one). */
function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDate(value) === value;
}
