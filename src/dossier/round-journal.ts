// Closing a round moves many files, one rename at a time: a process killed
// in the middle (SIGKILL, a power cut, a closed laptop lid) would leave the
// round split between the dossier and `ronde-<naam>/`. So before the first
// move `nieuwe-ronde` writes a journal in the dossier, `.werkboek-ronde.json`
// (atomically: which round, which files, which process), and removes it after
// the last. The next werkboek command in that dossier that finds a journal
// whose process is gone completes the round before doing anything else
// (every file named there that is still in the dossier moves too) and says
// so in one line. Completing, not rolling back: the user asked to close the
// round, and every file stays unchanged either way.
import os from 'node:os';
import path from 'node:path';
import { lstatSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { makeDir } from '../support/make-dir.js';
import { atomicWrite } from './atomic-write.js';
import { lockAnswersFile } from './lock.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import { readTextLimitedSync } from '../support/read-limited.js';
import { isRunning } from '../support/process.js';

export const JOURNAL_NAME = '.werkboek-ronde.json';

export interface Journal {
  /** The round folder's name, e.g. "ronde-2026". */
  folder: string;
  /** The files to move (names in the dossier). */
  files: string[];
  pid: number;
  host: string;
}

/** A round folder's name and file names as they must be: one plain name each, no path. */
const plainName = (name: unknown): name is string =>
  typeof name === 'string' && name !== '' && name === path.basename(name) && name !== '.' && name !== '..' && !name.includes('\\');

export async function writeJournal(dir: string, folder: string, files: string[]): Promise<void> {
  const journal: Journal = { folder, files, pid: process.pid, host: os.hostname() };
  await atomicWrite(path.join(dir, JOURNAL_NAME), JSON.stringify(journal, null, 2) + '\n');
}

export async function removeJournal(dir: string): Promise<void> {
  await unlink(path.join(dir, JOURNAL_NAME)).catch(() => {});
}

function readJournal(dir: string): Journal | 'unreadable' | undefined {
  let text: string;
  try {
    text = readTextLimitedSync(path.join(dir, JOURNAL_NAME), { limit: 1_000_000 });
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR' ? undefined : 'unreadable';
  }
  try {
    const data = JSON.parse(text) as Partial<Journal>;
    if (!plainName(data.folder) || !Array.isArray(data.files) || !data.files.every(plainName) || typeof data.pid !== 'number' || typeof data.host !== 'string')
      return 'unreadable';
    return data as Journal;
  } catch {
    return 'unreadable';
  }
}

const exists = (file: string): boolean => lstatSync(file, { throwIfNoEntry: false }) !== undefined;

/**
 * Complete a round that a `nieuwe-ronde` left half-moved. Returns the line to
 * show (undefined when there was nothing to do). A journal of a process that
 * still runs on this computer is left alone (it is closing the round now).
 * Each remaining file is locked before it moves (which also clears the lock
 * the killed process left), so a file being filled in stops it.
 */
export async function completeInterruptedRound(dir: string): Promise<string | undefined> {
  const journal = readJournal(dir);
  if (journal === undefined) return undefined;
  if (journal === 'unreadable') {
    throw new WerkboekError(
      `In ${dir} staat een onleesbaar logboek van een onderbroken nieuwe ronde (${JOURNAL_NAME}).`,
      ExitCode.badFile,
      `Kijk welke bestanden nog in ${dir} staan en welke in de map ronde-…, zet ze met de hand goed en verwijder daarna ${JOURNAL_NAME}.`,
    );
  }
  if (journal.host === os.hostname() && journal.pid !== process.pid && isRunning(journal.pid)) return undefined;
  const roundDir = path.join(dir, journal.folder);
  let moved = 0;
  try {
    makeDir(roundDir);
    for (const name of journal.files) {
      const from = path.join(dir, name);
      const release = await lockAnswersFile(from);
      try {
        if (exists(from) && !exists(path.join(roundDir, name))) {
          await rename(from, path.join(roundDir, name));
          moved++;
        }
      } finally {
        await release();
      }
    }
  } catch (err) {
    if (err instanceof WerkboekError && err.exitCode === ExitCode.locked) {
      throw new WerkboekError(
        `Een onderbroken nieuwe ronde in ${dir} kan nog niet worden afgemaakt: ${err.message}`,
        ExitCode.locked,
        `Rond dat werkblad eerst af of stop het met Ctrl+C; de volgende opdracht maakt de ronde dan af (naar ${journal.folder}).`,
      );
    }
    if (err instanceof WerkboekError) throw err;
    throw new WerkboekError(
      `Kan de onderbroken nieuwe ronde in ${dir} niet afmaken: ${describeFsError(err)}.`,
      ExitCode.writeFailed,
      `De bestanden zijn niet gewijzigd. Het logboek (${JOURNAL_NAME}) blijft staan; de volgende opdracht probeert het opnieuw.`,
    );
  }
  await removeJournal(dir);
  const count = journal.files.length;
  return `Een onderbroken nieuwe ronde is afgemaakt: ${count === 1 ? 'het bestand staat' : `alle ${count} bestanden staan`} nu in ${journal.folder}${path.sep}${moved < count ? ` (${moved} ${moved === 1 ? 'moest' : 'moesten'} nog verplaatst worden)` : ''}.`;
}
