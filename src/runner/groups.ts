// Repeat groups (a list of items, e.g. partners): the overview with its
// actions (add, change, remove; for a group that extends an earlier one,
// fill in its extra fields per item), asking one item field by field, and
// keeping a half-filled item as a draft when the user stops (under
// `concepten:`, not in the list), to go on with or throw away later.
// "Weet ik (nog) niet" is only offered while the list is empty: it would
// replace the items.
import type { Field } from '../definition/schema.js';
import { allQuestions } from '../definition/questions.js';
import { DRAFT_ITEM_KEY, type AnswerValue, type Draft, type FieldValue, type GroupItem } from '../dossier/answers.js';
import { visibleControls } from '../support/control.js';
import { wrapLine } from '../support/wrap.js';
import type { Choice, Prompter, Reply } from '../terminal/prompter.js';
import { groupBaseId, groupGapItems, groupItems, type VisibleQuestion } from '../walk.js';
import { InterruptedError, unlessStopped } from '../support/errors.js';
import type { Session } from './context.js';
import { truncate, unknownChoice, withUnknown, type PromptBase } from '../types/prompt.js';
import { fieldTypeOf, itemsSummary, numberDuplicates, type GroupGap, type GroupQuestion } from '../types/registry.js';
import { persist, saveQuietly, say } from './saving.js';
import { own } from '../support/own.js';
import { capitalise } from '../support/words.js';

type Group = GroupQuestion;

/** `toOverview`: opened from the overview to change it; "Klaar" goes back there. */
export async function askGroup(s: Session, vq: VisibleQuestion, base: PromptBase, { toOverview = false } = {}): Promise<Reply<AnswerValue>> {
  const q = vq.question as Group;
  const baseQuestion = (q.extends ? allQuestions(s.ws).find((x) => x.id === q.extends) : q) as Group | undefined;
  const baseFields = baseQuestion?.fields ?? [];
  const extending = q.extends !== undefined;
  let header = base.header;
  for (;;) {
    const items = groupItems(q, s.file.answers);
    const fields = extending ? [...baseFields, ...q.fields] : q.fields;
    const draft = itemDraft(own(s.file.drafts, q.id), items);
    // "Weet ik (nog) niet" would replace the items (or the draft): only for an empty list.
    const allowUnknown = base.allowUnknown && items.length === 0 && !draft;
    const choices = groupChoices(q, items, fields, baseFields, groupGapItems(q, s.file.answers), toOverview);
    if (draft) {
      const name = itemName(draft.item, fields, q.item, draft.index ?? items.length);
      choices.unshift(
        { value: 'draft', name: `Verder met de onbevestigde ${q.item}: ${name}`, echo: false },
        { value: 'discard', name: `Onbevestigde ${q.item} weggooien: ${name}`, echo: false },
      );
    }
    const above = header;
    const picked = await s.prompter
      .select<string>({
        ...base,
        allowUnknown,
        // At the width of the moment it is shown (again after a window resize).
        header: () =>
          `${above ?? ''}\n${columnsLine(s, fields, items.length > 0 || draft !== undefined)}${overview(items, fields, q.item, s.prompter.width(), draft)}`,
        choices: withUnknown(choices, allowUnknown),
        default: draft ? 'draft' : defaultAction(q, items),
      })
      .then(unknownChoice)
      .then(unlessStopped);
    header = undefined;
    if (picked.kind === 'unknown' && !allowUnknown) {
      say(
        s,
        s.style.dim(
          base.allowUnknown
            ? `"Weet ik (nog) niet" kan niet bij een overzicht met ${q.item}s of een onbevestigde ${q.item}: dat zou ze weggooien. Kies "Klaar" of pas de ${q.item}s aan.`
            : 'Deze vraag kun je niet met "weet ik (nog) niet" beantwoorden.',
        ),
      );
      continue;
    }
    if (picked.kind !== 'answer') return picked;
    const [action, index] = String(picked.value).split(':') as [string, string | undefined];
    if (action === 'done') {
      if (extending) return { kind: 'answer', value: true };
      return { kind: 'answer', value: items };
    }
    if (action === 'discard') {
      if (
        draft &&
        (await confirm(
          s.prompter,
          `Onbevestigde ${q.item} ${itemName(draft.item, fields, q.item, draft.index ?? items.length)} weggooien?`,
          'Nee, bewaren',
          'Ja, weggooien',
        ))
      ) {
        s.file.clearDraft(q.id);
        await persist(s);
      }
      continue;
    }
    const next = action === 'draft' && draft ? await continueDraft(s, q, fields, items, draft) : await changeItems(s, q, fields, items, action, Number(index));
    if (!next) continue;
    s.file.setAnswer(groupBaseId(q), next);
    // The item is confirmed: a draft it came from is done.
    s.file.clearDraft(q.id);
    await persist(s);
  }
}

