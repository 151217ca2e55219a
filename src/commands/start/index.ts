// `werkboek start <werkblad>`: fill in a worksheet, or continue where you
// were. Reads top to bottom: where (place.ts), read the answers, lock and
// listen for stop signals (session.ts), how to begin (beginning.ts), the
// walk through the worksheet (runner/), and what to say (messages.ts).
import { InterruptedError } from '../../support/errors.js';
import type { Output } from '../../support/output.js';
import { screenMode } from '../../support/screen.js';
import type { AnswersFile } from '../../dossier/answers-file.js';
import { removeStaleTempFiles } from '../../dossier/file-utils.js';
import { runWorksheet, type Style } from '../../runner/session.js';
import { afterFirstQuestion } from '../../support/idle.js';
import type { Prompter } from '../../terminal/prompter.js';
import { begin, readOrRestart } from './beginning.js';
import { previousDefaults } from './defaults.js';
import { showFinished, showHeader, showIntro, showLater, showStopped } from './messages.js';
import { findPlace, type Place } from './place.js';
import { unsaved } from './rescue.js';
import { openSession, prepareTerminal, type Session } from './session.js';

export interface StartOptions {
  worksheet: string;
  map?: string | undefined;
  restart: boolean;
  cwd: string;
  out: Output;
  /** Tests pass a scripted prompter; by default the terminal one. */
  prompter?: Prompter;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  /** Whether stdin and stdout are terminals (default: asks process). */
  interactive?: boolean;
  /** `--respondent <naam>`: a colleague fills in a file of their own in the same dossier (see dossier/respondents.ts). */
  respondent?: string | undefined;
  /** `--eenvoudig`: plain lines instead of the full screen (also WERKBOEK_EENVOUDIG=1, and TERM=dumb). */
  plain?: boolean;
  /** The environment (default: process.env): WERKBOEK_EENVOUDIG, TERM. */
  env?: NodeJS.ProcessEnv;
  style?: Style;
  /** Started from the home menu: the closing messages name menu items instead of commands. */
  inMenu?: boolean;
}

/** `werkboek start <werkblad>`: fill in a worksheet, or continue where you were. */
export async function start(options: StartOptions): Promise<void> {
  const interactive = options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true);
  const mode = screenMode({ plain: options.plain }, options.env ?? process.env);
  // The code for the terminal (chalk, the prompts) loads while the worksheet and the
  // dossier are found and read: those are file-system waits, so the first question is on the screen sooner.
  if (interactive && !mode.plain && !options.prompter) prepareTerminal(options.style === undefined);
  const place = await findPlace(options, mode, interactive);
  // Read before locking, so a broken file is reported without creating anything
  // (with --opnieuw a broken file is kept as a backup and a fresh one started).
  const before = await readOrRestart(place, options.restart);
  const session = await openSession(place.target, mode, options.out.color, options);
  let file = before.file;
  try {
    if (mode.dumb) session.prompter.print('Deze terminal (TERM=dumb) kan geen schermen tekenen: de vragen komen regel voor regel (de eenvoudige weergave).');
    await removeStaleTempFiles(place.target);
    const read = await readOrRestart(place, options.restart); // again: it may have changed while we waited for the lock
    file = read.file;
    // The first save needs the YAML document (parsed, or a new one): make it while the first question waits (support/idle.ts).
    afterFirstQuestion(() => file?.prepare());
    showHeader(place, session);
    const beginning = await begin(place, session, { file: read.file, broken: before.broken || read.broken }, options.restart);
    file = beginning.file;
    if (beginning.fresh) showIntro(place, session);
    const outcome = await fillIn(place, session, beginning.file, beginning.startInReview);
    // A signal that came after the last prompt (e.g. during the final save): the work is done, exit as asked.
    if (session.stopSignal) throw new InterruptedError(session.stopSignal);
    if (outcome === 'afgerond') await showFinished(place, session, beginning.file.file);
    else showLater(place, session, beginning.file.file);
  } catch (err) {
    if (err instanceof InterruptedError) showStopped(place, file, err);
    throw err;
  } finally {
    await session.release();
  }
}

/** The walk through the worksheet, saved at the end; what cannot be saved goes to a rescue file. */
async function fillIn(place: Place, session: Session, active: AnswersFile, startInReview: boolean): Promise<Awaited<ReturnType<typeof runWorksheet>>> {
  const { ws } = place;
  const { prompter, style } = session;
  const previous = await previousDefaults(place, session, active);
  const outcome = await runWorksheet({ ws, file: active, prompter, startInReview, style, relocate: session.relocate, ...(previous && { previous }) }).catch(
    async (err: unknown) => {
      if (err instanceof InterruptedError && active.dirty) await active.save().catch(() => {});
      if (err instanceof InterruptedError && active.dirty) throw await unsaved(place, active, err.signal);
      throw err;
    },
  );
  // "Doorgaan" after a write error, then "Later verder" or finishing: one more try, and never a false "bewaard".
  if (active.dirty)
    await active.save().catch(async () => {
      throw await unsaved(place, active, undefined);
    });
  return outcome;
}
