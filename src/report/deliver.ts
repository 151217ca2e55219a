// What `rapport` and `vergelijk` are asked to make, and a rendered report in
// its format: the Markdown as is, a sanitised HTML document or an .eml draft
// (marked, sanitize-html and nodemailer are loaded only for html/eml), or a
// Word document made from the model, not from Markdown (docx.ts, with the
// docx package, loaded only for docx); and where it goes (deliver: the
// screen, or -o through write-output.ts). The recipients are recipients.ts.
import type { Output } from '../support/output.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { displayPath, suggest } from '../support/invocation.js';
import { wrapLine } from '../support/wrap.js';
import { writeOutputFile } from './write-output.js';

export type ReportFormat = 'md' | 'html' | 'eml' | 'docx';
/** The formats made from Markdown (a template): all but docx. */
export type MarkdownFormat = Exclude<ReportFormat, 'docx'>;

/** plain-text.ts's options (`vergelijk`: the respondents, whose answers side by side are an item each); not imported, so the Markdown path loads no marked. */
interface PlainTextOptions {
  sideBySide?: readonly string[] | undefined;
}

/** What `rapport` and `vergelijk` are asked to make. */
export interface ReportRequest {
  worksheet: string;
  format: ReportFormat;
  output?: string | undefined;
  /** `--vervang`: -o may replace a file that is there (else it is refused). */
  replace?: boolean | undefined;
  template?: string | undefined;
  to?: string | undefined;
  map?: string | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  cwd: string;
  out: Output;
  /** The moment the report is made (tests); default: now. */
  now?: Date | undefined;
  /** Name the written file by its full path (the menu: the dossier folder may be hidden), not from `cwd`. */
  fullPath?: boolean | undefined;
}

/**
 * A Word document is a file: it is refused without -o (on the screen it is
 * unreadable bytes), and with --sjabloon (a template makes Markdown; the
 * Word document is made from the report itself). `command` starts the
 * example in the hint ("rapport alles").
 */
export function checkWordRequest(req: Pick<ReportRequest, 'format' | 'output' | 'template' | 'to'>, command: string[]): void {
  if (req.format !== 'docx') return;
  const name = command[0] === 'vergelijk' ? 'vergelijking' : ['alles', 'all'].includes(command[1] ?? '') ? 'dossier' : 'rapport';
  const example = suggest([...command, '-o', `${name}.docx`]);
  if (req.output === undefined || req.output === '-') {
    throw new WerkboekError(
      'Een Word-bestand kan niet op het scherm worden getoond; geef een bestandsnaam met -o.',
      ExitCode.usage,
      `Bijvoorbeeld: ${example}`,
    );
  }
  if (req.template !== undefined) {
    throw new WerkboekError(
      'Een eigen sjabloon (--sjabloon) maakt Markdown, geen Word-bestand.',
      ExitCode.usage,
      `Laat --sjabloon weg voor Word (${example}), of kies met je sjabloon -o rapport.md, -o rapport.html of -o rapport.eml.`,
    );
  }
}

/** What a file name's extension promises, in words, and what werkboek writes for each of its formats. */
const PROMISED: Record<string, string> = {
  docx: 'een Word-document',
  doc: 'een Word-document',
  odt: 'een OpenDocument-tekst',
  rtf: 'een RTF-document',
  pdf: 'een PDF-bestand',
  txt: 'een gewoon tekstbestand',
  xlsx: 'een Excel-bestand',
  xls: 'een Excel-bestand',
  md: 'tekst met opmaaktekens (Markdown)',
  markdown: 'tekst met opmaaktekens (Markdown)',
  html: 'een webpagina (HTML)',
  htm: 'een webpagina (HTML)',
  eml: 'een e-mailconcept',
  csv: 'een CSV-bestand (voor Excel)',
};
const WRITTEN: Record<string, { extensions: readonly string[]; words: string }> = {
  docx: { extensions: ['docx'], words: 'Word-document' },
  md: { extensions: ['md', 'markdown'], words: 'tekst met opmaaktekens' },
  html: { extensions: ['html', 'htm'], words: 'webpagina' },
  eml: { extensions: ['eml'], words: 'e-mailconcept' },
  csv: { extensions: ['csv'], words: 'voor Excel' },
  tekst: { extensions: ['txt'], words: 'tekst' },
};

/**
 * `-o` names a file whose extension promises another format than the one
 * written (`verschil -o v.docx`, `rapport --formaat md -o r.docx`): refused
 * (exit 2) before anything is read, else Word would call the file damaged.
 * A name without a known extension is taken as it is. `made`: the formats
 * the command makes (for the hint), `example`: its file name without extension.
 */
