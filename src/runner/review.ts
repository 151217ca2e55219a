// The review: an overview of every visible question with its answer, from
// which the user picks a question to change, goes on with the open ones,
// stops for now, or finishes the worksheet.
import { answerValue, noteOf, UNKNOWN_LABEL } from '../dossier/answers.js';
import type { Choice } from '../terminal/prompter.js';
import { findVisible, questionRef, type VisibleQuestion, type WalkResult } from '../walk.js';
import type { RunOutcome, Session } from './context.js';
import { messageOf } from './questions.js';
import { persist } from './saving.js';
import { unlessStopped } from '../support/errors.js';
import { worksheetIntroText } from './welcome.js';
import { own } from '../support/own.js';
import { truncate } from '../types/prompt.js';
import { isGroup, typeOf } from '../types/registry.js';

/** Where the overview sends the user: a question, and how it was reached. */
export interface ReviewPick {
  question: string;
  /**
   * `change`: picked from the list, to answer or change it; `open`: "Verder
   * met de open vragen"; `back`: Ctrl+T in the overview (its last question).
   */
  how: 'change' | 'open' | 'back';
}

const CONTINUE = '\u0000verder';

/**
 * Show the overview, its cursor on `focus` (the question the user comes
 * back from) if given; returns the question picked (and how), or how the
 * run ends.
 */
export async function review(s: Session, w: WalkResult, focus?: string): Promise<ReviewPick | RunOutcome> {
  const { file, prompter, style } = s;
  const finished = file.meta.status === 'afgerond';
  const open = w.visible.filter((v) => v.state === 'open');
  // The counts of walk (the workbook's questions); open meta fields are named apart.
  const openMeta = open.filter((v) => v.section.kind === 'meta').map(questionRef);
  const title = finished
    ? 'Dit werkblad is afgerond. Overzicht van je antwoorden:'
    : open.length
      ? `Overzicht: ${w.done} van ${w.total} vragen beantwoord` +
        (w.total > w.done ? `, ${w.total - w.done} nog open` : '') +
        (openMeta.length ? `; nog in te vullen: ${openMeta.join(', ')}` : '') +
        '.'
      : allAnsweredTitle(w);
  const advice = open.length
    ? 'Kies een vraag om die te beantwoorden of te wijzigen, of ga verder met de open vragen.'
    : 'Kies een vraag om je antwoord te wijzigen, of rond het werkblad af.';
  // Part of the prompt, so that it is drawn again with the list (after a resize the screen is cleared).
  const header = ['', style.bold(title), style.dim(advice)].join('\n');
  const drafts = file.drafts;
  // The rows fitted to a terminal width: made again when the list is drawn again after a resize.
  const choicesAt = (columns: number): Choice<string>[] => {
    // A list row must fit on one line: inquirer's cursor ("❯ ") and one column to spare.
    const width = Math.max(40, columns - 3);
    const choices: Choice<string>[] = [];
    if (open[0]) choices.push({ value: CONTINUE, name: `→ Verder met de open vragen (vanaf ${where(w, open[0])})` });
    for (const v of w.visible) choices.push({ value: v.question.id, name: reviewRow(w, v, width, own(drafts, v.question.id) != null) });
    if (!open.length) choices.push({ value: '\u0000afronden', name: finished ? '✔ Klaar (werkblad blijft afgerond)' : '✔ Werkblad afronden' });
    choices.push({ value: '\u0000inleiding', name: 'Inleiding en tips van dit werkblad opnieuw lezen' });
    choices.push({ value: '\u0000later', name: 'Later verder (alles is bewaard)' });
    return choices;
  };
  const picked = unlessStopped(
    await prompter.select<string>({
      header,
      message: 'Overzicht',
      choices: choicesAt(prompter.width()),
      choicesAt,
      default: open[0] ? CONTINUE : '\u0000afronden',
      ...(focus && findVisible(w, focus) && { cursor: focus }),
      allowBack: true,
    }),
  );
  if (picked.kind === 'back') {
    const last = w.visible[w.visible.length - 1];
    return last ? { question: last.question.id, how: 'back' } : 'gestopt';
  }
  if (picked.kind !== 'answer') return review(s, w);
  if (picked.value === '\u0000later') return 'gestopt';
  if (picked.value === '\u0000inleiding') {
    prompter.print(`\n${worksheetIntroText(s.ws, style)}`);
    return review(s, w);
  }
  if (picked.value === '\u0000afronden') {
    file.setStatus('afgerond');
    await persist(s);
    return 'afgerond';
  }
  if (picked.value === CONTINUE && open[0]) return { question: open[0].question.id, how: 'open' };
  return { question: picked.value, how: 'change' };
}

