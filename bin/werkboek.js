#!/usr/bin/env node
// Thin launcher: the program is the bundle in dist/app/ (scripts/build.mjs).
import module from 'node:module';

// Node's own cache of compiled code (in the system's temporary folder; off with
// NODE_DISABLE_COMPILE_CACHE=1): later starts skip compiling what earlier ones did.
module.enableCompileCache?.();

let cli;
try {
  cli = await import('../dist/app/cli.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/app/cli.js')) {
    console.error('werkboek is nog niet gebouwd. Voer eerst "npm install" en "npm run build" uit in de map van werkboek.');
    process.exit(2);
  }
  throw err;
}
await cli.main(process.argv);
