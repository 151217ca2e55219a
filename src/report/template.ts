// Rendering a report context with a Liquid template: the shipped default
// (templates/rapport.md.liquid) or the user's own (--sjabloon). Strict:
// unknown variables and filters are errors, reported as `bestand:regel`.
// No file system access: include/render/layout find nothing.
//
// Escaping happens here, at output: the context is raw text (model.ts), and
// liquidjs' `outputEscape` runs every {{ }} through the Markdown inline
// escaper, so a field can never break the report, in the shipped template
// and in the user's own. It is escapeLine (escapeInline plus a backslash
// before a heading, rule, fence or link definition at the start), because a
// {{ }} may stand at the start of a line: "# kop" there would be a heading.
// The filters that make ready-made Markdown from the raw model (antwoord,
// blok, lijst, tabel; see FILTERS) are registered `raw`, so their output is
// not escaped a second time; Liquid's own `| raw` turns the escaping off for
// one {{ }} (the default template uses it for the "#" of its headings).
import { FileRefusedError, readTextLimitedSync } from '../support/read-limited.js';
import path from 'node:path';
import { Drop, Liquid } from 'liquidjs';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import { answerMarkdown, escapeBlock, escapeLine, listMarkdown, tableMarkdown } from './markdown.js';
import type { ReportContext, ReportQuestion, TableAnswer } from './model.js';
import type { CompareContext } from './compare.js';
import { programFilePath, readProgramFile } from '../support/program-files.js';

export interface TemplateSource {
  /** Name shown in error messages, e.g. "sjabloon.liquid". */
  name: string;
  source: string;
  /** The shipped template that documents the variables (default: rapport.md.liquid). */
  reference?: string;
}

/** The user's template (`--sjabloon`), else the shipped one: `rapport.md.liquid`, or e.g. `vergelijk.md.liquid`. */
export async function loadTemplate(file: string | undefined, cwd: string, shipped = 'rapport.md.liquid'): Promise<TemplateSource> {
  const full = file ? path.resolve(cwd, file) : undefined;
  const name = full ? path.relative(cwd, full) || full : shipped;
  try {
    const source = full ? readTextLimitedSync(full, { displayName: name }) : readProgramFile(`templates/${shipped}`);
    return { name, source: file ? source : withoutDocumentation(source), reference: shipped };
  } catch (err) {
    if (err instanceof FileRefusedError) throw err;
    throw new WerkboekError(`Kan sjabloon ${name} niet lezen: ${describeFsError(err)}.`, ExitCode.usage);
  }
}

/** A template's opening comment, its documentation in the shipped ones. */
const OPENING_COMMENT = /^(\{%-?\s*comment\s*-?%\})([\s\S]*?)(\{%-?\s*endcomment\s*-?%\})/;

/**
 * A shipped template opens with its documentation: a Liquid comment of some
 * 10,000 characters, for whoever writes an own template. Liquid tokenizes a
 * comment character by character, tags and all, only to skip it: a third of
 * the time it took to parse the template. We give Liquid the shipped ones
 * with that comment emptied but for its line breaks, so it renders the same
 * (nothing) and line numbers in messages stay the same. An own template is
 * given as it is.
 */
function withoutDocumentation(source: string): string {
  return source.replace(OPENING_COMMENT, (_, open: string, text: string, close: string) => open + text.replace(/[^\n]/g, '') + close);
}

/** Limits for a template's parse length (characters), render time (ms) and memory (liquidjs' own count). */
export const TEMPLATE_LIMITS = { parseChars: 1_000_000, renderMs: 5_000, memory: 50_000_000 };
export type TemplateLimits = typeof TEMPLATE_LIMITS;

/** Render a template to Markdown (see the top of this file for escaping). Template errors become a WerkboekError naming file and line. */
export async function renderTemplate(
  template: TemplateSource,
  context: ReportContext | CompareContext,
  limits: TemplateLimits = TEMPLATE_LIMITS,
): Promise<string> {
  const liquid = new Liquid({
    // An empty in-memory file system: no include/render/layout from disk.
    templates: {},
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // Given, so liquidjs does not ask Intl for the default locale (that loads ICU data: ~15 ms).
    locale: 'nl-NL',
    // Every {{ }} is Markdown-escaped, unless its last filter is a raw one.
    outputEscape: markdownOutput,
    // A template from someone else must not hang or exhaust the machine
    // (`{% for i in (1..100000000) %}` ran for minutes and took 4 GB):
    // the default template is 8 KB and renders in milliseconds.
    parseLimit: limits.parseChars,
    renderLimit: limits.renderMs,
    memoryLimit: limits.memory,
  });
  for (const [name, handler] of Object.entries(FILTERS)) liquid.registerFilter(name, { handler, raw: true });
  let output: string;
  try {
    const parsed = liquid.parse(template.source, template.name);
    // Synchronous: the same output, without a promise per tag and value (the async render took most of the time).
    output = liquid.renderSync(parsed, context as unknown as Record<string, unknown>);
  } catch (err) {
    throw templateError(template, err, limits);
  }
  return normalizeMarkdown(output);
}

/** What {{ }} prints, Markdown-escaped: the text as liquidjs would print it, on one line, safe at the start of a line too. */
export function markdownOutput(value: unknown): string {
  return escapeLine(outputText(value));
}

/** Liquid's own values (nil, empty, blank, forloop) are objects: their plain value. */
function plain(value: unknown): unknown {
  return value instanceof Drop && typeof value.valueOf === 'function' ? value.valueOf() : value;
}

