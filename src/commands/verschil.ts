// `werkboek verschil [<werkblad>]`: what changed between the last closed
// round and now (or between the last two rounds when nothing is filled in
// yet, or `--ronde <naam>` and now), as Markdown, HTML or an .eml draft; on a
// terminal as readable text, like `rapport`. No Word document: -o v.docx is refused.
import { allWorksheets, findWorksheet, ownWorksheets } from '../definition/own.js';
import type { Worksheet } from '../definition/schema.js';
import { answerValue, type Answers } from '../dossier/answers.js';
import { resolveDossier } from '../dossier/folder.js';
import { listRounds, ROUND_PREFIX, roundFiles, type Round } from '../dossier/rounds.js';
import { diffMarkdown, diffSheet, diffTitle, type DiffHeading } from '../report/diff.js';
import { checkOutputName, deliver, formatReport, screenColumns, screenText } from '../report/deliver.js';
import { sheetState, type SheetState } from '../sheet-state.js';
import { checkRecipients } from '../report/recipients.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { mapFor, suggest } from '../support/invocation.js';
import type { Output } from '../support/output.js';
import { formatDayNl } from '../support/dates.js';
import { sheetName } from '../definition/questions.js';

export interface DiffOptions {
  worksheet?: string | undefined;
  map?: string | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  /** Compare this round with now. */
  round?: string | undefined;
  format: 'md' | 'html' | 'eml';
  output?: string | undefined;
  /** `--vervang`: -o may replace a file that is there (else it is refused). */
  replace?: boolean | undefined;
  /** `--aan`: recipients of the e-mail draft. */
  to?: string | undefined;
  cwd: string;
  out: Output;
  now?: Date | undefined;
}

interface Side {
  label: string;
  dir: string;
}

export async function difference(opts: DiffOptions): Promise<void> {
  checkOutputName(opts.output, opts.format, ['md', 'html', 'eml'], 'verschil');
  const recipients = opts.to !== undefined ? checkRecipients(opts.to, opts.format, ['verschil']) : undefined;
  const dossier = await resolveDossier(opts.map, opts.cwd);
  const map = mapFor(dossier);
  const own = ownWorksheets(opts.ownFolder, opts.cwd);
  const all = await allWorksheets(own);
  const worksheets = opts.worksheet ? [await findWorksheet(opts.worksheet, own)] : all;
  const rounds = await listRounds(dossier.dir);
  if (!rounds.length) {
    throw new WerkboekError(
      `Er is in ${dossier.dir} nog geen afgesloten ronde om mee te vergelijken.`,
      ExitCode.usage,
      `Sluit een ronde af met: ${suggest(['nieuwe-ronde'], map)}`,
    );
  }
  const [from, to] = await sides(rounds, dossier.dir, all, opts.round, map);
  const diffs = [];
  const current: SheetState[] = [];
  let library: string | null = null;
  for (const ws of worksheets) {
    const before = await readableState(from.dir, ws);
    const after = await readableState(to.dir, ws);
    current.push(after);
    if (!before.answers && !after.answers) continue;
    library ??= libraryName(after.answers?.answers) ?? libraryName(before.answers?.answers);
    diffs.push(diffSheet(before, after));
  }
  if (!diffs.length) {
    throw new WerkboekError(`${worksheets[0] ? sheetName(worksheets[0], true) : 'Dit werkblad'} is in geen van beide rondes ingevuld.`, ExitCode.usage);
  }
  // "ronde 2026 en nu" reads oddly when both are 2026: now is named by when this round began.
  const since = to.dir === dossier.dir ? roundBegan(current) : undefined;
  const heading: DiffHeading = { from: from.label, to: since ? `nu (sinds ${formatDayNl(since)})` : to.label, library, now: opts.now ?? new Date() };
  const markdown = diffMarkdown(diffs, heading);
  const title = diffTitle(heading);
  // On a terminal as readable text; into a pipe or a file as Markdown (or the format asked for).
  const columns = screenColumns(opts);
  const content = columns ? await screenText(markdown, columns) : await formatReport(markdown, { plainTitle: title, subject: title }, opts.format, recipients);
  await deliver(content, opts, 'Verschil');
}

/** Which two rounds: --ronde and now; else the last round and now; else (nothing filled in yet) the last two rounds. */
async function sides(rounds: Round[], dir: string, worksheets: Worksheet[], asked: string | undefined, map: string | undefined): Promise<[Side, Side]> {
  const now: Side = { label: 'nu', dir };
  const side = (r: Round): Side => ({ label: `ronde ${r.name}`, dir: r.dir });
  if (asked !== undefined) {
    const name = asked.trim().replace(new RegExp(`^${ROUND_PREFIX}`), '');
    const round = rounds.find((r) => r.name === name);
    if (!round) {
      throw new WerkboekError(
        `Er is geen ronde "${asked}" in ${dir}.`,
        ExitCode.usage,
        `Afgesloten rondes: ${rounds.map((r) => r.name).join(', ')}. Bijvoorbeeld: ${suggest(['verschil', '--ronde', rounds[rounds.length - 1]?.name ?? ''], map)}`,
      );
    }
    return [side(round), now];
  }
  const last = rounds[rounds.length - 1] as Round;
  const current = await roundFiles(
    dir,
    worksheets.map((w) => w.id),
  );
  if (current.length || rounds.length < 2) return [side(last), now];
  return [side(rounds[rounds.length - 2] as Round), side(last)];
}

/** When the current round began: the first answers file made in it (undefined when none has a date). */
function roundBegan(states: readonly SheetState[]): Date | undefined {
  const made: number[] = [];
  for (const state of states) {
    const created = state.answers?.meta.created;
    const time = created ? Date.parse(created) : Number.NaN;
    if (!Number.isNaN(time)) made.push(time);
  }
  return made.length ? new Date(Math.min(...made)) : undefined;
}

/** A worksheet's state in a round's folder (or the dossier's); an unreadable file stops the command. */
async function readableState(dir: string, ws: Worksheet): Promise<SheetState> {
  const state = await sheetState(ws, dir);
  if (state.error) throw state.error;
  return state;
}

function libraryName(answers: Answers | undefined): string | null {
  const name = answerValue(answers?.bibliotheek);
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}
