// Reading many answers files fast, for `overzicht`: the quick YAML reader
// (quick-yaml.ts) and the answers checks without positions. Only a file
// that fails them is read again the ordinary way (AnswersFile, with
// positions), which says where the problem is. Never writes, never locks.
// Synchronous on purpose: 3,000 small files read one after the other take
// about 40 ms, through fs/promises (a FileHandle each) over 130 ms.
import { readFileSync } from 'node:fs';
import type { Worksheet } from '../definition/schema.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import type { Answers } from './answers.js';
import { AnswersFile, MAX_FILE_BYTES, renameFormerIdsIn, validateAnswersData, type Status } from './answers-file.js';
import { quickParseYaml } from './quick-yaml.js';

export type QuickAnswers =
  | { kind: 'missing' }
  | { kind: 'read'; status: Status; updated: string; answers: Answers }
  /** Unreadable, invalid or of another worksheet: the error says where (bestand:regel:kolom). */
  | { kind: 'broken'; error: WerkboekError };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const noPosition = () => ({ file: '', line: 0, col: 0, path: '', message: '' });

/** The answers in `file` for worksheet `ws`, as fast as possible; a broken file is reported, not thrown. */
export function quickReadAnswers(file: string, ws: Worksheet, displayName = file): QuickAnswers {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'broken', error: new WerkboekError(`Kan ${displayName} niet lezen: ${describeFsError(err)}.`, ExitCode.badFile) };
  }
  const data = bytes.length <= MAX_FILE_BYTES ? quickData(bytes, ws) : undefined;
  if (data && validateAnswersData(data, ws, noPosition).length === 0) return fromData(data);
  // Outside the quick reader's subset, or something is wrong: read with positions.
  try {
    const found = AnswersFile.fromBytes(file, bytes, ws, displayName);
    const meta = found.meta;
    return { kind: 'read', status: meta.status, updated: meta.updated, answers: found.answers };
  } catch (err) {
    if (err instanceof WerkboekError) return { kind: 'broken', error: err };
    throw err;
  }
}

function quickData(bytes: Buffer, ws: Worksheet): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const data = quickParseYaml(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  // As AnswersFile does: answers under a former id belong to the renamed question.
  const answers = record.antwoorden;
  if (typeof answers === 'object' && answers !== null && !Array.isArray(answers)) record.antwoorden = renameFormerIdsIn(answers as Record<string, unknown>, ws);
  return record;
}

/** As AnswersFile's `meta` and `answers` read them. */
function fromData(data: Record<string, unknown>): QuickAnswers {
  const answers = data.antwoorden;
  return {
    kind: 'read',
    status: data.status === 'afgerond' ? 'afgerond' : 'concept',
    updated: String(data.bijgewerkt ?? ''),
    answers: (typeof answers === 'object' && answers !== null ? answers : {}) as Answers,
  };
}
