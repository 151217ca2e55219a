// One werkboek process per answers file: a lock file next to it
// (`<bestand>.lock`), made with an exclusive create (it fails when the file
// exists, on every system), holding the owner's process id and host name.
//
// A lock stays valid as long as its process lives, whatever that process is
// waiting for (an external editor, a suspended laptop): on the same computer
// a lock is taken over only when its process is gone. A lock from another
// computer (a shared network folder) cannot be asked that: its owner touches
// it every second, so one untouched for STALE_MS belongs to a process that
// died. So does an empty one that old (its process stopped between making
// and writing it).
//
// Versions before 0.2 made a folder of that name with
// `<bestand>.lock-eigenaar.json` beside it; such a lock is judged the same way.
//
// The lock is taken on the real path, so two symlinked folders that lead to
// the same file share one lock.
import type { Stats } from 'node:fs';
import { type FileHandle, open, readdir, realpath, rmdir, stat, unlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import { makeDir } from '../support/make-dir.js';
import { readHeadSync } from '../support/read-limited.js';
import { isRunning } from '../support/process.js';

/** A lock not touched for this long, whose process cannot be asked, belongs to a process that died. */
export const STALE_MS = 5000;
const TOUCH_MS = 1000;

interface Owner {
  pid: number;
  host: string;
}

type Found = { kind: 'owner'; owner: Owner; ageMs: number } | { kind: 'unknown'; ageMs: number } | { kind: 'foreign' } | { kind: 'none' };

export async function lockAnswersFile(file: string): Promise<() => Promise<void>> {
  let target = file;
  try {
    makeDir(path.dirname(file));
    target = path.join(await realpath(path.dirname(file)), path.basename(file));
    target = await realpath(target).catch(() => target);
  } catch (err) {
    throw folderError(file, err);
  }
  const lockFile = `${target}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await create(lockFile, file)) return holding(lockFile);
    const found = await inspect(lockFile);
    if (found.kind === 'foreign') throw inTheWay(lockFile);
    if (found.kind !== 'none' && !abandoned(found)) break;
    await removeAbandoned(lockFile);
  }
  throw new WerkboekError(
    `Dit werkblad wordt al ingevuld in een ander venster (${path.basename(file)}).`,
    ExitCode.locked,
    `Rond het daar af of stop het met Ctrl+C. Is dat venster onverwacht gesloten? Probeer het dan over ${STALE_MS / 1000} seconden opnieuw.`,
  );
}

/** Make the lock file with its owner; false when there is one already. */
async function create(lockFile: string, file: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(lockFile, 'wx');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'EISDIR') return false;
    throw folderError(file, err);
  }
  try {
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies Owner));
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(lockFile).catch(() => {});
    throw folderError(file, err);
  }
  await handle.close();
  return true;
}

/** The held lock: touched every second (for other computers), and a release that removes it. */
function holding(lockFile: string): () => Promise<void> {
  const timer = setInterval(() => {
    const now = new Date();
    utimes(lockFile, now, now).catch(() => {});
  }, TOUCH_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await unlink(lockFile).catch(() => {});
  };
}

async function inspect(lockFile: string): Promise<Found> {
  let info: Stats;
  try {
    info = await stat(lockFile);
  } catch {
    return { kind: 'none' };
  }
  const ageMs = Date.now() - info.mtimeMs;
  if (info.isDirectory()) {
    // An earlier version's lock: an empty folder, its owner beside it.
    if ((await readdir(lockFile).catch(() => ['?'])).length > 0) return { kind: 'foreign' };
    const owner = parseOwner(readOwnerText(`${lockFile}-eigenaar.json`));
    return owner ? { kind: 'owner', owner, ageMs } : { kind: 'unknown', ageMs };
  }
  if (!info.isFile()) return { kind: 'foreign' };
  const text = info.size <= 4096 ? readOwnerText(lockFile) : '?';
  const owner = parseOwner(text);
  if (owner) return { kind: 'owner', owner, ageMs };
  return text === '' ? { kind: 'unknown', ageMs } : { kind: 'foreign' };
}

/** A lock's owner as text: never blocking on something that is not a file, at most a few KB; '' when it cannot be read. */
function readOwnerText(file: string): string {
  try {
    return readHeadSync(file);
  } catch {
    return '';
  }
}

function parseOwner(text: string): Owner | undefined {
  try {
    const data = JSON.parse(text) as Partial<Owner> | null;
    return typeof data?.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host } : undefined;
  } catch {
    return undefined;
  }
}

function abandoned(found: Exclude<Found, { kind: 'foreign' } | { kind: 'none' }>): boolean {
  if (found.kind === 'owner' && found.owner.host === os.hostname()) return !isRunning(found.owner.pid);
  return found.ageMs > STALE_MS;
}

async function removeAbandoned(lockFile: string): Promise<void> {
  await unlink(lockFile).catch(() => rmdir(lockFile).catch(() => {}));
  await unlink(`${lockFile}-eigenaar.json`).catch(() => {});
}

function inTheWay(lockFile: string): WerkboekError {
  return new WerkboekError(
    `Er staat iets in de weg: ${lockFile} is geen vergrendeling van werkboek.`,
    ExitCode.locked,
    `werkboek gebruikt die naam om te voorkomen dat twee vensters tegelijk hetzelfde werkblad invullen. Verplaats of hernoem ${path.basename(lockFile)} en probeer het opnieuw.`,
  );
}

function folderError(file: string, err: unknown): WerkboekError {
  return new WerkboekError(
    `Kan de map ${path.dirname(file)} niet gebruiken: ${describeFsError(err)}.`,
    ExitCode.writeFailed,
    'Kies een andere map met --map <map>.',
  );
}
