// Answers files: layout, round-trips of every answer type, keeping what a
// user added by hand, refusing broken files without touching them, write
// errors, and a kill loop that SIGKILLs a saving process at random moments.
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Worksheet } from '../src/definition/schema.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { loadDefinitionFile } from '../src/definition/check.js';
import { unknownAnswer, type AnswerValue, type Answers } from '../src/dossier/answers.js';
import { ExitCode, FileIssuesError, formatIssue, WerkboekError } from '../src/support/errors.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { backupFile, exists, removeStaleTempFiles, WriteError } from '../src/dossier/file-utils.js';
import { programVersion } from '../src/support/version.js';
import { assertBuilt, spawnSavingChild } from './helpers/run.js';
import { fixturesDir, lineColOf, makeTempDir, questionsDir, repoRoot, useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-store-');

let G: Worksheet;
let R: Worksheet;
let V: Worksheet;
beforeAll(async () => {
  const sheets = await loadShippedWorksheets();
  G = sheets.find((s) => s.id === 'gemeentelandschap')!;
  R = sheets.find((s) => s.id === 'randvoorwaarden')!;
  V = await loadDefinitionFile(path.join(fixturesDir, 'definitions', 'voorwaarden.yaml'));
});

const topLevelKeys = (text: string) => [...text.matchAll(/^([a-z_-]+):/gm)].map((m) => m[1]);
const META_ORDER = ['werkblad', 'versie', 'status', 'aangemaakt', 'bijgewerkt', 'programma'];

/** Expect `promise` to reject with a FileIssuesError and return it. */
async function issuesOf(promise: Promise<unknown>): Promise<FileIssuesError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileIssuesError);
  return err as FileIssuesError;
}

