// Type "yesno": ja or nee, with a toelichting (Ctrl+O); `attention` names the
// answer that makes it an "Aandachtspunt". As a group's column also "nog niet
// bekend", and it opens the free-text column after it.
import type { Field, Question } from '../definition/schema.js';
import { NOT_YET_KNOWN, NOT_YET_KNOWN_LABEL, answerValue } from '../dossier/answers.js';
import { cellOf, defaults, judgedText, shortValue, yesNo } from './common.js';
import { earlierMark, noted, UNKNOWN, unknownChoice, withUnknown } from './prompt.js';
import type { FieldType, Problem, QuestionType } from './type.js';

type YesNoQuestion = Extract<Question, { type: 'yesno' }>;

function check(q: { id: string }, value: unknown): Problem | undefined {
  if (value === 'ja' || value === 'nee' || value === '') return undefined;
  // "Ja" as the screen shows it: say what to change.
  const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (lower === 'ja' || lower === 'nee') return { message: `schrijf "${lower}" (met kleine letters) in plaats van "${String(value)}" bij "${q.id}"` };
  return { message: `verwacht "ja" of "nee" bij "${q.id}"` };
}

export const yesno: QuestionType<YesNoQuestion> = {
  ...defaults,
  key: 'ja-nee',
  check,
  draft: 'noted',
  report: (_q, value) => ({ kind: 'value', text: yesNo(String(value)) }),
  short: (_q, a, max) => (a === true || Array.isArray(a) ? shortValue(a, max) : a === 'ja' ? 'Ja' : a === 'nee' ? 'Nee' : String(a)),
  judged: judgedText,
  attention: (q, value) => (q.attention !== undefined && answerValue(value) === q.attention ? yesNo(q.attention) : undefined),
  async ask({ prompter }, _q, a) {
    // List answers: the cursor starts on what is stored, also on "weet ik (nog) niet".
    const listDefault = a.wasUnknown ? { default: UNKNOWN } : typeof a.current === 'string' && a.current ? { default: a.current } : {};
    return prompter
      .select<string>({
        ...a.base,
        choices: withUnknown(
          [
            { value: 'ja', name: earlierMark('Ja', a.hasEarlier && a.current === 'ja') },
            { value: 'nee', name: earlierMark('Nee', a.hasEarlier && a.current === 'nee') },
          ],
          a.base.allowUnknown,
        ),
        ...listDefault,
        note: a.note,
      })
      .then(unknownChoice)
      .then((reply) => noted(reply, a.note));
  },
};

export const yesnoField: FieldType<Extract<Field, { type: 'yesno' }>> = {
  check: (f, value) => (value === NOT_YET_KNOWN ? undefined : check(f, value)),
  cell: cellOf((_f, value) => yesNo(value)),
  freeText: false,
  decides: true,
  judged: true,
  ask: (prompter, _f, base, current) =>
    prompter.select<string>({
      ...base,
      choices: [
        { value: 'ja', name: 'Ja' },
        { value: 'nee', name: 'Nee' },
        { value: NOT_YET_KNOWN, name: NOT_YET_KNOWN_LABEL },
      ],
      // A cell stored as "" by earlier versions meant "weet ik (nog) niet" (then "Nog niet bekend").
      ...(typeof current === 'string' && { default: current === '' ? NOT_YET_KNOWN : current }),
    }),
};
