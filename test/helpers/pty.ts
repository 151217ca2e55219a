// A small terminal test harness: runs the compiled CLI (bin/werkboek.js ->
// dist/) in a real pseudo-terminal (node-pty) and feeds everything it
// writes into a headless xterm, so a test reads the screen the way a user
// sees it and types keys the way a user does.
//
//   const s = start(['start', 'gemeentelandschap'], { WERKBOEK_MAP: dir, HOME: dir });
//   await s.waitFor('? Naam:');
//   s.type('Anna');
//   s.press('enter');
//   await s.waitFor(/\? Bibliotheek:/);
//   s.press('ctrl-c');
//   expect(await s.exit).toBe(130);
//
// Synchronisation is always "wait until the screen shows X" (polling every
// 25 ms); on a timeout the error message contains the current screen and
// the last keys sent, so a failure on CI can be read from the log alone.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const binPath = path.join(repoRoot, 'bin', 'werkboek.js');

export const COLS = 100;
export const ROWS = 30;
const POLL_MS = 25;
const DEFAULT_TIMEOUT_MS = 10_000;
const SETTLE_MS = 40;

/** Named keys, as a terminal sends them. */
export const KEYS = {
  enter: '\r',
  'ctrl-c': '\x03',
  'ctrl-d': '\x04',
  'ctrl-t': '\x14',
  'ctrl-n': '\x0e',
  'ctrl-s': '\x13',
  'ctrl-e': '\x05',
  'ctrl-o': '\x0f',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  backspace: '\x7f',
  space: ' ',
  tab: '\t',
} as const;
export type KeyName = keyof typeof KEYS;

export type Target = string | RegExp | ((screen: string) => boolean);

export interface StartOptions {
  /** What to run (default: this node with bin/werkboek.js); `args` follow. */
  command?: string[];
  cols?: number;
  rows?: number;
  cwd?: string;
}

export interface Session {
  /** Type text (sent as the terminal would: one write, no bracketed paste). */
  type(text: string): void;
  /** Press a named key, optionally several times. */
  press(key: KeyName, times?: number): void;
  /** Paste text the way a terminal with bracketed paste does. */
  paste(text: string): void;
  /** The visible screen: one line per row, trailing spaces removed, trailing empty rows dropped. */
  screen(): string;
  /** The visible rows (trailing spaces removed, so also the cursor drawn after the text). */
  lines(): string[];
  /** The visible rows with rows the terminal wrapped itself (a line longer than the width) joined again. */
  logicalLines(): string[];
  /** Everything still in the terminal (scrollback + screen). */
  history(): string;
  /** The raw bytes the program wrote (escape sequences included). */
  raw(): string;
  /**
   * Poll the screen until it contains the text / matches the regex / satisfies
   * the predicate; returns the screen. Throws (with the screen) on a timeout,
   * or as soon as the program has exited without showing it.
   */
  waitFor(target: Target, timeoutMs?: number): Promise<string>;
  /** The exit code (128 + n when a signal ended it, as a shell shows it), once the program has exited and its output is on the screen. */
  readonly exit: Promise<number>;
  readonly exited: boolean;
  /** Send the program a signal (SIGHUP, SIGTERM, …) while its terminal stays open. */
  signal(name: NodeJS.Signals): void;
  /**
   * Close the terminal window: the terminal goes away (reads and writes of the
   * program fail from then on) and the program gets SIGHUP. The screen stays as it was.
   */
  closeWindow(): void;
  /** Resize the window (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void;
  /** Stop the program (if still running) and free the terminal. */
  kill(): void;
}

const live = new Set<Session>();

/** Kill every session still running (use in afterEach). */
export function killAll(): void {
  for (const s of live) s.kill();
}

/** Fails with a clear message when dist/ was not built. */
export function assertBuilt(): void {
  if (!existsSync(path.join(repoRoot, 'dist', 'app', 'cli.js'))) {
    throw new Error('dist/app/cli.js ontbreekt: voer eerst "npm run build" uit.');
  }
}

