// Markdown building blocks for reports: escaping user text so it can never
// change the structure of the report, and rendering answers to Markdown.
//
// The rule: answers may contain paragraphs, lists, block quotes and
// emphasis (people type lists on purpose), but never headings, tables, HTML,
// code, thematic breaks or links. Everything is escaped with backslashes or
// entities that render as the text the user typed.

import type { Field, Question } from '../definition/schema.js';
import { optionLabel, optionValue } from '../definition/questions.js';
import { UNKNOWN_LABEL, type AnswerValue, type Answers, type FieldValue, type GroupItem } from '../dossier/answers.js';
import type { QuestionState } from '../walk.js';
import { formatDate, formatNumber } from '../support/dates.js';

/** Characters escaped everywhere in user text (inline and block). */
function escapeChars(text: string): string {
  return (
    text
      // First the backslash itself, so every escape below is unambiguous
      // (a user's "\|" must not turn our "\|" into "\\|" = a real pipe).
      .replace(/\\/g, '\\\\')
      // "&lt;" typed by a user must show as "&lt;", not as "<".
      .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
      // No HTML, no autolinks: "<script>" shows as text.
      .replace(/</g, '&lt;')
      // No table cells, in tables and in paragraphs (a pipe row + "|---|" = a table).
      .replace(/\|/g, '\\|')
      // No inline links or images: "[klik](javascript:…)" shows as text.
      .replace(/\]\(/g, ']\\(')
      // No code spans or fences: inside code, the escapes above would show.
      .replace(/`/g, '\\`')
  );
}

/** Split "\r\n" / "\r", drop trailing whitespace per line. */
function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''));
}

/**
 * Escape one line of user text, for use on a line of its own (e.g. in an
 * answer body), or inline where a newline would be turned into `<br>`.
 */
export function escapeInline(text: string): string {
  return lines(text)
    .map((l) => escapeChars(l.trim()))
    .filter((l) => l !== '')
    .join(' ');
}

/** Inline-escaped text on a line of its own: also no heading, break or fence at its start. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** A table cell: inline escaping, line breaks as `<br>`. */
export function escapeCell(text: string): string {
  return lines(text)
    .map((l) => escapeChars(l.trim()))
    .join('<br>')
    .replace(/^(<br>)+|(<br>)+$/g, '')
    .replace(/(<br>){3,}/g, '<br><br>');
}

