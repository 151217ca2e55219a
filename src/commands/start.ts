import { resolveWorksheet } from '../definition/load.js';
import { ExitCode, InterruptedError, WerkboekError } from '../support/errors.js';
import { lockAnswersFile } from '../dossier/lock.js';
import type { Output } from '../support/output.js';
import { answersPath, resolveDossier } from '../dossier/folder.js';
import type { Prompter } from '../terminal/prompter.js';
import { runWorksheet, type Style } from '../runner/session.js';
import { AnswersFile, backupFile, removeStaleTempFiles } from '../dossier/answers-file.js';
import { walk } from '../walk.js';
import { formatStamp } from '../support/dates.js';

export interface StartOptions {
  worksheet: string;
  map?: string | undefined;
  restart: boolean;
  cwd: string;
  out: Output;
  /** Tests pass a scripted prompter; by default the terminal one. */
  prompter?: Prompter;
  /** Whether stdin and stdout are terminals (default: asks process). */
  interactive?: boolean;
  style?: Style;
}

/** `werkboek start <werkblad>`: fill in a worksheet, or continue where you were. */
export async function start(options: StartOptions): Promise<void> {
  const { out } = options;
  const ws = await resolveWorksheet(options.worksheet);
  const interactive = options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true);
  if (!interactive) {
    throw new WerkboekError(
      'werkboek start heeft een terminal nodig om vragen te stellen, en die is er nu niet.',
      ExitCode.usage,
      `Start werkboek in een terminalvenster. Heb je een ingevuld antwoordbestand (bijv. een kopie van een collega)? ` +
        `Controleer het met: werkboek controleer <antwoorden.yaml>`,
    );
  }
  const dossier = await resolveDossier(options.map, options.cwd);
  const target = answersPath(dossier.dir, ws.id);
  // Read before locking, so a broken file is reported without creating anything.
  let file = await AnswersFile.read(target, ws);
  const release = await lockAnswersFile(target);
  const style = options.style ?? (await terminalStyle(out.color));
  const prompter = options.prompter ?? (await terminalPrompter(out.color));
  try {
    await removeStaleTempFiles(target);
    file = await AnswersFile.read(target, ws); // again: it may have changed while we waited for the lock
    prompter.print(`${style.bold(`Werkblad ${ws.number}: ${ws.title}`)}\n${style.dim(`Antwoorden worden na elke vraag bewaard in ${dossier.dir}`)}`);
    let startInReview = false;
    if (file && options.restart) {
      const backup = await backupFile(target);
      prompter.print(`Opnieuw beginnen. Het oude bestand is bewaard als ${backup}`);
      file = undefined;
    }
    if (file) {
      const w = walk(ws, file.answers);
      const meta = file.meta;
      if (meta.version !== ws.version) {
        prompter.print(style.dim(`Let op: deze antwoorden horen bij versie ${meta.version} van het werkblad; dit is versie ${ws.version}.`));
      }
      if (meta.status === 'afgerond') {
        startInReview = true;
      } else if (w.done > 0) {
        prompter.print(`Je was al begonnen: ${w.done} van ${w.total} vragen beantwoord, laatst bewerkt ${formatStamp(meta.updated)}.`);
        const choice = await prompter.select<'continue' | 'review' | 'restart'>({
          message: 'Wat wil je doen?',
          choices: [
            { value: 'continue', name: w.next ? `Verdergaan bij vraag ${w.next.position}` : 'Verdergaan' },
            { value: 'review', name: 'Overzicht bekijken en antwoorden wijzigen' },
            { value: 'restart', name: 'Opnieuw beginnen (het huidige bestand wordt als reservekopie bewaard)' },
          ],
          allowBack: false,
        });
        if (choice.kind === 'answer' && choice.value === 'review') startInReview = true;
        if (choice.kind === 'answer' && choice.value === 'restart') {
          const backup = await backupFile(target);
          prompter.print(`Het oude bestand is bewaard als ${backup}`);
          file = undefined;
        }
      }
    }
    if (!file) {
      file = AnswersFile.create(target, ws);
      showIntro();
    }
    const active = file;
    const outcome = await runWorksheet({ ws, file: active, prompter, startInReview, style }).catch(async (err: unknown) => {
      if (err instanceof InterruptedError && active.dirty) await active.save().catch(() => {});
      throw err;
    });
    const where = active.file;
    if (outcome === 'afgerond') {
      prompter.print(
        `\n${style.green(`Werkblad ${ws.number} is afgerond.`)} Je antwoorden staan in ${where}\n` +
          `Maak er een rapport van met: werkboek rapport ${ws.id}  (of met -o rapport.eml een e-mailconcept)`,
      );
    } else {
      prompter.print(`\nJe antwoorden zijn bewaard in ${where}\nGa later verder met: werkboek start ${ws.id}`);
    }
  } catch (err) {
    if (err instanceof InterruptedError) {
      const where = file?.file ?? target;
      out.stdout(`\nGestopt. Wat je hebt beantwoord is bewaard in ${where}\nGa verder met: werkboek start ${ws.id}\n`);
    }
    throw err;
  } finally {
    await release();
  }

  function showIntro(): void {
    const lines: string[] = [];
    if (ws.intro) lines.push('', ws.intro.trim());
    for (const tip of ws.tips ?? []) lines.push('', `${style.bold('Tip:')} ${tip.trim()}`);
    if (lines.length) prompter.print(lines.join('\n'));
  }
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