/** Run `werkboek <args>` in a pseudo-terminal with exactly this environment (plus PATH). */
export function start(args: string[], env: Record<string, string>, options: StartOptions = {}): Session {
  assertBuilt();
  const cols = options.cols ?? COLS;
  const rows = options.rows ?? ROWS;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    // The per-user cache of the test process (test/setup.ts), not the real one.
    ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}),
    ...(process.platform === 'win32' && process.env.SystemRoot ? { SystemRoot: process.env.SystemRoot } : {}),
    ...env,
  };
  const [file = process.execPath, ...before] = options.command ?? [process.execPath, binPath];
  const child = pty.spawn(file, [...before, ...args], {
    name: fullEnv.TERM ?? 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? repoRoot,
    env: fullEnv,
  });

  let rawOut = '';
  let exited = false;
  let exitCode: number | undefined;
  const sent: string[] = [];

  // xterm parses asynchronously; `pending` resolves once everything received so far is on the screen.
  let pending: Promise<void> = Promise.resolve();
  const dataSub = child.onData((data) => {
    rawOut += data;
    pending = new Promise<void>((resolve) => term.write(data, resolve));
  });
  const exit = new Promise<number>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      // Ended by a signal: report it the way a shell does (128 + its number), not as 0.
      const code = signal ? 128 + signal : exitCode;
      // node-pty reports the exit after the pty is drained; let xterm finish parsing those last bytes.
      setTimeout(() => {
        void pending.then(() => {
          exited = true;
          exitCode = code;
          live.delete(session);
          resolve(code);
        });
      }, 20);
    });
  });

  const lines = (): string[] => {
    const buf = term.buffer.active;
    const out: string[] = [];
    // trimEnd: the prompt's cursor is drawn as an inverse space after the text.
    for (let i = 0; i < term.rows; i++) out.push((buf.getLine(buf.baseY + i)?.translateToString(true) ?? '').trimEnd());
    return out;
  };
  const screen = (): string => {
    const out = lines();
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  };
  const logicalLines = (): string[] => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < term.rows; i++) {
      const line = buf.getLine(buf.baseY + i);
      const text = line?.translateToString(false) ?? '';
      if (line?.isWrapped && out.length) out[out.length - 1] += text;
      else out.push(text);
    }
    return out.map((l) => l.trimEnd());
  };
  const history = (): string => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buf.length; i++) out.push((buf.getLine(i)?.translateToString(true) ?? '').trimEnd());
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  };
  const matches = (target: Target, text: string): boolean =>
    typeof target === 'string' ? text.includes(target) : target instanceof RegExp ? target.test(text) : target(text);
  const describe = (target: Target): string =>
    typeof target === 'string' ? JSON.stringify(target) : target instanceof RegExp ? String(target) : 'een voorwaarde';

  const write = (data: string, label: string) => {
    if (exited) throw new Error(`Kan ${label} niet sturen: het programma is al gestopt (code ${exitCode}).\n${frame(screen())}`);
    sent.push(label);
    child.write(data);
  };

  const session: Session = {
    type: (text) => write(text, `type(${JSON.stringify(text)})`),
    press: (key, times = 1) => {
      for (let i = 0; i < times; i++) write(KEYS[key], key);
    },
    paste: (text) => write(`\x1b[200~${text}\x1b[201~`, `paste(${JSON.stringify(text)})`),
    screen,
    lines,
    logicalLines,
    history,
    raw: () => rawOut,
    async waitFor(target, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await pending;
        if (matches(target, screen())) {
          // Let the rest of this render (and the prompt's key handlers) settle.
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          await pending;
          return screen();
        }
        if (exited) {
          throw new Error(
            `Wachten op ${describe(target)}: het programma is gestopt (code ${exitCode}) zonder dat te tonen.\n` +
              `Laatste toetsen: ${sent.slice(-8).join(', ') || '(geen)'}\n${frame(screen())}`,
          );
        }
        if (Date.now() > deadline) {
          throw new Error(
            `Wachten op ${describe(target)} duurde langer dan ${timeoutMs} ms.\n` +
              `Laatste toetsen: ${sent.slice(-8).join(', ') || '(geen)'}\n${frame(screen())}`,
          );
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    exit,
    get exited() {
      return exited;
    },
    signal(name) {
      sent.push(name);
      child.kill(name);
    },
    resize(cols, rows) {
      sent.push(`resize(${cols}x${rows})`);
      term.resize(cols, rows);
      child.resize(cols, rows);
    },
    closeWindow() {
      sent.push('closeWindow');
      (child as unknown as { destroy(): void }).destroy();
    },
    kill() {
      live.delete(session);
      if (!exited) {
        try {
          child.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
      dataSub.dispose();
      term.dispose();
    },
  };
  live.add(session);
  return session;
}

/** Wait for the exit code, with a timeout that shows the screen. */
export async function exitCodeOf(session: Session, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Het programma stopte niet binnen ${timeoutMs} ms.\n${frame(session.screen())}`)), timeoutMs);
  });
  try {
    return await Promise.race([session.exit, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The screen in a box, for error messages. */
export function frame(screen: string): string {
  const bar = '─'.repeat(COLS);
  return `Scherm:\n┌${bar}\n${screen
    .split('\n')
    .map((l) => `│${l}`)
    .join('\n')}\n└${bar}`;
}

/**
 * The part of the screen from the active prompt (the last line starting with
 * "? ") to the bottom: what the user is being asked right now.
 */
export function activePrompt(screen: string): string {
  const rows = screen.split('\n');
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.startsWith('? ')) return rows.slice(i).join('\n');
  return '';
}

/** The row with the select cursor (❯) in the active prompt, without the cursor itself. */
export function selectedChoice(screen: string): string | undefined {
  const row = activePrompt(screen)
    .split('\n')
    .find((l) => l.startsWith('❯'));
  return row?.replace(/^❯\s*/, '');
}
