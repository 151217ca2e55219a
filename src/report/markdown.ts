// The Markdown output of reports: escaping raw text so it can never change
// the structure of the report, and rendering the raw answers of the report
// model (model.ts) to Markdown. The template engine (template.ts) escapes
// every {{ }} with escapeLine and offers the renderers below as filters.
//
// The rule: answers may contain paragraphs, lists, block quotes and
// emphasis (people type lists on purpose), but never headings, tables, HTML,
// code, thematic breaks or links. Everything is escaped with backslashes or
// entities that render as the text the user typed.

import { EMPTY_TABLE_TEXT, type ReportAnswer, type ReportQuestion, type TableAnswer } from './model.js';

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

// --- answers -----------------------------------------------------------------

/**
 * The Markdown of a question's answer, for a block of its own: text with its
 * paragraphs and lists, a value, a list, a table; without an answer the state
 * in italics ("_Weet ik (nog) niet_ (ontwikkelpunt)"). The `antwoord` filter.
 */
export function answerMarkdown(question: Pick<ReportQuestion, 'state' | 'answer' | 'stateText'>): string {
  if (question.answer) return answerValueMarkdown(question.answer);
  const text = `_${escapeInline(question.stateText ?? '')}_`;
  return question.state === 'unknown' || question.state === 'empty' ? `${text} (ontwikkelpunt)` : text;
}

/** The Markdown of an answer (see ReportAnswer). */
export function answerValueMarkdown(answer: ReportAnswer): string {
  switch (answer.kind) {
    case 'text':
      return escapeBlock(answer.text);
    case 'value':
      return escapeLine(answer.text);
    case 'list':
      return listMarkdown(answer.items);
    case 'table':
      return answer.rows.length ? tableMarkdown(answer) : `_${escapeInline(EMPTY_TABLE_TEXT)}_`;
  }
}

/** A bullet list, one line per item. The `lijst` filter. */
export function listMarkdown(items: readonly string[]): string {
  return items.map((item) => `- ${escapeLine(item)}`).join('\n');
}

/** A Markdown table: the columns as header, then the rows. The `tabel` filter. */
export function tableMarkdown(table: Pick<TableAnswer, 'columns' | 'rows'>): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `| ${table.columns.map(() => '---').join(' | ')} |`;
  return [row(table.columns), rule, ...table.rows.map(row)].join('\n');
}
