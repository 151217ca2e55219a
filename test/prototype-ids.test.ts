// Ids from files that are names of Object.prototype (`constructor`,
// `__proto__`, `toString`, …) work like any other id (issue 23, item 3):
// never counted as answered without an answer, never reported as a native
// function, never taken for a draft.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDefinitionFile } from '../src/definition/check.js';
import type { Worksheet } from '../src/definition/schema.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { runWorksheet } from '../src/runner/session.js';
import { InterruptedError } from '../src/support/errors.js';
import { walk, developmentPoints } from '../src/walk.js';
import { reportOf } from './report-helpers.js';
import { answer, choose, interrupt, ScriptedPrompter } from './helpers/scripted-prompter.js';

const definition = path.join(import.meta.dirname, 'fixtures', 'definitions', 'prototype-ids.yaml');
let dir: string;
let ws: Worksheet;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-proto-'));
  const checked = await checkDefinitionFile(definition);
  expect(checked.issues).toEqual([]);
  ws = checked.worksheet!;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ids named like Object.prototype', () => {
  it('count as open until answered, in walk and in the report', () => {
    const w = walk(ws, { naam: 'An' });
    expect(w.meta.done).toBe(1);
    expect(w.done).toBe(0);
    expect(w.next?.question.id).toBe('constructor');
    expect(w.visible.map((v) => [v.question.id, v.state])).toEqual([
      ['naam', 'answered'],
      ['constructor', 'open'],
      ['proto', 'open'],
      ['groep', 'open'],
    ]);
    expect(developmentPoints(w)).toHaveLength(3);
    const report = JSON.stringify(reportOf(ws, { naam: 'An' }));
    expect(report).not.toContain('native code');
  });

  it('are saved and read back under their own name; a fresh start asks Naam first', async () => {
    const file = AnswersFile.create(path.join(dir, 'prototype-ids.yaml'), ws);
    const prompter = new ScriptedPrompter([
      { expect: 'Naam:', do: answer('An') },
      { expect: 'Vraag constructor?', do: answer('c') },
      { expect: 'Vraag proto?', do: choose('Ja') },
      { expect: 'Vraag groep?', do: interrupt },
    ]);
    await expect(runWorksheet({ ws, file, prompter })).rejects.toBeInstanceOf(InterruptedError);
    const saved = parse(await readFile(file.file, 'utf8')) as { antwoorden: Record<string, unknown> };
    expect(Object.keys(saved.antwoorden)).toEqual(['naam', 'constructor', 'proto']);
    // Keys no question has (a later version, a hand edit) are kept and never taken for answers.
    const text = (await readFile(file.file, 'utf8')).replace('antwoorden:\n', 'antwoorden:\n  __proto__: x\n  tostring: y\n');
    await writeFile(file.file, text);
    const back = (await AnswersFile.read(file.file, ws))!;
    expect(Object.hasOwn(back.answers, '__proto__')).toBe(true);
    const w = walk(ws, back.answers);
    expect(w.done).toBe(2);
    expect(w.next?.question.id).toBe('groep');
    expect(walk(ws, { naam: 'An', groep: [{ klopt: 'ja' }] }).visible.find((v) => v.question.id === 'groep')?.state).toBe('answered');
    expect(JSON.stringify(reportOf(ws, { naam: 'An', groep: [{ klopt: 'ja' }] }))).not.toContain('native code');
    // Another worksheet, fresh: no draft is seen under "constructor".
    const fresh = AnswersFile.create(path.join(dir, 'fresh', 'prototype-ids.yaml'), ws);
    const first = new ScriptedPrompter([{ expect: 'Naam:', do: interrupt }]);
    await expect(runWorksheet({ ws, file: fresh, prompter: first })).rejects.toBeInstanceOf(InterruptedError);
  });
});
