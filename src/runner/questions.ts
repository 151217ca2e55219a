// What a question about to be asked starts from (its header, message, the
// stored answer or draft); the prompt itself is its type's (types/), repeat
// groups are in groups.ts.
import type { Field, Question } from '../definition/schema.js';
import {
  answerValue,
  earlierAnswer,
  isUnknown,
  noteOf,
  UNKNOWN_LABEL,
  type AnswerValue,
  type Draft,
  ANSWER_KEY,
  type NotedAnswer,
} from '../dossier/answers.js';
import type { Reply } from '../terminal/prompter.js';
import type { Asking } from '../types/prompt.js';
import { isGroup, typeOf } from '../types/registry.js';
import { progressLabel, type VisibleQuestion, type WalkResult } from '../walk.js';
import type { Session, Style } from './context.js';

/** `from`: the answer in `vq` is offered as the default, from there ("de vorige ronde (2026)", "werkblad 1"; runner/previous.ts). */
export function asking(style: Style, vq: VisibleQuestion, w: WalkResult, stored?: Draft, from?: string): Asking {
  const q = vq.question;
  const wasUnknown = isUnknown(vq.answer);
  const kept = typeOf(q).draft;
  const earlier = isGroup(q) ? undefined : earlierAnswer(vq.answer);
  const draft = typeof stored === 'string' && kept === 'typed' ? stored : undefined;
  const choiceDraft = kept === 'noted' && stored !== undefined && typeof stored === 'object' && ANSWER_KEY in stored ? (stored as NotedAnswer) : undefined;
  const notes: string[] = [];
  if (choiceDraft) {
    notes.push(style.bold('Onbevestigd antwoord:') + ' je keuze en de toelichting die je aan het typen was toen je stopte. Bevestig of wijzig ze.');
    const base = promptBase(q, [header(style, vq, w), ...notes], w);
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
  const base = promptBase(q, [header(style, vq, w), ...notes], w);
  return {
    base,
    current: wasUnknown ? answerValue(earlier) : answerValue(vq.answer),
    note: noteOf(wasUnknown ? earlier : vq.answer),
    wasUnknown,
    hasEarlier: earlier !== undefined,
    ...(draft !== undefined && { draft }),
  };
}

/** What every prompt of a question gets: its message, the header lines, and which ways out it allows. */
function promptBase(q: Question, headerLines: string[], w: WalkResult) {
  return {
    message: messageOf(q),
    header: headerLines.join('\n'),
    allowBack: w.visible[0]?.question.id !== q.id,
    allowUnknown: q.unknown !== false,
    allowReview: true,
  };
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

/** Ask a question of any type but a repeat group (its type asks it). */
export async function askQuestion(s: Session, q: Question, a: Asking): Promise<Reply<AnswerValue>> {
  const ask = typeOf(q).ask;
  if (!ask) throw new Error(`askQuestion: ${q.id} is asked by its own screen`);
  return ask({ prompter: s.prompter, today: () => s.today() }, q, a);
}