/** A half-filled item kept when the user stopped: a new item, or a change to item `index`. */
interface ItemDraft {
  item: GroupItem;
  /** 0-based; undefined for a new item. */
  index?: number;
}

function itemDraft(value: Draft | undefined, items: GroupItem[]): ItemDraft | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { [DRAFT_ITEM_KEY]: n, ...item } = value as GroupItem;
  const index = typeof n === 'number' && n >= 1 && n <= items.length ? n - 1 : undefined;
  return { item, ...(index !== undefined && { index }) };
}

/** Go on with a draft item: its fields again, starting from what was kept. */
async function continueDraft(s: Session, q: Group, fields: Field[], items: GroupItem[], draft: ItemDraft): Promise<GroupItem[] | undefined> {
  const { index } = draft;
  const existing = index !== undefined ? items[index] : undefined;
  const initial = { ...(existing ?? {}), ...draft.item };
  const askFields = existing && q.extends ? q.fields : fields;
  const item = await askItem(s, askFields, initial, `Onbevestigde ${q.item}`, (partial) => keepItem(s, q, partial, index), !(existing && q.extends));
  if (!item) return undefined;
  const next = [...items];
  if (index !== undefined) next[index] = item;
  else next.push(item);
  return next;
}

/**
 * Where the cursor starts: "add" for an empty list; in a group that extends
 * another, the first item whose own fields are all still blank (so Enter
 * fills it in rather than skipping it); else "Klaar".
 */
function defaultAction(q: Group, items: GroupItem[]): string {
  if (!items.length) return 'add';
  if (q.extends) {
    const blank = items.findIndex((item) => q.fields.every((f) => isBlank(own(item, f.id))));
    if (blank >= 0) return `extend:${blank}`;
  }
  return 'done';
}

/** Above the rows, what their cells are ("–" says nothing without it): the fields' labels, dimmed. */
function columnsLine(s: Session, fields: Field[], rows: boolean): string {
  return rows && fields.length > 1 ? `${s.style.dim(`  Per regel: ${fields.map((f) => f.label.replace(/:$/, '')).join(' · ')}`)}\n` : '';
}

/**
 * One row per item (and one for a draft item), its cells in the order of the fields: an empty cell
 * stays in its place as "–", so the columns line up between rows. The row
 * fits the terminal: long cells are shortened, short ones are kept whole.
 * In a narrow window (under 50 columns), or where cells would be cut to a
 * few letters ("IDO… · bet…"), the row wraps between words onto more lines
 * instead, each cell whole up to two lines.
 */
export function overview(items: GroupItem[], fields: Field[], noun: string, width: number, draft?: ItemDraft): string {
  const row = (lead: string, item: GroupItem) => {
    const cells = fields.map((f) => cellText(f, own(item, f.id)));
    const room = width - lead.length - 1;
    // Under 50 columns a cut cell keeps too little to go by: the row wraps instead.
    const fitted = fitCells(cells, room, width < 50 ? Number.POSITIVE_INFINITY : 12);
    if (fitted) return lead + fitted.join(' · ');
    const hanging = ' '.repeat(lead.length);
    return wrapLine(cells.map((c) => truncate(c, 2 * Math.max(10, room))).join(' · '), Math.max(10, room), false)
      .split('\n')
      .map((line, i) => (i === 0 ? lead : hanging) + line)
      .join('\n');
  };
  const lines = items.map((item, i) => row(`  ${i + 1}. `, item));
  if (draft) {
    const where = draft.index !== undefined ? `wijziging van ${draft.index + 1}` : `nieuwe ${noun}`;
    lines.push(row(`  onbevestigd (${where}): `, draft.item));
  }
  return lines.length ? lines.join('\n') : `  (nog geen ${noun} toegevoegd)`;
}

/** A cell as the overview shows it: "Ja"/"Nee"/"Weet ik (nog) niet", an option's label, 16,5 (Dutch), one line; "–" when blank. */
export function cellText(field: Field, value: FieldValue | undefined): string {
  if (isBlank(value)) return '–';
  if (typeof value === 'number') return fieldTypeOf(field).cell(field, value);
  return fieldTypeOf(field).cell(
    field,
    visibleControls(
      String(value)
        .trim()
        .replace(/\s*\n\s*/g, ' / '),
    ),
  );
}

