// The commands werkboek suggests to the user ("Ga verder met: …") must work
// where the user is: the same program (`werkboek` when it was started as an
// installed command, else `node <path>/bin/werkboek.js` as after the
// README's set-up) and the same dossier (`--map <map>` when it came from
// --map), so that an adviser with a folder per library never lands in
// another library's answers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runsAsSea } from './program-files.js';

let program = 'werkboek';

/** Set once by cli.ts from how this process was started; tests and library use keep "werkboek". */
export function setProgram(command: string): void {
  program = command;
}

/** How to start this program again from the user's folder, e.g. "werkboek" or "node bin/werkboek.js". */
export function programName(): string {
  return program;
}

/** How this process was started (argv[1] is the script node runs). Only cli.ts asks; commands get the answer. */
export function currentProgram({
  argv1 = process.argv[1],
  cwd = process.cwd(),
  env = process.env,
  platform = process.platform,
  sea = runsAsSea,
  execPath = process.execPath,
} = {}): string {
  return sea ? executableCommand(execPath, cwd, env, platform) : programCommand(argv1, cwd, env, platform);
}

/**
 * A single executable (werkboek-win-x64.exe, werkboek-linux-x64, …): its
 * name alone when its folder is on the PATH, else by its path as the shell
 * runs it (`programPath`: `./naam`, `.\\naam.exe` in the current folder).
 */
export function executableCommand(execPath: string, cwd: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const paths = pathsOf(platform);
  const dir = paths.dirname(execPath);
  const onPath = (env.PATH ?? env.Path ?? '').split(paths.delimiter).some((d) => d !== '' && paths.resolve(d) === dir);
  if (onPath) return shellQuote(paths.basename(execPath), platform);
  return programPath(displayPath(execPath, cwd, platform), platform, env);
}

/**
 * "werkboek" when the program was started as the installed command (a
 * symlink or shim named werkboek, as npm link, npm install -g and npx make)
 * or when such a command is on the PATH; otherwise "node <script>", with
 * the script relative to the current folder when it is below it; and an
 * executable of its own (not a script for node) by its path (`programPath`).
 */
export function programCommand(argv1: string | undefined, cwd: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (!argv1) return 'werkboek';
  if (pathsOf(platform).basename(argv1) === 'werkboek') return 'werkboek';
  if (onPath('werkboek', env, platform)) return 'werkboek';
  const shown = displayPath(argv1, cwd, platform);
  if (!/\.[cm]?js$/i.test(argv1)) return programPath(shown, platform, env);
  return `node ${shellQuote(shown, platform)}`;
}

/** A path as the user reads it: relative ("bin/werkboek.js") when it is below cwd, else absolute. */
export function displayPath(file: string, cwd: string, platform: NodeJS.Platform = process.platform): string {
  const paths = pathsOf(platform);
  const rel = paths.relative(cwd, file);
  return rel && !rel.startsWith('..') && !paths.isAbsolute(rel) ? rel : file;
}

/** Windows paths on Windows (also when a test says it is Windows), else POSIX ones. */
function pathsOf(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const paths = pathsOf(platform);
  const dirs = (env.PATH ?? env.Path ?? '').split(paths.delimiter).filter(Boolean);
  const names = platform === 'win32' ? [`${name}.cmd`, `${name}.ps1`, `${name}.exe`] : [name];
  return dirs.some((dir) => names.some((n) => existsSync(paths.join(dir, n))));
}

/**
 * A program named by its path, as the user's shell runs it: `.\` (`./`)
 * before a file in the current folder, which PowerShell and sh do not search
 * (cmd does, and takes `.\` too); quoted when needed; and in PowerShell, which
 * reads a quoted first word as a string rather than a command, `& ` before
 * it (cmd refuses a leading `&`, so only there).
 */
export function programPath(file: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const paths = pathsOf(platform);
  const local = file.includes(paths.sep) || (platform === 'win32' && file.includes('/')) ? file : `.${paths.sep}${file}`;
  const quoted = shellQuote(local, platform);
  return platform === 'win32' && quoted.startsWith('"') && inPowerShell(env) ? `& ${quoted}` : quoted;
}

/**
 * Whether werkboek runs in PowerShell (on Windows): PSModulePath lists a
 * user's own module folder (Documents\WindowsPowerShell\Modules, or
 * Documents\PowerShell\Modules for PowerShell 7), which PowerShell adds; in
 * cmd the variable holds only the system's folders (Program Files,
 * system32). A guess: a cmd started from PowerShell inherits its value.
 */
export function inPowerShell(env: NodeJS.ProcessEnv): boolean {
  const system = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432, env.SystemRoot, env.windir]
    .filter((dir): dir is string => !!dir)
    .map((dir) => dir.toLowerCase());
  return (env.PSModulePath ?? '')
    .split(';')
    .some((entry) => /[\\/](windows)?powershell[\\/]modules[\\/]?$/i.test(entry) && !system.some((dir) => entry.toLowerCase().startsWith(dir)));
}

/** Whether a printed line is a suggested command (indented, starting with the program): printed whole, never wrapped. */
export function isSuggestedCommand(line: string): boolean {
  return line.startsWith('  ') && line.trimStart().startsWith(`${programName()} `);
}

/**
 * A werkboek command line the user can copy: program, arguments, and
 * `--map <map>` when the dossier came from --map (pass its folder as `map`).
 * Placeholders such as "<werkblad>" stay as they are.
 */
export function suggest(args: string[], map?: string): string {
  const words = [program, ...args.map((a) => (/^<[^>]+>$/.test(a) ? a : shellQuote(a)))];
  if (map !== undefined) words.push('--map', shellQuote(map));
  return words.join(' ');
}

/** The --map folder to repeat in suggestions: the dossier's folder when the user chose it with --map. */
export function mapFor(dossier: { dir: string; source: string }): string | undefined {
  return dossier.source === 'optie' ? dossier.dir : undefined;
}

/**
 * Quote a word for the user's shell when it needs it (spaces, quotes, $ …).
 * In double quotes, which every shell reads (cmd has no single quotes, and
 * a command copied from a guide or a colleague may end up there). On
 * Windows a quote doubled: that reads the same in cmd and in PowerShell;
 * there also a word with "," or "@", which PowerShell would read as a list
 * or a splat. Elsewhere a word that double quotes would change ($, `, \, !
 * or a quote) goes in single quotes.
 */
export function shellQuote(word: string, platform: NodeJS.Platform = process.platform): string {
  if ((platform === 'win32' ? /^[\w%+=:./\\-]+$/ : /^[\w@%+=:,./-]+$/).test(word)) return word;
  if (platform === 'win32') return `"${word.replace(/"/g, '""')}"`;
  if (!/["$`\\!]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