/** A value as text, the way liquidjs prints it: nil as nothing, a list as its items one after the other. */
function outputText(value: unknown): string {
  value = plain(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(outputText).join('');
  // An object would print as "[object Object]": surely a mistake (e.g. {{ q.answer }}).
  if (typeof value === 'object' && !(value instanceof Drop) && !(value instanceof Date)) {
    throw new Error('dit is geen tekst maar een object; toon de velden ervan, of een antwoord met {{ q | antwoord }}');
  }
  return String(value);
}

/**
 * The Markdown filters (documented in templates/rapport.md.liquid). Each
 * makes safe Markdown from raw model values, and is registered raw.
 */
const FILTERS: Record<string, (value: unknown) => string> = {
  /** A question: its answer as a block (text, list, table), or its state in italics. */
  antwoord: (value) => answerMarkdown(asQuestion(value)),
  /** A text of several lines: paragraphs and lists stay, nothing else. */
  blok: (value) => escapeBlock(outputText(value)),
  /** A list of texts (e.g. q.answer.items): a bullet list. */
  lijst: (value) => listMarkdown(asList(plain(value))),
  /** A table answer (q.answer with kind "table"): a Markdown table. */
  tabel: (value) => tableMarkdown(asTable(value)),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(outputText) : [outputText(value)];
}

function asQuestion(value: unknown): Pick<ReportQuestion, 'state' | 'answer' | 'stateText'> {
  if (isRecord(value) && typeof value.state === 'string' && 'answer' in value && 'stateText' in value) {
    return value as unknown as ReportQuestion;
  }
  throw new Error('het filter antwoord hoort bij een vraag: {{ q | antwoord }}, met q uit section.questions');
}

function asTable(value: unknown): Pick<TableAnswer, 'columns' | 'rows'> {
  if (isRecord(value) && Array.isArray(value.columns) && Array.isArray(value.rows) && value.rows.every(Array.isArray)) {
    return {
      columns: value.columns.map(outputText),
      rows: (value.rows as unknown[][]).map((row) => row.map(outputText)),
    };
  }
  throw new Error('het filter tabel hoort bij een antwoord met kind "table": {{ q.answer | tabel }}');
}

/** At most one blank line in a row, no blank lines at the start, one newline at the end. */
export function normalizeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/^\s*\n/, '')
      .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n')
      .trimEnd() + '\n'
  );
}

interface LiquidLikeError extends Error {
  token?: { getPosition?: () => [number, number]; file?: string };
  originalError?: Error;
  errors?: LiquidLikeError[];
}

function templateError(template: TemplateSource, err: unknown, limits: TemplateLimits): WerkboekError {
  if (!(err instanceof Error)) return new WerkboekError(`${template.name}: fout in sjabloon: ${String(err)}`, ExitCode.usage);
  let e = err as LiquidLikeError;
  if (e.errors?.[0]) e = e.errors[0];
  const line = e.token?.getPosition?.()[0];
  const raw = (e.originalError?.message ?? e.message).replace(/,(?: file:[^,]*,)? line:\d+, col:\d+$/, '');
  const where = line ? `${template.name}:${line}` : template.name;
  return new WerkboekError(
    `${where}: ${dutchTemplateMessage(raw, limits)}`,
    ExitCode.usage,
    `Zie ${programFilePath(`templates/${template.reference ?? 'rapport.md.liquid'}`)} voor de variabelen die een sjabloon kan gebruiken.`,
  );
}

/** liquidjs' English messages in Dutch (the common ones). */
export function dutchTemplateMessage(message: string, limits: TemplateLimits = TEMPLATE_LIMITS): string {
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [
      /^template render limit exceeded$|^render limit exceeded$/,
      () => `het sjabloon deed er te lang over (meer dan ${String(limits.renderMs / 1000).replace('.', ',')} seconden); is er een lus die te vaak herhaalt?`,
    ],
    [
      /^memory alloc limit exceeded$|^memory limit exceeded$/,
      () => 'het sjabloon maakt te veel of te grote lijsten of teksten (bijv. een lus over een heel groot bereik)',
    ],
    [/^parse length limit exceeded$|^parse limit exceeded$/, () => `het sjabloon is te groot (meer dan ${limits.parseChars.toLocaleString('nl-NL')} tekens)`],
    [/^undefined variable: (.+)$/, (m) => `onbekende variabele "${(m[1] ?? '').replace(/\.(\d+)(?=\.|$)/g, '[$1]')}"`],
    [/^undefined filter: (.+)$/, (m) => `onbekend filter "${m[1]}"`],
    [/^tag "(.+)" not found$/, (m) => `onbekende tag "${m[1]}"`],
    [/^tag (.+) not closed$/, (m) => `${m[1]} wordt niet afgesloten`],
    [/^output (.+) not closed$/, (m) => `${m[1]} wordt niet afgesloten (mist "}}")`],
    [/^raw (.+) not closed$/, (m) => `${m[1]} wordt niet afgesloten`],
    [/^ENOENT: Failed to lookup "(.*)" in/, (m) => `kan "${m[1]}" niet invoegen: een sjabloon kan geen andere bestanden gebruiken`],
    [/^unexpected token at "(.*)", expected (.*)$/, (m) => `onverwacht "${m[1]}" (verwacht: ${m[2]})`],
    [/^invalid value expression: (.*)$/, (m) => `ongeldige expressie: ${m[1]}`],
  ];
  for (const [re, make] of rules) {
    const m = re.exec(message);
    if (m) return make(m);
  }
  return `fout in sjabloon: ${message}`;
}
