// A new round: the answers of the last closed round (dossier/rounds.ts) as
// defaults. An open question starts with last round's answer filled in or
// selected: Enter keeps it (it then counts as answered), typing or choosing
// changes it. A repeat group's items are checked one by one first (keep or
// leave out); the kept ones are the start of this round's list.
import type { Field, Worksheet } from '../definition/schema.js';
import { allQuestions } from '../definition/questions.js';
import type { AnswerValue, Answers, GroupItem } from '../dossier/answers.js';
import { walk, type VisibleQuestion } from '../walk.js';
import type { PreviousRound, Session } from './context.js';
import { cellText } from './groups.js';
import { persist } from './saving.js';
import { own } from '../support/own.js';
import { unlessStopped } from '../support/errors.js';
import { isGroup, typeOf, type GroupQuestion } from '../types/registry.js';
import { capitalise } from '../support/words.js';

export function offerPrevious(ws: Worksheet, round: string, answers: Answers, from = `de vorige ronde (${round})`): PreviousRound {
  const offered = new Set(
    walk(ws, answers)
      .visible.filter((v) => v.state !== 'open')
      .map((v) => v.question.id),
  );
  return { round, answers, offered, from };
}

/** Last round's answer to offer for this question: only while it is open here, and never for "vandaag" dates or over a draft. */
export function previousAnswer(s: Session, vq: VisibleQuestion): AnswerValue | undefined {
  const p = s.previous;
  const q = vq.question;
  if (!p || vq.state !== 'open' || !p.offered.has(q.id)) return undefined;
  if (typeOf(q).renewed(q)) return undefined;
  const draft = own(s.file.drafts, q.id);
  if (draft !== undefined && draft !== null) return undefined;
  return own(p.answers, q.id);
}

type Group = GroupQuestion;

/**
 * Last round's items of a repeat group, one by one: still right (keep) or
 * not (leave out). The kept items become this round's list (saved at once);
 * the group's own screen follows, to change or add items.
 */
export async function checkPreviousItems(s: Session, q: Group, previous: AnswerValue): Promise<void> {
  const items = Array.isArray(previous) ? (previous as unknown[]).filter((i): i is GroupItem => typeof i === 'object' && i !== null && !Array.isArray(i)) : [];
  if (q.extends || !items.length) return;
  const fields: Field[] = [...q.fields, ...allQuestions(s.ws).flatMap((x) => (isGroup(x) && x.extends === q.id ? x.fields : []))];
  s.prompter.print(
    s.style.bold(`\n${capitalise(q.item)}s uit de vorige ronde (${s.previous?.round ?? ''}):`) +
      ` controleer ze één voor één. Wat je houdt, staat daarna in de lijst; daar kun je ze nog wijzigen of ${q.item}s toevoegen.`,
  );
  const kept: GroupItem[] = [];
  for (const [i, item] of items.entries()) {
    const reply = unlessStopped(
      await s.prompter.select<'keep' | 'drop'>({
        message: `${capitalise(q.item)} ${i + 1} van ${items.length}: klopt dit nog?`,
        header: itemLines(item, fields),
        choices: [
          { value: 'keep', name: 'Ja, houden' },
          { value: 'drop', name: 'Nee, weglaten' },
        ],
        default: 'keep',
        allowBack: false,
      }),
    );
    if (reply.kind === 'answer' && reply.value === 'keep') kept.push(item);
  }
  if (!kept.length) return;
  s.file.setAnswer(q.id, kept);
  await persist(s);
}

/** The item in full, a line per field that has a value: "  Naam partner: Welzijn Oost". */
function itemLines(item: GroupItem, fields: Field[]): string {
  return fields
    .filter((f) => own(item, f.id) !== undefined && own(item, f.id) !== null && String(own(item, f.id)).trim() !== '')
    .map((f) => `  ${f.label.replace(/[:?]$/, '')}: ${cellText(f, own(item, f.id))}`)
    .join('\n');
}
