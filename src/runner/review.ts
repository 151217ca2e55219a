// The review: an overview of every visible question with its answer, from
// which the user picks a question to change, goes on with the open ones,
// stops for now, or finishes the worksheet.
import { answerValue, noteOf, UNKNOWN_LABEL } from '../dossier/answers.js';
import type { Choice } from '../terminal/prompter.js';
import type { VisibleQuestion, WalkResult } from '../walk.js';
import { displayDate } from '../support/dates.js';
import type { RunOutcome, Session } from './context.js';
import { messageOf, truncate } from './questions.js';
import { persist } from './saving.js';

/** Show the overview; returns the id of the question picked, or how the run ends. */
export async function review(s: Session, w: WalkResult): Promise<string | RunOutcome> {
  const { file, prompter, style } = s;
  const finished = file.meta.status === 'afgerond';
  const open = w.visible.filter((v) => v.state === 'open');
  const title = finished
    ? 'Dit werkblad is afgerond. Overzicht van je antwoorden:'
    : open.length
      ? `Overzicht: ${w.done} van ${w.total} vragen beantwoord, ${open.length} nog open.`
      : 'Alle vragen zijn beantwoord. Overzicht van je antwoorden:';
  const advice = open.length
    ? 'Kies een vraag om die te beantwoorden of te wijzigen, of ga verder met de open vragen.'
    : 'Kies een vraag om je antwoord te wijzigen, of rond het werkblad af.';
  prompter.print(['', style.bold(title), style.dim(advice)].join('\n'));
  const width = Math.max(30, prompter.width() - 12);
  const choices: Choice<string>[] = [];
  if (open[0]) choices.push({ value: open[0].question.id, name: `→ Verder met de open vragen (vraag ${open[0].position})` });
  for (const v of w.visible) {
    const answer = shortAnswer(v);
    const label = truncate(messageOf(v.question), Math.max(10, width - answer.length - 7));
    choices.push({ value: v.question.id, name: `${String(v.position).padStart(2)}. ${label} — ${answer}` });
  }
  if (!open.length) choices.push({ value: '\u0000afronden', name: finished ? '✔ Klaar (werkblad blijft afgerond)' : '✔ Werkblad afronden' });
  choices.push({ value: '\u0000later', name: 'Later verder (alles is bewaard)' });
  const picked = await prompter.select<string>({
    message: 'Overzicht',
    choices,
    default: open[0]?.question.id ?? '\u0000afronden',
    allowBack: true,
  });
  if (picked.kind === 'back') return w.visible[w.visible.length - 1]?.question.id ?? 'gestopt';
  if (picked.kind !== 'answer') return review(s, w);
  if (picked.value === '\u0000later') return 'gestopt';
  if (picked.value === '\u0000afronden') {
    file.setStatus('afgerond');
    await persist(s);
    return 'afgerond';
  }
  return picked.value;
}

/** One question's answer in a few words, for the overview; a toelichting follows in brackets. */
export function shortAnswer(v: VisibleQuestion): string {
  const note = noteOf(v.answer);
  const answer = answerOnly(v);
  return note && v.state === 'answered' ? `${answer} (${truncate(note.replace(/\s+/g, ' '), 40)})` : answer;
}

function answerOnly(v: VisibleQuestion): string {
  if (v.state === 'open') return '(open)';
  if (v.state === 'unknown') return UNKNOWN_LABEL.toLowerCase();
  if (v.state === 'empty') return '(leeg)';
  const a = answerValue(v.answer);
  if (a === true) return v.gaps ? `aangevuld, bij ${v.gaps} nog niet bekend` : 'aangevuld';
  if (Array.isArray(a)) {
    if (v.question.type === 'group') return `${a.length} ${v.question.item}${a.length === 1 ? '' : 's'}`;
    return truncate(a.join(', '), 30);
  }
  if (v.question.type === 'date' && typeof a === 'string') return displayDate(a);
  return truncate(String(a).split('\n')[0] ?? '', 30) + (String(a).includes('\n') ? ' …' : '');
}
