// `werkboek inleiding`: the workbook's introduction, and then the next
// useful step in the dossier (sheet-state.ts nextStep, what the menu's Enter
// picks): begin or go on with the first worksheet not finished, or, with all
// finished, make a report.
import { loadIntroduction, renderIntroduction } from '../definition/introduction.js';
import { allWorksheets, ownWorksheets } from '../definition/own.js';
import { sheetName } from '../definition/questions.js';
import { dossierState, nextStep } from '../sheet-state.js';
import { WerkboekError } from '../support/errors.js';
import type { Output } from '../support/output.js';
import { mapFor, suggest } from '../support/invocation.js';
import { wrapText } from '../support/wrap.js';

export interface IntroductionOptions {
  out: Output;
  /** Columns to wrap to; default: one less than the terminal's width (COLUMNS, else 80), at most 100. */
  width?: number;
  /** `--map`: the dossier whose next step is suggested (else WERKBOEK_MAP, else the per-user folder). */
  map?: string | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  cwd?: string;
  /** From the menu: the next step is a choice there, not a command. */
  inMenu?: boolean;
}

/** `werkboek inleiding`: the workbook's introduction, wrapped to the terminal, and the next step. */
export async function introduction({ out, width, ...where }: IntroductionOptions): Promise<void> {
  const blocks = await loadIntroduction();
  // One column less than the terminal's, as every printed line (support/output.ts): a line wrapped to the full
  // width would be wrapped once more by out.line, leaving a word alone on a line.
  const columns = width ?? Math.min(100, (process.stdout.columns || Number(process.env.COLUMNS) || 80) - 1);
  // Bold headings only on a terminal with colours (not with NO_COLOR / --no-color, nor into a file).
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: out.color && process.stdout.isTTY ? 1 : 0 });
  // Bold headings are colour codes of our own: kept (a plain line would show them as ␛[1m).
  out.styledLine(renderIntroduction(blocks, { width: columns, bold: chalk.bold, dim: (s) => s }));
  out.line();
  // The sentence wrapped to the window; the command on a line of its own, whole, so that it can be copied.
  out.line(wrapText(await nextStepText(where), columns, { whole: (line) => line.startsWith('  ') }));
}

/** "Aan de slag met werkblad 1 (…):" and the command; "Verder met …"; or, all finished, the report. */
async function nextStepText({ map, ownFolder, cwd = process.cwd(), inMenu = false }: Omit<IntroductionOptions, 'out' | 'width'>): Promise<string> {
  let state: Awaited<ReturnType<typeof dossierState>>;
  try {
    state = await dossierState(map, cwd, allWorksheets(ownWorksheets(ownFolder, cwd)));
  } catch (err) {
    // A folder that cannot be used is for start or status to explain; the introduction stays readable.
    if (!(err instanceof WerkboekError)) throw err;
    return `Aan de slag:\n  ${suggest(['start', 'gemeentelandschap'])}`;
  }
  const next = nextStep(state.sheets);
  const where = mapFor(state.dossier);
  if (next.kind === 'report') {
    return inMenu
      ? 'Alle werkbladen zijn afgerond. Kies "Rapport maken" in het menu.'
      : `Alle werkbladen zijn afgerond. Maak er één document van:\n  ${suggest(['rapport', 'alles', '-o', 'dossier.docx'], where)}`;
  }
  const { worksheet, walk } = next.state;
  if (next.state.error)
    return inMenu
      ? `Het antwoordbestand van ${sheetName(worksheet)} kan niet gelezen worden. Kies "Werkblad ${worksheet.number}" in het menu: daar zie je wat er mis is en hoe je het herstelt.`
      : `${sheetName(worksheet, true)} kan niet gelezen worden. Wat er mis is, zie je met:\n  ${suggest(['status'], where)}`;
  const lead =
    next.state.status === 'concept'
      ? `Verder met ${sheetName(worksheet)}, ${walk.done} van ${walk.total} beantwoord`
      : `Aan de slag met ${sheetName(worksheet)}`;
  return inMenu ? `${lead}: kies "Werkblad ${worksheet.number}" in het menu.` : `${lead}:\n  ${suggest(['start', worksheet.id], where)}`;
}
