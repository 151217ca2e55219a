import { allWorksheets, ownWorksheets } from '../definition/own.js';
import { mapFor, suggest } from '../support/invocation.js';
import { dossierState, describeState } from '../sheet-state.js';
import path from 'node:path';
import { listRounds } from '../dossier/rounds.js';
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
  // Each worksheet's state with the colleagues who fill it in in files of their own (start --respondent, importeer).
  const { dossier, sheets, folderExists } = await dossierState(map, cwd, allWorksheets(ownWorksheets(ownFolder, cwd)), { colleagues: true });
  out.line(`Map: ${dossier.dir}`);
  if (!folderExists) {
    // How to name another folder, unless that is how this one was named.
    const elsewhere =
      dossier.source === 'optie'
        ? 'Staan je antwoorden in een andere map? Kijk dan of je bij --map de goede map opgaf.'
        : dossier.source === 'WERKBOEK_MAP'
          ? 'Staan je antwoorden in een andere map? Zet die dan in WERKBOEK_MAP, of geef hem op met --map <map>.'
          : 'Staan je antwoorden in een andere map? Geef die dan op met --map <map>.';
    out.line(`Let op: deze map bestaat (nog) niet, dus hier is nog geen werkblad begonnen. ${elsewhere}`);
  }
  out.line();
  const rounds = await listRounds(dossier.dir);
  for (const s of sheets) {
    const { colleagues } = s;
    out.line(`${s.worksheet.number}. ${s.worksheet.title} (${s.worksheet.id})`);
    out.line(
      `   ${colleagues.length ? 'Eigen bestand: ' : ''}${describeState(s)}${s.answers ? ` · laatst bijgewerkt ${formatStamp(s.answers.meta.updated)}` : ''}`,
    );
    const drafts = s.answers ? Object.values(s.answers.drafts).filter((d) => d != null).length : 0;
    if (drafts)
      out.line(
        `   ${drafts} onbevestigd${drafts === 1 ? '' : 'e'} antwoord${drafts === 1 ? '' : 'en'} (maak ${drafts === 1 ? 'het' : 'ze'} af met: ${suggest(['start', s.worksheet.id], mapFor(dossier))})`,
      );
    if (s.answers || s.error) out.line(`   ${s.file}`);
    if (s.error) out.line(`   ${s.error.message.split('\n')[0]}`);
    if (colleagues.length) {
      out.line(`   Collega's (${colleagues.length}):`);
      for (const r of colleagues) {
        out.line(
          `   - ${r.name}: ${describeState(r)}${r.answers ? ` · laatst bijgewerkt ${formatStamp(r.answers.meta.updated)}` : ''} · ${path.basename(r.file)}`,
        );
        if (r.error) out.line(`     ${r.error.message.split('\n')[0]}`);
        // What the colleague was still typing is not an answer yet: vergelijk shows that question as open.
        const theirs = r.answers ? Object.values(r.answers.drafts).filter((d) => d != null).length : 0;
        if (theirs) {
          const how = suggest(['start', s.worksheet.id, '--respondent', r.name], mapFor(dossier));
          out.line(
            `     ${theirs} onbevestigd${theirs === 1 ? '' : 'e'} antwoord${theirs === 1 ? '' : 'en'}; ${r.name} maakt ${theirs === 1 ? 'het' : 'ze'} af met:`,
          );
          out.line(`       ${how}`);
        }
      }
      // The command on a line of its own: a narrow window never breaks it in two.
      out.line(`   Zet de antwoorden naast elkaar met:`);
      out.line(`     ${suggest(['vergelijk', s.worksheet.id, '-o', 'vergelijking.docx'], mapFor(dossier))}`);
    }
  }
  // Earlier rounds (nieuwe-ronde): their answers are kept, not gone.
  if (rounds.length) {
    out.line();
    out.line(
      `Afgesloten ronde${rounds.length === 1 ? '' : 's'}: ${rounds.map((r) => `${r.name} (in ${path.basename(r.dir)}/)`).join(', ')}. Wat er sindsdien veranderde:`,
    );
    out.line(`  ${suggest(['verschil'], mapFor(dossier))}`);
  }
}
