// Shared test helpers: temporary folders, the repository's paths, and
// `regel:kolom` of a piece of text (to assert positions against the text
// a test built itself, instead of hard-coded numbers).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const questionsDir = path.join(repoRoot, 'questions');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const shippedIds = ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak'] as const;
export type ShippedId = (typeof shippedIds)[number];

export function makeTempDir(prefix = 'werkboek-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh temporary folder per test, removed afterwards:
 *   const tmp = useTempDir();  …  path.join(tmp(), 'x.yaml')
 */
export function useTempDir(prefix = 'werkboek-test-'): () => string {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await makeTempDir(prefix);
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error('useTempDir(): only available inside a test');
    return dir;
  };
}

/** The text of a shipped definition (questions/<id>.yaml). */
export function shippedSource(id: ShippedId): Promise<string> {
  return readFile(path.join(questionsDir, `${id}.yaml`), 'utf8');
}

/** Replace exactly one occurrence of `from` (fails loudly when it is missing or ambiguous). */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0) throw new Error(`replaceOnce: ${JSON.stringify(from)} not found`);
  if (text.indexOf(from, first + 1) >= 0) throw new Error(`replaceOnce: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** 1-based line and column of the first occurrence of `needle` (optionally at or after `after`). */
export function lineColOf(text: string, needle: string, after = 0): { line: number; col: number } {
  const offset = text.indexOf(needle, after);
  if (offset < 0) throw new Error(`lineColOf: ${JSON.stringify(needle)} not found`);
  return lineColAt(text, offset);
}

export function lineColAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, col };
}
