// Answer values as they are stored in an answers file (under `antwoorden:`).
//
//   text, longtext, date  -> string ("" = bewust leeg gelaten)
//   yesno                 -> "ja" | "nee"
//   choice                -> string: an option value, or free text ("anders, namelijk")
//   yesno, choice with a toelichting (Ctrl+O)
//                         -> { antwoord: "ja", toelichting: "alleen voor IDO" }
//                            (without a toelichting the plain string above)
//   multichoice           -> string[]: option values and/or free text
//   number                -> number
//   group                 -> list of items, each a map of field id -> value
//                            (a yes/no field: "ja", "nee", or "nog_niet_bekend")
//   group with `extends`  -> true (the extra fields live on the items of the base group)
//   any question          -> { weet_ik_niet: true } for "weet ik (nog) niet";
//                            { weet_ik_niet: true, eerder: <answer> } keeps the
//                            answer it replaced, so going back can bring it back
//
// A question without an entry is open (not yet asked).
//
// Drafts (under `concepten:`, next to `antwoorden:`) are what was being typed
// when the user stopped, not yet confirmed: question id -> text, or for a
// repeat group the half-filled item (field id -> value; `itemnummer: n` when
// it changes item n rather than adding one). A draft is no answer: walk,
// reports and counts ignore it; confirming the question removes it.

export const UNKNOWN_KEY = 'weet_ik_niet';
/** Under a "weet ik (nog) niet": the answer it replaced. */
export const EARLIER_KEY = 'eerder';
export const UNKNOWN_LABEL = 'Weet ik (nog) niet';
/** In a group item draft: which item (1-based) it changes; absent for a new item. */
export const DRAFT_ITEM_KEY = 'itemnummer';

export interface UnknownAnswer {
  weet_ik_niet: true;
  eerder?: KnownAnswer;
}
/**
 * A yes/no field of a group item (Stap 4: afspraken vastgelegd?) answered
 * "Weet ik (nog) niet", the program's one word for it (stored as
 * `nog_niet_bekend`, as before).
 */
export const NOT_YET_KNOWN = 'nog_niet_bekend';
export const NOT_YET_KNOWN_LABEL = 'Weet ik (nog) niet';
export const ANSWER_KEY = 'antwoord';
export const NOTE_KEY = 'toelichting';
/** A ja/nee or choice answer with a toelichting ("ja, maar …"). */
export interface NotedAnswer {
  antwoord: string;
  toelichting: string;
}
export type FieldValue = string | number | null;
export type GroupItem = Record<string, FieldValue>;
/** An answer that is not "weet ik (nog) niet". */
export type KnownAnswer = string | number | boolean | string[] | GroupItem[] | NotedAnswer | null;
export type AnswerValue = KnownAnswer | UnknownAnswer;
export type Answers = Record<string, AnswerValue | undefined>;
/** A draft: the text of a text question, or a half-filled group item. */
export type Draft = string | GroupItem | NotedAnswer;
export type Drafts = Record<string, Draft | undefined>;

/** "Weet ik (nog) niet", keeping the answer it replaces (when there is one worth keeping). */
export function unknownAnswer(earlier?: KnownAnswer): UnknownAnswer {
  const value = { [UNKNOWN_KEY]: true } as UnknownAnswer;
  if (earlier !== undefined && !isEmptyAnswer(earlier)) value.eerder = earlier;
  return value;
}

/** The answer kept under a "weet ik (nog) niet", if any. */
export function earlierAnswer(value: AnswerValue | undefined): KnownAnswer | undefined {
  if (!isUnknown(value)) return undefined;
  const earlier = (value as unknown as Record<string, unknown>)[EARLIER_KEY];
  return earlier === undefined || isUnknown(earlier) ? undefined : (earlier as KnownAnswer);
}

export function isUnknown(value: unknown): value is UnknownAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Record<string, unknown>)[UNKNOWN_KEY] === true;
}

export function isNoted(value: unknown): value is NotedAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ANSWER_KEY in value;
}

/** The answer itself: for `{ antwoord, toelichting }` the antwoord, else the value unchanged. */
export function answerValue(value: AnswerValue | undefined): Exclude<AnswerValue, NotedAnswer> | undefined {
  return isNoted(value) ? value.antwoord : value;
}

/** The toelichting of an answer ("" when it has none). */
export function noteOf(value: AnswerValue | undefined): string {
  return isNoted(value) && typeof value.toelichting === 'string' ? value.toelichting : '';
}

/** An answer with its toelichting: the plain value when the toelichting is empty. */
export function withNote(value: string, note: string | undefined): string | NotedAnswer {
  const text = note?.trim() ?? '';
  return text ? { antwoord: value, toelichting: text } : value;
}

/** True for answers that say nothing: "", whitespace, null, an empty list. */
export function isEmptyAnswer(value: AnswerValue | undefined): boolean {
  value = answerValue(value);
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
