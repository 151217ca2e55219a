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
//
// On Windows the rename fails for a moment while another program has the
// file open (an antivirus scanner, a viewer, OneDrive): `renameRetrying`
// tries again for a few seconds before it counts as a write error.
import { constants, linkSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

const MARKER = '.werkboek-tmp-';

/**
 * Node's crypto module (for the temp names), loaded at the first write or by
 * prepareWrites, not at start-up: commands that only read (status, lijst, the
 * reports) never need it, and loading it is a tenth of `status`
 * (docs/performance.md).
 */
let crypto: Promise<typeof import('node:crypto')> | undefined;

/** Load what a write needs, ahead of the first one (`start` does while the first question waits). */
export function prepareWrites(): Promise<unknown> {
  crypto ??= import('node:crypto');
  return crypto;
}

/** The temp file for `file`: hidden, with the marker and 32 random hex digits. */
async function tempName(file: string): Promise<string> {
  crypto ??= import('node:crypto');
  const { randomBytes } = await crypto;
  return path.join(path.dirname(file), `.${path.basename(file)}${MARKER}${randomBytes(16).toString('hex')}`);
}

/** Whether `name` (a file name in the folder of `file`) is a temp file of ours for `file`. */
export function isOwnTempFile(file: string, name: string): boolean {
  const prefix = `.${path.basename(file)}${MARKER}`;
  return name.startsWith(prefix) && /^[0-9a-f]{32}$/.test(name.slice(prefix.length));
}

/** What the rename of a save depends on; tests inject it (a Windows rename on Linux, a clock that does not wait). */
export interface RenameOptions {
  platform?: NodeJS.Platform;
  /** Wait this long (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** The time in milliseconds (default: Date.now). */
  now?: () => number;
  rename?: (from: string, to: string) => Promise<void>;
}

/**
 * The errors of a rename over a file that another program has open on
 * Windows (an antivirus scanner, a viewer, a sync client such as OneDrive):
 * they pass once it lets go.
 */
const BUSY_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** How long a busy file is waited for before the save counts as failed. */
const BUSY_RETRY_MS = 5_000;
const FIRST_DELAY_MS = 10;
const MAX_DELAY_MS = 500;

/**
 * Rename `from` over `to`. On Windows a target held open by another program
 * fails with EPERM, EBUSY or EACCES for a moment: tried again with a short,
 * growing pause (10 ms doubling to 500 ms) for up to 5 s, then the last error
 * is thrown. Elsewhere those errors mean what they say and are thrown at once.
 */
export async function renameRetrying(from: string, to: string, options: RenameOptions = {}): Promise<void> {
  const platform = options.platform ?? process.platform;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const move = options.rename ?? rename;
  const started = now();
  let delay = FIRST_DELAY_MS;
  for (;;) {
    try {
      await move(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
      if (platform !== 'win32' || !BUSY_ON_WINDOWS.has(code) || now() - started + delay > BUSY_RETRY_MS) throw err;
      await sleep(delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}

/**
 * Write `content` to `file` atomically. Keeps the permissions of an
 * existing file. Throws the file-system error as it is (callers translate).
 */
export async function atomicWrite(file: string, content: string | Uint8Array, options: RenameOptions = {}): Promise<void> {
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
    await renameRetrying(temp, file, options);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => {});
      await unlink(temp).catch(() => {});
    }
  }
  await syncFolder(path.dirname(file), options.platform ?? process.platform);
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
  await syncFolder(path.dirname(file), process.platform);
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
async function syncFolder(dir: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close().catch(() => {});
}
