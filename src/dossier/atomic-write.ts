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
import { constants, linkSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

const MARKER = '.werkboek-tmp-';

let crypto: Promise<typeof import('node:crypto')> | undefined;

/**
 * node:crypto, loaded when first needed: loading it costs Node 20 about 7 ms,
 * too much to spend before `start` shows its first question. `start` calls
 * this while the first question waits, so the first save does not wait.
 */
export function loadCrypto(): Promise<typeof import('node:crypto')> {
  return (crypto ??= import('node:crypto'));
}

/**
 * Load what a save needs and loads only when first used, so that the first
 * save does not wait for it: node:crypto (above), and fs/promises, whose
 * FileHandle `open` returns (the bundle loads fs/promises only for `open`,
 * see scripts/build.mjs). `start` calls this while the first question waits.
 */
export function prepareSave(): void {
  void loadCrypto().catch(() => {});
  void import('node:fs/promises').catch(() => {});
}

/** The temp file for `file`: hidden, with the marker and 32 random hex digits. */
async function tempName(file: string): Promise<string> {
  const { randomBytes } = await loadCrypto();
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
  const temp = await tempName(file);
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

/**
 * Create `file` with `content`, atomically and only if nothing is there yet:
 * the content goes into a temp file (as atomicWrite), which is then hard-linked
 * to `file` — a link, unlike a rename, never replaces what is there, so of two
 * processes creating the same name exactly one succeeds. False when something
 * is there already. Where the file system has no hard links (FAT, some network
 * shares), the file is created with O_EXCL and written in place. `link`
 * is injectable for tests of that branch.
 */
export async function atomicCreate(file: string, content: string | Uint8Array, link: (from: string, to: string) => void = linkSync): Promise<boolean> {
  const temp = await tempName(file);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const handle = await open(temp, flags, 0o666);
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    try {
      link(temp, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
      return await createInPlace(file, content);
    }
  } finally {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
  }
  await syncFolder(path.dirname(file));
  return true;
}

/** O_EXCL without a link: exclusive, though not atomic in content. */
async function createInPlace(file: string, content: string | Uint8Array): Promise<boolean> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const handle = await open(file, flags, 0o666).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw err;
  });
  if (!handle) return false;
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Make the rename itself durable (not possible on Windows, where it is not needed). */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close().catch(() => {});
}
