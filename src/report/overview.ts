// The overview for advisers (`werkboek overzicht`): per library (dossier) and
// per worksheet its status, "x van y", last edit, number of ontwikkelpunten
// (to find out or arrange, as a report counts them; not the open questions)
// and the answers to the worksheet's kernvragen; broken or foreign files as
// problems (bestand:regel:kolom). A raw model, rendered here as plain text
// (the screen), Markdown (also the base of HTML) and CSV.
import type { KeyQuestionRef, Worksheet } from '../definition/schema.js';
import { labelPrefix } from './label.js';
import { allQuestions } from '../definition/questions.js';
import { answerValue, type Answers } from '../dossier/answers.js';
import type { Status } from '../dossier/answers-file.js';
import type { WerkboekError } from '../support/errors.js';
import { findVisible, researchPoints, type WalkResult } from '../walk.js';
import { formatStamp } from '../support/dates.js';
import { wrapLine, wrapText } from '../support/wrap.js';
import { escapeCell, escapeLine } from './markdown.js';
import { csvDocument } from './csv.js';
import { typeOf } from '../types/registry.js';

/** One answers file of a dossier as sheet-state.ts read it (SheetState has it). */
export interface SheetRead {
  /** undefined: niet begonnen. */
  answers?: { answers: Answers; meta: { status: Status; updated: string } } | undefined;
  /** The walk over its answers. */
  walk: WalkResult;
  /** Unreadable, invalid or of another worksheet: the error says where (bestand:regel:kolom). */
  error?: WerkboekError | undefined;
}

export interface KeyColumn {
  question: string;
  label: string;
}

/** A worksheet's part of the overview: what the renderers show of it, and its key columns. */
export interface OverviewSheet {
  worksheet: Pick<Worksheet, 'id' | 'number' | 'title'>;
  keys: KeyColumn[];
}

export type OverviewStatus = 'niet begonnen' | 'concept' | 'afgerond' | 'onleesbaar';

export interface OverviewCell {
  status: OverviewStatus;
  done: number;
  total: number;
  /** ISO timestamp of the last edit ("" when not begun or unreadable). */
  updated: string;
  /** The ontwikkelpunten to find out or arrange (walk.ts researchPoints); open questions are not counted. */
  points: number;
  /** Per key column of the worksheet: "ja", "nee", "weet ik (nog) niet", a choice, or "" (open, not asked). */
  keys: string[];
  /** An unreadable file: "bestand:regel:kolom: melding". */
  problem?: string;
}

export interface OverviewRow {
  /** The library's name as answered ("Bibliotheek:"), else the folder's name. */
  library: string;
  /** The dossier's folder, as shown (relative to where werkboek runs). */
  folder: string;
  /** Per worksheet, in the order of Overview.sheets. */
  cells: OverviewCell[];
}

export interface Overview {
  sheets: OverviewSheet[];
  rows: OverviewRow[];
  /** Folders that could not be read ("map: reden"); unreadable files are on their cell. */
  folderProblems: string[];
}

/** Everything skipped: unreadable folders, then unreadable files ("bestand:regel:kolom: melding"). */
export function skipped(overview: Overview): string[] {
  return [...overview.folderProblems, ...overview.rows.flatMap((r) => r.cells.flatMap((c) => (c.problem ? [c.problem] : [])))];
}

export const UNKNOWN_KEY_TEXT = 'weet ik (nog) niet';

/** The key columns of a worksheet: its `kernvragen`, or the ones asked for (`werkblad.vraag` or `vraag` ids). */
export function keyColumns(ws: Worksheet, refs: readonly KeyQuestionRef[] | undefined = ws.kernvragen): KeyColumn[] {
  const questions = new Map(allQuestions(ws).map((q) => [q.id, q]));
  return (refs ?? []).flatMap((ref) => {
    const id = typeof ref === 'string' ? ref : ref.question;
    const q = questions.get(id);
    if (!q) return [];
    return [{ question: id, label: typeof ref === 'string' ? id : ref.label }];
  });
}

