// Closing the terminal window (SIGHUP) or logging out / shutting down
// (SIGTERM) stops a worksheet the way Ctrl+C does: the prompt on screen ends
// with what was typed, that is saved as a draft, the lock is released, and
// then the program ends by the same signal (`endBySignal`), so a shell sees
// 129 or 143. Without these handlers Node (and signal-exit, used by inquirer)
// would end the process at once, losing the text being
// typed.
//
// Why end by the signal rather than with process.exitCode: a program
// stopped by a signal should end by it, so that the shell (and a script
// running werkboek) sees that it was stopped and can stop too.
//
// Windows: closing the console window gives SIGHUP (Windows ends the process
// a few seconds later, time enough to save), Ctrl+Break gives SIGBREAK, and
// SIGTERM never comes (listening for it is harmless). There a process cannot
// end by a signal (process.kill of itself with SIGHUP fails with ENOSYS), so
// it exits with the same code a shell elsewhere would show: 129, 143, 149.
import { stopExitCode, type StopSignal } from './errors.js';

/** The stop signals listened for on this platform. */
export function stopSignalsOf(platform: NodeJS.Platform): StopSignal[] {
  return platform === 'win32' ? ['SIGHUP', 'SIGTERM', 'SIGBREAK'] : ['SIGHUP', 'SIGTERM'];
}
/** If the orderly stop hangs, leave anyway after this long (an atomic save never leaves a half file). */
const GRACE_MS = 5_000;

export interface StopSignalOptions {
  /** A tty stdin that ends is a hang-up (default true; false in the plain mode). */
  endIsHangup?: boolean;
  /** Default: process.platform (tests inject win32). */
  platform?: NodeJS.Platform;
  /** How to end when the orderly stop hangs (tests); default endBySignal. */
  end?: (signal: StopSignal) => void;
}

/**
 * Until the returned function is called, SIGHUP and SIGTERM (and on Windows
 * SIGBREAK) call `stop` instead of ending the process. Also from now on a
 * closed terminal cannot crash the program: write and read errors of
 * stdin/stdout/stderr (EIO, EPIPE) are ignored — there is nobody left to tell.
 */
export function onStopSignals(stop: (signal: StopSignal) => void, options: StopSignalOptions = {}): () => void {
  ignoreStreamErrors();
  const platform = options.platform ?? process.platform;
  const end = options.end ?? ((signal: StopSignal) => endBySignal(signal, platform));
  const handle = (signal: StopSignal) => {
    // Whatever ends the process from here on reports the signal.
    process.exitCode = stopExitCode(signal);
    setTimeout(() => end(signal), GRACE_MS).unref();
    stop(signal);
  };
  const handlers = stopSignalsOf(platform).map((signal) => {
    const handler = () => handle(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  // A closed window ends stdin, often before SIGHUP arrives; with nothing left
  // to wait for, Node would exit before saving. A terminal's stdin only ends
  // that way (Ctrl+D is a key in raw mode), so it is a hang-up. Not so in the
  // plain mode (`endIsHangup: false`), which reads lines: there Ctrl+D ends
  // the input, and the plain prompter stops as with Ctrl+C.
  const hangup = () => handle('SIGHUP');
  if (process.stdin.isTTY && options.endIsHangup !== false) process.stdin.once('end', hangup);
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    process.stdin.removeListener('end', hangup);
  };
}

/**
 * End the process by this signal, with its default action: call this when
 * everything is saved and the lock released. All listeners for it go first
 * (ours, and signal-exit's, whose clean-ups have been done by then). On
 * Windows, which cannot do that, exit with the signal's code instead.
 */
export function endBySignal(
  signal: StopSignal,
  platform: NodeJS.Platform = process.platform,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  process.removeAllListeners(signal);
  if (platform === 'win32') exit(stopExitCode(signal));
  else process.kill(process.pid, signal);
}

let ignoring = false;

function ignoreStreamErrors(): void {
  if (ignoring) return;
  ignoring = true;
  const ignore = () => {};
  for (const stream of [process.stdin, process.stdout, process.stderr]) stream.on('error', ignore);
}
