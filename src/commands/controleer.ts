import { FileRefusedError, readTextLimitedSync } from '../support/read-limited.js';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lineOfMatch } from '../definition/positions.js';
import { checkDefinitionFile, type CheckResult } from '../definition/check.js';
import { allWorksheets, ownWorksheets, takenShippedId } from '../definition/own.js';
import type { Worksheet } from '../definition/schema.js';
import { loadShippedWorksheets, resolveWorksheet, shippedDefinitionFiles } from '../definition/load.js';
import { describeFsError, ExitCode, FileIssuesError, formatIssue, WerkboekError } from '../support/errors.js';
import type { Output } from '../support/output.js';
import { AnswersFile } from '../dossier/answers-file.js';
import { resolveDossier } from '../dossier/folder.js';
import { notAskedIds } from '../dossier/answers-shape.js';
import { walk } from '../walk.js';
import { runsAsSea } from '../support/program-files.js';
import { sheetName } from '../definition/questions.js';

export interface CheckOptions {
  files: string[];
  /** `--map`: the dossier a bare file name is looked for in when it is not in cwd (else WERKBOEK_MAP, else the per-user folder). */
  map?: string | undefined;
  cwd: string;
  out: Output;
  /** --schema: write werkblad.schema.json in cwd, for the editor help of an own worksheet. */
  schema?: boolean | undefined;
}

/**
 * `werkboek controleer [bestand…]`: validate definition files (default: the
 * shipped ones) or answers files. Every file is checked, also after one that
 * cannot be read. Returns the exit code: 0 when all are in order, 1 when a
 * file has problems, or the code of an error (e.g. 2 for a file that cannot
 * be read) when that is worse.
 */
export async function check({ files, map, cwd, out, schema }: CheckOptions): Promise<number> {
  if (schema) {
    await writeSchema(cwd, out);
    if (!files.length) return ExitCode.ok;
  }
  if (!files.length && runsAsSea) {
    // A single executable holds the definitions the build validated; nobody can change them there.
    for (const ws of await loadShippedWorksheets()) out.line(`${ws.id}: in orde (meegeleverd, gecontroleerd bij het bouwen van dit programma)`);
    return ExitCode.ok;
  }
  const targets = files.length ? await Promise.all(files.map((f) => locate(f, cwd, map))) : await shippedDefinitionFiles();
  // How a file is named: as the user typed it (an absolute path stays absolute); in full when it was found in
  // the dossier folder; a shipped definition relative to cwd.
  const shownNames = new Map(targets.map((file, i) => [file, shownName(file, files[i], cwd)] as const));
  const showOf = (file: string) => shownNames.get(file) ?? file;
  let code: number = ExitCode.ok;
  // Definitions named in the same call come first: an answers file of an own worksheet is checked against it.
  const definitions = new Map<string, CheckResult>();
  for (const file of targets) {
    const kind = await sniffKind(file, showOf(file)).catch(() => undefined);
    if (kind?.type === 'definition') definitions.set(file, await checkDefinitionFile(file, showOf(file)));
  }
  const given = [...definitions.values()].flatMap((r) => (r.worksheet ? [r.worksheet] : []));
  for (const file of targets) {
    const shown = showOf(file);
    // One unreadable file must not keep the others from being checked.
    try {
      if (!(await checkOne(file, shown, out, { cwd, given, checked: definitions.get(file) }))) code = Math.max(code, ExitCode.invalid);
    } catch (err) {
      if (!(err instanceof WerkboekError)) throw err;
      await out.error(err.message, err.hint);
      code = Math.max(code, err.exitCode);
    }
  }
  return code;
}

/**
 * A file as named, from cwd; a bare name that is not there but is in the
 * dossier folder (an answers file's header says "Controleer het daarna met:
 * werkboek controleer gemeentelandschap.yaml", which must work from any
 * folder, also when the dossier is the per-user one, hidden under AppData).
 */
async function locate(name: string, cwd: string, map: string | undefined): Promise<string> {
  const here = path.resolve(cwd, name);
  if (existsSync(here) || path.basename(name) !== name) return here;
  const inDossier = path.join((await resolveDossier(map, cwd)).dir, name);
  return existsSync(inDossier) ? inDossier : here;
}

/** A checked file as the messages name it: as typed, or in full when found elsewhere (the dossier); else from cwd. */
function shownName(file: string, typed: string | undefined, cwd: string): string {
  if (typed === undefined) return path.relative(cwd, file) || file;
  return path.resolve(cwd, typed) === file ? typed : file;
}

/** `controleer --schema`: the JSON Schema next to an own worksheet, and the line that points an editor at it. */
async function writeSchema(cwd: string, out: Output): Promise<void> {
  const { SCHEMA_FILE_NAME, SCHEMA_LINE, worksheetJsonSchema } = await import('../definition/json-schema.js');
  const file = path.join(cwd, SCHEMA_FILE_NAME);
  try {
    await writeFile(file, worksheetJsonSchema(), 'utf8');
  } catch (err) {
    throw new WerkboekError(`Kan ${file} niet schrijven: ${describeFsError(err)}`, ExitCode.writeFailed);
  }
  out.line(`${SCHEMA_FILE_NAME} geschreven in ${cwd}. Met deze regel bovenaan je werkblad (in dezelfde map) helpt een editor zoals VS Code je bij elk veld:`);
  out.line(`  ${SCHEMA_LINE}`);
}

