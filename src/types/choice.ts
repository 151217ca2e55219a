// Type "choice": one of the options, or with `other` "Anders, namelijk …"
// and free text; with a toelichting (Ctrl+O) as a question, not as a column.
import type { Field, Question } from '../definition/schema.js';
import { optionLabel, optionValue } from '../definition/questions.js';
import type { AnswerValue } from '../dossier/answers.js';
import type { Choice, Prompter, Reply } from '../terminal/prompter.js';
import { cellOf, choiceLabel, defaults, judgedText, shortValue } from './common.js';
import { earlierMark, noted, OTHER, truncate, UNKNOWN, unknownChoice, withUnknown, type PromptBase } from './prompt.js';
import type { FieldType, Problem, QuestionType } from './type.js';

type ChoiceQuestion = Extract<Question, { type: 'choice' }>;
type ChoiceField = Extract<Field, { type: 'choice' }>;

function check(q: ChoiceQuestion | ChoiceField, value: unknown): Problem | undefined {
  if (typeof value !== 'string') return { message: `verwacht één keuze bij "${q.id}"` };
  return q.other || value === '' || q.options.map(optionValue).includes(value)
    ? undefined
    : { message: `"${value}" is geen keuze bij "${q.id}"; kies uit: ${q.options.map(optionValue).join(', ')}` };
}

export const choice: QuestionType<ChoiceQuestion> = {
  ...defaults,
  key: 'keuze',
  check,
  draft: 'noted',
  report: (q, value) => ({ kind: 'text', text: choiceLabel(q, String(value)) }),
  short: (q, a, max) => (a === true || Array.isArray(a) ? shortValue(a, max) : truncate(choiceLabel(q, String(a)), max)),
  keyText: (q, value) => (typeof value === 'string' ? choiceLabel(q, value) : String(value ?? '')),
  judged: judgedText,
  ask: ({ prompter }, q, a) => askChoice(prompter, q, a.base, typeof a.current === 'string' ? a.current : undefined, a.wasUnknown, a.note),
};

export const choiceField: FieldType<ChoiceField> = {
  check,
  cell: cellOf(choiceLabel),
  freeText: false,
  decides: false,
  judged: true,
  ask: (prompter, f, base, current) => askChoice(prompter, f, base, typeof current === 'string' ? current : undefined),
};

/**
 * A choice question or group field, with "Anders, namelijk …" when the
 * definition allows it. With `note` (questions, not group fields) Ctrl+O
 * adds a toelichting.
 */
async function askChoice(
  prompter: Prompter,
  q: ChoiceQuestion | ChoiceField,
  base: PromptBase,
  current: string | undefined,
  wasUnknown = false,
  note?: string,
): Promise<Reply<AnswerValue>> {
  const values = q.options.map(optionValue);
  const isOther = current !== undefined && current !== '' && !values.includes(current);
  // After "weet ik (nog) niet" the cursor stays there; the earlier answer is marked.
  const choices: Choice<string>[] = q.options.map((o) => ({
    value: optionValue(o),
    name: earlierMark(optionLabel(o), wasUnknown && current === optionValue(o)),
  }));
  if (q.other) choices.push({ value: OTHER, name: earlierMark('Anders, namelijk …', wasUnknown && isOther) });
  const selected = wasUnknown ? UNKNOWN : isOther ? OTHER : current;
  const picked = await prompter
    .select<string>({
      ...base,
      choices: withUnknown(choices, base.allowUnknown),
      ...(selected && { default: selected }),
      ...(note !== undefined && { note }),
    })
    .then(unknownChoice);
  const keepNote = (reply: Reply<string>) => (note === undefined ? reply : noted(reply, picked.kind === 'answer' ? (picked.note ?? note) : note));
  if (picked.kind !== 'answer' || picked.value !== OTHER) return keepNote(picked);
  const other = await prompter.input({ message: 'Anders, namelijk:', default: isOther ? current : '' });
  // Back to the list: what was typed after "Anders, namelijk" is offered again when it is picked again.
  return other.kind === 'back' ? askChoice(prompter, q, base, other.draft ?? current, wasUnknown, picked.note ?? note) : keepNote(other);
}