describe('AnswersFile.create + save', () => {
  it('writes the metadata keys first, in a fixed order, then antwoorden', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    const now = new Date('2026-11-27T10:00:00.000Z');
    const f = AnswersFile.create(file, G, now);
    await f.save();
    const text = await readFile(file, 'utf8');
    expect(topLevelKeys(text)).toEqual([...META_ORDER, 'antwoorden']);
    expect(text).toMatch(/^# Antwoorden bij werkblad 1: Verken jouw gemeentelandschap\n/);
    expect(text).toContain('werkboek controleer gemeentelandschap.yaml');
    expect(parse(text)).toEqual({
      werkblad: 'gemeentelandschap',
      versie: 1,
      status: 'concept',
      aangemaakt: '2026-11-27T10:00:00.000Z',
      bijgewerkt: '2026-11-27T10:00:00.000Z',
      programma: `werkboek ${programVersion}`,
      antwoorden: {},
    });

    // Still in that order after answers and a status change.
    f.setAnswer('naam', 'An');
    f.setStatus('afgerond');
    f.setAnswer('thema-in-agenda', 'ja');
    await f.save();
    const after = await readFile(file, 'utf8');
    expect(topLevelKeys(after)).toEqual([...META_ORDER, 'antwoorden']);
    expect(after.indexOf('naam: An')).toBeGreaterThan(after.indexOf('antwoorden:'));

    const back = (await AnswersFile.read(file, G))!;
    expect(back.meta).toMatchObject({ worksheet: 'gemeentelandschap', version: 1, status: 'afgerond', created: '2026-11-27T10:00:00.000Z' });
    expect(back.meta.updated).not.toBe(back.meta.created); // touched by every change
    expect(Number.isNaN(Date.parse(back.meta.updated))).toBe(false);
    expect(back.answers).toEqual({ naam: 'An', 'thema-in-agenda': 'ja' });
  });

  it("a file saved empty and read back (as a colleague's file is made) gets one answer a line, not one long line", async () => {
    const file = path.join(tmp(), 'randvoorwaarden.piet-bakker.yaml');
    await AnswersFile.create(file, R, new Date('2026-11-27T10:00:00.000Z'), 'Piet Bakker').save();
    expect(await readFile(file, 'utf8')).toContain('antwoorden: {}');
    const back = (await AnswersFile.read(file, R))!;
    back.setAnswer('naam', 'Piet Bakker');
    back.setAnswer('partners', [{ naam: 'SeniorWeb', aanbod: 'Cursussen' }]);
    back.setDraft('diensten', 'Spreekuur');
    await back.save();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('antwoorden:\n  naam: Piet Bakker\n  partners:\n    - naam: SeniorWeb\n');
    expect(text).toContain('concepten:\n  diensten: Spreekuur\n');
    expect(text).not.toMatch(/\{ naam/);
  });

  it('tracks unsaved changes in `dirty`', async () => {
    const f = AnswersFile.create(path.join(tmp(), 'g.yaml'), G);
    f.setAnswer('naam', 'An');
    expect(f.dirty).toBe(true);
    await f.save();
    expect(f.dirty).toBe(false);
  });

  it('reading a file that does not exist gives undefined and creates nothing', async () => {
    expect(await AnswersFile.read(path.join(tmp(), 'nee.yaml'), G)).toBeUndefined();
    expect(await readdir(tmp())).toEqual([]);
  });
});

describe('round trip of every answer type', () => {
  const multiLine = 'Eerste alinea.\n\nTweede alinea, met een lijst:\n- punt 1\n- punt 2\n  - genest\n\n# geen kop maar tekst\nslot: met dubbele punt\n';
  const cases: [string, string, AnswerValue][] = [
    ['text', 'naam', 'An de Vries'],
    ['text that looks like a number', 'bibliotheek', '12'],
    ['text that looks like true/null', 'partners-verwijzen-naar-ons', 'true'],
    ['text "null"', 'collectief-geheugen', 'null'],
    ['date', 'datum', '2026-11-27'],
    ['multi-line text with blank lines and a list', 'doelen-welke', multiLine],
    ['multi-line text without final newline', 'onderscheid-vraag', 'regel 1\n\nregel 3'],
    ['leading spaces and blank first lines', 'registratie-hoe', '\n\n   ingesprongen\nniet ingesprongen'],
    ['trailing spaces on a line', 'diensten', 'spatie aan het eind \nvolgende'],
    ['quotes, colons and hashes', 'acties', 'Zij zei: "ja" # echt\n\'enkel\''],
    ['tab and unicode', 'registratie-wat', 'tab\there · € 2.000 — “aanhalingstekens” é'],
    ['yesno ja', 'doelen-vastgelegd', 'ja'],
    ['yesno nee', 'collectie', 'nee'],
    ['weet ik niet', 'eigen-plan', unknownAnswer()],
    ['bewust leeg', 'partners-wenselijk', ''],
    ['yesno left empty', 'overzicht-aanbod-partners', ''],
    [
      'group items (with extension fields, nulls and multi-line values)',
      'partners',
      [
        { naam: 'Belastingservice', aanbod: 'Hulp bij aangifte.\nAlleen in maart.\n', verwijzing: 'Beide', afspraken: 'ja' },
        { naam: 'B: met dubbele punt', aanbod: null, verwijzing: null },
      ],
    ],
    [
      'group with numbers',
      'functies',
      [
        { functie: 'Coach', soort: 'vrijwillig', uren: 3.5 },
        { functie: 'Coördinator', soort: 'betaald', uren: 16 },
      ],
    ],
    ['extending group', 'samenwerkingsafspraken', true],
    ['empty group', 'functies', []],
  ];

  it.each(cases)('%s', async (_name, id, value) => {
    const file = path.join(tmp(), 'randvoorwaarden.yaml');
    const f = AnswersFile.create(file, R);
    f.setAnswer(id, value);
    await f.save();
    const back = (await AnswersFile.read(file, R))!;
    expect(back.answers[id]).toEqual(value);
    // and once more through a second save of the read file
    back.setAnswer('evaluatie', 'ja');
    await back.save();
    expect((await AnswersFile.read(file, R))!.answers[id]).toEqual(value);
  });

  it('all of them together, in one file', async () => {
    const file = path.join(tmp(), 'randvoorwaarden.yaml');
    const f = AnswersFile.create(file, R);
    const expected: Answers = {};
    for (const [, id, value] of cases) {
      f.setAnswer(id, value);
      expected[id] = value;
    }
    await f.save();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('doelen-welke: |'); // multi-line text stays readable as a block
    expect((await AnswersFile.read(file, R))!.answers).toEqual(expected);
  });

  it('numbers (fixture with a number question)', async () => {
    const file = path.join(tmp(), 'voorwaarden.yaml');
    const f = AnswersFile.create(file, V);
    f.setAnswer('aantal', 0);
    f.setAnswer('talen', ['nl', 'fy']);
    f.setAnswer('kleur', 'blauw');
    await f.save();
    expect((await AnswersFile.read(file, V))!.answers).toEqual({ aantal: 0, talen: ['nl', 'fy'], kleur: 'blauw' });
  });
});

describe('what a user added by hand', () => {
  const handWritten = `# Mijn eigen kopcommentaar
werkblad: gemeentelandschap
versie: 1
status: concept
aangemaakt: 2026-11-20T09:00:00.000Z
bijgewerkt: 2026-11-20T09:00:00.000Z
programma: werkboek 0.1.0
eigen-notitie: "besproken met MT" # notitie achter een eigen veld
antwoorden:
  # commentaar boven naam
  naam: An # na naam
  mijn-aantekening: bel de wethouder
  thema-in-agenda: ja
  # commentaar boven aanspreekpunt
  aanspreekpunt: oud
# slotcommentaar
`;

  it('keeps comments and unknown keys (top level and inside antwoorden) after setAnswer + save', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, handWritten);
    const f = (await AnswersFile.read(file, G))!;
    expect(f.answers['mijn-aantekening']).toBe('bel de wethouder');
    f.setAnswer('aanspreekpunt', 'nieuw');
    f.setAnswer('gemeenteraad', 'nee');
    f.setStatus('afgerond');
    await f.save();
    const text = await readFile(file, 'utf8');
    for (const kept of [
      '# Mijn eigen kopcommentaar',
      'eigen-notitie: "besproken met MT" # notitie achter een eigen veld',
      '  # commentaar boven naam',
      '  naam: An # na naam',
      '  mijn-aantekening: bel de wethouder',
      '  # commentaar boven aanspreekpunt',
      '# slotcommentaar',
    ]) {
      expect(text).toContain(kept);
    }
    expect(text).toContain('  aanspreekpunt: nieuw\n');
    expect(text).toContain('  gemeenteraad: nee\n');
    expect(text).toContain('status: afgerond\n');
    expect(topLevelKeys(text)).toEqual([...META_ORDER, 'eigen-notitie', 'antwoorden']);
    const back = (await AnswersFile.read(file, G))!;
    expect(back.answers).toMatchObject({ naam: 'An', 'mijn-aantekening': 'bel de wethouder', aanspreekpunt: 'nieuw', gemeenteraad: 'nee' });
    expect(parse(text)['eigen-notitie']).toBe('besproken met MT');
  });

  it('a file without antwoorden gets one on the first answer', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, 'werkblad: gemeentelandschap\nversie: 1\n');
    const f = (await AnswersFile.read(file, G))!;
    f.setAnswer('naam', 'An');
    await f.save();
    expect((await AnswersFile.read(file, G))!.answers).toEqual({ naam: 'An' });
  });
});

