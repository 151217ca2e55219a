// Two colleagues fill in werkblad 2 at the same time in one folder (a shared
// network folder), each with `start --respondent`: each has a file and a lock
// of their own, neither disturbs the other, and the same name twice is refused.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exitCodeOf, start } from '../helpers/pty.js';
import { E2E_TIMEOUT, runPlain, useE2e, type E2eContext } from './env.js';
import { answerLine, answerYesNo, Q, waitForQuestion } from './prompt.js';

const STAP1 = '1. Heeft jouw bibliotheek concrete doelstellingen';

function startAs(ctx: E2eContext, name: string) {
  return start(['start', 'randvoorwaarden', '--respondent', name], ctx.env);
}

describe('two respondents at the same time in one folder (e2e, pty)', { timeout: E2E_TIMEOUT }, () => {
  const e2e = useE2e();

  it('each fills in a file of their own, answers interleaved; the same name twice is refused (exit 4)', async () => {
    const ctx = e2e();
    const piet = startAs(ctx, 'Piet Bakker');
    const anna = startAs(ctx, 'Anna de Jong');
    // The name given with --respondent is the answer to Naam: the first question is Bibliotheek.
    await waitForQuestion(piet, Q.bibliotheek);
    await waitForQuestion(anna, Q.bibliotheek);
    expect(piet.history()).toContain('Ingevuld door Piet Bakker, in een eigen bestand: randvoorwaarden.piet-bakker.yaml');
    expect(anna.history()).toContain('Ingevuld door Anna de Jong, in een eigen bestand: randvoorwaarden.anna-de-jong.yaml');

    await answerLine(anna, Q.bibliotheek, 'Bieb Oost');
    await answerLine(piet, Q.bibliotheek, 'Bieb West');
    await answerLine(piet, Q.datum, '');
    await answerLine(anna, Q.datum, '');
    await answerYesNo(anna, STAP1, 'Nee');
    await answerYesNo(piet, STAP1, 'Ja');
    await waitForQuestion(piet, '1.1. Zo ja, welke doelstellingen');
    await waitForQuestion(anna, '1.2. Heb jij een eigen');

    // Piet again, in a third window: refused, and the other two carry on.
    const twice = startAs(ctx, 'piet  bakker');
    expect(await exitCodeOf(twice)).toBe(4);
    expect(twice.screen()).toContain('Dit werkblad wordt al ingevuld in een ander venster (randvoorwaarden.piet-bakker.yaml)');

    piet.press('ctrl-c');
    anna.press('ctrl-c');
    expect(await exitCodeOf(piet)).toBe(130);
    expect(await exitCodeOf(anna)).toBe(130);
    expect(piet.screen()).toContain('start randvoorwaarden --respondent "Piet Bakker"');

    expect((await readdir(ctx.map)).sort()).toEqual(['randvoorwaarden.anna-de-jong.yaml', 'randvoorwaarden.piet-bakker.yaml']);
    const read = async (name: string) => parse(await readFile(path.join(ctx.map, name), 'utf8')) as Record<string, unknown>;
    expect(await read('randvoorwaarden.piet-bakker.yaml')).toMatchObject({
      respondent: 'Piet Bakker',
      antwoorden: { naam: 'Piet Bakker', bibliotheek: 'Bieb West', 'doelen-vastgelegd': 'ja' },
    });
    expect(await read('randvoorwaarden.anna-de-jong.yaml')).toMatchObject({
      respondent: 'Anna de Jong',
      antwoorden: { naam: 'Anna de Jong', bibliotheek: 'Bieb Oost', 'doelen-vastgelegd': 'nee' },
    });

    const shown = runPlain(ctx, ['status']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain("Collega's (2):");
    expect(shown.stdout).toMatch(/- Anna de Jong: concept \(1 van \d+ beantwoord\)/);
    expect(shown.stdout).toMatch(/- Piet Bakker: concept \(1 van \d+ beantwoord\)/);
  });
});
