// Own worksheets: the example under examples/ (a condition, a repeat group,
// a key question) end to end — checked, filled in by its file name, reported,
// in status, lijst and the overview through --werkbladen / WERKBOEK_WERKBLADEN —
// and a broken own definition reported as bestand:regel:kolom in Dutch.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../src/commands/controleer.js';
import { list } from '../src/commands/lijst.js';
import { overview } from '../src/commands/overzicht.js';
import { report } from '../src/commands/rapport.js';
import { start } from '../src/commands/start/index.js';
import { status } from '../src/commands/status.js';
import { plainStyle } from '../src/runner/session.js';
import { memoryOutput } from '../src/support/output.js';
import { answer, choose, interrupt, keep, ScriptedPrompter, type Action, type Call } from './helpers/scripted-prompter.js';
import { assertBuilt, runCli } from './helpers/run.js';
import { lineColOf, repoRoot, replaceOnce, useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-eigen-');
const example = path.join(repoRoot, 'examples', 'mijn-werkblad.yaml');

/** The example copied into <tmp>/werkbladen/mijn-werkblad.yaml; the dossier is <tmp>/dossiers/oost. */
async function setUp(): Promise<{ defs: string; file: string; map: string }> {
  const defs = path.join(tmp(), 'werkbladen');
  await mkdir(defs);
  const file = path.join(defs, 'mijn-werkblad.yaml');
  await copyFile(example, file);
  return { defs, file, map: path.join(tmp(), 'dossiers', 'oost') };
}

function script(c: Call): Action | undefined {
  if (c.message === 'Naam:') return answer('Fatima');
  if (c.message === 'Bibliotheek:') return answer('Bibliotheek Oost');
  if (c.message.startsWith('Datum')) return keep;
  if (c.message.startsWith('1. Heeft de bibliotheek afspraken')) return choose('Ja');
  if (c.message === 'Welke afspraken zijn dat?') return answer('Elk jaar een week mediawijsheid in groep 7.');
  if (c.message === 'Naam van de school') return answer('De Regenboog');
  if (c.message === 'Soort') return choose('basisonderwijs');
  if (c.message.startsWith('Aantal leerlingen')) return answer('60');
  if (c.message.startsWith('3. Hoe vaak')) return choose('elk jaar');
  if (c.message === 'Overzicht') return choose('Werkblad afronden');
  return undefined;
}

describe('own worksheets', () => {
  it('stopped in an own worksheet found through --werkbladen: "Ga verder met" keeps --werkbladen (issue 23)', async () => {
    const { map } = await setUp();
    const prompter = new ScriptedPrompter([
      { expect: 'Naam:', do: answer('Fatima') },
      { expect: 'Bibliotheek:', do: interrupt },
    ]);
    const out = memoryOutput();
    await expect(
      start({ worksheet: 'onderwijs', ownFolder: 'werkbladen', map, restart: false, cwd: tmp(), out, prompter, interactive: true, style: plainStyle }),
    ).rejects.toThrow();
    expect(out.out).toMatch(/Ga verder met:\n {2}.*start onderwijs --werkbladen werkbladen/);
  });

  it('fills in the example by its file name, with its condition and repeat group, and reports it', async () => {
    const { defs, map } = await setUp();
    let schools = 0;
    const prompter = new ScriptedPrompter([], (c) => {
      const known = script(c);
      if (known) return known;
      // The group's screen: add one school, then done.
      if (c.message.startsWith('2. Met welke scholen')) return schools++ === 0 ? choose('Nieuwe school toevoegen') : choose(/^Klaar/);
      throw new Error(`unexpected prompt: ${c.message}`);
    });
    const out = memoryOutput();
    await start({ worksheet: './werkbladen/mijn-werkblad.yaml', map, restart: false, cwd: tmp(), out, prompter, interactive: true, style: plainStyle });
    const printed = prompter.printed.join('\n');
    expect(printed).toContain('Werkblad 4: Samenwerking met het onderwijs');
    // A new folder, but an own worksheet: not Probiblio's introduction of the workbook, only its own intro.
    expect(printed).toContain('Een eigen werkblad, als voorbeeld');
    expect(printed).not.toMatch(/Probiblio|drie stappen|werkboek inleiding/);
    // The suggestion names the file again (the id alone is not known without --werkbladen).
    expect(printed).toContain('rapport ./werkbladen/mijn-werkblad.yaml -o onderwijs.docx --map');
    const saved = parse(await readFile(path.join(map, 'onderwijs.yaml'), 'utf8')) as { werkblad: string; status: string; antwoorden: Record<string, unknown> };
    expect(saved).toMatchObject({ werkblad: 'onderwijs', status: 'afgerond' });
    expect(saved.antwoorden).toMatchObject({
      'afspraken-met-scholen': 'ja',
      'afspraken-welke': 'Elk jaar een week mediawijsheid in groep 7.',
      scholen: [{ naam: 'De Regenboog', soort: 'basisonderwijs', leerlingen: 60 }],
      evaluatie: 'elk jaar',
    });

    const md = memoryOutput();
    await report({ worksheet: path.join(defs, 'mijn-werkblad.yaml'), format: 'md', map, cwd: tmp(), out: md });
    expect(md.out).toContain('Samenwerking met het onderwijs');
    expect(md.out).toContain('| De Regenboog | basisonderwijs | 60 |');
    // An own worksheet: no subtitle, introduction or closing of Probiblio's workbook.
    expect(md.out).not.toMatch(/Probiblio|Meer informatie|werktraject/);
    expect(md.out).toMatch(/^# Werkblad 4: Samenwerking met het onderwijs\n\n## Samenvatting\n/);

    // By id, through the folder of own definitions.
    const st = memoryOutput();
    await status({ map, ownFolder: defs, cwd: tmp(), out: st });
    expect(st.out).toMatch(/4\. Samenwerking met het onderwijs \(onderwijs\)\n\s+afgerond/);
    const ls = memoryOutput();
    await list({ map, ownFolder: defs, cwd: tmp(), out: ls });
    expect(ls.out).toContain('4. onderwijs');
    const ov = memoryOutput();
    await overview({ folders: ['dossiers'], format: 'md', ownFolder: defs, cwd: tmp(), out: ov, now: new Date('2027-01-01T12:00:00Z') });
    expect(ov.out).toContain('## 4. Samenwerking met het onderwijs');
    expect(ov.out).toContain('| Ontwikkelpunten | Afspraken met scholen |');
    expect(ov.out).toMatch(/\| Bibliotheek Oost \| dossiers\/oost \| afgerond \| 4 van 4 \| .* \| 0 \| ja \|/);
    // controleer knows the own worksheet when its definition is named in the same call.
    const checked = memoryOutput();
    expect(await check({ files: [path.join(defs, 'mijn-werkblad.yaml'), path.join(map, 'onderwijs.yaml')], cwd: tmp(), out: checked })).toBe(0);
    expect(checked.out).toContain('dossiers/oost/onderwijs.yaml: in orde (antwoorden bij "onderwijs", afgerond, 4 van 4 beantwoord)');
  });

  it('reports mistakes in an own definition as bestand:regel:kolom, in Dutch', async () => {
    const { file } = await setUp();
    let text = await readFile(file, 'utf8');
    text = replaceOnce(text, 'when: { question: afspraken-met-scholen, is: ja }', 'when: { question: afspraken-met-scholen, is: misschien }');
    text = replaceOnce(text, '  - { question: afspraken-met-scholen, label: "Afspraken met scholen" }', '  - { question: scholen, label: "Scholen" }');
    await writeFile(file, text);
    const out = memoryOutput();
    expect(await check({ files: [file], cwd: tmp(), out })).toBe(1);
    const is = lineColOf(text, 'is: misschien');
    expect(out.out).toContain(`werkbladen/mijn-werkblad.yaml:${is.line}:`);
    expect(out.out).toContain('"misschien" is geen mogelijk antwoord op "afspraken-met-scholen"; kies uit: ja, nee');
    expect(out.out).toMatch(
      new RegExp(`mijn-werkblad\\.yaml:${lineColOf(text, 'question: scholen').line}:\\d+: kernvraag "scholen" is geen ja/nee- of keuzevraag \\(type group\\)`),
    );
    // Starting it says the same, and nothing is created.
    const err = await start({
      worksheet: file,
      map: path.join(tmp(), 'd'),
      restart: false,
      cwd: tmp(),
      out: memoryOutput(),
      prompter: new ScriptedPrompter([]),
      interactive: true,
    }).catch((e: unknown) => e);
    expect(String((err as Error).message)).toContain('"misschien" is geen mogelijk antwoord');
  });

  it('refuses an own worksheet with the id of a shipped one', async () => {
    const { defs, file } = await setUp();
    await writeFile(file, (await readFile(file, 'utf8')).replace('id: onderwijs', 'id: gemeentelandschap'));
    await expect(list({ ownFolder: defs, map: path.join(tmp(), 'd'), cwd: tmp(), out: memoryOutput() })).rejects.toThrow(
      'heeft het id "gemeentelandschap", maar dat id bestaat al',
    );
    // Named by its file too: start never writes its answers into worksheet 1's file, and controleer says why.
    const map = path.join(tmp(), 'd');
    const prompter = new ScriptedPrompter([], () => keep);
    await expect(
      start({ worksheet: file, map, restart: false, cwd: tmp(), out: memoryOutput(), prompter, interactive: true, style: plainStyle }),
    ).rejects.toThrow('heeft het id "gemeentelandschap", maar dat id is van een werkblad van het werkboek');
    expect(prompter.calls).toEqual([]);
    const out = memoryOutput();
    expect(await check({ files: [file], cwd: tmp(), out })).toBe(1);
    expect(out.out).toMatch(/mijn-werkblad\.yaml:\d+:1: Het eigen werkblad mijn-werkblad\.yaml heeft het id "gemeentelandschap"/);
  });

  it('lists own worksheets from WERKBOEK_WERKBLADEN (command line)', async () => {
    assertBuilt();
    const { defs } = await setUp();
    const r = await runCli(['lijst'], { cwd: tmp(), env: { WERKBOEK_WERKBLADEN: defs, WERKBOEK_MAP: path.join(tmp(), 'd'), HOME: tmp() } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4. onderwijs');
    expect(r.stdout).toContain('Samenwerking met het onderwijs');
  });
});
