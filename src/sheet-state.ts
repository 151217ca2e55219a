// The state of a library's dossier: for each shipped worksheet, its answers
// file and how far it is (the walk over its answers), read once per command:
// `status`, `lijst`, `start`, `rapport`, `vergelijk`, `verschil` and
// `overzicht` take the state from here and hand it on; nothing below asks
// for the file or the walk again.
import { stat } from 'node:fs/promises';
import type { Worksheet } from './definition/schema.js';
import { loadShippedWorksheets } from './definition/load.js';
import { answersPath, resolveDossier, type Dossier } from './dossier/folder.js';
import { AnswersFile, type Status } from './dossier/answers-file.js';
import { walk, type WalkResult } from './walk.js';
import { respondentIn, sheetFiles } from './dossier/respondents.js';
import { describeFsError, ExitCode, WerkboekError } from './support/errors.js';

export interface SheetState {
  worksheet: Worksheet;
  file: string;
  /** undefined: niet begonnen. */
  answers?: AnswersFile;
  status: Status | 'niet begonnen';
  walk: WalkResult;
  /** A file that cannot be read: its error, instead of a state. */
  error?: WerkboekError;
}

export async function sheetState(
  worksheet: Worksheet,
  dir: string,
  file = answersPath(dir, worksheet.id),
  /** How a message names the file (`overzicht`: relative to where werkboek runs); default: `file`. */
  shown = file,
): Promise<SheetState> {
  try {
    const answers = await AnswersFile.read(file, worksheet, shown);
    return {
      worksheet,
      file,
      ...(answers && { answers }),
      status: answers ? answers.meta.status : 'niet begonnen',
      walk: walk(worksheet, answers?.answers ?? {}),
    };
  } catch (err) {
    if (!(err instanceof WerkboekError)) throw err;
    return { worksheet, file, status: 'niet begonnen', walk: walk(worksheet, {}), error: err };
  }
}

/** A worksheet's state in a dossier, with its colleagues' files (when asked for). */
export interface DossierSheet extends SheetState {
  /** The colleagues' answers files of this worksheet (`<werkblad>.<naam>.yaml`), read; empty unless asked for. */
  colleagues: RespondentState[];
}

export async function dossierState(
  map: string | undefined,
  cwd: string,
  /** Default: the shipped worksheets (definition/own.ts adds own ones); may still be being loaded. */
  worksheetList?: Worksheet[] | Promise<Worksheet[]>,
  /** `colleagues`: read the colleagues' files of each worksheet too (`status`, `lijst`). */
  { colleagues = false } = {},
): Promise<{ dossier: Dossier; sheets: DossierSheet[] /** False when the folder does not exist (yet). */; folderExists: boolean }> {
  const loading = Promise.resolve(worksheetList ?? loadShippedWorksheets());
  loading.catch(() => {}); // awaited below, after the folder: not an unhandled rejection meanwhile
  const dossier = await resolveDossier(map, cwd);
  // A --map that is a file cannot hold a dossier: say so, instead of listing three unreadable worksheets.
  // (The folder is looked at while the worksheets load.)
  let pathProblem: unknown;
  const [info, worksheets] = await Promise.all([
    stat(dossier.dir).catch((err: unknown) => {
      // A path through a file (HOME=/dev/null): one clear message, not "does not exist" and three unreadable files.
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') pathProblem = err;
      return undefined;
    }),
    loading,
  ]);
  if (pathProblem) {
    throw new WerkboekError(
      `Kan de map ${dossier.dir} niet gebruiken: ${describeFsError(pathProblem)}.`,
      ExitCode.writeFailed,
      'Kies een map met --map <map> (of WERKBOEK_MAP).',
    );
  }
  if (info && !info.isDirectory()) {
    throw new WerkboekError(
      `Kan de map ${dossier.dir} niet gebruiken: dat is een bestand, geen map.`,
      ExitCode.writeFailed,
      'Kies een map met --map <map> (of WERKBOEK_MAP).',
    );
  }
  // Each worksheet's own file and its colleagues' (each a listing of the folder), read side by side.
  const sheets = await Promise.all(
    worksheets.map(async (ws) => {
      const [own, others] = await Promise.all([sheetState(ws, dossier.dir), colleagues ? respondentStates(ws, dossier.dir, { colleaguesOnly: true }) : []]);
      return { ...own, colleagues: others };
    }),
  );
  return { dossier, sheets, folderExists: info !== undefined };
}

/** "concept (7 van 12 beantwoord)", "afgerond", "niet begonnen", "onleesbaar". */
export function describeState(state: SheetState): string {
  if (state.error) return 'onleesbaar bestand';
  if (state.status === 'concept') return `concept (${state.walk.done} van ${state.walk.total} beantwoord)`;
  return state.status;
}

/** What to do next in a dossier: a worksheet to begin or go on with, or (every one finished) a report. */
export type NextStep = { kind: 'sheet'; state: SheetState } | { kind: 'report' };

/**
 * The next useful step (what the menu's Enter picks, and what `inleiding`
 * suggests): the first worksheet not finished (werkblad 1 in a new dossier);
 * when all are finished, a report.
 */
export function nextStep(sheets: readonly SheetState[]): NextStep {
  const open = sheets.find((s) => s.status !== 'afgerond');
  return open ? { kind: 'sheet', state: open } : { kind: 'report' };
}

/** Whose the coordinator's own file is: its Naam, else "Eigen bestand". */
export function ownName(state: SheetState): string {
  const naam = state.answers?.answers.naam;
  return typeof naam === 'string' && naam.trim() ? naam.trim() : 'Eigen bestand';
}

/** The state of one answers file of a worksheet, with whose it is. */
export interface RespondentState extends SheetState {
  /** A colleague's `respondent:`; for the coordinator's own file its Naam, else "Eigen bestand". */
  name: string;
  /** The coordinator's own file (`<werkblad>.yaml`). */
  own: boolean;
}

/**
 * Every answers file of a worksheet in a folder (the own file first, then
 * the colleagues'), read; with `colleaguesOnly` without the own file (which
 * dossierState has read already).
 */
export async function respondentStates(worksheet: Worksheet, dir: string, { colleaguesOnly = false } = {}): Promise<RespondentState[]> {
  const files = (await sheetFiles(dir, worksheet.id)).filter((f) => !colleaguesOnly || f.slug !== null);
  return Promise.all(
    files.map(async ({ file, slug }) => {
      const state = await sheetState(worksheet, dir, file);
      const name = slug === null ? ownName(state) : (state.answers?.meta.respondent ?? (await respondentIn(file)) ?? slug);
      return { ...state, name, own: slug === null };
    }),
  );
}
