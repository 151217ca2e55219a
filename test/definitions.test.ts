// Worksheet definitions: the shipped files load, broken copies are reported
// as `bestand:regel:kolom: melding` (Dutch) at the right place, worksheet
// names resolve with a suggestion, and the generated JSON Schema accepts
// exactly what the zod schema accepts for the shipped files.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadShippedWorksheets, resolveWorksheet, shippedDefinitionFiles } from '../src/definition/load.js';
import { allQuestions } from '../src/definition/questions.js';
import { checkDefinitionFile, checkDefinitionSource, loadDefinitionFile } from '../src/definition/check.js';
import { ExitCode, FileIssuesError, formatIssue, WerkboekError } from '../src/support/errors.js';
import { fixturesDir, lineColOf, questionsDir, repoRoot, replaceOnce, shippedIds, shippedSource, useTempDir, type ShippedId } from './helpers/temp.js';

const tmp = useTempDir('werkboek-def-');

describe('shipped definitions', () => {
  it('are the three worksheets, in workbook order', async () => {
    const sheets = await loadShippedWorksheets();
    expect(sheets.map((s) => [s.number, s.id])).toEqual([
      [1, 'gemeentelandschap'],
      [2, 'randvoorwaarden'],
      [3, 'plan-van-aanpak'],
    ]);
    const files = await shippedDefinitionFiles();
    expect(files.map((f) => path.basename(f)).sort()).toEqual(shippedIds.map((id) => `${id}.yaml`).sort());
  });

  it.each(shippedIds)('%s passes the check without issues, and its id matches the file name', async (id) => {
    const result = await checkDefinitionFile(path.join(repoRoot, 'questions', `${id}.yaml`), `questions/${id}.yaml`);
    expect(result.issues).toEqual([]);
    expect(result.worksheet?.id).toBe(id);
  });

  it('have the expected number of questions (meta + steps)', async () => {
    const sheets = await loadShippedWorksheets();
    const counts = Object.fromEntries(sheets.map((s) => [s.id, { all: allQuestions(s).length, steps: s.steps.length }]));
    expect(counts).toEqual({
      gemeentelandschap: { all: 16, steps: 1 },
      randvoorwaarden: { all: 38, steps: 6 },
      'plan-van-aanpak': { all: 12, steps: 1 },
    });
  });

  it('all start with the yaml-language-server schema line', async () => {
    for (const id of shippedIds) {
      const source = await shippedSource(id);
      expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/werkblad.schema.json');
    }
  });

  it('the workbook introduction (questions/inleiding.md) is no worksheet definition', async () => {
    const files = await shippedDefinitionFiles();
    expect(files.some((f) => path.basename(f).startsWith('inleiding'))).toBe(false);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(repoRoot, 'questions'))).toContain('inleiding.md');
  });

  it("the introduction holds the workbook's Introductie, Positionering vs. profilering and Context, verbatim", async () => {
    const { loadIntroduction, renderIntroduction } = await import('../src/definition/introduction.js');
    const blocks = await loadIntroduction();
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Introductie', 'Positionering vs. profilering', 'Context']);
    expect(blocks.find((b) => b.kind === 'list')).toEqual({
      kind: 'list',
      items: [
        'Kennisvergroting en het in kaart brengen van het eigen gemeentelandschap',
        'De eigen randvoorwaarden van de IDO dienstverlening uitwerken',
        'Een plan van aanpak voor het profileren van het IDO bij gemeente(s) opstellen',
      ],
    });
    const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs[0]).toMatch(
      /^Gemeentes zijn vanaf begin 2023 verantwoordelijk voor de instandhouding \(en het breder uitzetten\) van de Informatiepunten Digitale Overheid \(IDO\)\. /,
    );
    expect(paragraphs[0]).toMatch(
      /Bekijk en doorloop de verschillende stappen en werk door middel van opdrachten aan het profileren van jouw digitale inclusie dienstverlening bij gemeente\(s\)\.$/,
    );
    expect(paragraphs).toContain(
      'Voor elke stap is een werkblad ontwikkeld, waar de bibliotheken mee gewerkt en feedback op gegeven hebben. Het resultaat daarvan is dit werkboek waar je zelf mee aan de slag kunt gaan.',
    );
    expect(paragraphs.some((p) => p.startsWith('Bij positionering gaat het over het doelgericht inzetten van specifieke merkwaarden/kenmerken'))).toBe(true);
    // comments (the documented deviations) are not shown; wrapped text stays within the width
    const text = renderIntroduction(blocks, { width: 50, bold: (s) => s, dim: (s) => s });
    expect(text).not.toContain('<!--');
    expect(text).not.toContain('Bron:');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(50);
    expect(await readFile(path.join(repoRoot, 'questions', 'inleiding.md'), 'utf8')).toContain('bron "merkwaaarden"');
  });

  it('the test fixture definition is valid too', async () => {
    const ws = await loadDefinitionFile(path.join(fixturesDir, 'definitions', 'voorwaarden.yaml'));
    expect(ws.id).toBe('voorwaarden');
  });
});

