// Writing a file so that it is either the old or the new content, never
// half: a temp file in the same folder, fsync, rename, fsync of the folder.
//
// This replaces write-file-atomic, which names its temp files predictably
// (`<file>.<hash of pid and a counter>`) and opens them following symlinks
// without O_EXCL: in a shared folder another user could plant a link under
// the next temp name and have werkboek write the answers into a file of
// their choice. Here the temp file is created exclusively (O_CREAT|O_EXCL,
// and O_NOFOLLOW where the platform has it) under a name with 128 random
// bits and a fixed marker, so that `start` can also recognise — and only
// remove — temp files that werkboek itself left behind after a crash.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

const MARKER = '.werkboek-tmp-';

/** The temp file for `file`: hidden, with the marker and 32 random hex digits. */
function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}${MARKER}${randomBytes(16).toString('hex')}`);
}

/** Whether `name` (a file name in the folder of `file`) is a temp file of ours for `file`. */
export function isOwnTempFile(file: string, name: string): boolean {
  const prefix = `.${path.basename(file)}${MARKER}`;
  return name.startsWith(prefix) && /^[0-9a-f]{32}$/.test(name.slice(prefix.length));
}

/**
 * Write `content` to `file` atomically. Keeps the permissions of an
 * existing file. Throws the file-system error as it is (callers translate).
 */
export async function atomicWrite(file: string, content: string | Uint8Array): Promise<void> {
  let mode = 0o666; // minus the umask, as for any new file
  try {
    mode = (await stat(file)).mode & 0o7777;
  } catch {
    // a new file
  }
  const temp = tempName(file);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const handle = await open(temp, flags, mode);
  let renamed = false;
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => {});
      await unlink(temp).catch(() => {});
    }
  }
  await syncFolder(path.dirname(file));
}

/** Make the rename itself durable (not possible on Windows, where it is not needed). */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close().catch(() => {});
}
