// Own worksheets: a definition file named on the command line
// (`werkboek start ./mijn-werkblad.yaml`) or a folder of them (`--werkbladen
// <map>` or WERKBOEK_WERKBLADEN), next to the shipped ones. They are
// validated when they are used (check.ts, so zod is loaded only then), with
// their mistakes as bestand:regel:kolom.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Worksheet } from './schema.js';
import { loadShippedWorksheets, shippedDefinitionFiles, resolveWorksheet } from './load.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';

export interface OwnWorksheets {
  /** A folder of own definitions (absolute), if any. */
  folder?: string;
  cwd: string;
}

/** `--werkbladen <map>` wins, then WERKBOEK_WERKBLADEN. */
export function ownWorksheets(option: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env): OwnWorksheets {
  const folder = option ?? (env.WERKBOEK_WERKBLADEN || undefined);
  return folder ? { folder: path.resolve(cwd, folder), cwd } : { cwd };
}

/** A worksheet named by its file ("./mijn-werkblad.yaml") rather than by its id. */
export function isDefinitionPath(name: string): boolean {
  return /\.ya?ml$/i.test(name.trim());
}

/** One own definition, validated; a mistake throws with bestand:regel:kolom. */
export async function loadDefinitionAt(file: string, cwd: string): Promise<Worksheet> {
  const full = path.resolve(cwd, file);
  const { loadDefinitionFile } = await import('./check.js');
  return loadDefinitionFile(full, path.relative(cwd, full) || full);
}

const loaded = new Map<string, Promise<Worksheet[]>>();

/** The shipped worksheets, then those in the own folder (by number, then id). An own id that is already taken is refused. */
export function allWorksheets(own?: OwnWorksheets): Promise<Worksheet[]> {
  const folder = own?.folder;
  if (!folder) return loadShippedWorksheets();
  const cwd = own?.cwd ?? process.cwd();
  let found = loaded.get(folder);
  if (!found) {
    found = (async () => {
      const shipped = await loadShippedWorksheets();
      let names: string[];
      try {
        names = (await readdir(folder)).filter((n) => isDefinitionPath(n)).sort();
      } catch (err) {
        throw new WerkboekError(
          `Kan de map met eigen werkbladen ${folder} niet lezen: ${describeFsError(err)}.`,
          ExitCode.usage,
          'Geef een bestaande map met --werkbladen <map> (of WERKBOEK_WERKBLADEN).',
        );
      }
      const defined = await Promise.all(names.map((n) => loadDefinitionAt(path.join(folder, n), cwd)));
      const all = [...shipped];
      for (const [i, ws] of defined.entries()) {
        if (all.some((s) => s.id === ws.id)) {
          throw new WerkboekError(
            `Het eigen werkblad ${names[i] ?? ''} heeft het id "${ws.id}", maar dat id bestaat al.`,
            ExitCode.invalid,
            'Geef het eigen werkblad een ander id (de antwoorden komen in <id>.yaml in het dossier).',
          );
        }
        all.push(ws);
      }
      return [...shipped, ...all.slice(shipped.length).sort((a, b) => a.number - b.number || a.id.localeCompare(b.id))];
    })();
    loaded.set(folder, found);
  }
  return found;
}

/** A worksheet by file ("./mijn-werkblad.yaml"), id or number, among the shipped and own ones. */
export async function findWorksheet(name: string, own?: OwnWorksheets, otherNames: { name: string; description: string }[] = []): Promise<Worksheet> {
  if (isDefinitionPath(name)) {
    const cwd = own?.cwd ?? process.cwd();
    const ws = await loadDefinitionAt(name, cwd);
    const taken = await takenShippedId(ws, path.resolve(cwd, name));
    if (taken) throw taken;
    return ws;
  }
  return resolveWorksheet(name, otherNames, await allWorksheets(own));
}

/**
 * An own definition (not the shipped file itself) with the id of a shipped
 * worksheet: its answers would go into that worksheet's file. The error to
 * give, or undefined when the id is free.
 */
export async function takenShippedId(ws: Worksheet, file: string): Promise<WerkboekError | undefined> {
  const shipped = await loadShippedWorksheets();
  if (!shipped.some((s) => s.id === ws.id)) return undefined;
  if ((await shippedDefinitionFiles()).some((f) => path.resolve(f) === path.resolve(file))) return undefined;
  return new WerkboekError(
    `Het eigen werkblad ${path.basename(file)} heeft het id "${ws.id}", maar dat id is van een werkblad van het werkboek.`,
    ExitCode.invalid,
    'Geef het eigen werkblad een ander id (de antwoorden komen in <id>.yaml in het dossier).',
  );
}
