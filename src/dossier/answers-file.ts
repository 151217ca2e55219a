// An answers file: read with positions and validated (answers-shape.ts),
// answers and drafts on a YAML Document (comments and keys a user added by
// hand survive), saved atomically after checking the file on disk is still
// the one read (merging or refusing a change made meanwhile), rescued when
// that fails. File utilities (backups, stamps, temp files) are in file-utils.ts.
import path from 'node:path';
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import type { Worksheet } from '../definition/schema.js';
import type { AnswerValue, Answers, Draft, Drafts } from './answers.js';
import { ANSWERS_KEY, DRAFTS_KEY, renameFormerIds, RESPONDENT_KEY, validateAnswersDocument } from './answers-shape.js';
import { preciseStamp, writeFileAtomically, WriteError } from './file-utils.js';
import { describeFsError, ExitCode, FileIssuesError, WerkboekError } from '../support/errors.js';
import { decodeUtf8, parseLocated } from '../definition/positions.js';
import { programVersion } from '../support/version.js';
import { atomicCreate, atomicWrite, prepareWrites } from './atomic-write.js';
import { suggest } from '../support/invocation.js';
import { makeDir } from '../support/make-dir.js';
import { FileRefusedError, MAX_READ_BYTES, megabytes, readLimitedSync } from '../support/read-limited.js';
import { own } from '../support/own.js';

export type Status = 'concept' | 'afgerond';

export interface AnswersMeta {
  worksheet: string;
  version: number;
  status: Status;
  created: string;
  updated: string;
  program: string;
  /** A colleague's file: their name (`respondent:`); undefined in the coordinator's own file. */
  respondent?: string;
}

/**
 * Thrown instead of overwriting a file that changed on disk in a way that
 * cannot be merged (the same answer changed on both sides, or the file is
 * now invalid), or a file that already existed where we were asked to save.
 * Nothing was overwritten; our version is in `rescue` when it could be written.
 */
export class ConflictError extends WriteError {
  constructor(
    file: string,
    readonly reason: string,
    readonly rescue: string | undefined,
    /** True when the target was simply another, existing answers file (after moveTo): pick another place. */
    readonly occupied = false,
  ) {
    super(
      file,
      undefined,
      `${file} ${reason}. Dat bestand is niet overschreven.` + (rescue ? ` Je eigen versie, met je laatste antwoord, staat in ${rescue}.` : ''),
    );
    this.name = 'ConflictError';
  }
}

/**
 * The largest answers file werkboek reads. All three worksheets filled in
 * with long answers are well under 1 MB; a file of this size is not a
 * worksheet, and parsing it would take minutes.
 */
export const MAX_FILE_BYTES = MAX_READ_BYTES;

export class AnswersFile {
  /** True when there are changes that are not yet on disk. */
  dirty = false;
  /** True when this file exists on disk: it was read from there, or saved at least once. */
  onDisk = false;
  /** Line ends as the file had them when it was read. */
  eol: '\n' | '\r\n' = '\n';
  /** Answers stood under a former id (the definition renamed the question): the next save records this version. */
  upgraded = false;
  /** The largest file save() writes: the reader's limit, so no save makes a file werkboek would refuse (tests inject a small one). */
  limit = MAX_FILE_BYTES;

  /**
   * What this session last read from or wrote to `file`: the exact text and
   * the answers and status in it. Before every save the file on disk is
   * compared with it, so that a hand edit or another program's write made
   * meanwhile is merged or refused, never silently overwritten.
   */
  private base: { text: string; answers: Answers; drafts: Drafts; status: Status } | undefined;

  /** The YAML document. A new file (create()) makes it when it is first changed or written. */
  private document: Document | undefined;

  private constructor(
    /** Where save() writes; moveTo() changes it (e.g. after a write error). */
    public file: string,
    doc: Document | undefined,
    private readonly ws: Worksheet,
    /** For a new file: when it was created. */
    private readonly created = new Date().toISOString(),
    /** For a new file of a colleague: their name (respondents.ts). */
    private readonly respondent?: string,
  ) {
    this.document = doc;
  }

