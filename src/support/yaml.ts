// The yaml library, loaded the first time it is needed, synchronously.
//
// A fresh `start` needs no YAML before the first question (the definitions
// are precompiled JSON and there is no answers file yet), so yaml is not
// loaded then: start loads it right after the first question is drawn (see
// support/idle.ts), before the first answer has to be saved. `status`,
// `rapport` and a resumed `start` load it when they read the first file.
//
// In the built program (dist/app/, see scripts/build.mjs) yaml is one
// CommonJS file, dist/app/yaml.cjs, loaded with require: 74 files through
// the module loader cost about 55 ms, one file about 10. From the sources
// (tests) it is the package itself.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

export type { Document, LineCounter, YAMLMap } from 'yaml';

let lib: typeof Yaml | undefined;

/** Beside the bundle's chunks (made by scripts/build.mjs); not there when running from the sources. */
const BUNDLED = './yaml.cjs';

export function yaml(): typeof Yaml {
  if (lib) return lib;
  const require = createRequire(import.meta.url);
  try {
    lib = require(BUNDLED) as typeof Yaml;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    lib = require('yaml') as typeof Yaml;
  }
  return lib;
}

export const isMap = (<K = unknown, V = unknown>(node: unknown) => yaml().isMap<K, V>(node)) as typeof Yaml.isMap;
export const isScalar = (<T = unknown>(node: unknown) => yaml().isScalar<T>(node)) as typeof Yaml.isScalar;