// --- faithful to the workbook ------------------------------------------------

/** The comment lines directly above the `- id: <id>` line of a question (the block it belongs to). */
function commentAbove(source: string, id: string): string {
  const lines = source.split('\n');
  const at = lines.findIndex((l) => l.trim() === `- id: ${id}`);
  if (at < 0) throw new Error(`no question ${id}`);
  const comments: string[] = [];
  for (let i = at - 1; i >= 0 && lines[i]!.trim().startsWith('#'); i--) comments.unshift(lines[i]!.trim());
  return comments.join('\n');
}

describe('the shipped worksheets follow the workbook', () => {
  it('one policy: verbatim, every deviation listed in questions/AFWIJKINGEN.md, additions marked where they are defined', async () => {
    const list = await readFile(path.join(questionsDir, 'AFWIJKINGEN.md'), 'utf8');
    for (const id of shippedIds) {
      const source = await shippedSource(id);
      expect(source, id).toContain('Teksten letterlijk uit de bron; elke afwijking en elke toevoeging');
      expect(source, id).toContain('AFWIJKINGEN.md');
      expect(source, id).not.toMatch(/not in source|smoothed/);
    }
    const sheets = await loadShippedWorksheets();
    const rv = sheets.find((s) => s.id === 'randvoorwaarden')!;
    const rvSource = await shippedSource('randvoorwaarden');
    // Every column of a table is an addition: named in the list, marked above it in the definition.
    for (const q of rv.steps.flatMap((s) => s.questions)) {
      if (q.type !== 'group') continue;
      for (const field of q.fields) expect(list, field.label).toContain(`"${field.label}"`);
      expect(`${commentAbove(rvSource, q.id)}\n${commentAbove(rvSource, q.fields[0]!.id)}`, q.id).toMatch(/Toevoeging/);
    }
    // Naam, Bibliotheek and Datum on werkblad 2 and 3.
    for (const id of ['randvoorwaarden', 'plan-van-aanpak'] as const)
      expect(await shippedSource(id)).toMatch(/# Toevoeging[^\n]*Naam, Bibliotheek en Datum[^\n]*\nmeta:/);
    for (const text of [
      'merkwaaarden',
      'pagina 4',
      'Hoe de bestuurlijke',
      '"l."',
      'Bij profilering gaat over',
      'Als die niet het geval is',
      'hieraan bijdraagt',
      'nog niet inzichtelijk zijn',
    ]) {
      expect(list, text).toContain(text);
    }
    expect(await readFile(path.join(repoRoot, 'README.md'), 'utf8')).not.toContain('precies zoals ze in het werkboek staan');
  });

  it('werkblad 1 does not send the user to "pagina 4" of the pdf; the original is in a comment', async () => {
    const ws = (await loadShippedWorksheets()).find((s) => s.id === 'gemeentelandschap')!;
    expect(ws.intro).not.toMatch(/pagina/);
    expect(ws.intro).toContain('Gebruik dit werkblad om de gemeente als stakeholder in kaart te brengen.');
    expect(await shippedSource('gemeentelandschap')).toContain('# Aangepast: bron "Gebruik het **werkblad** op pagina 4 om de gemeente');
  });

  it('every condition says in a comment right above it whether it comes from the workbook or was added by us', async () => {
    const documented: string[] = [];
    for (const id of shippedIds) {
      const source = await shippedSource(id);
      const ws = (await loadShippedWorksheets()).find((s) => s.id === id)!;
      for (const q of allQuestions(ws).filter((x) => x.when)) {
        const comment = commentAbove(source, q.id);
        expect(comment, `${id}:${q.id}`).toMatch(/# Voorwaarde (uit de bron|toegevoegd door ons)/);
        if (comment.includes('toegevoegd door ons')) documented.push(q.id);
      }
    }
    expect(documented).toEqual(['thema-in-agenda-wijze', 'relatie-met-mt-wijze', 'signalen-hiaten', 'begroting-dekkend']);
  });

  it('"Wie voert deze gesprekken?" has no condition, as in the workbook', async () => {
    const ws = (await loadShippedWorksheets()).find((s) => s.id === 'gemeentelandschap')!;
    expect(allQuestions(ws).find((q) => q.id === 'overlegstructuur-wie')?.when).toBeUndefined();
  });

  it('the partner overview has no direction column (it repeated vraag 4.2)', async () => {
    const ws = (await loadShippedWorksheets()).find((s) => s.id === 'randvoorwaarden')!;
    const partners = allQuestions(ws).find((q) => q.id === 'partners');
    expect(partners?.type === 'group' && partners.fields.map((f) => f.id)).toEqual(['naam', 'aanbod']);
    expect(await shippedSource('randvoorwaarden')).not.toContain('Wij verwijzen naar deze partner');
  });

  it('stap 5 and 6 numbers: renumbered ones carry the source number in a comment', async () => {
    const ws = (await loadShippedWorksheets()).find((s) => s.id === 'randvoorwaarden')!;
    const source = await shippedSource('randvoorwaarden');
    const numbers = (stepId: string) => ws.steps.find((s) => s.id === stepId)!.questions.map((q) => q.number ?? null);
    expect(numbers('stap-5')).toEqual(['1. a.', 'a. I.', 'a. II.', 'a. III.', null, 'b.', 'b. I.', 'b. II.', 'c.']);
    expect(numbers('stap-6')).toEqual(['1.', 'a.', 'b.', 'b. I.', 'c.']);
    const sourceNumber: Record<string, string> = {
      'registratie-wat': '"I."',
      'cijfers-vragen': '"II."',
      'cijfers-doorverwijzingen': '"III."',
      'partners-registratie-hoe': '"I."',
      'partners-registratie-formaliseren': '"II."',
      'begroting-dekkend': '"l."',
    };
    for (const [id, original] of Object.entries(sourceNumber)) {
      expect(commentAbove(source, id), id).toMatch(/[Nn]ummering/);
      expect(commentAbove(source, id), id).toContain(original);
    }
  });
});

// --- broken copies ----------------------------------------------------------

interface BrokenCase {
  name: string;
  sheet: ShippedId;
  /** Make the broken text from the shipped text. */
  breakIt: (source: string) => string;
  /** Where the first issue must point, found in the broken text. */
  at: (broken: string) => { line: number; col: number };
  message: string | RegExp;
  path?: string;
}

/** The column of `key` on the line that contains `lineText` (both 1-based). */
function keyOnLine(broken: string, lineText: string, key: string, occurrence = 1): { line: number; col: number } {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) {
    offset = broken.indexOf(lineText, offset + 1);
    if (offset < 0) throw new Error(`not found: ${lineText}`);
  }
  return lineColOf(broken, key, offset);
}

const AANSPREEKPUNT_LABEL = '        label: "Wie is binnen jullie gemeente(s) het aanspreekpunt';

const brokenCases: BrokenCase[] = [
  {
    name: 'bad indentation (a key indented less than its siblings)',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, AANSPREEKPUNT_LABEL, AANSPREEKPUNT_LABEL.slice(2)),
    at: (b) => ({ line: lineColOf(b, AANSPREEKPUNT_LABEL.slice(2)).line, col: 1 }),
    message: /^onjuiste inspringing/,
  },
  {
    name: 'a tab used for indentation',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, '      - id: aanspreekpunt\n        type: longtext', '      - id: aanspreekpunt\n\ttype: longtext'),
    at: (b) => ({ line: lineColOf(b, '\ttype: longtext').line, col: 1 }),
    message: /^tabs zijn niet toegestaan als inspringing; gebruik spaties/,
  },
  {
    name: 'unknown question type',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, '      - id: aanspreekpunt\n        type: longtext', '      - id: aanspreekpunt\n        type: essay'),
    at: (b) => keyOnLine(b, '        type: essay', 'type'),
    message: 'onbekend type "essay"; kies uit: text, longtext, yesno, choice, multichoice, date, number, group',
    path: 'steps[0].questions[2].type',
  },
  {
    name: 'missing label',
    sheet: 'gemeentelandschap',
    breakIt: (s) => s.replace(/\n {8}label: "Wie is binnen[^\n]*/, ''),
    at: (b) => keyOnLine(b, '      - id: aanspreekpunt', 'id:'),
    message: 'verplicht veld "label" (tekst van de vraag) ontbreekt',
    path: 'steps[0].questions[2]',
  },
  {
    name: 'missing label in a flow mapping (meta)',
    sheet: 'randvoorwaarden',
    breakIt: (s) => replaceOnce(s, '{ id: bibliotheek, type: text, label: "Bibliotheek:", unknown: false }', '{ id: bibliotheek, type: text, unknown: false }'),
    at: (b) => keyOnLine(b, '{ id: bibliotheek', '{'),
    message: 'verplicht veld "label" (tekst van de vraag) ontbreekt',
    path: 'meta[1]',
  },
  {
    name: 'duplicate id',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, '      - id: relatie-gemeente\n', '      - id: aanspreekpunt\n'),
    at: (b) => keyOnLine(b, '      - id: aanspreekpunt', 'id:', 2),
    message: 'dubbel id "aanspreekpunt" (ook gebruikt in steps[0].questions[2])',
    path: 'steps[0].questions[8].id',
  },
  {
    name: 'condition on an unknown id',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, 'when: { question: gemeenteraad, is: ja }', 'when: { question: gemeenteraadd, is: ja }'),
    at: (b) => keyOnLine(b, 'when: { question: gemeenteraadd', 'question:'),
    message: 'voorwaarde verwijst naar onbekende vraag "gemeenteraadd"',
    path: 'steps[0].questions[7].when.question',
  },
  {
    name: 'condition on a later question',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, 'when: { question: thema-in-agenda, is: ja }', 'when: { question: overlegstructuur, is: ja }'),
    at: (b) => keyOnLine(b, 'when: { question: overlegstructuur', 'question:'),
    message: 'voorwaarde verwijst naar "overlegstructuur", die niet eerder in het werkblad staat',
    path: 'steps[0].questions[1].when.question',
  },
  {
    name: 'condition on itself',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, 'when: { question: thema-in-agenda, is: ja }', 'when: { question: thema-in-agenda-wijze, is: ja }'),
    at: (b) => keyOnLine(b, 'when: { question: thema-in-agenda-wijze', 'question:'),
    message: 'voorwaarde verwijst naar "thema-in-agenda-wijze", die niet eerder in het werkblad staat',
  },
  {
    name: 'condition with an impossible answer',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, 'when: { question: gemeenteraad, is: ja }', 'when: { question: gemeenteraad, is: misschien }'),
    at: (b) => keyOnLine(b, 'when: { question: gemeenteraad, is: misschien', 'is:'),
    message: '"misschien" is geen mogelijk antwoord op "gemeenteraad"; kies uit: ja, nee',
    path: 'steps[0].questions[7].when.is',
  },
  {
    name: 'condition inside "any" on an unknown id (Stap 6 "l.")',
    sheet: 'randvoorwaarden',
    breakIt: (s) => replaceOnce(s, '- { question: meerjarenbegroting, is: ja }', '- { question: meerjarenbegrotingg, is: ja }'),
    at: (b) => keyOnLine(b, '- { question: meerjarenbegrotingg', 'question:'),
    message: 'voorwaarde verwijst naar onbekende vraag "meerjarenbegrotingg"',
    path: 'steps[5].questions[3].when.any[0].question',
  },
  {
    name: 'condition inside "any" with an impossible answer',
    sheet: 'randvoorwaarden',
    breakIt: (s) => replaceOnce(s, '- { question: gemeenschappelijke-begroting, is: ja }', '- { question: gemeenschappelijke-begroting, is: jawel }'),
    at: (b) => keyOnLine(b, '- { question: gemeenschappelijke-begroting, is: jawel', 'is:'),
    message: '"jawel" is geen mogelijk antwoord op "gemeenschappelijke-begroting"; kies uit: ja, nee',
    path: 'steps[5].questions[3].when.any[1].is',
  },
  {
    name: '"extends" pointing at a non-group',
    sheet: 'randvoorwaarden',
    breakIt: (s) => replaceOnce(s, '        extends: partners\n', '        extends: collectie\n'),
    at: (b) => keyOnLine(b, '        extends: collectie', 'extends'),
    message: '"extends" verwijst naar "collectie", maar dat is geen groep (type yesno)',
    path: 'steps[3].questions[1].extends',
  },
  {
    name: '"extends" pointing at an unknown id',
    sheet: 'randvoorwaarden',
    breakIt: (s) => replaceOnce(s, '        extends: partners\n', '        extends: partnerz\n'),
    at: (b) => keyOnLine(b, '        extends: partnerz', 'extends'),
    message: '"extends" verwijst naar onbekende vraag "partnerz"',
  },
  {
    name: '"extends" adding a field that the group already has',
    sheet: 'randvoorwaarden',
    breakIt: (s) => replaceOnce(s, '          - id: afspraken_toelichting\n', '          - id: aanbod\n'),
    at: (b) => keyOnLine(b, '          - id: aanbod\n            type: longtext\n            label: "Welke afspraken?"', 'id:'),
    message: 'veld-id "aanbod" bestaat al in groep "partners"',
  },
  {
    name: 'unknown key',
    sheet: 'gemeentelandschap',
    breakIt: (s) => replaceOnce(s, AANSPREEKPUNT_LABEL, `        hint: "Denk aan de wethouder"\n${AANSPREEKPUNT_LABEL}`),
    at: (b) => keyOnLine(b, '        hint: "Denk aan', 'hint'),
    message: 'onbekend veld "hint"',
    path: 'steps[0].questions[2].hint',
  },
  {
    name: 'an id with capitals and spaces',
    sheet: 'plan-van-aanpak',
    breakIt: (s) => replaceOnce(s, '      - id: doelen\n', '      - id: Mijn Doelen\n'),
    at: (b) => keyOnLine(b, '      - id: Mijn Doelen', 'id:'),
    message: /^id: een id bestaat uit kleine letters, cijfers en - of _/,
  },
  {
    name: 'version 0',
    sheet: 'plan-van-aanpak',
    breakIt: (s) => replaceOnce(s, '\nversion: 1\n', '\nversion: 0\n'),
    at: (b) => keyOnLine(b, '\nversion: 0', 'version'),
    message: 'versie: moet minstens 1 zijn',
    path: 'version',
  },
  {
    name: 'a duplicated key (YAML)',
    sheet: 'plan-van-aanpak',
    breakIt: (s) => replaceOnce(s, '\nversion: 1\n', '\nversion: 1\nversion: 2\n'),
    at: (b) => keyOnLine(b, '\nversion: 2', 'version'),
    message: /^sleutel komt twee keer voor/,
  },
];

