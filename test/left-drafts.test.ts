// Leaving a question without answering it keeps what was typed (issue 23,
// item 1), through the runner: a date and a number being typed, the overview
// asked for while typing, and the draft offered again.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { runWorksheet } from '../src/runner/session.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { InterruptedError } from '../src/support/errors.js';
import { answer, backTyping, interrupt, keep, reviewTyping, ScriptedPrompter } from './helpers/scripted-prompter.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-left-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('typed text kept on leaving a question', () => {
  it('a date being typed, left with back, is a draft and the next default; the overview keeps text too', async () => {
    const ws = (await loadShippedWorksheets()).find((w) => w.id === 'gemeentelandschap')!;
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([
      { expect: 'Naam:', do: answer('An') },
      { expect: 'Bibliotheek:', do: answer('Bieb') },
      { expect: 'Datum', do: backTyping('12-0') },
      { expect: 'Bibliotheek:', do: reviewTyping('Bieb Oost') },
      { expect: 'Overzicht', do: interrupt },
    ]);
    await expect(runWorksheet({ ws, file, prompter, today: () => new Date(2026, 10, 27) })).rejects.toBeInstanceOf(InterruptedError);
    const saved = parse(await readFile(file.file, 'utf8')) as { concepten: Record<string, unknown>; antwoorden: Record<string, unknown> };
    expect(saved.concepten).toEqual({ datum: '12-0', bibliotheek: 'Bieb Oost' });
    expect(saved.antwoorden.bibliotheek).toBe('Bieb');

    // Next time, the drafts are in the prompts.
    const again = (await AnswersFile.read(file.file, ws))!;
    const next = new ScriptedPrompter([
      { expect: 'Bibliotheek:', do: keep },
      { expect: 'Datum', do: interrupt },
    ]);
    await expect(runWorksheet({ ws, file: again, prompter: next, today: () => new Date(2026, 10, 27) })).rejects.toBeInstanceOf(InterruptedError);
    expect(next.calls[0]?.default).toBe('Bieb Oost');
    expect(next.calls[1]?.default).toBe('12-0');
  });
});

describe('typed text in a repeat group item', () => {
  it("back out of an item from its first field keeps the item, with what was typed, as the group's draft", async () => {
    const { checkDefinitionFile } = await import('../src/definition/check.js');
    const ws = (await checkDefinitionFile(path.join(import.meta.dirname, 'fixtures', 'definitions', 'prototype-ids.yaml'))).worksheet!;
    const file = AnswersFile.create(path.join(dir, 'prototype-ids.yaml'), ws);
    const prompter = new ScriptedPrompter([
      { expect: 'Naam:', do: answer('An') },
      { expect: 'Vraag constructor?', do: answer('c') },
      { expect: 'Vraag proto?', do: { type: 'choose', name: 'Nee' } },
      { expect: 'Vraag groep?', do: { type: 'choose', name: /toevoegen/ } },
      { expect: 'Naam', do: backTyping('De Regenboog') },
      { expect: 'Vraag groep?', do: interrupt },
    ]);
    await expect(runWorksheet({ ws, file, prompter })).rejects.toBeInstanceOf(InterruptedError);
    const saved = parse(await readFile(file.file, 'utf8')) as { concepten: Record<string, unknown> };
    expect(saved.concepten.groep).toEqual({ constructor: 'De Regenboog' });
  });
});
