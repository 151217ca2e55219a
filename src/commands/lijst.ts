import { allWorksheets, ownWorksheets } from '../definition/own.js';
import { dossierState, describeState, ownName } from '../sheet-state.js';
import type { Output } from '../support/output.js';
import { questionCounts } from '../walk.js';
import { mapFor, suggest } from '../support/invocation.js';

export interface ListOptions {
  map?: string | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  cwd: string;
  out: Output;
}

/**
 * `werkboek lijst`: the worksheets with id, title, number of questions and
 * state. The number is walk's count: the questions visible now (for a sheet
 * not begun: with no answers, and how many with every follow-up).
 */
export async function list({ map, ownFolder, cwd, out }: ListOptions): Promise<void> {
  // Each worksheet's state with its colleagues' (files of their own).
  const { dossier, sheets } = await dossierState(map, cwd, allWorksheets(ownWorksheets(ownFolder, cwd)), { colleagues: true });
  const width = Math.max(...sheets.map((s) => s.worksheet.id.length));
  for (const s of sheets) {
    let count = `${s.walk.total} vragen`;
    if (!s.answers) {
      const { max } = questionCounts(s.worksheet);
      if (max > s.walk.total) count += ` (tot ${max} met vervolgvragen)`;
    }
    out.line(`${s.worksheet.number}. ${s.worksheet.id.padEnd(width)}  ${s.worksheet.title}`);
    out.line(`   ${' '.repeat(width)}  ${count} · ${describeState(s)}`);
    const { colleagues } = s;
    if (colleagues.length) {
      const own = s.answers || s.error ? [`${ownName(s)}: ${describeState(s)}`] : [];
      out.line(`   ${' '.repeat(width)}  ingevuld door: ${[...own, ...colleagues.map((r) => `${r.name}: ${describeState(r)}`)].join('; ')}`);
    }
  }
  out.line();
  out.line(`Invullen, bijvoorbeeld werkblad 1: ${suggest(['start', sheets[0]?.worksheet.id ?? 'gemeentelandschap'], mapFor(dossier))}`);
}