/** One dossier's row from each worksheet's state (`sheets`, each with what was read of its file, in the order of Overview.sheets). */
export function overviewRow(folder: string, sheets: ReadonlyArray<OverviewSheet & { read: SheetRead }>): OverviewRow {
  let library = '';
  const cells = sheets.map(({ keys, read }): OverviewCell => {
    if (read.error) {
      const problem = read.error.message.split('\n')[0] ?? read.error.message;
      return { status: 'onleesbaar', done: 0, total: 0, updated: '', points: 0, keys: keys.map(() => ''), problem };
    }
    const answers: Answers = read.answers?.answers ?? {};
    const result = read.walk;
    const name = answerValue(answers.bibliotheek);
    if (!library && typeof name === 'string' && name.trim()) library = name.trim();
    return {
      status: read.answers ? read.answers.meta.status : 'niet begonnen',
      done: result.done,
      total: result.total,
      updated: read.answers ? read.answers.meta.updated : '',
      // As the report counts them ("2 punten nog uit te zoeken"): a question not answered yet is no point; "7 van 12" shows those.
      points: read.answers ? researchPoints(result).length : 0,
      keys: keys.map((k) => {
        const vq = findVisible(result, k.question);
        if (!vq || vq.state === 'open' || vq.state === 'empty') return '';
        if (vq.state === 'unknown') return UNKNOWN_KEY_TEXT;
        const value = answerValue(vq.answer);
        const q = vq.question;
        return typeOf(q).keyText(q, value);
      }),
    };
  });
  return { library: library || folderName(folder), folder, cells };
}

function folderName(folder: string): string {
  return folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;
}

function statusText(cell: OverviewCell): string {
  return cell.status === 'concept' || cell.status === 'afgerond' ? `${cell.status} · ${cell.done} van ${cell.total}` : cell.status;
}

function pointsText(n: number): string {
  return `${n} ontwikkelpunt${n === 1 ? '' : 'en'}`;
}

/**
 * For the screen: per library a heading, per worksheet one line. `columns`:
 * the terminal's width; a worksheet's line longer than that goes on under
 * its own start, broken between its parts (" · "). Without it (a file or a
 * pipe) every worksheet stays one line, for grep and the like.
 */
export function overviewText(overview: Overview, columns?: number): string {
  const lines: string[] = [];
  const width = Math.max(...overview.sheets.map((s) => `${s.worksheet.number}. ${s.worksheet.id}`.length));
  for (const row of overview.rows) {
    lines.push(`${row.library} (${row.folder})`);
    overview.sheets.forEach((sheet, i) => {
      const cell = row.cells[i];
      if (!cell) return;
      const parts = [statusText(cell)];
      if (cell.updated) parts.push(`bijgewerkt ${formatStamp(cell.updated)}`);
      if (cell.status === 'concept' || cell.status === 'afgerond') parts.push(pointsText(cell.points));
      sheet.keys.forEach((k, j) => {
        const value = cell.keys[j];
        if (value) parts.push(`${labelPrefix(k.label)}${value}`);
      });
      const label = `  ${`${sheet.worksheet.number}. ${sheet.worksheet.id}`.padEnd(width)}  `;
      lines.push(columns ? fitParts(label, parts, columns - 1) : `${label}${parts.join(' · ')}`);
    });
    lines.push('');
  }
  lines.push(summary(overview));
  const problems = skipped(overview);
  if (problems.length) {
    lines.push('', `Overgeslagen, want niet te lezen (${problems.length}); er is niets aan gewijzigd:`);
    for (const p of problems) lines.push(`  ${p}`);
  }
  // The other lines (names, the summary, the problems) wrapped between words; a worksheet's line fits already.
  return (columns ? lines.map((line) => wrapText(line, columns - 1)) : lines).join('\n') + '\n';
}

/**
 * The parts after a label, joined by " · " on lines of at most `width`
 * characters, each line after the first indented under the first part; a
 * part too long for a line of its own is wrapped between words.
 */
function fitParts(label: string, parts: readonly string[], width: number): string {
  const indent = ' '.repeat(label.length);
  const room = Math.max(20, width - label.length);
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const joined = current ? `${current} · ${part}` : part;
    if (joined.length <= room || !current) current = joined;
    else {
      lines.push(current);
      current = part;
    }
  }
  lines.push(current);
  const wrapped = lines.flatMap((line) => wrapLine(line, room, false).split('\n'));
  return wrapped.map((line, i) => (i === 0 ? label : indent) + line).join('\n');
}

const STATUS_ORDER: readonly OverviewStatus[] = ['afgerond', 'concept', 'niet begonnen', 'onleesbaar'];

