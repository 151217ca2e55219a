// The start command around the runner: terminal check, resume, start over,
// finished worksheets, broken files, the lock.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { start } from '../src/commands/start/index.js';
import { ExitCode, FileIssuesError, InterruptedError, WerkboekError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { ConflictError } from '../src/dossier/answers-file.js';
import { plainStyle } from '../src/runner/session.js';
import { status } from '../src/commands/status.js';
import {
  answer,
  back,
  choose,
  interrupt,
  interruptTyping,
  keep,
  ScriptedPrompter,
  type Call,
  type Action,
  type ScriptStep,
} from './helpers/scripted-prompter.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function startWith(steps: ScriptStep[], opts: { restart?: boolean; fallback?: (c: Call) => Action; worksheet?: string } = {}) {
  const prompter = new ScriptedPrompter(steps, opts.fallback);
  const out = memoryOutput();
  const run = start({
    worksheet: opts.worksheet ?? 'gemeentelandschap',
    map: dir,
    restart: opts.restart === true,
    cwd: dir,
    out,
    prompter,
    interactive: true,
    style: plainStyle,
  });
  return { run, prompter, out };
}

const file = () => path.join(dir, 'gemeentelandschap.yaml');
const firstThree: ScriptStep[] = [
  { expect: 'Naam:', do: answer('An') },
  { expect: 'Bibliotheek:', do: answer('Bieb') },
  { expect: 'Datum', do: keep },
];
const everythingNee = (c: Call): Action =>
  c.message === 'Overzicht' ? choose('Werkblad afronden') : c.message.startsWith('Datum') ? keep : c.kind === 'select' ? choose('Nee') : answer('x');