describe('werkboek controleer on broken copies of the shipped definitions', () => {
  it.each(brokenCases)('$name', async ({ sheet, breakIt, at, message, path: fieldPath }) => {
    const shipped = await shippedSource(sheet);
    const broken = breakIt(shipped);
    expect(broken).not.toBe(shipped);
    const expected = at(broken);

    // From text…
    const fromSource = checkDefinitionSource(broken, `${sheet}.yaml`);
    expect(fromSource.worksheet).toBeUndefined();
    const first = fromSource.issues[0];
    expect(first, JSON.stringify(fromSource.issues)).toBeDefined();
    if (!first) return;
    expect({ line: first.line, col: first.col }).toEqual(expected);
    if (typeof message === 'string') expect(first.message).toBe(message);
    else expect(first.message).toMatch(message);
    if (fieldPath !== undefined) expect(first.path).toBe(fieldPath);

    // …and from a file in a temp folder, formatted as `bestand:regel:kolom: melding`.
    const file = path.join(tmp(), `${sheet}.yaml`);
    await writeFile(file, broken);
    const shown = `kopie/${sheet}.yaml`;
    const fromFile = await checkDefinitionFile(file, shown);
    expect(fromFile.issues).toEqual(fromSource.issues.map((i) => ({ ...i, file: shown })));
    const line = formatIssue(fromFile.issues[0]!);
    expect(line.startsWith(`${shown}:${expected.line}:${expected.col}: `)).toBe(true);

    // Loading the file refuses it with exit code 1 and the same lines.
    const err = await loadDefinitionFile(file, shown).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileIssuesError);
    expect((err as FileIssuesError).exitCode).toBe(ExitCode.invalid);
    expect((err as FileIssuesError).message.split('\n')[0]).toBe(line);
  });

  it('reports only the one problem for a single mistake (no follow-up noise)', async () => {
    for (const c of brokenCases.filter((c) => !/indentation|tab/.test(c.name))) {
      const broken = c.breakIt(await shippedSource(c.sheet));
      expect(checkDefinitionSource(broken, 'x.yaml').issues, c.name).toHaveLength(1);
    }
  });

  it('reports several independent problems in one file, each with its own position', async () => {
    let broken = await shippedSource('gemeentelandschap');
    broken = replaceOnce(broken, 'when: { question: gemeenteraad, is: ja }', 'when: { question: gemeenteraadd, is: ja }');
    broken = replaceOnce(broken, 'when: { question: relatie-met-mt, is: ja }', 'when: { question: relatie-met-mtt, is: ja }');
    const { issues } = checkDefinitionSource(broken, 'g.yaml');
    expect(issues.map((i) => [i.line, i.col])).toEqual([
      [lineColOf(broken, 'question: gemeenteraadd').line, lineColOf(broken, 'question: gemeenteraadd').col],
      [lineColOf(broken, 'question: relatie-met-mtt').line, lineColOf(broken, 'question: relatie-met-mtt').col],
    ]);
  });

  it('a missing file is a usage error in Dutch', async () => {
    const err = await checkDefinitionFile(path.join(tmp(), 'bestaat-niet.yaml'), 'bestaat-niet.yaml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WerkboekError);
    expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
    expect((err as WerkboekError).message).toBe('Kan bestaat-niet.yaml niet lezen: bestand of map bestaat niet');
  });

  it('an empty file and a nearly empty file say what is missing, in Dutch', () => {
    expect(checkDefinitionSource('', 'leeg.yaml').issues.map(formatIssue)).toEqual([
      'leeg.yaml:1:1: het bestand is leeg, of het is geen eigen werkblad en ook geen antwoordbestand. Een antwoordbestand begint met de regel "werkblad: <naam>"; een eigen werkblad (een werkbladdefinitie) is opgebouwd zoals het voorbeeld examples/mijn-werkblad.yaml (zie de handleiding)',
    ]);
    expect(checkDefinitionSource('id: x\n', 'x.yaml').issues.map((i) => i.message)).toEqual([
      'verplicht veld "version" (versie) ontbreekt',
      'verplicht veld "number" (nummer) ontbreekt',
      'verplicht veld "title" (titel) ontbreekt',
      'verplicht veld "steps" (stappen) ontbreekt',
    ]);
  });
});

