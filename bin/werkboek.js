#!/usr/bin/env node
// Thin launcher: all code lives in the bundle dist/app/ (built by `npm install`; see scripts/build.mjs).
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (a faster start); Node 20 has no such cache.
module.enableCompileCache?.();

import('../dist/app/cli.js').then(
  (cli) => cli.main(process.argv),
  (err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
      console.error('werkboek is nog niet gebouwd. Voer eerst "npm install" uit in de map van werkboek.');
      process.exitCode = 2;
    } else throw err;
  },
);
