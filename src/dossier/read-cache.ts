// What an answers file said when it was last read: its answers, drafts and
// metadata as JSON, so that `status`, `lijst`, `rapport` and a resumed
// `start` need not load the yaml library and parse the file again (for the
// three worksheets that was about half of what `status` cost).
//
// An entry is valid only for the exact bytes it was made from: it holds the
// file's content, the program version and a fingerprint of the worksheet
// definition (definition/fingerprint.ts: two definitions share one by chance about
// once in 2^64), and anything else (another byte, another version, another
// definition) is a miss, after which the file is parsed and checked as always. So the cache
// can never give answers the file does not hold, and it never decides
// whether a file is valid: only files that passed the full check are
// remembered. `controleer` does not use it.
//
// One entry per answers file, named after its full path, overwritten when the
// file changed, in the per-user cache folder (XDG_CACHE_HOME,
// ~/.cache/werkboek/gelezen on Linux; only the user can read it, like the
// answers themselves). Reading and writing it is best effort: a cache that
// cannot be read or written is simply not used.
//
// No SHA-256: comparing the content itself is exact, and loading node:crypto
// cost Node 20 about 7 ms, a fifth of `status`.
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Worksheet } from '../definition/schema.js';
import type { Answers, Drafts } from './answers.js';
import { definitionFingerprint } from '../definition/fingerprint.js';
import { fingerprint } from '../support/checksum.js';
import { programVersion } from '../support/version.js';
import { userFolder } from '../support/user-folders.js';

export interface ParsedAnswers {
  meta: {
    worksheet: string;
    version: number;
    status: 'concept' | 'afgerond';
    created: string;
    updated: string;
    program: string;
    respondent?: string;
  };
  answers: Answers;
  drafts: Drafts;
}

/** What an entry was made from: it is valid only while all of it is the same. */
interface Source {
  file: string;
  program: string;
  /** A fingerprint of the worksheet definition as JSON. */
  definition: string;
  /** The file's bytes, base64 (exact, whatever the encoding). */
  content: string;
}

type Entry = Source & ParsedAnswers;

const sameSource = (entry: Partial<Source>, source: Source): boolean =>
  entry.content === source.content && entry.file === source.file && entry.program === source.program && entry.definition === source.definition;

/** Names longer than this are a fingerprint instead (file systems allow 255 bytes). */
const LONGEST_NAME = 200;

/**
 * The entry's file: the answers file's full path as one file name, or its
 * fingerprint when that would be too long (two paths sharing one only share
 * a file: the entry holds the path, so the other is a miss).
 */
function entryFile(file: string): string {
  let name = encodeURIComponent(file).replaceAll('.', '%2E').replaceAll('*', '%2A');
  if (name.length > LONGEST_NAME) name = fingerprint(file);
  return path.join(userFolder('cache'), 'gelezen', `${name}.json`);
}

export interface CacheLookUp {
  /** What the file held when it had exactly these bytes; undefined when not remembered. */
  known: ParsedAnswers | undefined;
  /** Remember what the file holds after the full check (best effort; written atomically, so a reader never sees half an entry). */
  remember(parsed: ParsedAnswers): Promise<void>;
}

/** Look `file` (with these bytes, for this worksheet) up: the key and the entry are worked out once, for both steps. */
export async function lookUp(file: string, bytes: Uint8Array, ws: Worksheet): Promise<CacheLookUp> {
  const source: Source = {
    file: path.resolve(file),
    program: programVersion,
    definition: definitionFingerprint(ws),
    content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
  let target: string | undefined;
  try {
    target = entryFile(source.file);
  } catch {
    // no cache folder (no home folder): nothing is remembered
  }
  let known: ParsedAnswers | undefined;
  try {
    // Synchronously, like the answers file itself (AnswersFile.read).
    const entry = target ? (JSON.parse(readFileSync(target, 'utf8')) as Entry) : undefined;
    if (entry && sameSource(entry, source)) known = { meta: entry.meta, answers: entry.answers, drafts: entry.drafts };
  } catch {
    // not remembered (or an entry that cannot be read): the file is parsed
  }
  return {
    known,
    async remember(parsed) {
      if (!target) return;
      try {
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        const temp = `${target}.${process.pid}.tmp`;
        const entry: Entry = { ...source, ...parsed };
        await writeFile(temp, JSON.stringify(entry), { mode: 0o600 });
        await rename(temp, target);
      } catch {
        // not remembered: the next read parses the file
      }
    },
  };
}
