// One prompt per question type (text, longtext, yesno, choice, multichoice,
// date, number; repeat groups are in groups.ts) and the helpers they share:
// the header and message of a prompt, the "weet ik (nog) niet" and
// "Anders, namelijk …" entries of a list, shortening a text.
import type { Field, Question } from '../definition/schema.js';
import { optionLabel, optionValue } from '../definition/questions.js';
import { answerValue, earlierAnswer, isUnknown, noteOf, UNKNOWN_LABEL, withNote, type AnswerValue, type Draft, ANSWER_KEY, type NotedAnswer } from '../dossier/answers.js';
import type { Choice, Prompter, Reply } from '../terminal/prompter.js';
import { progressLabel, type VisibleQuestion, type WalkResult } from '../walk.js';
import { dateProblem, displayDate, isoDate, parseDate, parseNumber } from '../support/dates.js';
import type { Session, Style } from './context.js';

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

/** Every question type but the repeat group. */
export type SingleQuestion = Exclude<Question, { type: 'group' }>;

/** `from`: the answer in `vq` is offered as the default, from there ("de vorige ronde (2026)", "werkblad 1"; runner/previous.ts). */
export function asking(style: Style, vq: VisibleQuestion, w: WalkResult, stored?: Draft, from?: string): Asking {
  const q = vq.question;
  const wasUnknown = isUnknown(vq.answer);
  const earlier = q.type === 'group' ? undefined : earlierAnswer(vq.answer);
  const draft = typeof stored === 'string' && (q.type === 'text' || q.type === 'longtext' || q.type === 'date' || q.type === 'number') ? stored : undefined;
  const choiceDraft = (q.type === 'yesno' || q.type === 'choice') && stored !== undefined && typeof stored === 'object' && ANSWER_KEY in stored ? (stored as NotedAnswer) : undefined;
  const notes: string[] = [];
  if (choiceDraft) {
    notes.push(style.bold('Onbevestigd antwoord:') + ' je keuze en de toelichting die je aan het typen was toen je stopte. Bevestig of wijzig ze.');
    const base = { message: messageOf(q), header: [header(style, vq, w), ...notes].join('\n'), allowBack: w.visible[0]?.question.id !== q.id, allowUnknown: q.unknown !== false, allowReview: true };
    return { base, current: String(choiceDraft.antwoord), note: String(choiceDraft.toelichting ?? ''), wasUnknown: false, hasEarlier: false };
  }
  if (draft !== undefined) {
    notes.push(style.bold('Onbevestigd antwoord:') + ' dit was je aan het typen toen je stopte. Pas het aan of bevestig het.');
  } else if (from !== undefined) {
    notes.push(style.bold(`Antwoord uit ${from}:`) + ' het staat klaar. Bevestig het om het over te nemen (zoals elk antwoord), of wijzig het.');
  } else if (earlier !== undefined) {
    notes.push(
      style.bold(`Nu: ${UNKNOWN_LABEL.toLowerCase()}.`) +
        ' Je eerdere antwoord staat klaar: kies of wijzig het om het weer te gebruiken; bevestig je zonder iets te wijzigen, dan blijft het "weet ik (nog) niet".',
    );
  }
  const base = {
    message: messageOf(q),
    header: [header(style, vq, w), ...notes].join('\n'),
    allowBack: w.visible[0]?.question.id !== q.id,
    allowUnknown: q.unknown !== false,
    allowReview: true,
  };
  return { base, current: wasUnknown ? answerValue(earlier) : answerValue(vq.answer), note: noteOf(wasUnknown ? earlier : vq.answer), wasUnknown, hasEarlier: earlier !== undefined, ...(draft !== undefined && { draft }) };
}

export function header(style: Style, vq: VisibleQuestion, w: WalkResult): string {
  const q = vq.question;
  const lines = ['', style.dim(progressLabel(w, vq))];
  if (q.help) lines.push(style.dim(q.help.trim()));
  if (q.tip) lines.push(`${style.bold('Tip:')} ${q.tip.trim()}`);
  return lines.join('\n');
}

export function messageOf(q: Question | Field): string {
  const number = 'number' in q && q.number ? `${q.number} ` : '';
  return `${number}${q.label}`;
}

