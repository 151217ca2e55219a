import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadShippedWorksheets } from '../definition/load.js';
import type { Worksheet } from '../definition/schema.js';
import { findWorksheet, isDefinitionPath, ownWorksheets } from '../definition/own.js';
import { ExitCode, FileIssuesError, InterruptedError, unlessStopped, WerkboekError, type StopSignal } from '../support/errors.js';
import { lockAnswersFile } from '../dossier/lock.js';
import type { Output } from '../support/output.js';
import { answersPath, ensureFolder, rescueFolders, resolveDossier } from '../dossier/folder.js';
import type { Prompter } from '../terminal/prompter.js';
import { plainStyle, resumeAt, runWorksheet, type Style } from '../runner/session.js';
import { offerPrevious } from '../runner/previous.js';
import { lastRoundAnswers } from '../dossier/rounds.js';
import { colleaguesHow, showClosing, welcomeNewDossier } from '../runner/welcome.js';
import { endBySignal, onStopSignals } from '../support/stop-signals.js';
import { AnswersFile } from '../dossier/answers-file.js';
import { backupFile, removeStaleTempFiles } from '../dossier/file-utils.js';
import { questionRef, walk } from '../walk.js';
import { formatStamp } from '../support/dates.js';
import { mapFor, suggest } from '../support/invocation.js';
import { afterFirstQuestion } from '../support/idle.js';
import { wrapText } from '../support/wrap.js';
import { claimRespondentFile, cleanName, respondentFile } from '../dossier/respondents.js';
import { own } from '../support/own.js';

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
}

/**
 * Which screen: the plain one when asked for (`--eenvoudig`,
 * WERKBOEK_EENVOUDIG=1), or on a terminal that cannot do more (TERM=dumb:
 * `dumb` is then true, and start says so); else the full one.
 */
export function screenMode(plain: boolean | undefined, env: NodeJS.ProcessEnv): { plain: boolean; dumb: boolean } {
  const asked = plain === true || ['1', 'ja', 'true'].includes((env.WERKBOEK_EENVOUDIG ?? '').trim().toLowerCase());
  const dumb = !asked && env.TERM === 'dumb';
  return { plain: asked || dumb, dumb };
}

