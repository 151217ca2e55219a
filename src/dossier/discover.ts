// Which folders are dossiers, for `overzicht`: a folder holding answers
// files (`<werkblad>.yaml`) is one dossier; any other folder holds one
// dossier per subfolder (hidden folders and closed rounds, `ronde-*`, left out).
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '../support/errors.js';
import { ROUND_PREFIX } from './rounds.js';

export interface FoundDossiers {
  /** Absolute folders, in the order given, each folder's dossiers sorted by name. */
  dossiers: string[];
  /** Folders that could not be read: "map: reden". */
  problems: string[];
}

export async function findDossiers(folders: string[], worksheetIds: readonly string[]): Promise<FoundDossiers> {
  const answersNames = new Set(worksheetIds.map((id) => `${id}.yaml`));
  const dossiers: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (dir: string) => {
    if (!seen.has(dir)) dossiers.push(dir);
    seen.add(dir);
  };
  for (const folder of folders) {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      problems.push(`${folder}: ${describeFsError(err)}`);
      continue;
    }
    if (entries.some((e) => !e.isDirectory() && answersNames.has(e.name))) {
      add(folder);
      continue;
    }
    entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith(ROUND_PREFIX))
      .map((e) => e.name)
      // Plain order (no Intl: its first use costs about 12 ms).
      .sort()
      .forEach((name) => {
        add(path.join(folder, name));
      });
  }
  return { dossiers, problems };
}
