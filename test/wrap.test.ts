// The quick wrap of long plain lines: exactly what wrap-ansi gives, in linear time.
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { fitsAsIs, quickWrap, wrapText } from '../src/support/wrap.js';

/** A small deterministic random generator (the same cases on every run). */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('quickWrap', () => {
  const chars = ['a', 'b', 'e', 'z', 'A', '.', ',', '-', 'é', 'ë', 'ï', '–', '—', '’', '“', '…', '€', '\u00a0', 'Ş', '✔', '✖', '↩', '❯', '◉', '◯', '↑', '↓', '⏎'];
  const codes = ['\x1b[7m', '\x1b[27m', '\x1b[36m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[0m'];

  it('gives what wrap-ansi gives, for 800 random lines of letters, punctuation, marks, spaces and colour codes', () => {
    const next = random(42);
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
    let quick = 0;
    for (let n = 0; n < 800; n++) {
      let line = ' '.repeat(next() < 0.2 ? Math.floor(next() * 3) : 0);
      const words = 1 + Math.floor(next() * 60);
      for (let w = 0; w < words; w++) {
        const long = next() < 0.05;
        const length = long ? 20 + Math.floor(next() * 150) : Math.floor(next() * 9);
        let word = '';
        for (let c = 0; c < length; c++) word += next() < 0.03 ? pick(codes) : pick(chars);
        if (next() < 0.1) word = pick(codes) + word + pick(codes);
        line += word + ' '.repeat(next() < 0.1 ? 2 + Math.floor(next() * 3) : 1);
      }
      if (next() < 0.5) line = line.trimEnd();
      const columns = 20 + Math.floor(next() * 80);
      const hard = next() < 0.7;
      const got = quickWrap(line, columns, hard);
      if (got === undefined) continue;
      quick++;
      expect(got, JSON.stringify({ line, columns, hard })).toBe(wrapAnsi(line, columns, { hard, trim: true }));
    }
    expect(quick).toBeGreaterThan(500);
  });

  it('leaves emoji, wide and combining characters and other escape codes to wrap-ansi', () => {
    for (const odd of ['👍', '©', '漢', 'e\u0301', '\u00ad', '\x1b[38;5;2m', '\x1b]8;;x\x07', '\t']) {
      expect(quickWrap(`tekst ${odd} tekst`, 40, true), JSON.stringify(odd)).toBeUndefined();
    }
  });

  it('wraps a pasted paragraph of 20 KB quickly, the same as wrap-ansi', () => {
    const line = 'de bibliotheek helpt inwoners met digitale vaardigheden in één gemeente – café '.repeat(250);
    const started = performance.now();
    const quick = wrapText(line, 99, { hard: true });
    console.log(`20 KB op één regel, wrapText: ${Math.round(performance.now() - started)} ms`);
    expect(quick).toBe(wrapAnsi(line, 99, { hard: true, trim: true }));
  });
});

describe('fitsAsIs (the bundle\'s shortcut for @inquirer/core\'s wrap-ansi 6)', () => {
  // The wrap-ansi that @inquirer/core itself depends on (version 6, CommonJS).
  const coreWrapAnsi = createRequire(createRequire(import.meta.url).resolve('@inquirer/core'))('wrap-ansi') as (
    s: string,
    columns: number,
    options: { trim: boolean; hard: boolean },
  ) => string;
  const chars = ['a', 'b', ' ', ' ', 'é', '–', '’', '…', '€', '\u00a0', '✔', '↩', '❯', '◉', '◯', '↑', '↓', '⏎', '\x1b[36m', '\x1b[39m', '\x1b[7m', '\x1b[27m', '\x1b[?25l', '\x1b[?25h'];

  it('says "unchanged" only where wrap-ansi 6 (trim: false, hard: true, as inquirer calls it) gives the line back unchanged', () => {
    const next = random(7);
    let fits = 0;
    for (let n = 0; n < 3000; n++) {
      let line = '';
      const length = Math.floor(next() * 120);
      for (let c = 0; c < length; c++) line += chars[Math.floor(next() * chars.length)];
      const columns = 10 + Math.floor(next() * 100);
      if (!fitsAsIs(line, columns)) continue;
      fits++;
      expect(coreWrapAnsi(line, columns, { trim: false, hard: true }), JSON.stringify({ line, columns })).toBe(line);
    }
    expect(fits).toBeGreaterThan(1000);
  });

  it('leaves wider lines, line breaks and other characters to wrap-ansi', () => {
    expect(fitsAsIs('a'.repeat(41), 40)).toBe(false);
    expect(fitsAsIs('regel\nregel', 40)).toBe(false);
    expect(fitsAsIs('tekst 👍', 40)).toBe(false);
    expect(fitsAsIs('e\u0301', 40)).toBe(false);
  });
});
