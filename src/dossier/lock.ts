// One werkboek process per answers file: a lock next to it
// (`<bestand>.lock`), refreshed while the process runs; a lock left by a
// killed process goes stale and is taken over.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';

/** A lock not refreshed for this long belongs to a process that died. */
export const STALE_MS = 5000;

export async function lockAnswersFile(file: string): Promise<() => Promise<void>> {
  const { lock } = await import('proper-lockfile');
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const release = await lock(file, {
      realpath: false,
      stale: STALE_MS,
      update: 1000,
      retries: 0,
      // If the lock is taken from us (e.g. the folder vanished), keep going: the answers are saved atomically anyway.
      onCompromised: () => {},
    });
    return async () => {
      try {
        await release();
      } catch {
        // already released or removed: nothing to do
      }
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new WerkboekError(
        `Dit werkblad wordt al ingevuld in een ander venster (${path.basename(file)}).`,
        ExitCode.locked,
        `Rond het daar af of stop het met Ctrl+C. Is dat venster onverwacht gesloten? Probeer het dan over ${STALE_MS / 1000} seconden opnieuw.`,
      );
    }
    throw new WerkboekError(`Kan de map ${path.dirname(file)} niet gebruiken: ${describeFsError(err)}.`, ExitCode.writeFailed, 'Kies een andere map met --map <map>.');
  }
}
