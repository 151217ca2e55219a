// The worksheet definitions at run time: the shipped worksheets (as the
// build validated them, dist/worksheets.json; from the sources when it has
// not run), name resolution with suggestions, and small helpers. Validation
// itself lives in check.ts and is loaded only when needed.
import path from 'node:path';
import type { Worksheet } from './schema.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { suggest } from '../support/invocation.js';
import { listProgramFiles, programFilePath, readProgramFile } from '../support/program-files.js';

/**
 * The shipped worksheets, validated by the build (scripts/compile-definitions.mjs).
 * The build makes it from questions/ each time, as it makes the bundle from src/.
 */
export const compiledFile = programFilePath('dist/worksheets.json');

// --- the shipped worksheets ---------------------------------------------

/** The shipped definition files (questions/*.yaml): paths on disk, or names inside a single executable. */
export async function shippedDefinitionFiles(): Promise<string[]> {
  return listProgramFiles('questions', '.yaml').map(programFilePath);
}

let shipped: Promise<Worksheet[]> | undefined;

/** All shipped worksheets, in workbook order. */
export function loadShippedWorksheets(): Promise<Worksheet[]> {
  shipped ??= (async () => {
    const compiled = readCompiled();
    if (compiled) return compiled;
    return validateShipped();
  })();
  return shipped;
}

function readCompiled(): Worksheet[] | undefined {
  try {
    return (JSON.parse(readProgramFile('dist/worksheets.json')) as { worksheets: Worksheet[] }).worksheets;
  } catch {
    return undefined; // not built (tests from the sources): validated now
  }
}

/** The shipped definitions read and validated from questions/ (the build stores the result). */
export async function validateShipped(): Promise<Worksheet[]> {
  const files = await shippedDefinitionFiles();
  const { loadDefinitionFile } = await import('./check.js');
  const sheets = await Promise.all(files.map((f) => loadDefinitionFile(f, path.relative(process.cwd(), f) || f)));
  return sheets.sort((a, b) => a.number - b.number);
}

/**
 * Find a shipped worksheet by id (or its number). An unknown name gets the
 * nearest suggestion among the ids and `otherNames` (e.g. "alles" for rapport).
 */
export async function resolveWorksheet(
  name: string,
  otherNames: { name: string; description: string }[] = [],
  /** Where to look (default: the shipped worksheets; own.ts adds own ones). */
  pool?: Worksheet[],
): Promise<Worksheet> {
  const sheets = pool ?? (await loadShippedWorksheets());
  const wanted = name.trim().toLowerCase();
  const found = sheets.find((s) => s.id === wanted || String(s.number) === wanted);
  if (found) return found;
  const { closest, distance } = (await import('fastest-levenshtein')).default;
  const ids = sheets.map((s) => s.id);
  const candidates = [...ids, ...otherNames.map((o) => o.name)];
  const prefix = candidates.filter((id) => id.startsWith(wanted) || wanted.startsWith(id));
  const near = prefix.length === 1 ? prefix[0] : closest(wanted, candidates);
  const close = near !== undefined && (prefix.length === 1 || distance(wanted, near) <= Math.max(3, Math.floor(near.length / 3)));
  const suggestion = close ? ` Bedoel je "${near}"?` : '';
  const others = otherNames.map((o) => ` Of: ${o.name} (${o.description}).`).join('');
  throw new WerkboekError(
    `Onbekend werkblad "${name}".${suggestion}`,
    ExitCode.usage,
    `Beschikbare werkbladen: ${ids.join(', ')} (zie: ${suggest(['lijst'])}).${others}`,
  );
}
