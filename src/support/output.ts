// The only writer to the terminal for non-interactive output. Commands
// receive an Output so tests can capture what they print. Control
// characters are made visible here (support/control.ts).
import { visibleControls, visibleControlsKeepingColour } from './control.js';
import { isSuggestedCommand } from './invocation.js';
import { wrapText } from './wrap.js';
import { ExitCode } from './errors.js';

export interface Output {
  color: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** One Dutch error line (and optionally a hint line) on stderr. Colours load only here, keeping start-up light. */
  error(message: string, hint?: string): Promise<void>;
  /** A line of normal output on stdout. */
  line(text?: string): void;
  /** A line of our own text styled with colour codes (chalk), which stay; any other control character is made visible. */
  styledLine(text: string): void;
  /** The width of the terminal stdout shows on; undefined when it goes to a file or a pipe (then nothing is fitted to a width). */
  columns(): number | undefined;
}

export function createOutput(opts: { color: boolean }): Output {
  let guarded = false;
  const write = (text: string): void => {
    if (!guarded) guardStdout();
    guarded = true;
    process.stdout.write(text);
  };
  const stderr = (text: string): void => void process.stderr.write(text);
  const output: Output = {
    // Set again once the command line is read (cli.ts): --no-color, --eenvoudig.
    color: opts.color,
    // Text from files (answers, names, paths) can hold control characters: never raw to a terminal.
    stdout: (text) => write(visibleControls(text)),
    stderr: (text) => stderr(visibleControls(text)),
    async error(message, hint) {
      const { Chalk } = await import('chalk');
      const chalk = new Chalk({ level: output.color && process.stderr.isTTY ? 1 : 0 });
      stderr(`${chalk.red(fitTerminal('werkboek: ' + visibleControls(message), process.stderr))}\n`);
      if (hint) stderr(`${chalk.dim(fitTerminal(visibleControls(hint), process.stderr))}\n`);
    },
    line: (text = '') => write(fitTerminal(visibleControls(text), process.stdout) + '\n'),
    styledLine: (text) => write(visibleControlsKeepingColour(text) + '\n'),
    columns: stdoutColumns,
  };
  return output;
}

/**
 * On a terminal, a line wrapped between words at its width (a suggested
 * command stays whole, to be copied; a "- " item goes on under its text);
 * into a pipe or a file, as it is.
 */
function fitTerminal(text: string, stream: NodeJS.WriteStream): string {
  const columns = stream.isTTY ? stream.columns || undefined : undefined;
  return columns ? wrapText(text, columns - 1, { whole: isSuggestedCommand, columns, bullets: true }) : text;
}

function stdoutColumns(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns || undefined : undefined;
}

/** An Output that records everything, for tests (`terminal`: the width of a terminal it stands for; default a pipe). */
export function memoryOutput(terminal?: number): Output & { out: string; err: string } {
  const rec = {
    color: false,
    out: '',
    err: '',
    columns: () => terminal,
    stdout(text: string) {
      rec.out += text;
    },
    stderr(text: string) {
      rec.err += text;
    },
    async error(message: string, hint?: string) {
      rec.err += `werkboek: ${message}\n${hint ? hint + '\n' : ''}`;
    },
    line(text = '') {
      rec.out += text + '\n';
    },
    styledLine(text: string) {
      rec.out += text + '\n';
    },
  };
  return rec;
}

/**
 * Output to a pipe or a file that cannot be written: a closed pipe
 * (`werkboek status | head -1`) ends the program quietly, as other
 * command-line tools do; a full disk (`> /dev/full`, a full drive) gets one
 * Dutch line on stderr and exit 5. Without this Node prints an unhandled
 * EPIPE/ENOSPC stack trace. On a terminal, `start` handles a closed window
 * itself (it saves and unlocks first; see support/stop-signals.ts).
 */
function guardStdout(): void {
  if (process.stdout.isTTY) return;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => unwritable(err.code, err));
}

function unwritable(code: string | undefined, err?: unknown): void {
  if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
  if (code === 'ENOSPC') {
    try {
      process.stderr.write('werkboek: Kan de uitvoer niet wegschrijven: de schijf is vol.\n');
    } catch {
      // stderr is gone too
    }
    process.exit(ExitCode.writeFailed);
  }
  if (err) throw err;
}
