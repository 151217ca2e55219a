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

/**
 * The first word of the command line that is not an option: the command, if
 * it names one (`werkboek --no-color status` -> "status"). cli.ts defines
 * only that command.
 */
export function commandWord(args: readonly string[]): string | undefined {
  return args.find((a) => !a.startsWith('-'));
}

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
 * name alone when its folder is on the PATH; `./naam` (`.\naam.exe` on
 * Windows, which cmd and PowerShell both take) in the current folder; else
 * its full path.
 */
export function executableCommand(execPath: string, cwd: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const dir = paths.dirname(execPath);
  const name = paths.basename(execPath);
  const onPath = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').some((d) => d !== '' && paths.resolve(d) === dir);
  if (onPath) return shellQuote(name, platform);
  if (paths.resolve(cwd) === dir) return platform === 'win32' ? `.\\${shellQuote(name, platform)}` : `./${shellQuote(name, platform)}`;
  return shellQuote(execPath, platform);
}

/**
 * "werkboek" when the program was started as the installed command (a
 * symlink or shim named werkboek, as npm link, npm install -g and npx make)
 * or when such a command is on the PATH; otherwise "node <script>", with
 * the script relative to the current folder when it is below it.
 */
export function programCommand(
  argv1: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string {
  if (!argv1) return 'werkboek';
  if (path.basename(argv1) === 'werkboek') return 'werkboek';
  if (onPath('werkboek', env, platform)) return 'werkboek';
  return `node ${shellQuote(displayPath(argv1, cwd), platform)}`;
}

/** A path as the user reads it: relative ("bin/werkboek.js") when it is below cwd, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const names = platform === 'win32' ? [`${name}.cmd`, `${name}.ps1`, `${name}.exe`] : [name];
  return dirs.some((dir) => names.some((n) => existsSync(path.join(dir, n))));
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

/** Quote a word for the user's shell when it needs it (spaces, quotes, $ …). */
export function shellQuote(word: string, platform: NodeJS.Platform = process.platform): string {
  if ((platform === 'win32' ? /^[\w@%+=:,./\\-]+$/ : /^[\w@%+=:,./-]+$/).test(word)) return word;
  if (platform === 'win32') return `"${word.replace(/"/g, '""')}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
