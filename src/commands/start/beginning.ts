// How a session begins: reading the answers file (a broken one only with
// --opnieuw, then started over), and for a file with answers the choice to
// continue, review or start over; a new file gets the welcome.
import path from 'node:path';
import { AnswersFile } from '../../dossier/answers-file.js';
import { backupFile } from '../../dossier/file-utils.js';
import { resumeAt } from '../../runner/session.js';
import { welcomeNewDossier } from '../../runner/welcome.js';
import { formatStamp } from '../../support/dates.js';
import { FileIssuesError, unlessStopped } from '../../support/errors.js';
import { questionRef, walk } from '../../walk.js';
import type { Place } from './place.js';
import type { Session } from './session.js';

export interface Read {
  file: AnswersFile | undefined;
  /** Unreadable, and --opnieuw given: it is kept as a backup and a fresh one started. */
  broken: boolean;
}

/** The answers file, if there is one; an unreadable one is an error, unless starting over. */
export async function readOrRestart(place: Place, restart: boolean): Promise<Read> {
  try {
    return { file: await AnswersFile.read(place.target, place.ws), broken: false };
  } catch (err) {
    if (!(restart && err instanceof FileIssuesError)) throw err;
    return { file: undefined, broken: true };
  }
}

export interface Beginning {
  file: AnswersFile;
  /** A new or restarted file: the intro is shown. */
  fresh: boolean;
  /** A finished worksheet, or "Overzicht bekijken": begin in the review. */
  startInReview: boolean;
}

/** Start over, resume, or begin a new file (with the welcome). */
export async function begin(place: Place, session: Session, read: Read, restart: boolean): Promise<Beginning> {
  let file = read.file;
  let fresh = false;
  let startInReview = false;
  if (read.broken) {
    const backup = await backupFile(place.target);
    session.prompter.print(`Opnieuw beginnen. Het onleesbare bestand is bewaard als ${backup}`);
    file = await startOver(place, session, undefined, '');
    fresh = true;
  } else if (file && restart) {
    file = await startOver(place, session, file, 'Opnieuw beginnen.');
    fresh = true;
  }
  if (file && !fresh) {
    const choice = await resumeChoice(place, session, file);
    if (choice === 'review') startInReview = true;
    if (choice === 'restart' && (await restartConfirmed(session))) {
      file = await startOver(place, session, file, '');
      fresh = true;
    }
  }
  if (!file || (place.newlyClaimed && !fresh)) {
    // New (also a colleague's file just created empty, above).
    file = await welcome(place, session, file);
    fresh = true;
  }
  return { file, fresh, startInReview };
}

/**
 * A file with answers: how far it is, and what to do (continue, review,
 * start over); a finished worksheet opens in the review.
 */
async function resumeChoice(place: Place, session: Session, file: AnswersFile): Promise<'continue' | 'review' | 'restart'> {
  const { ws } = place;
  const { prompter, style } = session;
  const w = walk(ws, file.answers);
  const meta = file.meta;
  if (meta.version !== ws.version) {
    prompter.print(style.dim(`Let op: deze antwoorden horen bij versie ${meta.version} van het werkblad; dit is versie ${ws.version}.`));
  }
  if (meta.status === 'afgerond') return 'review';
  if (w.done + w.meta.done === 0) return 'continue';
  const drafts = Object.values(file.drafts).filter((d) => d !== undefined && d !== null).length;
  const unconfirmed = drafts ? ` (en ${drafts} onbevestigd${drafts === 1 ? '' : 'e'} antwoord${drafts === 1 ? '' : 'en'})` : '';
  // Naam, Bibliotheek and Datum are no questions of the workbook: said apart, so "0 van 8" does not read as "nothing saved".
  const onlyMeta = w.done === 0 && w.meta.done > 0 ? ` (wel de gegevens: ${w.meta.done} van ${w.meta.total})` : '';
  // A file written by hand may lack `bijgewerkt`: then no date, rather than "laatst bijgewerkt ."
  const edited = meta.updated ? `, laatst bijgewerkt ${formatStamp(meta.updated)}` : '';
  prompter.print(`Je was al begonnen: ${w.done} van ${w.total} vragen beantwoord${onlyMeta}${unconfirmed}${edited}.`);
  prompter.print(style.dim('De inleiding en de tips van dit werkblad lees je opnieuw via het overzicht.'));
  const at = resumeAt(w, file.drafts);
  const choice = unlessStopped(
    await prompter.select<'continue' | 'review' | 'restart'>({
      message: 'Wat wil je doen?',
      choices: [
        { value: 'continue', name: at ? `Verdergaan bij ${questionRef(at)}` : 'Verdergaan' },
        { value: 'review', name: 'Overzicht bekijken en antwoorden wijzigen' },
        { value: 'restart', name: 'Opnieuw beginnen (het huidige bestand wordt als reservekopie bewaard)' },
      ],
      // Enter goes on, in the plain mode too ("Enter kiest 1. …"), as in the overview.
      default: 'continue',
      allowBack: false,
    }),
  );
  return choice.kind === 'answer' ? choice.value : 'continue';
}

/** "Opnieuw beginnen" empties the worksheet: asked once more, "Nee" first, so a stray Enter keeps the answers. */
async function restartConfirmed(session: Session): Promise<boolean> {
  const sure = unlessStopped(
    await session.prompter.select<'nee' | 'ja'>({
      message: 'Weet je het zeker? Je begint met een leeg werkblad (je huidige antwoorden gaan naar een reservekopie).',
      choices: [
        { value: 'nee', name: 'Nee, verdergaan waar ik was' },
        { value: 'ja', name: 'Ja, opnieuw beginnen' },
      ],
      default: 'nee',
      allowBack: false,
    }),
  );
  return sure.kind === 'answer' && sure.value === 'ja';
}

/** A new file (or a colleague's just claimed): the welcome, and a colleague's name as the answer to Naam. */
async function welcome(place: Place, session: Session, claimed: AnswersFile | undefined): Promise<AnswersFile> {
  const { ws, respondent } = place;
  const { prompter, style } = session;
  const file = claimed ?? AnswersFile.create(place.target, ws, undefined, respondent);
  await welcomeNewDossier(prompter, style, place.dossier.dir, ws, { inMenu: place.inMenu });
  // A colleague already gave their name: it is the answer to Naam (changeable in the overview).
  if (respondent !== undefined && ws.meta?.some((q) => q.id === 'naam')) {
    file.setAnswer('naam', respondent);
    await file.save();
    prompter.print(style.dim(`Naam: ${respondent} (van --respondent; wijzigen kan in het overzicht).`));
  }
  return file;
}

/**
 * Start over at once: keep the old file as a backup (only when it holds
 * answers) and write a fresh one, so that stopping before the first answer
 * leaves the fresh file in force and no second backup is made.
 */
async function startOver(place: Place, session: Session, old: AnswersFile | undefined, lead: string): Promise<AnswersFile> {
  const hasAnswers = old !== undefined && Object.keys(old.answers).length > 0;
  if (hasAnswers) {
    const backup = await backupFile(place.target);
    session.prompter.print(
      `${lead ? `${lead} ` : ''}Het oude bestand is bewaard als ${backup}\n` +
        `Wil je toch terug? Stop dan (Ctrl+C), verwijder het nieuwe, lege ${path.basename(place.target)} en geef de reservekopie weer die naam.`,
    );
  }
  const created = AnswersFile.create(place.target, place.ws, undefined, place.respondent);
  await created.save({ replace: true });
  return created;
}
