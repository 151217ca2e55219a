// Answers offered as defaults for the open questions: last round's answers
// of this worksheet, else the Gegevens (Naam, Bibliotheek) another worksheet
// of the dossier already has.
import path from 'node:path';
import { loadShippedWorksheets } from '../../definition/load.js';
import type { Worksheet } from '../../definition/schema.js';
import { AnswersFile } from '../../dossier/answers-file.js';
import { answersPath } from '../../dossier/folder.js';
import { respondentFile } from '../../dossier/respondents.js';
import { lastRoundAnswers } from '../../dossier/rounds.js';
import { offerPrevious } from '../../runner/previous.js';
import { own } from '../../support/own.js';
import { walk } from '../../walk.js';
import type { Place } from './place.js';
import type { Session } from './session.js';
import { isGroup, typeOf } from '../../types/registry.js';

type Previous = ReturnType<typeof offerPrevious>;

/** A closed round with this worksheet: its answers as defaults for the open questions (said once, here). */
export async function previousDefaults(place: Place, session: Session, active: AnswersFile): Promise<Previous | undefined> {
  const { ws } = place;
  const { style } = session;
  const last = await lastRoundAnswers(place.dossier.dir, ws, place.respondent);
  if (!last) return siblingDefaults(place, active);
  const previous = offerPrevious(ws, last.round.name, last.answers.answers);
  const open = walk(ws, active.answers).visible.filter((v) => v.state === 'open' && previous.offered.has(v.question.id)).length;
  if (open) {
    session.prompter.print(
      `\n${style.bold(`Vorige ronde (${last.round.name}):`)} je antwoorden van toen staan bij elke vraag klaar. ` +
        'Bevestig een antwoord om het over te nemen; typen of kiezen wijzigt het.' +
        (ws.steps.some((step) => step.questions.some((q) => isGroup(q) && !q.extends && previous.offered.has(q.id)))
          ? ' Lijsten (zoals partners) loop je eerst één voor één na.'
          : ''),
    );
  }
  return previous;
}

/**
 * No earlier round: the Gegevens (Naam, Bibliotheek) that another
 * worksheet of this dossier (of this colleague) already has, as defaults,
 * so they are not typed again. A colleague also gets the Bibliotheek from
 * the dossier's own files (never their Naam: that is the coordinator's).
 */
async function siblingDefaults(place: Place, active: AnswersFile): Promise<Previous | undefined> {
  const { ws, respondent } = place;
  const dir = place.dossier.dir;
  // Only the Gegevens still open here: a worksheet resumed with them answered reads no other file.
  const answered = active.answers;
  const meta = (ws.meta ?? []).filter((q) => !typeOf(q).renewed(q) && own(answered, q.id) === undefined);
  if (!meta.length) return undefined;
  const sheets = await loadShippedWorksheets();
  const sources: Array<{ file: string; sheet: Worksheet; mine: boolean }> = [];
  for (const other of sheets) {
    if (other.id === ws.id) continue;
    const file = respondent === undefined ? answersPath(dir, other.id) : (await respondentFile(dir, other.id, respondent)).file;
    sources.push({ file, sheet: other, mine: true });
  }
  if (respondent !== undefined) for (const other of sheets) sources.push({ file: answersPath(dir, other.id), sheet: other, mine: false });
  for (const { file, sheet, mine } of sources) {
    const answers = (await AnswersFile.read(file, sheet).catch(() => undefined))?.answers;
    const wanted = mine ? meta : meta.filter((q) => q.id !== 'naam');
    const known = Object.fromEntries(
      wanted.flatMap((q) => (typeof own(answers, q.id) === 'string' && own(answers, q.id) !== '' ? [[q.id, own(answers, q.id)]] : [])),
    );
    if (Object.keys(known).length) return offerPrevious(ws, '', known, mine ? `werkblad ${sheet.number}` : `werkblad ${sheet.number} (${path.basename(file)})`);
  }
  return undefined;
}
