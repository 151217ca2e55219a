// What start-up does not load (issue "Fast"): a new answers file and one
// remembered from an earlier read (read-cache.ts) give their answers without
// the yaml library; it is loaded when the file is changed or written. Run in
// a fresh node process on dist/ (built by npm test), where yaml comes from
// node_modules through require, so require.cache shows whether it was loaded.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertBuilt } from './helpers/run.js';
import { repoRoot, useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-startup-');

/** Run `body` (ES module code with AnswersFile, resolveWorksheet, dir and yamlLoaded in scope); returns what it logs. */
function probe(body: string, dir: string): string[] {
  assertBuilt();
  const dist = (p: string) => JSON.stringify(pathToFileURL(path.join(repoRoot, 'dist', p)).href);
  const script = [
    `import { createRequire } from 'node:module';`,
    `const { AnswersFile } = await import(${dist('dossier/answers-file.js')});`,
    `const { resolveWorksheet } = await import(${dist('definition/load.js')});`,
    `const require = createRequire(import.meta.url);`,
    `const yamlLoaded = () => Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]yaml[\\\\/]/.test(k));`,
    `const dir = ${JSON.stringify(dir)};`,
    body,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: process.env });
  expect(r.stderr).toBe('');
  return r.stdout.trim().split('\n');
}

describe('start-up without yaml', () => {
  it('a new answers file has its metadata and no answers without yaml, and loads it for the first change', () => {
    const out = probe(
      [
        `const ws = await resolveWorksheet('gemeentelandschap');`,
        `const f = AnswersFile.create(dir + '/gemeentelandschap.yaml', ws);`,
        `console.log(JSON.stringify([f.meta.worksheet, f.meta.status, f.answers, f.drafts]));`,
        `console.log(yamlLoaded());`,
        `f.setAnswer('naam', 'Anna');`,
        `await f.save();`,
        `console.log(yamlLoaded());`,
      ].join('\n'),
      tmp(),
    );
    expect(out).toEqual([JSON.stringify(['gemeentelandschap', 'concept', {}, {}]), 'false', 'true']);
  });

  it('a file read before is read again without yaml, as long as it is the same', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, 'werkblad: gemeentelandschap\nversie: 1\nstatus: concept\naangemaakt: 2026-11-27T09:00:00.000Z\nbijgewerkt: 2026-11-27T09:00:00.000Z\nprogramma: werkboek 0.1.0\nantwoorden:\n  naam: Anna\n');
    const read = [`const ws = await resolveWorksheet('gemeentelandschap');`, `const f = await AnswersFile.read(dir + '/gemeentelandschap.yaml', ws);`, `console.log(f.answers.naam, yamlLoaded());`].join('\n');
    expect(probe(read, tmp())).toEqual(['Anna true']);
    expect(probe(read, tmp())).toEqual(['Anna false']);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Anna', 'Anne'));
    expect(probe(read, tmp())).toEqual(['Anne true']);
  });
});
