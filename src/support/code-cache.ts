// Compiled code kept between runs. Node 20 compiles every file of the
// bundle anew at each start, about 3 ms per 100 KB on a slow machine. Node
// 22.1 and later have a cache of their own (module.enableCompileCache()),
// but it holds only what is compiled before a file runs, so every function
// is compiled at every start all the same: on Node 24, `status` took 142
// million instructions with it and 125 with this one, `rapport alles` 355
// and 276. So bin/ uses this one on every Node version. (The
// v8-compile-cache package does the same, but loads node:crypto to do it,
// which alone costs Node 20 about 7 ms.)
//
// bin/ requires dist/app/code-cache.js (which calls useCodeCache()) before it
// requires the bundle. From then on, a file of the bundle (dist/app/) is
// compiled with the code V8 cached for it the previous time, if there is one.
// At the end of a run, the compiled code of each file that had no (usable)
// cache is written out, including the functions that ran.
//
// V8 checks that a cache fits its version and flags, but not that its bytes
// are whole: a cache damaged on disk (the same length, other bytes) crashes
// it, at every start, until the file is removed. So each file holds its
// length and the data twice, and one whose copies differ is not used (and
// made anew). Node 22's own cache checks a CRC; comparing two copies is
// done by Node (Buffer.equals) at memory speed, while a checksum in
// JavaScript over the 250 KB of `status` cost it 1.5 ms.
//
// The cache lives in the per-user cache folder (code/ in
// ~/.cache/werkboek on Linux), one folder per build of the bundle and Node
// version (a build's files never change, so a file's name is enough within
// its folder), and in it one per command. A file's cache is written once,
// by the first run that loads it, and holds the functions that run used;
// what another command runs of the same file (cli.js, the everyday chunk)
// would be compiled anew at every start of that command: for `vergelijk`
// after a `rapport` some 50 million instructions, 12% of all it does. A new build's folder replaces the oldest when there are more
// than a few. Everything here is best effort: whatever fails, the file is
// compiled as usual.
//
// Named imports: bundled as CommonJS, a default import of a Node module is copied property by property first.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Script } from 'node:vm';
import { commandWord } from './invocation.js';
import { userFolder } from './user-folders.js';

interface Pending {
  script: Script;
  file: string;
}

/** The internals of CommonJS loading this relies on (stable since Node 0.x, and used the same way by v8-compile-cache). */
interface ModuleInternals {
  prototype: { _compile(this: Module, content: string, filename: string, ...more: unknown[]): unknown };
  wrap(content: string): string;
}

/**
 * Cache compiled code for the files in `appDir`. `build` names this build of
 * the bundle (scripts/build.mjs gives each build its own name); `commands`
 * maps each command's name and aliases to its name: the folder for a run is
 * the command's (the first word of the command line), else "anders".
 */
export function useCodeCache(
  appDir: string,
  build: string,
  { commands = {}, argv = process.argv, env = process.env }: { commands?: Record<string, string>; argv?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): void {
  let root: string;
  try {
    root = join(userFolder('cache', env), 'code');
  } catch {
    return;
  }
  const buildDir = join(root, `${build}-node${process.versions.node}`);
  const word = commandWord(argv.slice(2));
  const command = word !== undefined && Object.hasOwn(commands, word) ? commands[word] : undefined;
  const dir = join(buildDir, command ?? 'anders');
  const inApp = resolve(appDir) + sep;
  const pending: Pending[] = [];
  const internals = Module as unknown as ModuleInternals;
  const compile = internals.prototype._compile;

  internals.prototype._compile = function (this: Module, content: string, filename: string, ...more: unknown[]) {
    // Anything else as Node does it (Node 22+ passes more, such as the module's format).
    if (!filename.startsWith(inApp)) return compile.call(this, content, filename, ...more);
    const file = join(dir, `${basename(filename)}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = unsealed(readFileSync(file));
    } catch {
      // not cached yet
    }
    const script = new Script(internals.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) pending.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };

  process.once('exit', () => {
    if (pending.length) save(root, buildDir, dir, pending);
  });
}

/** Write the compiled code of the files that had none; remove the caches of old builds. */
function save(root: string, buildDir: string, dir: string, pending: Pending[]): void {
  try {
    if (!existsSync(buildDir)) {
      mkdirSync(buildDir, { recursive: true, mode: 0o700 });
      removeOldBuilds(root, buildDir);
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const { script, file } of pending) {
      // Through a temp file: another werkboek starting now reads either nothing or a whole cache.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, sealed(script.createCachedData()), { mode: 0o600 });
      renameSync(temp, file);
    }
  } catch {
    // not cached: the next run compiles as usual
  }
}

/**
 * Keep the caches of the few builds made last, this one included: two
 * installations of werkboek on one computer (a clone and a global install)
 * each keep theirs, instead of removing each other's at every start.
 */
const KEEP_BUILDS = 4;

function removeOldBuilds(root: string, dir: string): void {
  const builds = readdirSync(root)
    .filter((name) => name !== basename(dir))
    .map((name) => ({ name, made: statSync(join(root, name)).mtimeMs }))
    .sort((a, b) => b.made - a.made);
  for (const { name } of builds.slice(KEEP_BUILDS - 1)) rmSync(join(root, name), { recursive: true, force: true });
}

const MAGIC = 0x32424b57; // "WKB2"
const HEADER = 8;

/** The cache data twice, with its length in front. */
function sealed(data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data, data]);
}

/** The cache data, if the file is whole (its length as said, the two copies the same); else undefined. */
function unsealed(file: Buffer): Buffer | undefined {
  if (file.length < HEADER || file.readUInt32LE(0) !== MAGIC) return undefined;
  const length = file.readUInt32LE(4);
  if (file.length !== HEADER + 2 * length) return undefined;
  const data = file.subarray(HEADER, HEADER + length);
  return data.equals(file.subarray(HEADER + length)) ? data : undefined;
}
