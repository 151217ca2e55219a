// Type "number": typed in Dutch notation (7,5), within `min` and `max`,
// shown with its `unit`.
import type { Field, Question } from '../definition/schema.js';
import type { AnswerValue } from '../dossier/answers.js';
import { formatNumber, parseNumber } from '../support/dates.js';
import type { Prompter, Reply } from '../terminal/prompter.js';
import { defaults, judgedText, shortValue } from './common.js';
import { typed, typedBase, type PromptBase } from './prompt.js';
import type { FieldType, Problem, QuestionType } from './type.js';

type NumberQuestion = Extract<Question, { type: 'number' }>;

function check(q: { id: string }, value: unknown): Problem | undefined {
  if (value === '') return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? undefined : { message: `verwacht een getal bij "${q.id}"` };
}

export const number: QuestionType<NumberQuestion> = {
  ...defaults,
  check,
  draft: 'typed',
  report: (q, value) => (typeof value === 'number' ? { kind: 'value', text: formatNumber(value, q.unit) } : { kind: 'text', text: String(value) }),
  short: (q, a, max) => (typeof a === 'number' ? formatNumber(a, q.unit) : shortValue(a, max)),
  judged: judgedText,
  parse: parseTyped,
  async ask({ prompter }, q, a) {
    return typed(a, await askNumber(prompter, typedBase(a), typeof a.current === 'number' ? a.current : undefined, q.unit, q.min, q.max, a.draft));
  },
};

export const numberField: FieldType<Extract<Field, { type: 'number' }>> = {
  check,
  cell: (f, value) => (typeof value === 'number' ? formatNumber(value, f.unit) : value),
  freeText: false,
  decides: false,
  judged: true,
  ask: (prompter, f, base, current) => askNumber(prompter, base, typeof current === 'number' ? current : undefined, f.unit),
};

/** A number question or group field: Dutch notation (7,5), within min and max. */
async function askNumber(
  prompter: Prompter,
  base: PromptBase,
  current: number | undefined,
  unit?: string,
  min?: number,
  max?: number,
  draft?: string,
): Promise<Reply<AnswerValue>> {
  const reply = await prompter.input({
    ...base,
    message: unit ? `${base.message} (${unit})` : base.message,
    default: draft ?? (current === undefined ? '' : String(current).replace('.', ',')),
    validate: (v) => {
      if (v === '') return undefined;
      const n = parseNumber(v);
      if (n === undefined) return 'Vul een getal in, bijv. 12 of 7,5.';
      if (min !== undefined && n < min) return `Het getal moet minstens ${min} zijn.`;
      if (max !== undefined && n > max) return `Het getal mag hoogstens ${max} zijn.`;
      return undefined;
    },
  });
  if (reply.kind !== 'answer') return reply;
  return { kind: 'answer', value: parseTyped(reply.value) };
}

/** Dutch notation (7,5) as a number; "" stays "". */
function parseTyped(input: string): number | string {
  return input === '' ? '' : (parseNumber(input) ?? input);
}
