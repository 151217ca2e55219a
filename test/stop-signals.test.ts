// SIGTERM / SIGHUP while an answers file is being saved: the handler of
// support/stop-signals.ts only asks to stop, so a save in progress finishes
// (no temp file, no half or older file), and the process then ends by the
// signal itself (a shell sees 143 / 129). On Windows (platform injected):
// SIGBREAK too, and an exit with the signal's code instead of a kill.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadDefinitionFile } from '../src/definition/check.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { start } from '../src/commands/start/index.js';
import { plainStyle } from '../src/runner/session.js';
import { ExitCode, InterruptedError, stopExitCode } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { endBySignal, onStopSignals, stopSignalsOf } from '../src/support/stop-signals.js';
import { answer, interruptBy, ScriptedPrompter } from './helpers/scripted-prompter.js';
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

describe('stop signals on Windows (platform injected)', () => {
  it('listens for SIGBREAK (Ctrl+Break) there, as for SIGHUP (the console window closed); not elsewhere', () => {
    expect(stopSignalsOf('win32')).toEqual(['SIGHUP', 'SIGTERM', 'SIGBREAK']);
    expect(stopSignalsOf('linux')).toEqual(['SIGHUP', 'SIGTERM']);
    const before = process.listenerCount('SIGBREAK');
    const stopped: string[] = [];
    const ended: string[] = [];
    const exitCode = process.exitCode;
    const done = onStopSignals((signal) => stopped.push(signal), { platform: 'win32', end: (signal) => ended.push(signal) });
    try {
      expect(process.listenerCount('SIGBREAK')).toBe(before + 1);
      process.emit('SIGBREAK');
      expect(stopped).toEqual(['SIGBREAK']);
      // Whatever ends the process from now on reports Ctrl+Break.
      expect(process.exitCode).toBe(149);
    } finally {
      done();
      process.exitCode = exitCode;
    }
    expect(process.listenerCount('SIGBREAK')).toBe(before);
    const linux = onStopSignals(() => {}, { platform: 'linux', end: () => {} });
    expect(process.listenerCount('SIGBREAK')).toBe(before);
    linux();
  });

  it("ends with the signal's exit code there (129, 143, 149) instead of killing itself, which Windows cannot do", () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    try {
      const codes: number[] = [];
      for (const signal of ['SIGHUP', 'SIGTERM', 'SIGBREAK'] as const) endBySignal(signal, 'win32', (code) => codes.push(code));
      expect(codes).toEqual([129, 143, 149]);
      expect(kill).not.toHaveBeenCalled();
      expect(stopExitCode('SIGBREAK')).toBe(ExitCode.break);
    } finally {
      kill.mockRestore();
    }
  });

  it('start says how it was stopped: "Gestopt (met Ctrl+Break)." with exit code 149, the answers kept', async () => {
    const dir = await makeTempDir('werkboek-break-');
    try {
      const out = memoryOutput();
      const prompter = new ScriptedPrompter([
        { expect: 'Naam:', do: answer('Anna') },
        { expect: 'Bibliotheek:', do: interruptBy('SIGBREAK') },
      ]);
      const err = await start({ worksheet: '1', map: dir, restart: false, cwd: dir, out, prompter, interactive: true, style: plainStyle }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InterruptedError);
      expect((err as InterruptedError).exitCode).toBe(149);
      expect(out.out).toContain('Gestopt (met Ctrl+Break). Wat je hebt beantwoord is bewaard');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
