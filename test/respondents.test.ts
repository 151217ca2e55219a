// Respondents in a dossier folder: the slug is safe on every file system,
// two names that slug alike get distinct files, and a file belongs to the
// name in its metadata.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { respondentFile, sheetFiles, slugify } from '../src/dossier/respondents.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { worksheet } from './report-helpers.js';
import { useTempDir } from './helpers/temp.js';

describe('slugify', () => {
  it.each([
    ['Piet Bakker', 'piet-bakker'],
    ['  Piet   Bakker ', 'piet-bakker'],
    ['José Müller-Lüdenscheidt', 'jose-muller-ludenscheidt'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'collega'],
    ['C:\\Windows\\win.ini', 'c-windows-win-ini'],
    ['CON', 'con-1'],
    ['nul', 'nul-1'],
    ['Com1', 'com1-1'],
    ['LPT9', 'lpt9-1'],
    ['<b>\u001b[31m</b>', 'b-31m-b'],
    ['ß', 'ss'],
    ['', 'collega'],
    ['李小龙', 'collega'],
  ])('%j -> %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps slugs short and without a trailing dash', () => {
    const slug = slugify('a '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('respondent files', () => {
  const tmp = useTempDir();

  it('gives two names that slug alike distinct files, and finds each by the name in its metadata', async () => {
    const ws = await worksheet('randvoorwaarden');
    const first = await respondentFile(tmp(), ws.id, 'Piet Bakker');
    expect(first).toEqual({ file: path.join(tmp(), 'randvoorwaarden.piet-bakker.yaml'), exists: false });
    await AnswersFile.create(first.file, ws, undefined, 'Piet Bakker').save();
    const second = await respondentFile(tmp(), ws.id, 'Piet-Bakker');
    expect(second).toEqual({ file: path.join(tmp(), 'randvoorwaarden.piet-bakker-2.yaml'), exists: false });
    await AnswersFile.create(second.file, ws, undefined, 'Piet-Bakker').save();
    expect(await respondentFile(tmp(), ws.id, 'piet  bakker')).toEqual({ file: first.file, exists: true });
    expect(await respondentFile(tmp(), ws.id, 'Piet-Bakker')).toEqual({ file: second.file, exists: true });
    const saved = await AnswersFile.read(first.file, ws);
    expect(saved?.meta.respondent).toBe('Piet Bakker');
  });

  it('lists the own file first, then the colleagues by slug, and no backups, rescue files or other worksheets', async () => {
    for (const name of [
      'randvoorwaarden.yaml',
      'randvoorwaarden.piet-bakker-10.yaml',
      'randvoorwaarden.piet-bakker-2.yaml',
      'randvoorwaarden.piet-bakker.yaml',
      'randvoorwaarden.2026-11-27T10-11-12-131Z.bak.yaml',
      'randvoorwaarden.piet-bakker.2026-11-27T10-11-12-131Z.niet-opgeslagen.yaml',
      'randvoorwaarden.yaml.lock-eigenaar.json',
      'gemeentelandschap.anna.yaml',
      'randvoorwaarden.Hoofdletter.yaml',
    ]) {
      await writeFile(path.join(tmp(), name), '');
    }
    const files = await sheetFiles(tmp(), 'randvoorwaarden');
    expect(files.map((f) => [path.basename(f.file), f.slug])).toEqual([
      ['randvoorwaarden.yaml', null],
      ['randvoorwaarden.piet-bakker.yaml', 'piet-bakker'],
      ['randvoorwaarden.piet-bakker-2.yaml', 'piet-bakker-2'],
      ['randvoorwaarden.piet-bakker-10.yaml', 'piet-bakker-10'],
    ]);
  });

  it('refuses an empty name', async () => {
    await expect(respondentFile(tmp(), 'randvoorwaarden', ' \t')).rejects.toThrow('--respondent is leeg');
  });

  it('puts the name right after werkblad: in a new file', async () => {
    const ws = await worksheet('randvoorwaarden');
    const file = AnswersFile.create(path.join(tmp(), 'x.yaml'), ws, new Date('2026-11-27T12:00:00Z'), 'Piet Bakker');
    expect(file.toString()).toMatch(/^werkblad: randvoorwaarden\nrespondent: Piet Bakker\nversie: 1\n/m);
  });
});
