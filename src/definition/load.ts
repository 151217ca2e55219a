// The worksheet definitions at run time: the shipped worksheets (from the
// build's validated cache when it is current, else validated now), name
// resolution with suggestions, and small helpers. Validation itself lives
// in check.ts and is loaded only when needed.
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worksheet } from './schema.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { suggest } from '../support/invocation.js';
import { definitionFingerprint, rememberFingerprint } from './fingerprint.js';
import { fingerprint } from '../support/checksum.js';

/** The folder with the shipped definitions (works from src/ and dist/). */
export const questionsDir = fileURLToPath(new URL('../../questions/', import.meta.url));

/** Written by scripts/compile-definitions.mjs at build time. */
export const cacheFile = fileURLToPath(new URL('../../dist/worksheets.json', import.meta.url));

export interface DefinitionCache {
  /** Per definition file name: size, mtime and fingerprint (support/checksum.ts) of the text that was validated. */
  sources: Record<string, { size: number; mtimeMs: number; fingerprint: string }>;
  worksheets: Worksheet[];
  /** Per worksheet, its fingerprint (definition/fingerprint.ts), reckoned by the build. */
  fingerprints: string[];
}

// --- the shipped worksheets ---------------------------------------------

export async function shippedDefinitionFiles(): Promise<string[]> {
  const names = await readdir(questionsDir);
  return names.filter((n) => n.endsWith('.yaml')).sort().map((n) => path.join(questionsDir, n));
}

let shippedCache: Promise<Worksheet[]> | undefined;

/** All shipped worksheets, in workbook order. */
export function loadShippedWorksheets(): Promise<Worksheet[]> {
  shippedCache ??= (async () => {
    const files = await shippedDefinitionFiles();
    const cached = readCache(files);
    if (cached) return cached;
    const { loadDefinitionFile } = await import('./check.js');
    const sheets = await Promise.all(files.map((f) => loadDefinitionFile(f, path.relative(process.cwd(), f) || f)));
    return sheets.sort((a, b) => a.number - b.number);
  })();
  return shippedCache;
}

function readCache(files: string[]): Worksheet[] | undefined {
  try {
    return currentWorksheets(JSON.parse(readFileSync(cacheFile, 'utf8')) as DefinitionCache, files);
  } catch {
    return undefined;
  }
}

/**
 * The build's validated worksheets, if they were made from exactly these
 * files as they are now: the same size and mtime, or else (a copied or
 * unpacked install, where every file has a new mtime) the same text. So a
 * copy of werkboek does not validate its definitions at every start.
 */
export function currentWorksheets(cache: DefinitionCache, files: string[]): Worksheet[] | undefined {
  if (Object.keys(cache.sources).length !== files.length) return undefined;
  for (const file of files) {
    const recorded = cache.sources[path.basename(file)];
    const now = statSync(file);
    if (!recorded || recorded.size !== now.size) return undefined;
    if (recorded.mtimeMs !== now.mtimeMs && recorded.fingerprint !== fingerprint(readFileSync(file, 'utf8'))) return undefined;
  }
  cache.worksheets.forEach((ws, i) => {
    const print = cache.fingerprints?.[i];
    if (typeof print === 'string') rememberFingerprint(ws, print);
  });
  return cache.worksheets;
}

/** The cache content for the given files (used by the build script). */
export async function buildDefinitionCache(): Promise<DefinitionCache> {
  const files = await shippedDefinitionFiles();
  const { loadDefinitionFile } = await import('./check.js');
  const worksheets = await Promise.all(files.map((f) => loadDefinitionFile(f, path.relative(process.cwd(), f) || f)));
  const sources: DefinitionCache['sources'] = {};
  for (const file of files) {
    const { size, mtimeMs } = statSync(file);
    sources[path.basename(file)] = { size, mtimeMs, fingerprint: fingerprint(readFileSync(file, 'utf8')) };
  }
  // Reckoned over the worksheets as a command reads them back from the JSON.
  const sorted = (JSON.parse(JSON.stringify(worksheets)) as Worksheet[]).sort((a, b) => a.number - b.number);
  return { sources, worksheets: sorted, fingerprints: sorted.map((ws) => definitionFingerprint(ws)) };
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
