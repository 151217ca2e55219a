// What `start` says: at the start (the worksheet, where answers are kept, the
// intro and tips), at the end (finished, or "ga later verder"), and after a
// stop (what is kept, and how to go on).
import path from 'node:path';
import { loadShippedWorksheets } from '../../definition/load.js';
import { AnswersFile } from '../../dossier/answers-file.js';
import { isWorkbookSheet } from '../../report/model.js';
import { answersPath } from '../../dossier/folder.js';
import type { Worksheet } from '../../definition/schema.js';
import { colleaguesHow, showClosing } from '../../runner/welcome.js';
import type { InterruptedError, StopSignal } from '../../support/errors.js';
import { suggest } from '../../support/invocation.js';
import { wrapText } from '../../support/wrap.js';
import type { Place } from './place.js';
import type { Session } from './session.js';

/** The worksheet's title, whose file it is, and where the answers are kept; in the plain mode its commands. */
export function showHeader(place: Place, session: Session): void {
  const { ws, respondent, dossier } = place;
  const { prompter, style } = session;
  prompter.print(
    `${style.bold(`Werkblad ${ws.number}: ${ws.title}`)}\n` +
      (respondent !== undefined ? `Ingevuld door ${respondent}, in een eigen bestand: ${path.basename(place.target)}\n` : '') +
      style.dim(
        place.isNewFolder
          ? `Nieuwe map: ${dossier.dir} (die bestond nog niet; staan je antwoorden ergens anders, stop dan met Ctrl+C en kies de goede map met --map). Antwoorden worden na elke vraag hier bewaard.`
          : `Antwoorden worden na elke vraag bewaard in ${dossier.dir}`,
      ),
  );
  // The plain mode names its commands once, at the start (and again on "?").
  if (session.plainHelp) prompter.print(`\n${session.plainHelp}`);
}

/** A fresh start: the worksheet's intro and tips (and how colleagues take part). */
export function showIntro(place: Place, session: Session): void {
  const { ws } = place;
  const { style } = session;
  const lines: string[] = [];
  if (ws.intro) lines.push('', ws.intro.trim());
  for (const tip of ws.tips ?? []) lines.push('', `${style.bold('Tip:')} ${tip.trim()}`);
  const how = place.respondent === undefined ? colleaguesHow(ws, style, (args) => suggest(args, place.map)) : undefined;
  if (how) lines.push('', how);
  if (lines.length) session.prompter.print(lines.join('\n'));
}

/** The worksheet is finished: where the answers are, what to make of them, and the next worksheet (in the menu: which item). */
export async function showFinished(place: Place, session: Session, where: string): Promise<void> {
  const { ws, respondent, sheetArg, map, inMenu } = place;
  const { prompter, style } = session;
  prompter.print(
    `\n${style.green(`Werkblad ${ws.number} is afgerond.`)} Je antwoorden staan in ${where}\n` +
      (respondent !== undefined
        ? `Zet je antwoorden naast die van je collega's met:\n  ${suggest(['vergelijk', sheetArg, '-o', 'vergelijking.docx'], map)}`
        : inMenu
          ? 'Een Word-document, webpagina of e-mailconcept ervan maak je met "Rapport maken" in het menu.'
          : `Maak er een Word-document van (met .html of .eml in plaats van .docx een webpagina of een e-mailconcept):\n  ${suggest(['rapport', sheetArg, '-o', `${ws.id}.docx`], map)}`),
  );
  const how = respondent === undefined ? colleaguesHow(ws, style, (args) => suggest(args, map)) : undefined;
  if (how) prompter.print(`\n${how}`);
  // The workbook goes on with the next worksheet not yet finished (not for a colleague, who fills in what was asked).
  const next = respondent === undefined ? await nextUnfinished(place) : undefined;
  const wayTo = (sheet: Worksheet, verb: string) =>
    inMenu ? `Kies daarvoor "Werkblad ${sheet.number}" in het menu.` : `${verb}:\n  ${place.again('start', sheet.id)}`;
  if (next && next.number > ws.number) prompter.print(`Het volgende werkblad is ${next.number}: ${next.title}. ${wayTo(next, 'Begin eraan met')}`);
  else if (next) prompter.print(`Werkblad ${next.number} (${next.title}) is nog niet afgerond. ${wayTo(next, 'Ga daarmee verder met')}`);
  else if (respondent === undefined && isWorkbookSheet(ws)) {
    prompter.print(
      inMenu
        ? 'Alle werkbladen zijn afgerond. Maak er één document van met "Rapport maken" in het menu (kies "Alles in één rapport").'
        : `Alle werkbladen zijn afgerond. Maak er één document van:\n  ${suggest(['rapport', 'alles', '-o', 'dossier.docx'], map)}`,
    );
  }
  showClosing(prompter, style, ws);
}

