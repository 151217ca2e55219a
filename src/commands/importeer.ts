// `werkboek importeer <bestand…>`: answers files a colleague filled in
// elsewhere (with their own werkboek) and sent, stored in the dossier under
// the colleague's name (dossier/respondents.ts). Each file is checked first
// (worksheet, version, shape); a broken one is reported as
// `bestand:regel:kolom` and not copied. An existing file of the same
// colleague is never overwritten without asking: the same content does
// nothing, other content asks (default: keep both), and without a terminal
// both are kept.
import { FileRefusedError, readTextLimitedSync } from '../support/read-limited.js';
import path from 'node:path';
import { lineOfMatch } from '../definition/positions.js';
import { loadShippedWorksheets } from '../definition/load.js';
import type { Worksheet } from '../definition/schema.js';
import { AnswersFile } from '../dossier/answers-file.js';
import { backupFile } from '../dossier/file-utils.js';
import { ensureFolder, resolveDossier } from '../dossier/folder.js';
import { lockAnswersFile } from '../dossier/lock.js';
import { claimRespondentFile, cleanName, respondentFile, sheetFiles } from '../dossier/respondents.js';
import { formatStamp } from '../support/dates.js';
import { describeFsError, ExitCode, FileIssuesError, formatIssue, unlessStopped, WerkboekError, type ExitCodeValue } from '../support/errors.js';
import { displayPath, mapFor, suggest } from '../support/invocation.js';
import type { Output } from '../support/output.js';
import type { Prompter } from '../terminal/prompter.js';
import { walk } from '../walk.js';
import { questionName, sheetName } from '../definition/questions.js';

export interface ImportOptions {
  files: string[];
  /** `--respondent <naam>`: the colleague's name, when the file does not say it (or says it differently). */
  respondent?: string | undefined;
  map?: string | undefined;
  cwd: string;
  out: Output;
  /** Tests pass a scripted prompter; by default the terminal one, when there is a terminal. */
  prompter?: Prompter;
  /** Whether stdin and stdout are terminals (default: asks process). */
  interactive?: boolean;
}

type Decision = 'both' | 'replace' | 'skip';

/** Import every file; returns the exit code (0, or the worst of the files that failed). */
export async function importFiles(opts: ImportOptions): Promise<number> {
  const { out, cwd } = opts;
  if (opts.respondent !== undefined && opts.files.length > 1) {
    throw new WerkboekError(
      '--respondent kan maar bij één bestand tegelijk.',
      ExitCode.usage,
      `Importeer de bestanden een voor een, bijvoorbeeld: ${suggest(['importeer', '<bestand>', '--respondent', 'Piet Bakker'])}`,
    );
  }
  const dossier = await resolveDossier(opts.map, cwd);
  // An odd folder (/proc/self/x) is a usage error before anything is read, never a hang.
  ensureFolder(dossier.dir);
  const worksheets = await loadShippedWorksheets();
  const interactive = opts.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true);
  let prompter = opts.prompter;
  const ask = async (question: string): Promise<Decision | undefined> => {
    if (!interactive && !opts.prompter) return undefined;
    const asking: Prompter = prompter ?? (await import('../terminal/inquirer.js')).terminalPrompter({ color: out.color });
    prompter = asking;
    const reply = unlessStopped(
      await asking.select<Decision>({
        message: question,
        choices: [
          { value: 'both', name: 'Beide bewaren (het nieuwe bestand krijgt een eigen naam)' },
          { value: 'replace', name: 'Vervangen door het nieuwe bestand (het oude wordt als reservekopie bewaard)' },
          { value: 'skip', name: 'Overslaan (niets veranderen)' },
        ],
        default: 'both',
        allowBack: false,
      }),
    );
    return reply.kind === 'answer' ? reply.value : 'both';
  };

  let code: ExitCodeValue = ExitCode.ok;
  const imported = new Set<string>();
  for (const given of opts.files) {
    const source = path.resolve(cwd, given);
    const shown = displayPath(source, cwd);
    try {
      const ws = await importOne({ source, shown, dir: dossier.dir, worksheets, respondent: opts.respondent, out, ask });
      if (ws) imported.add(ws);
    } catch (err) {
      if (!(err instanceof WerkboekError)) throw err;
      if (err instanceof FileIssuesError) for (const issue of err.issues) out.line(formatIssue(issue));
      await out.error(err instanceof FileIssuesError ? `${shown} is niet geïmporteerd.` : err.message, err.hint);
      code = Math.max(code, err.exitCode) as ExitCodeValue;
    }
  }
  for (const id of imported) out.line(`Zet de antwoorden naast elkaar met: ${suggest(['vergelijk', id, '-o', 'vergelijking.docx'], mapFor(dossier))}`);
  return code;
}