async function checkOne(
  file: string,
  shown: string,
  out: Output,
  ctx: { cwd: string; given: Worksheet[]; checked: CheckResult | undefined },
): Promise<boolean> {
  const kind = await sniffKind(file, shown);
  if (kind.type === 'answers') {
    // The shipped worksheets, own ones (WERKBOEK_WERKBLADEN) and definitions named in this call.
    const ws = await resolveWorksheet(kind.worksheet, [], [...(await allWorksheets(ownWorksheets(undefined, ctx.cwd))), ...ctx.given]);
    let answers: AnswersFile | undefined;
    try {
      answers = await AnswersFile.read(file, ws, shown);
    } catch (err) {
      if (!(err instanceof FileIssuesError)) throw err;
      for (const issue of err.issues) out.line(formatIssue(issue));
      return false;
    }
    const w = walk(ws, answers?.answers ?? {});
    const status = answers?.meta.status ?? 'concept';
    // "randvoorwaarden.yaml" holding worksheet 1: start and rapport look for worksheet 1 in gemeentelandschap.yaml.
    const named = (await loadShippedWorksheets()).find((s) => path.basename(file, path.extname(file)) === s.id);
    if (named && named.id !== ws.id) {
      out.line(
        `${shown}: de bestandsnaam hoort bij werkblad "${named.id}", maar het bestand bevat antwoorden bij "${ws.id}" (werkblad: ${ws.id}). ` +
          `Hernoem het naar ${ws.id}.yaml, anders vinden start en rapport het niet.`,
      );
      return false;
    }
    out.line(`${shown}: in orde (antwoorden bij "${ws.id}", ${status}, ${w.done} van ${w.total} beantwoord)`);
    // Answers to questions that are no longer asked (removed in a later version): listed, kept in the file.
    const source = readTextLimitedSync(file, { displayName: shown });
    for (const id of notAskedIds(answers?.answers ?? {}, ws)) {
      out.line(
        `${shown}:${linePosition(source, id)}: "${id}" wordt niet meer gevraagd (werkblad ${ws.id}, versie ${ws.version}); het antwoord blijft in het bestand staan`,
      );
    }
    if (answers?.upgraded) {
      out.line(
        `${shown}: let op: antwoorden onder een eerder id horen nu bij de hernoemde vraag; bij de volgende keer opslaan wordt dat (en versie ${ws.version}) in het bestand gezet.`,
      );
    }
    const open = w.visible.filter((v) => v.state === 'open').length;
    if (status === 'afgerond' && open > 0) {
      out.line(`${shown}: let op: de status is afgerond, maar ${open} ${open === 1 ? 'vraag is' : 'vragen zijn'} nog open.`);
    }
    return true;
  }
  const result = ctx.checked ?? (await checkDefinitionFile(file, shown));
  const taken = result.worksheet ? await takenShippedId(result.worksheet, file) : undefined;
  if (taken) {
    out.line(`${shown}:${lineOfMatch(readTextOrEmpty(file), /^id:/m)}:1: ${taken.message} ${taken.hint ?? ''}`.trimEnd());
    return false;
  }
  if (result.worksheet) {
    out.line(`${shown}: in orde: ${sheetName(result.worksheet)}, versie ${result.worksheet.version}`);
    return true;
  }
  for (const issue of result.issues) out.line(formatIssue(issue));
  return false;
}

function readTextOrEmpty(file: string): string {
  try {
    return readTextLimitedSync(file);
  } catch {
    return '';
  }
}

/** "regel:kolom" of an answer's key under `antwoorden:` (1:1 when it cannot be found). */
function linePosition(source: string, id: string): string {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((l) => /^antwoorden:/.test(l));
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const i = lines.findIndex((l, n) => n > start && new RegExp(`^\\s+["']?${escaped}["']?:`).test(l));
  if (start < 0 || i < 0) return '1:1';
  return `${i + 1}:${(lines[i]?.search(/\S/) ?? 0) + 1}`;
}

/** An answers file starts with `werkblad:`; anything else is treated as a definition. */
async function sniffKind(file: string, shown: string): Promise<{ type: 'definition' } | { type: 'answers'; worksheet: string }> {
  let source: string;
  try {
    source = readTextLimitedSync(file, { displayName: shown });
  } catch (err) {
    if (err instanceof FileRefusedError) throw err;
    throw new WerkboekError(`Kan ${shown} niet lezen: ${describeFsError(err)}.`, ExitCode.usage);
  }
  const sheet = /^werkblad:[ \t]*["']?([a-z0-9-]+)/m.exec(source)?.[1];
  if (sheet) return { type: 'answers', worksheet: sheet };
  return { type: 'definition' };
}
