import { dossierState, describeState } from '../sheet-state.js';
import type { Output } from '../support/output.js';
import { allQuestions } from '../definition/questions.js';
import { mapFor, suggest } from '../support/invocation.js';

export interface ListOptions {
  map?: string | undefined;
  cwd: string;
  out: Output;
}

/** `werkboek lijst`: the worksheets with id, title, number of questions and state. */
export async function list({ map, cwd, out }: ListOptions): Promise<void> {
  const { dossier, sheets } = await dossierState(map, cwd);
  const width = Math.max(...sheets.map((s) => s.worksheet.id.length));
  for (const s of sheets) {
    const count = allQuestions(s.worksheet).length;
    out.line(`${s.worksheet.number}. ${s.worksheet.id.padEnd(width)}  ${s.worksheet.title}`);
    out.line(`   ${' '.repeat(width)}  ${count} vragen · ${describeState(s)}`);
  }
  out.line();
  out.line(`Invullen: ${suggest(['start', '<werkblad>'], mapFor(dossier))}`);
}
