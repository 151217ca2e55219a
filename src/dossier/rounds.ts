// Rounds: a library goes through the workbook again (e.g. every year). Closing
// a round (`werkboek nieuwe-ronde`) moves the dossier's answers files,
// unchanged, into a subfolder `ronde-<naam>` (by default the year the round's
// files were begun); the next `start` offers the last round's answers as
// defaults, and `verschil` compares rounds.
import { lstatSync, rmdirSync, type Stats } from 'node:fs';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { readHeadSync } from '../support/read-limited.js';
import path from 'node:path';
import type { Worksheet } from '../definition/schema.js';
import { ExitCode, WerkboekError, describeFsError } from '../support/errors.js';
import { suggest } from '../support/invocation.js';
import { AnswersFile } from './answers-file.js';
import { looksLikeAnswersFile } from './file-utils.js';
import { lockAnswersFile } from './lock.js';
import { respondentFile } from './respondents.js';
import { removeJournal, writeJournal } from './round-journal.js';

export const ROUND_PREFIX = 'ronde-';

export interface Round {
  /** "2026" */
  name: string;
  dir: string;
}

/**
 * The closed rounds of a dossier, oldest first: by the last edit of their
 * answers files (`bijgewerkt:`), so "2026-voorjaar" comes before
 * "2026-najaar"; by name (numbers in order: 2025, 2026, 2026-2) where that
 * says nothing.
 */
export async function listRounds(dir: string): Promise<Round[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const rounds = entries
    .filter((e) => e.isDirectory() && e.name.startsWith(ROUND_PREFIX) && e.name.length > ROUND_PREFIX.length)
    .map((e) => ({ name: e.name.slice(ROUND_PREFIX.length), dir: path.join(dir, e.name) }));
  const edited = new Map(await Promise.all(rounds.map(async (r) => [r.dir, await lastEdit(r.dir)] as const)));
  return rounds.sort((a, b) => {
    const [x, y] = [edited.get(a.dir) ?? '', edited.get(b.dir) ?? ''];
    return x && y && x !== y ? (x < y ? -1 : 1) : a.name.localeCompare(b.name, 'nl', { numeric: true });
  });
}

/** The latest `bijgewerkt:` among a round's answers files ('' when none says). */
async function lastEdit(roundDir: string): Promise<string> {
  let latest = '';
  for (const name of await readdir(roundDir).catch(() => [] as string[])) {
    if (!name.endsWith('.yaml')) continue;
    const head = readHeadSync(path.join(roundDir, name));
    const stamp = /^bijgewerkt:[ \t]*["']?(\d{4}-\d{2}-\d{2}T[\d:.]+Z?)/m.exec(head)?.[1] ?? '';
    if (stamp > latest) latest = stamp;
  }
  return latest;
}

/**
 * The files of a dossier that belong to the current round: every
 * `<werkblad>.yaml` and `<werkblad>.<iets>.yaml` (a colleague's answers,
 * a backup, a rescued version) that is a werkboek answers file.
 */
export async function roundFiles(dir: string, worksheetIds: readonly string[]): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ours = names.filter((n) => worksheetIds.some((id) => n === `${id}.yaml` || (n.startsWith(`${id}.`) && n.endsWith('.yaml'))));
  const checked = await Promise.all(ours.map(async (n) => ((await looksLikeAnswersFile(path.join(dir, n))) ? n : undefined)));
  return checked.filter((n): n is string => n !== undefined).sort();
}

/** "2026": the year the round's first file was begun (its `aangemaakt:`), else the current year. */
async function defaultRoundName(dir: string, files: string[], now: Date): Promise<string> {
  let earliest: string | undefined;
  for (const name of files) {
    const head = readHeadSync(path.join(dir, name));
    const created = /^aangemaakt:[ \t]*["']?(\d{4})-\d{2}-\d{2}/m.exec(head)?.[1];
    if (created && (earliest === undefined || created < earliest)) earliest = created;
  }
  return earliest ?? String(now.getFullYear());
}

/** What closing the round would do: its name and folder, and the files that move. */
export interface RoundPlan {
  round: Round;
  files: string[];
}

/** The longest round name: its folder name stays far below the 255 bytes a file system allows. */
const LONGEST_ROUND_NAME = 64;

/**
 * Which files closing the current round would move, and into which folder.
 * Refuses (exit 2, nothing moved) when there is nothing to close, the name
 * cannot be a folder name, or something named like the round's folder is
 * already there (a folder, a file, or a link, also one that leads nowhere).
 */
export async function planRound(
  dir: string,
  worksheetIds: readonly string[],
  options: { name?: string | undefined; now?: Date; map?: string | undefined } = {},
): Promise<RoundPlan> {
  const files = await roundFiles(dir, worksheetIds);
  if (!files.length) {
    throw new WerkboekError(
      `Er is in ${dir} nog niets ingevuld, dus er is geen ronde om af te sluiten.`,
      ExitCode.usage,
      `Begin met: ${suggest(['start', worksheetIds[0] ?? 'gemeentelandschap'], options.map)}`,
    );
  }
  const name = options.name?.trim() || (await defaultRoundName(dir, files, options.now ?? new Date()));
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) || name.length > LONGEST_ROUND_NAME) {
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    throw new WerkboekError(
      `"${shown}" kan geen naam van een ronde zijn.`,
      ExitCode.usage,
      `Gebruik letters, cijfers en - of _ (hoogstens ${LONGEST_ROUND_NAME} tekens), bijv. --ronde 2026 of --ronde 2026-voorjaar.`,
    );
  }
  const round = { name, dir: path.join(dir, `${ROUND_PREFIX}${name}`) };
  // lstat: a link that leads nowhere is in the way too.
  let there: Stats | undefined;
  try {
    there = lstatSync(round.dir, { throwIfNoEntry: false });
  } catch (err) {
    throw new WerkboekError(`Kan de map ${round.dir} niet gebruiken: ${describeFsError(err)}.`, ExitCode.usage);
  }
  if (there) {
    const what = there.isDirectory() ? `de map ${round.dir}` : there.isSymbolicLink() ? `een koppeling ${round.dir}` : `een bestand ${round.dir}`;
    throw new WerkboekError(
      `Er is al een ronde ${name} (${what}).`,
      ExitCode.usage,
      `Kies een andere naam, bijv.: ${suggest(['nieuwe-ronde', '--ronde', `${name}-2`], options.map)}`,
    );
  }
  return { round, files };
}

