// Where a library's dossier (one answers file per worksheet) lives.
import path from 'node:path';

export type DossierSource = 'optie' | 'WERKBOEK_MAP' | 'standaard';

export interface Dossier {
  dir: string;
  source: DossierSource;
}

/**
 * `--map` wins, then WERKBOEK_MAP, then the per-user data folder, so that a
 * worksheet resumes no matter from which directory werkboek is started.
 */
export async function resolveDossier(map: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Dossier> {
  if (map) return { dir: path.resolve(cwd, map), source: 'optie' };
  if (env.WERKBOEK_MAP) return { dir: path.resolve(cwd, env.WERKBOEK_MAP), source: 'WERKBOEK_MAP' };
  return { dir: await userDataFolder(env), source: 'standaard' };
}

/**
 * The per-user data folder (env-paths). A relative XDG_DATA_HOME is invalid
 * by the XDG specification and ignored: otherwise the default dossier would
 * depend on the folder werkboek is started from.
 */
async function userDataFolder(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const xdg = env.XDG_DATA_HOME;
  if (process.platform === 'linux' && xdg !== undefined && xdg !== '' && !path.isAbsolute(xdg)) {
    const { homedir } = await import('node:os');
    return path.join(homedir(), '.local', 'share', 'werkboek');
  }
  const { default: envPaths } = await import('env-paths');
  return envPaths('werkboek', { suffix: '' }).data;
}

/**
 * Where answers go that could not be saved in the dossier (a full disk, a
 * folder that became read-only): the per-user data folder, else the temp folder.
 */
export async function rescueFolders(): Promise<string[]> {
  const { tmpdir } = await import('node:os');
  return [path.join(await userDataFolder(), 'gered'), path.join(tmpdir(), 'werkboek-gered')];
}

/** The per-user cache folder (env-paths; XDG_CACHE_HOME on Linux): only things that can be made again. */
export async function cacheFolder(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const xdg = env.XDG_CACHE_HOME;
  if (process.platform === 'linux' && xdg !== undefined && xdg !== '' && !path.isAbsolute(xdg)) {
    const { homedir } = await import('node:os');
    return path.join(homedir(), '.cache', 'werkboek');
  }
  const { default: envPaths } = await import('env-paths');
  return envPaths('werkboek', { suffix: '' }).cache;
}

export function answersPath(dir: string, worksheetId: string): string {
  return path.join(dir, `${worksheetId}.yaml`);
}
