// Opening a file with its default program, or showing its folder, the way
// the desktop does on a double click: Windows `explorer.exe`, macOS `open`,
// Linux `xdg-open`. No shell (a path with spaces, `&`, `%` or quotes is one
// argument, never a command), started detached and let go, so that werkboek
// never waits for Word or a browser. Returns what happened; says nothing.
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { describeFsError } from './errors.js';

/** How a program is started (node's spawn; tests pass their own). */
export type SpawnFunction = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** Where and how: the platform, its environment and the spawn function. */
export interface Desktop {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  spawn: SpawnFunction;
}

export const realDesktop = (): Desktop => ({ platform: process.platform, env: process.env, spawn: nodeSpawn });

/** Open the file itself, or show the folder it is in. */
export type OpenWhat = 'file' | 'folder';

/**
 * The program and its arguments. Windows: explorer.exe with the file (its
 * default program) or the folder, one path as one argument (node quotes it
 * when it has spaces; no `/select,`, whose comma explorer.exe parses
 * itself). macOS: `open`, and `open -R` shows the file selected in the
 * Finder. Elsewhere: `xdg-open` with the file or the folder.
 */
export function openCommand(file: string, what: OpenWhat, platform: NodeJS.Platform): { command: string; args: string[] } {
  const folder = (platform === 'win32' ? path.win32 : path.posix).dirname(file);
  if (platform === 'win32') return { command: 'explorer.exe', args: [what === 'file' ? file : folder] };
  if (platform === 'darwin') return { command: 'open', args: what === 'file' ? [file] : ['-R', file] };
  return { command: 'xdg-open', args: [what === 'file' ? file : folder] };
}

/**
 * Whether there is a desktop to open a file on: always on Windows and macOS;
 * on Linux and the like only in a graphical session (DISPLAY or
 * WAYLAND_DISPLAY), not over ssh, where xdg-open would start a text browser
 * without a terminal.
 */
export function hasDesktop({ platform, env }: Pick<Desktop, 'platform' | 'env'>): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The folder's program in words: "Verkenner", "Finder", "bestandsbeheer". */
export function folderProgram(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'Verkenner' : platform === 'darwin' ? 'Finder' : 'bestandsbeheer';
}

export type OpenResult = { opened: true } | { opened: false; reason: string };

/**
 * Start the program detached and let it go: resolved as soon as it started
 * (or could not start: the reason in Dutch), never after it ends. (Whether
 * the program then finds the file is its own business: explorer.exe reports
 * success as exit code 1, so an exit code means nothing here.)
 */
export function openOnDesktop(file: string, what: OpenWhat, desktop: Desktop): Promise<OpenResult> {
  const { command, args } = openCommand(file, what, desktop.platform);
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = desktop.spawn(command, args, { detached: true, stdio: 'ignore', shell: false });
    } catch (err) {
      resolve({ opened: false, reason: reasonOf(command, err) });
      return;
    }
    child.once('error', (err) => resolve({ opened: false, reason: reasonOf(command, err) }));
    child.once('spawn', () => {
      child.unref();
      resolve({ opened: true });
    });
  });
}

function reasonOf(command: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' ? `het programma ${command} is niet gevonden` : describeFsError(err);
}
