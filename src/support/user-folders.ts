// werkboek's per-user folders (env-paths): `data` for dossiers and rescue
// files, `cache` for what can be made again (the read cache, compiled code).
// Synchronous, for the code cache that bin/ sets up before anything else
// loads; dossier/folder.ts finds the dossier and the read cache with it.
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
