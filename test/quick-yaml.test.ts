// The quick YAML reader (src/dossier/quick-yaml.ts) against the yaml library:
// whatever it accepts it must read exactly as yaml's `parse` does, on files
// werkboek writes (a seeded fuzz through the same Document writer) and on
// hand-made ones; what it does not understand it must give up on.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, parse } from 'yaml';
import { quickParseYaml } from '../src/dossier/quick-yaml.js';
import { dossierFiles } from '../scripts/gen-dossiers.mjs';
import { fixturesDir, questionsDir } from './helpers/temp.js';
import { prng } from './helpers/prng.js';

/** yaml's reading of a text, or "error". */
function reference(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return 'error';
  }
}

/** The quick reader agrees with yaml, or gives up; returns whether it accepted. */
function agrees(text: string): boolean {
  const quick = quickParseYaml(text);
  if (quick === undefined) return false;
  expect(quick, text).toEqual(reference(text));
  return true;
}

const PIECES = [
  ...'abcxyzé€ 0123456789'.split(''),
  ' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u2028',
  ...'[]{}():<>&\\_*#|-=~>+!`.\'",/?@;%^$'.split(''),
  ': ', ' #', '- ', '-', '? ', '|', '>', '|-', '---', '...', '~', 'null', 'true', 'Nee', 'ja', 'nee', '007', '1.5', '1e3',
  '0x1F', '0o7', '.inf', '.nan', '-.5', '+3', '2026-11-27', '12:30', 'http://a.nl/x?y=1#z', '&anker', '*ref', '!tag', '%YAML',
  '"quoted"', "'single'", '\\n', '\\x41', '    ingesprongen', '\n    ingesprongen', 'weet_ik_niet: true',
];

function randomText(rand: () => number, max: number): string {
  let out = '';
  const n = Math.floor(rand() * max);
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(rand() * PIECES.length)]!;
  return out;
}

/** An answers-like value: text, numbers, lists, group items, "weet ik (nog) niet", toelichting. */
function randomValue(rand: () => number, depth = 0): unknown {
  const kind = Math.floor(rand() * (depth ? 5 : 8));
  switch (kind) {
    case 0:
    case 1:
      return randomText(rand, 8);
    case 2:
      return rand() < 0.5 ? Math.floor(rand() * 100) : Math.round(rand() * 1000) / 10;
    case 3:
      return rand() < 0.5 ? 'ja' : rand() < 0.5 ? 'nee' : '';
    case 4:
      return rand() < 0.5 ? null : true;
    case 5:
      return { weet_ik_niet: true, ...(rand() < 0.5 && { eerder: randomText(rand, 4) }) };
    case 6:
      return Array.from({ length: Math.floor(rand() * 3) }, () => randomText(rand, 4));
    default:
      return Array.from({ length: Math.floor(rand() * 3) }, () => ({ naam: randomText(rand, 4), aanbod: randomValue(rand, depth + 1), uren: Math.floor(rand() * 40) }));
  }
}

describe('quick YAML reader', () => {
  it('reads what werkboek writes exactly as yaml does (seeded fuzz through the Document writer)', () => {
    const rand = prng(20261127);
    let accepted = 0;
    const runs = 1500;
    for (let i = 0; i < runs; i++) {
      const answers: Record<string, unknown> = {};
      const n = 1 + Math.floor(rand() * 8);
      for (let k = 0; k < n; k++) answers[`vraag-${k}`] = randomValue(rand);
      const doc = new Document({ werkblad: 'randvoorwaarden', versie: 1, status: 'concept', antwoorden: answers });
      if (rand() < 0.3) doc.commentBefore = ` ${randomText(rand, 3).replace(/[\r\n]/g, ' ')}`;
      let text = doc.toString({ lineWidth: 0 });
      if (rand() < 0.1) text = text.replace(/\n/g, '\r\n');
      if (agrees(text)) accepted++;
    }
    // Most of what werkboek writes takes the quick path (else the overview is not fast).
    expect(accepted / runs).toBeGreaterThan(0.5);
  });

  it('reads the generated dossiers (bench and overview tests) without giving up', () => {
    for (let i = 0; i < 40; i++) for (const text of Object.values(dossierFiles(i))) expect(agrees(text)).toBe(true);
  });

  it('agrees with yaml on the hand-written fixtures and definitions, where it reads them', () => {
    const dirs = [path.join(fixturesDir, 'reports'), path.join(fixturesDir, 'definitions'), questionsDir];
    let accepted = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
        if (agrees(readFileSync(path.join(dir, name), 'utf8'))) accepted++;
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(3);
  });

  it('agrees with yaml on random hand-made lines', () => {
    const rand = prng(42);
    const shapes = ['a: X\n', 'a:\n  b: X\n', 'a:\n  - X\n  - X\n', 'a:\n- X\n', 'a:\n  - n: X\n    m: X\n', 'a: |\n  X\n  X\n', 'a: |-\n  X\n\n  X\n', 'a: [X, X]\n', 'a: { b: X }\n', 'X: 1\n'];
    for (let i = 0; i < 3000; i++) {
      const shape = shapes[Math.floor(rand() * shapes.length)]!;
      agrees(shape.replace(/X/g, () => randomText(rand, 4)));
    }
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a folded scalar', 'a: >\n  x\n  y\n'],
    ['a multi-line plain scalar', 'a: x\n  y\n'],
    ['a multi-line quoted scalar', 'a: "x\n  y"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a tab', 'a:\t1\n'],
    ['a BOM', '\uFEFFa: 1\n'],
    ['a hex number', 'a: 0x1F\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
    ['keep-chomping', 'a: |+\n  x\n\n'],
    ['a nested flow collection', 'a: [1, [2]]\n'],
    ['a merge key', 'a: 1\n<<: {}\n'],
  ])('gives up on %s', (_name, text) => {
    expect(quickParseYaml(text)).toBeUndefined();
  });

  it('reads the shapes of an answers file', () => {
    const text = [
      '# commentaar',
      'werkblad: randvoorwaarden',
      'versie: 1',
      'antwoorden:',
      '  uren: 7.5',
      '  leeg: ""',
      "  quote: 'it''s'",
      '  tekst: |',
      '    regel 1',
      '',
      '    # geen commentaar',
      '  partners:',
      '    - naam: A',
      '      aanbod: { weet_ik_niet: true }',
      '    -',
      '      naam: B',
      '  lijst: []',
      '',
    ].join('\n');
    expect(quickParseYaml(text)).toEqual({
      werkblad: 'randvoorwaarden',
      versie: 1,
      antwoorden: { uren: 7.5, leeg: '', quote: "it's", tekst: 'regel 1\n\n# geen commentaar\n', partners: [{ naam: 'A', aanbod: { weet_ik_niet: true } }, { naam: 'B' }], lijst: [] },
    });
    expect(agrees(text)).toBe(true);
  });
});
