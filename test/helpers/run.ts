// Run the compiled CLI (bin/werkboek.js -> dist/) as a child process, the
// way a user does: no terminal, a temporary WERKBOEK_MAP and HOME.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './temp.js';

export const binPath = path.join(repoRoot, 'bin', 'werkboek.js');

/** How the CLI names itself in suggested commands when started as `node <binPath>` from a folder outside the repo. */
export const shownProgram = `node ${binPath}`;

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Extra environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
}

/** Fails with a clear message when dist/ was not built (npm test builds first). */
export function assertBuilt(): void {
  if (!existsSync(path.join(repoRoot, 'dist', 'app', 'cli.js'))) {
    throw new Error('dist/app/cli.js ontbreekt: voer eerst "npm run build" uit (npm test doet dat zelf).');
  }
}

export function runNode(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', WERKBOEK_DEBUG: undefined };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** `werkboek <args>` */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return runNode([binPath, ...args], options);
}

/** A child process that saves answers in a loop (the kill-loop and stop-signal tests), with its output so far. */
export interface SavingChild {
  child: ReturnType<typeof spawn>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the signal that ended it (null for a normal exit). */
  closed: Promise<NodeJS.Signals | null>;
  /** Resolves once stdout contains `marker` (or the child has ended). */
  reported(marker: string): Promise<void>;
}

export function spawnSavingChild(script: string, ...args: string[]): SavingChild {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    closed,
    reported: (marker) =>
      new Promise<void>((resolve) => {
        if (stdout.includes(marker)) return resolve();
        child.stdout.on('data', () => stdout.includes(marker) && resolve());
        child.on('close', () => resolve());
      }),
  };
}
