// Type "longtext": text of several lines and paragraphs, typed in the editor.
import type { Field, Question } from '../definition/schema.js';
import { cellOf, checkText, defaults } from './common.js';
import { typed, typedBase } from './prompt.js';
import type { FieldType, QuestionType } from './type.js';

type LongtextQuestion = Extract<Question, { type: 'longtext' }>;

export const longtext: QuestionType<LongtextQuestion> = {
  ...defaults,
  check: checkText,
  draft: 'typed',
  freeText: true,
  report: (_q, value) => ({ kind: 'text', text: String(value) }),
  async ask({ prompter }, _q, a) {
    return typed(a, await prompter.editor({ ...typedBase(a), default: a.draft ?? (typeof a.current === 'string' ? a.current : '') }));
  },
};

export const longtextField: FieldType<Extract<Field, { type: 'longtext' }>> = {
  check: checkText,
  cell: cellOf((_f, value) => value),
  freeText: true,
  decides: false,
  judged: false,
  ask: (prompter, _f, base, current, validate) => prompter.editor({ ...base, default: current == null ? '' : String(current), ...(validate && { validate }) }),
};
