// One werkboek process per answers file: a lock folder next to it
// (`<bestand>.lock`, made atomically by proper-lockfile) and beside that
// `<bestand>.lock-eigenaar.json` with the process id and host name. (Not
// inside the folder: a file written there changes the folder's mtime, which
// proper-lockfile takes for a compromised lock, and then it cannot release it.)
//
// A lock stays valid as long as its process lives, whatever that process is
// waiting for (an external editor, a suspended laptop): on the same computer
// a lock is taken over only when its process is gone. A lock from another
// computer (a shared network folder) or without an owner file is judged by
// its age: proper-lockfile refreshes it every second while its process runs,
// so one older than STALE_MS belongs to a process that died.
//
// The lock is taken on the real path, so two symlinked folders that lead to
// the same file share one lock.
import { readFile, realpath, rm, stat, mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';

/** A lock of another computer not refreshed for this long belongs to a process that died. */
export const STALE_MS = 5000;

const ownerFile = (lockDir: string) => `${lockDir}-eigenaar.json`;

interface Owner {
  pid: number;
  host: string;
}

let lockfile: Promise<typeof import('proper-lockfile')> | undefined;
// CommonJS packages are imported through their default export (module.exports): the same in Node and in the bundle.
const loadLockfile = () => (lockfile ??= import('proper-lockfile').then((m) => m.default));

/** Load the lock code now, while the caller waits for something else (start: finding the dossier). */
export function prepareLock(): void {
  loadLockfile().catch(() => {
    lockfile = undefined; // tried again, and reported, when a lock is taken
  });
}

export async function lockAnswersFile(file: string): Promise<() => Promise<void>> {
  const { lock } = await loadLockfile();
  let target = file;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    target = path.join(await realpath(path.dirname(file)), path.basename(file));
    target = await realpath(target).catch(() => target);
  } catch (err) {
    throw folderError(file, err);
  }
  const lockDir = `${target}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await lock(target, {
        realpath: false,
        lockfilePath: lockDir,
        // Never stale by age inside proper-lockfile: whether a lock is abandoned is decided below.
        stale: 2 ** 31 - 1,
        update: 1000,
        retries: 0,
        // If the lock is taken from us (e.g. the folder vanished), keep going: the answers are saved atomically anyway.
        onCompromised: () => {},
      });
      await writeFile(ownerFile(lockDir), JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies Owner));
      return async () => {
        try {
          await release();
        } catch {
          // already released or removed: nothing to do
        }
        await unlink(ownerFile(lockDir)).catch(() => {});
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw folderError(file, err);
      if (attempt === 0 && (await abandoned(lockDir))) {
        await rm(lockDir, { recursive: true, force: true });
        await unlink(ownerFile(lockDir)).catch(() => {});
        continue;
      }
      throw await lockedError(file, lockDir);
    }
  }
}

/** Whether the lock at lockDir was left by a process that no longer runs. */
async function abandoned(lockDir: string): Promise<boolean> {
  let info;
  try {
    info = await stat(lockDir);
  } catch {
    return true;
  }
  if (!info.isDirectory()) return false; // not ours: see lockedError
  if ((await readdir(lockDir).catch(() => [] as string[])).length > 0) return false; // not ours: see lockedError
  const owner = await readOwner(lockDir);
  if (owner && owner.host === os.hostname()) return !isRunning(owner.pid);
  return Date.now() - info.mtimeMs > STALE_MS;
}

async function readOwner(lockDir: string): Promise<Owner | undefined> {
  try {
    const data = JSON.parse(await readFile(ownerFile(lockDir), 'utf8')) as Partial<Owner>;
    return typeof data.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host } : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockedError(file: string, lockDir: string): Promise<WerkboekError> {
  const info = await stat(lockDir).catch(() => undefined);
  const entries = info?.isDirectory() ? await readdir(lockDir).catch(() => [] as string[]) : [];
  if (info && (!info.isDirectory() || entries.length > 0)) {
    return new WerkboekError(
      `Er staat iets in de weg: ${lockDir} is geen vergrendeling van werkboek.`,
      ExitCode.locked,
      `werkboek gebruikt die naam om te voorkomen dat twee vensters tegelijk hetzelfde werkblad invullen. Verplaats of hernoem ${path.basename(lockDir)} en probeer het opnieuw.`,
    );
  }
  return new WerkboekError(
    `Dit werkblad wordt al ingevuld in een ander venster (${path.basename(file)}).`,
    ExitCode.locked,
    `Rond het daar af of stop het met Ctrl+C. Is dat venster onverwacht gesloten? Probeer het dan over ${STALE_MS / 1000} seconden opnieuw.`,
  );
}

function folderError(file: string, err: unknown): WerkboekError {
  return new WerkboekError(`Kan de map ${path.dirname(file)} niet gebruiken: ${describeFsError(err)}.`, ExitCode.writeFailed, 'Kies een andere map met --map <map>.');
}
