// `werkboek nieuwe-ronde`: close the current round of a dossier. Its answers
// files move, unchanged, into `ronde-<naam>/`; the next `start` of a
// worksheet offers last round's answers as defaults.
import path from 'node:path';
import { allWorksheets, ownWorksheets } from '../definition/own.js';
import { resolveDossier } from '../dossier/folder.js';
import { closeRound } from '../dossier/rounds.js';
import { mapFor, suggest } from '../support/invocation.js';
import type { Output } from '../support/output.js';

export interface NewRoundOptions {
  map?: string | undefined;
  /** `--werkbladen`: own worksheets, whose answers files move along (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  /** The round's name (default: the year its files were begun). */
  name?: string | undefined;
  cwd: string;
  out: Output;
  now?: Date | undefined;
}

export async function newRound(opts: NewRoundOptions): Promise<void> {
  const dossier = await resolveDossier(opts.map, opts.cwd);
  const map = mapFor(dossier);
  const ids = (await allWorksheets(ownWorksheets(opts.ownFolder, opts.cwd))).map((ws) => ws.id);
  const { round, files } = await closeRound(dossier.dir, ids, { name: opts.name, map, ...(opts.now && { now: opts.now }) });
  const { out } = opts;
  out.line(`Ronde ${round.name} is afgesloten: ${files.length} ${files.length === 1 ? 'bestand staat' : 'bestanden staan'} nu ongewijzigd in ${round.dir}${path.sep}`);
  for (const file of files) out.line(`  ${file}`);
  out.line();
  out.line('Begin de nieuwe ronde met bijvoorbeeld:');
  // The first worksheet of the closed round (not worksheet 1 when only worksheet 3 was filled in).
  const first = ids.find((id) => files.includes(`${id}.yaml`)) ?? ids[0] ?? 'gemeentelandschap';
  out.line(`  ${suggest(['start', first], map)}`);
  out.line('Je antwoorden van de vorige ronde staan dan bij elke vraag klaar: Enter neemt ze over, typen wijzigt ze.');
  out.line(`Wat er veranderd is, zie je daarna met: ${suggest(['verschil'], map)}`);
}
