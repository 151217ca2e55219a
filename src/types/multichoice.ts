// Type "multichoice": any of the options, or with `other` also free text
// ("Anders, namelijk …"); stored as a list.
import type { Question } from '../definition/schema.js';
import { optionLabel, optionValue } from '../definition/questions.js';
import type { AnswerValue } from '../dossier/answers.js';
import type { Choice, Prompter, Reply } from '../terminal/prompter.js';
import { choiceLabel, defaults, shortValue } from './common.js';
import { OTHER, truncate, type PromptBase } from './prompt.js';
import type { QuestionType } from './type.js';

type MultichoiceQuestion = Extract<Question, { type: 'multichoice' }>;

export const multichoice: QuestionType<MultichoiceQuestion> = {
  ...defaults,
  check(q, value) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      return { message: `verwacht een lijst van keuzes bij "${q.id}"` };
    }
    if (!q.other) {
      const bad = value.find((v) => !q.options.map(optionValue).includes(v));
      if (bad !== undefined) return { message: `"${bad}" is geen keuze bij "${q.id}"` };
    }
    return undefined;
  },
  multiple: true,
  inline: false,
  report(q, value) {
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    return { kind: 'list', items: values.map((v) => choiceLabel(q, v)) };
  },
  short: (q, a, max) => (Array.isArray(a) ? truncate(a.map((x) => choiceLabel(q, String(x))).join(', '), max) : shortValue(a, max)),
  judged: (answer) => (answer.kind === 'list' ? [...answer.items].sort().join(', ') : undefined),
  async ask({ prompter }, q, a) {
    const checked = Array.isArray(a.current) ? (a.current as string[]) : [];
    const reply = await askMultiChoice(prompter, q, a.base, checked);
    // The earlier answer confirmed as it was: still "weet ik (nog) niet".
    const same = reply.kind === 'answer' && Array.isArray(reply.value) && [...reply.value].sort().join('\n') === [...checked].sort().join('\n');
    return a.hasEarlier && same ? { kind: 'unknown' } : reply;
  },
};

async function askMultiChoice(prompter: Prompter, q: MultichoiceQuestion, base: PromptBase, current: string[]): Promise<Reply<AnswerValue>> {
  const values = q.options.map(optionValue);
  const others = current.filter((v) => !values.includes(v));
  const choices: Choice<string>[] = q.options.map((o) => ({ value: optionValue(o), name: optionLabel(o) }));
  if (q.other) choices.push({ value: OTHER, name: 'Anders, namelijk …' });
  const picked = await prompter.checkbox<string>({
    ...base,
    choices,
    checked: [...current.filter((v) => values.includes(v)), ...(others.length ? [OTHER] : [])],
  });
  if (picked.kind !== 'answer') return picked;
  const chosen = picked.value.filter((v) => v !== OTHER);
  if (!picked.value.includes(OTHER)) return { kind: 'answer', value: chosen };
  const other = await prompter.input({ message: 'Anders, namelijk:', default: others.join('; ') });
  if (other.kind === 'back') return askMultiChoice(prompter, q, base, other.draft ? [...chosen, other.draft] : current);
  if (other.kind !== 'answer') return other;
  return { kind: 'answer', value: other.value ? [...chosen, other.value] : chosen };
}