interface ImportOne {
  source: string;
  shown: string;
  dir: string;
  worksheets: readonly Worksheet[];
  respondent: string | undefined;
  out: Output;
  ask: (question: string) => Promise<Decision | undefined>;
}

/** Import one file; returns its worksheet id when something was stored. */
async function importOne(args: ImportOne): Promise<string | undefined> {
  const { source, shown, dir, out } = args;
  const { ws, incoming } = await readIncoming(source, shown, args.worksheets);
  if ((await sheetFiles(dir, ws.id)).some((f) => f.file === source)) {
    out.line(`${shown} staat al in deze map; er is niets veranderd.`);
    return undefined;
  }
  const name = colleagueName(args.respondent, incoming, shown);
  const destination = await destinationOf(args, ws, name, incoming);
  if (!destination) return undefined;
  const { target, storedAs, replace } = destination;
  if (!destination.exists) {
    // A new file, created exclusively: a second import of the same colleague at the same moment
    // finds it and decides again (the same answers, or both kept), instead of failing.
    const claimed = await claimRespondentFile(dir, ws.id, storedAs, (file) => {
      incoming.setRespondent(storedAs);
      incoming.moveTo(file);
      return incoming;
    });
    if (!claimed.claimed) return importOne(args);
    reportImported(out, shown, claimed.file, ws, incoming, storedAs, name, undefined);
    return ws.id;
  }
  // Not while the colleague (or anyone) is filling in that file in this folder.
  const release = await lockAnswersFile(target);
  try {
    const backup = replace ? await backupFile(target) : undefined;
    incoming.setRespondent(storedAs);
    incoming.moveTo(target);
    await incoming.save({ replace });
    reportImported(out, shown, target, ws, incoming, storedAs, name, backup);
  } finally {
    await release();
  }
  return ws.id;
}

/** The file sent, read and checked: its worksheet (a shipped one) and a version this program knows. */
async function readIncoming(source: string, shown: string, worksheets: readonly Worksheet[]): Promise<{ ws: Worksheet; incoming: AnswersFile }> {
  let text: string;
  try {
    // A colleague's file is untrusted: never blocking, only a regular file, at most the limit.
    text = readTextLimitedSync(source, { displayName: shown });
  } catch (err) {
    if (err instanceof FileRefusedError) throw err;
    throw new WerkboekError(`Kan ${shown} niet lezen: ${describeFsError(err)}.`, ExitCode.badFile);
  }
  const ws = worksheetOf(text, shown, worksheets);
  const incoming = await AnswersFile.read(source, ws, shown).catch((err: unknown) => {
    if (err instanceof FileIssuesError) throw new FileIssuesError(err.issues, ExitCode.badFile, IMPORT_HINT(shown));
    throw err;
  });
  if (!incoming) throw new WerkboekError(`Kan ${shown} niet lezen: bestand of map bestaat niet.`, ExitCode.badFile);
  const version = incoming.meta.version;
  if (!Number.isInteger(version) || version > ws.version) {
    const at = lineOfMatch(text, /^versie:/m);
    const what = Number.isInteger(version)
      ? `dit bestand hoort bij versie ${version} van ${sheetName(ws)}; dit programma kent versie ${ws.version}`
      : 'verplicht veld "versie" ontbreekt';
    throw new FileIssuesError([{ file: shown, line: at, col: 1, path: 'versie', message: what }], ExitCode.badFile, IMPORT_HINT(shown));
  }
  return { ws, incoming };
}