  private get doc(): Document {
    this.document ??= newDocument(this.file, this.ws, this.created, this.respondent);
    return this.document;
  }

  private set doc(doc: Document) {
    this.document = doc;
  }

  /**
   * Make the document and write it out once in memory, so that the first
   * save costs no more than the later ones. `start` calls it while the first
   * question waits for an answer.
   */
  prepare(): void {
    // Also once through setting an answer, on a copy: the code a save runs is then no longer cold.
    const copy = this.doc.clone();
    copy.setIn([ANSWERS_KEY, '\u0000werkboek'], copy.createNode({ tekst: 'regel\nregel', keuze: ['ja'] }));
    void copy.toString({ lineWidth: 0 });
    void prepareWrites();
  }

  /** Save to another file from now on (a file that already exists there is never overwritten). */
  moveTo(file: string): void {
    this.file = file;
    this.dirty = true;
    this.base = undefined;
  }

  /** A new, unsaved answers file for a worksheet. */
  static create(file: string, ws: Worksheet, now = new Date(), respondent?: string): AnswersFile {
    return new AnswersFile(file, undefined, ws, now.toISOString(), respondent);
  }

  /**
   * Read an answers file. Returns undefined if it does not exist. A file
   * that cannot be parsed or does not fit the worksheet throws a
   * FileIssuesError with positions; the file is never touched.
   */
  static async read(file: string, ws: Worksheet, displayName = file, options: { limit?: number } = {}): Promise<AnswersFile | undefined> {
    let bytes: Buffer;
    try {
      // Synchronously: one small file, and nothing else to do meanwhile; no round trip through libuv's threads.
      // Never blocking, only a regular file, at most the limit (read-limited.ts).
      bytes = readLimitedSync(file, { displayName, limit: options.limit ?? MAX_FILE_BYTES });
    } catch (err) {
      if (err instanceof FileRefusedError) throw err;
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
    return AnswersFile.fromBytes(file, bytes, ws, displayName);
  }

  /** An answers file from its bytes as read from `file`: checked as read() describes. */
  static fromBytes(file: string, bytes: Buffer, ws: Worksheet, displayName: string): AnswersFile {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new WerkboekError(
        `${displayName} is te groot voor een antwoordbestand (${megabytes(bytes.length)}; hoogstens ${megabytes(MAX_FILE_BYTES)}).`,
        ExitCode.badFile,
        'Is dit wel een antwoordbestand van werkboek? Het bestand is niet gewijzigd.',
      );
    }
    const { text: source, issue: encoding } = decodeUtf8(displayName, bytes);
    if (encoding) throw new FileIssuesError([encoding], ExitCode.badFile, brokenFileHint(file, ws));
    const { located, issues } = parseLocated(displayName, source);
    // Answers under a question's former id belong to it now (renamed in a later version).
    const upgraded = !issues.length && renameFormerIds(located.doc, ws);
    if (!issues.length) issues.push(...validateAnswersDocument(located, ws));
    if (issues.length) {
      throw new FileIssuesError(issues, ExitCode.badFile, brokenFileHint(file, ws));
    }
    const found = new AnswersFile(file, located.doc, ws);
    found.onDisk = true;
    found.upgraded = upgraded;
    // A file written on Windows keeps its CRLF line ends.
    if (source.includes('\r\n')) found.eol = '\r\n';
    found.base = { text: bytes.toString('utf8'), answers: found.answers, drafts: found.drafts, status: found.meta.status };
    return found;
  }

