// The home menu (`werkboek` alone) as a flow through ScriptedPrompter: the
// worksheets with their state and the default, a worksheet begun, stopped
// with Ctrl+C and back in the menu, finished and the next one the default,
// a report into the dossier folder, status, the introduction, help, stop,
// Ctrl+C in the menu, and an unreadable file that does not end the menu.
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { menu, MENU_MESSAGE, type MenuOptions } from '../src/commands/menu.js';
import { InterruptedError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { answer, choose, interrupt, keep, ScriptedPrompter, type Action, type Call, type ScriptStep } from './helpers/scripted-prompter.js';
import { fakeDesktop } from './helpers/fake-desktop.js';
import { repoRoot } from './helpers/temp.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-menu-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = new Date(2026, 11, 7, 10, 30);

/** The menu in `dir`; by default on a computer without a desktop to open a report on (Linux without DISPLAY). */
function runMenu(steps: ScriptStep[], fallback?: (c: Call) => Action, options: Partial<MenuOptions> = {}) {
  const prompter = new ScriptedPrompter(steps, fallback);
  const out = memoryOutput();
  const { desktop } = fakeDesktop('linux');
  const run = menu({ map: dir, cwd: dir, out, prompter, env: {}, now: () => NOW, desktop, ...options });
  return { run, prompter, out };
}

const OPEN_MESSAGE = 'Wat wil je met het rapport doen?';
const menuStep = (name: string | RegExp): ScriptStep => ({ expect: MENU_MESSAGE, kind: 'select', do: choose(name) });
const menuCalls = (p: ScriptedPrompter) => p.calls.filter((c) => c.message === MENU_MESSAGE);
/** Werkblad 1 begun (Naam) and stopped with Ctrl+C: back in the menu. */
const BEGUN: ScriptStep[] = [menuStep(/^Werkblad 1/), { expect: 'Naam:', do: answer('Anna') }, { expect: 'Bibliotheek:', do: interrupt }];
/** Then "Rapport maken": everything, in Word. */
const BEGUN_THEN_WORD_REPORT: ScriptStep[] = [
  ...BEGUN,
  menuStep('Rapport maken'),
  { expect: 'Van welk werkblad?', do: keep },
  { expect: 'Welk formaat?', do: keep },
];

/** Answers a whole worksheet with "Nee" and "x", and finishes it in the overview. */
const everythingNee = (c: Call): Action =>
  c.message === 'Overzicht' ? choose('Werkblad afronden') : c.message.startsWith('Datum') ? keep : c.kind === 'select' ? choose('Nee') : answer('x');

describe('the home menu', () => {
  it("after a new round, a worksheet not begun again says that last round's answers are ready", async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'ronde-2026'));
    await writeFile(
      path.join(dir, 'ronde-2026', 'randvoorwaarden.yaml'),
      'werkblad: randvoorwaarden\nversie: 1\nstatus: afgerond\nbijgewerkt: 2026-06-01T10:00:00.000Z\nantwoorden:\n  naam: Anna\n',
    );
    const { run, prompter } = runMenu([menuStep('Stoppen')]);
    await run;
    const choices = menuCalls(prompter)[0]?.choices ?? [];
    expect(choices[0]?.name).toBe('Werkblad 1: Verken jouw gemeentelandschap (niet begonnen)');
    expect(choices[1]?.name).toBe('Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening (niet begonnen; je antwoorden van ronde 2026 staan klaar)');
    expect(choices[1]?.description).toBe('werkblad 2 invullen, met je antwoorden van ronde 2026 als voorstel');
  });

  it('names the folder, lists the worksheets as not begun, and Enter begins werkblad 1', async () => {
    const { run, prompter, out } = runMenu([
      { expect: MENU_MESSAGE, do: keep },
      { expect: 'Naam:', do: answer('Anna') },
      { expect: 'Bibliotheek:', do: interrupt },
      menuStep('Stoppen'),
    ]);
    await run;
    expect(out.out).toContain(`Dossier: ${dir}`);
    const [firstMenu, secondMenu] = menuCalls(prompter);
    expect(firstMenu?.default).toBe('werkblad:gemeentelandschap');
    const names = firstMenu?.choices?.map((c) => c.name) ?? [];
    expect(names.slice(0, 3)).toEqual([
      'Werkblad 1: Verken jouw gemeentelandschap (niet begonnen)',
      'Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening (niet begonnen)',
      'Werkblad 3: Plan van aanpak Profilering (niet begonnen)',
    ]);
    expect(names.slice(3)).toEqual(['Rapport maken', 'Hoe ver ben ik?', 'De inleiding', 'Hulp', 'Stoppen']);
    // Ctrl+C in the worksheet: saved as always, and back in the menu, which says how to leave.
    expect(out.out).toContain('Wat je hebt beantwoord is bewaard');
    expect(out.out).toContain('Terug in het menu: kies "Werkblad 1" om verder te gaan. Nog een keer Ctrl+C stopt werkboek.');
    // In the menu the way on is its item, not a command to type.
    expect(out.out).not.toContain('Ga verder met');
    expect(out.out).not.toContain('werkboek start');
    expect(secondMenu?.choices?.[0]?.name).toBe('Werkblad 1: Verken jouw gemeentelandschap (concept, 0 van 8 beantwoord)');
    expect(secondMenu?.default).toBe('werkblad:gemeentelandschap');
    expect(out.out).toContain('Tot de volgende keer.');
    expect(await readFile(path.join(dir, 'gemeentelandschap.yaml'), 'utf8')).toContain('naam: Anna');
  });

  it('after Ctrl+C in werkblad 2 the cursor is on "Werkblad 2", as the menu says', async () => {
    const { run, prompter, out } = runMenu([menuStep(/^Werkblad 2/), { expect: 'Naam:', do: interrupt }, menuStep('Stoppen')]);
    await run;
    expect(out.out).toContain('Terug in het menu: kies "Werkblad 2" om verder te gaan.');
    expect(menuCalls(prompter)[1]?.default).toBe('werkblad:randvoorwaarden');
  });

  it('"Hoe ver ben ik?" with --map of a folder not made yet does not tell to give --map', async () => {
    const { run, out } = runMenu([menuStep('Hoe ver ben ik?'), menuStep('Stoppen')], undefined, { map: path.join(dir, 'nieuw') });
    await run;
    expect(out.out).toContain('deze map bestaat (nog) niet');
    expect(out.out).not.toContain('Geef die dan op met --map');
  });

  it('an answers file repaired while the menu is open is read again when its worksheet is chosen', async () => {
    const file = path.join(dir, 'randvoorwaarden.yaml');
    await writeFile(file, 'werkblad: [\n');
    let menus = 0;
    const { run, prompter, out } = runMenu([], (c) => {
      if (c.message !== MENU_MESSAGE) return c.message === 'Naam:' ? answer('Anna') : interrupt;
      menus++;
      if (menus > 1) return choose('Stoppen');
      // Repaired in an editor beside the menu, which still shows it as unreadable.
      writeFileSync(file, 'werkblad: randvoorwaarden\nversie: 1\nstatus: concept\nantwoorden: {}\n');
      return choose(/^Werkblad 2/);
    });
    await run;
    expect(menuCalls(prompter)[0]?.choices?.[1]?.name).toContain('(onleesbaar bestand)');
    expect(out.out).not.toContain('kan niet gelezen worden');
    expect(prompter.calls.some((c) => c.message === 'Wat wil je doen?')).toBe(false);
    expect(await readFile(file, 'utf8')).toContain('naam: Anna');
  });

  it('after a finished worksheet comes back with the next one as the default', async () => {
    let menus = 0;
    const { run, prompter, out } = runMenu([], (c) => {
      if (c.message !== MENU_MESSAGE) return everythingNee(c);
      menus++;
      return menus === 1 ? keep : choose('Stoppen');
    });
    await run;
    // What comes next, in menu terms: its items, not commands.
    const said = prompter.printed.join('\n') + out.out;
    expect(said).toContain('Een Word-document, webpagina of e-mailconcept ervan maak je met "Rapport maken" in het menu.');
    expect(said).toContain('Het volgende werkblad is 2: Randvoorwaarden digitale inclusie dienstverlening. Kies daarvoor "Werkblad 2" in het menu.');
    expect(said).not.toContain('rapport gemeentelandschap -o');
    const [, second] = menuCalls(prompter);
    expect(second?.choices?.[0]?.name).toBe('Werkblad 1: Verken jouw gemeentelandschap (afgerond)');
    expect(second?.default).toBe('werkblad:randvoorwaarden');
  });

  it('with every worksheet finished, Enter makes a report', async () => {
    for (const id of ['gemeentelandschap', 'randvoorwaarden', 'plan-van-aanpak']) {
      await writeFile(
        path.join(dir, `${id}.yaml`),
        `werkblad: ${id}\nversie: 1\nstatus: afgerond\naangemaakt: 2026-11-20T09:00:00.000Z\nbijgewerkt: 2026-11-20T09:00:00.000Z\nprogramma: werkboek 0.1.0\nantwoorden: {}\n`,
      );
    }
    const { run, prompter } = runMenu([menuStep('Stoppen')]);
    await run;
    expect(menuCalls(prompter)[0]?.default).toBe('rapport');
  });

  it('makes a report of everything, as HTML, in the dossier folder, and says where', async () => {
    const { run, prompter, out } = runMenu([
      ...BEGUN,
      menuStep('Rapport maken'),
      { expect: 'Van welk werkblad?', do: keep },
      { expect: 'Welk formaat?', do: choose(/^Webpagina/) },
      menuStep('Rapport maken'),
      { expect: 'Van welk werkblad?', do: choose(/^Werkblad 1/) },
      { expect: 'Welk formaat?', do: choose(/^Tekst met opmaaktekens \(\.md\)/) },
      menuStep('Rapport maken'),
      { expect: 'Van welk werkblad?', do: keep },
      { expect: 'Welk formaat?', do: keep },
      menuStep('Rapport maken'),
      { expect: 'Van welk werkblad?', do: keep },
      { expect: 'Welk formaat?', do: keep },
      menuStep('Stoppen'),
    ]);
    await run;
    const which = prompter.calls.find((c) => c.message === 'Van welk werkblad?');
    // Only what has answers: everything, and werkblad 1.
    expect(which?.choices?.map((c) => c.value)).toEqual(['alles', 'gemeentelandschap']);
    const html = path.join(dir, 'rapport-alles-2026-12-07.html');
    const md = path.join(dir, 'rapport-gemeentelandschap-2026-12-07.md');
    expect(await readFile(html, 'utf8')).toContain('<html');
    expect(await readFile(md, 'utf8')).toContain('Anna');
    // No desktop to open it on: the full path, and how to open it.
    // Said once, with the full path.
    expect(out.out).toContain(`\nRapport geschreven naar ${html}\nDubbelklik erop`);
    expect(out.out).toContain(`\nRapport geschreven naar ${md}\nHet opent in elke teksteditor`);
    expect(out.out).not.toContain('Het staat in de map van je dossier');
    expect(out.out.split('rapport-alles-2026-12-07.html')).toHaveLength(2);
    expect(prompter.calls.filter((c) => c.message === OPEN_MESSAGE)).toEqual([]);
    // Word is the first choice; a second report of the same day gets a name of its own, never over the first.
    const format = prompter.calls.find((c) => c.message === 'Welk formaat?');
    expect(format?.choices?.map((c) => c.value)).toEqual(['docx', 'html', 'eml', 'md']);
    expect(out.out).toContain(`Rapport geschreven naar ${path.join(dir, 'rapport-alles-2026-12-07.docx')}\n`);
    expect(out.out).toContain(`Rapport geschreven naar ${path.join(dir, 'rapport-alles-2026-12-07-2.docx')}\n`);
    expect((await readFile(path.join(dir, 'rapport-alles-2026-12-07.docx'))).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    ['win32', {}, 'Openen', 'explorer.exe', (file: string) => [file]],
    ['darwin', {}, 'De map tonen', 'open', (file: string) => ['-R', file]],
    ['linux', { DISPLAY: ':0' }, 'Openen', 'xdg-open', (file: string) => [file]],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, 'De map tonen', 'xdg-open', (file: string) => [path.dirname(file)]],
  ] as const)('on %s %o, "%s" after a report starts %s, detached, and the menu goes on', async (platform, env, choice, command, args) => {
    const { desktop, calls } = fakeDesktop(platform, { env });
    const { run, out, prompter } = runMenu([...BEGUN_THEN_WORD_REPORT, { expect: OPEN_MESSAGE, do: choose(choice) }, menuStep('Stoppen')], undefined, {
      desktop,
    });
    await run;
    const file = path.join(dir, 'rapport-alles-2026-12-07.docx');
    const offer = prompter.calls.find((c) => c.message === OPEN_MESSAGE);
    expect(offer?.choices?.map((c) => c.name)).toEqual(['Openen', 'De map tonen', 'Terug naar het menu']);
    expect(offer?.default).toBe('file');
    expect(calls).toEqual([{ command, args: args(file), options: { detached: true, stdio: 'ignore', shell: false }, unref: true }]);
    expect(out.out).toMatch(choice === 'Openen' ? /Het rapport wordt geopend; dat kan even duren\.\n/ : /De map wordt getoond in (Finder|bestandsbeheer)\.\n/);
    expect(prompter.remaining).toBe(0);
  });

  it('a report that cannot be opened: a Dutch line with where it is; "Terug naar het menu" opens nothing', async () => {
    const { desktop, calls } = fakeDesktop('linux', { env: { DISPLAY: ':0' }, error: Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' }) });
    const { run, out } = runMenu(
      [
        ...BEGUN,
        menuStep('Rapport maken'),
        { expect: 'Van welk werkblad?', do: keep },
        { expect: 'Welk formaat?', do: choose(/^Webpagina/) },
        { expect: OPEN_MESSAGE, do: keep },
        menuStep('Rapport maken'),
        { expect: 'Van welk werkblad?', do: keep },
        { expect: 'Welk formaat?', do: choose(/^Webpagina/) },
        { expect: OPEN_MESSAGE, do: choose('Terug naar het menu') },
        menuStep('Stoppen'),
      ],
      undefined,
      { desktop },
    );
    await run;
    expect(out.out).toContain(
      `Openen lukte niet (het programma xdg-open is niet gevonden). Het rapport staat in ${path.join(dir, 'rapport-alles-2026-12-07.html')}\n`,
    );
    expect(calls).toHaveLength(1);
  });

  it('in the plain mode a report is not offered to open: its full path is said', async () => {
    const { desktop, calls } = fakeDesktop('win32');
    const { run, out, prompter } = runMenu([...BEGUN_THEN_WORD_REPORT, menuStep('Stoppen')], undefined, { desktop, plain: true });
    await run;
    expect(out.out).toContain(`Rapport geschreven naar ${path.join(dir, 'rapport-alles-2026-12-07.docx')}\nDubbelklik erop`);
    expect(prompter.calls.filter((c) => c.message === OPEN_MESSAGE)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('a report with nothing begun says so; Ctrl+C in its questions goes back to the menu', async () => {
    const { run, out, prompter } = runMenu([
      menuStep('Rapport maken'),
      ...BEGUN,
      menuStep('Rapport maken'),
      { expect: 'Van welk werkblad?', do: interrupt },
      menuStep('Stoppen'),
    ]);
    await run;
    expect(out.out).toContain('Er is nog geen werkblad begonnen, dus er is nog niets voor een rapport. Kies eerst "Werkblad 1" in het menu.');
    expect(prompter.remaining).toBe(0);
    expect((await readdir(dir)).filter((f) => f.startsWith('rapport-'))).toEqual([]);
  });

  it('shows status, the introduction and the help, each followed by the menu', async () => {
    const { run, out } = runMenu([menuStep('Hoe ver ben ik?'), menuStep('De inleiding'), menuStep('Hulp'), menuStep('Stoppen')]);
    await run;
    expect(out.out).toContain('1. Verken jouw gemeentelandschap (gemeentelandschap)');
    expect(out.out).toContain('Positionering');
    // The introduction ends with the next step, as a choice of the menu (not a command).
    expect(out.out.replace(/\s+/g, ' ')).toContain('Aan de slag met werkblad 1 (Verken jouw gemeentelandschap): kies "Werkblad 1" in het menu.');
    expect(out.out).toContain('Ctrl+C hier stopt werkboek');
  });

  it('"Hulp" explains the menu in Dutch and says where the handleiding is, not the command reference', async () => {
    const { run, out } = runMenu([menuStep('Hulp'), menuStep('Stoppen')]);
    await run;
    const help = out.out.slice(out.out.indexOf('Zo werkt dit menu:'), out.out.lastIndexOf('Dossier:'));
    expect(help).toContain('- Kies met de pijltjes en Enter.');
    expect(help).toContain('- Rapport maken:');
    expect(help).toContain(`staat in de handleiding: ${path.join(repoRoot, 'docs', 'handleiding.md')}\n`);
    expect(existsSync(path.join(repoRoot, 'docs', 'handleiding.md'))).toBe(true);
    expect(help).toContain('Werk je liever met opdrachten? Die staan in: werkboek --help\n');
    // Not the command line's help: no usage, no options, no English aliases.
    for (const reference of ['Gebruik:', 'Opties:', 'Opdrachten:', 'report', 'compare', '--uitvoer']) expect(help).not.toContain(reference);
    const plain = runMenu([menuStep('Hulp'), menuStep('Stoppen')], undefined, { plain: true });
    await plain.run;
    expect(plain.out.out).toContain('- Typ het nummer van wat je wilt doen en druk op Enter.');
    expect(plain.out.out).toContain('Met :stop ga je vanuit een werkblad terug naar dit menu');
  });

  it('Ctrl+C in the menu leaves with the Ctrl+C exit code', async () => {
    const { run, out } = runMenu([{ expect: MENU_MESSAGE, do: interrupt }]);
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).exitCode).toBe(130);
    expect(out.out).toContain('Tot de volgende keer.');
    expect(existsSync(path.join(dir, 'gemeentelandschap.yaml'))).toBe(false);
  });

  it('an unreadable answers file is shown as such; choosing it says what is wrong, where, and what to choose; the menu stays', async () => {
    await writeFile(path.join(dir, 'randvoorwaarden.yaml'), 'werkblad: [\n');
    const { run, prompter, out } = runMenu([menuStep(/^Werkblad 2/), { expect: 'Wat wil je doen?', kind: 'select', do: keep }, menuStep('Stoppen')]);
    await run;
    expect(menuCalls(prompter)[0]?.choices?.[1]?.name).toBe('Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening (onleesbaar bestand)');
    expect(menuCalls(prompter)[0]?.choices?.[1]?.description).toContain('kan niet gelezen worden');
    expect(out.out).toContain('Het antwoordbestand van werkblad 2 (Randvoorwaarden digitale inclusie dienstverlening) kan niet gelezen worden:');
    expect(out.out).toContain(`${path.join(dir, 'randvoorwaarden.yaml')}:`);
    expect(out.out).toContain('kies daarna opnieuw "Werkblad 2" in het menu.');
    // Menu terms, not the command line's fixes.
    expect(out.out).not.toContain('--opnieuw');
    const choices = prompter.calls.find((c) => c.message === 'Wat wil je doen?')?.choices?.map((c) => c.value);
    expect(choices).toEqual(['terug', 'opnieuw']);
    expect(menuCalls(prompter)).toHaveLength(2);
    expect(await readFile(path.join(dir, 'randvoorwaarden.yaml'), 'utf8')).toBe('werkblad: [\n');
  });

  it('an unreadable answers file can be started over from the menu; the old file is kept as a backup', async () => {
    await writeFile(path.join(dir, 'gemeentelandschap.yaml'), 'werkblad: [\n');
    const { run } = runMenu([
      menuStep(/^Werkblad 1/),
      { expect: 'Wat wil je doen?', kind: 'select', do: choose(/opnieuw beginnen/) },
      { expect: 'Naam:', do: answer('Anna') },
      { expect: 'Bibliotheek:', do: interrupt },
      menuStep('Stoppen'),
    ]);
    await run;
    expect(await readFile(path.join(dir, 'gemeentelandschap.yaml'), 'utf8')).toContain('naam: Anna');
    const backups = (await readdir(dir)).filter((f) => f.endsWith('.bak.yaml'));
    expect(backups).toHaveLength(1);
    expect(await readFile(path.join(dir, backups[0] ?? ''), 'utf8')).toBe('werkblad: [\n');
  });

  it('"Rapport maken" with an unreadable finished worksheet says that its file cannot be read, not that nothing was begun', async () => {
    await writeFile(path.join(dir, 'gemeentelandschap.yaml'), 'werkblad: gemeentelandschap\nstatus: afgerond\nantwoorden:\n  naam: "Anna\n');
    const { run, out } = runMenu([menuStep('Rapport maken'), menuStep('De inleiding'), menuStep('Stoppen')]);
    await run;
    expect(out.out).not.toContain('Er is nog geen werkblad begonnen');
    expect(out.out).toContain(
      'Het antwoordbestand van werkblad 1 kan niet gelezen worden, dus dat werkblad kan niet in een rapport. Kies "Werkblad 1" in het menu: daar zie je wat er mis is en hoe je het herstelt.',
    );
    // The introduction's next step, in menu terms too.
    expect(out.out.replace(/\s+/g, ' ')).toContain('Kies "Werkblad 1" in het menu: daar zie je wat er mis is');
    expect(out.out).not.toContain('werkboek status');
  });

  it('with one worksheet unreadable and another begun, "Alles in één rapport" is not offered', async () => {
    await writeFile(path.join(dir, 'randvoorwaarden.yaml'), 'werkblad: [\n');
    const { run, prompter } = runMenu([...BEGUN, menuStep('Rapport maken'), { expect: 'Van welk werkblad?', do: interrupt }, menuStep('Stoppen')]);
    await run;
    expect(prompter.calls.find((c) => c.message === 'Van welk werkblad?')?.choices?.map((c) => c.value)).toEqual(['gemeentelandschap']);
  });
});
