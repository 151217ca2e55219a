// `werkboek nieuwe-ronde`: close the current round of a dossier. Its answers
// files move, unchanged, into `ronde-<naam>/`; the next `start` of a
// worksheet offers last round's answers as defaults. In a terminal it first
// shows what will move (and which files are unfinished) and asks; `--ja`
// for scripts; without a terminal and without `--ja` it refuses.
import path from 'node:path';
import { allWorksheets, ownWorksheets } from '../definition/own.js';
import { resolveDossier } from '../dossier/folder.js';
import { closeRound, planRound } from '../dossier/rounds.js';
import { ExitCode, unlessStopped, WerkboekError } from '../support/errors.js';
import { mapFor, suggest } from '../support/invocation.js';
import type { Output } from '../support/output.js';
import { readHeadSync } from '../support/read-limited.js';
import type { Prompter } from '../terminal/prompter.js';

export interface NewRoundOptions {
  map?: string | undefined;
  /** `--werkbladen`: own worksheets, whose answers files move along (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  /** The round's name (default: the year its files were begun). */
  name?: string | undefined;
  /** `--ja`: close without asking (for scripts). */
  yes?: boolean | undefined;
  cwd: string;
  out: Output;
  now?: Date | undefined;
  /** Whether the user can be asked (default: stdin and stdout are a terminal). */
  interactive?: boolean;
  /** Tests: the prompter that asks. */
  prompter?: Prompter;
}

/** At most this many files are listed by name; the rest is counted. */
const LISTED = 10;

export async function newRound(opts: NewRoundOptions): Promise<void> {
  const dossier = await resolveDossier(opts.map, opts.cwd);
  const map = mapFor(dossier);
  const ids = (await allWorksheets(ownWorksheets(opts.ownFolder, opts.cwd))).map((ws) => ws.id);
  const plan = await planRound(dossier.dir, ids, { name: opts.name, map, ...(opts.now && { now: opts.now }) });
  const { out } = opts;
  const { round, files } = plan;
  if (!opts.yes) {
    const interactive = opts.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true);
    if (!interactive && !opts.prompter) {
      throw new WerkboekError(
        `nieuwe-ronde verplaatst ${files.length} ${files.length === 1 ? 'bestand' : 'bestanden'} naar ${round.dir}${path.sep} en vraagt daarom eerst of dat goed is; dat kan hier niet (geen terminal).`,
        ExitCode.usage,
        `Weet je het zeker? Geef dan --ja mee: ${suggest(['nieuwe-ronde', ...(opts.name ? ['--ronde', round.name] : []), '--ja'], map)}`,
      );
    }
    out.line(
      `Ronde ${round.name} afsluiten: deze ${files.length === 1 ? 'bestand gaat' : `${files.length} bestanden gaan`} ongewijzigd naar ${round.dir}${path.sep}`,
    );
    // Unfinished files first: they are what the user should see before saying yes.
    const unfinishedFiles = files.filter((file) => unfinished(path.join(dossier.dir, file)));
    const open = unfinishedFiles.length;
    listFiles(out, [...unfinishedFiles, ...files.filter((f) => !unfinishedFiles.includes(f))], (file) =>
      unfinishedFiles.includes(file) ? ' (nog niet afgerond)' : '',
    );
    if (open)
      out.line(
        `Let op: ${open === 1 ? '1 bestand is' : `${open} bestanden zijn`} nog niet afgerond; ${open === 1 ? 'het gaat' : 'ze gaan'} toch mee naar de afgesloten ronde.`,
      );
    const prompter = opts.prompter ?? (await import('../terminal/inquirer.js')).terminalPrompter({ color: out.color });
    const reply = unlessStopped(
      await prompter.select<'ja' | 'nee'>({
        message: `Ronde ${round.name} nu afsluiten?`,
        choices: [
          { value: 'nee', name: 'Nee, niets verplaatsen' },
          { value: 'ja', name: 'Ja, afsluiten' },
        ],
        default: 'nee',
        allowBack: false,
      }),
    );
    if (reply.kind !== 'answer' || reply.value !== 'ja') {
      out.line('Er is niets verplaatst.');
      return;
    }
  }
  await closeRound(plan);
  out.line(
    `Ronde ${round.name} is afgesloten: ${files.length} ${files.length === 1 ? 'bestand staat' : 'bestanden staan'} nu ongewijzigd in ${round.dir}${path.sep}`,
  );
  listFiles(out, files);
  out.line();
  out.line('Begin de nieuwe ronde met bijvoorbeeld:');
  // The first worksheet of the closed round (not worksheet 1 when only worksheet 3 was filled in).
  const first = ids.find((id) => files.includes(`${id}.yaml`)) ?? ids[0] ?? 'gemeentelandschap';
  out.line(`  ${suggest(['start', first], map)}`);
  out.line('Je antwoorden van de vorige ronde staan dan bij elke vraag klaar: Enter neemt ze over, typen wijzigt ze.');
  out.line(`Wat er veranderd is, zie je daarna met: ${suggest(['verschil'], map)}`);
}

/** Up to LISTED file names, then how many more. */
function listFiles(out: Output, files: string[], mark: (file: string) => string = () => ''): void {
  for (const file of files.slice(0, LISTED)) out.line(`  ${file}${mark(file)}`);
  if (files.length > LISTED) out.line(`  … en nog ${files.length - LISTED} ${files.length - LISTED === 1 ? 'bestand' : 'bestanden'}`);
}

/** A file whose status is not "afgerond" (by its metadata at the top). */
function unfinished(file: string): boolean {
  return !/^status:[ \t]*["']?afgerond/m.test(readHeadSync(file));
}
