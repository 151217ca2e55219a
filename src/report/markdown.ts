// The Markdown output of reports: escaping raw text so it can never change
// the structure of the report, and rendering the raw answers of the report
// model (model.ts) to Markdown. The template engine (template.ts) escapes
// every {{ }} with escapeLine and offers the renderers below as filters.
//
// The rule: an answer keeps its paragraphs, its line breaks (as hard breaks),
// and lists and block quotes typed at the start of a line (people type lists
// on purpose, and they read the same as plain text); it never becomes a
// heading, table, HTML, code, a thematic break, emphasis, strikethrough, a
// link, an image or a task-list checkbox. Only what would start such
// structure is escaped, with a backslash, so the Markdown reads as the text
// that was typed (it is also the plain-text part of an email): "< 65 jaar",
// "#5", "snake_case", a URL stay as they are; "_niet_" becomes "\_niet\_".
//
//   character          escaped when                                     why
//   \                  before ASCII punctuation or at the end          "\#" typed must show as "\#"; "\" at the end is a line break
//   <                  before a letter, / ! ? or an e-mail address     HTML tag, comment, autolink
//   &                  before "name;" "#123;" "#x1F;"                   an entity would show as another character
//   `                  always                                          code span, fence (rare in Dutch text)
//   * _ ~              a run that could open or close emphasis /       by the word-boundary (flanking) rules of
//                      strikethrough                                   CommonMark: not "2 * 3", not "snake_case"
//   (                  right after ]                                   inline link or image "[x](url)"
//   |                  inline and in table cells always; in a block    a cell separator; in a block only a delimiter
//                      only on a line like "--|--"                     row makes a table
//   at a line start    # heading, === / --- underline, *** rule,     (after any list or quote markers)
//                      ``` ~~~ fence, [label]: definition (also when
//                      the label runs over several lines), [ ] task,
//                      a list marker without text, a --|-- row
//   indentation        at most three spaces before a line, one space  four spaces would make code
//                      after a list or quote marker
//
// Not escaped, by design: a bare URL or e-mail address (GFM viewers may make
// a link of it, as mail programs do; our HTML does not, see html.ts), and
// "[text]" (a reference link needs a definition, and no answer can make one;
// an own template could, see the header of templates/rapport.md.liquid).

import { visibleControls } from '../support/control.js';
import { EMPTY_TABLE_TEXT, type ReportAnswer, type ReportQuestion, type TableAnswer } from './model.js';

/** The characters CommonMark lets a backslash escape. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What may follow "<" in an e-mail autolink, up to the "@". */
const AUTOLINK_EMAIL = /^<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@/;
const ENTITY = /^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z0-9_]+);/;

/**
 * What is around a piece of text: 'space' when it starts or ends a line (or
 * follows a marker), 'open' when anything may come next to it (a {{ }} in
 * someone's template, a table cell next to a <br>): emphasis characters at an
 * open edge are always escaped.
 */
type Edge = 'space' | 'open';

interface SpanOptions {
  start: Edge;
  end: Edge;
  /** Escape every "|" (inline and in table cells). */
  pipes: boolean;
  /** Escape the first character (or run) too: it would start a block (heading, rule, fence, …). */
  first?: boolean;
}

/**
 * Escape one line of text (no line breaks) for inline Markdown: see the
 * table at the top. Flanking is decided on the typed text; the backslashes
 * added go only before ASCII punctuation, so no neighbour changes class.
 */