/** Ask a question of any type but a repeat group. */
export async function askQuestion(s: Session, q: SingleQuestion, a: Asking): Promise<Reply<AnswerValue>> {
  const { prompter } = s;
  const { base, current, wasUnknown } = a;
  switch (q.type) {
    case 'text':
      return typed(
        a,
        await prompter.input({ ...typedBase(a), default: a.draft ?? (typeof current === 'string' ? current : wasUnknown ? '' : (q.default ?? '')) }),
      );
    case 'longtext':
      return typed(a, await prompter.editor({ ...typedBase(a), default: a.draft ?? (typeof current === 'string' ? current : '') }));
    case 'yesno':
      return askYesNo(prompter, a);
    case 'choice':
      return askChoice(prompter, q, base, typeof current === 'string' ? current : undefined, wasUnknown, a.note);
    case 'multichoice': {
      const checked = Array.isArray(current) ? (current as string[]) : [];
      const reply = await askMultiChoice(prompter, q, base, checked);
      // The earlier answer confirmed as it was: still "weet ik (nog) niet".
      const same = reply.kind === 'answer' && Array.isArray(reply.value) && [...reply.value].sort().join('\n') === [...checked].sort().join('\n');
      return a.hasEarlier && same ? { kind: 'unknown' } : reply;
    }
    case 'date':
      return askDate(s, q, a);
    case 'number':
      return typed(a, await askNumber(prompter, typedBase(a), typeof current === 'number' ? current : undefined, q.unit, q.min, q.max, a.draft));
  }
}

// Typed answers: a stored "weet ik (nog) niet" is named above the prompt,
// and confirming it without typing anything keeps it. Its earlier answer is
// in the editor; confirmed untouched, it stays "weet ik (nog) niet".
function typed(a: Asking, reply: Reply<AnswerValue>): Reply<AnswerValue> {
  return a.wasUnknown && reply.kind === 'answer' && reply.value === '' ? { kind: 'unknown' } : reply;
}

function typedBase(a: Asking): PromptBase & { placeholder?: string; unknownIfUntouched?: boolean } {
  if (!a.wasUnknown) return a.base;
  return {
    ...a.base,
    placeholder: `${UNKNOWN_LABEL} (typ om te wijzigen)`,
    ...(a.hasEarlier && a.draft === undefined && { unknownIfUntouched: true }),
  };
}

async function askYesNo(prompter: Prompter, a: Asking): Promise<Reply<AnswerValue>> {
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
}

/** A list answer with its toelichting (Ctrl+O): `{ antwoord, toelichting }`, or the plain value without one. */
function noted(reply: Reply<string>, stored: string): Reply<AnswerValue> {
  if (reply.kind !== 'answer') return reply;
  return { kind: 'answer', value: withNote(reply.value, reply.note ?? stored) };
}

async function askDate(s: Session, q: Extract<Question, { type: 'date' }>, a: Asking): Promise<Reply<AnswerValue>> {
  const fallback = q.default === 'today' && !a.wasUnknown ? isoDate(s.today()) : '';
  const reply = await s.prompter.input({
    ...typedBase(a),
    message: `${a.base.message.replace(/:$/, '')} (dd-mm-jjjj):`,
    default: a.draft ?? displayDate(typeof a.current === 'string' && a.current ? a.current : fallback),
    validate: (v) => (v === '' ? undefined : dateProblem(v)),
  });
  return typed(a, reply.kind === 'answer' ? { kind: 'answer', value: reply.value === '' ? '' : (parseDate(reply.value) ?? reply.value) } : reply);
}

/**
 * A choice question or group field, with "Anders, namelijk …" when the
 * definition allows it. With `note` (questions, not group fields) Ctrl+O
 * adds a toelichting.
 */
export async function askChoice(
  prompter: Prompter,
  q: Extract<Question, { type: 'choice' }> | Extract<Field, { type: 'choice' }>,
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

async function askMultiChoice(
  prompter: Prompter,
  q: Extract<Question, { type: 'multichoice' }>,
  base: PromptBase,
  current: string[],
): Promise<Reply<AnswerValue>> {
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

/** A number question or group field: Dutch notation (7,5), within min and max. */
export async function askNumber(
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
  return { kind: 'answer', value: reply.value === '' ? '' : (parseNumber(reply.value) ?? reply.value) };
}

// --- shared helpers ----------------------------------------------------------

function earlierMark(name: string, earlier: boolean): string {
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
