// `werkboek verschil`: what changed in a worksheet between two rounds, per
// question — new, changed (before and after), no longer applicable (hidden
// now, or no longer asked), not yet answered again — and the ontwikkelpunten
// that were solved or are new. Built from the two rounds' states
// (sheet-state.ts) through the report model (model.ts), so
// answers read the same as in a report; rendered as Markdown (HTML and .eml
// are made from it as for `rapport`).
import type { Condition, Worksheet } from '../definition/schema.js';
import { allQuestions } from '../definition/questions.js';
import type { Answers } from '../dossier/answers.js';
import { notAskedIds } from '../dossier/answers-shape.js';
import { formatStampNl } from '../support/dates.js';
import { answerMarkdown, escapeBlock, escapeInline, escapeLine } from './markdown.js';
import { buildReport, type DevelopmentPoint, type ReportQuestion, type SheetInput } from './model.js';
import { own } from '../support/own.js';
import { labelPrefix } from './label.js';

export type ChangeKind = 'nieuw' | 'gewijzigd' | 'vervallen' | 'open';

export interface QuestionChange {
  kind: ChangeKind;
  id: string;
  /** "1.1. Komt het thema …" */
  title: string;
  before: ReportQuestion | null;
  after: ReportQuestion | null;
}

export interface SheetDiff {
  worksheet: Pick<Worksheet, 'id' | 'number' | 'title'>;
  /** Begun in the earlier round, not yet in the later one: nothing to compare yet. */
  notBegun: boolean;
  changes: QuestionChange[];
  /** Questions answered the same in both rounds. */
  unchanged: number;
  solved: DevelopmentPoint[];
  added: DevelopmentPoint[];
  /** Ids answered in the earlier round that this version of the worksheet no longer asks (removed questions). */
  noLongerAsked: string[];
}

export const CHANGE_TITLES: Record<ChangeKind, string> = {
  nieuw: 'Nieuw beantwoord',
  gewijzigd: 'Gewijzigd',
  vervallen: 'Niet meer van toepassing',
  open: 'Nog niet opnieuw beantwoord',
};

/**
 * A question as a heading that says where it is: its stap ("Stap 2 · 5.1.
 * …"; a number alone is ambiguous across steps) and, for a follow-up without
 * a number of its own, the question it follows ("Zo ja, welke? — bij: Zijn er …").
 */
function titleOf(ws: Worksheet, q: ReportQuestion, step: number | undefined): string {
  const where = ws.steps.length > 1 && step !== undefined ? `Stap ${step} · ` : '';
  const own = q.number ? `${q.number} ${q.label}` : q.label;
  const question = allQuestions(ws).find((x) => x.id === q.id);
  const parentId = question?.when ? firstQuestion(question.when) : undefined;
  const parent = !q.number && parentId ? allQuestions(ws).find((x) => x.id === parentId) : undefined;
  const after = parent ? ` — bij: ${parent.number ? `${parent.number} ` : ''}${parent.label}` : '';
  return `${where}${own}${after}`;
}

function firstQuestion(c: Condition): string | undefined {
  if ('question' in c) return c.question;
  const list = 'any' in c ? c.any : c.all;
  return list[0] ? firstQuestion(list[0]) : undefined;
}

/** The same answer: spaces and line ends at the end of a text do not count (an editor drops a last line end that a hand-written file has). */
const sameAnswer = (a: ReportQuestion, b: ReportQuestion) => comparable(a) === comparable(b);
const comparable = (q: ReportQuestion) =>
  JSON.stringify([q.state, q.answer, q.note], (_key, value: unknown) => (typeof value === 'string' ? value.trimEnd() : value));