/** The first shipped worksheet after this one (then from the start) that is not finished in this dossier. */
async function nextUnfinished(place: Place): Promise<Worksheet | undefined> {
  const sheets = await loadShippedWorksheets();
  if (!sheets.some((w) => w.id === place.ws.id)) return undefined;
  const after = [...sheets.filter((w) => w.number > place.ws.number), ...sheets.filter((w) => w.number < place.ws.number)];
  for (const sheet of after) {
    const file = await AnswersFile.read(answersPath(place.dossier.dir, sheet.id), sheet).catch(() => undefined);
    if (file?.meta.status !== 'afgerond') return sheet;
  }
  return undefined;
}

/** "Later verder": where the answers are kept and how to go on. */
export function showLater(place: Place, session: Session, where: string): void {
  // The file on a line of its own, as after a stop: whole, to copy.
  session.prompter.print(`\nJe antwoorden zijn bewaard in:\n  ${where}\n${goOn(place, 'Ga later verder met:')}`);
}

/** How to go on with this worksheet: in the menu its item, else the command. */
function goOn(place: Place, lead: string): string {
  return place.inMenu ? `Ga later verder door "Werkblad ${place.ws.number}" te kiezen in het menu.` : `${lead}\n  ${place.again('start', place.sheetArg)}`;
}

/** After Ctrl+C, a closed window or a logout: what is kept, and how to go on. */
export function showStopped(place: Place, file: AnswersFile | undefined, err: InterruptedError): void {
  const answered = file !== undefined && (Object.keys(file.answers).length > 0 || Object.keys(file.drafts).length > 0);
  const what =
    file && Object.keys(file.answers).length === 0 ? 'Wat je aan het typen was, is als onbevestigd antwoord bewaard' : 'Wat je hebt beantwoord is bewaard';
  const how = err.signal ? `Gestopt (${stopReason(err.signal)}).` : 'Gestopt.';
  // The terminal may be gone (a closed window): printing must not turn a clean stop into a crash.
  try {
    // In the menu (which comes back after a stop by Ctrl+C) the way on is its item, which the menu names.
    const later = (lead: string) => (place.inMenu && !err.signal ? '' : `${goOn(place, lead)}\n`);
    const message = !answered
      ? `\n${how} Je had nog niets beantwoord, dus er is niets opgeslagen.\n${later('Begin later met:')}`
      : file?.onDisk && !file.dirty
        ? `\n${how} ${what} in:\n  ${file.file}\n${later('Ga verder met:')}`
        : `\n${how} Let op: niet alles kon worden opgeslagen in:\n  ${file?.file ?? place.target}\n${later('Ga verder met:')}`;
    // Wrapped between words on a terminal (also in the plain mode, like its other text); into a pipe as it is.
    place.out.stdout(wrapSentences(message, process.stdout.isTTY ? process.stdout.columns : undefined));
  } catch {
    // nobody to tell
  }
}

/** Why the program stopped, after "Gestopt (…)". */
export function stopReason(signal: StopSignal): string {
  return signal === 'SIGHUP' ? 'het venster werd gesloten' : signal === 'SIGBREAK' ? 'met Ctrl+Break' : 'het systeem vroeg om te stoppen';
}

/**
 * A closing message at the terminal's width: its sentences wrapped between
 * words (the terminal would cut "bewaard" into "bewaa" and "rd"); a command,
 * indented, is left whole, so that it can be copied. Not in the plain mode,
 * which a screen reader reads line by line.
 */
function wrapSentences(text: string, columns: number | undefined): string {
  if (!columns) return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith('  ') ? line : wrapText(line, columns)))
    .join('\n');
}
