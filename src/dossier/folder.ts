// Where a library's dossier (one answers file per worksheet) lives.
import path from 'node:path';
import { userFolder } from '../support/user-folders.js';
import { completeInterruptedRound } from './round-journal.js';
import { makeDir } from '../support/make-dir.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';

export type DossierSource = 'optie' | 'WERKBOEK_MAP' | 'standaard';

export interface Dossier {
  dir: string;
  source: DossierSource;
}

/**
 * `--map` wins, then WERKBOEK_MAP, then the per-user data folder, so that a
 * worksheet resumes no matter from which directory werkboek is started.
 */
export async function resolveDossier(
  map: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  say: (line: string) => void = toStderr,
): Promise<Dossier> {
  const dossier: Dossier = map
    ? { dir: path.resolve(cwd, map), source: 'optie' }
    : env.WERKBOEK_MAP
      ? { dir: path.resolve(cwd, env.WERKBOEK_MAP), source: 'WERKBOEK_MAP' }
      : { dir: userFolder('data', env), source: 'standaard' };
  // A `nieuwe-ronde` that was killed halfway is completed before anything else (round-journal.ts).
  const done = await completeInterruptedRound(dossier.dir);
  if (done) say(done);
  return dossier;
}

function toStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Where answers go that could not be saved in the dossier (a full disk, a
 * folder that became read-only): the per-user data folder, else the temp folder.
 */
export async function rescueFolders(): Promise<string[]> {
  const { tmpdir } = await import('node:os');
  return [path.join(userFolder('data'), 'gered'), path.join(tmpdir(), 'werkboek-gered')];
}

export function answersPath(dir: string, worksheetId: string): string {
  return path.join(dir, `${worksheetId}.yaml`);
}

/** Make a dossier's folder if needed (safely: support/make-dir.ts); one that cannot be made is a usage error (exit 2), said in Dutch. */
export function ensureFolder(dir: string): void {
  try {
    makeDir(dir);
  } catch (err) {
    // Not writable, a file in the way, a full disk: writing failed (exit 5). Anything else (a folder
    // under /proc that cannot be made, a name too long, a loop of links): a folder that cannot be one (exit 2).
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const writing = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EEXIST'].includes(code);
    throw new WerkboekError(
      `Kan de map ${dir} niet gebruiken: ${describeFsError(err)}.`,
      writing ? ExitCode.writeFailed : ExitCode.usage,
      'Kies een andere map met --map <map> (of WERKBOEK_MAP).',
    );
  }
}
