// Respondents: colleagues who fill in a worksheet in the same dossier, each
// in a file of their own next to the coordinator's (`<werkblad>.yaml`):
// `<werkblad>.<slug>.yaml`, with the name itself in the file's metadata
// (`respondent:`). The slug is only a file name; who a file belongs to is
// decided by its metadata, so two names that slug alike get distinct files
// (`piet-bakker.yaml`, `piet-bakker-2.yaml`).
import { readdir } from 'node:fs/promises';
import { readTextLimitedSync } from '../support/read-limited.js';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { answersPath } from './folder.js';
import type { AnswersFile } from './answers-file.js';
import { RESPONDENT_KEY } from './answers-shape.js';

/** Longest slug: file names stay well within every file system's limit. */
const MAX_SLUG = 60;

/** Names Windows reserves for devices, also with an extension ("con.yaml"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

/** A file of one worksheet in a dossier folder: the coordinator's own, or a respondent's. */
export interface SheetFile {
  file: string;
  /** null: the coordinator's own file (`<werkblad>.yaml`). */
  slug: string | null;
}

/** A name as typed, tidied: no control characters, single spaces, trimmed. */
export function cleanName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two names are the same respondent ("Piet  Bakker" and "piet bakker" are). */
export function sameName(a: string, b: string): boolean {
  return cleanName(a).toLowerCase() === cleanName(b).toLowerCase();
}

/**
 * The file-name part for a name: lower case a–z, 0–9 and "-" only (accents
 * dropped, "é" -> "e"), so never "/", "\", ".." or a character a file system
 * refuses; a name Windows reserves (CON, NUL, COM1 …) gets "-1"; a name
 * without letters or digits becomes "collega".
 */
export function slugify(name: string): string {
  let slug = cleanName(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) slug = slug.slice(0, MAX_SLUG).replace(/-+$/, '');
  if (!slug) return 'collega';
  return RESERVED.test(slug) ? `${slug}-1` : slug;
}

/** `<map>/<werkblad>.<slug>.yaml` */
export function respondentPath(dir: string, worksheetId: string, slug: string): string {
  return path.join(dir, `${worksheetId}.${slug}.yaml`);
}

/** Whether a file name is a respondent file of the worksheet: `<werkblad>.<slug>.yaml` (not a backup or rescue file). */
function respondentSlug(fileName: string, worksheetId: string): string | undefined {
  const prefix = `${worksheetId}.`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith('.yaml')) return undefined;
  const slug = fileName.slice(prefix.length, -'.yaml'.length);
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : undefined;
}

/**
 * The answers files of a worksheet in a folder: the coordinator's own
 * (when it exists, first) and the respondents' files (by name), whether or
 * not they can be read.
 */
export async function sheetFiles(dir: string, worksheetId: string): Promise<SheetFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const own = `${worksheetId}.yaml`;
  const files: SheetFile[] = names.includes(own) ? [{ file: answersPath(dir, worksheetId), slug: null }] : [];
  const colleagues: SheetFile[] = [];
  for (const name of names) {
    const slug = respondentSlug(name, worksheetId);
    if (slug !== undefined) colleagues.push({ file: path.join(dir, name), slug });
  }
  // By slug, numbers as numbers: piet-bakker, piet-bakker-2, piet-bakker-10 (no Intl: loading it costs ~10 ms).
  const key = (slug: string | null) => (slug ?? '').replace(/\d+/g, (n) => n.padStart(10, '0'));
  colleagues.sort((a, b) => (key(a.slug) < key(b.slug) ? -1 : key(a.slug) > key(b.slug) ? 1 : 0));
  return [...files, ...colleagues];
}

/**
 * The respondent named in a file's metadata, without validating the rest
 * (a file that does not parse: its `respondent:` line, if any).
 */
export async function respondentIn(file: string): Promise<string | undefined> {
  let text: string;
  try {
    // Never blocking, only a regular file within the limit (a FIFO or /dev/zero named like an answers file has no respondent).
    text = readTextLimitedSync(file);
  } catch {
    return undefined;
  }
  try {
    const value: unknown = parseDocument(text).get(RESPONDENT_KEY);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return /^respondent:[ \t]*["']?([^"'\r\n]*)/m.exec(text)?.[1]?.trim();
  }
}

/**
 * The file of a respondent in a dossier folder: the file whose metadata
 * names them, else the first free `<werkblad>.<slug>[-n].yaml`. `exists`
 * says which of the two.
 */
export async function respondentFile(dir: string, worksheetId: string, name: string): Promise<{ file: string; exists: boolean }> {
  const clean = cleanName(name);
  if (!clean) {
    throw new WerkboekError('De naam bij --respondent is leeg.', ExitCode.usage, 'Bijvoorbeeld: --respondent "Piet Bakker"');
  }
  const slug = slugify(clean);
  const taken = new Set((await sheetFiles(dir, worksheetId)).map((f) => f.slug));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? slug : `${slug}-${n}`;
    const file = respondentPath(dir, worksheetId, candidate);
    if (!taken.has(candidate)) return { file, exists: false };
    const owner = await respondentIn(file);
    if (owner !== undefined && sameName(owner, clean)) return { file, exists: true };
  }
}

/**
 * As respondentFile, but a file that is not there yet is created at once,
 * exclusively (AnswersFile.claim), from `fileFor(file)`: when another
 * process took that name meanwhile (a colleague whose name makes the same
 * file name, or a second import), the folder is looked at again, which gives
 * that name's own file or the next free one. `claimed` is the new file.
 */
export async function claimRespondentFile(
  dir: string,
  worksheetId: string,
  name: string,
  fileFor: (file: string) => AnswersFile,
): Promise<{ file: string; exists: boolean; claimed?: AnswersFile }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = await respondentFile(dir, worksheetId, name);
    if (found.exists) return found;
    const claimed = fileFor(found.file);
    if (await claimed.claim()) return { ...found, claimed };
  }
  throw new WerkboekError(`Kan in ${dir} geen vrije bestandsnaam voor ${name} vinden.`, ExitCode.writeFailed, 'Probeer het opnieuw.');
}
