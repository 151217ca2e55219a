// Type "text": one line of text, typed (`default`: a text to start with).
import type { Field, Question } from '../definition/schema.js';
import { cellOf, checkText, defaults } from './common.js';
import { typed, typedBase } from './prompt.js';
import type { FieldType, QuestionType } from './type.js';

type TextQuestion = Extract<Question, { type: 'text' }>;

export const text: QuestionType<TextQuestion> = {
  ...defaults,
  check: checkText,
  draft: 'typed',
  freeText: true,
  report: (_q, value) => ({ kind: 'text', text: String(value) }),
  async ask({ prompter }, q, a) {
    const current = typeof a.current === 'string' ? a.current : a.wasUnknown ? '' : (q.default ?? '');
    return typed(a, await prompter.input({ ...typedBase(a), default: a.draft ?? current }));
  },
};

export const textField: FieldType<Extract<Field, { type: 'text' }>> = {
  check: checkText,
  cell: cellOf((_f, value) => value),
  freeText: true,
  decides: false,
  judged: false,
  ask: (prompter, _f, base, current, validate) => prompter.input({ ...base, default: current == null ? '' : String(current), ...(validate && { validate }) }),
};