describe('broken files are refused with positions and left untouched', () => {
  const valid = `werkblad: gemeentelandschap
versie: 1
status: concept
aangemaakt: 2026-11-20T09:00:00.000Z
bijgewerkt: 2026-11-20T09:00:00.000Z
programma: werkboek 0.1.0
antwoorden:
  naam: An
  thema-in-agenda: ja
`;

  async function expectRefused(ws: Worksheet, text: string, expected: { needle: string; key?: string; message: string }[]) {
    const file = path.join(tmp(), `${ws.id}.yaml`);
    await writeFile(file, text);
    const before = await readFile(file);
    const mtime = (await stat(file)).mtimeMs;
    const err = await issuesOf(AnswersFile.read(file, ws, `map/${ws.id}.yaml`));
    expect(err.exitCode).toBe(ExitCode.badFile);
    expect(err.hint).toContain('Het bestand is niet gewijzigd');
    expect(err.issues.map((i) => ({ line: i.line, col: i.col, message: i.message }))).toEqual(
      expected.map((e) => {
        const at = lineColOf(text, e.needle);
        const col = e.key ? lineColOf(text, e.key, text.indexOf(e.needle)).col : at.col;
        return { line: at.line, col, message: e.message };
      }),
    );
    for (const issue of err.issues) expect(formatIssue(issue)).toMatch(new RegExp(`^map/${ws.id}\\.yaml:\\d+:\\d+: `));
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
    expect((await stat(file)).mtimeMs).toBe(mtime);
    expect((await readdir(tmp())).sort()).toEqual([`${ws.id}.yaml`]);
    return err;
  }

  it('bad YAML (an unclosed quote)', async () => {
    const text = valid.replace('  naam: An\n', '  naam: "An\n');
    const err = await issuesOf(AnswersFile.read(await writeTmp(text), G));
    expect(err.exitCode).toBe(ExitCode.badFile);
    expect(err.issues[0]?.message).toMatch(/^een aanhalingsteken wordt niet afgesloten/);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]?.line).toBeGreaterThanOrEqual(lineColOf(text, 'naam: "An').line);
    // Found at the end of the file, but never on a line after the last.
    expect(err.issues[0]?.line).toBeLessThanOrEqual(text.trimEnd().split('\n').length);
  });

  it('bad YAML (": " inside an answer typed by hand): says to put the text in quotes, in Dutch only', async () => {
    const text = valid.replace('  naam: An\n', '  naam: Goed: maar weinig overleg\n');
    const err = await issuesOf(AnswersFile.read(await writeTmp(text), G));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]?.message).toBe(
      'hier staat ": " (een dubbele punt met een spatie) waar dat niet kan: staat dat in een tekst, zet de hele tekst dan tussen aanhalingstekens ("…"); anders springt deze regel te ver in',
    );
    expect(err.issues[0]?.line).toBe(lineColOf(text, 'naam: Goed').line);
  });

  it('bad YAML (a tab as indentation): one issue, in Dutch', async () => {
    const text = valid.replace('  naam: An\n', '\tnaam: An\n');
    const err = await issuesOf(AnswersFile.read(await writeTmp(text), G));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]?.message).toMatch(/^tabs zijn niet toegestaan/);
  });

  it('bad YAML (bad indentation) points at the line', async () => {
    const text = valid.replace('  thema-in-agenda: ja\n', ' thema-in-agenda: ja\n');
    await expectRefused(G, text, [
      { needle: ' thema-in-agenda: ja', message: 'onjuiste inspringing: alle sleutels op hetzelfde niveau moeten in dezelfde kolom beginnen' },
    ]);
  });

  it('the wrong worksheet', async () => {
    const text = valid.replace('werkblad: gemeentelandschap', 'werkblad: randvoorwaarden');
    await expectRefused(G, text, [
      { needle: 'werkblad: randvoorwaarden', message: 'dit bestand hoort bij werkblad "randvoorwaarden", niet bij werkblad 1 (Verken jouw gemeentelandschap)' },
    ]);
  });

  it('status "klaar"', async () => {
    const text = valid.replace('status: concept', 'status: klaar');
    await expectRefused(G, text, [{ needle: 'status: klaar', message: '"status" moet "concept" of "afgerond" zijn, niet "klaar"' }]);
  });

  it('"ja" where a number is expected (a number question)', async () => {
    const text = 'werkblad: voorwaarden\nversie: 2\nantwoorden:\n  a: ja\n  aantal: ja\n';
    await expectRefused(V, text, [{ needle: '  aantal: ja', key: 'aantal', message: 'verwacht een getal bij Stap 2, vraag "Hoeveel?"' }]);
  });

  it('"ja" where a number is expected (hours in the functies group)', async () => {
    const text = valid.replace('werkblad: gemeentelandschap', 'werkblad: randvoorwaarden') + '  functies:\n    - functie: Coach\n      uren: ja\n';
    await expectRefused(R, text, [{ needle: '      uren: ja', key: 'uren', message: 'verwacht een getal bij kolom "Uren" van functie 1' }]);
  });

  it('a wrong value in a field added by an extending group', async () => {
    const text = 'werkblad: randvoorwaarden\nantwoorden:\n  partners:\n    - naam: X\n      afspraken: misschien\n      eigen-veld: blijft\n';
    await expectRefused(R, text, [
      {
        needle: '      afspraken: misschien',
        key: 'afspraken',
        message: 'verwacht "ja" of "nee" bij kolom "Samenwerkingsafspraken vastgelegd?" van partner 1',
      },
    ]);
  });

  it('several problems at once, each with its own line', async () => {
    const text = valid
      .replace('status: concept', 'status: klaar')
      .replace('versie: 1', 'versie: een')
      .replace('thema-in-agenda: ja', 'thema-in-agenda: misschien');
    await expectRefused(G, text, [
      { needle: 'versie: een', message: '"versie" moet een geheel getal zijn' },
      { needle: 'status: klaar', message: '"status" moet "concept" of "afgerond" zijn, niet "klaar"' },
      {
        needle: '  thema-in-agenda: misschien',
        key: 'thema-in-agenda',
        message: 'verwacht "ja" of "nee" bij vraag "Komt het thema digitale inclusie terug in de …"',
      },
    ]);
  });

  it('"Ja" and 07-12-2026 as the screen shows them: the message says how the file writes them', async () => {
    const text = valid.replace('thema-in-agenda: ja', 'thema-in-agenda: Ja') + '  datum: 07-12-2026\n';
    await expectRefused(G, text, [
      {
        needle: '  thema-in-agenda: Ja',
        key: 'thema-in-agenda',
        message: 'schrijf "ja" (met kleine letters) in plaats van "Ja" bij vraag "Komt het thema digitale inclusie terug in de …"',
      },
      { needle: '  datum: 07-12-2026', key: 'datum', message: 'schrijf de datum als 2026-12-07 (jaar-maand-dag) in plaats van 07-12-2026 bij Datum' },
    ]);
  });

  it('a list where a text is expected, and a bad weet_ik_niet', async () => {
    const text = valid + '  aanspreekpunt:\n    - een\n  gemeenteraad:\n    weet_ik_niet: false\n';
    await expectRefused(G, text, [
      { needle: '  aanspreekpunt:', key: 'aanspreekpunt', message: 'verwacht tekst bij vraag "Wie is binnen jullie gemeente(s) het …"' },
      { needle: '  gemeenteraad:', key: 'gemeenteraad', message: '"weet_ik_niet" kan alleen "true" zijn' },
    ]);
  });

  it('something that is no answers file at all', async () => {
    const text = '- een\n- lijst\n';
    await expectRefused(G, text, [{ needle: '- een', message: 'een antwoordbestand moet beginnen met "werkblad:", "versie:" enz.' }]);
  });

  it('"weet ik (nog) niet" may keep the earlier answer under "eerder", validated as an answer to that question', async () => {
    const ok = valid + '  aanspreekpunt:\n    weet_ik_niet: true\n    eerder: Jan Jansen\n  resultaatdoelen:\n    weet_ik_niet: true\n    eerder: nee\n';
    const file = (await AnswersFile.read(await writeTmp(ok), G))!;
    expect(file.answers['aanspreekpunt']).toEqual({ weet_ik_niet: true, eerder: 'Jan Jansen' });
    await rm(path.join(tmp(), 'x.yaml'));
    const bad =
      valid +
      '  resultaatdoelen:\n    weet_ik_niet: true\n    eerder: misschien\n  aanspreekpunt:\n    weet_ik_niet: true\n    eerder:\n      weet_ik_niet: true\n';
    await expectRefused(G, bad, [
      { needle: '    eerder: misschien', key: 'eerder', message: 'verwacht "ja" of "nee" bij vraag "Zijn er voor jouw onderdelen van digitale …"' },
      { needle: '    eerder:\n      weet', key: 'eerder', message: '"eerder" moet een gewoon antwoord zijn' },
    ]);
  });

  it('drafts under "concepten": text for a text question, an item for a group; anything else is refused', async () => {
    const ok = valid + 'concepten:\n  aanspreekpunt: "Half getypt"\n';
    const file = (await AnswersFile.read(await writeTmp(ok), G))!;
    expect(file.drafts).toEqual({ aanspreekpunt: 'Half getypt' });
    expect(file.answers).not.toHaveProperty('aanspreekpunt');
    const okGroup =
      'werkblad: randvoorwaarden\nantwoorden:\n  partners:\n    - naam: X\nconcepten:\n  partners:\n    itemnummer: 1\n    naam: X\n    aanbod: Half\n';
    expect((await AnswersFile.read(await writeTmp(okGroup), R))!.drafts).toEqual({ partners: { itemnummer: 1, naam: 'X', aanbod: 'Half' } });
    await rm(path.join(tmp(), 'x.yaml'));
    const bad = valid + 'concepten:\n  aanspreekpunt:\n    - een\n  thema-in-agenda: nee\n';
    await expectRefused(G, bad, [
      { needle: '  aanspreekpunt:\n    - een', key: 'aanspreekpunt', message: 'verwacht tekst bij vraag "Wie is binnen jullie gemeente(s) het …"' },
      // A ja/nee draft is a choice with the toelichting being typed ({antwoord, toelichting}), not a bare value.
      {
        needle: '  thema-in-agenda: nee',
        key: 'thema-in-agenda',
        message: 'verwacht "antwoord" en "toelichting" bij vraag "Komt het thema digitale inclusie terug in de …"',
      },
    ]);
  });

  it('a ja/nee or choice answer with a toelichting is accepted next to plain ones; elsewhere it is refused', async () => {
    const noted = valid + '  gemeenteraad:\n    antwoord: nee\n    toelichting: "Alleen in de commissie, niet in de raad"\n';
    const read = await AnswersFile.read(await writeTmp(noted), G);
    expect(read!.answers['gemeenteraad']).toEqual({ antwoord: 'nee', toelichting: 'Alleen in de commissie, niet in de raad' });
    expect(read!.answers['thema-in-agenda']).toBe('ja');
    const kleur = 'werkblad: voorwaarden\nversie: 2\nantwoorden:\n  kleur:\n    antwoord: blauw\n    toelichting: donker\n';
    expect((await AnswersFile.read(await writeTmp(kleur), V))!.answers['kleur']).toEqual({ antwoord: 'blauw', toelichting: 'donker' });
  });

  it('a toelichting on another type, a bad antwoord inside it or an unknown key next to it is refused', async () => {
    const text =
      valid +
      '  aanspreekpunt:\n    antwoord: Wethouder\n    toelichting: x\n' +
      '  gemeenteraad:\n    antwoord: misschien\n    toelichting: x\n' +
      '  overlegstructuur:\n    antwoord: ja\n    uitleg: x\n';
    await expectRefused(G, text, [
      {
        needle: '  aanspreekpunt:',
        key: 'aanspreekpunt',
        message:
          'een toelichting ("antwoord:" en "toelichting:") kan alleen bij een ja/nee- of keuzevraag, niet bij vraag "Wie is binnen jullie gemeente(s) het …"',
      },
      { needle: '    antwoord: misschien', key: 'antwoord', message: 'verwacht "ja" of "nee" bij vraag "Is het thema digitale Inclusie de afgelopen …"' },
      {
        needle: '    uitleg: x',
        key: 'uitleg',
        message: 'onbekend veld "uitleg" bij vraag "Is er een vaste overlegstructuur tussen de …"; verwacht "antwoord" en "toelichting"',
      },
    ]);
  });

  it('"nog_niet_bekend" is accepted in a yes/no field of a group item, not in a yes/no question', async () => {
    const ok = 'werkblad: randvoorwaarden\nantwoorden:\n  partners:\n    - naam: X\n      afspraken: nog_niet_bekend\n';
    expect(((await AnswersFile.read(await writeTmp(ok), R))!.answers['partners'] as Answers[])[0]?.afspraken).toBe('nog_niet_bekend');
  });

  it('"nog_niet_bekend" as the answer of a yes/no question is refused', async () => {
    const text = valid.replace('thema-in-agenda: ja', 'thema-in-agenda: nog_niet_bekend');
    await expectRefused(G, text, [
      {
        needle: '  thema-in-agenda: nog_niet_bekend',
        key: 'thema-in-agenda',
        message: 'verwacht "ja" of "nee" bij vraag "Komt het thema digitale inclusie terug in de …"',
      },
    ]);
  });

  it('unknown answer ids are fine (kept, not validated)', async () => {
    const file = await writeTmp(valid + '  vraag-uit-een-nieuwere-versie: [1, 2]\n');
    expect((await AnswersFile.read(file, G))!.answers['vraag-uit-een-nieuwere-versie']).toEqual([1, 2]);
  });

  async function writeTmp(text: string): Promise<string> {
    const file = path.join(tmp(), 'x.yaml');
    await writeFile(file, text);
    return file;
  }
});

