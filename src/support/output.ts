// The only writer to the terminal for non-interactive output. Commands
// receive an Output so tests can capture what they print. Control
// characters are made visible here (support/control.ts).
import { fstatSync, writeSync } from 'node:fs';
import { visibleControls } from './control.js';
import { ExitCode } from './errors.js';
export interface Output {
  color: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** One Dutch error line (and optionally a hint line) on stderr. Colours load only here, keeping start-up light. */
  error(message: string, hint?: string): Promise<void>;
  /** A line of normal output on stdout. */
  line(text?: string): void;
  /** Whether all that was written has left the program (nothing waits in a stream; see endWhenWritten). */
  written?(): boolean;
}

/**
 * direct: stdout may be written with fs.writeSync when it is a pipe or a
 * file (see stdoutWriter); not for `start`, whose prompts write through
 * process.stdout.
 */
export function createOutput(opts: { color: boolean; direct?: boolean }): Output {
  const write = stdoutWriter(opts.direct === true && stdoutIsFileOrPipe());
  // Whether stderr was written to (its stream exists then; asking for it otherwise would make it).
  let usedStderr = false;
  const stderr = (text: string): void => {
    usedStderr = true;
    process.stderr.write(text);
  };
  return {
    color: opts.color,
    // Text from files (answers, names, paths) can hold control characters: never raw to a terminal.
    stdout: (text) => write(visibleControls(text)),
    stderr: (text) => stderr(visibleControls(text)),
    async error(message, hint) {
      const { Chalk } = await import('chalk');
      const chalk = new Chalk({ level: opts.color && process.stderr.isTTY ? 1 : 0 });
      stderr(`${chalk.red('werkboek: ' + visibleControls(message))}\n`);
      if (hint) stderr(`${chalk.dim(visibleControls(hint))}\n`);
    },
    line: (text = '') => write(visibleControls(text) + '\n'),
    written: () => write.written() && (!usedStderr || process.stderr.writableLength === 0),
  };
}

/**
 * Ends a command that is done, once all its output is written: at once,
 * instead of letting Node first wait for V8's work in the background
 * (compiling functions it found hot, collecting garbage), of which nothing is
 * used any more. That wait was about 6 ms of `rapport alles` (scripts/bench.mjs).
 * Output that still waits in a stream (a pipe that took not all at once)
 * is never cut off: then the program ends as usual, when it is written.
 * Not for commands that ask questions (start, importeer): they end themselves,
 * after saving and unlocking.
 */
export function endWhenWritten(out: Output): void {
  if (out.written?.() === true) process.exit();
}

/** An Output that records everything, for tests. */
export function memoryOutput(): Output & { out: string; err: string } {
  const rec = {
    color: false,
    out: '',
    err: '',
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
  };
  return rec;
}

/** Whether stdout is a pipe or a file (not a terminal, nor another device such as /dev/null). */
export function stdoutIsFileOrPipe(): boolean {
  try {
    const stat = fstatSync(1);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false; // no stdout at all: Node's stream says what there is to say
  }
}

/**
 * Writes to stdout. direct (for a pipe or a file): with fs.writeSync, as
 * Node's own stream writes to a pipe or a file on Linux and macOS, without
 * loading and making that stream (about 3 ms of a short command such as
 * `status`). Should the pipe not take it at once (EAGAIN: another process
 * made it non-blocking), the rest goes through process.stdout, which waits.
 * Otherwise (a terminal): through process.stdout.
 *
 * Output that cannot be written: a closed pipe (`werkboek status | head -1`)
 * ends the program quietly, as other command-line tools do; a full disk
 * (`> /dev/full`, a full drive) gets one Dutch line on stderr and exit 5.
 * Without this Node prints an unhandled EPIPE/ENOSPC stack trace.
 */
export function stdoutWriter(direct: boolean): ((text: string) => void) & { written(): boolean } {
  let stream = !direct;
  let guarded = false;
  const viaStream = (data: string | Uint8Array): void => {
    if (!guarded) guardStdio();
    guarded = true;
    process.stdout.write(data);
  };
  const write = (text: string): void => {
    if (stream) return viaStream(text);
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN') return unwritable(code, err);
      stream = true;
      viaStream(bytes.subarray(done));
    }
  };
  // Written: nothing went through the stream, or nothing waits in it.
  return Object.assign(write, { written: () => !guarded || process.stdout.writableLength === 0 });
}

/** Output to a pipe or a file through process.stdout: its errors as stdoutWriter says. */
function guardStdio(): void {
  // Only for output that goes to a pipe or a file: on a terminal, `start` handles a closed
  // window itself (it saves and unlocks first; see support/stop-signals.ts).
  if (process.stdout.isTTY) return;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => unwritable(err.code));
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
