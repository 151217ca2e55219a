// `werkboek overzicht <map…>` (or `--map <map>`, repeatable, as every other
// command takes a map): for advisers, per library (dossier) and
// worksheet how far it is, as a list on the screen or as CSV (Excel),
// Markdown or HTML. Reads only; a broken or foreign file is listed and
// skipped.
import path from 'node:path';
import { allWorksheets, ownWorksheets } from '../definition/own.js';
import type { KeyQuestionRef, Worksheet } from '../definition/schema.js';
import { allQuestions } from '../definition/questions.js';
import { findDossiers } from '../dossier/discover.js';
import { keyColumns, overviewCsv, overviewMarkdown, overviewRow, overviewText, type Overview, type OverviewSheet } from '../report/overview.js';
import { sheetState } from '../sheet-state.js';
import { checkOutputName, deliver } from '../report/deliver.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import { displayPath, suggest } from '../support/invocation.js';
import type { Output } from '../support/output.js';
import { typeOf } from '../types/registry.js';

/** A worksheet of the overview, with the definition its answers files are read with. */
type Sheet = OverviewSheet & { worksheet: Worksheet };

export type OverviewFormat = 'tekst' | 'md' | 'html' | 'csv';

export interface OverviewOptions {
  folders: string[];
  format?: OverviewFormat | undefined;
  output?: string | undefined;
  /** `--vervang`: -o may replace a file that is there (else it is refused). */
  replace?: boolean | undefined;
  /** "werkblad.vraag" or "vraag", comma-separated: instead of the worksheets' own kernvragen. */
  keys?: string | undefined;
  cwd: string;
  out: Output;
  now?: Date | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN), shown after the shipped ones. */
  ownFolder?: string | undefined;
}

export async function overview(opts: OverviewOptions): Promise<void> {
  const { cwd, out } = opts;
  if (!opts.folders.length) {
    throw new WerkboekError(
      'Geef de map (of mappen) met de dossiers van de bibliotheken.',
      ExitCode.usage,
      `Bijvoorbeeld: ${suggest(['overzicht', 'dossiers'])} of ${suggest(['overzicht', '--map', 'dossiers/oost', '--map', 'dossiers/west'])}`,
    );
  }
  const format = opts.format ?? formatOf(opts.output);
  checkOutputName(opts.output, format, ['csv', 'md', 'html'], 'overzicht');
  const worksheets = await allWorksheets(ownWorksheets(opts.ownFolder, cwd));
  const chosen = opts.keys !== undefined ? parseKeys(opts.keys, worksheets) : undefined;
  const sheets: Sheet[] = worksheets.map((ws) => ({ worksheet: ws, keys: keyColumns(ws, chosen ? (chosen.get(ws.id) ?? []) : ws.kernvragen) }));
  const data = await buildOverview(
    opts.folders.map((f) => path.resolve(cwd, f)),
    sheets,
    cwd,
  );
  if (!data.rows.length) {
    throw new WerkboekError(
      `Geen dossiers gevonden in ${opts.folders.join(', ')}${data.folderProblems.length ? ` (${data.folderProblems.join('; ')})` : ''}.`,
      ExitCode.usage,
      'Geef een map met antwoordbestanden (gemeentelandschap.yaml enz.) of een map met één submap per bibliotheek.',
    );
  }
  const now = opts.now ?? new Date();
  let content: string;
  switch (format) {
    case 'tekst':
      // On a terminal fitted to its width; into a file or a pipe one line per worksheet.
      content = overviewText(data, opts.output === undefined || opts.output === '-' ? out.columns() : undefined);
      break;
    case 'md':
      content = overviewMarkdown(data, now);
      break;
    case 'csv':
      content = overviewCsv(data);
      break;
    case 'html': {
      const { htmlDocument } = await import('../report/html.js');
      content = htmlDocument(overviewMarkdown(data, now), 'Overzicht digitale inclusie');
      break;
    }
  }
  await deliver(
    content,
    { output: opts.output, replace: opts.replace, cwd, out },
    `Overzicht van ${data.rows.length} ${data.rows.length === 1 ? 'bibliotheek' : 'bibliotheken'}`,
  );
}

/**
 * Read every dossier in the folders into the overview: each answers file's
 * state once (sheet-state.ts: a broken file is reported, not thrown; never
 * writes, never locks).
 */
export async function buildOverview(folders: string[], sheets: Sheet[], cwd: string): Promise<Overview> {
  const { dossiers, problems } = await findDossiers(
    folders,
    sheets.map((s) => s.worksheet.id),
  );
  const rows = [];
  for (const dir of dossiers) {
    const shown = displayPath(dir, cwd);
    const read = [];
    for (const sheet of sheets) {
      const { worksheet } = sheet;
      read.push({ ...sheet, read: await sheetState(worksheet, dir, path.join(dir, `${worksheet.id}.yaml`), path.join(shown, `${worksheet.id}.yaml`)) });
    }
    rows.push(overviewRow(shown, read));
  }
  return { sheets, rows, folderProblems: problems };
}

/** `-o overzicht.csv` means CSV, `.md` Markdown, `.html` HTML; no file: text on the screen. */
function formatOf(output: string | undefined): OverviewFormat {
  if (output === undefined || output === '-') return 'tekst';
  const ext = output.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'csv';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  throw new WerkboekError(
    `Onbekend formaat voor ${output}.`,
    ExitCode.usage,
    'Kies -o overzicht.csv (voor Excel), -o overzicht.md of -o overzicht.html, of geef --formaat csv|md|html|tekst.',
  );
}

/** "gemeentelandschap.thema-in-agenda,uren-voldoende" -> per worksheet its key questions. */
function parseKeys(list: string, worksheets: readonly Worksheet[]): Map<string, KeyQuestionRef[]> {
  const chosen = new Map<string, KeyQuestionRef[]>();
  for (const raw of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const dot = raw.indexOf('.');
    const [sheetId, questionId] = dot > 0 ? [raw.slice(0, dot), raw.slice(dot + 1)] : [undefined, raw];
    const ws = worksheets.find(
      (w) => (sheetId === undefined || w.id === sheetId) && allQuestions(w).some((q) => q.id === questionId && typeOf(q).key !== undefined),
    );
    if (!ws) {
      const known = worksheets.flatMap((w) =>
        allQuestions(w)
          .filter((q) => typeOf(q).key === 'ja-nee')
          .map((q) => `${w.id}.${q.id}`),
      );
      throw new WerkboekError(
        `Onbekende kernvraag "${raw}" (verwacht: werkblad.vraag-id van een ja/nee- of keuzevraag).`,
        ExitCode.usage,
        `Bijvoorbeeld: ${suggest(['overzicht', 'dossiers', '--kernvragen', known.slice(0, 2).join(',')])}. Ja/nee-vragen: ${known.join(', ')}.`,
      );
    }
    chosen.set(ws.id, [...(chosen.get(ws.id) ?? []), questionId]);
  }
  return chosen;
}
