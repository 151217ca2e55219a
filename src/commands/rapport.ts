// `werkboek rapport <werkblad|alles>`: a report of one worksheet or of the
// whole dossier, as Markdown (default, to stdout so it pipes), HTML, a
// draft email (report/deliver.ts, which loads marked, sanitize-html and
// nodemailer only for html/eml) or a Word document (report/docx.ts, loaded
// only for docx).
import { loadShippedWorksheets } from '../definition/load.js';
import { allWorksheets, findWorksheet, ownWorksheets } from '../definition/own.js';
import { sheetState, type SheetState } from '../sheet-state.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { resolveDossier } from '../dossier/folder.js';
import { dossierReport, worksheetReport, type ReportDocument } from '../report/model.js';
import { loadTemplate, renderTemplate } from '../report/template.js';
import { checkWordRequest, deliver, formatReport, type ReportRequest } from '../report/deliver.js';
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
  const dossier = await resolveDossier(opts.map, cwd);
  const now = opts.now ?? new Date();

  let doc: ReportDocument;
  let answerFiles: string[];
  const own = ownWorksheets(opts.ownFolder, cwd);
  if (ALL.has(opts.worksheet.trim().toLowerCase())) {
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
    // The shipped worksheets are among the states: Probiblio's closing comes from them (never from an own one).
    doc = dossierReport(states, { now });
    answerFiles = states.map((s) => s.file);
  } else {
    // The shipped worksheets, for Probiblio's closing when ws has none, loaded alongside ws.
    const [ws, workbook] = await Promise.all([findWorksheet(opts.worksheet, own, [{ name: 'alles', description: 'alle werkbladen in één rapport' }]), loadShippedWorksheets()]);
    const state = await sheetState(ws, dossier.dir);
    throwUnreadable([state]);
    if (!state.answers) {
      throw new WerkboekError(
        `${sheetName(ws, true)} is nog niet begonnen. Begin met: ${suggest(['start', ws.id], mapFor(dossier))}`,
        ExitCode.usage,
        `Gezocht in ${dossier.dir}. Staan je antwoorden ergens anders? Gebruik dan --map <map>.`,
      );
    }
    doc = worksheetReport(state, { now, workbook });
    answerFiles = [state.file];
  }

  const content = format === 'docx' ? await wordReport(doc) : await formatReport(await renderTemplate(await loadTemplate(opts.template, cwd), doc.context), doc, format, recipients);
  await deliver(content, { output: opts.output, cwd, out, answerFiles }, 'Rapport');
}

async function wordReport(doc: ReportDocument): Promise<Uint8Array> {
  const { reportDocx } = await import('../report/docx.js');
  return reportDocx(doc);
}

function throwUnreadable(states: SheetState[]): void {
  const broken = states.find((s) => s.error);
  if (broken?.error) throw broken.error;
}