  get meta(): AnswersMeta {
    if (!this.document) {
      const program = `werkboek ${programVersion}`;
      return {
        worksheet: this.ws.id,
        version: this.ws.version,
        status: 'concept',
        created: this.created,
        updated: this.created,
        program,
        ...(this.respondent !== undefined && { respondent: this.respondent }),
      };
    }
    const get = (key: string): unknown => this.doc.get(key);
    return {
      worksheet: String(get('werkblad')),
      version: Number(get('versie')),
      status: get('status') === 'afgerond' ? 'afgerond' : 'concept',
      created: String(get('aangemaakt') ?? ''),
      updated: String(get('bijgewerkt') ?? ''),
      program: String(get('programma') ?? ''),
      ...(typeof get(RESPONDENT_KEY) === 'string' && { respondent: String(get(RESPONDENT_KEY)) }),
    };
  }

  /**
   * Name the respondent in the metadata (right after `werkblad:`), without
   * touching `bijgewerkt`: importing a colleague's file keeps their dates.
   */
  setRespondent(name: string): void {
    const root = this.doc.contents;
    if (!isMap(root)) return;
    const at = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === RESPONDENT_KEY);
    if (at >= 0) root.items.splice(at, 1);
    const after = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'werkblad');
    root.items.splice(after + 1, 0, this.doc.createPair(RESPONDENT_KEY, name));
    this.dirty = true;
  }

  /**
   * The answers and drafts as plain data, made once per change of the
   * document (a comparison of ten files asks for them several times each).
   * Callers must not change the objects returned.
   */
  private plain: { answers?: Answers; drafts?: Drafts } = {};

  get answers(): Answers {
    return this.plainOf('answers', ANSWERS_KEY);
  }

  /** answers or drafts as plain data: made from the document once per change (a new file without a document has none). */
  private plainOf<K extends 'answers' | 'drafts'>(which: K, key: string): NonNullable<AnswersFile['plain'][K]> {
    const made = this.plain[which];
    if (made) return made;
    if (!this.document) return {};
    const node = this.doc.get(key);
    const value = (isMap(node) ? (node.toJSON() ?? {}) : {}) as NonNullable<AnswersFile['plain'][K]>;
    this.plain[which] = value;
    return value;
  }

  /** Set one answer in memory (call save() to write). */
  setAnswer(id: string, value: AnswerValue): void {
    this.ensureMap(ANSWERS_KEY).set(id, this.doc.createNode(value));
    this.touch();
  }

  /** Drafts: unconfirmed text per question id (or a half-filled group item). */
  get drafts(): Drafts {
    return this.plainOf('drafts', DRAFTS_KEY);
  }

  /** Keep what was being typed for a question, without making it its answer. */
  setDraft(id: string, value: Draft): void {
    this.ensureMap(DRAFTS_KEY).set(id, this.doc.createNode(value));
    this.touch();
  }

  /** Forget a question's draft (it was confirmed); `concepten:` goes when it is empty. True when there was one. */
  clearDraft(id: string): boolean {
    const node = this.doc.get(DRAFTS_KEY);
    if (!isMap(node) || !node.has(id)) return false;
    node.delete(id);
    if (node.items.length === 0) this.doc.delete(DRAFTS_KEY);
    this.touch();
    return true;
  }

  setStatus(status: Status): void {
    this.doc.set('status', status);
    this.touch();
  }

  private touch(): void {
    this.plain = {};
    this.dirty = true;
    if (this.upgraded) this.doc.set('versie', this.ws.version);
    this.doc.set('bijgewerkt', new Date().toISOString());
    this.doc.set('programma', `werkboek ${programVersion}`);
  }

  /**
   * The map under `key`, made when missing. Written in block style, one
   * answer a line: a new file's empty `antwoorden: {}` reads back as a flow
   * map, which would otherwise put every answer on that one line.
   */
  private ensureMap(key: string): YAMLMap {
    const node = this.doc.get(key);
    if (isMap(node)) {
      node.flow = false;
      return node;
    }
    const map = this.doc.createNode({}) as YAMLMap;
    this.doc.set(key, map);
    return map;
  }

  toString(): string {
    const text = this.doc.toString({ lineWidth: 0 });
    return this.eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
  }

  /**
   * Write atomically (temp file in the same folder, fsync, rename), after
   * checking that the file on disk is still the one this session last read
   * or wrote. A change made meanwhile (by hand, or by another program) is
   * merged when it touched other answers than this session did; otherwise a
   * ConflictError is thrown and the other change is kept. `replace` is for
   * starting over, after the old file was backed up.
   */
  async save(options: { replace?: boolean } = {}): Promise<void> {
    if (!options.replace) await this.reconcile();
    const content = this.toString();
    // Never write what the reader would refuse: the answers stay in memory, the file as it was.
    const size = Buffer.byteLength(content);
    if (size > this.limit) {
      throw new WriteError(
        this.file,
        undefined,
        `Kan niet opslaan in ${this.file}: het bestand zou te groot worden (${megabytes(size)}; hoogstens ${megabytes(this.limit)}). Maak een lang antwoord korter.`,
      );
    }
    await writeFileAtomically(this.file, content, { createFolder: true });
    this.base = { text: content, answers: this.answers, drafts: this.drafts, status: this.meta.status };
    this.dirty = false;
    this.onDisk = true;
  }

  /**
   * Write this new file only if nothing is at its place yet (an exclusive,
   * atomic create: atomic-write.ts); false when something is. Two colleagues
   * whose names make the same file name, started at the same moment, each
   * get a file this way (respondents.ts).
   */
  async claim(): Promise<boolean> {
    const content = this.toString();
    const size = Buffer.byteLength(content);
    if (size > this.limit)
      throw new WriteError(
        this.file,
        undefined,
        `Kan niet opslaan in ${this.file}: het bestand zou te groot worden (${megabytes(size)}; hoogstens ${megabytes(this.limit)}).`,
      );
    let created: boolean;
    try {
      created = await atomicCreate(this.file, content).catch(async (err: unknown) => {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') throw err;
        makeDir(path.dirname(this.file));
        return atomicCreate(this.file, content);
      });
    } catch (err) {
      throw new WriteError(this.file, err);
    }
    if (!created) return false;
    this.base = { text: content, answers: this.answers, drafts: this.drafts, status: this.meta.status };
    this.dirty = false;
    this.onDisk = true;
    return true;
  }

  private async reconcile(): Promise<void> {
    let disk: Buffer;
    try {
      disk = readLimitedSync(this.file, { limit: this.limit });
    } catch {
      return; // no file (yet), or unreadable: the write itself will say what is wrong
    }
    if (this.base && disk.toString('utf8') === this.base.text) return;
    if (!this.base) throw await this.conflict('bestaat al (een ander antwoordbestand)', true);
    let theirs: AnswersFile;
    try {
      // The bytes just read, not a second read of the file.
      theirs = AnswersFile.fromBytes(this.file, disk, this.ws, path.basename(this.file));
    } catch (err) {
      if (err instanceof FileIssuesError) {
        const where = err.issues[0] ? ` (regel ${err.issues[0].line}, kolom ${err.issues[0].col})` : '';
        throw await this.conflict(`is intussen buiten werkboek gewijzigd en is nu ongeldig${where}`);
      }
      throw err;
    }
    const base = this.base;
    const mine = this.answers;
    const other = theirs.answers;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const keys = [...new Set([...Object.keys(base.answers), ...Object.keys(mine), ...Object.keys(other)])];
    const changedByMe = keys.filter((k) => !same(own(mine, k), own(base.answers, k)));
    const clash = changedByMe.filter((k) => !same(own(other, k), own(base.answers, k)) && !same(own(other, k), own(mine, k)));
    const myStatus = this.meta.status;
    const statusClash = myStatus !== base.status && theirs.meta.status !== base.status && theirs.meta.status !== myStatus;
    if (clash.length || statusClash) {
      const which = clash.length ? ` (${clash.map((k) => `"${k}"`).join(', ')})` : ' (de status)';
      throw await this.conflict(`is intussen buiten werkboek gewijzigd, bij hetzelfde antwoord als jij${which}`);
    }
    // Merge: their file, with this session's changes applied to it (answers, then drafts).
    for (const k of changedByMe) {
      const value = own(mine, k);
      if (value === undefined) theirs.ensureMap(ANSWERS_KEY).delete(k);
      else theirs.setAnswer(k, value);
    }
    const myDrafts = this.drafts;
    for (const k of new Set([...Object.keys(base.drafts), ...Object.keys(myDrafts)])) {
      if (same(own(myDrafts, k), own(base.drafts, k))) continue;
      const value = own(myDrafts, k);
      if (value === undefined) theirs.clearDraft(k);
      else theirs.setDraft(k, value);
    }
    if (myStatus !== base.status) theirs.setStatus(myStatus);
    theirs.touch();
    this.doc = theirs.doc;
    this.plain = {};
    this.eol = theirs.eol;
  }

  /** The file's text, for a rescue file: never one werkboek would refuse to read (then the caller's fallback applies). */
  private withinLimit(): string {
    const content = this.toString();
    if (Buffer.byteLength(content) > this.limit)
      throw new WriteError(this.file, undefined, `Het bestand zou te groot worden (hoogstens ${megabytes(this.limit)}).`);
    return content;
  }

  /** Write this session's version into `dir` (made if needed) as `<werkblad>-<stamp>.yaml`; returns that file. */
  async rescueTo(dir: string): Promise<string> {
    makeDir(dir);
    const file = path.join(dir, `${path.basename(this.file, '.yaml')}-${preciseStamp(new Date())}.yaml`);
    await atomicWrite(file, this.withinLimit());
    return file;
  }

  /** Keep this session's version in a rescue file next to the answers file, and describe the conflict. */
  private async conflict(reason: string, occupied = false): Promise<ConflictError> {
    // An occupied target elsewhere: nothing of ours goes into that (other library's) folder.
    if (occupied) return new ConflictError(this.file, reason, undefined, true);
    const rescue = this.file.replace(/\.yaml$/, '') + `.${preciseStamp(new Date())}.niet-opgeslagen.yaml`;
    try {
      await atomicWrite(rescue, this.withinLimit());
      return new ConflictError(this.file, reason, rescue, occupied);
    } catch {
      return new ConflictError(this.file, reason, undefined, occupied);
    }
  }
}

