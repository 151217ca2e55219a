#!/usr/bin/env node
// Thin launcher: all code lives in the bundle dist/app/ (built by `npm install`; see scripts/build.mjs).
// CommonJS (bin/package.json), like the bundle: Node starts no ES module loader for it.
const module_ = require('node:module');

// Node 22.1+ keeps compiled code between runs (a faster start); Node 20 has no such cache.
module_.enableCompileCache?.();

let cli;
try {
  cli = require('../dist/app/cli.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/app/cli.js')) {
    console.error('werkboek is nog niet gebouwd. Voer eerst "npm install" uit in de map van werkboek.');
    process.exit(2);
  }
  throw err;
}
cli.main(process.argv);
