// Answers files: read with positions, validate against the worksheet, and
// write atomically (temp file in the same folder, fsync, rename) keeping
// comments and keys a user added by hand.
import { readFile, mkdir, copyFile, stat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, type YAMLMap } from 'yaml';
import type { Field, Question, Worksheet } from '../definition/schema.js';
import { allQuestions, optionValue } from '../definition/questions.js';
import { ANSWER_KEY, isUnknown, NOT_YET_KNOWN, NOTE_KEY, UNKNOWN_KEY, type AnswerValue, type Answers } from './answers.js';
import { describeFsError, ExitCode, FileIssuesError, WerkboekError, type Issue } from '../support/errors.js';
import { issueAt, parseLocated, type Located, type PathKey } from '../definition/positions.js';
import { programVersion } from '../support/version.js';
import { suggest } from '../support/invocation.js';

export type Status = 'concept' | 'afgerond';

/** Metadata keys, in the order they start the file. */
const META_KEYS = ['werkblad', 'versie', 'status', 'aangemaakt', 'bijgewerkt', 'programma'] as const;
const ANSWERS_KEY = 'antwoorden';

export interface AnswersMeta {
  worksheet: string;
  version: number;
  status: Status;
  created: string;
  updated: string;
  program: string;
}

/** Thrown when writing fails; the answers are still in memory. */
export class WriteError extends WerkboekError {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`Kan niet opslaan in ${file}: ${describeFsError(cause)}.`, ExitCode.writeFailed);
    this.name = 'WriteError';
  }
}

export class AnswersFile {
  /** True when there are changes that are not yet on disk. */
  dirty = false;
  /** True when this file exists on disk: it was read from there, or saved at least once. */
  onDisk = false;

  private constructor(
    /** Where save() writes; moveTo() changes it (e.g. after a write error). */
    public file: string,
    private readonly doc: Document,
  ) {}

  /** Save to another file from now on. */
  moveTo(file: string): void {
    this.file = file;
    this.dirty = true;
  }

  /** A new, unsaved answers file for a worksheet. */
  static create(file: string, ws: Worksheet, now = new Date()): AnswersFile {
    const stamp = now.toISOString();
    const doc = new Document({
      werkblad: ws.id,
      versie: ws.version,
      status: 'concept',
      aangemaakt: stamp,
      bijgewerkt: stamp,
      programma: `werkboek ${programVersion}`,
      [ANSWERS_KEY]: {},
    });
    doc.commentBefore =
      ` Antwoorden bij werkblad ${ws.number}: ${ws.title}\n` +
      ` Gemaakt met werkboek. Je mag dit bestand met de hand aanpassen;\n` +
      ` controleer het daarna met: werkboek controleer ${path.basename(file)}`;
    return new AnswersFile(file, doc);
  }

  /**
   * Read an answers file. Returns undefined if it does not exist. A file
   * that cannot be parsed or does not fit the worksheet throws a
   * FileIssuesError with positions; the file is never touched.
   */
  static async read(file: string, ws: Worksheet, displayName = file): Promise<AnswersFile | undefined> {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'ENOTDIR') {
        throw new WerkboekError(
          `Kan de map ${path.dirname(file)} niet gebruiken: ${describeFsError(err)}.`,
          ExitCode.writeFailed,
          'Kies een andere map met --map <map> (of WERKBOEK_MAP).',
        );
      }
      throw new WerkboekError(`Kan ${displayName} niet lezen: ${describeFsError(err)}.`, ExitCode.badFile);
    }
    const { located, issues } = parseLocated(displayName, source);
    if (!issues.length) issues.push(...validateAnswersDocument(located, ws));
    if (issues.length) {
      throw new FileIssuesError(issues, ExitCode.badFile, brokenFileHint(file, ws));
    }
    const found = new AnswersFile(file, located.doc);
    found.onDisk = true;
    return found;
  }

  get meta(): AnswersMeta {
    const get = (key: string): unknown => this.doc.get(key);
    return {
      worksheet: String(get('werkblad')),
      version: Number(get('versie')),
      status: get('status') === 'afgerond' ? 'afgerond' : 'concept',
      created: String(get('aangemaakt') ?? ''),
      updated: String(get('bijgewerkt') ?? ''),
      program: String(get('programma') ?? ''),
    };
  }

  get answers(): Answers {
    const node = this.doc.get(ANSWERS_KEY);
    if (!isMap(node)) return {};
    return (node.toJSON() ?? {}) as Answers;
  }

  /** Set one answer in memory (call save() to write). */
  setAnswer(id: string, value: AnswerValue): void {
    this.ensureAnswersMap().set(id, this.doc.createNode(value));
    this.touch();
  }

  setStatus(status: Status): void {
    this.doc.set('status', status);
    this.touch();
  }

  private touch(): void {
    this.dirty = true;
    this.doc.set('bijgewerkt', new Date().toISOString());
    this.doc.set('programma', `werkboek ${programVersion}`);
  }

  private ensureAnswersMap(): YAMLMap {
    const node = this.doc.get(ANSWERS_KEY);
    if (isMap(node)) return node;
    const map = this.doc.createNode({}) as YAMLMap;
    this.doc.set(ANSWERS_KEY, map);
    return map;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0 });
  }

  /** Write atomically: temp file in the same folder, fsync, rename. */
  async save(): Promise<void> {
    await writeFileAtomically(this.file, this.toString(), { createFolder: true });
    this.dirty = false;
    this.onDisk = true;
  }
}