describe('writing', () => {
  it('no temp files are left behind after saves', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    const f = AnswersFile.create(file, G);
    for (let i = 0; i < 5; i++) {
      f.setAnswer('naam', `An ${i}`);
      await f.save();
    }
    expect(await readdir(tmp())).toEqual(['gemeentelandschap.yaml']);
    expect(await readFile(file, 'utf8')).toBe(f.toString());
  });

  it('creates the folder when it does not exist yet', async () => {
    const file = path.join(tmp(), 'nieuw', 'dieper', 'g.yaml');
    await AnswersFile.create(file, G).save();
    expect(await exists(file)).toBe(true);
  });

  it('a folder path through a regular file: WriteError in Dutch, answers kept in memory', async () => {
    await writeFile(path.join(tmp(), 'gewoon-bestand'), 'x');
    for (const [file, reason] of [
      [path.join(tmp(), 'gewoon-bestand', 'sub', 'g.yaml'), 'een deel van het pad is geen map'],
      [path.join(tmp(), 'gewoon-bestand', 'g.yaml'), 'er staat een bestand waar een map verwacht wordt'],
    ] as const) {
      const f = AnswersFile.create(file, G);
      f.setAnswer('naam', 'An');
      const err = await f.save().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteError);
      expect(err).toBeInstanceOf(WerkboekError);
      expect((err as WriteError).exitCode).toBe(ExitCode.writeFailed);
      expect((err as WriteError).message).toBe(`Kan niet opslaan in ${file}: ${reason}.`);
      expect(f.dirty).toBe(true);
      expect(f.answers).toEqual({ naam: 'An' });
      // moveTo another place and it saves
      // (a new name each time: an existing answers file is never overwritten by moveTo)
      const elsewhere = path.join(tmp(), `elders-${path.basename(path.dirname(file))}.yaml`);
      f.moveTo(elsewhere);
      await f.save();
      expect((await AnswersFile.read(elsewhere, G))!.answers).toEqual({ naam: 'An' });
    }
  });

  it('an unwritable folder (skipped as root, where chmod does not stop writes)', async (ctx) => {
    const dir = path.join(tmp(), 'alleen-lezen');
    await mkdir(dir);
    await chmod(dir, 0o500);
    try {
      const probe = path.join(dir, 'probe');
      const writable = await writeFile(probe, 'x').then(
        () => true,
        () => false,
      );
      if (writable) ctx.skip();
      const f = AnswersFile.create(path.join(dir, 'g.yaml'), G);
      const err = await f.save().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteError);
      expect((err as WriteError).message).toContain('geen toestemming');
    } finally {
      await chmod(dir, 0o700);
    }
  });

  it('backupFile keeps a copy next to the file', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await AnswersFile.create(file, G).save();
    const backup = await backupFile(file, new Date('2026-11-27T10:11:12.131Z'));
    // Local time (the tests run in Europe/Amsterdam), readable, without milliseconds.
    expect(path.basename(backup)).toBe('gemeentelandschap.2026-11-27_11-11-12.bak.yaml');
    expect(await readFile(backup, 'utf8')).toBe(await readFile(file, 'utf8'));
    // A second backup in the same second does not overwrite the first.
    const second = await backupFile(file, new Date('2026-11-27T10:11:12.900Z'));
    expect(path.basename(second)).toBe('gemeentelandschap.2026-11-27_11-11-12-2.bak.yaml');
  });
});