/** The document of a new answers file: metadata first, then an empty `antwoorden:`. */
function newDocument(file: string, ws: Worksheet, stamp: string, respondent: string | undefined): Document {
  const doc = new Document({
    werkblad: ws.id,
    ...(respondent !== undefined && { [RESPONDENT_KEY]: respondent }),
    versie: ws.version,
    status: 'concept',
    aangemaakt: stamp,
    bijgewerkt: stamp,
    programma: `werkboek ${programVersion}`,
    [ANSWERS_KEY]: {},
  });
  doc.commentBefore =
    ` Antwoorden bij werkblad ${ws.number}: ${ws.title}\n` +
    ` Gemaakt met werkboek. Je mag dit bestand met de hand aanpassen: schrijf ja en nee\n` +
    ` met kleine letters, een datum als 2026-12-07 en "weet ik (nog) niet" als { weet_ik_niet: true }.\n` +
    ` Controleer het daarna met: werkboek controleer ${path.basename(file)}`;
  return doc;
}

function brokenFileHint(file: string, ws: Worksheet): string {
  // A colleague's file (`<werkblad>.<naam>.yaml`): "start --opnieuw" would start the coordinator's own file over.
  if (path.basename(file) !== `${ws.id}.yaml`) {
    return `Het bestand is niet gewijzigd. Herstel de genoemde regel in een teksteditor en controleer met "${suggest(['controleer', file])}".`;
  }
  return (
    `Het bestand is niet gewijzigd. Herstel de genoemde regel in een teksteditor en controleer met ` +
    `"${suggest(['controleer', file])}", of begin opnieuw met "${suggest(['start', ws.id, '--opnieuw', '--map', path.dirname(file)])}" ` +
    `(het oude bestand wordt dan als reservekopie bewaard).`
  );
}
