#!/usr/bin/env node
// Thin launcher: all code lives in the bundle dist/app/ (built by `npm install`; see scripts/build.mjs).
// CommonJS (bin/package.json), like the bundle: Node starts no ES module loader for it.

// Only the help or the version (`werkboek`, `--help`, `help`, `--version`): printed as the
// build kept them, without loading the program (src/support/quick-help.ts).
const args = process.argv.slice(2);
if (args.length === 0 || (args.length === 1 && /^(-h|--help|help|-V|--version)$/.test(args[0]))) {
  try {
    if (require('../dist/app/quick-help.js').run(process.argv)) return;
  } catch (err) {
    if (!err || err.code !== 'MODULE_NOT_FOUND') throw err;
    // not built: said below
  }
}

// Keep compiled code between runs (a faster start), on every Node version: see src/support/code-cache.ts.
try {
  require('../dist/app/code-cache.js');
} catch {
  // not built (said below), or no cache: the program runs all the same
}

let cli;
try {
  cli = require('../dist/app/cli.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes("'../dist/app/cli.js'")) {
    console.error('werkboek is nog niet gebouwd. Voer eerst "npm install" uit in de map van werkboek.');
    process.exit(2);
  }
  throw err;
}
cli.main(process.argv);
