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
  plugins: [zodLocales, inquirerWrap],
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
