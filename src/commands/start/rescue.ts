// Answers that could not be saved where they belong (after a write error the
// user chose to stop, or went on and finished): kept in a rescue file, and
// said where, with exit code 5.
import path from 'node:path';
import type { AnswersFile } from '../../dossier/answers-file.js';
import { rescueFolders } from '../../dossier/folder.js';
import { ExitCode, WerkboekError, type StopSignal } from '../../support/errors.js';
import { stopReason } from './messages.js';
import type { Place } from './place.js';

/**
 * Put the answers in a rescue file (the per-user data folder, else the temp
 * folder; as a last resort, print them) and return the error that says where.
 */
export async function unsaved(place: Place, active: AnswersFile, signal: StopSignal | undefined): Promise<WerkboekError> {
  let where: string | undefined;
  for (const dir of await rescueFolders()) {
    where = await active.rescueTo(dir).catch(() => undefined);
    if (where) break;
  }
  try {
    if (!where) place.out.stdout(`\n${active.toString()}\n`);
  } catch {
    // nobody to tell
  }
  const how = signal ? `Gestopt (${stopReason(signal)}). ` : '';
  return new WerkboekError(
    `${how}Je antwoorden konden niet worden opgeslagen in ${active.file}. ` +
      (where ? `Ze staan veilig in ${where}` : 'Ze staan hierboven; kopieer ze naar een tekstbestand') +
      '.',
    ExitCode.writeFailed,
    `Zet dat bestand terug als ${path.basename(place.target)} in ${path.dirname(active.file)} (of in een andere map, met --map) zodra daar weer opgeslagen kan worden, en ga verder met: ${place.again('start', place.sheetArg)}`,
  );
}
