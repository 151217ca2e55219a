// The interactive runner: walks a worksheet question by question through
// the Prompter, saving after every answer. What is visible and what comes
// next always comes from walk(); the runner only remembers which question
// it is showing.
import path from 'node:path';
import type { Field, Question, Worksheet } from '../definition/schema.js';
import { allQuestions, optionLabel, optionValue } from '../definition/questions.js';
import { isUnknown, unknownAnswer, UNKNOWN_LABEL, type AnswerValue, type FieldValue, type GroupItem } from '../dossier/answers.js';
import type { Choice, Prompter, Reply } from '../terminal/prompter.js';
import { answersPath } from '../dossier/folder.js';
import { AnswersFile, WriteError } from '../dossier/answers-file.js';
import {
  findVisible,
  groupBaseId,
  groupItems,
  previousVisible,
  progressLabel,
  walk,
  type Section,
  type VisibleQuestion,
  type WalkResult,
} from '../walk.js';
import { InterruptedError } from '../support/errors.js';
import { displayDate, isoDate, parseDate, parseNumber } from '../support/dates.js';

export type RunOutcome = 'afgerond' | 'gestopt';

export interface RunOptions {
  ws: Worksheet;
  file: AnswersFile;
  prompter: Prompter;
  /** Start in the review (for a finished worksheet). */
  startInReview?: boolean;
  /** Style helpers (no colour in tests). */
  style?: Style;
  today?: () => Date;
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
}

export const plainStyle: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, green: (s) => s };

const OTHER = '\u0000anders';
const UNKNOWN = '\u0000weet-niet';

