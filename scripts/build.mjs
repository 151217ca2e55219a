#!/usr/bin/env node
// The build (`npm run build`, also run by `npm install` and `npm test`):
//
// 1. dist/ from scratch: tsc compiles src/ to dist/ (module by module), for
//    the build's own scripts (the definitions cache below, the JSON Schema).
// 2. dist/app/: what bin/werkboek.js runs. esbuild bundles src/cli.ts with
//    its packages into chunks (ES modules, split), and each chunk is turned
//    into a CommonJS file: cli.js holds what every command needs (commander,
//    the error boundary); the commands come in groups (see COMMAND_GROUPS);
//    each heavy package that only one format needs (zod, liquidjs, marked +
//    sanitize-html, nodemailer) is a chunk required when it is used. Loading
//    ten files is much cheaper than the hundreds the packages consist of.
//    yaml is a CommonJS file of its own, dist/app/yaml.cjs, that
//    support/yaml.ts requires when a command first reads or writes YAML.
//    dist/app/code-cache.js, bundled apart, keeps compiled code on Node 20
//    (support/code-cache.ts). dist/app/quick-help.js, bundled apart too,
//    prints the main help and the version (support/quick-help.ts).
//    dist/app/ sits two levels below the project, like dist/<folder>/, so the
//    paths the code finds its files by (questions/, templates/, package.json,
//    dist/worksheets.json) are the same from src/, dist/ and dist/app/.
// 3. dist/worksheets.json: the shipped worksheets, validated
//    (scripts/compile-definitions.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const app = path.join(dist, 'app');
const run = (file, args) => execFileSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });

rmSync(dist, { recursive: true, force: true });
run(path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', 'tsconfig.build.json']);

/**
 * zod re-exports every language's messages as `z.locales`; werkboek uses the
 * Dutch ones (and zod its English default). Bundling all 45 would add 350 KB
 * to what `controleer` loads.
 */
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: path.join(root, 'scripts', 'bundle', 'zod-locales.js') } : undefined,
    );
  },
};

/**
 * @inquirer/core wraps every line it draws with wrap-ansi 6, whose
 * dependencies (string-width, ansi-styles with color-convert, an emoji regex)
 * cost several milliseconds to load before the first question. Our prompts
 * draw lines that fit already: for such a line (plain text, no wider than the
 * terminal) wrap-ansi returns it unchanged, so the bundle answers that case
 * itself (support/wrap.ts: fitsAsIs) and loads the real wrap-ansi only for a
 * line that needs it.
 */
const inquirerWrap = {
  name: 'inquirer-wrap-ansi',
  setup(b) {
    b.onResolve({ filter: /^wrap-ansi$/ }, async (args) => {
      if (args.pluginData === 'real' || !/[\\/]@inquirer[\\/]core[\\/]/.test(args.importer)) return undefined;
      const real = await b.resolve('wrap-ansi', { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      if (real.errors.length) return { errors: real.errors };
      return { path: real.path, namespace: 'inquirer-wrap-ansi' };
    });
    b.onLoad({ filter: /.*/, namespace: 'inquirer-wrap-ansi' }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents: [
        `import { fitsAsIs } from ${JSON.stringify(path.join(root, 'src', 'support', 'wrap.ts'))};`,
        'let real;',
        'export default function wrapAnsi(string, columns, options) {',
        '  if (typeof string === "string" && fitsAsIs(string, columns)) return string;',
        `  real ??= require(${JSON.stringify(args.path)});`,
        '  return real(string, columns, options);',
        '}',
      ].join('\n'),
    }));
  },
};

/**
 * Node's own modules that a package requires at load, for work werkboek never
 * gives it. In the bundle the package gets such a module when it first uses
 * it (a stand-in that loads the real one on first access), so never.
 * - commander: child_process, for subcommands that are programs of their own
 *   (werkboek has none): 5–7 ms of Node's own modules (net, streams) on every
 *   start.
 * - nodemailer: http, https, zlib, net, dns and os, for fetching attachments
 *   by URL and for sending; the mail composer that writes an .eml draft uses
 *   none of them, and loading them cost 4–8 ms of every --formaat eml.
 * - liquidjs: crypto, for its sha256 and hmac_sha256 filters (an own template
 *   may use them): 4–5 ms of every report.
 */
