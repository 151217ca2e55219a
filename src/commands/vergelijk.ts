// `werkboek vergelijk <werkblad>`: the answers of everyone who filled in a
// worksheet in this dossier (the own file and the colleagues', see
// dossier/respondents.ts) side by side, with gesprekspunten and everyone's
// ontwikkelpunten (report/compare.ts, templates/vergelijk.md.liquid), as
// Markdown, HTML or an email draft, like `rapport`. With one respondent it
// says so and gives the ordinary report.
import { loadShippedWorksheets } from '../definition/load.js';
import { findWorksheet, ownWorksheets } from '../definition/own.js';
import { sheetName } from '../definition/questions.js';
import { resolveDossier } from '../dossier/folder.js';
import {
  checkOutputName,
  checkWordRequest,
  deliver,
  formatReport,
  screenColumns,
  screenText,
  type MarkdownFormat,
  type ReportRequest,
} from '../report/deliver.js';
import { checkRecipients } from '../report/recipients.js';
import { compareReport } from '../report/compare.js';
import { worksheetReport } from '../report/model.js';
import { loadTemplate, renderTemplate } from '../report/template.js';
import { respondentStates } from '../sheet-state.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { mapFor, suggest } from '../support/invocation.js';

export type CompareOptions = ReportRequest & {
  /** --werkbladen: a folder of own worksheet definitions (else WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
};

export async function compare(opts: CompareOptions): Promise<void> {
  const { format, out, cwd } = opts;
  const recipients = opts.to !== undefined ? checkRecipients(opts.to, format, ['vergelijk', opts.worksheet]) : undefined;
  checkWordRequest(opts, ['vergelijk', opts.worksheet]);
  checkOutputName(opts.output, format, ['docx', 'md', 'html', 'eml'], 'vergelijking');
  const dossier = await resolveDossier(opts.map, cwd);
  const now = opts.now ?? new Date();
  // The shipped worksheets, for Probiblio's closing when ws has none, loaded alongside ws.
  const [ws, workbook] = await Promise.all([findWorksheet(opts.worksheet, ownWorksheets(opts.ownFolder, cwd)), loadShippedWorksheets()]);
  // Every respondent's state (definition, answers file, walk), read once: the model is made from them alone.
  const states = await respondentStates(ws, dossier.dir);
  const broken = states.find((s) => s.error);
  if (broken?.error) throw broken.error;
  const started = states.filter((s) => s.answers);
  const map = mapFor(dossier);
  const [only, ...others] = started;
  if (!only) {
    throw new WerkboekError(
      `${sheetName(ws, true)} is hier nog door niemand ingevuld, dus er valt nog niets te vergelijken.`,
      ExitCode.usage,
      `Laat iedereen invullen met ${suggest(['start', ws.id, '--respondent', 'Naam collega'], map)}, of zet een ontvangen bestand erbij met ${suggest(['importeer', '<bestand>'], map)} (gezocht in ${dossier.dir}).`,
    );
  }

  // On a terminal as readable text; into a pipe or a file as Markdown (or the format asked for).
  const columns = screenColumns(opts);
  // In plain text everyone's answer side by side is an item per respondent ("• Piet Bakker: Ja").
  const sideBySide = started.map((s) => s.name);
  const text = async (markdown: string, doc: { plainTitle: string; subject: string }, as: MarkdownFormat) =>
    columns ? screenText(markdown, columns, { sideBySide }) : formatReport(markdown, { ...doc, sideBySide }, as, recipients);
  let content: string | Uint8Array;
  if (started.length === 1) {
    // Said on stderr: stdout (or -o) gets the report itself.
    out.stderr(
      `Alleen ${only.name} heeft werkblad ${ws.number} ingevuld; er valt nog niets te vergelijken. Dit is het gewone rapport.\n` +
        `Een collega vult in met: ${suggest(['start', ws.id, '--respondent', 'Naam collega'], map)}\n`,
    );
    const report = worksheetReport(only, { now, workbook });
    if (format === 'docx') content = await (await import('../report/docx.js')).reportDocx(report);
    else content = await text(await renderTemplate(await loadTemplate(undefined, cwd), report.context), report, format);
  } else {
    const comparison = compareReport([only, ...others], { now, workbook });
    if (format === 'docx') content = await (await import('../report/docx.js')).compareDocx(comparison);
    else {
      content = await text(await renderTemplate(await loadTemplate(opts.template, cwd, 'vergelijk.md.liquid'), comparison.context), comparison, format);
    }
  }
  const what = started.length === 1 ? 'Rapport' : `Vergelijking van ${started.length} collega's`;
  await deliver(content, { output: opts.output, replace: opts.replace, cwd, out, answerFiles: states.map((s) => s.file) }, what);
}
