// File utilities of a dossier: writing a file atomically (WriteError when it
// fails), the stamps in rescue and backup file names, backups, recognising an
// answers file, and temp files a killed save left behind.
import { constants as fsConstants } from 'node:fs';
import { copyFile, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import { makeDir } from '../support/make-dir.js';
import { readHeadSync } from '../support/read-limited.js';
import { atomicWrite, isOwnTempFile } from './atomic-write.js';

/** Thrown when writing fails; the answers are still in memory. */
export class WriteError extends WerkboekError {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
    message = `Kan niet opslaan in ${file}: ${describeFsError(cause)}.`,
  ) {
    super(message, ExitCode.writeFailed);
    this.name = 'WriteError';
  }
}

/**
 * Write a file so that it is either the old or the new content, never half:
 * a temp file in the same folder, fsync, rename (see atomic-write.ts).
 * Failures become a WriteError.
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array, opts: { createFolder: boolean }): Promise<void> {
  try {
    await atomicWrite(file, content).catch(async (err: unknown) => {
      // The folder is made only when it is missing (not on every save).
      const code = (err as NodeJS.ErrnoException).code;
      if (!opts.createFolder || (code !== 'ENOENT' && code !== 'ENOTDIR')) throw err;
      makeDir(path.dirname(file));
      await atomicWrite(file, content);
    });
  } catch (err) {
    throw new WriteError(file, err);
  }
}

/** A unique moment in a rescue file's name: "2026-11-27T10-11-12-131Z" (written at once, never overwriting another). */
export function preciseStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A moment in a backup's name, in local time as people read it: "2026-11-27_11-11-12" (no ":" or ".", which some systems refuse). */
function fileStamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}_${two(date.getHours())}-${two(date.getMinutes())}-${two(date.getSeconds())}`;
}

/** Keep a copy of an answers file before starting over: `<naam>.yaml` -> `<naam>.<stempel>.bak.yaml`. */
export async function backupFile(file: string, now = new Date()): Promise<string> {
  const base = file.replace(/\.yaml$/, '') + `.${fileStamp(now)}`;
  // Two backups in the same second: the second gets "-2" (a stamp without milliseconds is not unique).
  for (let n = 1; ; n++) {
    const target = `${base}${n === 1 ? '' : `-${n}`}.bak.yaml`;
    try {
      await copyFile(file, target, fsConstants.COPYFILE_EXCL);
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new WriteError(target, err);
    }
  }
}

/** Whether an existing file is an answers file of werkboek (of any dossier): it starts with the metadata keys. */
export async function looksLikeAnswersFile(file: string): Promise<boolean> {
  // Never blocking, and only a regular file (a FIFO or a device is no answers file).
  const head = readHeadSync(file);
  return /^werkblad:[ \t]*\S/m.test(head) && /^(versie|antwoorden|status):/m.test(head);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Remove temp files that an atomic save left behind when its process was
 * killed mid-write (`.<naam>.yaml.werkboek-tmp-<random>`, see atomic-write.ts). Only
 * call this while holding the lock, so no save of ours is in progress.
 */
export async function removeStaleTempFiles(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  // Only what this program can prove is its own (a marker and 128 random bits, see
  // atomic-write.ts): never a user's "gemeentelandschap.yaml.20261127". Called with the
  // lock held, so no other werkboek is writing this file now.
  const stale = names.filter((n) => isOwnTempFile(file, n));
  await Promise.all(stale.map((n) => unlink(path.join(dir, n)).catch(() => {})));
  return stale;
}
