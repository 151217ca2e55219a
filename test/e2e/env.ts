// Shared setup for the end-to-end tests: a fresh map (WERKBOEK_MAP) and HOME
// per test, the environment werkboek runs with, and the answers file.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach } from 'vitest';
import { parse } from 'yaml';
import { binPath, killAll, repoRoot, start, type Session } from '../helpers/pty.js';

/** Generous: a loaded 2-core CI machine starts a node process in a second or more. */
export const E2E_TIMEOUT = 60_000;

export interface E2eContext {
  /** The map with the answers files (WERKBOEK_MAP). */
  map: string;
  home: string;
  env: Record<string, string>;
  answersFile: string;
}

/** A fresh temp map and HOME for every test; every pty session is killed afterwards. */
export function useE2e(): () => E2eContext {
  let ctx: E2eContext | undefined;
  beforeEach(async () => {
    const map = await mkdtemp(path.join(os.tmpdir(), 'werkboek-e2e-'));
    const home = await mkdtemp(path.join(os.tmpdir(), 'werkboek-e2e-home-'));
    ctx = {
      map,
      home,
      env: { WERKBOEK_MAP: map, HOME: home, NO_COLOR: '1', TERM: 'xterm-256color' },
      answersFile: path.join(map, 'gemeentelandschap.yaml'),
    };
  });
  afterEach(async () => {
    killAll();
    if (ctx) {
      await rm(ctx.map, { recursive: true, force: true });
      await rm(ctx.home, { recursive: true, force: true });
    }
    ctx = undefined;
  });
  return () => {
    if (!ctx) throw new Error('useE2e(): only inside a test');
    return ctx;
  };
}

/** `werkboek start gemeentelandschap` in a pseudo-terminal. */
export function startSheet(ctx: E2eContext, extraArgs: string[] = []): Session {
  return start(['start', 'gemeentelandschap', ...extraArgs], ctx.env);
}

export interface AnswersDoc {
  werkblad: string;
  status: string;
  antwoorden: Record<string, unknown>;
  [key: string]: unknown;
}

export async function readAnswers(ctx: E2eContext): Promise<AnswersDoc> {
  return parse(await readFile(ctx.answersFile, 'utf8')) as AnswersDoc;
}

/** A non-interactive `werkboek <args>` (pipes, no terminal). */
export function runPlain(ctx: E2eContext, args: string[], input = '') {
  return spawnSync(process.execPath, [binPath, ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...ctx.env },
  });
}

/** "27-11-2026" -> "2026-11-27" */
export function isoFromDisplay(date: string): string {
  const [d, m, y] = date.split('-');
  return `${y}-${m}-${d}`;
}
