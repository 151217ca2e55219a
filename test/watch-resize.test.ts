// watchResize (src/terminal/resize.ts): one call once a resize has settled,
// none for a window that ends at the size it started with, none after
// watching stopped. Timers injected: no waiting.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RESIZE_SETTLE_MS, type Timers, watchResize } from '../src/terminal/resize.js';

class FakeOutput extends EventEmitter {
  columns = 80;
  rows = 24;
  resize(columns: number, rows = this.rows): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** Timers run by hand: `fire()` runs the pending ones. */
function manualTimers(): Timers & { pending: Map<number, { run: () => void; ms: number }>; fire: () => void } {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  return {
    pending,
    setTimeout: (run, ms) => {
      pending.set(++next, { run, ms });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.run();
    },
  };
}

describe('watchResize', () => {
  it('calls once when a drag of the window edge has settled, after RESIZE_SETTLE_MS', () => {
    const out = new FakeOutput();
    const timers = manualTimers();
    let calls = 0;
    watchResize(out, () => calls++, timers);
    for (const w of [78, 70, 60, 50, 40]) out.resize(w);
    // Each event replaced the one before: one timer waits.
    expect(timers.pending.size).toBe(1);
    expect([...timers.pending.values()][0]?.ms).toBe(RESIZE_SETTLE_MS);
    expect(calls).toBe(0);
    timers.fire();
    expect(calls).toBe(1);
  });

  it('also for a change of the height only', () => {
    const out = new FakeOutput();
    const timers = manualTimers();
    let calls = 0;
    watchResize(out, () => calls++, timers);
    out.resize(80, 40);
    timers.fire();
    expect(calls).toBe(1);
  });

  it('not when the window ends at the size it had', () => {
    const out = new FakeOutput();
    const timers = manualTimers();
    let calls = 0;
    watchResize(out, () => calls++, timers);
    out.resize(60);
    out.resize(80);
    timers.fire();
    expect(calls).toBe(0);
  });

  it('not after watching stopped: its timer is cleared and the listener removed', () => {
    const out = new FakeOutput();
    const timers = manualTimers();
    let calls = 0;
    const stop = watchResize(out, () => calls++, timers);
    out.resize(60);
    stop();
    expect(timers.pending.size).toBe(0);
    expect(out.listenerCount('resize')).toBe(0);
    out.resize(40);
    timers.fire();
    expect(calls).toBe(0);
  });
});
