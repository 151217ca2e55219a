// Reading a file that may come from someone else, safely: every read of a
// user's file goes through here (answers files, definitions, imports, own
// worksheets and templates, the overview).
//
// The file is opened without blocking (a FIFO named like an answers file
// would otherwise wait for a writer forever), checked with fstat on the open
// descriptor (so what is checked is what is read: no race with a rename),
// refused unless it is a regular file within the limit, and then read up to
// the limit and no further: a file that grows meanwhile, or one that reports
// size 0 but has content (/proc), still costs at most the limit in memory.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ExitCode, WerkboekError } from './errors.js';

/**
 * The largest file werkboek reads or writes by default. All three worksheets
 * filled in with long answers are well under 1 MB; a file of this size is not
 * one of ours, and parsing it would take minutes.
 */
export const MAX_READ_BYTES = 16_000_000;

/**
 * The longest answer werkboek takes (characters): an answer is typed or
 * pasted, and a worksheet with many answers this long still fits the file
 * limit above. Checked where the answer is typed (the terminal and the plain
 * prompter), so the text stays there to be shortened.
 */
export const MAX_ANSWER_CHARS = 1_000_000;

/** The message for an answer over the limit (Dutch, for the prompt). */
export function answerTooLong(length: number, limit = MAX_ANSWER_CHARS): string | undefined {
  if (length <= limit) return undefined;
  return `Dit antwoord is te lang: ${thousands(length)} tekens, hoogstens ${thousands(limit)}. Maak het korter (je tekst staat er nog).`;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export type RefusedReason = 'folder' | 'not-regular' | 'too-large';

/** A file werkboek will not read: not a regular file, or too big. Nothing was changed. */
export class FileRefusedError extends WerkboekError {
  constructor(
    readonly file: string,
    readonly reason: RefusedReason,
    message: string,
    hint?: string,
  ) {
    super(message, ExitCode.badFile, hint);
    this.name = 'FileRefusedError';
  }
}

export interface ReadOptions {
  /** The most bytes to read (default MAX_READ_BYTES). */
  limit?: number;
  /** How the file is named in messages (default: its path). */
  displayName?: string;
  /** For tests of the Windows branch (no O_NONBLOCK there). */
  platform?: NodeJS.Platform;
}

/** Megabytes the Dutch way: "16,0 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} MB`;
}

/** The flags to open a file for reading without ever waiting (no O_NONBLOCK on Windows, where no FIFO is in the file system). */
export function readFlags(platform: NodeJS.Platform = process.platform): number {
  if (platform === 'win32') return constants.O_RDONLY;
  return constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'een map';
  if (stats.isFIFO()) return 'een pipe (FIFO)';
  if (stats.isSocket()) return 'een socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'een apparaat';
  return 'geen gewoon bestand';
}

export function tooLarge(file: string, displayName: string, size: number | undefined, limit: number): FileRefusedError {
  const how = size === undefined ? `meer dan ${megabytes(limit)}` : megabytes(size);
  return new FileRefusedError(
    file,
    'too-large',
    `${displayName} is te groot (${how}; hoogstens ${megabytes(limit)}). werkboek leest het niet.`,
    'Is dit wel een bestand van werkboek? Het bestand is niet gewijzigd.',
  );
}

/**
 * The bytes of `file`, at most `limit` of them. Throws the file-system error
 * as it is when the file cannot be opened (ENOENT, EACCES, …: callers say
 * what that means for them), and a FileRefusedError (exit 3) for a folder,
 * a FIFO, a device or a socket, and for a file over the limit.
 */
export function readLimitedSync(file: string, options: ReadOptions = {}): Buffer {
  const limit = options.limit ?? MAX_READ_BYTES;
  const displayName = options.displayName ?? file;
  const fd = openSync(file, readFlags(options.platform));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new FileRefusedError(
        file,
        stats.isDirectory() ? 'folder' : 'not-regular',
        `${displayName} is ${kindOf(stats)}, geen gewoon bestand; werkboek leest het niet.`,
      );
    }
    if (stats.size > limit) throw tooLarge(file, displayName, stats.size, limit);
    return readUpTo(fd, limit, stats.size, () => tooLarge(file, displayName, undefined, limit));
  } finally {
    closeSync(fd);
  }
}

/** Read from `fd` until its end, but never more than `limit` bytes: one byte more is `overflow()`. */
function readUpTo(fd: number, limit: number, expected: number, overflow: () => Error): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // The size fstat gave (plus one byte, to see the end), in chunks of at most 1 MB for a file that reports none.
  let chunk = Math.min(Math.max(expected + 1, 64 * 1024), limit + 1, 1 << 20);
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(chunk, limit + 1 - total));
    let read: number;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (err) {
      // A non-blocking descriptor with nothing to give (cannot happen for a regular file, but never wait).
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw err;
    }
    if (read === 0) break;
    chunks.push(read === buffer.length ? buffer : buffer.subarray(0, read));
    total += read;
    if (total > limit) throw overflow();
    chunk = 1 << 20;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** As readLimitedSync, as text (UTF-8). */
export function readTextLimitedSync(file: string, options: ReadOptions = {}): string {
  return readLimitedSync(file, options).toString('utf8');
}

/**
 * The first `bytes` bytes of `file` as text, or '' when it cannot be read or
 * is not a regular file (for peeking at what a file is, e.g. its worksheet).
 */
export function readHeadSync(file: string, bytes = 4096, platform?: NodeJS.Platform): string {
  let fd: number;
  try {
    fd = openSync(file, readFlags(platform));
  } catch {
    return '';
  }
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}
