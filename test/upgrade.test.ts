// Answers files written under an older version of a definition open under a
// newer one: a renamed question (its former id listed in `formerIds`) gets
// the answer stored under the old id, in place; answers to removed questions
// stay in the file and `controleer` lists them as no longer asked.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDefinitionSource } from '../src/definition/check.js';
import type { Worksheet } from '../src/definition/schema.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { notAskedIds } from '../src/dossier/answers-shape.js';
import { check } from '../src/commands/controleer.js';
import { memoryOutput } from '../src/support/output.js';
import { walk } from '../src/walk.js';
import { fixturesDir, lineColOf, replaceOnce, shippedSource, useTempDir } from './helpers/temp.js';
import { sheet } from './report-helpers.js';

const tmp = useTempDir('werkboek-upgrade-');

/** Worksheet 1, version 2: "aanspreekpunt" renamed to "contactpersoon", "relatie-gemeente" removed. */
async function version2(): Promise<Worksheet> {
  let source = await shippedSource('gemeentelandschap');
  source = replaceOnce(source, 'version: 1', 'version: 2');
  source = replaceOnce(source, '      - id: aanspreekpunt\n', '      - id: contactpersoon\n        formerIds: [aanspreekpunt]\n');
  const removed = /\n {6}- id: relatie-gemeente\n(?: {8}.*\n)+/.exec(source);
  if (!removed) throw new Error('relatie-gemeente not found');
  source = source.replace(removed[0], '\n');
  const result = checkDefinitionSource(source, 'gemeentelandschap-v2.yaml');
  expect(result.issues).toEqual([]);
  return result.worksheet!;
}

async function oldFile(): Promise<string> {
  const file = path.join(tmp(), 'gemeentelandschap.yaml');
  await copyFile(path.join(fixturesDir, 'reports', 'gemeentelandschap.yaml'), file);
  return file;
}

describe('a newer definition', () => {
  it("reads an answer under a former id as the renamed question's, keeps removed answers, and writes the rename in place", async () => {
    const ws = await version2();
    const file = await oldFile();
    const before = await readFile(file, 'utf8');
    const answers = (await AnswersFile.read(file, ws))!;
    const old = parse(before) as { antwoorden: Record<string, unknown> };
    expect(answers.answers.contactpersoon).toBe(old.antwoorden.aanspreekpunt);
    expect(answers.answers.aanspreekpunt).toBeUndefined();
    expect(answers.answers['relatie-gemeente']).toBe(old.antwoorden['relatie-gemeente']);
    expect(notAskedIds(answers.answers, ws)).toEqual(['relatie-gemeente']);
    // Counted as answered under its new id; the removed question is simply not asked.
    const w = walk(ws, answers.answers);
    expect(w.visible.find((v) => v.question.id === 'contactpersoon')?.state).toBe('answered');
    expect(w.visible.some((v) => v.question.id === 'relatie-gemeente')).toBe(false);
    // Reading changed nothing on disk.
    expect(await readFile(file, 'utf8')).toBe(before);

    answers.setAnswer('overlegstructuur', 'nee');
    await answers.save();
    const after = await readFile(file, 'utf8');
    // The key renamed on its own line, everything else (comments, the removed answer) as it was.
    expect(lineColOf(after, '  contactpersoon:')).toEqual(lineColOf(before, '  aanspreekpunt:'));
    expect(after).toContain('relatie-gemeente: |\n    Goed, maar vooral op bestuurlijk niveau.');
    expect(after.startsWith(before.split('\n')[0]!)).toBe(true);
    const saved = parse(after) as { versie: number; antwoorden: Record<string, unknown> };
    expect(saved.versie).toBe(2);
    expect(saved.antwoorden.contactpersoon).toBe(old.antwoorden.aanspreekpunt);
    expect(saved.antwoorden['relatie-gemeente']).toBe(old.antwoorden['relatie-gemeente']);
  });

  it('keeps the answer of the new id when both are in the file', async () => {
    const ws = await version2();
    const file = await oldFile();
    await writeFile(file, (await readFile(file, 'utf8')).replace('antwoorden:\n', 'antwoorden:\n  contactpersoon: Nieuw\n'));
    const answers = (await AnswersFile.read(file, ws))!;
    expect(answers.answers.contactpersoon).toBe('Nieuw');
    expect(notAskedIds(answers.answers, ws)).toContain('aanspreekpunt');
  });

  it("refuses a former id that is another question's id, with its position", async () => {
    const source = replaceOnce(
      await shippedSource('gemeentelandschap'),
      '      - id: aanspreekpunt\n',
      '      - id: aanspreekpunt\n        formerIds: [gemeenteraad]\n',
    );
    const { issues } = checkDefinitionSource(source, 'x.yaml');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('"gemeenteraad" is het id van een andere vraag; een eerder id mag geen bestaand id zijn');
    expect(issues[0]!.line).toBe(lineColOf(source, 'formerIds: [gemeenteraad]').line);
  });
});

describe('werkboek controleer', () => {
  it('lists answers to questions that are no longer asked, with bestand:regel:kolom, and keeps them', async () => {
    const file = await oldFile();
    const text = (await readFile(file, 'utf8')).replace('  gemeenteraad:', '  oude-vraag: een antwoord van toen\n  gemeenteraad:');
    await writeFile(file, text);
    const out = memoryOutput();
    const code = await check({ files: ['gemeentelandschap.yaml'], cwd: tmp(), out });
    expect(code).toBe(0);
    const { line, col } = lineColOf(text, 'oude-vraag:');
    expect(out.out).toContain(
      `gemeentelandschap.yaml:${line}:${col}: "oude-vraag" wordt niet meer gevraagd (werkblad gemeentelandschap, versie 1); het antwoord blijft in het bestand staan`,
    );
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});

describe('werkboek verschil across versions', () => {
  it('compares a renamed answer under its new id and lists removed questions as no longer asked', async () => {
    const { diffSheet, diffMarkdown } = await import('../src/report/diff.js');
    const ws = await version2();
    const before = (await AnswersFile.read(await oldFile(), ws))!.answers;
    const after: Record<string, unknown> = { ...before, contactpersoon: 'Iemand anders' };
    delete after['relatie-gemeente'];
    const d = diffSheet(sheet(ws, before), sheet(ws, after as typeof before));
    expect(d.changes.map((c) => [c.kind, c.id])).toEqual([['gewijzigd', 'contactpersoon']]);
    expect(d.noLongerAsked).toEqual(['relatie-gemeente']);
    expect(diffMarkdown([d], { from: 'ronde 2026', to: 'nu', library: null, now: new Date('2027-01-01T12:00:00Z') })).toContain('### Niet meer gevraagd');
  });
});