function escapeSpan(text: string, opts: SpanOptions): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '*' || c === '_' || c === '~') {
      let j = i + 1;
      while (j < n && text[j] === c) j++;
      const run = text.slice(i, j);
      const active = (i === 0 && opts.first) || delimiterRunActive(c, text[i - 1], text[j], i === 0 ? opts.start : 'space', j === n ? opts.end : 'space');
      out += active ? run.replace(/./g, '\\$&') : run;
      i = j;
      continue;
    }
    let needsEscape = i === 0 && opts.first === true && ASCII_PUNCTUATION.test(c);
    switch (c) {
      case '\\':
        needsEscape ||= i + 1 === n || ASCII_PUNCTUATION.test(text[i + 1]!);
        break;
      case '<':
        needsEscape ||= /^<[A-Za-z/!?]/.test(text.slice(i, i + 2)) || AUTOLINK_EMAIL.test(text.slice(i));
        break;
      case '&':
        needsEscape ||= ENTITY.test(text.slice(i));
        break;
      case '`':
        needsEscape = true;
        break;
      case '(':
        needsEscape ||= text[i - 1] === ']';
        break;
      case '|':
        needsEscape ||= opts.pipes;
        break;
      case ']':
        // "[x]" at the end of a {{ }}: a "(" in the template after it would make a link.
        needsEscape ||= i + 1 === n && opts.end === 'open';
        break;
    }
    out += needsEscape ? `\\${c}` : c;
    i++;
  }
  return out;
}

/**
 * Could a run of "*", "_" or "~" open or close emphasis (or strikethrough)?
 * CommonMark's flanking rules, made stricter where parsers differ: "*" and
 * "~" are inert only between two spaces ("2 * 3"); "_" also between two
 * letters or digits ("snake_case"). Line starts and ends count as spaces.
 */
function delimiterRunActive(c: string, before: string | undefined, after: string | undefined, startEdge: Edge, endEdge: Edge): boolean {
  if ((before === undefined && startEdge === 'open') || (after === undefined && endEdge === 'open')) return true;
  const space = (x: string | undefined) => x === undefined || x === ' ' || x === '\t';
  if (space(before) && space(after)) return false;
  if (c === '_' && before !== undefined && after !== undefined && LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after)) {
    return false;
  }
  return true;
}

/** Split "\r\n" / "\r", make control characters visible, drop trailing whitespace per line. */
function lines(text: string): string[] {
  return visibleControls(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''));
}