/** The difference between two rounds' states of one worksheet (without answers: not begun in that round). */
export function diffSheet(before: SheetInput, after: SheetInput): SheetDiff {
  const ws = after.worksheet;
  const old = buildReport(before);
  const now = buildReport(after);
  const questions = (r: typeof old) => new Map(r.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const was = questions(old);
  const is = questions(now);
  const stepOf = new Map(ws.steps.flatMap((step, i) => step.questions.map((q) => [q.id, i + 1] as const)));
  const order = [...new Set([...now.sections.flatMap((s) => s.questions.map((q) => q.id)), ...was.keys()])];
  const changes: QuestionChange[] = [];
  let unchanged = 0;
  for (const id of order) {
    const b = was.get(id);
    const a = is.get(id);
    const answeredBefore = b !== undefined && b.state !== 'open';
    const answeredNow = a !== undefined && a.state !== 'open';
    let kind: ChangeKind | undefined;
    if (answeredNow && !answeredBefore) kind = 'nieuw';
    else if (answeredBefore && a === undefined) kind = waitsFor(ws, id, after.answers?.answers ?? {}) ? 'open' : 'vervallen';
    else if (answeredBefore && !answeredNow) kind = 'open';
    else if (answeredBefore && answeredNow && !sameAnswer(b, a)) kind = 'gewijzigd';
    else if (answeredBefore) unchanged++;
    if (kind) changes.push({ kind, id, title: titleOf(ws, (a ?? b) as ReportQuestion, stepOf.get(id)), before: b ?? null, after: a ?? null });
  }
  const points = (r: typeof old) => r.developmentPoints.groups.flatMap((g) => g.items);
  const oldPoints = points(old);
  const newPoints = points(now);
  const ids = (list: DevelopmentPoint[]) => new Set(list.map((p) => p.id));
  return {
    worksheet: { id: ws.id, number: ws.number, title: ws.title },
    notBegun: before.answers !== undefined && after.answers === undefined,
    changes,
    unchanged,
    solved: oldPoints.filter((p) => !ids(newPoints).has(p.id)),
    // Not yet answered again in this round: listed as such, not as a new ontwikkelpunt.
    added: newPoints.filter((p) => !ids(oldPoints).has(p.id) && p.state !== 'open'),
    noLongerAsked: notAskedIds(before.answers?.answers ?? {}, ws),
  };
}

/**
 * A question hidden now only because a question its condition looks at is
 * not answered yet in this round: not "no longer applicable" but not yet
 * answered again.
 */
function waitsFor(ws: Worksheet, id: string, answers: Answers): boolean {
  const q = allQuestions(ws).find((x) => x.id === id);
  if (!q?.when) return false;
  const ids: string[] = [];
  const collect = (c: Condition): void => {
    if ('question' in c) ids.push(c.question);
    else for (const x of 'any' in c ? c.any : c.all) collect(x);
  };
  collect(q.when);
  return ids.some((x) => own(answers, x) === undefined);
}

export interface DiffHeading {
  /** "ronde 2026" */
  from: string;
  /** "nu (sinds 7 december 2026)", "nu" or "ronde 2027" */
  to: string;
  library: string | null;
  now: Date;
}

/** The title of the comparison, without Markdown. */
export function diffTitle(h: DiffHeading): string {
  return `Wat is er veranderd${h.library ? ` bij ${h.library}` : ''}: ${h.from} en ${h.to}`;
}

function answerBlock(q: ReportQuestion | null): string {
  if (!q) return '_(niet gevraagd)_';
  const note = q.note ? `\n\nToelichting: ${escapeBlock(q.note)}` : '';
  return answerMarkdown(q) + note;
}

function pointLine(p: DevelopmentPoint): string {
  const label = p.number ? `${p.number} ${p.label}` : p.label;
  return `- ${escapeLine(label)}${p.context ? ` _(bij: ${escapeInline(p.context)})_` : ''}`;
}

/**
 * A changed list (partners, functies): what was added, what was left out
 * and which cells changed, by the item's name, instead of two whole tables
 * with nothing marking the difference. Undefined when either side is no table.
 */
function listChanges(before: ReportQuestion | null, after: ReportQuestion | null): string[] | undefined {
  const was = before?.answer?.kind === 'table' ? before.answer : undefined;
  const now = after?.answer?.kind === 'table' ? after.answer : undefined;
  if (!was || !now) return undefined;
  const key = (row: string[]) => (row[0] ?? '').trim().toLowerCase();
  const old = new Map(was.rows.map((row) => [key(row), row]));
  const current = new Map(now.rows.map((row) => [key(row), row]));
  const lines: string[] = [];
  const flat = (text: string) => escapeInline(text.replace(/\s*\n\s*/g, ' / '));
  const name = (row: string[]) => flat(row[0] || '(zonder naam)');
  for (const row of now.rows) if (!old.has(key(row))) lines.push(`- **Toegevoegd:** ${name(row)}`);
  for (const row of was.rows) if (!current.has(key(row))) lines.push(`- **Weggelaten:** ${name(row)}`);
  for (const row of now.rows) {
    const earlier = old.get(key(row));
    if (!earlier) continue;
    now.columns.forEach((column, i) => {
      const from = (earlier[was.columns.indexOf(column)] ?? '').trim();
      const to = (row[i] ?? '').trim();
      if (i > 0 && from !== to)
        lines.push(`- **Gewijzigd bij ${name(row)}**, ${labelPrefix(escapeInline(column))}was "${flat(from || 'leeg')}", nu "${flat(to || 'leeg')}"`);
    });
  }
  return lines.length ? ['**Wat is er anders:**', '', ...lines] : undefined;
}

const questions = (n: number) => `${n} ${n === 1 ? 'vraag' : 'vragen'}`;

/**
 * "1 vraag anders, 9 hetzelfde, 2 nog niet opnieuw beantwoord": a question
 * not answered again yet in the later round is not "anders" (right after
 * `nieuwe-ronde` that would be every question).
 */
export function countLine(d: Pick<SheetDiff, 'changes' | 'unchanged'>): string {
  const open = d.changes.filter((c) => c.kind === 'open').length;
  const changed = d.changes.length - open;
  if (!changed && !d.unchanged) return `${questions(open)} nog niet opnieuw beantwoord, dus nog niets om te vergelijken.`;
  return `${questions(changed)} anders, ${d.unchanged} hetzelfde${open ? `, ${open} nog niet opnieuw beantwoord` : ''}.`;
}

/** The comparison as Markdown: per worksheet the changed questions, then the ontwikkelpunten. */
export function diffMarkdown(diffs: readonly SheetDiff[], h: DiffHeading): string {
  const out: string[] = [
    `# ${escapeLine(diffTitle(h))}`,
    '',
    `Gemaakt op ${formatStampNl(h.now.toISOString())}. Alleen wat anders is staat hier; ${escapeInline(h.from)} staat als "Was", ${escapeInline(h.to)} als "Nu".`,
  ];
  for (const d of diffs) {
    out.push('', `## Werkblad ${d.worksheet.number}: ${escapeLine(d.worksheet.title)}`, '');
    if (d.notBegun) {
      out.push(h.to.startsWith('nu') ? 'Nog niet begonnen in de nieuwe ronde.' : `Nog niet begonnen in ${escapeInline(h.to)}.`);
      continue;
    }
    if (!d.changes.length && !d.solved.length && !d.added.length && !d.noLongerAsked.length) {
      out.push(`Geen verschillen${d.unchanged ? ` (${d.unchanged} ${d.unchanged === 1 ? 'antwoord' : 'antwoorden'} hetzelfde)` : ''}.`);
      continue;
    }
    out.push(countLine(d));
    for (const kind of ['gewijzigd', 'nieuw', 'vervallen', 'open'] as const) {
      const list = d.changes.filter((c) => c.kind === kind);
      if (!list.length) continue;
      out.push('', `### ${CHANGE_TITLES[kind]}`);
      for (const c of list) {
        out.push('', `#### ${escapeLine(c.title)}`, '');
        const list = kind === 'gewijzigd' ? listChanges(c.before, c.after) : undefined;
        if (list) out.push(...list, '');
        else if (kind === 'gewijzigd' || kind === 'vervallen' || kind === 'open') out.push('**Was:**', '', answerBlock(c.before), '');
        if (kind === 'gewijzigd' || kind === 'nieuw') out.push('**Nu:**', '', answerBlock(c.after), '');
        if (kind === 'vervallen') out.push(c.after === null ? '_Deze vraag wordt nu niet (meer) gesteld._' : '');
      }
    }
    if (d.noLongerAsked.length) {
      out.push(
        '',
        '### Niet meer gevraagd',
        '',
        `In deze versie van het werkblad staan deze vragen niet meer; de antwoorden van ${escapeInline(h.from)} blijven in dat bestand.`,
        '',
      );
      out.push(...d.noLongerAsked.map((id) => `- ${escapeLine(id)}`));
    }
    if (d.solved.length) out.push('', '### Ontwikkelpunten opgelost', '', ...d.solved.map(pointLine));
    if (d.added.length) out.push('', '### Nieuwe ontwikkelpunten', '', ...d.added.map(pointLine));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
