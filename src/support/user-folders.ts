// werkboek's per-user folders: `data` for dossiers and rescue files. Versions
// before 0.2 also kept copies of answers files and compiled code in a `cache`
// folder; removeOldCache() clears it.
//
// The folders are those the env-paths package gives (name "werkboek", no
// suffix), computed here: env-paths imports `node:process` as an ES module,
// and building that module's facade costs about a quarter of a bare Node
// start (docs/performance.md), at every command, since removeOldCache runs at
// every start.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

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
  return platformFolder(kind, process.platform, homedir(), process.env);
}

/** The folders of env-paths 4 for the name "werkboek" (suffix ""): macOS, Windows, and the XDG folders elsewhere. */
export function platformFolder(kind: 'data' | 'cache', platform: NodeJS.Platform, home: string, env: NodeJS.ProcessEnv): string {
  const name = 'werkboek';
  if (platform === 'darwin') return join(home, 'Library', kind === 'data' ? 'Application Support' : 'Caches', name);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), name, kind === 'data' ? 'Data' : 'Cache');
  if (kind === 'data') return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), name);
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), name);
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
