// The program's own files: the worksheet definitions (questions/), the
// report templates (templates/), the introduction, the build's compiled
// worksheets (dist/worksheets.json) and package.json. Read from the project
// folder (two levels above this module, from src/ and from dist/app/ alike),
// or, in a single executable (an SEA, `npm run release`), from its assets,
// stored under the same relative names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sea from 'node:sea';
import { fileURLToPath } from 'node:url';

/** Whether this process is a single executable (scripts/release.mjs). */
export const runsAsSea: boolean = sea.isSea();

/** The project folder; not used in a single executable, which has no files of its own on disk. */
const root = (): string => fileURLToPath(new URL('../../', import.meta.url));

/** Where a program file is, for messages: a path on disk, or its name inside the executable. */
export function programFilePath(relative: string): string {
  return runsAsSea ? relative : path.join(root(), relative);
}

/** A program file's text ("questions/inleiding.md"); throws like readFileSync when it is not there. */
export function readProgramFile(relative: string): string {
  if (!runsAsSea) return readFileSync(path.join(root(), relative), 'utf8');
  try {
    return sea.getAsset(relative, 'utf8');
  } catch {
    throw Object.assign(new Error(`${relative} is not in this executable`), { code: 'ENOENT' });
  }
}

/** The program files in a folder ("questions") with a name ending in `extension`, sorted, as relative names. */
export function listProgramFiles(folder: string, extension: string): string[] {
  const names = runsAsSea
    ? sea
        .getAssetKeys()
        .filter((key) => path.posix.dirname(key) === folder)
        .map((key) => path.posix.basename(key))
    : readdirSync(path.join(root(), folder));
  return names
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/**
 * The handleiding (docs/handleiding.md) on this computer: in the project and
 * in the npm package (package.json "files"); a single executable has none
 * (it is handed out beside it, docs/release.md).
 */
export function manualFile(): string | undefined {
  if (runsAsSea) return undefined;
  const file = path.join(root(), 'docs', 'handleiding.md');
  return existsSync(file) ? file : undefined;
}