// A container prefix: block quote markers and list markers, possibly nested ("> - 1. ").
const CONTAINER = /^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*/;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^[ \t]*#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^[ \t]*(?:=+|-+)[ \t]*$/;
const FENCE = /^[ \t]*(?:`{3,}|~{3,})/;
const LINK_DEFINITION = /^[ \t]*\[[^\]]*\]:/;

/** Neutralise the block structure of one (already character-escaped) line. */
function escapeLineStart(line: string): string {
  if (THEMATIC_BREAK.test(line)) return backslashFirst(line);
  const prefix = CONTAINER.exec(line)?.[0] ?? '';
  const rest = line.slice(prefix.length);
  if (
    THEMATIC_BREAK.test(rest) ||
    ATX_HEADING.test(rest) ||
    SETEXT_UNDERLINE.test(rest) ||
    FENCE.test(rest) ||
    LINK_DEFINITION.test(rest)
  ) {
    return prefix + backslashFirst(rest);
  }
  return line;
}

/** Put a backslash before the first non-blank character. */
function backslashFirst(text: string): string {
  return text.replace(/^([ \t]*)(\S)/, '$1\\$2');
}

/**
 * Escape multi-line user text for a block of its own. Paragraphs, lists
 * and block quotes survive; headings, setext underlines, tables, HTML,
 * code fences, thematic breaks, link definitions and links do not.
 */
export function escapeBlock(text: string): string {
  let ls = lines(text);
  // Trim blank lines at both ends, and remove the indentation all lines share
  // (an indented answer would otherwise become a code block).
  while (ls.length && ls[0] === '') ls.shift();
  while (ls.length && ls[ls.length - 1] === '') ls.pop();
  const indents = ls.filter((l) => l !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  ls = ls.map((l) => l.slice(common));
  const out: string[] = [];
  for (const l of ls) {
    if (l === '' && out[out.length - 1] === '') continue;
    // Lines indented 4+ spaces after a blank line would become code; keep them as text.
    const line = /^ {4,}|^\t/.test(l) && (out.length === 0 || out[out.length - 1] === '') && !CONTAINER_START.test(l) ? l.trimStart() : l;
    out.push(escapeLineStart(escapeChars(line)));
  }
  return out.join('\n');
}
const CONTAINER_START = /^[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/;

// --- answers ---------------------------------------------------------------

export const STATE_TEXT: Record<Exclude<QuestionState, 'answered'>, string> = {
  open: 'nog niet beantwoord',
  unknown: 'weet ik (nog) niet',
  empty: 'leeg gelaten',
};

/** How an answer without content reads in the report body. */
export function stateMarkdown(state: Exclude<QuestionState, 'answered'>): string {
  switch (state) {
    case 'open':
      return '_Nog niet beantwoord_';
    case 'unknown':
      return `_${UNKNOWN_LABEL}_ (ontwikkelpunt)`;
    case 'empty':
      return '_Leeg gelaten_ (ontwikkelpunt)';
  }
}

type Choice = { options: Array<string | { value: string; label: string }> };

function choiceLabel(q: Choice, value: string): string {
  const option = q.options.find((o) => optionValue(o) === value);
  return option ? optionLabel(option) : value;
}

function yesNo(value: string): string {
  if (value === 'ja') return 'Ja';
  if (value === 'nee') return 'Nee';
  return value;
}

/**
 * The Markdown of an answered question (state 'answered'). Plain text
 * questions become escaped blocks; groups become tables.
 */
export function answerMarkdown(question: Question, value: AnswerValue, answers: Answers, base?: Question): string {
  switch (question.type) {
    case 'text':
    case 'longtext':
      return escapeBlock(String(value));
    case 'date':
      return escapeLine(formatDate(String(value)));
    case 'yesno':
      return escapeLine(yesNo(String(value)));
    case 'choice':
      return escapeBlock(choiceLabel(question, String(value)));
    case 'multichoice': {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      return values.map((v) => `- ${escapeLine(choiceLabel(question, v))}`).join('\n');
    }
    case 'number':
      return typeof value === 'number' ? escapeLine(formatNumber(value, question.unit)) : escapeBlock(String(value));
    case 'group': {
      if (question.extends) {
        const items = baseItems(question.extends, answers);
        const baseFields = base?.type === 'group' ? base.fields : [];
        if (!items.length) return '_Het overzicht is nog leeg._';
        return groupTable([...baseFields, ...question.fields], items);
      }
      const items = Array.isArray(value) ? value.filter(isItem) : [];
      return groupTable(question.fields, items);
    }
  }
}

function baseItems(id: string, answers: Answers): GroupItem[] {
  const value = answers[id];
  return Array.isArray(value) ? value.filter(isItem) : [];
}

function isItem(value: unknown): value is GroupItem {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Markdown table: one column per field, one row per item. */
export function groupTable(fields: Field[], items: GroupItem[]): string {
  const header = `| ${fields.map((f) => escapeCell(f.label)).join(' | ')} |`;
  const rule = `| ${fields.map(() => '---').join(' | ')} |`;
  const rows = items.map((item) => `| ${fields.map((f) => cellValue(f, item[f.id])).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

function cellValue(field: Field, value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return escapeCell(formatNumber(value, field.type === 'number' ? field.unit : undefined));
  const text = String(value);
  switch (field.type) {
    case 'yesno':
      return escapeCell(yesNo(text));
    case 'choice':
      return escapeCell(choiceLabel(field, text));
    default:
      return escapeCell(text);
  }
}