describe('start', () => {
  it('refuses without a terminal, with exit code 2 and nothing written', async () => {
    const err = await start({ worksheet: 'gemeentelandschap', map: dir, restart: false, cwd: dir, out: memoryOutput(), interactive: false }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WerkboekError);
    expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
    expect((err as WerkboekError).message).toContain('terminal');
    expect((err as WerkboekError).hint).toContain('werkboek importeer antwoorden.yaml');
    expect(await readdir(dir)).toEqual([]);
  });

  it('offers Naam and Bibliotheek from another worksheet of the dossier (Enter keeps them), not the date', async () => {
    await writeFile(
      file(),
      'werkblad: gemeentelandschap\nversie: 1\nstatus: concept\naangemaakt: 2026-11-20T09:00:00.000Z\nbijgewerkt: 2026-11-20T09:00:00.000Z\nprogramma: werkboek 0.1.0\nantwoorden:\n  naam: Sanne de Vries\n  bibliotheek: Bibliotheek Oost\n',
    );
    const second = startWith([], {
      worksheet: 'randvoorwaarden',
      fallback: (c) => (c.message === 'Naam:' || c.message === 'Bibliotheek:' || c.message.startsWith('Datum') ? keep : interrupt),
    });
    await expect(second.run).rejects.toBeInstanceOf(InterruptedError);
    const naam = second.prompter.calls.find((c) => c.message === 'Naam:');
    expect(naam?.header).toContain('Antwoord uit werkblad 1: het staat klaar.');
    expect(second.prompter.calls.find((c) => c.message.startsWith('Datum'))?.header ?? '').not.toContain('Antwoord uit');
    const saved = parse(await readFile(path.join(dir, 'randvoorwaarden.yaml'), 'utf8'));
    expect(saved.antwoorden).toMatchObject({ naam: 'Sanne de Vries', bibliotheek: 'Bibliotheek Oost' });
  });

  it('suggests the nearest worksheet for a typo', async () => {
    const err = await start({ worksheet: 'randvoorwaarde', map: dir, restart: false, cwd: dir, out: memoryOutput(), interactive: true }).catch(
      (e: unknown) => e,
    );
    expect((err as WerkboekError).message).toBe('Onbekend werkblad "randvoorwaarde". Bedoel je "randvoorwaarden"?');
    expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
  });

  it('stops on Ctrl+C with everything saved, then resumes at the first open question', async () => {
    const first = startWith([...firstThree, { expect: 'Komt het thema', do: choose('Ja') }, { expect: 'Noteer', do: interrupt }]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    expect(first.out.out).toContain('Gestopt. Wat je hebt beantwoord is bewaard in');
    // The dossier came from --map: the suggestion repeats it, or it would open another folder.
    expect(first.out.out).toContain(`Ga verder met:\n  werkboek start gemeentelandschap --map ${dir}\n`);

    const second = startWith([
      { expect: 'Wat wil je doen?', do: choose('Verdergaan bij vraag 2') },
      { expect: 'Noteer op welke wijze.', do: interrupt },
    ]);
    await expect(second.run).rejects.toMatchObject({ exitCode: 130 });
    expect(second.prompter.printed.join('\n')).toMatch(/Je was al begonnen: 1 van 9 vragen beantwoord, laatst bijgewerkt \d\d-\d\d-\d{4} \d\d:\d\d\./);
    // The lock is released after each run.
    expect((await readdir(dir)).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('offers to continue when only the meta fields were filled in, and names the field it continues at', async () => {
    const first = startWith([...firstThree.slice(0, 2), { expect: 'Datum', do: interrupt }]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    const second = startWith([
      { expect: 'Wat wil je doen?', do: choose('Verdergaan bij Datum') },
      { expect: 'Datum', do: interrupt },
    ]);
    await expect(second.run).rejects.toMatchObject({ exitCode: 130 });
    // Naam/Bibliotheek/Datum are no questions of the workbook: 0 of its 8 questions answered
    expect(second.prompter.printed.join('\n')).toMatch(/Je was al begonnen: 0 van 8 vragen beantwoord \(wel de gegevens: 2 van 3\), laatst bijgewerkt \d/);
  });

  it('resumes at the question with a draft, says it is not confirmed, and status shows it', async () => {
    const first = startWith([
      ...firstThree,
      { expect: 'Komt het thema', do: choose('Ja') },
      { expect: 'Noteer', do: answer('Coalitieakkoord') },
      { expect: 'aanspreekpunt', do: back },
      { expect: 'Noteer', do: interruptTyping('Coalitieakkoord en motie') },
    ]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    expect(first.out.out).toContain('Gestopt. Wat je hebt beantwoord is bewaard in');

    const out = memoryOutput();
    await status({ map: dir, cwd: dir, out });
    expect(out.out).toContain('concept (2 van 9 beantwoord)');
    expect(out.out).toContain('1 onbevestigd antwoord');

    // The first open question is 3, but the user stopped typing at 2.
    const second = startWith([
      { expect: 'Wat wil je doen?', do: choose('Verdergaan bij vraag 2') },
      { expect: 'Noteer op welke wijze.', do: keep },
      { expect: 'aanspreekpunt', do: interrupt },
    ]);
    await expect(second.run).rejects.toMatchObject({ exitCode: 130 });
    expect(second.prompter.printed.join('\n')).toContain('Je was al begonnen: 2 van 9 vragen beantwoord (en 1 onbevestigd antwoord)');
    expect(second.prompter.calls[1]?.default).toBe('Coalitieakkoord en motie');
    const saved = parse(await readFile(file(), 'utf8')) as Record<string, unknown> & { antwoorden: Record<string, unknown> };
    expect(saved.antwoorden['thema-in-agenda-wijze']).toBe('Coalitieakkoord en motie');
    expect(saved).not.toHaveProperty('concepten');
  });

  it('Ctrl+C at the first question with text typed: kept as a draft, and the message says so', async () => {
    const run = startWith([{ expect: 'Naam:', do: interruptTyping('Anna de') }]);
    await expect(run.run).rejects.toMatchObject({ exitCode: 130 });
    expect(run.out.out).toContain('Gestopt. Wat je aan het typen was, is als onbevestigd antwoord bewaard in');
    expect(run.out.out).not.toContain('niets opgeslagen');
    const again = startWith([{ expect: 'Naam:', do: interrupt }]);
    await expect(again.run).rejects.toMatchObject({ exitCode: 130 });
    expect(again.prompter.calls[0]?.default).toBe('Anna de');
  });

  it('a report shows neither a draft nor the earlier answer under a "weet ik niet"', async () => {
    await writeFile(
      file(),
      [
        'werkblad: gemeentelandschap',
        'versie: 1',
        'status: concept',
        'antwoorden:',
        '  naam: An',
        '  thema-in-agenda: nee',
        '  aanspreekpunt:',
        '    weet_ik_niet: true',
        '    eerder: Oud antwoord dat niet meer geldt',
        'concepten:',
        '  relatie-gemeente: Half getypte zin',
        '',
      ].join('\n'),
    );
    const { report } = await import('../src/commands/rapport.js');
    const out = memoryOutput();
    await report({ worksheet: 'gemeentelandschap', format: 'md', map: dir, cwd: dir, out });
    expect(out.out).not.toContain('Half getypte zin');
    expect(out.out).not.toContain('Oud antwoord');
    const points = out.out.slice(out.out.indexOf('Ontwikkelpunten'));
    expect(points).toContain('Wie is binnen jullie gemeente(s) het aanspreekpunt');
    expect(points).toContain('Wat is de huidige relatie met de gemeente');
  });

  it('starting over keeps the old file as a backup', async () => {
    const first = startWith([...firstThree, { expect: 'Komt het thema', do: interrupt }]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    const before = await readFile(file(), 'utf8');
    const again = startWith([
      { expect: 'Wat wil je doen?', do: choose('Opnieuw beginnen') },
      { expect: 'Weet je het zeker?', do: choose('Ja, opnieuw beginnen') },
      { expect: 'Naam:', do: answer('Nieuw') },
      { expect: 'Bibliotheek', do: interrupt },
    ]);
    await expect(again.run).rejects.toMatchObject({ exitCode: 130 });
    const backups = (await readdir(dir)).filter((f) => f.endsWith('.bak.yaml'));
    expect(backups).toHaveLength(1);
    expect(await readFile(path.join(dir, backups[0] ?? ''), 'utf8')).toBe(before);
    expect((parse(await readFile(file(), 'utf8')) as { antwoorden: unknown }).antwoorden).toEqual({ naam: 'Nieuw' });
    // Where the old answers are, and how to get them back.
    const printed = again.prompter.printed.join('\n');
    expect(printed).toContain(`Het oude bestand is bewaard als ${path.join(dir, backups[0] ?? '')}`);
    expect(printed).toContain('Wil je toch terug? Stop dan (Ctrl+C), verwijder het nieuwe, lege gemeentelandschap.yaml en geef de reservekopie weer die naam.');
  });

  it('"Opnieuw beginnen" asks once more, and "Nee" (the first choice) keeps the answers', async () => {
    const first = startWith([...firstThree, { expect: 'Komt het thema', do: interrupt }]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    const before = await readFile(file(), 'utf8');
    const again = startWith([
      { expect: 'Wat wil je doen?', do: choose('Opnieuw beginnen') },
      { expect: 'Weet je het zeker?', do: keep },
      { expect: 'Komt het thema', do: interrupt },
    ]);
    await expect(again.run).rejects.toMatchObject({ exitCode: 130 });
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((f) => f.endsWith('.bak.yaml'))).toEqual([]);
  });

  it('Ctrl+C before any answer says that nothing was saved', async () => {
    const run = startWith([{ expect: 'Naam:', do: interrupt }]);
    await expect(run.run).rejects.toMatchObject({ exitCode: 130 });
    expect(run.out.out).toContain('Je had nog niets beantwoord, dus er is niets opgeslagen.');
    expect(run.out.out).not.toContain('bewaard in');
    expect(run.out.out).toContain(`Begin later met:\n  werkboek start gemeentelandschap --map ${dir}`);
  });

  it('starting over takes effect at once: stopping before the first answer leaves a fresh file and one backup', async () => {
    const first = startWith([...firstThree, { expect: 'Komt het thema', do: interrupt }]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    const again = startWith([
      { expect: 'Wat wil je doen?', do: choose('Opnieuw beginnen') },
      { expect: 'Weet je het zeker?', do: choose('Ja, opnieuw beginnen') },
      { expect: 'Naam:', do: interrupt },
    ]);
    await expect(again.run).rejects.toMatchObject({ exitCode: 130 });
    expect((parse(await readFile(file(), 'utf8')) as { antwoorden: unknown }).antwoorden).toEqual({});
    // Again with --opnieuw, and once more: the empty file is not backed up again.
    for (let i = 0; i < 2; i++) {
      const flag = startWith([{ expect: 'Naam:', do: interrupt }], { restart: true });
      await expect(flag.run).rejects.toMatchObject({ exitCode: 130 });
    }
    const third = startWith([{ expect: 'Naam:', do: interrupt }]);
    await expect(third.run).rejects.toMatchObject({ exitCode: 130 });
    expect(third.prompter.calls.map((c) => c.message)).toEqual(['Naam:']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.bak.yaml'))).toHaveLength(1);
  });

  it('the hint of a broken file names a command that works: start <werkblad> --opnieuw keeps it as a backup', async () => {
    const broken = 'werkblad: gemeentelandschap\nversie: 1\nantwoorden:\n  naam: "niet afgesloten\n';
    await writeFile(file(), broken);
    const err = (await startWith([]).run.catch((e: unknown) => e)) as FileIssuesError;
    expect(err.hint).toContain(`werkboek start gemeentelandschap --opnieuw --map ${dir}`);
    const run = startWith(
      [
        { expect: 'Naam:', do: answer('An') },
        { expect: 'Bibliotheek', do: interrupt },
      ],
      { restart: true },
    );
    await expect(run.run).rejects.toMatchObject({ exitCode: 130 });
    expect(run.prompter.printed.join('\n')).toMatch(/Het onleesbare bestand is bewaard als .*\.bak\.yaml/);
    const backups = (await readdir(dir)).filter((f) => f.endsWith('.bak.yaml'));
    expect(backups).toHaveLength(1);
    expect(await readFile(path.join(dir, backups[0] ?? ''), 'utf8')).toBe(broken);
    expect((parse(await readFile(file(), 'utf8')) as { antwoorden: unknown }).antwoorden).toEqual({ naam: 'An' });
  });

  it('a hand edit of the same answer during a session stops it (exit 5) without overwriting the edit', async () => {
    const first = startWith([...firstThree, { expect: 'Komt het thema', do: interrupt }]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    let edited = '';
    const second = startWith([], {
      fallback: (c) => {
        if (c.message === 'Wat wil je doen?') return choose('Overzicht bekijken');
        if (c.message === 'Overzicht') return choose(/Naam/);
        if (c.message === 'Naam:') {
          // Someone fixes the name by hand while this question is on screen.
          edited = readFileSync(file(), 'utf8').replace('naam: An', 'naam: Anna');
          writeFileSync(file(), edited);
          return answer('Annemarie');
        }
        return interrupt;
      },
    });
    const err = await second.run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).exitCode).toBe(ExitCode.writeFailed);
    expect(await readFile(file(), 'utf8')).toBe(edited);
    expect(await readFile((err as ConflictError).rescue!, 'utf8')).toContain('naam: Annemarie');
    expect((await readdir(dir)).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it("the first start in a dossier shows the workbook's introduction (short), later starts do not", async () => {
    const first = startWith([{ expect: 'Naam:', do: interrupt }]);
    await expect(first.run).rejects.toMatchObject({ exitCode: 130 });
    const shown = first.prompter.printed.join('\n');
    expect(shown).toContain('Introductie');
    expect(shown).toContain('Gemeentes zijn vanaf begin 2023 verantwoordelijk voor de instandhouding');
    expect(shown).toContain('1. Kennisvergroting en het in kaart brengen van het eigen gemeentelandschap');
    expect(shown).toContain('3. Een plan van aanpak voor het profileren van het IDO bij gemeente(s) opstellen');
    expect(shown).toContain('lees je met:\n  werkboek inleiding');
    // then the worksheet's title again, right before its own intro
    expect(shown).toContain('werkboek inleiding\n\nWerkblad 1: Verken jouw gemeentelandschap\n\nVoordat je kunt starten');
    // the introduction comes before the worksheet's own intro
    expect(shown.indexOf('Gemeentes zijn vanaf')).toBeLessThan(shown.indexOf('Voordat je kunt starten met profileren'));

    // another worksheet in a dossier that has an answers file: no introduction
    await writeFile(file(), 'werkblad: gemeentelandschap\nversie: 1\nstatus: concept\nantwoorden:\n  naam: An\n');
    const second = startWith([{ expect: 'Naam:', do: interrupt }], { worksheet: 'plan-van-aanpak' });
    await expect(second.run).rejects.toMatchObject({ exitCode: 130 });
    expect(second.prompter.printed.join('\n')).not.toContain('Gemeentes zijn vanaf begin 2023');
    expect(second.prompter.printed.join('\n')).toContain('Maak een plan van aanpak');
  });

  it('finishing the last worksheet (plan-van-aanpak) shows the workbook\'s closing "Meer informatie?"', async () => {
    const plan = startWith([], { fallback: everythingNee, worksheet: 'plan-van-aanpak' });
    await plan.run;
    const shown = plan.prompter.printed.join('\n').replace(/[ \n]+/g, ' ');
    expect(shown).toContain('Werkblad 3 is afgerond.');
    expect(shown).toContain('Meer informatie?');
    expect(shown).toContain('Dit werkboek is gemaakt voor bibliotheken door de adviseurs van Probiblio');
    expect(shown).toContain('Laat het ons weten: basisvaardigheden@probiblio.nl');
    expect(shown.indexOf('Werkblad 3 is afgerond.')).toBeLessThan(shown.indexOf('Meer informatie?'));

    // another worksheet finished: no closing
    const first = startWith([], { fallback: everythingNee });
    await first.run;
    expect(first.prompter.printed.join('\n')).toContain('Werkblad 1 is afgerond.');
    expect(first.prompter.printed.join('\n')).not.toContain('Meer informatie?');
    // ...but the way on: the next worksheet not finished (after worksheet 3: worksheet 1, not finished in that dossier).
    expect(first.prompter.printed.join('\n')).toMatch(
      /Het volgende werkblad is 2: Randvoorwaarden digitale inclusie dienstverlening\. Begin eraan met:\n {2}werkboek start randvoorwaarden/,
    );
    expect(shown).toContain('Werkblad 1 (Verken jouw gemeentelandschap) is nog niet afgerond. Ga daarmee verder met: werkboek start gemeentelandschap');
    // A report suggestion that makes a file, not Markdown on the screen.
    expect(first.prompter.printed.join('\n')).toContain(`werkboek rapport gemeentelandschap -o gemeentelandschap.docx --map ${dir}`);
  });

  describe('after a write error', () => {
    const data = () => `${dir}-gebruikersdata`; // beside the dossier, which turns into a file
    const saved = process.env.XDG_DATA_HOME;
    beforeEach(() => {
      process.env.XDG_DATA_HOME = data(); // never the real per-user folder
    });
    afterEach(() => {
      rmSync(data(), { recursive: true, force: true });
      if (saved === undefined) delete process.env.XDG_DATA_HOME;
      else process.env.XDG_DATA_HOME = saved;
    });

    /** The dossier folder turns into a file while "Bibliotheek:" is asked: every save fails from then on. */
    function breakFolderAt(label: string, then: (c: Call) => Action): (c: Call) => Action {
      let broken = false;
      return (c) => {
        if (!broken && c.message === label) {
          broken = true;
          renameSync(dir, `${dir}-weg`);
          writeFileSync(dir, 'geen map meer');
          return answer('Bieb');
        }
        return then(c);
      };
    }

    it('"Stoppen": says where the unsaved answers are (a rescue file in the data folder) and exits 5', async () => {
      const run = startWith([{ expect: 'Naam:', do: answer('An') }], {
        fallback: breakFolderAt('Bibliotheek:', (c) => (c.message === 'Wat wil je doen?' ? choose('Stoppen') : interrupt)),
      });
      const err = (await run.run.catch((e: unknown) => e)) as WerkboekError;
      expect(err.exitCode).toBe(ExitCode.writeFailed);
      expect(run.out.out).not.toContain('is bewaard');
      const rescue = /Ze staan veilig in (\S+\.yaml)\./.exec(err.message)?.[1];
      expect(rescue, err.message).toBeDefined();
      expect(rescue!.startsWith(path.join(data(), 'werkboek', 'gered')), rescue).toBe(true);
      const kept = parse(readFileSync(rescue!, 'utf8')) as { antwoorden: unknown };
      expect(kept.antwoorden).toEqual({ naam: 'An', bibliotheek: 'Bieb' });
      rmSync(dir, { force: true });
      renameSync(`${dir}-weg`, dir);
    });

    it('"Doorgaan" and then "Later verder": no false "bewaard", the answers rescued, exit 5', async () => {
      const run = startWith([{ expect: 'Naam:', do: answer('An') }], {
        fallback: breakFolderAt('Bibliotheek:', (c) =>
          c.message === 'Wat wil je doen?' ? choose('Doorgaan') : c.message.startsWith('Datum') ? interrupt : interrupt,
        ),
      });
      const err = (await run.run.catch((e: unknown) => e)) as WerkboekError;
      expect(err.exitCode).toBe(ExitCode.writeFailed);
      expect(run.prompter.printed.join('\n')).not.toContain('Je antwoorden zijn bewaard');
      expect(err.message).toMatch(/Ze staan veilig in .*gered/);
      rmSync(dir, { force: true });
      renameSync(`${dir}-weg`, dir);
    });

    it('"Opslaan in een andere map" refuses a folder that holds an answers file, and locks the new one', async () => {
      const other = `${dir}-andere-bieb`;
      mkdirSync(other);
      const theirs = 'werkblad: gemeentelandschap\nversie: 1\nstatus: afgerond\nantwoorden:\n  naam: Piet\n';
      writeFileSync(path.join(other, 'gemeentelandschap.yaml'), theirs);
      const fresh = `${dir}-nieuw`;
      let asked = 0;
      let lockedThere = false;
      const run = startWith([{ expect: 'Naam:', do: answer('An') }], {
        fallback: breakFolderAt('Bibliotheek:', (c) => {
          if (c.message === 'Wat wil je doen?') return choose('Opslaan in een andere map');
          if (c.message === 'Map om in op te slaan:') return answer(asked++ === 0 ? other : fresh);
          if (c.message.startsWith('Datum')) {
            lockedThere = existsSync(path.join(fresh, 'gemeentelandschap.yaml.lock'));
            return interrupt;
          }
          return interrupt;
        }),
      });
      await expect(run.run).rejects.toMatchObject({ exitCode: 130 });
      expect(run.prompter.printed.join('\n')).toContain('In die map staat al een antwoordbestand');
      expect(readFileSync(path.join(other, 'gemeentelandschap.yaml'), 'utf8')).toBe(theirs);
      expect(lockedThere).toBe(true);
      expect((parse(readFileSync(path.join(fresh, 'gemeentelandschap.yaml'), 'utf8')) as { antwoorden: unknown }).antwoorden).toEqual({
        naam: 'An',
        bibliotheek: 'Bieb',
      });
      expect(existsSync(path.join(fresh, 'gemeentelandschap.yaml.lock'))).toBe(false);
      for (const d of [other, fresh]) rmSync(d, { recursive: true, force: true });
      rmSync(dir, { force: true });
      renameSync(`${dir}-weg`, dir);
    });
  });

  it('a finished worksheet opens the review instead of starting over', async () => {
    const done = startWith([], { fallback: everythingNee });
    await done.run;
    expect(done.prompter.printed.join('\n')).toContain('Werkblad 1 is afgerond.');
    const again = startWith([{ expect: 'Overzicht', do: choose('Klaar (werkblad blijft afgerond)') }]);
    await again.run;
    expect(again.prompter.calls).toHaveLength(1);
    expect((parse(await readFile(file(), 'utf8')) as { status: string }).status).toBe('afgerond');
  });

  it('a broken answers file is reported with line and column and left untouched', async () => {
    const broken = 'werkblad: gemeentelandschap\nversie: 1\nantwoorden:\n  naam: "niet afgesloten\n';
    await writeFile(file(), broken);
    const err = await startWith([]).run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileIssuesError);
    expect((err as FileIssuesError).exitCode).toBe(ExitCode.badFile);
    expect((err as FileIssuesError).message).toMatch(/gemeentelandschap\.yaml:\d+:\d+: /);
    expect((err as FileIssuesError).hint).toContain('niet gewijzigd');
    expect(await readFile(file(), 'utf8')).toBe(broken);
    expect(await readdir(dir)).toEqual(['gemeentelandschap.yaml']);
  });

  it('a second start of the same worksheet while one runs is refused', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    // The first start holds the lock once it asks its first question.
    let asking!: () => void;
    const asked = new Promise<void>((resolve) => (asking = resolve));
    const prompter = new ScriptedPrompter([]);
    prompter.input = async () => {
      asking();
      await blocked;
      throw new (await import('../src/support/errors.js')).InterruptedError();
    };
    const first = start({
      worksheet: 'gemeentelandschap',
      map: dir,
      restart: false,
      cwd: dir,
      out: memoryOutput(),
      prompter,
      interactive: true,
      style: plainStyle,
    });
    await asked;
    const err = await startWith([]).run.catch((e: unknown) => e);
    expect((err as WerkboekError).exitCode).toBe(ExitCode.locked);
    expect((err as WerkboekError).message).toContain('al ingevuld in een ander venster');
    release();
    await expect(first).rejects.toMatchObject({ exitCode: 130 });
    // Free again afterwards.
    const third = startWith([{ do: interrupt }]);
    await expect(third.run).rejects.toMatchObject({ exitCode: 130 });
  });

  it('takes over a lock left by a process that was killed', async () => {
    // What a SIGKILLed werkboek leaves: the lock folder, no longer refreshed.
    const lockDir = `${file()}.lock`;
    await mkdir(lockDir);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockDir, old, old);
    const run = startWith([{ expect: 'Naam:', do: interrupt }]);
    await expect(run.run).rejects.toMatchObject({ exitCode: 130 });
  });

  it('a fresh lock of a running process is not taken over', async () => {
    await mkdir(`${file()}.lock`);
    const err = await startWith([]).run.catch((e: unknown) => e);
    expect((err as WerkboekError).exitCode).toBe(ExitCode.locked);
    expect((err as WerkboekError).hint).toContain('over 5 seconden opnieuw');
  });

  it('a --map that cannot be a folder gives exit 5 and a hint', async () => {
    const blocker = path.join(dir, 'bestand');
    await writeFile(blocker, 'geen map');
    const err = await start({ worksheet: '1', map: path.join(blocker, 'sub'), restart: false, cwd: dir, out: memoryOutput(), interactive: true }).catch(
      (e: unknown) => e,
    );
    expect((err as WerkboekError).exitCode).toBe(ExitCode.writeFailed);
    expect((err as WerkboekError).message).toContain('niet gebruiken');
    expect((err as WerkboekError).hint).toContain('--map');
  });
});
