#!/usr/bin/env node
// Generate schema/werkblad.schema.json (JSON Schema draft 2020-12) from the
// zod schema in src/definition/schema.ts, so editors with the YAML language
// server check and complete questions/*.yaml while you type.
//
//   npm run schema          write the file
//   npm run schema:check    exit 1 when the file is out of date (used by npm test)
//
// Reads the compiled dist/definition/json-schema.js: run `npm run build` first.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemaFile = path.join(root, 'schema', 'werkblad.schema.json');
const relative = path.relative(root, schemaFile).split(path.sep).join('/');

/** The JSON Schema as text: 2-space indentation and a trailing newline (src/definition/json-schema.ts). */
export async function generateSchemaText() {
  let mod;
  try {
    mod = await import(pathToFileURL(path.join(root, 'dist', 'definition', 'json-schema.js')).href);
  } catch (err) {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error('dist/definition/json-schema.js ontbreekt: voer eerst npm run build uit');
    }
    throw err;
  }
  return mod.worksheetJsonSchema();
}

async function main(argv) {
  const check = argv.includes('--check');
  const text = await generateSchemaText();
  if (check) {
    let current = null;
    try {
      current = await readFile(schemaFile, 'utf8');
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    if (current !== text) {
      process.stderr.write(`${relative} is verouderd: voer npm run schema uit\n`);
      return 1;
    }
    process.stdout.write(`${relative} is actueel\n`);
    return 0;
  }
  await mkdir(path.dirname(schemaFile), { recursive: true });
  await writeFile(schemaFile, text, 'utf8');
  process.stdout.write(`${relative} geschreven\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`gen-schema: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