/** Shorten the longest cells until the row (cells joined by " · ") fits in width; undefined when that leaves fewer than `least` letters of a cell. */
function fitCells(cells: string[], width: number, least: number): string[] | undefined {
  const budget = Math.max(cells.length * 4, width - 3 * (cells.length - 1));
  const lengths = cells.map((c) => [...c].length);
  if (lengths.reduce((a, b) => a + b, 0) <= budget) return cells;
  // The largest cap such that the cells, each cut at cap, fit the budget.
  let cap = budget;
  while (cap > 4 && lengths.reduce((sum, n) => sum + Math.min(n, cap), 0) > budget) cap--;
  if (cap < least && lengths.some((n) => n > cap)) return undefined;
  return cells.map((c) => truncate(c, cap));
}

function isBlank(value: FieldValue | undefined): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

/**
 * The overview's actions: a group that extends another only adds items and
 * fills in its own fields. "Klaar" is confirmed with what was answered
 * (itemsSummary), not its own words.
 */
function groupChoices(q: Group, items: GroupItem[], fields: Field[], baseFields: Field[], gaps: readonly GroupGap[], toOverview: boolean): Choice<string>[] {
  const extending = q.extends !== undefined;
  const names = items.map((item, i) => itemName(item, extending ? baseFields : fields, q.item, i));
  // Two items of one name ("SeniorWeb" twice): each action names its item by the overview's number too.
  // (Names are the same as vergelijk judges them: numberDuplicates.)
  const repeated = numberDuplicates(names).some((n, i) => n !== names[i]);
  const shown = repeated ? names.map((n, i) => `${i + 1}. ${n}`) : names;
  const choices: Choice<string>[] = [];
  // A step on the way is no answer: no "✔ 4. Naar welke partners …? Nieuwe partner toevoegen" line.
  const step = { echo: false } as const;
  if (extending) choices.push(...shown.map((name, i) => ({ value: `extend:${i}`, name: `Aanvullen: ${name}`, ...step })));
  choices.push({ value: 'add', name: `Nieuwe ${q.item} toevoegen`, ...step });
  if (!extending) {
    choices.push(...shown.map((name, i) => ({ value: `edit:${i}`, name: `Wijzigen: ${name}`, ...step })));
    choices.push(...shown.map((name, i) => ({ value: `remove:${i}`, name: `Verwijderen: ${name}`, ...step })));
  }
  choices.push({
    value: 'done',
    name: items.length ? (toOverview ? 'Klaar, terug naar het overzicht' : 'Klaar, naar de volgende vraag') : `Klaar (geen ${q.item} invullen)`,
    echo: itemsSummary(q, items, extending ? baseFields : fields, gaps),
  });
  return choices;
}

/** Add, edit, extend or remove item i; the new list, or undefined when nothing changed. */
async function changeItems(s: Session, q: Group, fields: Field[], items: GroupItem[], action: string, i: number): Promise<GroupItem[] | undefined> {
  const next = [...items];
  if (action === 'add') {
    const item = await askItem(s, fields, {}, `Nieuwe ${q.item}`, (partial) => keepItem(s, q, partial));
    if (!item) return undefined;
    next.push(item);
  } else if (action === 'edit' || action === 'extend') {
    const existing = items[i];
    if (!existing) return undefined;
    // Which one, by its number in the overview and its name (two may have the same name).
    const title = `${capitalise(q.item)} ${i + 1} ${action === 'extend' ? 'aanvullen' : 'wijzigen'}: ${itemName(existing, fields, q.item, i)}`;
    const item = await askItem(s, action === 'extend' ? q.fields : fields, existing, title, (partial) => keepItem(s, q, partial, i), action !== 'extend');
    if (!item) return undefined;
    next[i] = item;
  } else if (action === 'remove') {
    const existing = items[i];
    if (!existing) return undefined;
    if (!(await confirm(s.prompter, `${itemName(existing, fields, q.item, i)} verwijderen?`, 'Nee, bewaren', 'Ja, verwijderen'))) return undefined;
    next.splice(i, 1);
  }
  return next;
}

async function confirm(prompter: Prompter, message: string, no: string, yes: string): Promise<boolean> {
  const sure = unlessStopped(
    await prompter.select<boolean>({
      message,
      choices: [
        { value: false, name: no },
        { value: true, name: yes },
      ],
    }),
  );
  return sure.kind === 'answer' && sure.value;
}

