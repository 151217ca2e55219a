// A report's Markdown as plain text, for the text part of an e-mail (.eml):
// what a mail program shows when it does not show the HTML part, or what a
// reader who prefers plain text reads. No Markdown syntax is left in it (no
// "**", "_", "#", backslash escapes or "| --- |" rows): headings are lines
// of their own, underlined with a line of "═" or "─" (characters Markdown
// does not use), bullets are "•", a table is a list with one item per row
// ("Kolom: waarde" for each cell), a quote is indented. Parsed with
// marked's lexer, the same parser as the HTML part, so both parts show the
// same text. Imported only for --formaat eml (eml.ts).
import { Lexer, type Token, type Tokens } from 'marked';
import { visibleControls } from '../support/control.js';
import { labelPrefix } from './label.js';

const INDENT = '   ';

export interface PlainTextOptions {
  /**
   * `vergelijk`: the respondents' names. A table with exactly these columns
   * holds everyone's answer side by side (one row): each name is an item of
   * its own ("• Anja de Vries: Ja", "• Piet Bakker: Nee").
   */
  sideBySide?: readonly string[] | undefined;
}

/** The Markdown of a report as plain text, paragraphs separated by a blank line. */
export function markdownToPlainText(markdown: string, options: PlainTextOptions = {}): string {
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(markdown);
  const text = blocks(tokens, options).join('\n\n');
  return `${visibleControls(text).replace(/[ \t]+$/gm, '')}\n`;
}

function blocks(tokens: readonly Token[], o: PlainTextOptions): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const text = block(token, o);
    if (text !== null && text.trim() !== '') out.push(text);
  }
  return out;
}

function block(token: Token, o: PlainTextOptions): string | null {
  switch (token.type) {
    case 'heading': {
      const t = token as Tokens.Heading;
      const text = inline(t.tokens);
      if (t.depth > 2) return text;
      return `${text}\n${(t.depth === 1 ? '═' : '─').repeat(Math.min(Math.max(text.length, 3), 72))}`;
    }
    case 'paragraph':
      return inline((token as Tokens.Paragraph).tokens);
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens ? inline(t.tokens) : t.text;
    }
    case 'list':
      return list(token as Tokens.List, o);
    case 'table':
      return table(token as Tokens.Table, o);
    case 'blockquote':
      return indent(blocks((token as Tokens.Blockquote).tokens, o).join('\n\n'), INDENT);
    case 'hr':
      return '─'.repeat(20);
    case 'code':
      return (token as Tokens.Code).text;
    case 'space':
    case 'def':
      return null;
    default:
      return 'text' in token && typeof token.text === 'string' ? token.text : null;
  }
}

function list(t: Tokens.List, o: PlainTextOptions): string {
  const start = typeof t.start === 'number' ? t.start : 1;
  return t.items
    .map((item, i) => {
      const marker = t.ordered ? `${start + i}. ` : '• ';
      const body = blocks(item.tokens, o).join(t.loose ? '\n\n' : '\n');
      return marker + indent(body, ' '.repeat(marker.length)).trimStart();
    })
    .join(t.loose ? '\n\n' : '\n');
}

/**
 * A table as a list: an item per row, "Kolom: waarde" for each cell that has
 * a value (the first on the bullet's line); answers side by side: an item per
 * column (see PlainTextOptions).
 */
function table(t: Tokens.Table, o: PlainTextOptions): string {
  const header = t.header.map((cell) => oneLine(inline(cell.tokens)));
  const names = o.sideBySide;
  if (names && header.length === names.length && header.every((h, i) => h === oneLine(names[i] ?? ''))) {
    return t.rows
      .flatMap((row) => row.map((cell, i) => `• ${labelPrefix(header[i] ?? '')}${indent(inline(cell.tokens).trim() || '–', INDENT).trimStart()}`))
      .join('\n');
  }
  return t.rows
    .map((row) => {
      const cells = row.map((cell, i) => ({ label: header[i] ?? '', value: inline(cell.tokens).trim() })).filter((c) => c.value !== '');
      const lines = cells.map((c) => `${labelPrefix(c.label)}${indent(c.value, INDENT + '  ').trimStart()}`);
      return lines.length ? `• ${lines.join(`\n${INDENT}`)}` : '• –';
    })
    .join('\n');
}

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens.map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'br':
      return '\n';
    case 'escape':
    case 'codespan':
      return (token as Tokens.Escape).text;
    case 'link': {
      const t = token as Tokens.Link;
      const text = inline(t.tokens);
      return text === t.href || `mailto:${text}` === t.href ? text : `${text} (${t.href})`;
    }
    case 'image':
      return (token as Tokens.Image).text;
    case 'html':
      return (token as Tokens.HTML).text === '<br>' ? '\n' : (token as Tokens.HTML).text;
    default: {
      const t = token as Tokens.Generic;
      if (Array.isArray(t.tokens)) return inline(t.tokens as Token[]);
      return typeof t.text === 'string' ? t.text : (t.raw ?? '');
    }
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}
