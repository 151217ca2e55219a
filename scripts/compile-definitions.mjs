#!/usr/bin/env node
// Build step: validate the shipped worksheets once and store them as JSON
// (dist/worksheets.json), so that every command except `controleer` can
// skip YAML parsing and schema validation of the definitions at start-up.
// The cache records each file's size, mtime and fingerprint; a definition
// edited after the build is simply validated again at run time.
import { writeFileSync } from 'node:fs';
import { buildDefinitionCache, cacheFile } from '../dist/definition/load.js';
import { formatIssue } from '../dist/support/errors.js';

try {
  const cache = await buildDefinitionCache();
  writeFileSync(cacheFile, JSON.stringify(cache) + '\n');
} catch (err) {
  if (err && Array.isArray(err.issues)) {
    for (const issue of err.issues) console.error(formatIssue(issue));
    console.error('De werkbladdefinities in questions/ bevatten fouten (zie hierboven).');
    process.exit(1);
  }
  throw err;
}
