// The CLI as a user runs it: `node bin/werkboek.js …` (compiled dist/, built
// by `npm test`), without a terminal, with a temporary WERKBOEK_MAP and HOME.
// `start` (interactive) and `rapport` belong to their own test files.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, constants as fsConstants, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { programVersion } from '../src/support/version.js';
import { assertBuilt, runCli, shownProgram, type RunOptions, type RunResult } from './helpers/run.js';
import { lineColOf, questionsDir, replaceOnce, repoRoot, useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-cli-');

beforeAll(() => assertBuilt());

/** Run with a temp map and home, from the temp folder. */
function werkboek(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return runCli(args, {
    cwd: tmp(),
    ...options,
    env: { WERKBOEK_MAP: path.join(tmp(), 'map'), HOME: path.join(tmp(), 'home'), XDG_DATA_HOME: undefined, ...options.env },
  });
}

function expectNoStackTrace(r: RunResult): void {
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.stderr).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|Error):/);
}

const ANSWERS = `werkblad: gemeentelandschap
versie: 1
status: concept
aangemaakt: 2026-11-20T09:00:00.000Z
bijgewerkt: 2026-11-20T09:00:00.000Z
programma: werkboek 0.1.0
antwoorden:
  naam: An
  bibliotheek: Bieb
  datum: "2026-11-20"
  thema-in-agenda: ja
`;

