#!/usr/bin/env node
// The build (`npm run build`; `npm test` and `npm run bench` run it first).
//
// 1. dist/app/: what bin/werkboek.js runs. esbuild bundles src/cli.ts with
//    its packages as ES modules, split into chunks: cli.ts imports each
//    command with import() when it runs, so a command loads only the chunks
//    it needs. No plugins: every package is bundled as it is published.
//    Chunks stay in dist/app/ itself, two levels below the project like
//    src/<folder>/, so the paths the code finds its files by (questions/,
//    templates/, package.json, dist/worksheets.json) are the same from both.
// 2. dist/<folder>/: every module of src/ on its own, transpiled, for what
//    runs parts of the program (the build's own scripts, the benchmark, the
//    tests' child processes).
// 3. dist/worksheets.json: the shipped worksheets, validated once
//    (scripts/compile-definitions.mjs), so that no command but `controleer`
//    parses and validates the definitions at start-up.
//
// Type checking is `npm run typecheck` (tsc), part of `npm test`.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

rmSync(dist, { recursive: true, force: true });

const common = { platform: 'node', target: 'node22.12', format: 'esm', logLevel: 'warning' };

await build({
  ...common,
  bundle: true,
  // Whitespace and syntax minified (less to read and parse at every start); names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  entryPoints: [path.join(root, 'src', 'cli.ts')],
  outdir: path.join(dist, 'app'),
  splitting: true,
  chunkNames: '[name]-[hash]',
  // The bundled CommonJS packages (commander, yaml, …) call require() for Node's
  // own modules: an ES module has none, so each chunk makes its own.
  banner: { js: "import { createRequire as __werkboekRequire } from 'node:module'; const require = __werkboekRequire(import.meta.url);" },
});

await build({
  ...common,
  entryPoints: [path.join(root, 'src', '**', '*.ts')],
  outbase: path.join(root, 'src'),
  outdir: dist,
});

execFileSync(process.execPath, [path.join(root, 'scripts', 'compile-definitions.mjs')], { cwd: root, stdio: 'inherit' });
