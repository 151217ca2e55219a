// A fingerprint of a worksheet definition (as JSON), for the read cache
// (dossier/read-cache.ts): an answers file read against another definition
// must be read anew. Reckoned once per worksheet; for the shipped
// worksheets the build reckons it (dist/worksheets.json), which saves about
// 1 ms of every `status`.
import type { Worksheet } from './schema.js';
import { fingerprint } from '../support/checksum.js';

const prints = new WeakMap<Worksheet, string>();

export function definitionFingerprint(ws: Worksheet): string {
  let print = prints.get(ws);
  if (print === undefined) prints.set(ws, (print = fingerprint(JSON.stringify(ws))));
  return print;
}

/** The fingerprint the build reckoned for a shipped worksheet, as it was read from the build's cache. */
export function rememberFingerprint(ws: Worksheet, print: string): void {
  prints.set(ws, print);
}
