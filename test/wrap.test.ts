// Wrapping to the terminal width (support/wrap.ts): words kept whole unless
// one is wider than the line, no line starting with the space it was broken
// at, indentation kept on the lines an indented line wraps onto.
import { describe, expect, it } from 'vitest';
import { softBreak, wrapLine, wrapText } from '../src/support/wrap.js';
import { prng } from './helpers/prng.js';

describe('wrapText', () => {
  it('with bullets, the lines a "- " item wraps onto start under its text (the menu\'s "Hulp")', () => {
    const item = '- Werkblad 1, 2 of 3: invullen, of verdergaan waar je was. Elk antwoord wordt meteen bewaard.';
    expect(wrapText(item, 40, { bullets: true })).toBe('- Werkblad 1, 2 of 3: invullen, of\n  verdergaan waar je was. Elk antwoord\n  wordt meteen bewaard.');
    expect(wrapText(item, 40).split('\n')[1]).toMatch(/^verdergaan/);
  });

  it('keeps words whole, starts no line with a space and fills lines to at most the width (600 random lines)', () => {
    const next = prng(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const letters = 'abcdeéëz,.-–’'.split('');
    for (let n = 0; n < 600; n++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 40) }, () => Array.from({ length: 1 + Math.floor(next() * 9) }, () => pick(letters)).join(''));
      const columns = 20 + Math.floor(next() * 80);
      const rows = wrapText(words.join(' '), columns).split('\n');
      const context = JSON.stringify({ words, columns });
      for (const row of rows) {
        expect(row.length, context).toBeLessThanOrEqual(columns);
        expect(row.startsWith(' '), context).toBe(false);
      }
      expect(rows.join(' ').split(' '), context).toEqual(words);
    }
  });

  it('keeps the indentation of an indented line, and splits a word longer than the line only when hard', () => {
    expect(wrapText('   een twee drie vier vijf zes zeven acht negen tien elf', 23)).toBe('   een twee drie vier\n   vijf zes zeven acht\n   negen tien elf');
    const long = 'x'.repeat(30);
    expect(wrapText(`a ${long}`, 20)).toBe(`a\n${long}`);
    expect(
      wrapText(`a ${long}`, 20, { hard: true })
        .split('\n')
        .every((row) => row.length <= 20),
    ).toBe(true);
  });

  it('gives a line it wrapped before the same way again (the editor draws every line at each key)', () => {
    const line = 'de bibliotheek helpt inwoners met digitale vaardigheden in één gemeente – café '.repeat(250);
    const first = wrapLine(line, 99, true);
    expect(wrapLine(line, 99, true)).toBe(first);
    expect(wrapLine(line, 60, true)).not.toBe(first);
    expect(first.split('\n').every((row) => row.length <= 99)).toBe(true);
  });
});

describe('softBreak: a command kept one line, broken between words on the screen', () => {
  it('fills each row to the terminal edge with spaces, so the terminal goes on at a word; quoted words stay together', () => {
    const line = '    werkboek start randvoorwaarden --respondent "Naam collega"';
    const out = softBreak(line, 40);
    expect(out).not.toContain('\n');
    const rows = out.match(/.{1,40}/g) ?? [];
    expect(rows).toEqual(['    werkboek start randvoorwaarden      ', '    --respondent "Naam collega"']);
    // Copied, it is the same command (spaces between words mean nothing to a shell).
    expect(out.replace(/ +/g, ' ').trim()).toBe(line.trim());
    expect(softBreak(line, 80)).toBe(line);
    expect(wrapText(line, 39, { whole: () => true, columns: 40 })).toBe(out);
    expect(wrapText(line, 39, { whole: () => true })).toBe(line);
  });

  it('leaves a word wider than a row to the terminal', () => {
    const path = `/${'x'.repeat(50)}/werkboek.js`;
    const out = softBreak(`  node ${path} start`, 40);
    expect(out.replace(/ +/g, ' ').trim()).toBe(`node ${path} start`);
  });
});