/** The colleague's name: --respondent, else the file's `respondent:`, else its Naam. */
function colleagueName(respondent: string | undefined, incoming: AnswersFile, shown: string): string {
  if (respondent !== undefined && !cleanName(respondent)) {
    throw new WerkboekError(
      'De naam bij --respondent is leeg.',
      ExitCode.usage,
      `Bijvoorbeeld: ${suggest(['importeer', shown, '--respondent', 'Piet Bakker'])}`,
    );
  }
  const naam = incoming.answers.naam;
  const name = cleanName(respondent ?? incoming.meta.respondent ?? (typeof naam === 'string' ? naam : ''));
  if (!name) {
    throw new WerkboekError(
      `${shown}: er staat geen naam in (geen "respondent:" en geen Naam).`,
      ExitCode.usage,
      `Geef de naam van je collega op: ${suggest(['importeer', shown, '--respondent', 'Piet Bakker'])}`,
    );
  }
  return name;
}

interface Destination {
  target: string;
  exists: boolean;
  /** The name stored under: the colleague's, or "Naam (2)" when both are kept. */
  storedAs: string;
  replace: boolean;
}

/**
 * Where the file goes: the colleague's file, or (when one with other
 * content is there) after asking: replaced, kept both, or skipped
 * (undefined, as for the same answers already there).
 */
async function destinationOf(args: ImportOne, ws: Worksheet, name: string, incoming: AnswersFile): Promise<Destination | undefined> {
  const { shown, dir, out, ask } = args;
  let { file: target, exists } = await respondentFile(dir, ws.id, name);
  let storedAs = name;
  let replace = false;
  if (exists) {
    const current = await AnswersFile.read(target, ws).catch(() => undefined);
    // The same answers already here, also as a copy kept earlier ("Naam (2)"): nothing to do.
    const same = await sameAsStored(dir, ws, name, incoming);
    if (same) {
      out.line(`${shown}: de antwoorden van ${name} bij werkblad ${ws.number} staan er al precies zo (${path.basename(same)}); er is niets veranderd.`);
      return undefined;
    }
    const decision = await ask(
      `Er staat al een ander bestand van ${name} bij werkblad ${ws.number} (${path.basename(target)}).${current ? howTheyDiffer(ws, current, incoming) : ''} Wat wil je doen met ${shown}?`,
    );
    if (decision === 'skip') {
      out.line(`${shown}: overgeslagen; ${path.basename(target)} is niet veranderd.`);
      return undefined;
    }
    if (decision === 'replace') {
      replace = true;
    } else {
      for (let n = 2; exists; n++) {
        storedAs = `${name} (${n})`;
        ({ file: target, exists } = await respondentFile(dir, ws.id, storedAs));
      }
      if (decision === undefined) {
        out.line(
          `Er staat al een ander bestand van ${name} bij werkblad ${ws.number}; dat is niet overschreven (er is geen terminal om te vragen wat je wilt).`,
        );
      }
    }
  }
  return { target, exists, storedAs, replace };
}

function reportImported(
  out: Output,
  shown: string,
  target: string,
  ws: Worksheet,
  incoming: AnswersFile,
  storedAs: string,
  name: string,
  backup: string | undefined,
): void {
  const w = walk(ws, incoming.answers);
  const how = incoming.meta.status === 'afgerond' ? 'afgerond' : `concept, ${w.done} van ${w.total} beantwoord`;
  out.line(`${shown} → ${path.basename(target)}: ${sheetName(ws)} van ${storedAs}, ${how}.`);
  if (backup) out.line(`   Het vorige bestand van ${name} is bewaard als ${path.basename(backup)}`);
  if (storedAs !== name) out.line(`   Beide bewaard: de nieuwe versie staat als "${storedAs}" naast de bestaande van ${name}.`);
}

