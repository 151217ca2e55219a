// A window resize while a prompt is open. Most terminals (Windows Terminal,
// the Windows console, tmux, VTE, xterm.js, iTerm) reflow what is on the
// screen when the width changes: a row of the prompt becomes two, or two
// become one. Inquirer erases its previous drawing by the number of rows it
// wrote, so after a reflow it erases too few or too many and a piece of the
// old drawing stays ("? 5.1. Wat doe je met deze signalen/hiat"). How a
// terminal reflows cannot be known from here, so the prompt is ended and
// drawn again from the top of a cleared screen (`CLEAR_SCREEN`, the visible
// part only: the scrollback stays), with what was typed or chosen kept.

/** The output stream's size and its `resize` event (a tty.WriteStream has both). */
export interface SizedOutput {
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  removeListener(event: 'resize', listener: () => void): unknown;
}

/** The resizing has stopped when no resize event came for this long (dragging a window's edge sends many). */
export const RESIZE_SETTLE_MS = 80;

/** Cursor to the top left, then erase the visible screen. */
export const CLEAR_SCREEN = '\u001b[H\u001b[2J';

export interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Call `onResized` once the window has a new size and the resizing has
 * settled (not for a resize back to the size it had when watching began).
 * Returns the function that stops watching.
 */
export function watchResize(output: SizedOutput, onResized: () => void, timers: Timers = realTimers): () => void {
  const sizeOf = () => `${output.columns}x${output.rows}`;
  const startSize = sizeOf();
  let pending: unknown;
  const settled = () => {
    pending = undefined;
    if (sizeOf() !== startSize) onResized();
  };
  const listener = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = timers.setTimeout(settled, RESIZE_SETTLE_MS);
  };
  output.on('resize', listener);
  return () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    output.removeListener('resize', listener);
  };
}