/**
 * Write a file so that it is either the old or the new content, never half:
 * a temp file in the same folder, fsync, rename (write-file-atomic).
 * Failures become a WriteError.
 */
export async function writeFileAtomically(file: string, content: string, opts: { createFolder: boolean }): Promise<void> {
  try {
    if (opts.createFolder) await mkdir(path.dirname(file), { recursive: true });
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true });
  } catch (err) {
    throw new WriteError(file, err);
  }
}

function brokenFileHint(file: string, ws: Worksheet): string {
  return (
    `Het bestand is niet gewijzigd. Herstel de genoemde regel in een teksteditor en controleer met ` +
    `"${suggest(['controleer', file])}", of begin opnieuw met "${suggest(['start', ws.id, '--opnieuw', '--map', path.dirname(file)])}" ` +
    `(het oude bestand wordt dan als reservekopie bewaard).`
  );
}

/** Validate an answers document against its worksheet. */
export function validateAnswersDocument(located: Located, ws: Worksheet): Issue[] {
  const issues: Issue[] = [];
  const root = located.doc.contents;
  if (!isMap(root)) {
    return [issueAt(located, [], 'een antwoordbestand moet beginnen met "werkblad:", "versie:" enz.')];
  }
  const data = located.doc.toJS() as Record<string, unknown>;
  const sheet = data.werkblad;
  if (sheet === undefined) issues.push(issueAt(located, [], 'verplicht veld "werkblad" ontbreekt'));
  else if (sheet !== ws.id) {
    issues.push(issueAt(located, ['werkblad'], `dit bestand hoort bij werkblad "${String(sheet)}", niet bij "${ws.id}"`));
  }
  if (data.versie !== undefined && (typeof data.versie !== 'number' || !Number.isInteger(data.versie))) {
    issues.push(issueAt(located, ['versie'], '"versie" moet een geheel getal zijn'));
  }
  if (data.status !== undefined && data.status !== 'concept' && data.status !== 'afgerond') {
    issues.push(issueAt(located, ['status'], `"status" moet "concept" of "afgerond" zijn, niet "${String(data.status)}"`));
  }
  const answersNode = located.doc.get(ANSWERS_KEY, true);
  if (answersNode === undefined || answersNode === null) return issues;
  if (!isMap(answersNode)) {
    issues.push(issueAt(located, [ANSWERS_KEY], '"antwoorden" moet een lijst van vraag-id: antwoord zijn'));
    return issues;
  }
  const answers = (data[ANSWERS_KEY] ?? {}) as Record<string, unknown>;
  const questions = new Map(allQuestions(ws).map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.get(id);
    // Unknown ids are kept as they are (a later version, or a user's own note).
    if (!question || value === null) continue;
    const problem = checkValue(question, value);
    if (problem) issues.push(issueAt(located, [ANSWERS_KEY, id], problem.message, problem.key));
    if (question.type === 'group' && Array.isArray(value) && !question.extends) {
      const fields = groupFields(ws, question);
      value.forEach((item, i) => {
        const itemProblem = checkItem(question, fields, item);
        if (itemProblem) issues.push(issueAt(located, [ANSWERS_KEY, id, i, ...itemProblem.path], itemProblem.message));
      });
    }
  }
  return issues;
}