describe('werkboek --help / --version', () => {
  it('--help shows Dutch headings and exits 0', async () => {
    const r = await werkboek(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Named as it was started (here: node …/bin/werkboek.js), like the examples below it.
    expect(r.stdout).toMatch(/^Gebruik: node \S*bin\/werkboek\.js <opdracht> \[opties\]/);
    for (const heading of ['Opties:', 'Opdrachten:', 'Voorbeelden:']) expect(r.stdout).toContain(`\n${heading}\n`);
    for (const english of ['Usage:', 'Commands:', 'Options:', 'display help']) expect(r.stdout).not.toContain(english);
    for (const command of ['start', 'status', 'lijst', 'rapport', 'controleer']) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('without arguments shows the same help, exit 0', async () => {
    const r = await werkboek([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Gebruik:');
    expect(r.stdout).toContain('Opdrachten:');
  });

  it('help says what a coordinator needs, without jargon: the --map default, formats in words, 1/2/3, --werkbladen', async () => {
    const rapport = (await werkboek(['rapport', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(rapport).toContain('plan-van-aanpak (of 1, 2, 3), of alles');
    expect(rapport).toContain('de map waarin je antwoorden staan (zonder --map: je eigen map op deze computer; "werkboek status" noemt hem)');
    expect(rapport).toContain('md (tekst met opmaaktekens als # en **: Markdown)');
    expect(rapport).toContain('eml (e-mailconcept)');
    expect(rapport).not.toMatch(/Liquid|gebruikersmap/);
    const vergelijk = (await werkboek(['vergelijk', '--help'])).stdout;
    expect(vergelijk).toContain('--werkbladen <map>');
    const error = await werkboek(['rapport', '1', '-o', 'rapport.pdf']);
    expect(error.stderr).toContain('werkboek: Een .pdf-bestand maken kan niet.');
  });

  it('help for a command is Dutch too', async () => {
    const r = await werkboek(['help', 'controleer']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Gebruik: node \S*bin\/werkboek\.js controleer/);
    expect(r.stdout).toContain('Argumenten:');
  });

  it('a command defined alone (as it runs) has the same help as with all commands defined (werkboek help <opdracht>)', async () => {
    const main = await werkboek(['--help']);
    const commands = main.stdout.split('Opdrachten:\n')[1]!.split('\n\n')[0]!;
    const names = [...commands.matchAll(/^ {2}([a-z-]+)(?:\|([a-z-]+))? /gm)].flatMap((m) => [m[1]!, m[2]].filter((n): n is string => !!n && n !== 'help'));
    expect(names).toHaveLength(12); // 11 commands, and "invullen" (the English names are not shown)
    for (const name of [...names, 'intro', 'list', 'report', 'compare', 'import', 'diff', 'overview', 'check']) {
      const alone = await werkboek([name, '--help']);
      const all = await werkboek(['help', name]);
      expect(alone.code, name).toBe(0);
      expect(alone.stdout, name).toBe(all.stdout);
    }
    // 40 starts of the program: on a busy 2-core machine more than the default 20 s.
  }, 90_000);

  it.each([40, 80])('at %i columns every line of the help fits, broken between words; an example command stays whole', async (columns) => {
    for (const args of [['--help'], ['start', '--help'], ['rapport', '--help']]) {
      const r = await werkboek(args, { env: { COLUMNS: String(columns) } });
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines) {
        // A command to copy is one line, whole; into a pipe (here) not padded out to a terminal's edge (the terminal test is in e2e).
        if (line.startsWith(`  ${shownProgram}`)) expect(line.trim(), `${args.join(' ')}: ${line}`).not.toMatch(/ {2}/);
        else expect(line.length, `${args.join(' ')}: "${line}"`).toBeLessThan(columns);
      }
      // Nothing lost to the wrapping: every word of the examples is there.
      const words = r.stdout.replace(/\s+/g, ' ');
      if (args[0] === '--help') {
        expect(words).toContain('het menu: werkbladen, rapport, hulp');
        expect(words).toContain(`${shownProgram} start 2 --respondent "Piet Bakker" als collega, in een eigen bestand`);
        expect(words).toContain('vul de drie werkbladen in, in zoveel sessies als je wilt, en deel het resultaat.');
      }
    }
  });

  it('--version and -V print the version from package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(questionsDir, '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await werkboek([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
    expect(programVersion).toBe(pkg.version);
  });
});

describe('werkboek inleiding', () => {
  it("prints the workbook's introduction, wrapped to the terminal width, without colour codes", async () => {
    const r = await werkboek(['inleiding'], { env: { COLUMNS: '60' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const heading of ['Introductie', 'Positionering vs. profilering', 'Context']) expect(r.stdout).toMatch(new RegExp(`^${heading}$`, 'm'));
    expect(r.stdout).toMatch(/^Gemeentes zijn vanaf begin 2023 verantwoordelijk voor de/m);
    expect(r.stdout).toMatch(/^ {2}1\. Kennisvergroting en het in kaart brengen van het eigen/m);
    expect(r.stdout).toContain('Voor elke stap is een werkblad ontwikkeld,');
    // The next step in this (new) dossier, the command whole on a line of its own.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`Aan de slag met werkblad 1 (Verken jouw gemeentelandschap): ${shownProgram} start gemeentelandschap`);
    expect(r.stdout.endsWith(`\n  ${shownProgram} start gemeentelandschap\n`)).toBe(true);
    // every line of text within 60 columns (the suggested command at the end is not wrapped)
    const text = r.stdout.split('\n').filter((l) => !l.startsWith(`  ${shownProgram}`));
    expect(Math.max(...text.map((l) => [...l].length))).toBeLessThanOrEqual(60);
    expect(Math.max(...text.map((l) => [...l].length))).toBeGreaterThan(50);
    expect(r.stdout).not.toContain('\u001b[');
    const plain = await werkboek(['intro'], { env: { NO_COLOR: '1', COLUMNS: '100' } });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('Positionering vs. profilering');
    expect(await readdir(tmp())).toEqual([]);
  });

  it('is listed in the help, with Dutch usage', async () => {
    const r = await werkboek(['--help']);
    expect(r.stdout).toMatch(/^ {2}inleiding \[opties\] +waar gaat het werkboek over\?/m);
    expect(r.stdout).toContain(`${shownProgram} inleiding`);
    const help = await werkboek(['inleiding', '--help']);
    expect(help.stdout).toMatch(/^Gebruik: node \S*bin\/werkboek\.js inleiding(\|intro)? \[opties\]/);
  });
});

describe('werkboek lijst / status', () => {
  it('lijst: three worksheets, question counts, niet begonnen', async () => {
    const r = await werkboek(['lijst']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^\d\. /.test(l)).map((l) => l.split(/\s+/)[1])).toEqual(['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak']);
    expect(r.stdout).toContain('1. gemeentelandschap  Verken jouw gemeentelandschap');
    // walk's count: the workbook's questions visible with no answers (meta fields apart), and with every follow-up
    expect(r.stdout).toContain('8 vragen (tot 12 met vervolgvragen) · niet begonnen');
    expect(r.stdout).toContain('28 vragen (tot 34 met vervolgvragen) · niet begonnen');
    expect(r.stdout).toContain('9 vragen · niet begonnen');
    expect(r.stdout).toContain(`Invullen, bijvoorbeeld werkblad 1: ${shownProgram} start gemeentelandschap`);
  });

  it('lijst shows progress of a started worksheet (and the english alias works)', async () => {
    const map = path.join(tmp(), 'map');
    await mkdir(map);
    await writeFile(path.join(map, 'gemeentelandschap.yaml'), ANSWERS);
    const r = await werkboek(['list']);
    expect(r.code).toBe(0);
    // the same figure as the runner and the report: thema-in-agenda = ja adds its follow-up; Naam/Bibliotheek/Datum not counted
    expect(r.stdout).toContain('9 vragen · concept (1 van 9 beantwoord)');
    expect(r.stdout).toContain('28 vragen (tot 34 met vervolgvragen) · niet begonnen');
  });

  it('--map wins over WERKBOEK_MAP', async () => {
    const other = path.join(tmp(), 'andere-map');
    await mkdir(other);
    await writeFile(path.join(other, 'gemeentelandschap.yaml'), ANSWERS);
    const r = await werkboek(['status', '--map', other]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Map: ${other}`);
    expect(r.stdout).toContain('concept (1 van 9 beantwoord)');
  });

  it('status on an empty folder: every worksheet niet begonnen, nothing created', async () => {
    const r = await werkboek(['status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Map: ${path.join(tmp(), 'map')}`);
    expect(r.stdout.match(/^ {3}niet begonnen$/gm)).toHaveLength(3);
    expect(r.stdout).toContain('1. Verken jouw gemeentelandschap (gemeentelandschap)');
    expect(await readdir(tmp())).toEqual([]);
  });

  it('status reports an unreadable answers file without failing', async () => {
    const map = path.join(tmp(), 'map');
    await mkdir(map);
    await writeFile(path.join(map, 'randvoorwaarden.yaml'), 'werkblad: randvoorwaarden\nstatus: klaar\n');
    const r = await werkboek(['status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('onleesbaar bestand');
    expect(r.stdout).toContain('"status" moet "concept" of "afgerond" zijn, niet "klaar"');
    expectNoStackTrace(r);
  });
});

describe('werkboek controleer', () => {
  it('the shipped definitions: in orde, exit 0', async () => {
    const r = await werkboek(['controleer']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.match(/: in orde: werkblad \d \([^)]+\), versie \d+$/gm)).toHaveLength(3);
  });

  it('--schema writes werkblad.schema.json next to a copied example, which points at it', async () => {
    const example = await readFile(path.join(repoRoot, 'examples', 'mijn-werkblad.yaml'), 'utf8');
    expect(example.split('\n')[0]).toBe('# yaml-language-server: $schema=./werkblad.schema.json');
    await writeFile(path.join(tmp(), 'mijn-werkblad.yaml'), example);
    const r = await werkboek(['controleer', '--schema', 'mijn-werkblad.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`werkblad.schema.json geschreven in ${tmp()}.`);
    expect(r.stdout).toContain('  # yaml-language-server: $schema=./werkblad.schema.json\n');
    expect(r.stdout).toContain('mijn-werkblad.yaml: in orde');
    expect(await readFile(path.join(tmp(), 'werkblad.schema.json'), 'utf8')).toBe(
      await readFile(path.join(repoRoot, 'schema', 'werkblad.schema.json'), 'utf8'),
    );
  });

  it('a broken copy: bestand:regel:kolom: melding, exit 1', async () => {
    const shipped = await readFile(path.join(questionsDir, 'gemeentelandschap.yaml'), 'utf8');
    const broken = replaceOnce(shipped, 'when: { question: gemeenteraad, is: ja }', 'when: { question: gemeenteraadd, is: ja }');
    await writeFile(path.join(tmp(), 'kapot.yaml'), broken);
    const at = lineColOf(broken, 'question: gemeenteraadd');
    const r = await werkboek(['controleer', 'kapot.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`kapot.yaml:${at.line}:${at.col}: voorwaarde verwijst naar onbekende vraag "gemeenteraadd" (steps[0].questions[7].when.question)\n`);
    expectNoStackTrace(r);
  });

  it('several files: checks them all, exit 1 when one is broken', async () => {
    await writeFile(path.join(tmp(), 'tab.yaml'), 'id: x\nversion: 1\n\tnumber: 1\n');
    const r = await werkboek(['check', path.join(questionsDir, 'plan-van-aanpak.yaml'), 'tab.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/plan-van-aanpak\.yaml: in orde/);
    expect(r.stdout).toMatch(/^tab\.yaml:3:1: tabs zijn niet toegestaan als inspringing; gebruik spaties/m);
  });

  it('a valid answers file: in orde, exit 0', async () => {
    await writeFile(path.join(tmp(), 'antwoorden.yaml'), ANSWERS);
    const r = await werkboek(['controleer', 'antwoorden.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('antwoorden.yaml: in orde (antwoorden bij "gemeentelandschap", concept, 1 van 9 beantwoord)\n');
  });

  it('an invalid answers file: every problem with its position, exit 1', async () => {
    const text = ANSWERS.replace('status: concept', 'status: klaar').replace('thema-in-agenda: ja', 'thema-in-agenda: misschien');
    await writeFile(path.join(tmp(), 'antwoorden.yaml'), text);
    const before = await readFile(path.join(tmp(), 'antwoorden.yaml'), 'utf8');
    const r = await werkboek(['controleer', 'antwoorden.yaml']);
    expect(r.code).toBe(1);
    const status = lineColOf(text, 'status: klaar');
    const thema = lineColOf(text, 'thema-in-agenda: misschien');
    expect(r.stdout.split('\n')).toEqual([
      `antwoorden.yaml:${status.line}:${status.col}: "status" moet "concept" of "afgerond" zijn, niet "klaar" (status)`,
      `antwoorden.yaml:${thema.line}:${thema.col}: verwacht "ja" of "nee" bij vraag "Komt het thema digitale inclusie terug in de …" (antwoorden.thema-in-agenda)`,
      '',
    ]);
    expect(await readFile(path.join(tmp(), 'antwoorden.yaml'), 'utf8')).toBe(before);
    expectNoStackTrace(r);
  });

  it('an answers file for an unknown worksheet: suggestion, exit 2', async () => {
    await writeFile(path.join(tmp(), 'a.yaml'), ANSWERS.replace('werkblad: gemeentelandschap', 'werkblad: gemeentelandschp'));
    const r = await werkboek(['controleer', 'a.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Bedoel je "gemeentelandschap"?');
    expectNoStackTrace(r);
  });

  it("the advice in an answers file's header works as written, from any folder, for the per-user dossier", async () => {
    // The per-user folder (on Windows under AppData, hidden): the user edits the file there and checks it from elsewhere.
    const env = { WERKBOEK_MAP: undefined, XDG_DATA_HOME: undefined };
    const started = await werkboek(['start', '1', '--eenvoudig'], { env, input: 'Anna\nBieb\n\n:stop\n' });
    expect(started.code).toBe(130);
    const file = path.join(tmp(), 'home', '.local', 'share', 'werkboek', 'gemeentelandschap.yaml');
    const text = await readFile(file, 'utf8');
    const advice = /Controleer het daarna met: werkboek (.+)$/m.exec(text)?.[1];
    expect(advice).toBe('controleer gemeentelandschap.yaml');
    const args = advice?.split(' ') ?? [];
    const ok = await werkboek(args, { env });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe(`${file}: in orde (antwoorden bij "gemeentelandschap", concept, 0 van 8 beantwoord)\n`);
    expect(ok.code).toBe(0);
    // An edit that breaks the file: found the same way, with its position.
    await writeFile(file, text.replace('naam: Anna', 'naam: [Anna'));
    const broken = await werkboek(args, { env });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    // A file of that name in the current folder comes first; a name with a folder is taken as typed.
    await writeFile(path.join(tmp(), 'gemeentelandschap.yaml'), ANSWERS);
    expect((await werkboek(args, { env })).stdout).toBe('gemeentelandschap.yaml: in orde (antwoorden bij "gemeentelandschap", concept, 1 van 9 beantwoord)\n');
    expect((await werkboek(['controleer', './randvoorwaarden.yaml'], { env })).code).toBe(2);
  });

  it('a plain text file, named by its absolute path: in Dutch what the file should be, the path as typed', async () => {
    const file = path.join(tmp(), 'c.txt');
    await writeFile(file, 'Dit is een gewone tekst.\n');
    const r = await werkboek(['controleer', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${file}:1:1: het bestand is leeg, of het is geen eigen werkblad en ook geen antwoordbestand. ` +
        'Een antwoordbestand begint met de regel "werkblad: <naam>"; een eigen werkblad (een werkbladdefinitie) is opgebouwd zoals het voorbeeld examples/mijn-werkblad.yaml (zie de handleiding)\n',
    );
    expect(r.stdout).not.toMatch(/\b(version|number|title|steps)\b/);
    // A broken answers file by its absolute path, from another folder: its position under that path, not "../…".
    const answers = path.join(tmp(), 'b.yaml');
    await writeFile(answers, ANSWERS.replace('naam: An', 'naam: [An'));
    await mkdir(path.join(tmp(), 'elders'));
    const broken = await werkboek(['controleer', answers], { cwd: path.join(tmp(), 'elders') });
    expect(broken.code).toBe(1);
    expect(broken.stdout.startsWith(`${answers}:`)).toBe(true);
  });

  it('a file that does not exist: Dutch message, exit 2', async () => {
    const r = await werkboek(['controleer', 'bestaat-niet.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('werkboek: Kan bestaat-niet.yaml niet lezen: bestand of map bestaat niet.\n');
  });
});

describe('wrong use', () => {
  it('an unknown command: Dutch message, exit 2', async () => {
    const r = await werkboek(['xyzzy']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`werkboek: Onbekende opdracht "xyzzy". Zie "${shownProgram} --help".\n`);
  });

  it('an unknown command close to a real one: Dutch message with a suggestion, exit 2', async () => {
    const r = await werkboek(['invulen']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkboek: Onbekende opdracht "invulen"\. Bedoel je "invullen"\?/);
    expectNoStackTrace(r);
  });

  it('an unknown option: Dutch message, exit 2', async () => {
    const r = await werkboek(['lijst', '--kleur']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`werkboek: Onbekende optie "--kleur". Zie "${shownProgram} lijst --help".\n`);
  });

  it('a typo in a command or option: the name it starts, else the nearest', async () => {
    expect((await werkboek(['stat'])).stderr).toContain('Bedoel je "status"?');
    expect((await werkboek(['status', '--mpa', 'x'])).stderr).toContain('Onbekende optie "--mpa". Bedoel je "--map"?');
    expect((await werkboek(['rapport', 'alles', '--fromaat', 'md'])).stderr).toContain('Bedoel je "--formaat"?');
  });

  it('help for a word that names no command, an option before its command, a wrong choice: said as such', async () => {
    for (const args of [
      ['help', 'stauts'],
      ['stauts', '--help'],
    ]) {
      const r = await werkboek(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`werkboek: Onbekende opdracht "stauts". Bedoel je "status"? Zie "${shownProgram} --help".\n`);
    }
    expect((await werkboek(['hlp'])).stderr).toContain('Bedoel je "help"?');
    const before = await werkboek(['--map', 'x', 'status']);
    expect(before.code).toBe(2);
    expect(before.stderr).toBe(`werkboek: De optie "--map" hoort na de opdracht, bijvoorbeeld: ${shownProgram} status --map …\n`);
    expect((await werkboek(['--map', 'x', 'list'])).stderr).toBe(
      `werkboek: De optie "--map" hoort na de opdracht, bijvoorbeeld: ${shownProgram} lijst --map …\n`,
    );
    const choice = await werkboek(['rapport', 'alles', '--formaat', 'pdf']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toBe('werkboek: Ongeldige waarde "pdf" voor --formaat. Kies uit: md, docx, html, eml.\n');
    // The choices are named once, in the description.
    const help = await werkboek(['rapport', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'docx (Word), md (tekst met opmaaktekens als # en **: Markdown), html (webpagina) of eml (e-mailconcept); standaard: wat de bestandsnaam bij -o zegt (.docx, .html, .eml), anders md',
    );
    expect(help.stdout).not.toContain('keuze uit');
  });

  it("the command line is read once, by commander: an option's value is no command, --no-color goes before or after the command", async () => {
    // "start" is the value of --map here, not the command: no command, so (without a terminal) the whole help.
    const value = await werkboek(['--map', 'start']);
    expect(value.code).toBe(0);
    expect(value.stdout).toBe((await werkboek(['--help'])).stdout);
    for (const args of [
      ['--no-color', 'lijst'],
      ['lijst', '--no-color'],
    ]) {
      const r = await werkboek(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('gemeentelandschap');
    }
    const late = await werkboek(['--mpa', 'x', 'status']);
    expect(late.stderr).toBe(`werkboek: Onbekende optie "--mpa". Bedoel je "--map"? Zie "${shownProgram} status --help".\n`);
  });

  it('a missing argument gives an example of that command', async () => {
    const r = await werkboek(['rapport']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`werkboek: Er ontbreekt nog iets na "rapport": werkblad. Bijvoorbeeld: ${shownProgram} rapport alles -o dossier.md\n`);
  });

  it('help lists the commands with Dutch usage and examples that work from here', async () => {
    const r = await werkboek(['--help']);
    expect(r.stdout).not.toContain('[options]');
    expect(r.stdout).toContain('start|invullen [opties] <werkblad>');
    expect(r.stdout).toContain(`${shownProgram} start gemeentelandschap`);
    const inRepo = await runCli(['--help'], { env: { WERKBOEK_MAP: path.join(tmp(), 'map') } });
    expect(inRepo.stdout).toContain(`node ${path.join('bin', 'werkboek.js')} start gemeentelandschap`);
  });

  it('help is in plain words: no environment variables per command, no jargon, no English names; status does not send you to status', async () => {
    const main = (await werkboek(['--help'])).stdout;
    // The map's variable once, in the main help.
    expect(main.split('WERKBOEK_MAP').length - 1).toBe(1);
    for (const english of ['intro', 'list', 'report', 'compare', 'import', 'diff', 'overview', 'check'])
      expect(main).not.toMatch(new RegExp(`\\|${english}\\b`));
    for (const name of ['inleiding', 'start', 'status', 'lijst', 'rapport', 'vergelijk', 'importeer', 'nieuwe-ronde', 'verschil', 'overzicht', 'controleer']) {
      const help = (await werkboek([name, '--help'])).stdout;
      for (const jargon of ['WERKBOEK_', 'werkbladdefinitie', 'YAML-bestand', 'schermopbouw', 'extensie', 'voor scripts;', 'NO_COLOR'])
        expect(help, `${name}: ${jargon}`).not.toContain(jargon);
      expect(help, name).not.toMatch(/\|(intro|list|report|compare|import|diff|overview|check)\b/);
    }
    expect((await werkboek(['status', '--help'])).stdout).not.toContain('werkboek status');
    // The English names keep working.
    expect((await werkboek(['list'])).code).toBe(0);
  });

  it('a missing argument: Dutch message, exit 2', async () => {
    const r = await werkboek(['start']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Er ontbreekt nog iets na "start": werkblad.');
  });

  it('start with a typo: suggestion, exit 2, no stack trace, nothing written', async () => {
    const r = await werkboek(['start', 'gemeentelandschp']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('werkboek: Onbekend werkblad "gemeentelandschp". Bedoel je "gemeentelandschap"?');
    expect(r.stderr).toContain(`${shownProgram} lijst`);
    expectNoStackTrace(r);
    expect(await readdir(tmp())).toEqual([]);
  });

  it('start with garbage: no suggestion, exit 2', async () => {
    const r = await werkboek(['start', 'qq']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Bedoel je');
    expectNoStackTrace(r);
  });

  it('start without a terminal: a Dutch explanation, exit 2, nothing written', async () => {
    const r = await werkboek(['start', 'gemeentelandschap']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('terminal');
    expect(r.stderr).not.toContain('werkboek: werkboek');
    expectNoStackTrace(r);
    expect(await readdir(tmp())).toEqual([]);
  });

  it('no colour codes when NO_COLOR is set', async () => {
    const r = await werkboek(['onbekend']);
    expect(r.stderr).not.toContain('\u001b[');
  });
});

describe("output to a file or a pipe (written directly, not through Node's stream)", () => {
  it('-o an existing file: a Dutch line with what to do, exit 2, the file unchanged; with --vervang it is replaced', async () => {
    await mkdir(path.join(tmp(), 'map'));
    await writeFile(path.join(tmp(), 'map', 'gemeentelandschap.yaml'), ANSWERS);
    await writeFile(path.join(tmp(), 'mijn rapport.html'), 'bewerkt');
    const refused = await werkboek(['rapport', '1', '-o', 'mijn rapport.html']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'werkboek: mijn rapport.html bestaat al. werkboek vervangt een bestaand bestand niet zomaar: misschien is het bewerkt of verstuurd.\n' +
        'Kies een andere naam (bijvoorbeeld -o "mijn rapport-2.html"), of geef --vervang mee om het te vervangen.\n',
    );
    expect(await readFile(path.join(tmp(), 'mijn rapport.html'), 'utf8')).toBe('bewerkt');
    const replaced = await werkboek(['rapport', '1', '-o', 'mijn rapport.html', '--vervang']);
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(await readFile(path.join(tmp(), 'mijn rapport.html'), 'utf8')).toContain('<html');
  });

  it('a file gets the same bytes as a pipe; a pipe read slowly gets all of a long report', async () => {
    const bin = path.join(repoRoot, 'bin', 'werkboek.js');
    const map = path.join(tmp(), 'map');
    await mkdir(map);
    // A report far longer than a pipe holds (64 KB): answers of 2,000 lines.
    const long = Array.from({ length: 2000 }, (_, i) => `    regel ${i} met ë, “aanhalingstekens” en een lange zin om de buffer te vullen.`).join('\n');
    await writeFile(
      path.join(map, 'gemeentelandschap.yaml'),
      ANSWERS.replace('thema-in-agenda: ja', `thema-in-agenda: ja\n  thema-in-agenda-wijze: |\n${long}`),
    );
    const env = { ...process.env, WERKBOEK_MAP: map, HOME: path.join(tmp(), 'home'), NO_COLOR: '1' };
    const piped = spawnSync(process.execPath, [bin, 'rapport', 'gemeentelandschap'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(150_000);
    expect(piped.stdout).toContain('regel 1999 met ë, “aanhalingstekens”');
    const file = path.join(tmp(), 'rapport.md');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, [bin, 'rapport', 'gemeentelandschap'], { env, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(toFile.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    const slow = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" rapport gemeentelandschap | (sleep 0.3; cat)`], {
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(slow.stderr).toBe('');
    expect(slow.stdout).toBe(piped.stdout);
  });

  it("a pipe another program made non-blocking (the write would wait: EAGAIN): the rest goes through Node's stream, all of it arrives", async () => {
    const bin = path.join(repoRoot, 'bin', 'werkboek.js');
    const map = path.join(tmp(), 'map');
    await mkdir(map);
    const long = Array.from({ length: 3000 }, (_, i) => `    regel ${i} met ë en een lange zin om de buffer te vullen.`).join('\n');
    await writeFile(
      path.join(map, 'gemeentelandschap.yaml'),
      ANSWERS.replace('thema-in-agenda: ja', `thema-in-agenda: ja\n  thema-in-agenda-wijze: |\n${long}`),
    );
    const env = { ...process.env, WERKBOEK_MAP: map, HOME: path.join(tmp(), 'home'), NO_COLOR: '1' };
    const expected = spawnSync(process.execPath, [bin, 'rapport', 'gemeentelandschap'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    expect(expected.length).toBeGreaterThan(150_000);
    // A FIFO; nobody reads until the program has had to wait. Node makes a child's stdout blocking, so the
    // write end is made non-blocking after the spawn, as another program holding it could: a net.Socket on
    // it does (libuv sets O_NONBLOCK, and the child shares that open file).
    const fifo = path.join(tmp(), 'pijp');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const writer = openSync(fifo, fsConstants.O_WRONLY);
    const child = spawn(process.execPath, [bin, 'rapport', 'gemeentelandschap'], { env, stdio: ['ignore', writer, 'pipe'] });
    const holder = new Socket({ fd: writer, readable: false, writable: true });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    let done = false;
    void ended.then(() => (done = true));
    for (;;) {
      let n = 0;
      try {
        n = readSync(reader, buffer);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        if (done) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    closeSync(reader);
    holder.destroy();
    expect(await ended).toBe(0);
    expect(stderr).toBe('');
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });

  it('-o /dev/fd/1 (like /dev/stdout) while the shell sends stdout to a file: the report is in that file', async () => {
    const bin = path.join(repoRoot, 'bin', 'werkboek.js');
    const map = path.join(tmp(), 'map');
    await mkdir(map);
    await writeFile(path.join(map, 'gemeentelandschap.yaml'), ANSWERS);
    const env = { ...process.env, WERKBOEK_MAP: map, HOME: path.join(tmp(), 'home'), NO_COLOR: '1' };
    const piped = spawnSync(process.execPath, [bin, 'rapport', 'gemeentelandschap'], { env, encoding: 'utf8' });
    const file = path.join(tmp(), 'rapport.md');
    const fd = openSync(file, 'w');
    // /dev/fd/1 and not /dev/stdout here: should this break again, a safe save into /dev/fd/ fails, where one
    // over /dev/stdout would replace that link on the machine running the tests.
    const r = spawnSync(process.execPath, [bin, 'rapport', 'gemeentelandschap', '-o', '/dev/fd/1'], { env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
  });
});

describe('output that cannot be written', () => {
  it('a closed pipe ends quietly; a full disk gives a Dutch line and exit 5', async () => {
    const bin = path.join(repoRoot, 'bin', 'werkboek.js');
    const env = { ...process.env, WERKBOEK_MAP: path.join(tmp(), 'map'), HOME: path.join(tmp(), 'home') };
    for (const args of ['status', 'lijst', '--help', 'controleer']) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" ${args} | head -c 1 >/dev/null`], { env, encoding: 'utf8' });
      expect(r.stderr, args).toBe('');
    }
    const full = spawnSync(process.execPath, [bin, 'lijst'], { env, encoding: 'utf8', stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'] });
    expect(full.status).toBe(5);
    expect(full.stderr).toBe('werkboek: Kan de uitvoer niet wegschrijven: de schijf is vol.\n');
  });
});
