// Delivering a rendered report (rapport, vergelijk): the Markdown as is, as
// a sanitised HTML document or as an .eml draft, and writing it to a file
// (atomically; never over an answers file or a folder) or into a terminal,
// /dev/stdout or a pipe. marked, sanitize-html and nodemailer are loaded
// only for html/eml. Prints nothing: the command says what was written.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../dossier/answers-file.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import { suggest } from '../support/invocation.js';
import type { Output } from '../support/output.js';

export type ReportFormat = 'md' | 'html' | 'eml';

/** What `rapport` and `vergelijk` are asked to make. */
export interface ReportRequest {
  worksheet: string;
  format: ReportFormat;
  output?: string | undefined;
  template?: string | undefined;
  to?: string | undefined;
  map?: string | undefined;
  cwd: string;
  out: Output;
  /** The moment the report is made (tests); default: now. */
  now?: Date | undefined;
}

/** The report in its format: Markdown, an HTML document or an email draft (with `to`). */
export async function formatReport(
  markdown: string,
  doc: { plainTitle: string; subject: string },
  format: ReportFormat,
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
      return buildEml({ markdown, title: doc.plainTitle, subject: doc.subject, to: recipients });
    }
  }
}

/**
 * Write a report to `output` (relative to cwd). Returns the file written,
 * or undefined when it went into a terminal, /dev/stdout, /dev/null or a
 * pipe. Refuses a folder and an answers file (`answerFiles`, or any file
 * that looks like one).
 */
export async function writeReport(content: string, output: string, cwd: string, answerFiles: readonly string[]): Promise<string | undefined> {
  const file = path.resolve(cwd, output);
  const info = await stat(file).catch(() => undefined);
  if (info && (info.isCharacterDevice() || info.isFIFO())) {
    // A terminal, /dev/stdout, /dev/null or a pipe: write into it, never replace it by a file.
    await writeToStream(file, content);
    return undefined;
  }
  if (info && !info.isFile()) {
    throw new WerkboekError(`${output} is geen gewoon bestand (maar bijv. een map); kies een bestandsnaam voor het rapport.`, ExitCode.usage);
  }
  if (answerFiles.includes(file) || (info && (await isAnswersFile(file)))) {
    throw new WerkboekError(
      `${output} is een antwoordbestand; kies een ander bestand voor het rapport.`,
      ExitCode.usage,
      'Een rapport overschrijft nooit antwoorden. Bijvoorbeeld: -o rapport.md, -o rapport.html of -o rapport.eml.',
    );
  }
  // A missing folder is more likely a typo than a wish: no mkdir here.
  await writeFileAtomically(file, content, { createFolder: false });
  return file;
}

/** Whether an existing file is an answers file of werkboek (of any dossier): it starts with the metadata keys. */
async function isAnswersFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return /^werkblad:[ \t]*\S/m.test(head) && /^(versie|antwoorden|status):/m.test(head);
  } finally {
    await handle.close();
  }
}

async function writeToStream(file: string, content: string): Promise<void> {
  try {
    const handle = await open(file, 'a');
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new WerkboekError(`Kan niet schrijven naar ${file}: ${describeFsError(err)}.`, ExitCode.writeFailed);
  }
}

// One address: something@domain.tld, without spaces, brackets or quotes.
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/;

/** `--aan`: one or more addresses separated by commas or semicolons. */
export function checkRecipients(value: string, format: ReportFormat): string[] {
  if (format !== 'eml') {
    throw new WerkboekError(
      '--aan hoort bij een e-mailconcept.',
      ExitCode.usage,
      `Bijvoorbeeld: ${suggest(['rapport', 'alles', '--formaat', 'eml', '--aan', 'naam@gemeente.nl', '-o', 'rapport.eml'])}`,
    );
  }
  const addresses = value
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const bad = addresses.find((a) => !ADDRESS.test(a));
  if (!addresses.length || bad !== undefined) {
    throw new WerkboekError(
      `Ongeldig e-mailadres "${bad ?? value}".`,
      ExitCode.usage,
      'Gebruik bijvoorbeeld: --aan naam@gemeente.nl (meerdere adressen scheiden met een komma).',
    );
  }
  return addresses;
}