function checkValue(q: Question, value: unknown): { message: string; key?: string } | undefined {
  if (isUnknown(value)) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && UNKNOWN_KEY in value) {
    return { message: `"${UNKNOWN_KEY}" kan alleen "true" zijn` };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && (ANSWER_KEY in value || NOTE_KEY in value)) {
    return checkNoted(q, value as Record<string, unknown>);
  }
  const text = () => (typeof value === 'string' ? undefined : { message: `verwacht tekst bij "${q.id}"` });
  switch (q.type) {
    case 'text':
    case 'longtext':
      return text();
    case 'date':
      if (typeof value === 'string' && (value === '' || isDate(value))) return undefined;
      return { message: `verwacht een datum als JJJJ-MM-DD bij "${q.id}"` };
    case 'yesno':
      return value === 'ja' || value === 'nee' || value === '' ? undefined : { message: `verwacht "ja" of "nee" bij "${q.id}"` };
    case 'choice':
      if (typeof value !== 'string') return { message: `verwacht één keuze bij "${q.id}"` };
      return q.other || value === '' || q.options.map(optionValue).includes(value)
        ? undefined
        : { message: `"${value}" is geen keuze bij "${q.id}"; kies uit: ${q.options.map(optionValue).join(', ')}` };
    case 'multichoice':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        return { message: `verwacht een lijst van keuzes bij "${q.id}"` };
      }
      if (!q.other) {
        const bad = value.find((v) => !q.options.map(optionValue).includes(v));
        if (bad !== undefined) return { message: `"${bad}" is geen keuze bij "${q.id}"` };
      }
      return undefined;
    case 'number':
      if (value === '') return undefined;
      return typeof value === 'number' && Number.isFinite(value) ? undefined : { message: `verwacht een getal bij "${q.id}"` };
    case 'group':
      if (q.extends) return value === true || value === '' ? undefined : { message: `verwacht "true" bij "${q.id}" (de gegevens staan bij "${q.extends}")` };
      return Array.isArray(value) ? undefined : { message: `verwacht een lijst (met "- ") bij "${q.id}"` };
  }
}

/** `{ antwoord: ja, toelichting: "…" }`: only on a ja/nee or choice question, the antwoord checked as usual. */
function checkNoted(q: Question, value: Record<string, unknown>): { message: string; key?: string } | undefined {
  if (q.type !== 'yesno' && q.type !== 'choice') {
    return { message: `een toelichting ("${ANSWER_KEY}:" en "${NOTE_KEY}:") kan alleen bij een ja/nee- of keuzevraag, niet bij "${q.id}"` };
  }
  const extra = Object.keys(value).find((k) => k !== ANSWER_KEY && k !== NOTE_KEY);
  if (extra !== undefined) return { message: `onbekend veld "${extra}" bij "${q.id}"; verwacht "${ANSWER_KEY}" en "${NOTE_KEY}"`, key: extra };
  if (!(ANSWER_KEY in value)) return { message: `"${ANSWER_KEY}" ontbreekt bij "${q.id}" (naast "${NOTE_KEY}")` };
  const note = value[NOTE_KEY];
  if (note !== undefined && note !== null && typeof note !== 'string') return { message: `"${NOTE_KEY}" moet tekst zijn bij "${q.id}"`, key: NOTE_KEY };
  const inner = value[ANSWER_KEY];
  if (typeof inner === 'object' && inner !== null) return { message: `"${ANSWER_KEY}" moet één waarde zijn bij "${q.id}"`, key: ANSWER_KEY };
  const problem = checkValue(q, inner);
  return problem && { ...problem, key: ANSWER_KEY };
}

type GroupQuestion = Extract<Question, { type: 'group' }>;

/** The fields of a group's items: its own, plus those added by groups that extend it. */
function groupFields(ws: Worksheet, group: GroupQuestion): Map<string, Field> {
  const fields = new Map(group.fields.map((f) => [f.id, f]));
  for (const q of allQuestions(ws)) {
    if (q.type === 'group' && q.extends === group.id) for (const f of q.fields) if (!fields.has(f.id)) fields.set(f.id, f);
  }
  return fields;
}

function checkItem(q: GroupQuestion, fields: ReadonlyMap<string, Field>, item: unknown): { path: PathKey[]; message: string } | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { path: [], message: `elk ${q.item}-item moet velden hebben, bijv. "${q.fields[0]?.id ?? 'naam'}: …"` };
  }
  for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') return { path: [key], message: `veld "${key}" moet één waarde zijn` };
    // Keys that are no field of the group are kept as they are, like unknown answers.
    const field = fields.get(key);
    if (field?.type === 'yesno' && v === NOT_YET_KNOWN) continue;
    const problem = field && v !== null ? checkValue(field, v) : undefined;
    if (problem) return { path: [key], message: problem.message };
  }
  return undefined;
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Keep a copy of an answers file before starting over: `<naam>.yaml` -> `<naam>.<stempel>.bak.yaml`. */
export async function backupFile(file: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = file.replace(/\.yaml$/, '') + `.${stamp}.bak.yaml`;
  try {
    await copyFile(file, target);
  } catch (err) {
    throw new WriteError(target, err);
  }
  return target;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}


/**
 * Remove temp files that an atomic save left behind when its process was
 * killed mid-write (`<naam>.yaml.<getal>`, write-file-atomic's naming). Only
 * call this while holding the lock, so no save of ours is in progress.
 */
export async function removeStaleTempFiles(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => n.startsWith(base + '.') && /^\d{1,10}$/.test(n.slice(base.length + 1)));
  await Promise.all(stale.map((n) => unlink(path.join(dir, n)).catch(() => {})));
  return stale;
}
