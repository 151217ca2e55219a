#!/usr/bin/env node
// Build step: validate the shipped worksheets once and store them as JSON
// (dist/worksheets.json), so that every command except `controleer` can
// skip YAML parsing and schema validation of the definitions at start-up.
// Made anew by every build, like the bundle: after editing questions/*.yaml,
// run `npm run build`.
import { writeFileSync } from 'node:fs';
import { compiledFile, validateShipped } from '../dist/definition/load.js';
import { formatIssue } from '../dist/support/errors.js';

try {
  const worksheets = await validateShipped();
  writeFileSync(compiledFile, JSON.stringify({ worksheets }) + '\n');
} catch (err) {
  if (err && Array.isArray(err.issues)) {
    for (const issue of err.issues) console.error(formatIssue(issue));
    console.error('De werkbladdefinities in questions/ bevatten fouten (zie hierboven).');
    process.exit(1);
  }
  throw err;
}