/** `werkboek start <werkblad>`: fill in a worksheet, or continue where you were. */
export async function start(options: StartOptions): Promise<void> {
  const { out } = options;
  const interactive = options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true);
  const mode = screenMode(options.plain, options.env ?? process.env);
  // The code for the terminal (chalk, the prompts) loads while the worksheet and the
  // dossier are found and read: those are file-system waits, so the first question is on the screen sooner.
  if (interactive && !mode.plain && !options.prompter) prepareTerminal(options.style === undefined);
  const ws = await findWorksheet(options.worksheet, ownWorksheets(options.ownFolder, options.cwd, options.env));
  // In suggested commands: an own worksheet started by its file is named by that file again.
  const sheetArg = isDefinitionPath(options.worksheet) ? options.worksheet : ws.id;
  // The plain mode reads lines: from a terminal, or from a pipe (a script). TERM=dumb alone does not make a script.
  const explicitPlain = mode.plain && !mode.dumb;
  const dossier = await resolveDossier(options.map, options.cwd);
  const map = mapFor(dossier);
  const respondent = options.respondent === undefined ? undefined : cleanName(options.respondent);
  if (!interactive && !explicitPlain) {
    throw new WerkboekError(
      'Om een werkblad in te vullen is een terminal nodig die vragen kan stellen, en die is er nu niet.',
      ExitCode.usage,
      `Start werkboek in een terminalvenster, of beantwoord de vragen regel voor regel met --eenvoudig ` +
        `(ook vanuit een bestand: ${suggest(['start', sheetArg, ...(respondent !== undefined ? ['--respondent', respondent] : []), '--eenvoudig'], map)} < antwoorden.txt). ` +
        `Heb je een ingevuld antwoordbestand van een collega? Zet het in het dossier met: ${suggest(['importeer', 'antwoorden.yaml'], map)}`,
    );
  }
  // A folder named with --map or WERKBOEK_MAP that does not exist yet: perhaps a typo.
  const isNewFolder = dossier.source !== 'standaard' && !(await stat(dossier.dir).catch(() => undefined));
  // The folder first, and safely (support/make-dir.ts): an odd one (/proc/self/x) is a usage error, never a hang.
  ensureFolder(dossier.dir);
  // A colleague's new file is created at once, exclusively: a colleague whose name makes the same file name,
  // started at the same moment, gets the next one (respondents.ts).
  const claimed =
    respondent === undefined ? undefined : await claimRespondentFile(dossier.dir, ws.id, respondent, (f) => AnswersFile.create(f, ws, undefined, respondent));
  const newlyClaimed = claimed?.claimed !== undefined;
  const target = claimed?.file ?? answersPath(dossier.dir, ws.id);
  // The suggested commands keep the screen the user chose (a screen reader user must not land in the full one).
  const again = (...args: string[]) =>
    suggest(
      [
        ...args,
        ...(respondent !== undefined ? ['--respondent', respondent] : []),
        // An own worksheet found through --werkbladen is found again only with it.
        ...(options.ownFolder ? ['--werkbladen', options.ownFolder] : []),
        ...(mode.plain && !mode.dumb ? ['--eenvoudig'] : []),
      ],
      map,
    );
  let broken = false;
  // Read before locking, so a broken file is reported without creating anything
  // (with --opnieuw a broken file is kept as a backup and a fresh one started).
  let file = await readOrRestart();
  let release = await lockAnswersFile(target);
  // Saving in another folder after a write error: the lock moves along.
  const relocate = async (to: string): Promise<void> => {
    ensureFolder(path.dirname(to));
    const next = await lockAnswersFile(to);
    await release();
    release = next;
  };
  // From here a closed terminal (SIGHUP) or a logout (SIGTERM) stops like Ctrl+C:
  // the prompt ends, what was typed is kept as a draft, the lock is released below.
  let stopSignal: StopSignal | undefined;
  let stopping: Prompter | undefined;
  const stopSignals = onStopSignals(
    (signal) => {
      stopSignal ??= signal;
      stopping?.stop?.(signal);
    },
    { endIsHangup: !mode.plain },
  );
  const style = options.style ?? (mode.plain ? plainStyle : await terminalStyle(out.color));
  const plainModule = options.prompter || !mode.plain ? undefined : await import('../terminal/plain.js');
  const plain = plainModule?.plainPrompter();
  const prompter = options.prompter ?? plain ?? (await terminalPrompter(out.color));
  stopping = prompter;
  if (stopSignal) prompter.stop?.(stopSignal);
  // Ctrl+C in the plain mode: the terminal sends SIGINT (lines are read without raw mode); stop as in the full one.
  const interrupt = () => plain?.interrupt();
  if (plain) process.on('SIGINT', interrupt);
  try {
    if (mode.dumb) prompter.print('Deze terminal (TERM=dumb) kan geen schermen tekenen: de vragen komen regel voor regel (de eenvoudige weergave).');
    await removeStaleTempFiles(target);
    file = await readOrRestart(); // again: it may have changed while we waited for the lock
    // The first save needs the YAML document (parsed, or a new one): make it while the first question waits (support/idle.ts).
    afterFirstQuestion(() => file?.prepare());
    prompter.print(
      `${style.bold(`Werkblad ${ws.number}: ${ws.title}`)}\n` +
        (respondent !== undefined ? `Ingevuld door ${respondent}, in een eigen bestand: ${path.basename(target)}\n` : '') +
        style.dim(
          isNewFolder
            ? `Nieuwe map: ${dossier.dir} (die bestond nog niet; staan je antwoorden ergens anders, stop dan met Ctrl+C en kies de goede map met --map). Antwoorden worden na elke vraag hier bewaard.`
            : `Antwoorden worden na elke vraag bewaard in ${dossier.dir}`,
        ),
    );
    // The plain mode names its commands once, at the start (and again on "?").
    if (plainModule) prompter.print(`\n${plainModule.PLAIN_HELP}`);
    let startInReview = false;
    let fresh = false;
    if (broken) {
      const backup = await backupFile(target);
      prompter.print(`Opnieuw beginnen. Het onleesbare bestand is bewaard als ${backup}`);
      file = await startOver(undefined, '');
      fresh = true;
    } else if (file && options.restart) {
      file = await startOver(file, 'Opnieuw beginnen.');
      fresh = true;
    }
    if (file && !fresh) {
      const w = walk(ws, file.answers);
      const meta = file.meta;
      if (meta.version !== ws.version) {
        prompter.print(style.dim(`Let op: deze antwoorden horen bij versie ${meta.version} van het werkblad; dit is versie ${ws.version}.`));
      }
      if (meta.status === 'afgerond') {
        startInReview = true;
      } else if (w.done + w.meta.done > 0) {
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
            allowBack: false,
          }),
        );
        if (choice.kind === 'answer' && choice.value === 'review') startInReview = true;
        if (choice.kind === 'answer' && choice.value === 'restart') {
          file = await startOver(file, '');
          fresh = true;
        }
      }
    }
    if (!file || (newlyClaimed && !fresh)) {
      // New (also a colleague's file just created empty, above).
      file ??= AnswersFile.create(target, ws, undefined, respondent);
      fresh = true;
      await welcomeNewDossier(prompter, style, dossier.dir, ws);
      // A colleague already gave their name: it is the answer to Naam (changeable in the overview).
      if (respondent !== undefined && ws.meta?.some((q) => q.id === 'naam')) {
        file.setAnswer('naam', respondent);
        await file.save();
        prompter.print(style.dim(`Naam: ${respondent} (van --respondent; wijzigen kan in het overzicht).`));
      }
    }
    if (fresh) showIntro();
    const active = file;
    const previous = await previousDefaults(active);
    const outcome = await runWorksheet({ ws, file: active, prompter, startInReview, style, relocate, ...(previous && { previous }) }).catch(async (err: unknown) => {
      if (err instanceof InterruptedError && active.dirty) await active.save().catch(() => {});
      if (err instanceof InterruptedError && active.dirty) throw await unsaved(active, err.signal);
      throw err;
    });
    // "Doorgaan" after a write error, then "Later verder" or finishing: one more try, and never a false "bewaard".
    if (active.dirty) await active.save().catch(async () => {
      throw await unsaved(active, undefined);
    });
    // A signal that came after the last prompt (e.g. during the final save): the work is done, exit as asked.
    if (stopSignal) throw new InterruptedError(stopSignal);
    const where = active.file;
    if (outcome === 'afgerond') {
      prompter.print(
        `\n${style.green(`Werkblad ${ws.number} is afgerond.`)} Je antwoorden staan in ${where}\n` +
          (respondent === undefined
            ? `Maak er een rapport van (met -o rapport.eml wordt het een e-mailconcept):\n  ${suggest(['rapport', sheetArg], map)}`
            : `Zet je antwoorden naast die van je collega's met:\n  ${suggest(['vergelijk', sheetArg], map)}`),
      );
      const how = respondent === undefined ? colleaguesHow(ws, style, (args) => suggest(args, map)) : undefined;
      if (how) prompter.print(`\n${how}`);
      // The workbook goes on with the next worksheet (not for a colleague, who fills in what was asked).
      const next = respondent === undefined ? (await loadShippedWorksheets()).find((w) => w.number === ws.number + 1) : undefined;
      if (next) prompter.print(`Het volgende werkblad is ${next.number}: ${next.title}. Begin eraan met:\n  ${again('start', next.id)}`);
      showClosing(prompter, style, ws);
    } else {
      prompter.print(`\nJe antwoorden zijn bewaard in ${where}\nGa later verder met:\n  ${again('start', sheetArg)}`);
    }
  } catch (err) {
    if (err instanceof InterruptedError) {
      const command = again('start', sheetArg);
      const answered = file !== undefined && (Object.keys(file.answers).length > 0 || Object.keys(file.drafts).length > 0);
      const what = file && Object.keys(file.answers).length === 0 ? 'Wat je aan het typen was, is als onbevestigd antwoord bewaard' : 'Wat je hebt beantwoord is bewaard';
      const how = err.signal ? `Gestopt (${stopReason(err.signal)}).` : 'Gestopt.';
      // The terminal may be gone (a closed window): printing must not turn a clean stop into a crash.
      try {
        const message = !answered
          ? `\n${how} Je had nog niets beantwoord, dus er is niets opgeslagen.\nBegin later met:\n  ${command}\n`
          : file?.onDisk && !file.dirty
            ? `\n${how} ${what} in ${file.file}\nGa verder met:\n  ${command}\n`
            : `\n${how} Let op: niet alles kon worden opgeslagen in ${file?.file ?? target}.\nGa verder met:\n  ${command}\n`;
        out.stdout(mode.plain ? message : wrapSentences(message, process.stdout.isTTY ? process.stdout.columns : undefined));
      } catch {
        // nobody to tell
      }
    }
    throw err;
  } finally {
    plain?.close();
    process.removeListener('SIGINT', interrupt);
    await release();
    stopSignals();
    // Saved and unlocked: now end the way the signal asked (a shell sees 129 / 143).
    if (stopSignal) endBySignal(stopSignal);
  }

  /**
   * The answers could not be saved where they belong (after a write error the
   * user chose to stop, or went on and finished): put them in a rescue file
   * (the per-user data folder, else the temp folder; as a last resort, print
   * them) and say where, with exit code 5.
   */
  async function unsaved(active: AnswersFile, signal: StopSignal | undefined): Promise<WerkboekError> {
    let where: string | undefined;
    for (const dir of await rescueFolders()) {
      where = await active.rescueTo(dir).catch(() => undefined);
      if (where) break;
    }
    try {
      if (!where) out.stdout(`\n${active.toString()}\n`);
    } catch {
      // nobody to tell
    }
    const how = signal ? `Gestopt (${stopReason(signal)}). ` : '';
    return new WerkboekError(
      `${how}Je antwoorden konden niet worden opgeslagen in ${active.file}. ` +
        (where ? `Ze staan veilig in ${where}` : 'Ze staan hierboven; kopieer ze naar een tekstbestand') + '.',
      ExitCode.writeFailed,
      `Zet dat bestand terug als ${path.basename(target)} in ${path.dirname(active.file)} (of in een andere map, met --map) zodra daar weer opgeslagen kan worden, en ga verder met: ${again('start', sheetArg)}`,
    );
  }

  /**
   * Start over at once: keep the old file as a backup (only when it holds
   * answers) and write a fresh one, so that stopping before the first answer
   * leaves the fresh file in force and no second backup is made.
   */
  async function startOver(old: AnswersFile | undefined, lead: string): Promise<AnswersFile> {
    const hasAnswers = old !== undefined && Object.keys(old.answers).length > 0;
    if (hasAnswers) {
      const backup = await backupFile(target);
      prompter.print(`${lead ? `${lead} ` : ''}Het oude bestand is bewaard als ${backup}`);
    }
    const created = AnswersFile.create(target, ws, undefined, respondent);
    await created.save({ replace: true });
    return created;
  }

  async function readOrRestart(): Promise<AnswersFile | undefined> {
    try {
      return await AnswersFile.read(target, ws);
    } catch (err) {
      if (!(options.restart && err instanceof FileIssuesError)) throw err;
      broken = true;
      return undefined;
    }
  }

  /** A closed round with this worksheet: its answers as defaults for the open questions (said once, here). */
  async function previousDefaults(active: AnswersFile): Promise<ReturnType<typeof offerPrevious> | undefined> {
    const last = await lastRoundAnswers(dossier.dir, ws, respondent);
    if (!last) return siblingDefaults(active);
    const previous = offerPrevious(ws, last.round.name, last.answers.answers);
    const open = walk(ws, active.answers).visible.filter((v) => v.state === 'open' && previous.offered.has(v.question.id)).length;
    if (open) {
      prompter.print(
        `\n${style.bold(`Vorige ronde (${last.round.name}):`)} je antwoorden van toen staan bij elke vraag klaar. ` +
          'Bevestig een antwoord om het over te nemen; typen of kiezen wijzigt het.' +
          (ws.steps.some((step) => step.questions.some((q) => q.type === 'group' && !q.extends && previous.offered.has(q.id)))
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
  async function siblingDefaults(active: AnswersFile): Promise<ReturnType<typeof offerPrevious> | undefined> {
    // Only the Gegevens still open here: a worksheet resumed with them answered reads no other file.
    const answered = active.answers;
    const meta = (ws.meta ?? []).filter((q) => q.type !== 'date' && own(answered, q.id) === undefined);
    if (!meta.length) return undefined;
    const sheets = await loadShippedWorksheets();
    const sources: Array<{ file: string; sheet: Worksheet; mine: boolean }> = [];
    for (const other of sheets) {
      if (other.id === ws.id) continue;
      const file = respondent === undefined ? answersPath(dossier.dir, other.id) : (await respondentFile(dossier.dir, other.id, respondent)).file;
      sources.push({ file, sheet: other, mine: true });
    }
    if (respondent !== undefined) for (const other of sheets) sources.push({ file: answersPath(dossier.dir, other.id), sheet: other, mine: false });
    for (const { file, sheet, mine } of sources) {
      const answers = (await AnswersFile.read(file, sheet).catch(() => undefined))?.answers;
      const wanted = mine ? meta : meta.filter((q) => q.id !== 'naam');
      const known = Object.fromEntries(wanted.flatMap((q) => (typeof own(answers, q.id) === 'string' && own(answers, q.id) !== '' ? [[q.id, own(answers, q.id)]] : [])));
      if (Object.keys(known).length) return offerPrevious(ws, '', known, mine ? `werkblad ${sheet.number}` : `werkblad ${sheet.number} (${path.basename(file)})`);
    }
    return undefined;
  }

  function showIntro(): void {
    const lines: string[] = [];
    if (ws.intro) lines.push('', ws.intro.trim());
    for (const tip of ws.tips ?? []) lines.push('', `${style.bold('Tip:')} ${tip.trim()}`);
    const how = respondent === undefined ? colleaguesHow(ws, style, (args) => suggest(args, map)) : undefined;
    if (how) lines.push('', how);
    if (lines.length) prompter.print(lines.join('\n'));
  }
}

/** Why the program stopped, after "Gestopt (…)". */
function stopReason(signal: StopSignal): string {
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

/** Start loading what terminalStyle and terminalPrompter need (a failure shows when they are called). */
function prepareTerminal(withStyle: boolean): void {
  const loading: Promise<unknown>[] = [import('../terminal/inquirer.js')];
  if (withStyle) loading.push(import('chalk'));
  for (const module of loading) module.catch(() => {});
}

async function terminalStyle(color: boolean): Promise<Style> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, green: chalk.green };
}

async function terminalPrompter(color: boolean): Promise<Prompter> {
  const prompts = await import('../terminal/inquirer.js');
  return prompts.terminalPrompter({ color });
}

