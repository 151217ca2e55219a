#!/usr/bin/env node
// The build (`npm run build`, also run by `npm install` and `npm test`):
//
// 1. dist/ from scratch: tsc compiles src/ to dist/ (module by module), for
//    the build's own scripts (the definitions cache below, the JSON Schema).
// 2. dist/app/: what bin/werkboek.js runs. esbuild bundles src/cli.ts with
//    its packages into a few ES modules: cli.js holds what every command
//    needs (commander, the error boundary), and each command, and each heavy
//    package that only one format needs (zod, liquidjs, marked +
//    sanitize-html, nodemailer), is a chunk loaded by a dynamic import when
//    it is used. Loading three files is much cheaper than the hundreds the
//    packages consist of. yaml is a CommonJS file of its own,
//    dist/app/yaml.cjs, that support/yaml.ts loads with require when a
//    command first reads or writes YAML.
//    dist/app/ sits two levels below the project, like dist/<folder>/, so the
//    paths the code finds its files by (questions/, templates/, package.json,
//    dist/worksheets.json) are the same from src/, dist/ and dist/app/.
// 3. dist/worksheets.json: the shipped worksheets, validated
//    (scripts/compile-definitions.mjs).
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
const result = await build({
  ...common,
  entryPoints: [path.join(root, 'src', 'cli.ts')],
  outdir: app,
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  // The bundled CommonJS packages call require() (for node: modules); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  metafile: true,
  plugins: [zodLocales],
});
await build({
  ...common,
  entryPoints: [path.join(root, 'node_modules', 'yaml', 'dist', 'index.js')],
  outfile: path.join(app, 'yaml.cjs'),
  format: 'cjs',
});
// What each file holds (`npx esbuild --analyze` reads it too): for `npm run bench -- --imports` and curious readers.
writeFileSync(path.join(app, 'meta.json'), JSON.stringify(result.metafile));

run(path.join(root, 'scripts', 'compile-definitions.mjs'), []);