export async function runWorksheet(options: RunOptions): Promise<RunOutcome> {
  const { ws, file, prompter } = options;
  const style = options.style ?? plainStyle;
  const today = options.today ?? (() => new Date());
  const introduced = new Set<string>();
  let lastSection: string | undefined;
  // The question on screen; undefined means: the first open one (or the review).
  let cursor: string | undefined;
  let reviewing = options.startInReview === true;

  for (;;) {
    const w = walk(ws, file.answers);
    const current = cursor ? findVisible(w, cursor) : reviewing ? undefined : w.next;
    if (!current) {
      const picked = await review(w);
      if (picked === 'afgerond' || picked === 'gestopt') return picked;
      reviewing = true;
      cursor = picked;
      continue;
    }
    if (current.section.id !== lastSection) {
      showSection(current.section, !introduced.has(current.section.id), w);
      introduced.add(current.section.id);
      lastSection = current.section.id;
    }
    const reply = await ask(current, w).catch(async (err: unknown) => {
      await keepDraft(current, err);
      throw err;
    });
    if (reply.kind === 'back') {
      const previous = previousVisible(w, current.question.id);
      if (!previous) prompter.print(style.dim('Dit is de eerste vraag.'));
      cursor = previous?.question.id ?? current.question.id;
      continue;
    }
    file.setAnswer(current.question.id, reply.kind === 'unknown' ? unknownAnswer() : reply.value);
    await persist();
    const after = walk(ws, file.answers);
    if (reviewing) {
      cursor = after.next?.question.id;
    } else {
      const i = after.visible.findIndex((v) => v.question.id === current.question.id);
      cursor = after.visible[i + 1]?.question.id;
      if (!cursor) reviewing = true;
    }
    // An answer that opened new questions takes a finished worksheet back to concept.
    if (after.next && file.meta.status === 'afgerond') {
      file.setStatus('concept');
      await persist();
    }
  }

  /** Stopped while typing an answer: keep the typed text as that answer. */
  async function keepDraft(vq: VisibleQuestion, err: unknown): Promise<void> {
    const draft = err instanceof InterruptedError ? err.draft : undefined;
    if (draft === undefined || (vq.question.type !== 'text' && vq.question.type !== 'longtext')) return;
    file.setAnswer(vq.question.id, draft);
    await file.save().catch(() => {});
    prompter.print(style.dim(`\nOok wat je bij vraag ${vq.position} aan het typen was, is bewaard.`));
  }

  // --- showing -------------------------------------------------------------

  function showSection(section: Section, full: boolean, w: WalkResult): void {
    const lines: string[] = [''];
    // The meta section needs no heading: its progress line says "Gegevens".
    const heading = section.kind === 'step' && w.stepCount > 1 ? section.title : '';
    if (heading) lines.push(style.bold(heading));
    if (section.subtitle) lines.push(style.dim(section.subtitle));
    if (full && section.intro) lines.push('', section.intro.trim());
    if (full) for (const tip of section.tips ?? []) lines.push('', `${style.bold('Tip:')} ${tip.trim()}`);
    if (lines.length > 1) prompter.print(lines.join('\n'));
  }

  function header(vq: VisibleQuestion, w: WalkResult): string {
    const q = vq.question;
    const lines = ['', style.dim(progressLabel(w, vq))];
    if (q.help) lines.push(style.dim(q.help.trim()));
    if (q.tip) lines.push(`${style.bold('Tip:')} ${q.tip.trim()}`);
    return lines.join('\n');
  }

  function messageOf(q: Question | Field): string {
    const number = 'number' in q && q.number ? `${q.number} ` : '';
    return `${number}${q.label}`;
  }

  // --- asking ----------------------------------------------------------------

  async function ask(vq: VisibleQuestion, w: WalkResult): Promise<Reply<AnswerValue>> {
    const q = vq.question;
    const wasUnknown = isUnknown(vq.answer);
    const base = {
      message: messageOf(q),
      header: header(vq, w),
      allowBack: w.visible[0]?.question.id !== q.id,
      allowUnknown: q.unknown !== false,
    };
    const current = wasUnknown ? undefined : vq.answer;
    // Typed answers: a stored "weet ik (nog) niet" is named above the prompt,
    // and confirming it without typing anything keeps it.
    const typed = (reply: Reply<AnswerValue>): Reply<AnswerValue> =>
      wasUnknown && reply.kind === 'answer' && reply.value === '' ? { kind: 'unknown' } : reply;
    const typedBase = wasUnknown ? { ...base, placeholder: `${UNKNOWN_LABEL} (typ om te wijzigen)` } : base;
    // List answers: the cursor starts on what is stored, also on "weet ik (nog) niet".
    const listDefault = (value: unknown) => (wasUnknown ? { default: UNKNOWN } : typeof value === 'string' && value ? { default: value } : {});
    switch (q.type) {
      case 'text':
        return typed(await prompter.input({ ...typedBase, default: typeof current === 'string' ? current : wasUnknown ? '' : (q.default ?? '') }));
      case 'longtext':
        return typed(await prompter.editor({ ...typedBase, default: typeof current === 'string' ? current : '' }));
      case 'yesno':
        return prompter.select<string>({
          ...base,
          choices: withUnknown(
            [
              { value: 'ja', name: 'Ja' },
              { value: 'nee', name: 'Nee' },
            ],
            base.allowUnknown,
          ),
          ...listDefault(current),
        }).then(unknownChoice);
      case 'choice':
        return askChoice(q, base, typeof current === 'string' ? current : undefined, wasUnknown);
      case 'multichoice':
        return askMultiChoice(q, base, Array.isArray(current) ? (current as string[]) : []);
      case 'date': {
        const fallback = q.default === 'today' && !wasUnknown ? isoDate(today()) : '';
        const reply = await prompter.input({
          ...typedBase,
          message: `${base.message.replace(/:$/, '')} (dd-mm-jjjj):`,
          default: displayDate(typeof current === 'string' && current ? current : fallback),
          validate: (v) => (v === '' || parseDate(v) ? undefined : 'Vul een datum in als dd-mm-jjjj, bijv. 27-11-2026.'),
        });
        return typed(reply.kind === 'answer' ? { kind: 'answer', value: reply.value === '' ? '' : (parseDate(reply.value) ?? reply.value) } : reply);
      }
      case 'number':
        return typed(await askNumber(typedBase, typeof current === 'number' ? current : undefined, q.unit, q.min, q.max));
      case 'group':
        return askGroup(vq, base);
    }
  }

  async function askChoice(
    q: Extract<Question, { type: 'choice' }> | Extract<Field, { type: 'choice' }>,
    base: { message: string; header?: string; allowBack: boolean; allowUnknown: boolean },
    current: string | undefined,
    wasUnknown = false,
  ): Promise<Reply<AnswerValue>> {
    const values = q.options.map(optionValue);
    const choices: Choice<string>[] = q.options.map((o) => ({ value: optionValue(o), name: optionLabel(o) }));
    if (q.other) choices.push({ value: OTHER, name: 'Anders, namelijk …' });
    const isOther = current !== undefined && current !== '' && !values.includes(current);
    const selected = wasUnknown ? UNKNOWN : isOther ? OTHER : current;
    const picked = await prompter
      .select<string>({
        ...base,
        choices: withUnknown(choices, base.allowUnknown),
        ...(selected && { default: selected }),
      })
      .then(unknownChoice);
    if (picked.kind !== 'answer' || picked.value !== OTHER) return picked;
    const other = await prompter.input({ message: 'Anders, namelijk:', default: isOther ? current : '' });
    return other.kind === 'back' ? askChoice(q, base, current, wasUnknown) : other;
  }

  async function askMultiChoice(
    q: Extract<Question, { type: 'multichoice' }>,
    base: { message: string; header?: string; allowBack: boolean; allowUnknown: boolean },
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
    if (other.kind === 'back') return askMultiChoice(q, base, current);
    if (other.kind === 'unknown') return other;
    return { kind: 'answer', value: other.value ? [...chosen, other.value] : chosen };
  }

  async function askNumber(
    base: { message: string; header?: string; allowBack: boolean; allowUnknown: boolean },
    current: number | undefined,
    unit?: string,
    min?: number,
    max?: number,
  ): Promise<Reply<AnswerValue>> {
    const reply = await prompter.input({
      ...base,
      message: unit ? `${base.message} (${unit})` : base.message,
      default: current === undefined ? '' : String(current).replace('.', ','),
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

  // --- repeat groups ---------------------------------------------------------

  async function askGroup(
    vq: VisibleQuestion,
    base: { message: string; header?: string; allowBack: boolean; allowUnknown: boolean },
  ): Promise<Reply<AnswerValue>> {
    const q = vq.question as Extract<Question, { type: 'group' }>;
    const baseQuestion = (q.extends ? allQuestions(ws).find((x) => x.id === q.extends) : q) as
      | Extract<Question, { type: 'group' }>
      | undefined;
    const baseFields = baseQuestion?.fields ?? [];
    const extending = q.extends !== undefined;
    const storeId = groupBaseId(q);
    let header = base.header;
    for (;;) {
      const items = groupItems(q, file.answers);
      const fields = extending ? [...baseFields, ...q.fields] : q.fields;
      const overview = items.length
        ? items.map((item, i) => `  ${i + 1}. ${summariseItem(item, fields)}`).join('\n')
        : `  (nog geen ${q.item} toegevoegd)`;
      const choices: Choice<string>[] = [];
      if (extending) items.forEach((item, i) => choices.push({ value: `extend:${i}`, name: `Aanvullen: ${itemName(item, baseFields, q.item, i)}` }));
      choices.push({ value: 'add', name: `Nieuwe ${q.item} toevoegen` });
      if (!extending) {
        items.forEach((item, i) => choices.push({ value: `edit:${i}`, name: `Wijzigen: ${itemName(item, fields, q.item, i)}` }));
        items.forEach((item, i) => choices.push({ value: `remove:${i}`, name: `Verwijderen: ${itemName(item, fields, q.item, i)}` }));
      }
      choices.push({ value: 'done', name: items.length ? 'Klaar, naar de volgende vraag' : `Klaar (geen ${q.item} invullen)` });
      const picked = await prompter
        .select<string>({
          ...base,
          header: `${header ?? ''}\n${overview}`,
          choices: withUnknown(choices, base.allowUnknown),
          default: items.length ? 'done' : 'add',
        })
        .then(unknownChoice);
      header = undefined;
      if (picked.kind !== 'answer') return picked;
      const [action, index] = String(picked.value).split(':') as [string, string | undefined];
      const i = Number(index);
      if (action === 'done') {
        if (extending) return { kind: 'answer', value: true };
        return { kind: 'answer', value: items };
      }
      const next = [...items];
      if (action === 'add') {
        const item = await askItem(fields, {}, q.item, (partial) => keepItem([...items, partial], storeId));
        if (!item) continue;
        next.push(item);
      } else if (action === 'edit' || action === 'extend') {
        const existing = items[i];
        if (!existing) continue;
        const item = await askItem(action === 'extend' ? q.fields : fields, existing, q.item, (partial) =>
          keepItem(items.map((x, j) => (j === i ? partial : x)), storeId),
        );
        if (!item) continue;
        next[i] = item;
      } else if (action === 'remove') {
        const existing = items[i];
        if (!existing) continue;
        const sure = await prompter.select<boolean>({
          message: `${itemName(existing, fields, q.item, i)} verwijderen?`,
          choices: [
            { value: false, name: 'Nee, bewaren' },
            { value: true, name: 'Ja, verwijderen' },
          ],
        });
        if (sure.kind !== 'answer' || !sure.value) continue;
        next.splice(i, 1);
      }
      file.setAnswer(storeId, next);
      await persist();
    }
  }

  /**
   * Ask the fields of one item; undefined when the user went back out of it.
   * Stopped halfway (Ctrl+C), what was filled in so far goes to `keep`.
   */
  async function askItem(
    fields: Field[],
    initial: GroupItem,
    itemName: string,
    keep: (partial: GroupItem) => Promise<void>,
  ): Promise<GroupItem | undefined> {
    const item: GroupItem = { ...initial };
    let f = 0;
    while (f < fields.length) {
      const field = fields[f];
      if (!field) break;
      const reply = await askField(field, item[field.id], f === 0 ? itemName : undefined).catch(async (err: unknown) => {
        if (err instanceof InterruptedError) {
          if (err.draft !== undefined && (field.type === 'text' || field.type === 'longtext')) item[field.id] = err.draft;
          if (JSON.stringify(item) !== JSON.stringify(initial)) await keep(item);
        }
        throw err;
      });
      if (reply.kind === 'back') {
        if (f === 0) return undefined;
        f--;
        continue;
      }
      item[field.id] = reply.kind === 'answer' ? (reply.value as FieldValue) : null;
      f++;
    }
    return item;
  }

  /** Save a half-filled item when the user stops, so nothing typed is lost. */
  async function keepItem(items: GroupItem[], storeId: string): Promise<void> {
    file.setAnswer(storeId, items);
    await file.save().catch(() => {});
    prompter.print(style.dim('\nOok wat je al had ingevuld bij dit item is bewaard.'));
  }

  async function askField(field: Field, current: FieldValue | undefined, firstOf?: string): Promise<Reply<AnswerValue>> {
    const headers = [
      ...(firstOf ? [`${capitalise(firstOf)} (Ctrl+T: terug zonder op te slaan)`] : []),
      ...(field.help ? [field.help] : []),
    ];
    const base = {
      message: field.label,
      ...(headers.length && { header: style.dim(headers.join('\n')) }),
      allowBack: true,
      allowUnknown: false,
    };
    const text = current == null ? '' : String(current);
    switch (field.type) {
      case 'text':
        return prompter.input({ ...base, default: text });
      case 'longtext':
        return prompter.editor({ ...base, default: text });
      case 'yesno':
        return prompter.select<string>({
          ...base,
          choices: [
            { value: 'ja', name: 'Ja' },
            { value: 'nee', name: 'Nee' },
            { value: '', name: 'Nog niet bekend' },
          ],
          ...(typeof current === 'string' && { default: current }),
        });
      case 'choice':
        return askChoice(field, base, typeof current === 'string' ? current : undefined);
      case 'number':
        return askNumber(base, typeof current === 'number' ? current : undefined, field.unit);
    }
  }

  // --- review ------------------------------------------------------------------

  async function review(w: WalkResult): Promise<string | RunOutcome> {
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
    if (picked.kind !== 'answer') return review(w);
    if (picked.value === '\u0000later') return 'gestopt';
    if (picked.value === '\u0000afronden') {
      file.setStatus('afgerond');
      await persist();
      return 'afgerond';
    }
    return picked.value;
  }

  // --- saving ------------------------------------------------------------------

  /** Save now; on a write error, tell the user and let them retry, pick another folder or stop. */
  async function persist(): Promise<void> {
    for (;;) {
      try {
        await file.save();
        return;
      } catch (err) {
        if (!(err instanceof WriteError)) throw err;
        prompter.print(style.red(`\n${err.message}`) + '\nJe antwoord is niet verloren: het staat nog in het geheugen.');
        const choice = await prompter.select<'retry' | 'elsewhere' | 'continue' | 'stop'>({
          message: 'Wat wil je doen?',
          choices: [
            { value: 'retry', name: 'Opnieuw proberen' },
            { value: 'elsewhere', name: 'Opslaan in een andere map' },
            { value: 'continue', name: 'Doorgaan (ik probeer het bij de volgende vraag opnieuw)' },
            { value: 'stop', name: 'Stoppen' },
          ],
          allowBack: false,
        });
        if (choice.kind !== 'answer' || choice.value === 'retry') continue;
        if (choice.value === 'continue') return;
        if (choice.value === 'stop') throw new InterruptedError();
        const dir = await prompter.input({ message: 'Map om in op te slaan:', default: path.dirname(file.file) });
        if (dir.kind === 'answer' && dir.value) file.moveTo(answersPath(path.resolve(dir.value), ws.id));
      }
    }
  }
}

// --- helpers -----------------------------------------------------------------------

function withUnknown<T>(choices: Choice<T>[], allow: boolean): Choice<T | typeof UNKNOWN>[] {
  return allow ? [...choices, { value: UNKNOWN, name: UNKNOWN_LABEL }] : choices;
}

function unknownChoice<T>(reply: Reply<T>): Reply<T> {
  return reply.kind === 'answer' && reply.value === UNKNOWN ? { kind: 'unknown' } : reply;
}

function itemName(item: GroupItem, fields: Field[], noun: string, i: number): string {
  const first = fields[0] ? item[fields[0].id] : undefined;
  return first !== undefined && first !== null && String(first).trim() ? String(first) : `${noun} ${i + 1}`;
}

function summariseItem(item: GroupItem, fields: Field[]): string {
  return fields
    .map((f) => item[f.id])
    .filter((v) => v !== undefined && v !== null && String(v).trim() !== '')
    .map((v) => truncate(String(v), 30))
    .join(' · ');
}

export function shortAnswer(v: VisibleQuestion): string {
  if (v.state === 'open') return '(open)';
  if (v.state === 'unknown') return UNKNOWN_LABEL.toLowerCase();
  if (v.state === 'empty') return '(leeg)';
  const a = v.answer;
  if (a === true) return 'aangevuld';
  if (Array.isArray(a)) {
    if (v.question.type === 'group') return `${a.length} ${v.question.item}${a.length === 1 ? '' : 's'}`;
    return truncate(a.join(', '), 30);
  }
  if (v.question.type === 'date' && typeof a === 'string') return displayDate(a);
  return truncate(String(a).split('\n')[0] ?? '', 30) + (String(a).includes('\n') ? ' …' : '');
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