export function checkOutputName(output: string | undefined, format: string, made: readonly string[], example: string): void {
  const ext = output?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (output === undefined || ext === undefined || !(ext in PROMISED) || WRITTEN[format]?.extensions.includes(ext)) return;
  const hint = `Kies ${made
    .map((f) => `-o ${example}.${WRITTEN[f]?.extensions[0] ?? f} (${WRITTEN[f]?.words ?? f})`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' of $1')}.`;
  const promised = PROMISED[ext] ?? ext;
  const canMake = made.some((f) => WRITTEN[f]?.extensions.includes(ext));
  throw new WerkboekError(
    canMake
      ? `${output} is de naam van ${promised}, maar met --formaat ${format} wordt het iets anders; dan kan het bestand niet worden geopend.`
      : `Hier kan werkboek geen ${promised.replace(/^een /, '')} maken: ${output} zou een bestand worden dat niet te openen is.`,
    ExitCode.usage,
    canMake ? `Laat --formaat weg, of ${hint.charAt(0).toLowerCase()}${hint.slice(1)}` : hint,
  );
}

/**
 * The width of the terminal a Markdown report without -o goes to, or
 * undefined: into a pipe or a file (or with -o, or in another format) it
 * stays Markdown.
 */
export function screenColumns(req: Pick<ReportRequest, 'format' | 'output' | 'out'>): number | undefined {
  return req.format === 'md' && (req.output === undefined || req.output === '-') ? req.out.columns() : undefined;
}

/**
 * A report for a terminal: the plain text of the e-mail's text part
 * (plain-text.ts: no "#", "**" or "| --- |"; a table as a list), wrapped
 * between words at the terminal's width.
 */
export async function screenText(markdown: string, columns: number, options: PlainTextOptions = {}): Promise<string> {
  const { markdownToPlainText } = await import('./plain-text.js');
  return markdownToPlainText(markdown, options)
    .split('\n')
    .map((line) => hanging(line, columns - 1))
    .join('\n');
}

/**
 * Where a line's text begins: after its indentation, a "• " marker and a
 * workbook number ("1. ", "4.2. ", "a. I. ", "1. a. ", "b. II. ").
 */
const LEAD = /^\s*(?:• )?(?:(?:(?:\d{1,3}|[a-z]|[IVX]{1,4})\. ?)*(?:\d{1,3}|[a-z]|[IVX]{1,4})\. )?/;

/** A line wrapped between words, its continuation under its text (see LEAD). */
function hanging(line: string, width: number): string {
  if (line.length <= width) return line;
  // A heading's underline: as wide as fits.
  if (/^[═─]+$/.test(line)) return line.slice(0, width);
  const lead = LEAD.exec(line)?.[0] ?? '';
  const pad = ' '.repeat(lead.length);
  return wrapLine(line.slice(lead.length), Math.max(20, width - lead.length), false)
    .split('\n')
    .map((l, i) => (i === 0 ? lead : pad) + l)
    .join('\n');
}

/** The report in its format: Markdown, an HTML document or an email draft (with `to`; its text part as plain-text.ts makes it with `doc`'s options). */
export async function formatReport(
  markdown: string,
  doc: { plainTitle: string; subject: string } & PlainTextOptions,
  format: MarkdownFormat,
  recipients: string[] | undefined,
): Promise<string> {
  switch (format) {
    case 'md':
      return markdown;
    case 'html': {
      const { htmlDocument } = await import('./html.js');
      return htmlDocument(markdown, doc.plainTitle);
    }
    case 'eml': {
      const { buildEml } = await import('./eml.js');
      return buildEml({ markdown, title: doc.plainTitle, subject: doc.subject, to: recipients, sideBySide: doc.sideBySide });
    }
  }
}

/** Where a made report (or overview) goes, and what the command says about it. */
export interface Destination {
  /** `-o`: a file, or "-" (and undefined) for standard output. */
  output?: string | undefined;
  cwd: string;
  out: Output;
  /** `--vervang`: an existing file may be replaced (else refused: write-output.ts). */
  replace?: boolean | undefined;
  /** The answers files the report was made from: never written over (write-output.ts). */
  answerFiles?: readonly string[];
  /** Say the written file's full path, not one relative to `cwd`. */
  fullPath?: boolean | undefined;
}

/**
 * Text without -o (or with `-o -`) goes to standard output, so it pipes;
 * otherwise the file is written (write-output.ts: an existing file only
 * with `replace`) and the line "<what>
 * geschreven naar <bestand>" said, unless -o was a terminal or a pipe. (A
 * Word document always has -o: checkWordRequest.)
 */
export async function deliver(content: string | Uint8Array, to: Destination, what: string): Promise<void> {
  if (typeof content === 'string' && (to.output === undefined || to.output === '-')) {
    to.out.stdout(content);
    return;
  }
  const { file, stream } = await writeOutputFile(content, to.output ?? '', to.cwd, { answerFiles: to.answerFiles, replace: to.replace });
  if (!stream) to.out.line(`${what} geschreven naar ${to.fullPath ? file : displayPath(file, to.cwd)}`);
}