// --- resolveWorksheet ---------------------------------------------------------

describe('resolveWorksheet', () => {
  it('finds a worksheet by id', async () => {
    expect((await resolveWorksheet('randvoorwaarden')).id).toBe('randvoorwaarden');
  });

  it('finds a worksheet by number', async () => {
    expect((await resolveWorksheet('1')).id).toBe('gemeentelandschap');
    expect((await resolveWorksheet('3')).id).toBe('plan-van-aanpak');
  });

  it('ignores case and surrounding spaces', async () => {
    expect((await resolveWorksheet('  Plan-Van-Aanpak ')).id).toBe('plan-van-aanpak');
  });

  it('suggests the nearest worksheet for a typo, with exit code 2', async () => {
    const err = await resolveWorksheet('gemeentelandschp').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WerkboekError);
    expect((err as WerkboekError).message).toBe('Onbekend werkblad "gemeentelandschp". Bedoel je "gemeentelandschap"?');
    expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
    expect((err as WerkboekError).hint).toBe('Beschikbare werkbladen: gemeentelandschap, randvoorwaarden, plan-van-aanpak (zie: werkboek lijst).');
  });

  it('suggests the worksheet for an unambiguous prefix', async () => {
    const err = (await resolveWorksheet('plan').catch((e: unknown) => e)) as WerkboekError;
    expect(err.message).toContain('Bedoel je "plan-van-aanpak"?');
  });

  it('gives no suggestion for garbage, still exit code 2', async () => {
    const err = await resolveWorksheet('xq').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WerkboekError);
    expect((err as WerkboekError).message).toBe('Onbekend werkblad "xq".');
    expect((err as WerkboekError).message).not.toContain('Bedoel je');
    expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
    const err2 = (await resolveWorksheet('zzzzzzzzzzzzzzzzzzzz').catch((e: unknown) => e)) as WerkboekError;
    expect(err2.message).not.toContain('Bedoel je');
  });

  it('does not accept a number that is not a worksheet', async () => {
    const err = (await resolveWorksheet('4').catch((e: unknown) => e)) as WerkboekError;
    expect(err.exitCode).toBe(ExitCode.usage);
  });
});

