// What the prompts of the question types share: the prompt base and what is
// stored for a question about to be asked, the "weet ik (nog) niet" and
// "Anders, namelijk …" entries of a list, the earlier answer's mark,
// shortening a text.
import { UNKNOWN_LABEL, withNote, type AnswerValue } from '../dossier/answers.js';
import type { Choice, Reply } from '../terminal/prompter.js';

export const OTHER = '\u0000anders';
export const UNKNOWN = '\u0000weet-niet';

/** What every prompt of a question or of a group field starts from. */
export interface PromptBase {
  message: string;
  header?: string;
  allowBack: boolean;
  allowUnknown: boolean;
  /** A question of the worksheet (not an item's field): the overview may be asked for instead. */
  allowReview?: boolean;
}

/** A question about to be asked: its prompt base and what is stored for it. */
export interface Asking {
  base: PromptBase;
  /**
   * What the prompt starts with: the stored answer without its toelichting;
   * for "weet ik (nog) niet" the earlier answer it keeps (if any), else undefined.
   */
  current: AnswerValue | undefined;
  /** The stored toelichting of a ja/nee or choice answer ("" for none). */
  note: string;
  wasUnknown: boolean;
  /** "Weet ik (nog) niet" with an earlier answer: `current` is that earlier answer. */
  hasEarlier: boolean;
  /** Unconfirmed text kept when the user stopped (text questions). */
  draft?: string;
}

// Typed answers: a stored "weet ik (nog) niet" is named above the prompt,
// and confirming it without typing anything keeps it. Its earlier answer is
// in the editor; confirmed untouched, it stays "weet ik (nog) niet".
export function typed(a: Asking, reply: Reply<AnswerValue>): Reply<AnswerValue> {
  return a.wasUnknown && reply.kind === 'answer' && reply.value === '' ? { kind: 'unknown' } : reply;
}

export function typedBase(a: Asking): PromptBase & { placeholder?: string; unknownIfUntouched?: boolean } {
  if (!a.wasUnknown) return a.base;
  return {
    ...a.base,
    placeholder: `${UNKNOWN_LABEL} (typ om te wijzigen)`,
    ...(a.hasEarlier && a.draft === undefined && { unknownIfUntouched: true }),
  };
}

/** A list answer with its toelichting (Ctrl+O): `{ antwoord, toelichting }`, or the plain value without one. */
export function noted(reply: Reply<string>, stored: string): Reply<AnswerValue> {
  if (reply.kind !== 'answer') return reply;
  return { kind: 'answer', value: withNote(reply.value, reply.note ?? stored) };
}

export function earlierMark(name: string, earlier: boolean): string {
  return earlier ? `${name} (je eerdere antwoord)` : name;
}

export function withUnknown<T>(choices: Choice<T>[], allow: boolean): Choice<T | typeof UNKNOWN>[] {
  return allow ? [...choices, { value: UNKNOWN, name: UNKNOWN_LABEL }] : choices;
}

export function unknownChoice<T>(reply: Reply<T>): Reply<T> {
  return reply.kind === 'answer' && reply.value === UNKNOWN ? { kind: 'unknown' } : reply;
}

export function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}