const IMPORT_HINT = (shown: string) =>
  `Het bestand is niet gekopieerd. Vraag je collega om het te herstellen (of een nieuw te sturen), of herstel de genoemde regel zelf en controleer het met: ${suggest(['controleer', shown])}`;

/** The shipped worksheet a file's `werkblad:` names; else an issue at that line. */
function worksheetOf(text: string, shown: string, worksheets: readonly Worksheet[]): Worksheet {
  const m = /^werkblad:[ \t]*["']?([^\s"'#]*)/m.exec(text);
  if (!m) {
    throw new FileIssuesError(
      [{ file: shown, line: 1, col: 1, path: '', message: 'dit is geen antwoordbestand van werkboek: het begint niet met "werkblad:"' }],
      ExitCode.badFile,
      IMPORT_HINT(shown),
    );
  }
  const ws = worksheets.find((s) => s.id === m[1]);
  if (ws) return ws;
  const line = lineOfMatch(text, /^werkblad:/m);
  throw new FileIssuesError(
    [
      {
        file: shown,
        line,
        col: m[0].length - (m[1]?.length ?? 0) + 1,
        path: 'werkblad',
        message: `onbekend werkblad "${m[1] ?? ''}"; kies uit: ${worksheets.map((s) => s.id).join(', ')}`,
      },
    ],
    ExitCode.badFile,
    IMPORT_HINT(shown),
  );
}

/** The stored file of `name` (or of a copy kept as "name (2)", "name (3)", …) with the same content as `incoming`, if any. */
async function sameAsStored(dir: string, ws: Worksheet, name: string, incoming: AnswersFile): Promise<string | undefined> {
  for (let n = 1; ; n++) {
    const { file, exists } = await respondentFile(dir, ws.id, n === 1 ? name : `${name} (${n})`);
    if (!exists) return undefined;
    const stored = await AnswersFile.read(file, ws).catch(() => undefined);
    if (stored && sameContent(stored, incoming)) return file;
  }
}

/** The same answers, drafts and status (metadata such as dates and the name may differ). */
function sameContent(a: AnswersFile, b: AnswersFile): boolean {
  const key = (f: AnswersFile) => JSON.stringify([f.answers, f.drafts, f.meta.status]);
  return key(a) === key(b);
}

/**
 * Which answers differ between the file in the dossier and the one sent in
 * (a few, by stap and number, and how many), and when each was last
 * changed, when that tells them apart (two files changed in the same minute
 * both say "bijgewerkt 07-12-2026 12:19").
 */
function howTheyDiffer(ws: Worksheet, current: AnswersFile, incoming: AnswersFile): string {
  const differing = ws.steps
    .flatMap((step) => step.questions)
    .filter((q) => JSON.stringify(current.answers[q.id] ?? null) !== JSON.stringify(incoming.answers[q.id] ?? null))
    .map((q) => questionName(ws, q));
  const shownNames = differing.slice(0, 3).join('; ');
  const more = differing.length > 3 ? ` en nog ${differing.length - 3}` : '';
  const answers =
    differing.length === 0
      ? ' De antwoorden zijn dezelfde; alleen de gegevens verschillen.'
      : ` ${differing.length === 1 ? 'Eén antwoord verschilt' : `${differing.length} antwoorden verschillen`}: ${shownNames}${more}.`;
  const [was, now] = [formatStamp(current.meta.updated), formatStamp(incoming.meta.updated)];
  return answers + (was !== now ? ` Het bestaande is bijgewerkt ${was}, het nieuwe ${now}.` : '');
}