// --- the generated JSON Schema -----------------------------------------------------

describe('schema/werkblad.schema.json', () => {
  async function loadSchema(): Promise<Record<string, unknown>> {
    return JSON.parse(await readFile(path.join(repoRoot, 'schema', 'werkblad.schema.json'), 'utf8')) as Record<string, unknown>;
  }
  async function validator() {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    return ajv.compile(await loadSchema());
  }

  it('is draft 2020-12 with an $id, a title and the recursive condition as a $ref', async () => {
    const schema = await loadSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toEqual(expect.any(String));
    expect(schema.title).toEqual(expect.any(String));
    const defs = schema.$defs as Record<string, unknown>;
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['voorwaarde', 'vraag']));
    // The recursion (any/all of conditions) refers back to itself.
    expect(JSON.stringify(defs.voorwaarde)).toContain('"$ref":"#/$defs/voorwaarde"');
    expect(JSON.stringify(defs.vraag)).toContain('"$ref":"#/$defs/voorwaarde"');
    expect(JSON.stringify(schema)).not.toContain('__schema');
  });

  it('is formatted with 2 spaces and ends with one newline', async () => {
    const text = await readFile(path.join(repoRoot, 'schema', 'werkblad.schema.json'), 'utf8');
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });

  it('compiles as a valid JSON Schema (ajv, strict mode)', async () => {
    await expect(validator()).resolves.toBeTypeOf('function');
  });

  it.each(shippedIds)('accepts the shipped definition %s', async (id) => {
    const validate = await validator();
    const data: unknown = parse(await shippedSource(id));
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts nested any/all conditions (fixture)', async () => {
    const validate = await validator();
    const data: unknown = parse(await readFile(path.join(fixturesDir, 'definitions', 'voorwaarden.yaml'), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the zod schema rejects', async () => {
    const validate = await validator();
    const cases = brokenCases.filter((c) =>
      ['unknown question type', 'missing label', 'unknown key', 'version 0', 'an id with capitals and spaces'].includes(c.name),
    );
    expect(cases).toHaveLength(5);
    for (const c of cases) {
      const data: unknown = parse(c.breakIt(await shippedSource(c.sheet)));
      expect(validate(data), c.name).toBe(false);
    }
    // A condition nested wrongly deep inside any/all.
    const shipped = await shippedSource('gemeentelandschap');
    const nested = replaceOnce(shipped, 'when: { question: gemeenteraad, is: ja }', 'when: { any: [ { all: [ { question: gemeenteraad } ] } ] }');
    expect(validate(parse(nested))).toBe(false);
    expect(checkDefinitionSource(nested, 'x.yaml').issues.length).toBeGreaterThan(0);
  });
});

describe('the shipped worksheets as the build stores them (dist/worksheets.json)', () => {
  it('holds exactly the validated definitions, in workbook order', async () => {
    const { compiledFile } = await import('../src/definition/load.js');
    const compiled = JSON.parse(await readFile(compiledFile, 'utf8')) as { worksheets: unknown[] };
    const files = await shippedDefinitionFiles();
    const validated = await Promise.all(files.map((f) => loadDefinitionFile(f)));
    expect(compiled.worksheets).toEqual(validated.sort((a, b) => a.number - b.number));
  });
});
