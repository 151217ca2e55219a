// Where `start` works: the worksheet, the dossier folder and the answers file
// (a colleague's own file claimed at once), and how to suggest the next
// command there. Nothing is locked or read here.
import { stat } from 'node:fs/promises';
import type { Worksheet } from '../../definition/schema.js';
import { findWorksheet, isDefinitionPath, ownWorksheets } from '../../definition/own.js';
import { AnswersFile } from '../../dossier/answers-file.js';
import { answersPath, ensureFolder, resolveDossier, type Dossier } from '../../dossier/folder.js';
import { claimRespondentFile, cleanName } from '../../dossier/respondents.js';
import { ExitCode, WerkboekError } from '../../support/errors.js';
import { mapFor, suggest } from '../../support/invocation.js';
import type { Output } from '../../support/output.js';
import type { ScreenMode } from '../../support/screen.js';

export interface Place {
  ws: Worksheet;
  /** The worksheet as suggested commands name it: an own worksheet started by its file by that file again. */
  sheetArg: string;
  dossier: Dossier;
  /** The --map folder to repeat in suggested commands. */
  map: string | undefined;
  /** `--respondent`, cleaned. */
  respondent: string | undefined;
  /** The answers file. */
  target: string;
  /** A colleague's file created just now (empty). */
  newlyClaimed: boolean;
  /** A folder named with --map or WERKBOEK_MAP that did not exist yet: perhaps a typo. */
  isNewFolder: boolean;
  mode: ScreenMode;
  out: Output;
  /** Started from the home menu: the way on is a menu item, not a command to type. */
  inMenu: boolean;
  /** A `start` (or other) command to suggest, keeping the respondent, the worksheets folder and the screen the user chose. */
  again(...args: string[]): string;
}

export interface PlaceOptions {
  worksheet: string;
  map?: string | undefined;
  ownFolder?: string | undefined;
  respondent?: string | undefined;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  out: Output;
  /** Started from the home menu (commands/menu.ts). */
  inMenu?: boolean;
}

/** Find the worksheet and the dossier, refuse to start without a way to ask, and claim a colleague's file. */
export async function findPlace(options: PlaceOptions, mode: ScreenMode, interactive: boolean): Promise<Place> {
  const ws = await findWorksheet(options.worksheet, ownWorksheets(options.ownFolder, options.cwd, options.env));
  const sheetArg = isDefinitionPath(options.worksheet) ? options.worksheet : ws.id;
  const dossier = await resolveDossier(options.map, options.cwd);
  const map = mapFor(dossier);
  const respondent = options.respondent === undefined ? undefined : cleanName(options.respondent);
  // The plain mode reads lines: from a terminal, or from a pipe (a script). TERM=dumb alone does not make a script.
  if (!interactive && !(mode.plain && !mode.dumb)) throw noTerminal(sheetArg, respondent, map);
  const isNewFolder = dossier.source !== 'standaard' && !(await stat(dossier.dir).catch(() => undefined));
  // The folder first, and safely (support/make-dir.ts): an odd one (/proc/self/x) is a usage error, never a hang.
  ensureFolder(dossier.dir);
  // A colleague's new file is created at once, exclusively: a colleague whose name makes the same file name,
  // started at the same moment, gets the next one (respondents.ts).
  const claimed =
    respondent === undefined ? undefined : await claimRespondentFile(dossier.dir, ws.id, respondent, (f) => AnswersFile.create(f, ws, undefined, respondent));
  // The suggested commands keep the screen the user chose (a screen reader user must not land in the full one).
  const again = (...args: string[]) =>
    suggest(
      [
        ...args,
        ...(respondent !== undefined ? ['--respondent', respondent] : []),
        // An own worksheet found through --werkbladen is found again only with it.
        ...(options.ownFolder ? ['--werkbladen', options.ownFolder] : []),
        ...(mode.plain && !mode.dumb ? ['--eenvoudig'] : []),
      ],
      map,
    );
  return {
    ws,
    sheetArg,
    dossier,
    map,
    respondent,
    target: claimed?.file ?? answersPath(dossier.dir, ws.id),
    newlyClaimed: claimed?.claimed !== undefined,
    isNewFolder,
    mode,
    out: options.out,
    inMenu: options.inMenu === true,
    again,
  };
}

function noTerminal(sheetArg: string, respondent: string | undefined, map: string | undefined): WerkboekError {
  return new WerkboekError(
    'Om een werkblad in te vullen is een terminal nodig die vragen kan stellen, en die is er nu niet.',
    ExitCode.usage,
    `Start werkboek in een terminalvenster, of beantwoord de vragen regel voor regel met --eenvoudig ` +
      `(ook vanuit een bestand: ${suggest(['start', sheetArg, ...(respondent !== undefined ? ['--respondent', respondent] : []), '--eenvoudig'], map)} < antwoorden.txt). ` +
      `Heb je een ingevuld antwoordbestand van een collega? Zet het in het dossier met: ${suggest(['importeer', 'antwoorden.yaml'], map)}`,
  );
}
