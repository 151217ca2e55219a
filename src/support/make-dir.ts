// Making a folder and the folders above it, without Node's
// `mkdir({ recursive: true })`, which loops forever (at full CPU) under
// folders such as /proc/self, where a missing entry cannot be made and yet
// its parent exists. Here each level is made once, from the nearest folder
// that exists down, so it ends after at most as many steps as the path has
// parts, with the file-system error of the level that failed.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Make `dir` (and the folders above it that are missing). Throws the file-system error as it is. */
export function makeDir(dir: string, mode?: number): void {
  const missing: string[] = [];
  const target = path.resolve(dir);
  let at = target;
  for (;;) {
    const info = statSync(at, { throwIfNoEntry: false });
    if (info) {
      // As mkdir says it: a file where the folder should be is EEXIST, a file further up ENOTDIR.
      const code = at === target ? 'EEXIST' : 'ENOTDIR';
      if (!info.isDirectory()) throw Object.assign(new Error(`${code}: mkdir '${at}'`), { code, path: at });
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, mode === undefined ? undefined : { mode });
    } catch (err) {
      // Made meanwhile by another process: fine, as long as it is a folder.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw err;
    }
  }
}
