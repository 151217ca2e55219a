// The workbook around the worksheets: its introduction for someone who
// starts the first worksheet of a dossier, and its closing ("Meer
// informatie?") when the worksheet that carries it is finished.
import { access } from 'node:fs/promises';
import type { Worksheet } from '../definition/schema.js';
import { loadShippedWorksheets } from '../definition/load.js';
import { loadIntroduction, parseIntroduction, renderIntroduction, shortIntroduction, type Block } from '../definition/introduction.js';
import { answersPath } from '../dossier/folder.js';
import type { Prompter } from '../terminal/prompter.js';
import { suggest } from '../support/invocation.js';
import type { Style } from './context.js';

/**
 * In a dossier without any answers file (no worksheet started yet), print
 * the short form of the workbook's introduction and how to read all of it,
 * then the worksheet's title again (its own intro follows). Not for an own
 * worksheet: it is no part of Probiblio's workbook, and its definition
 * gives its own `intro`.
 */
export async function welcomeNewDossier(prompter: Prompter, style: Style, dir: string, ws: Worksheet, { inMenu = false } = {}): Promise<void> {
  const sheets = await loadShippedWorksheets();
  if (!sheets.some((s) => s.id === ws.id)) return;
  const exists = await Promise.all(
    sheets.map((ws) =>
      access(answersPath(dir, ws.id)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (exists.some(Boolean)) return;
  const blocks = shortIntroduction(await loadIntroduction(), 'Het werkboek doorloopt drie stappen, met voor elke stap een werkblad:');
  const text = renderIntroduction(blocks, { width: prompter.width(), bold: style.bold, dim: style.dim });
  // The command on a line of its own: wrapping never breaks it in two. From the menu: its item.
  const more = style.dim(
    inMenu
      ? 'De hele inleiding (ook "Positionering vs. profilering" en de context) lees je later met "De inleiding" in het menu.'
      : `De hele inleiding (ook "Positionering vs. profilering" en de context) lees je met:\n  ${suggest(['inleiding'])}`,
  );
  prompter.print(`\n${text}\n\n${more}\n\n${style.bold(`Werkblad ${ws.number}: ${ws.title}`)}`);
}

/** The closing of the workbook, when this worksheet has one (plan-van-aanpak, the last). */
export function closingText(ws: Worksheet, style: Style, width: number): string | undefined {
  if (!ws.closing?.trim()) return undefined;
  const [first, ...rest] = parseIntroduction(ws.closing);
  if (!first) return undefined;
  // Its first line ("Meer informatie?") is its heading.
  const blocks: Block[] = first.kind === 'paragraph' ? [{ kind: 'heading', level: 1, text: first.text }, ...rest] : [first, ...rest];
  return renderIntroduction(blocks, { width, bold: style.bold, dim: style.dim });
}

/** After a worksheet is finished: the workbook's closing, if it carries it. */
export function showClosing(prompter: Prompter, style: Style, ws: Worksheet): void {
  const text = closingText(ws, style, prompter.width());
  if (text) prompter.print(`\n${text}`);
}

/**
 * A tip that says to involve colleagues (werkblad 2: "betrek één of meerdere
 * collega's …"): how that goes with this program, one line each. `command`
 * turns arguments into a command to type (support/invocation.ts suggest, with
 * the dossier's --map). Undefined for a worksheet without such a tip.
 */
export function colleaguesHow(ws: Worksheet, style: Style, command: (args: string[]) => string): string | undefined {
  const tips = [...(ws.tips ?? []), ...ws.steps.flatMap((step) => step.tips ?? [])];
  if (!tips.some((tip) => /collega/i.test(tip))) return undefined;
  return [
    style.bold('Samen invullen:'),
    // Each command on a line of its own: wrapping never breaks it, so it can be copied.
    `- Een collega vult hier een eigen bestand in:\n    ${command(['start', ws.id, '--respondent', 'Naam collega'])}`,
    `- Stuurt een collega je een ingevuld bestand, zet het dan in het dossier:\n    ${command(['importeer', '<bestand>'])}`,
    `- Alle antwoorden naast elkaar zetten:\n    ${command(['vergelijk', ws.id, '-o', 'vergelijking.docx'])}`,
  ].join('\n');
}

/**
 * The worksheet's own introduction and tips, and those of each step, as
 * the workbook prints them: to read again from the overview (they are
 * shown in full only the first time a sheet or step comes up).
 */
export function worksheetIntroText(ws: Worksheet, style: Style): string {
  const lines: string[] = [style.bold(`Werkblad ${ws.number}: ${ws.title}`)];
  if (ws.intro) lines.push('', ws.intro.trim());
  for (const tip of ws.tips ?? []) lines.push('', `${style.bold('Tip:')} ${tip.trim()}`);
  for (const step of ws.steps) {
    if (!step.intro && !step.tips?.length) continue;
    if (ws.steps.length > 1) lines.push('', style.bold(step.title));
    if (step.subtitle) lines.push(style.dim(step.subtitle));
    if (step.intro) lines.push('', step.intro.trim());
    for (const tip of step.tips ?? []) lines.push('', `${style.bold('Tip:')} ${tip.trim()}`);
  }
  return lines.join('\n');
}
