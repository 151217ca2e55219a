// Closing the terminal window (SIGHUP) or logging out / shutting down
// (SIGTERM) stops a worksheet the way Ctrl+C does: the prompt on screen ends
// with what was typed, that is saved as a draft, the lock is released and
// the program exits with 129 or 143. Without these handlers Node (and
// signal-exit, used by inquirer and proper-lockfile) would end the process
// at once, losing the text being typed.
import { stopExitCode, type StopSignal } from './errors.js';

const SIGNALS: StopSignal[] = ['SIGHUP', 'SIGTERM'];
/** If the orderly stop hangs, leave anyway after this long (an atomic save never leaves a half file). */
const GRACE_MS = 5_000;

/**
 * Until the returned function is called, SIGHUP and SIGTERM call `stop`
 * instead of ending the process. Also from now on a
 * closed terminal cannot crash the program: write and read errors of
 * stdin/stdout/stderr (EIO, EPIPE) are ignored — there is nobody left to tell.
 */
export function onStopSignals(stop: (signal: StopSignal) => void): () => void {
  ignoreStreamErrors();
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      // Whatever ends the process from here on reports the signal.
      process.exitCode = stopExitCode(signal);
      setTimeout(() => process.exit(stopExitCode(signal)), GRACE_MS).unref();
      stop(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}

let ignoring = false;

function ignoreStreamErrors(): void {
  if (ignoring) return;
  ignoring = true;
  const ignore = () => {};
  for (const stream of [process.stdin, process.stdout, process.stderr]) stream.on('error', ignore);
}