/** The lines of a text as one line: each trimmed, blank ones dropped, joined by a space. */
function oneLine(text: string): string {
  return lines(text)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/**
 * Text that every escaper below returns as it is: one line that starts with
 * a letter (so no marker, heading, rule, fence or indentation at its start),
 * does not end in whitespace (nothing to trim), and has none of the
 * characters escapeSpan may escape (\\ < & ` * _ ~ | [ ], and so no "(" after
 * a "]") and no control character (no line break, nothing visibleControls
 * changes). Most labels, values and short answers are such text (nine in
 * ten strings of a report): one test spares them the work line by line and
 * character by character.
 */
const PLAIN_TEXT = /^\p{L}(?:[^\\<&`*_~|[\]\u0000-\u001F\u007F-\u009F]*[^\s\\<&`*_~|[\]\u0000-\u001F\u007F-\u009F])?$/u;

/**
 * Escape text for inline use in the middle of a line: on one line (line
 * breaks become spaces), every "|" escaped, nothing that could pair with
 * the text around it. For "_{{ … }}_"-like places; see escapeLine.
 */
export function escapeInline(text: string): string {
  if (PLAIN_TEXT.test(text)) return text;
  return escapeSpan(oneLine(text), { start: 'open', end: 'open', pipes: true });
}

/**
 * Inline-escaped text that may stand at the start of a line (what every
 * {{ }} prints): escapeInline, and no heading, rule, fence, definition or
 * code at its start. A list or quote marker at its start stays (with one
 * space after it), as in an answer.
 */
export function escapeLine(text: string): string {
  if (PLAIN_TEXT.test(text)) return text;
  return escapeBlockLine(oneLine(text), { start: 'open', end: 'open', pipes: true, inline: true }, () => '');
}

/** A table cell: inline escaping, line breaks as `<br>`. */
export function escapeCell(text: string): string {
  if (PLAIN_TEXT.test(text)) return text;
  return lines(text)
    .map((l) => escapeSpan(l.trim(), { start: 'open', end: 'open', pipes: true }))
    .join('<br>')
    .replace(/^(<br>)+|(<br>)+$/g, '')
    .replace(/(<br>){3,}/g, '<br><br>');
}

// A list or block quote marker (CommonMark: at most 9 digits), with the whitespace after it.
const MARKER = /^(>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^(?:`{3,}|~{3,})/;
const TASK = /^\[[ xX]\](?:[ \t]|$)/;
// A table delimiter row ("--|--", "|:---|", ":-:"); plain "---" is a rule or underline above.
const TABLE_DELIMITER = /^(?=[^-]*-)(?=.*[|:])[|:\- \t]+$/;
interface LineOptions extends Omit<SpanOptions, 'first'> {
  /** A {{ }} (one line, anywhere in a line) rather than a line of an answer. */
  inline: boolean;
}

/** CommonMark's indentation limit: four columns of it make code. */
const MAX_INDENT = 3;

/**
 * One line of a block (or a {{ }}), escaped: its indentation limited, list
 * and quote markers kept with one space after each, then the rest escaped;
 * a heading, rule, underline, fence, definition, task box, table row or a
 * list marker without text gets a backslash at its start. `rest` gives the
 * text after this line (for a definition whose label runs on).
 */
function escapeBlockLine(line: string, opts: LineOptions, rest: () => string): string {
  const indentWidth = columns(/^[ \t]*/.exec(line)?.[0] ?? '');
  let content = line.replace(/^[ \t]+/, '');
  const markers: string[] = [];
  for (let m = MARKER.exec(content); m && m[0] !== ''; m = MARKER.exec(content)) {
    // "- - -" and "* * *" are rules, not markers.
    if (THEMATIC_BREAK.test(content)) break;
    // In a {{ }}, a "*" at the start is emphasis, not a list marker: in "**{{ … }}**" it would join the template's "**".
    if (opts.inline && m[1] === '*') break;
    // One space after a marker, none after a ">" typed without one (">citaat").
    markers.push(m[0] === m[1] ? m[1] : `${m[1]!} `);
    content = content.slice(m[0].length);
  }
  let first = false;
  const last = markers[markers.length - 1];
  if (content === '' && last !== undefined) {
    // A marker without text ("-", "1."): text, not an empty list item ("-" would also underline the line above as a
    // heading). Except an empty quote line in a block (a quote's paragraph break), and a number like "1." in a
    // {{ }}: that is a question number, which would show as "1\." in every label; at the very start of a line
    // it makes an empty list item, nothing more.
    const keep = opts.inline ? /^\d/.test(last) : last.startsWith('>');
    if (!keep) {
      markers.pop();
      content = last.trimEnd();
      first = true;
    }
  } else if (
    THEMATIC_BREAK.test(content) ||
    ATX_HEADING.test(content) ||
    SETEXT_UNDERLINE.test(content) ||
    FENCE.test(content) ||
    TABLE_DELIMITER.test(content) ||
    (TASK.test(content) && last !== undefined && !last.startsWith('>')) ||
    isDefinitionStart(content, rest)
  ) {
    first = true;
  }
  // After a marker the text starts as after a space; not in a {{ }}: mid-line, the marker is just text before it.
  let escaped = escapeSpan(content, { ...opts, start: markers.length && !opts.inline ? 'space' : opts.start, first });
  // An ordered marker is escaped at its "." or ")": "1\." (a backslash before a digit would show).
  if (first) escaped = escaped.replace(/^\\?(\d{1,9})([.)])/, '$1\\$2');
  const prefix = ' '.repeat(Math.min(indentWidth, MAX_INDENT)) + markers.join('');
  return escaped === '' ? prefix.trimEnd() : prefix + escaped;
}

/** "[label]:" at the start, the label possibly running on over the next lines: a link reference definition. */
function isDefinitionStart(content: string, rest: () => string): boolean {
  if (!content.startsWith('[')) return false;
  const text = `${content.slice(1)}\n${rest()}`;
  const close = text.indexOf(']');
  return close >= 0 && text[close + 1] === ':';
}

/** The width of leading whitespace, a tab to the next multiple of four. */
function columns(ws: string): number {
  let col = 0;
  for (const ch of ws) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

// A line that starts a list item in any case (a bullet or "1." with text, also in a quote): it ends the line before.
const STARTS_LIST_ITEM = /^ {0,3}(?:>[ \t]?)*[ \t]*(?:[-*+]|1[.)])[ \t]+\S/;
const ORDERED_ITEM = /^( *)\d{1,9}([.)])[ \t]+\S/;

/**
 * Add the hard breaks: two spaces at the end of a line followed by more text
 * of its paragraph. Not before a blank line (a new paragraph) or a new list
 * item: a bullet or "1.", or the next item of a numbered list ("2." right
 * after item "1."; after plain text, "2. …" is more text of the paragraph).
 */
function hardBreaks(out: string[]): string[] {
  const ordered = out.map((l) => ORDERED_ITEM.exec(l));
  // Which numbered lines really are list items: "1.", after a blank line, or the next of a list.
  const item: boolean[] = [];
  ordered.forEach((m, i) => {
    const prev = ordered[i - 1];
    item[i] =
      m !== null && (i === 0 || out[i - 1] === '' || STARTS_LIST_ITEM.test(out[i]!) || (item[i - 1] === true && prev?.[1] === m[1] && prev?.[2] === m[2]));
  });
  return out.map((l, i) => {
    const next = out[i + 1] ?? '';
    const m = ordered[i + 1];
    const nextItem = item[i + 1] === true && item[i] === true && m?.[1] === ordered[i]?.[1] && m?.[2] === ordered[i]?.[2];
    return l === '' || next === '' || STARTS_LIST_ITEM.test(next) || nextItem ? l : `${l}  `;
  });
}

/**
 * Escape text of several lines for a block of its own (see the top of this
 * file). Blank lines at both ends go, several blank lines in a row become
 * one (a paragraph break), indentation shared by all lines goes. A line
 * followed by more text of its paragraph ends in two spaces: a hard line
 * break, so a Markdown viewer shows the lines as typed instead of joining
 * them (our HTML has `breaks` on, other viewers do not). Two
 * spaces rather than a trailing backslash: they are invisible in the
 * plain-text part of an email, and where a line break turns out not to be
 * needed (the last line of a list item before an item "2." of another list)
 * they do nothing, where a stray backslash would show. If a mail program or
 * editor drops them, lines are joined: nothing worse.
 */
export function escapeBlock(text: string): string {
  if (PLAIN_TEXT.test(text)) return text;
  let ls = lines(text);
  while (ls.length && ls[0] === '') ls.shift();
  while (ls.length && ls[ls.length - 1] === '') ls.pop();
  const indents = ls.filter((l) => l !== '').map((l) => columns(/^[ \t]*/.exec(l)?.[0] ?? ''));
  // A loop, not Math.min(...indents): an answer of 125,000 lines would overflow the call stack.
  const common = indents.reduce((min, n) => Math.min(min, n), indents[0] ?? 0);
  ls = ls.map((l) => ' '.repeat(Math.max(0, columns(/^[ \t]*/.exec(l)?.[0] ?? '') - common)) + l.replace(/^[ \t]+/, ''));
  ls = ls.filter((l, i) => l !== '' || ls[i - 1] !== '');
  const out = ls.map((l, i) =>
    l === '' ? '' : escapeBlockLine(l, { start: 'space', end: 'space', pipes: false, inline: false }, () => ls.slice(i + 1).join('\n')),
  );
  return hardBreaks(out).join('\n');
}

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
