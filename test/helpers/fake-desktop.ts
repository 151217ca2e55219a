// A desktop for tests of opening a file (support/open-file.ts): a platform,
// an environment, and a spawn that records its calls instead of starting
// anything.
import { EventEmitter } from 'node:events';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { Desktop } from '../../src/support/open-file.js';

interface Spawned {
  command: string;
  args: readonly string[];
  options: SpawnOptions;
  unref: boolean;
}

/** A spawn that records its calls and starts (emits 'spawn') or fails with `error` (emits 'error'), as node's does, a tick later. */
export function fakeDesktop(platform: NodeJS.Platform, { error, env = {} }: { error?: NodeJS.ErrnoException; env?: NodeJS.ProcessEnv } = {}) {
  const calls: Spawned[] = [];
  const desktop: Desktop = {
    platform,
    env,
    spawn: (command, args, options) => {
      const call: Spawned = { command, args, options, unref: false };
      calls.push(call);
      const child = Object.assign(new EventEmitter(), {
        unref: () => {
          call.unref = true;
        },
      });
      setImmediate(() => (error ? child.emit('error', error) : child.emit('spawn')));
      return child as unknown as ChildProcess;
    },
  };
  return { desktop, calls };
}
