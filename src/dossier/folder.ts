// Where a library's dossier (one answers file per worksheet) lives.
import path from 'node:path';
import { userFolder } from '../support/user-folders.js';
import { completeInterruptedRound } from './round-journal.js';

export type DossierSource = 'optie' | 'WERKBOEK_MAP' | 'standaard';

export interface Dossier {
  dir: string;
  source: DossierSource;
}

/**
 * `--map` wins, then WERKBOEK_MAP, then the per-user data folder, so that a
 * worksheet resumes no matter from which directory werkboek is started.
 */
export async function resolveDossier(map: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env, say: (line: string) => void = toStderr): Promise<Dossier> {
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