/** What it counts: "2 bibliotheken, elk met 3 werkbladen: 1 afgerond, 2 concept, 3 niet begonnen." */
function summary(overview: Overview): string {
  const n = overview.rows.length;
  const k = overview.sheets.length;
  const counts = new Map<OverviewStatus, number>();
  for (const cell of overview.rows.flatMap((r) => r.cells)) counts.set(cell.status, (counts.get(cell.status) ?? 0) + 1);
  const parts = STATUS_ORDER.filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s}`);
  const libraries = `${n} ${n === 1 ? 'bibliotheek' : 'bibliotheken'}`;
  const sheets = `${k} ${k === 1 ? 'werkblad' : 'werkbladen'}`;
  return `${libraries}, ${n === 1 ? 'met' : 'elk met'} ${sheets}: ${parts.join(', ')}.`;
}

/** Markdown: a table per worksheet (a row per library), then the skipped files. */
export function overviewMarkdown(overview: Overview, now: Date): string {
  const out: string[] = ['# Overzicht digitale inclusie', '', `${summary(overview)} Gemaakt op ${formatStamp(now.toISOString())}.`];
  for (const sheet of overview.sheets) {
    const i = overview.sheets.indexOf(sheet);
    out.push('', `## ${sheet.worksheet.number}. ${escapeLine(sheet.worksheet.title)}`, '');
    const head = ['Bibliotheek', 'Map', 'Status', 'Beantwoord', 'Bijgewerkt', 'Ontwikkelpunten', ...sheet.keys.map((k) => k.label)];
    out.push(`| ${head.map(escapeCell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    for (const row of overview.rows) {
      const cell = row.cells[i];
      if (!cell) continue;
      const begun = cell.status === 'concept' || cell.status === 'afgerond';
      const cells = [
        row.library,
        row.folder,
        cell.status,
        begun ? `${cell.done} van ${cell.total}` : '',
        cell.updated ? formatStamp(cell.updated) : '',
        begun ? String(cell.points) : '',
        ...cell.keys,
      ];
      out.push(`| ${cells.map((c) => escapeCell(c) || ' ').join(' | ')} |`);
    }
  }
  const problems = skipped(overview);
  if (problems.length) {
    out.push('', '## Overgeslagen', '', 'Deze bestanden of mappen konden niet gelezen worden; er is niets aan gewijzigd.', '');
    for (const p of problems) out.push(`- ${escapeLine(p)}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Key columns side by side (one column per key question of every worksheet)
 * while there are at most this many; with more (many own worksheets), every
 * row would carry every worksheet's columns, almost all empty, and the file
 * would grow with the square of the number of worksheets: then each row has
 * "Kernvraag n" / "Antwoord n" pairs for its own worksheet's key questions.
 */
export const SIDE_BY_SIDE_KEYS = 30;

/** CSV for a spreadsheet: one row per library and worksheet, with that worksheet's key questions (see SIDE_BY_SIDE_KEYS). */
export function overviewCsv(overview: Overview): string {
  const total = overview.sheets.reduce((n, s) => n + s.keys.length, 0);
  const sideBySide = total <= SIDE_BY_SIDE_KEYS;
  const most = Math.max(0, ...overview.sheets.map((s) => s.keys.length));
  const keyHead = sideBySide
    ? overview.sheets.flatMap((s) => s.keys.map((k) => `${s.worksheet.number}. ${k.label}`))
    : Array.from({ length: most }, (_, k) => [`Kernvraag ${k + 1}`, `Antwoord ${k + 1}`]).flat();
  // Where each worksheet's key columns start (side by side).
  const offsets: number[] = [];
  let at = 0;
  for (const s of overview.sheets) {
    offsets.push(at);
    at += s.keys.length;
  }
  const rows: (string | number)[][] = [
    ['Bibliotheek', 'Map', 'Werkblad', 'Status', 'Beantwoord', 'Vragen', 'Bijgewerkt', 'Ontwikkelpunten', ...keyHead, 'Opmerking'],
  ];
  for (const row of overview.rows) {
    overview.sheets.forEach((sheet, i) => {
      const cell = row.cells[i];
      if (!cell) return;
      const begun = cell.status === 'concept' || cell.status === 'afgerond';
      const keys: string[] = new Array<string>(keyHead.length).fill('');
      sheet.keys.forEach((k, j) => {
        if (sideBySide) keys[(offsets[i] ?? 0) + j] = cell.keys[j] ?? '';
        else {
          keys[2 * j] = k.label;
          keys[2 * j + 1] = cell.keys[j] ?? '';
        }
      });
      rows.push([
        row.library,
        row.folder,
        `${sheet.worksheet.number}. ${sheet.worksheet.id}`,
        cell.status,
        begun ? cell.done : '',
        begun ? cell.total : '',
        cell.updated ? spreadsheetStamp(cell.updated) : '',
        begun ? cell.points : '',
        ...keys,
        cell.problem ?? '',
      ]);
    });
  }
  for (const p of overview.folderProblems) rows.push(['', '', '', 'onleesbaar', '', '', '', '', ...keyHead.map(() => ''), p]);
  return csvDocument(rows);
}

/** "2026-11-27 14:05" (local time): a date and time every spreadsheet recognises. */
function spreadsheetStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
