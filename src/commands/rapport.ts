// `werkboek rapport <werkblad|alles>`: a report of one worksheet or of the
// whole dossier, as Markdown (default, to stdout so it pipes), HTML, a
// draft email (report/deliver.ts, which loads marked, sanitize-html and
// nodemailer only for html/eml) or a Word document (report/docx.ts, loaded
// only for docx).
import { loadShippedWorksheets } from '../definition/load.js';
import { allWorksheets, findWorksheet, ownWorksheets, type OwnWorksheets } from '../definition/own.js';
import type { Worksheet } from '../definition/schema.js';
import { sheetState, type SheetState } from '../sheet-state.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { resolveDossier, type Dossier } from '../dossier/folder.js';
import { dossierReport, worksheetReport, type ReportDocument } from '../report/model.js';
import { loadTemplate, renderTemplate } from '../report/template.js';
import { checkOutputName, checkWordRequest, deliver, formatReport, screenColumns, screenText, type ReportRequest } from '../report/deliver.js';
import { checkRecipients } from '../report/recipients.js';
import { mapFor, suggest } from '../support/invocation.js';
import { sheetName } from '../definition/questions.js';

export type ReportOptions = ReportRequest;

/** Names that mean "the whole dossier". */
const ALL = new Set(['alles', 'all']);

export async function report(opts: ReportOptions): Promise<void> {
  const { format, out, cwd } = opts;
  const recipients = opts.to !== undefined ? checkRecipients(opts.to, format, ['rapport', 'alles']) : undefined;
  checkWordRequest(opts, ['rapport', opts.worksheet]);
  checkOutputName(opts.output, format, ['docx', 'md', 'html', 'eml'], 'rapport');
  const dossier = await resolveDossier(opts.map, cwd);
  const now = opts.now ?? new Date();
  const own = ownWorksheets(opts.ownFolder, cwd);

  // Each worksheet's state (definition, answers file, walk), read once; the model is made from the states
  // alone, and the renderers read only the model.
  const loaded = ALL.has(opts.worksheet.trim().toLowerCase()) ? await dossierStates(own, dossier) : await oneState(opts.worksheet, own, dossier);
  // A dossier has the shipped worksheets among its states: Probiblio's closing comes from them (never from an own one).
  const doc = loaded.kind === 'dossier' ? dossierReport(loaded.states, { now }) : worksheetReport(loaded.state, { now, workbook: loaded.workbook });
  const columns = screenColumns(opts);
  let content: string | Uint8Array;
  if (format === 'docx') content = await wordReport(doc);
  else {
    const markdown = await renderTemplate(await loadTemplate(opts.template, cwd), doc.context);
    // On a terminal as readable text; into a pipe or a file as Markdown.
    content = columns ? await screenText(markdown, columns) : await formatReport(markdown, doc, format, recipients);
  }
  const answerFiles = loaded.kind === 'dossier' ? loaded.states.map((s) => s.file) : [loaded.state.file];
  await deliver(content, { output: opts.output, replace: opts.replace, cwd, out, answerFiles, fullPath: opts.fullPath }, 'Rapport');
}

/** Every worksheet's state (`rapport alles`); refused when one is unreadable or none is begun. */
async function dossierStates(own: OwnWorksheets, dossier: Dossier): Promise<{ kind: 'dossier'; states: SheetState[] }> {
  const worksheets = await allWorksheets(own);
  const states = await Promise.all(worksheets.map((ws) => sheetState(ws, dossier.dir)));
  throwUnreadable(states);
  if (!states.some((s) => s.answers)) {
    throw new WerkboekError(
      'Er is nog geen werkblad begonnen, dus er is nog niets voor een rapport.',
      ExitCode.usage,
      `Begin met: ${suggest(['start', worksheets[0]?.id ?? 'gemeentelandschap'], mapFor(dossier))} (gezocht in ${dossier.dir}).`,
    );
  }
  return { kind: 'dossier', states };
}

/**
 * One worksheet's state, refused when unreadable or not begun; with the
 * shipped worksheets (loaded alongside it), for Probiblio's closing when the
 * worksheet has none.
 */
async function oneState(name: string, own: OwnWorksheets, dossier: Dossier): Promise<{ kind: 'sheet'; state: SheetState; workbook: Worksheet[] }> {
  const [ws, workbook] = await Promise.all([
    findWorksheet(name, own, [{ name: 'alles', description: 'alle werkbladen in één rapport' }]),
    loadShippedWorksheets(),
  ]);
  const state = await sheetState(ws, dossier.dir);
  throwUnreadable([state]);
  if (!state.answers) {
    throw new WerkboekError(
      `${sheetName(ws, true)} is nog niet begonnen. Begin met: ${suggest(['start', ws.id], mapFor(dossier))}`,
      ExitCode.usage,
      `Gezocht in ${dossier.dir}. Staan je antwoorden ergens anders? Gebruik dan --map <map>.`,
    );
  }
  return { kind: 'sheet', state, workbook };
}

async function wordReport(doc: ReportDocument): Promise<Uint8Array> {
  const { reportDocx } = await import('../report/docx.js');
  return reportDocx(doc);
}

function throwUnreadable(states: SheetState[]): void {
  const broken = states.find((s) => s.error);
  if (broken?.error) throw broken.error;
}
