import { allWorksheets, ownWorksheets } from '../definition/own.js';
import { mapFor, suggest } from '../support/invocation.js';
import { dossierState, describeState } from '../sheet-state.js';
import { formatStamp } from '../support/dates.js';
import type { Output } from '../support/output.js';

export interface StatusOptions {
  map?: string | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  cwd: string;
  out: Output;
}

/** `werkboek status`: per worksheet its state, last edit and file. */
export async function status({ map, ownFolder, cwd, out }: StatusOptions): Promise<void> {
  const { dossier, sheets, folderExists } = await dossierState(map, cwd, await allWorksheets(ownWorksheets(ownFolder, cwd)));
  out.line(`Map: ${dossier.dir}`);
  if (!folderExists) {
    out.line(`Let op: deze map bestaat (nog) niet, dus hier is nog geen werkblad begonnen. Staan je antwoorden in een andere map? Geef die dan op met --map <map>.`);
  }
  out.line();
  for (const s of sheets) {
    out.line(`${s.worksheet.number}. ${s.worksheet.title} (${s.worksheet.id})`);
    out.line(`   ${describeState(s)}${s.answers ? ` · laatst bewerkt ${formatStamp(s.answers.meta.updated)}` : ''}`);
    const drafts = s.answers ? Object.values(s.answers.drafts).filter((d) => d != null).length : 0;
    if (drafts) out.line(`   ${drafts} concept-antwoord${drafts === 1 ? '' : 'en'}, nog niet bevestigd (maak ${drafts === 1 ? 'het' : 'ze'} af met: ${suggest(['start', s.worksheet.id], mapFor(dossier))})`);
    if (s.answers || s.error) out.line(`   ${s.file}`);
    if (s.error) out.line(`   ${s.error.message.split('\n')[0]}`);
  }
}
