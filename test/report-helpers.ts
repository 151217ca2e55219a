// Shared helpers for the report tests (not a test file itself).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadShippedWorksheets } from '../src/definition/load.js';
import type { Worksheet } from '../src/definition/schema.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import type { Answers } from '../src/dossier/answers.js';
import { buildReport, dossierReport, worksheetReport, type ReportDocument, type ReportMeta, type SheetInput, type SheetReport } from '../src/report/model.js';
import { walk } from '../src/walk.js';
import { loadTemplate, renderTemplate } from '../src/report/template.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
/** A fixed "now", so goldens are stable. */
export const NOW = new Date('2026-11-27T12:00:00Z');

export async function worksheet(id: string): Promise<Worksheet> {
  const ws = (await loadShippedWorksheets()).find((s) => s.id === id);
  if (!ws) throw new Error(`no worksheet ${id}`);
  return ws;
}

/** Read a fixture answers file; its worksheet comes from its `werkblad:` line. */
export async function fixture(name: string): Promise<{ ws: Worksheet; file: AnswersFile }> {
  const full = path.join(FIXTURES, name);
  const source = await readFile(full, 'utf8');
  const id = /^werkblad:\s*(\S+)/m.exec(source)?.[1];
  if (!id) throw new Error(`${name}: no werkblad`);
  const ws = await worksheet(id);
  const file = await AnswersFile.read(full, ws);
  if (!file) throw new Error(`${name}: not found`);
  return { ws, file };
}

/**
 * A worksheet's state as sheet-state.ts loads it (definition, answers file,
 * walk), from an answers file or from answers alone (then a concept with no
 * date): the model's only input.
 */
export function sheet(ws: Worksheet, source: AnswersFile | Answers | undefined): SheetInput {
  if (source === undefined) return { worksheet: ws, walk: walk(ws, {}) };
  const file = source instanceof AnswersFile ? source : { answers: source, meta: { status: 'concept' as const } };
  return { worksheet: ws, answers: file, walk: walk(ws, file.answers) };
}

/** buildReport of a worksheet and its answers (through its state). */
export function reportOf(ws: Worksheet, source: AnswersFile | Answers, meta?: ReportMeta): SheetReport {
  return buildReport(sheet(ws, source), meta);
}

/** worksheetReport of a worksheet and its answers (through its state). */
export function worksheetReportOf(ws: Worksheet, source: AnswersFile | Answers, meta?: ReportMeta): ReportDocument {
  return worksheetReport(sheet(ws, source), meta);
}

/** dossierReport of worksheets with their answers files (none: niet begonnen), through their states. */
export function dossierReportOf(
  inputs: ReadonlyArray<{ worksheet: Worksheet; answers?: AnswersFile }>,
  meta?: Pick<ReportMeta, 'now' | 'workbook'>,
): ReportDocument {
  return dossierReport(
    inputs.map((i) => sheet(i.worksheet, i.answers)),
    meta,
  );
}

/** Render with the default template; the program version is fixed so goldens survive a version bump. */
export async function renderDefault(doc: ReportDocument): Promise<string> {
  const context = { ...doc.context, program: 'werkboek' };
  return renderTemplate(await loadTemplate(undefined, process.cwd()), context);
}

/** Compare with a golden file; UPDATE_GOLDEN=1 rewrites it. */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const file = path.join(FIXTURES, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    await writeFile(file, actual, 'utf8');
    return;
  }
  let expected: string;
  try {
    expected = await readFile(file, 'utf8');
  } catch {
    throw new Error(`Golden file ${name} is missing; run: UPDATE_GOLDEN=1 npx vitest run test/report`);
  }
  expect(actual, `${name} differs; if the change is intended, run: UPDATE_GOLDEN=1 npx vitest run test/report`).toBe(expected);
}

/** The text/html part of a raw .eml as it stands (quoted-printable), up to the next boundary. */
export function htmlPart(eml: string): string {
  const start = eml.indexOf('Content-Type: text/html');
  expect(start).toBeGreaterThan(0);
  return eml.slice(start, eml.indexOf('\r\n----', start));
}
