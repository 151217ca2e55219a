// werkboek's per-user folders (env-paths): `data` for dossiers and rescue
// files. Versions before 0.2 also kept copies of answers files and compiled
// code in a `cache` folder; removeOldCache() clears it.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import envPaths from 'env-paths';

/**
 * A relative XDG_DATA_HOME or XDG_CACHE_HOME is invalid by the XDG
 * specification and ignored: otherwise the folder would depend on the folder
 * werkboek is started from.
 */
export function userFolder(kind: 'data' | 'cache', env: NodeJS.ProcessEnv = process.env): string {
  const xdg = kind === 'data' ? env.XDG_DATA_HOME : env.XDG_CACHE_HOME;
  if (process.platform === 'linux' && xdg !== undefined && xdg !== '' && !isAbsolute(xdg)) {
    return join(homedir(), kind === 'data' ? '.local/share' : '.cache', 'werkboek');
  }
  return envPaths('werkboek', { suffix: '' })[kind];
}

/**
 * Remove what earlier versions kept in the cache folder (copies of answers
 * files read, in `gelezen/`, and compiled code, in `code/`), and the folder
 * when nothing else is in it: the answers belong in the dossier only. Quiet
 * when there is none or it is removed; a one-line Dutch warning when it
 * cannot be (the command goes on).
 */
export function removeOldCache(warn: (message: string) => void, env: NodeJS.ProcessEnv = process.env): void {
  let folder: string;
  try {
    folder = userFolder('cache', env);
    if (!existsSync(join(folder, 'gelezen')) && !existsSync(join(folder, 'code'))) return;
  } catch {
    return; // no home folder: there was no cache either
  }
  try {
    for (const old of ['gelezen', 'code']) rmSync(join(folder, old), { recursive: true, force: true, maxRetries: 2 });
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  } catch (err) {
    warn(`Kon de map ${folder} met kopieën van eerder gelezen antwoorden niet verwijderen (${(err as Error).message}). Verwijder die map zelf.`);
  }
}
