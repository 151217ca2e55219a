// What `start` holds while a worksheet is open, as one resource: the lock on
// the answers file, the stop signals (a closed window, a logout), Ctrl+C in
// the plain mode, and the prompter. `release()` gives it all back, in one
// place, and then ends the process by a stop signal that came meanwhile.
import path from 'node:path';
import { ensureFolder } from '../../dossier/folder.js';
import { lockAnswersFile } from '../../dossier/lock.js';
import { plainStyle, type Style } from '../../runner/session.js';
import type { StopSignal } from '../../support/errors.js';
import type { ScreenMode } from '../../support/screen.js';
import { endBySignal, onStopSignals } from '../../support/stop-signals.js';
import type { Prompter } from '../../terminal/prompter.js';

export interface Session {
  prompter: Prompter;
  style: Style;
  /** The plain mode's help, to name its commands once at the start. */
  plainHelp: string | undefined;
  /** The stop signal that came (a closed window, a logout), if any. */
  readonly stopSignal: StopSignal | undefined;
  /** Saving in another folder after a write error: the lock moves along. */
  relocate(to: string): Promise<void>;
  /** Close the input, unlock, stop listening; then end the way a stop signal asked (a shell sees 129 / 143). */
  release(): Promise<void>;
}

export interface SessionOptions {
  /** Tests pass a scripted prompter; by default the terminal one. */
  prompter?: Prompter;
  style?: Style;
}

/** Lock the answers file and listen for stop signals; then make the screen's style and prompter. */
export async function openSession(target: string, mode: ScreenMode, color: boolean, options: SessionOptions): Promise<Session> {
  let releaseLock = await lockAnswersFile(target);
  // From here a closed terminal (SIGHUP) or a logout (SIGTERM) stops like Ctrl+C:
  // the prompt ends, what was typed is kept as a draft, the lock is released in release().
  let stopSignal: StopSignal | undefined;
  let stopping: Prompter | undefined;
  const stopSignals = onStopSignals(
    (signal) => {
      stopSignal ??= signal;
      stopping?.stop?.(signal);
    },
    { endIsHangup: !mode.plain },
  );
  let close = () => {};
  const release = async () => {
    close();
    await releaseLock();
    stopSignals();
    if (stopSignal) endBySignal(stopSignal);
  };
  try {
    const style = options.style ?? (mode.plain ? plainStyle : await terminalStyle(color));
    const plainModule = options.prompter || !mode.plain ? undefined : await import('../../terminal/plain.js');
    const plain = plainModule?.plainPrompter();
    const prompter = options.prompter ?? plain ?? (await terminalPrompter(color));
    stopping = prompter;
    if (stopSignal) prompter.stop?.(stopSignal);
    // Ctrl+C in the plain mode: the terminal sends SIGINT (lines are read without raw mode); stop as in the full one.
    const interrupt = () => plain?.interrupt();
    if (plain) process.on('SIGINT', interrupt);
    close = () => {
      plain?.close();
      process.removeListener('SIGINT', interrupt);
    };
    return {
      prompter,
      style,
      plainHelp: plainModule?.PLAIN_HELP,
      get stopSignal() {
        return stopSignal;
      },
      async relocate(to) {
        ensureFolder(path.dirname(to));
        const next = await lockAnswersFile(to);
        await releaseLock();
        releaseLock = next;
      },
      release,
    };
  } catch (err) {
    await release();
    throw err;
  }
}

/** Start loading what terminalStyle and terminalPrompter need (a failure shows when they are called). */
export function prepareTerminal(withStyle: boolean): void {
  const loading: Promise<unknown>[] = [import('../../terminal/inquirer.js')];
  if (withStyle) loading.push(import('chalk'));
  for (const module of loading) module.catch(() => {});
}

async function terminalStyle(color: boolean): Promise<Style> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, green: chalk.green };
}

async function terminalPrompter(color: boolean): Promise<Prompter> {
  const prompts = await import('../../terminal/inquirer.js');
  return prompts.terminalPrompter({ color });
}