const LAZY_BUILTINS = {
  commander: ['child_process'],
  nodemailer: ['http', 'https', 'zlib', 'net', 'dns', 'os'],
  liquidjs: ['crypto'],
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      const lazy = Object.entries(LAZY_BUILTINS).some(
        ([pkg, modules]) => modules.includes(name) && args.importer.includes(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`),
      );
      return lazy ? { path: name, namespace: 'lazy-builtin' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: [
        'let real;',
        `const load = () => (real ??= require(${JSON.stringify(`node:${args.path}`)}));`,
        'module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });',
      ].join('\n'),
    }));
  },
};

/**
 * Node 20 loads fs/promises only when asked (with readline, fs watchers and
 * a directory API: 1–2 ms), while fs is always loaded. werkboek's own
 * modules get fs/promises's functions as Node's callback functions made
 * into promises (util.promisify: the same results and errors); only `open`,
 * whose FileHandle is fs/promises's own, loads it, on first use (an output
 * file; `start` loads it while the first question waits). So a command that
 * only reads (status, lijst, rapport to the screen) does not load it. A
 * function used but not listed here fails the build (no matching export).
 */
const PROMISE_FS = ['access', 'copyFile', 'mkdir', 'readFile', 'readdir', 'rename', 'rm', 'stat', 'unlink', 'writeFile'];
const promiseFs = {
  name: 'promise-fs',
  setup(b) {
    // A dynamic import() is the real module (atomic-write.ts's prepareSave loads it ahead of the first save).
    b.onResolve({ filter: /^(node:)?fs\/promises$/ }, (args) =>
      args.kind !== 'dynamic-import' && args.importer.startsWith(path.join(root, 'src') + path.sep)
        ? { path: 'fs/promises', namespace: 'promise-fs' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'promise-fs' }, () => ({
      loader: 'js',
      contents: [
        "import * as fs from 'node:fs';",
        "import { promisify } from 'node:util';",
        ...PROMISE_FS.map((name) => `export const ${name} = promisify(fs.${name});`),
        // fs/promises's realpath is the native one.
        'export const realpath = promisify(fs.realpath.native);',
        "export const open = (...args) => require('node:fs/promises').open(...args);",
      ].join('\n'),
    }));
  },
};

/**
 * proper-lockfile does its file work through graceful-fs, which at load
 * copies and patches the whole fs module (about 4 ms, before the first
 * question). graceful-fs queues and retries when a process has too many
 * files open; a lock takes one folder and one file. In the bundle
 * proper-lockfile uses Node's fs itself.
 */
const lockfileFs = {
  name: 'lockfile-fs',
  setup(b) {
    b.onResolve({ filter: /^graceful-fs$/ }, (args) =>
      /[\\/]proper-lockfile[\\/]/.test(args.importer) ? { path: 'fs', namespace: 'lockfile-fs' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lockfile-fs' }, () => ({ loader: 'js', contents: "module.exports = require('node:fs');" }));
  },
};

/**
 * sanitize-html (HTML reports and emails) uses one class of htmlparser2, its
 * Parser, and one function of postcss, parse (for style attributes), but
 * requires both packages whole: htmlparser2's index brings domhandler,
 * domutils and dom-serializer (with an older copy of entities and its
 * encoding tables), postcss's brings its processor, source maps and
 * stringifier. Loading those took about 20 ms of every --formaat html/eml.
 * In the bundle sanitize-html gets just the Parser and parse, the same code
 * it calls now.
 *
 * And parse remembers what it parsed: sanitize-html parses the style
 * attribute of every element as CSS (`p {margin:0 0 12px;}`), and a report
 * has a few hundred elements with the same few styles (report/html.ts), each
 * parse costing a new postcss Input, tokenizer and parser (30 ms of a report
 * in all). sanitize-html only reads the tree it gets back (it rewrites it
 * only to apply allowedStyles, which werkboek does not use), so one tree per
 * text serves every element with that style.
 *
 * postcss without source-map-js, as in its own build for browsers (its
 * package.json "browser" field): it needs source maps only when asked for
 * them, and sanitize-html parses with `map: false`. 70 KB less to compile.
 */
const sanitizeHtmlDeps = {
  name: 'sanitize-html-deps',
  setup(b) {
    b.onResolve({ filter: /^(htmlparser2|postcss)$/ }, async (args) => {
      if (args.pluginData === 'real' || !/[\\/]sanitize-html[\\/]/.test(args.importer)) return undefined;
      const real = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      if (real.errors.length) return { errors: real.errors };
      // htmlparser2's index re-exports its Parser from the file next to it.
      if (args.path === 'htmlparser2') return { path: path.join(path.dirname(real.path), 'Parser.js') };
      return { path: 'postcss', namespace: 'sanitize-html-postcss', pluginData: path.dirname(real.path) };
    });
    b.onResolve({ filter: /^source-map-js$/ }, (args) =>
      /[\\/]postcss[\\/]/.test(args.importer) ? { path: 'source-map-js', namespace: 'postcss-no-source-maps' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'postcss-no-source-maps' }, () => ({ loader: 'js', contents: 'module.exports = {};' }));
    b.onLoad({ filter: /.*/, namespace: 'sanitize-html-postcss' }, (args) => ({
      resolveDir: args.pluginData,
      loader: 'js',
      contents: [
        "const parse = require('./parse.js');",
        'const trees = new Map();',
        'exports.parse = (css, opts) => {',
        '  let tree = trees.get(css);',
        '  if (!tree) trees.set(css, (tree = parse(css, opts)));',
        '  return tree;',
        '};',
      ].join('\n'),
    }));
  },
};

/**
 * Each command is a module of its own that cli.ts imports when it runs. In
 * the bundle, commands that need the same code come as one file: the
 * everyday ones (filling in, status, the list, the introduction) and the
 * reports (rapport, vergelijk, verschil, all with Liquid). A group holds only
 * commands whose own imports are alike: everything a group's commands import
 * is loaded with it (zod, which only controleer and importeer need, must not
 * come with a report), so the other commands are a group each.
 *
 * Every group also imports the everyday one. esbuild puts code in a chunk
 * per set of entry points that reach it; without this, the code the everyday
 * commands share with one or two others (answers files, the walk, locks)
 * was scattered over a dozen small chunks, and loading a file costs Node
 * about half a millisecond whatever its size. Now it is one chunk, which the
 * other groups load as well (a few dozen KB they partly need anyway).
 */
const COMMAND_GROUPS = {
  everyday: ['start', 'status', 'lijst', 'inleiding'],
  reports: ['rapport', 'vergelijk', 'verschil'],
  controleer: ['controleer'],
  importeer: ['importeer'],
  'nieuwe-ronde': ['nieuwe-ronde'],
  overzicht: ['overzicht'],
};
const commandGroups = {
  name: 'command-groups',
  setup(b) {
    const commands = path.join(root, 'src', 'commands');
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || args.importer !== path.join(root, 'src', 'cli.ts')) return undefined;
      const name = path.basename(args.path, '.js');
      const group = Object.keys(COMMAND_GROUPS).find((g) => COMMAND_GROUPS[g].includes(name));
      if (!group) return { errors: [{ text: `command ${name} is in no group of scripts/build.mjs` }] };
      return { path: group, namespace: 'command-group' };
    });
    b.onResolve({ filter: /^command-group:/ }, (args) => ({ path: args.path.slice('command-group:'.length), namespace: 'command-group' }));
    b.onLoad({ filter: /.*/, namespace: 'command-group' }, (args) => ({
      resolveDir: commands,
      loader: 'ts',
      contents: [
        ...(args.path === 'everyday' ? [] : ["import 'command-group:everyday';"]),
        ...COMMAND_GROUPS[args.path].map((name) => `export * from './${name}.js';`),
      ].join('\n'),
    }));
  },
};

/**
 * The same for the other modules of ours that are imported when needed (the
 * terminal prompts, the definition check, HTML and e-mail): each is an entry
 * point for esbuild, so each would again split the code it shares with the
 * everyday commands into chunks of its own. Imported through a wrapper that
 * also imports the everyday group, it adds no chunks but its own.
 */
const lazyOwnModules = {
  name: 'lazy-own-modules',
  setup(b) {
    const src = path.join(root, 'src') + path.sep;
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(src)) return undefined;
      if (args.importer === path.join(root, 'src', 'cli.ts')) return undefined; // the commands: command-groups
      return { path: path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'), namespace: 'lazy-own-module' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-own-module' }, (args) => ({
      resolveDir: path.dirname(args.path),
      loader: 'ts',
      // Our lazily imported modules have named exports only (export * passes no default).
      contents: `import 'command-group:everyday';\nexport * from ${JSON.stringify(args.path)};\n`,
    }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
// esbuild splits only ES modules into chunks; each chunk is then turned into a
// CommonJS file (imports become require, import() a require when it runs).
// Node 20 loads a CommonJS file several times faster than an ES module: no
// asynchronous module graph to resolve and link first, and bin/ (also
// CommonJS) does not start the ES module loader at all. import.meta.url,
// which the sources use to find questions/ and templates/, becomes the
// chunk's own file URL.
//
// liquidjs times a render (its renderLimit, which werkboek sets) with
// global.performance when there is one, else with Date.now. In Node
// `performance` is a global that loads perf_hooks on first use (3 ms of every
// report); for a limit of seconds Date.now will do, so the bundle has no
// global.performance (liquidjs is the only code that looks for it).
const result = await build({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli.ts')],
  outdir: app,
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  define: { 'import.meta.url': '__werkboekUrl', 'global.performance': 'undefined' },
  banner: { js: "const __werkboekUrl = require('node:url').pathToFileURL(__filename).href;" },
  metafile: true,
  write: false,
  plugins: [zodLocales, inquirerWrap, lazyBuiltins, promiseFs, lockfileFs, sanitizeHtmlDeps, commandGroups, lazyOwnModules],
});
mkdirSync(app, { recursive: true });
// Everything the code cache below may keep compiled code of, with its content.
const made = [];
// A default or namespace import of a Node module would become
// __toESM(require(…)), which copies the module property by property first (a
// getter for each of fs's hundred; about 1 ms of every start in all). A Node
// module's default export is its module.exports, so those imports become
// plain requires.
const builtinImport = /^import (?:\* as )?([\w$]+) from "((?:node:)?[\w/]+)";$/gm;
const plainRequires = (code) =>
  code.replace(builtinImport, (line, name, module) => (isBuiltin(module) ? `const ${name} = require(${JSON.stringify(module)});` : line));
const toCommonJs = async (file) =>
  (await transform(plainRequires(file.text), { format: 'cjs', platform: 'node', target: 'node20', supported: { 'dynamic-import': false }, minifyWhitespace: true, minifySyntax: true })).code;
for (const file of result.outputFiles) {
  const code = await toCommonJs(file);
  writeFileSync(file.path, code);
  made.push([path.basename(file.path), code]);
}
/** A small bundle of its own (one file, for bin/ to require), made CommonJS the same way. */
const buildSide = async (options) => {
  const side = await build({ ...common, ...options, format: 'esm', write: false });
  for (const file of side.outputFiles) writeFileSync(file.path, await toCommonJs(file));
};
writeFileSync(path.join(app, 'package.json'), '{ "type": "commonjs" }\n');
const yamlBundle = await build({
  ...common,
  entryPoints: [path.join(root, 'node_modules', 'yaml', 'dist', 'index.js')],
  outfile: path.join(app, 'yaml.cjs'),
  format: 'cjs',
  write: false,
});
for (const file of yamlBundle.outputFiles) {
  writeFileSync(file.path, file.contents);
  made.push([path.basename(file.path), file.text]);
}
// The bundle just made, for what the side bundles below are given: the commands' names, the help.
const cliBundle = createRequire(import.meta.url)(path.join(app, 'cli.js'));
// For Node 20, which keeps no compiled code between runs: requiring
// dist/app/code-cache.js (bin/ does, where Node has no cache of its own)
// keeps V8's compiled code of the bundle in the user's cache folder
// (src/support/code-cache.ts), one folder per command (it gets their names).
// The build's name is a hash of every file it made (yaml.cjs too), so a
// build never gets the compiled code of another.
const buildName = createHash('sha256')
  .update(made.map(([name, text]) => `${name}\0${text}`).join('\0'))
  .digest('hex')
  .slice(0, 16);
await buildSide({
  stdin: {
    contents:
      `import { useCodeCache } from ${JSON.stringify(path.join(root, 'src', 'support', 'code-cache.ts'))};\n` +
      `useCodeCache(__dirname, ${JSON.stringify(buildName)}, { commands: ${JSON.stringify(cliBundle.commandNames())} });\n`,
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'code-cache-entry.ts',
  },
  outfile: path.join(app, 'code-cache.js'),
});
// dist/app/quick-help.js: `werkboek`, `--help`, `help` and `--version` as bin/
// prints them without loading the program (src/support/quick-help.ts). The
// help is commander's own, made here by the bundle just built, with a
// stand-in for the program's name (the name comes from how werkboek was
// started). bin/ prints it where commander would print the same: without a
// terminal, and in a terminal of at least minWidth columns (commander wraps
// to a narrower one). Above 80 columns it must never change.
const { helpText } = cliBundle;
const NAME = '\u0000werkboek\u0000';
const help = helpText(NAME);
let minWidth = 401;
while (minWidth > 1 && helpText(NAME, minWidth - 1) === help) minWidth--;
for (let width = minWidth; width <= 400; width++) {
  if (helpText(NAME, width) !== help) {
    throw new Error(`build: the main help changes at a terminal width of ${width} columns; keep every line of it within 80 (a command's summary, cli.ts)`);
  }
}
if (minWidth > 80) throw new Error(`build: the main help needs ${minWidth} columns; keep every line of it within 80`);
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
await buildSide({
  stdin: {
    contents:
      `import { quickHelp } from ${JSON.stringify(path.join(root, 'src', 'support', 'quick-help.ts'))};\n` +
      `export const run = (argv) => quickHelp(argv, ${JSON.stringify({ help, name: NAME, version, minWidth })});\n`,
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'quick-help-entry.ts',
  },
  outfile: path.join(app, 'quick-help.js'),
});
// What each file holds, for curious readers (esbuild's bundle analyzer reads it too).
writeFileSync(path.join(app, 'meta.json'), JSON.stringify(result.metafile));

run(path.join(root, 'scripts', 'compile-definitions.mjs'), []);