/**
 * Ask the fields of one item; undefined when the user went back out of it.
 * Stopped halfway (Ctrl+C), what was filled in so far goes to `keep`.
 */
async function askItem(
  s: Session,
  fields: Field[],
  initial: GroupItem,
  /** Which item this is, above its first field: "Nieuwe partner", "Partner 2 aanvullen: SeniorWeb". */
  title: string,
  keep: (partial: GroupItem) => Promise<void>,
  /** The first field may not be left empty (the item's name: partner, functie). */
  required = true,
): Promise<GroupItem | undefined> {
  const item: GroupItem = { ...initial };
  let f = 0;
  // Going back skips the same fields as going forward.
  const asked = (i: number) => !isSkippedFollowUp(fields, i, item);
  while (f < fields.length) {
    const field = fields[f];
    if (!field) break;
    if (!asked(f)) {
      f++;
      continue;
    }
    const reply = await askField(s, field, own(item, field.id), f === 0 ? title : undefined, required && f === 0);
    if (reply.kind === 'stopped') {
      // Stopped halfway the item: what was typed in the field goes into the item, and the item is kept as its draft.
      if (reply.draft !== undefined && fieldTypeOf(field).freeText) item[field.id] = reply.draft;
      if (JSON.stringify(item) !== JSON.stringify(initial)) await keep(item);
      throw new InterruptedError(reply.signal);
    }
    if (reply.kind === 'back') {
      // What was typed in the field stays in the item (offered again going forward).
      if (reply.draft !== undefined && fieldTypeOf(field).freeText) item[field.id] = reply.draft;
      do f--;
      while (f > 0 && !asked(f));
      if (f < 0) {
        // Back out of the item: what was filled in so far is kept as its draft, as on a stop.
        if (JSON.stringify(item) !== JSON.stringify(initial)) await keep(item);
        return undefined;
      }
      continue;
    }
    item[field.id] = reply.kind === 'answer' ? (reply.value as FieldValue) : null;
    f++;
  }
  return item;
}

/**
 * Stopped halfway an item: keep it as a draft of this group question (not in
 * the list, which keeps only confirmed items), with `itemnummer` when it
 * changes an existing item.
 */
async function keepItem(s: Session, q: Group, partial: GroupItem, index?: number): Promise<void> {
  s.file.setDraft(q.id, index !== undefined ? { [DRAFT_ITEM_KEY]: index + 1, ...partial } : partial);
  const saved = await saveQuietly(s);
  say(
    s,
    saved
      ? s.style.dim(`\nOok wat je al had ingevuld bij deze ${q.item} is bewaard, als onbevestigd antwoord.`)
      : s.style.red(`\nLet op: wat je bij deze ${q.item} had ingevuld, kon niet worden opgeslagen.`),
  );
}

/**
 * A text field right after a yes/no field is that field's follow-up ("Welke
 * afspraken?" after "Samenwerkingsafspraken vastgelegd?"): it is asked only
 * after "Ja".
 */
function isSkippedFollowUp(fields: Field[], i: number, item: GroupItem): boolean {
  const field = fields[i];
  const before = fields[i - 1];
  if (!field || !before || !fieldTypeOf(before).decides || !fieldTypeOf(field).freeText) return false;
  return own(item, before.id) !== 'ja';
}

async function askField(s: Session, field: Field, current: FieldValue | undefined, firstOf?: string, required = false): Promise<Reply<AnswerValue>> {
  const { prompter, style } = s;
  const headers = [...(firstOf ? [`${firstOf} (Ctrl+T: terug zonder op te slaan)`] : []), ...(field.help ? [field.help] : [])];
  const base = {
    message: field.label,
    ...(headers.length && { header: style.dim(headers.join('\n')) }),
    allowBack: true,
    allowUnknown: false,
  };
  const validate = required
    ? (v: string) => (v.trim() ? undefined : `Vul "${field.label}" in: zonder kun je dit item niet terugvinden. Met Ctrl+T ga je terug zonder op te slaan.`)
    : undefined;
  return fieldTypeOf(field).ask(prompter, field, base, current, validate);
}

function itemName(item: GroupItem, fields: Field[], noun: string, i: number): string {
  const first = fields[0] ? item[fields[0].id] : undefined;
  return first !== undefined && first !== null && String(first).trim() ? String(first) : `${noun} ${i + 1}`;
}
