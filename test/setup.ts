// Every test process: the per-user cache folder (which werkboek clears of what
// earlier versions left there, support/user-folders.ts) in a temporary folder,
// never the cache of whoever runs the tests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const cache = mkdtempSync(path.join(os.tmpdir(), 'werkboek-test-cache-'));
process.env.XDG_CACHE_HOME = cache;
afterAll(() => rmSync(cache, { recursive: true, force: true }));
