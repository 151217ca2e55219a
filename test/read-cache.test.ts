// The read cache (dossier/read-cache.ts): a file read before is not parsed
// again, but only while it has exactly the same bytes; what comes from the
// cache behaves like a parsed file (changes, comments, merging on save).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Worksheet } from '../src/definition/schema.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { FileIssuesError } from '../src/support/errors.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-read-cache-');
const cacheDir = () => path.join(process.env.XDG_CACHE_HOME ?? '', 'werkboek', 'gelezen');

let G: Worksheet;
beforeAll(async () => {
  G = (await loadShippedWorksheets()).find((s) => s.id === 'gemeentelandschap')!;
});

const SOURCE = [
  '# Met de hand toegevoegd commentaar',
  'werkblad: gemeentelandschap',
  'versie: 1',
  'status: concept',
  'aangemaakt: 2026-11-20T09:00:00.000Z',
  'bijgewerkt: 2026-11-27T13:05:00.000Z',
  'programma: werkboek 0.1.0',
  'eigen_sleutel: blijft staan',
  'antwoorden:',
  '  naam: Sanne',
  '  thema-in-agenda: ja # zeker weten',
  '',
].join('\n');

async function entries(): Promise<string[]> {
  return readdir(cacheDir()).catch(() => []);
}

describe('the read cache', () => {
  it('remembers a checked file and gives the same answers, metadata and drafts from it', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, SOURCE);
    const before = (await entries()).length;
    const parsed = (await AnswersFile.read(file, G))!;
    expect((await entries()).length).toBe(before + 1);
    const remembered = (await AnswersFile.read(file, G))!;
    expect(remembered.answers).toEqual(parsed.answers);
    expect(remembered.meta).toEqual(parsed.meta);
    expect(remembered.drafts).toEqual(parsed.drafts);
    expect(remembered.answers).toEqual({ naam: 'Sanne', 'thema-in-agenda': 'ja' });
  });

  it('is not used once a single byte of the file changed', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, SOURCE);
    await AnswersFile.read(file, G);
    await writeFile(file, SOURCE.replace('Sanne', 'Sannf'));
    expect((await AnswersFile.read(file, G))!.answers.naam).toBe('Sannf');
    // ...and a file made invalid is refused, whatever was remembered of it.
    await writeFile(file, SOURCE.replace('thema-in-agenda: ja', 'thema-in-agenda: misschien'));
    await expect(AnswersFile.read(file, G)).rejects.toBeInstanceOf(FileIssuesError);
  });

  it('is not used for another definition of the worksheet (a question renamed since): the file is read against the new one', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, SOURCE);
    expect((await AnswersFile.read(file, G))!.answers).toEqual({ naam: 'Sanne', 'thema-in-agenda': 'ja' });
    // The same bytes, read against a definition where "thema-in-agenda" was renamed (formerIds).
    const renamed = structuredClone(G);
    const question = renamed.steps.flatMap((s) => s.questions).find((q) => q.id === 'thema-in-agenda')!;
    Object.assign(question, { id: 'thema-op-agenda', formerIds: ['thema-in-agenda'] });
    expect((await AnswersFile.read(file, renamed))!.answers).toEqual({ naam: 'Sanne', 'thema-op-agenda': 'ja' });
  });

  it('ignores an entry it cannot read (a broken or half-written cache file)', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, SOURCE);
    await AnswersFile.read(file, G);
    for (const name of await entries()) await writeFile(path.join(cacheDir(), name), '{"content": "');
    expect((await AnswersFile.read(file, G))!.answers.naam).toBe('Sanne');
  });

  it('a remembered file keeps comments and unknown keys when it is changed and saved, and merges a hand edit', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, SOURCE);
    await AnswersFile.read(file, G);
    const f = (await AnswersFile.read(file, G))!;
    // Someone edits another answer by hand meanwhile: merged, not overwritten.
    await writeFile(file, SOURCE.replace('  naam: Sanne', '  naam: Sanne de Vries'));
    f.setAnswer('aanspreekpunt', 'Mevrouw J. Jansen');
    await f.save();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# Met de hand toegevoegd commentaar');
    expect(text).toContain('eigen_sleutel: blijft staan');
    expect(text).toContain('thema-in-agenda: ja # zeker weten');
    expect(text).toContain('naam: Sanne de Vries');
    expect(text).toContain('aanspreekpunt: Mevrouw J. Jansen');
  });

  it('keeps the line ends and a byte order mark of a remembered file', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, '\uFEFF' + SOURCE.replace(/\n/g, '\r\n'));
    await AnswersFile.read(file, G);
    const f = (await AnswersFile.read(file, G))!;
    expect(f.answers.naam).toBe('Sanne');
    f.setAnswer('naam', 'Piet');
    await f.save();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('naam: Piet\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('is not used with cache: false (controleer): the full check every time', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, SOURCE);
    const before = (await entries()).length;
    await AnswersFile.read(file, G, file, { cache: false });
    expect((await entries()).length).toBe(before);
  });
});
