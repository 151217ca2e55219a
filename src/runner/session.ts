// The interactive runner: walks a worksheet question by question through
// the Prompter, saving after every answer. What is visible and what comes
// next always comes from walk(); the runner only remembers which question
// it is showing, and whether the overview opened it (Position).
//
// This file owns the loop and that cursor. The parts it calls each take the
// session (context.ts) as an argument: what a question starts from
// (questions.ts; the prompt itself is its type's, types/), repeat groups
// (groups.ts), the review and finishing (review.ts), saving, drafts and the
// write-error dialogue (saving.ts). A prompt reports a stop as a value: its
// draft is kept (keepLeft) before the InterruptedError ends the run.
import type { Worksheet } from '../definition/schema.js';
import { earlierAnswer, isEmptyAnswer, unknownAnswer, type AnswerValue, type Drafts, type KnownAnswer } from '../dossier/answers.js';
import type { AnswersFile } from '../dossier/answers-file.js';
import type { Prompter, Reply } from '../terminal/prompter.js';
import { findVisible, followUps, previousVisible, walk, type Section, type VisibleQuestion, type WalkResult } from '../walk.js';
import { plainStyle, type PreviousRound, type RunOutcome, type Session, type Style } from './context.js';
import { askGroup } from './groups.js';
import { askQuestion, asking } from './questions.js';
import { review, type ReviewPick } from './review.js';
import { keepLeft, persist } from './saving.js';
import { InterruptedError } from '../support/errors.js';
import { checkPreviousItems, previousAnswer } from './previous.js';
import { own } from '../support/own.js';
import { isGroup, typeOf } from '../types/registry.js';

export { plainStyle, type RunOutcome, type Style } from './context.js';

export interface RunOptions {
  ws: Worksheet;
  file: AnswersFile;
  prompter: Prompter;
  /** Start in the review (for a finished worksheet). */
  startInReview?: boolean;
  /** Style helpers (no colour in tests). */
  style?: Style;
  today?: () => Date;
  /** See Session.relocate. */
  relocate?: (file: string) => Promise<void>;
  /** See Session.previous. */
  previous?: PreviousRound;
}

export async function runWorksheet(options: RunOptions): Promise<RunOutcome> {
  const { ws, file, prompter } = options;
  const s: Session = {
    ws,
    file,
    prompter,
    style: options.style ?? plainStyle,
    today: options.today ?? (() => new Date()),
    ...(options.relocate && { relocate: options.relocate }),
    ...(options.previous && { previous: options.previous }),
  };
  const introduced = new Set<string>();
  let lastSection: string | undefined;
  const reviewing = options.startInReview === true;
  // Resuming, the question on screen is the one with a draft: where the user stopped typing.
  let at: Position = { reviewing, cursor: reviewing ? undefined : firstDraft(walk(ws, file.answers), file.drafts)?.question.id };

  for (;;) {
    const w = walk(ws, file.answers);
    const current = at.cursor ? findVisible(w, at.cursor) : at.reviewing ? undefined : w.next;
    if (!current) {
      const picked = await review(s, w, at.focus);
      if (picked === 'afgerond' || picked === 'gestopt') return picked;
      at = fromReview(picked);
      continue;
    }
    if (current.section.id !== lastSection) {
      showSection(s, current.section, !introduced.has(current.section.id), w);
      introduced.add(current.section.id);
      lastSection = current.section.id;
    }
    // Opened from the overview to change it: a group's "Klaar" says it goes back there.
    const reply = await ask(s, current, w, at.opened?.change === true && at.opened.id === current.question.id);
    // Left without answering (also stopped): what was typed there is kept as a draft (saving.ts).
    const kept = reply.kind === 'answer' ? false : await keepLeft(s, current, reply);
    if (reply.kind === 'stopped') throw new InterruptedError(reply.signal);
    if (reply.kind === 'review') {
      // Asked for the overview (the plain prompter's ":overzicht"): it takes over from here.
      at = { reviewing: true, cursor: undefined };
      continue;
    }
    if (reply.kind === 'back') {
      at = back(s, at, w, current);
      continue;
    }
    file.setAnswer(current.question.id, reply.kind === 'unknown' ? unknownKeeping(s, current, reply.draft) : reply.value);
    // Confirmed: the draft has done its work (a group clears its own draft per item), unless it was just kept.
    if (!isGroup(current.question) && !kept) file.clearDraft(current.question.id);
    await persist(s);
    const after = walk(ws, file.answers);
    at = answered(at, after, current);
    // An answer that opened new questions takes a finished worksheet back to concept.
    if (after.next && file.meta.status === 'afgerond') {
      file.setStatus('concept');
      await persist(s);
    }
  }
}

/** Where the runner is in a worksheet. */
interface Position {
  /** The question on screen; undefined means: the first open one (or, while reviewing, the overview). */
  cursor: string | undefined;
  /** In the overview's part of the run: when nothing is open, the overview comes back. */
  reviewing: boolean;
  /**
   * The question opened from the overview: Ctrl+T there returns to the
   * overview. Picked to change (`change`), its answer does too, after the
   * follow-ups that answer opened.
   */
  opened?: { id: string; change: boolean };
  /** Back in the overview with Ctrl+T from a question it opened: the overview's cursor starts on that question. */
  focus?: string;
}