/**
 * Every question had its turn: "Alle vragen zijn beantwoord" only when nothing
 * is left to find out; else how many answers are "weet ik (nog) niet" or
 * empty, and how many items of a list still have an open column.
 */
export function allAnsweredTitle(w: WalkResult): string {
  const steps = w.visible.filter((v) => v.section.kind === 'step');
  const unknown = steps.filter((v) => v.state === 'unknown').length;
  const empty = steps.filter((v) => v.state === 'empty').length;
  const parts: string[] = [];
  if (unknown) parts.push(`${unknown} ${unknown === 1 ? 'vraag' : 'vragen'} met "${UNKNOWN_LABEL.toLowerCase()}"`);
  if (empty) parts.push(`${empty} ${empty === 1 ? 'vraag' : 'vragen'} leeg gelaten`);
  for (const v of steps) {
    const gaps = v.gaps ?? 0;
    if (gaps && isGroup(v.question)) parts.push(`bij ${gaps} ${v.question.item}${gaps === 1 ? '' : 's'} is nog niet alles bekend`);
  }
  if (!parts.length) return 'Alle vragen zijn beantwoord. Overzicht van je antwoorden:';
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}` : parts[0];
  return `Alle vragen zijn langsgekomen. Nog uit te zoeken: ${list}. Overzicht van je antwoorden:`;
}

/** A draft is no answer: say so next to whatever is confirmed. */
function withDraft(answer: string, v: VisibleQuestion, hasDraft: boolean): string {
  if (!hasDraft) return answer;
  return v.state === 'open' ? 'onbevestigd antwoord' : `${answer} + onbevestigd antwoord`;
}

/** Where a question is, in the words of the workbook: "Stap 2 · 4." (or "vraag 4" without a number). */
function where(w: WalkResult, v: VisibleQuestion): string {
  const step = v.section.kind === 'step' && w.stepCount > 1 ? `Stap ${v.section.stepNumber}` : '';
  const number = v.question.number ?? '';
  if (step && number) return `${step} · ${number}`;
  if (step || number) return step || number;
  // No number of the workbook's own (werkblad 1, 3): the question's words, as "vraag 4" would be read as the list's number 4.
  return v.section.kind === 'meta' ? questionRef(v) : `"${truncate(messageOf(v.question).replace(/:$/, ''), 40)}"`;
}

/**
 * One row of the overview, within width: "Stap 2 · 4. Naar welke partners … — 3 partners".
 * The answer gets up to 40% of the row, the question the rest. A narrow
 * window (under 50 columns) would leave a dozen letters of each: there the
 * row has the whole question and up to two lines of the answer, and the
 * list wraps it between words onto as many lines as it takes.
 */
export function reviewRow(w: WalkResult, v: VisibleQuestion, width: number, hasDraft = false): string {
  const step = v.section.kind === 'step' && w.stepCount > 1 ? `Stap ${v.section.stepNumber} · ` : '';
  const narrow = width < 50;
  // "Naam: — Anna" reads oddly: a label's own colon goes, the dash says where the answer starts.
  const question = `${step}${messageOf(v.question).replace(/:$/, '')}`;
  // Only the workbook's own numbers: werkblad 1 and 3 have none, and a count would shift when a follow-up appears.
  // The answer gets at least 40% of the row, and whatever a short question leaves.
  const room = Math.max(Math.floor(width * 0.4), width - [...question].length - 3);
  const answer = withDraft(shortAnswer(v, narrow ? 2 * width - 10 : Math.max(20, room)), v, hasDraft);
  if (narrow) return `${question} — ${answer}`;
  // A toelichting may add to the answer: the question keeps at least 16 columns.
  const fitted = truncate(answer, width - 19);
  return `${truncate(question, Math.max(16, width - [...fitted].length - 3))} — ${fitted}`;
}

/** One question's answer in a few words (at most max characters), for the overview; a toelichting follows in brackets. */
export function shortAnswer(v: VisibleQuestion, max = 30): string {
  const note = noteOf(v.answer);
  const answer = answerOnly(v, max);
  return note && v.state === 'answered' ? truncate(`${answer} (${note.replace(/\s+/g, ' ')})`, max + 20) : answer;
}

function answerOnly(v: VisibleQuestion, max: number): string {
  if (v.state === 'open') return '(open)';
  if (v.state === 'unknown') return UNKNOWN_LABEL.toLowerCase();
  if (v.state === 'empty') return '(leeg)';
  const a = answerValue(v.answer);
  return a === undefined ? '' : typeOf(v.question).short(v.question, a, max, v.gaps);
}
