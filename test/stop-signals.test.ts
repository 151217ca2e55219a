// SIGTERM / SIGHUP while an answers file is being saved: the handler of
// support/stop-signals.ts only asks to stop, so a save in progress finishes
// (no temp file, no half or older file), and the process then ends by the
// signal itself (a shell sees 143 / 129).
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinitionFile } from '../src/definition/check.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { assertBuilt, spawnSavingChild } from './helpers/run.js';
import { makeTempDir, questionsDir, repoRoot } from './helpers/temp.js';

const ITERATIONS = 12;

const dist = (p: string) => JSON.stringify(pathToFileURL(path.join(repoRoot, 'dist', p)).href);
const CHILD = `
import { AnswersFile } from ${dist('dossier/answers-file.js')};
import { loadDefinitionFile } from ${dist('definition/check.js')};
import { onStopSignals, endBySignal } from ${dist('support/stop-signals.js')};
const [file, definition] = process.argv.slice(2);
const ws = await loadDefinitionFile(definition);
const ids = ws.steps.flatMap((s) => s.questions).map((q) => q.id);
let stopped;
const done = onStopSignals((signal) => (stopped ??= signal));
const f = AnswersFile.create(file, ws);
process.stdout.write('ready\\n');
let n = 0;
while (!stopped && n < 100000) {
  n++;
  f.setAnswer(ids[(n - 1) % ids.length], 'antwoord ' + n + '\\n' + 'x'.repeat(500 + (n % 5) * 400));
  await f.save();
  process.stdout.write('saved ' + n + '\\n');
}
done();
endBySignal(stopped);
`;

describe('a stop signal during saving', () => {
  it(`lets the save in progress finish, then ends by the signal (${ITERATIONS} runs)`, { timeout: 120_000 }, async () => {
    assertBuilt();
    const dir = await makeTempDir('werkboek-stop-');
    const definition = path.join(questionsDir, 'plan-van-aanpak.yaml');
    const ws = await loadDefinitionFile(definition);
    const script = path.join(dir, 'child.mjs');
    await writeFile(script, CHILD);
    try {
      for (let i = 0; i < ITERATIONS; i++) {
        const sub = path.join(dir, `run-${i}`);
        await mkdir(sub);
        const file = path.join(sub, 'plan-van-aanpak.yaml');
        const saver = spawnSavingChild(script, file, definition);
        await saver.reported(`saved ${1 + (i % 12)}\n`);
        await new Promise((r) => setTimeout(r, i % 7));
        const signal = i % 2 ? 'SIGHUP' : 'SIGTERM';
        saver.child.kill(signal);
        expect(await saver.closed, saver.stderr()).toBe(signal);
        expect(saver.stderr()).toBe('');
        const saves = [...saver.stdout().matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1]));
        const last = saves[saves.length - 1] ?? 0;
        // The save that was running finished and said so; nothing is left behind.
        expect(await readdir(sub)).toEqual(['plan-van-aanpak.yaml']);
        const f = await AnswersFile.read(file, ws);
        const onDisk = Math.max(...Object.values(f!.answers).map((v) => Number(/^antwoord (\d+)/.exec(String(v))?.[1])));
        expect(onDisk).toBe(last);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