// --- kill loop -------------------------------------------------------------------------

const KILL_ITERATIONS = 120;
const KILL_PARALLEL = 6;

/** The value the child writes on save n. */
const killValue = (n: number) => `antwoord ${n}\n\nregel twee\n- punt\n${'x'.repeat(200 + (n % 7) * 300)}\n`;

// The worksheet as the build validated it (no zod and definition check in each of 120 children), and Node's
// compile cache: the children start quickly, so the test spends its time on saves and kills.
const CHILD_SCRIPT = (storeUrl: string, loadUrl: string) => `
import module from 'node:module';
module.enableCompileCache?.();
const { AnswersFile } = await import(${JSON.stringify(storeUrl)});
const { resolveWorksheet } = await import(${JSON.stringify(loadUrl)});
const [file] = process.argv.slice(2);
const ws = await resolveWorksheet('plan-van-aanpak');
const ids = ws.steps.flatMap((s) => s.questions).map((q) => q.id);
const value = ${killValue.toString()};
const f = AnswersFile.create(file, ws);
process.stdout.write('ready\\n');
for (let n = 1; n <= 100000; n++) {
  f.setAnswer(ids[(n - 1) % ids.length], value(n));
  await f.save();
  process.stdout.write('saved ' + n + '\\n');
}
`;