/** The question the overview sends the user to. Ctrl+T in the overview goes to its last question, as to any previous one. */
function fromReview(picked: ReviewPick): Position {
  if (picked.how === 'back') return { reviewing: true, cursor: picked.question };
  return { reviewing: true, cursor: picked.question, opened: { id: picked.question, change: picked.how === 'change' } };
}

/** Ctrl+T: back where the question was opened from (the overview), else to the previous question. */
function back(s: Session, at: Position, w: WalkResult, current: VisibleQuestion): Position {
  if (at.opened?.id === current.question.id) return { reviewing: true, cursor: undefined, focus: current.question.id };
  const previous = previousVisible(w, current.question.id);
  if (!previous) s.prompter.print(s.style.dim('Dit is de eerste vraag.'));
  return { ...at, cursor: previous?.question.id ?? current.question.id };
}

/**
 * After an answer: a question changed from the overview goes on with an
 * open follow-up of it (one its answer just opened), then back to the
 * overview; else the next question (while reviewing: the next open one).
 */
function answered(at: Position, after: WalkResult, current: VisibleQuestion): Position {
  if (at.opened?.change) {
    const followUp = followUps(after, at.opened.id).find((v) => v.state === 'open');
    // Back in the overview on its way on (Verder, afronden), as Enter is in the plain mode: not on the question just changed.
    return followUp ? { ...at, cursor: followUp.question.id } : { reviewing: true, cursor: undefined };
  }
  if (at.reviewing) return { ...at, cursor: after.next?.question.id };
  const i = after.visible.findIndex((v) => v.question.id === current.question.id);
  const cursor = after.visible[i + 1]?.question.id;
  return { ...at, cursor, reviewing: !cursor };
}

function showSection(s: Session, section: Section, full: boolean, w: WalkResult): void {
  const { style } = s;
  const lines: string[] = [''];
  // The meta section needs no heading: its progress line says "Gegevens".
  const heading = section.kind === 'step' && w.stepCount > 1 ? section.title : '';
  if (heading) lines.push(style.bold(heading));
  if (section.subtitle) lines.push(style.dim(section.subtitle));
  if (full && section.intro) lines.push('', section.intro.trim());
  if (full) for (const tip of section.tips ?? []) lines.push('', `${style.bold('Tip:')} ${tip.trim()}`);
  if (lines.length > 1) s.prompter.print(lines.join('\n'));
}

/** Where to resume: the first visible question with a draft (where the user stopped typing), else the first open one. */
export function resumeAt(w: WalkResult, drafts: Drafts): VisibleQuestion | undefined {
  return firstDraft(w, drafts) ?? w.next;
}

function firstDraft(w: WalkResult, drafts: Drafts): VisibleQuestion | undefined {
  return w.visible.find((v) => own(drafts, v.question.id) !== undefined && own(drafts, v.question.id) !== null);
}

/**
 * "Weet ik (nog) niet" that keeps what it replaces under `eerder`: the
 * answer (or the earlier answer of an earlier "weet ik niet"), else the
 * draft. A repeat group never gets here with items (groups.ts).
 */
function unknownKeeping(s: Session, vq: VisibleQuestion, typed?: string): AnswerValue {
  if (isGroup(vq.question)) return unknownAnswer();
  // Text typed just before Ctrl+N is what the user last had in mind: it is kept, not the older answer.
  if (typed !== undefined && typeOf(vq.question).freeText) return unknownAnswer(typed);
  const draft = own(s.file.drafts, vq.question.id);
  const earlier: KnownAnswer | undefined = vq.state === 'unknown' ? earlierAnswer(vq.answer) : (vq.answer as KnownAnswer | undefined);
  return unknownAnswer(earlier !== undefined && !isEmptyAnswer(earlier) ? earlier : typeof draft === 'string' ? draft : undefined);
}

/** Ask the question on screen: a repeat group (groups.ts) or any other type (its type, through questions.ts). */
async function ask(s: Session, vq: VisibleQuestion, w: WalkResult, toOverview: boolean): Promise<Reply<AnswerValue>> {
  const q = vq.question;
  // A new round: last round's answer as the default (previous.ts); a group's items are checked first.
  const prior = previousAnswer(s, vq);
  if (isGroup(q)) {
    if (prior !== undefined) await checkPreviousItems(s, q, prior);
    const now = walk(s.ws, s.file.answers);
    return askGroup(s, findVisible(now, q.id) ?? vq, asking(s.style, vq, now, own(s.file.drafts, q.id)).base, { toOverview });
  }
  const shown = prior === undefined ? vq : { ...vq, answer: prior };
  return askQuestion(s, q, asking(s.style, shown, w, own(s.file.drafts, q.id), prior === undefined ? undefined : s.previous?.from));
}