/** Remove the round's folder again when nothing is in it (something that could not be put back stays). */
function removeEmptyFolder(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or gone
  }
}

/** Signals that would end the process halfway the moves: held back until the round is closed whole. */
const HELD_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Close the current round: move its files unchanged into `ronde-<naam>`.
 * Every answers file is locked first, so a worksheet being filled in
 * elsewhere stops it before anything moves. A journal (round-journal.ts) is
 * written before the first move, so that a process killed halfway leaves a
 * round that the next command completes; Ctrl+C and stop signals wait until
 * the last file has moved. `onMove` (tests) runs before each move.
 */
export async function closeRound(plan: RoundPlan, options: { onMove?: (file: string, index: number) => Promise<void> } = {}): Promise<RoundPlan> {
  const { round, files } = plan;
  const dir = path.dirname(round.dir);
  const releases: (() => Promise<void>)[] = [];
  let held: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => (held ??= signal);
  try {
    for (const file of files) releases.push(await lockAnswersFile(path.join(dir, file)));
    await mkdir(round.dir).catch((err: unknown) => {
      throw new WerkboekError(`Kan de map ${round.dir} niet maken: ${describeFsError(err)}. Er is niets verplaatst.`, ExitCode.writeFailed);
    });
    for (const signal of HELD_SIGNALS) process.on(signal, hold);
    await writeJournal(dir, path.basename(round.dir), files).catch((err: unknown) => {
      removeEmptyFolder(round.dir);
      throw new WerkboekError(`Kan de ronde niet afsluiten: ${describeFsError(err)}. Er is niets verplaatst.`, ExitCode.writeFailed);
    });
    const moved: string[] = [];
    try {
      for (const [i, file] of files.entries()) {
        await options.onMove?.(file, i);
        await rename(path.join(dir, file), path.join(round.dir, file));
        moved.push(file);
      }
    } catch (err) {
      // Put back what was moved: a round is closed whole or not at all.
      for (const file of moved) await rename(path.join(round.dir, file), path.join(dir, file)).catch(() => {});
      removeEmptyFolder(round.dir);
      throw new WerkboekError(`Kan de ronde niet afsluiten: ${describeFsError(err)}. Er is niets verplaatst.`, ExitCode.writeFailed);
    } finally {
      await removeJournal(dir);
    }
  } finally {
    for (const release of releases) await release();
    for (const signal of HELD_SIGNALS) process.removeListener(signal, hold);
  }
  // A signal that came meanwhile ends the program now, as it would have.
  if (held) process.kill(process.pid, held);
  return plan;
}

/**
 * The answers of the most recent closed round that has this worksheet (for
 * defaults): the coordinator's own file, or with `respondent` that
 * colleague's file (found by the name in its metadata); undefined if none or
 * unreadable.
 */
export async function lastRoundAnswers(dir: string, ws: Worksheet, respondent?: string): Promise<{ round: Round; answers: AnswersFile } | undefined> {
  const rounds = await listRounds(dir);
  for (const round of rounds.reverse()) {
    try {
      let file = path.join(round.dir, `${ws.id}.yaml`);
      if (respondent !== undefined) {
        const theirs = await respondentFile(round.dir, ws.id, respondent);
        if (!theirs.exists) continue;
        file = theirs.file;
      }
      const answers = await AnswersFile.read(file, ws);
      if (answers) return { round, answers };
    } catch (err) {
      if (err instanceof WerkboekError) return undefined;
      throw err;
    }
  }
  return undefined;
}