describe('kill loop: SIGKILL while saving never leaves a broken or older file', () => {
  it(`survives ${KILL_ITERATIONS} kills at random moments`, { timeout: 240_000 }, async () => {
    assertBuilt();
    const dir = await makeTempDir('werkboek-kill-');
    const script = path.join(dir, 'child.mjs');
    await writeFile(
      script,
      CHILD_SCRIPT(
        pathToFileURL(path.join(repoRoot, 'dist', 'dossier', 'answers-file.js')).href,
        pathToFileURL(path.join(repoRoot, 'dist', 'definition', 'load.js')).href,
      ),
    );
    const definition = path.join(questionsDir, 'plan-van-aanpak.yaml');
    const ws = await loadDefinitionFile(definition);
    const ids = ws.steps.flatMap((s) => s.questions).map((q) => q.id);

    /** The answers after save k: per question the last value written at or before k. */
    const expectedAfter = (k: number): Answers => {
      const answers: Answers = {};
      for (let n = 1; n <= k; n++) answers[ids[(n - 1) % ids.length]!] = killValue(n);
      return answers;
    };

    const results: { survived: boolean; lastSaved: number; onDisk: number; reason?: string; leftovers: number }[] = [];

    async function iteration(i: number): Promise<void> {
      const sub = path.join(dir, `run-${i}`);
      await mkdir(sub);
      const file = path.join(sub, 'plan-van-aanpak.yaml');
      const saver = spawnSavingChild(script, file, definition);
      // Synchronise on what the child has done, not on wall-clock luck: pick
      // how many saves it must report first (0 = only "ready", before any
      // save), wait for that line, then kill it 0–15 ms later, which lands
      // in the middle of a following save on a fast or a slow machine alike.
      const mustSave = i % 8 === 0 ? 0 : 1 + Math.floor(Math.random() * 12);
      await saver.reported(mustSave === 0 ? 'ready\n' : `saved ${mustSave}\n`);
      const delay = Math.floor(Math.random() * 16);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      saver.child.kill('SIGKILL');
      await saver.closed;
      const stdout = saver.stdout();
      const stderr = saver.stderr();

      // Only complete lines count: a line cut off by the kill was not printed.
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      const saved = [...complete.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1]));
      const lastSaved = saved.length ? saved[saved.length - 1]! : 0;
      const leftovers = (await readdir(sub)).filter((n) => n !== 'plan-van-aanpak.yaml').length;
      const record = (survived: boolean, onDisk: number, reason?: string): void => {
        results.push({ survived, lastSaved, onDisk, leftovers, ...(reason !== undefined && { reason }) });
      };

      if (stderr.trim()) return record(false, -1, `child stderr: ${stderr.trim().slice(0, 300)}`);
      // The next `werkboek start` removes what a killed save left behind.
      await removeStaleTempFiles(file);
      const remaining = (await readdir(sub)).filter((n) => n !== 'plan-van-aanpak.yaml');
      if (remaining.length) return record(false, -1, `temp files not cleaned up: ${remaining.join(', ')}`);
      let f: AnswersFile | undefined;
      try {
        f = await AnswersFile.read(file, ws);
      } catch (err) {
        return record(false, -1, `unreadable: ${(err as Error).message}`);
      }
      if (!f) return record(lastSaved === 0, 0, lastSaved === 0 ? undefined : `file missing after "saved ${lastSaved}"`);
      const numbers = Object.values(f.answers).map((v) => Number(/^antwoord (\d+)\n/.exec(String(v))?.[1] ?? NaN));
      const onDisk = numbers.length ? Math.max(...numbers) : 0;
      if (onDisk < lastSaved) return record(false, onDisk, `file has save ${onDisk}, but "saved ${lastSaved}" was printed`);
      // A save that finished just before the kill may not have been printed yet: at most one ahead.
      if (onDisk > lastSaved + 1) return record(false, onDisk, `file has save ${onDisk}, last printed ${lastSaved}`);
      const same = JSON.stringify(f.answers) === JSON.stringify(expectedAfter(onDisk));
      record(same, onDisk, same ? undefined : `answers differ from the state after save ${onDisk}`);
    }

    let nextIndex = 0;
    try {
      await Promise.all(
        Array.from({ length: KILL_PARALLEL }, async () => {
          while (nextIndex < KILL_ITERATIONS) await iteration(nextIndex++);
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const survived = results.filter((r) => r.survived).length;
    const withSaves = results.filter((r) => r.lastSaved > 0).length;
    const maxSaved = Math.max(...results.map((r) => r.lastSaved));
    const leftovers = results.filter((r) => r.leftovers > 0).length;
    console.log(
      `kill loop: ${survived}/${results.length} survived SIGKILL ` +
        `(${withSaves} killed after at least one save, up to ${maxSaved} saves; ` +
        `${leftovers} left a temp file behind)`,
    );
    const failures = results.filter((r) => !r.survived);
    expect(failures).toEqual([]);
    expect(results).toHaveLength(KILL_ITERATIONS);
    // The test must really kill while saving, not only before the first save.
    expect(withSaves).toBeGreaterThan(KILL_ITERATIONS / 2);
  });
});
