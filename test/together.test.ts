// The workbook's tip for werkblad 2, end to end through the commands: the
// coordinator's own file, a colleague who answers "weet ik (nog) niet"
// everywhere (start --respondent), a colleague who stops halfway after typing
// hostile text; then status, lijst and vergelijk.
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { start } from '../src/commands/start/index.js';
import { status } from '../src/commands/status.js';
import { list } from '../src/commands/lijst.js';
import { compare } from '../src/commands/vergelijk.js';
import { lockAnswersFile } from '../src/dossier/lock.js';
import { InterruptedError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { plainStyle } from '../src/runner/session.js';
import { answer, choose, interrupt, keep, ScriptedPrompter, unknown, type Action, type Call } from './helpers/scripted-prompter.js';
import { FIXTURES, NOW } from './report-helpers.js';
import { useTempDir } from './helpers/temp.js';

const HOSTILE = '# Kop <script>alert(1)</script> | [x](javascript:alert(1)) \u001b[31mrood\u0007';

describe('filling in together (flow)', () => {
  const tmp = useTempDir('werkboek-samen-');

  function fillIn(respondent: string | undefined, fallback: (c: Call) => Action) {
    const prompter = new ScriptedPrompter([], fallback);
    const out = memoryOutput();
    const run = start({
      worksheet: 'randvoorwaarden',
      map: tmp(),
      restart: false,
      respondent,
      cwd: tmp(),
      out,
      prompter,
      interactive: true,
      style: plainStyle,
    });
    return { run, prompter, out };
  }

  /** "Weet ik (nog) niet" wherever it is allowed, then finish. */
  const weetNiet =
    (name: string) =>
    (c: Call): Action =>
      c.message === 'Overzicht'
        ? choose('Werkblad afronden')
        : c.message.startsWith('Naam')
          ? answer(name)
          : c.message.startsWith('Datum')
            ? keep
            : c.allowUnknown
              ? unknown
              : c.message.startsWith('Bibliotheek')
                ? answer('Bibliotheek Voorbeeldstad')
                : answer('');

  /** Hostile text in every text, "Nee" in every choice, "Klaar" in an overview: stops after `n` prompts. */
  const halfway = (name: string, n: number) => {
    let count = 0;
    return (c: Call): Action => {
      if (++count > n) return interrupt;
      if (c.message.startsWith('Naam')) return answer(name);
      if (c.message.startsWith('Datum')) return keep;
      if (c.kind === 'select') return choose(c.choices?.some((x) => x.name === 'Nee') ? 'Nee' : /Klaar/);
      return answer(HOSTILE);
    };
  };

  it("status names a colleague's unconfirmed drafts (vergelijk shows those questions as open)", async () => {
    const own = await readFile(path.join(FIXTURES, '..', 'compare', 'randvoorwaarden.piet-bakker.yaml'), 'utf8');
    await writeFile(path.join(tmp(), 'randvoorwaarden.piet-bakker.yaml'), `${own.trimEnd()}\nconcepten:\n  doelen-welke: Via het sociaal loket\n`);
    const s = memoryOutput();
    await status({ map: tmp(), cwd: tmp(), out: s });
    expect(s.out).toContain(
      `     1 onbevestigd antwoord; Piet Bakker maakt het af met:\n       werkboek start randvoorwaarden --respondent "Piet Bakker" --map ${tmp()}\n`,
    );
  });

  it('three respondents: each their own file, status and lijst say who is how far, vergelijk puts them side by side', async () => {
    await copyFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), path.join(tmp(), 'randvoorwaarden.yaml'));
    const coordinator = await readFile(path.join(tmp(), 'randvoorwaarden.yaml'), 'utf8');

    const piet = fillIn('Piet Bakker', weetNiet('Piet Bakker'));
    await piet.run;
    expect(piet.prompter.printed.join('\n')).toContain('Ingevuld door Piet Bakker, in een eigen bestand: randvoorwaarden.piet-bakker.yaml');
    expect(piet.prompter.printed.join('\n')).toContain(`vergelijk randvoorwaarden -o vergelijking.docx --map ${tmp()}`);

    const anna = fillIn('Anna <b>de</b> Jong', halfway('Anna <b>de</b> Jong', 14));
    await expect(anna.run).rejects.toBeInstanceOf(InterruptedError);
    expect(anna.out.out).toContain('start randvoorwaarden --respondent "Anna <b>de</b> Jong"');

    // The coordinator's own file is untouched; each colleague has a file of their own, named in its metadata.
    expect(await readFile(path.join(tmp(), 'randvoorwaarden.yaml'), 'utf8')).toBe(coordinator);
    expect((await readdir(tmp())).sort()).toEqual(['randvoorwaarden.anna-b-de-b-jong.yaml', 'randvoorwaarden.piet-bakker.yaml', 'randvoorwaarden.yaml']);
    const pietFile = parse(await readFile(path.join(tmp(), 'randvoorwaarden.piet-bakker.yaml'), 'utf8'));
    expect(pietFile).toMatchObject({ werkblad: 'randvoorwaarden', respondent: 'Piet Bakker', status: 'afgerond', antwoorden: { naam: 'Piet Bakker' } });
    // The name given with --respondent is the answer to Naam: not asked again.
    expect(piet.prompter.calls.map((c) => c.message)).not.toContain('Naam:');
    expect(piet.prompter.printed.join('\n')).toContain('Naam: Piet Bakker (van --respondent; wijzigen kan in het overzicht).');
    expect(Object.keys(pietFile)[1]).toBe('respondent');
    const annaFile = parse(await readFile(path.join(tmp(), 'randvoorwaarden.anna-b-de-b-jong.yaml'), 'utf8'));
    expect(annaFile).toMatchObject({ respondent: 'Anna <b>de</b> Jong', status: 'concept' });

    const s = memoryOutput();
    await status({ map: tmp(), cwd: tmp(), out: s });
    expect(s.out).toContain('   Eigen bestand: concept (26 van 31 beantwoord)');
    expect(s.out).toContain("   Collega's (2):\n   - Anna <b>de</b> Jong: concept (");
    expect(s.out).toMatch(/- Piet Bakker: afgerond · laatst bijgewerkt .* · randvoorwaarden\.piet-bakker\.yaml/);
    expect(s.out).toContain(`Zet de antwoorden naast elkaar met:\n     werkboek vergelijk randvoorwaarden -o vergelijking.docx --map ${tmp()}`);

    const l = memoryOutput();
    await list({ map: tmp(), cwd: tmp(), out: l });
    expect(l.out).toMatch(
      /ingevuld door: Sanne de Vries: concept \(26 van 31 beantwoord\); Anna <b>de<\/b> Jong: concept \(\d+ van \d+ beantwoord\); Piet Bakker: afgerond/,
    );

    const v = memoryOutput();
    await compare({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: v, now: NOW });
    const md = v.out;
    expect(md).toMatch(
      /- \*\*Sanne de Vries\*\*: Concept: 26 van 31[^\n]*\n- \*\*Anna \\<b>de\\<\/b> Jong\*\*: Concept: [^\n]*\n- \*\*Piet Bakker\*\*: Afgerond/,
    );
    // Piet's "weet ik (nog) niet" in every step's ontwikkelpunten; Anna's hostile text escaped and visible.
    const development = md.slice(md.indexOf('## Ontwikkelpunten'));
    for (const step of ['Stap 1.', 'Stap 2.', 'Stap 3.', 'Stap 4.', 'Stap 5.', 'Stap 6.']) expect(development).toContain(`### ${step}`);
    expect(development.match(/Piet Bakker: weet ik \(nog\) niet/g)?.length).toBeGreaterThan(25);
    expect(development).not.toContain('niet))');
    // As a block (a long answer) and in a table cell (short answers side by side).
    expect(md).toContain('\n\\# Kop \\<script>alert(1)\\</script> | [x]\\(javascript:alert(1)) ␛[31mrood␇\n');
    expect(md).toContain('| # Kop \\<script>alert(1)\\</script> \\| [x]\\(javascript:alert(1)) ␛[31mrood␇ |');
    expect(md).not.toContain('\u001b');
    // Anna said "Nee" where Sanne said "Ja".
    expect(md).toContain('> **Gesprekspunt:** Ja: Sanne de Vries; Nee: Anna \\<b>de\\</b> Jong');
  });

  it("start --respondent goes on in that respondent's own file, not in the coordinator's", async () => {
    await copyFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), path.join(tmp(), 'randvoorwaarden.yaml'));
    const first = fillIn('Kees', halfway('Kees', 3));
    await expect(first.run).rejects.toBeInstanceOf(InterruptedError);
    const again = fillIn('kees', (c) => (c.message === 'Wat wil je doen?' ? interrupt : answer('x')));
    await expect(again.run).rejects.toBeInstanceOf(InterruptedError);
    expect(again.prompter.printed.join('\n')).toMatch(/Je was al begonnen: \d+ van \d+ vragen beantwoord/);
    expect(again.prompter.printed.join('\n')).toContain('in een eigen bestand: randvoorwaarden.kees.yaml');
  });

  it("werkblad 2's tip to involve colleagues says how, after the tip and at the end", async () => {
    const sanne = fillIn(undefined, weetNiet('Sanne de Vries'));
    await sanne.run;
    const printed = sanne.prompter.printed.join('\n');
    const how = [
      'Samen invullen:',
      // Each command on a line of its own, so that wrapping never breaks it.
      `- Een collega vult hier een eigen bestand in:\n    werkboek start randvoorwaarden --respondent "Naam collega" --map ${tmp()}`,
      `- Stuurt een collega je een ingevuld bestand, zet het dan in het dossier:\n    werkboek importeer <bestand> --map ${tmp()}`,
      `- Alle antwoorden naast elkaar zetten:\n    werkboek vergelijk randvoorwaarden -o vergelijking.docx --map ${tmp()}`,
    ].join('\n');
    expect(printed.split(how).length - 1).toBe(2);
    expect(printed.indexOf(how)).toBeGreaterThan(printed.indexOf('Tip:'));
    // Not for the colleague: they fill in what was asked.
    const piet = fillIn('Piet Bakker', weetNiet('Piet Bakker'));
    await piet.run;
    expect(piet.prompter.printed.join('\n')).not.toContain('Samen invullen:');
  });

  it("a colleague gets the dossier's Bibliotheek as the default (their own Naam stays)", async () => {
    await writeFile(
      path.join(tmp(), 'gemeentelandschap.yaml'),
      'werkblad: gemeentelandschap\nversie: 1\nstatus: concept\naangemaakt: 2026-11-20T09:00:00.000Z\nbijgewerkt: 2026-11-20T09:00:00.000Z\nprogramma: werkboek 0.1.0\nantwoorden:\n  naam: Sanne de Vries\n  bibliotheek: Bibliotheek Oost\n',
    );
    const piet = fillIn('Piet Bakker', (c) => (c.message === 'Bibliotheek:' || c.message.startsWith('Datum') ? keep : interrupt));
    await expect(piet.run).rejects.toBeInstanceOf(InterruptedError);
    const asked = piet.prompter.calls.find((c) => c.message === 'Bibliotheek:');
    expect(asked?.header).toContain('Antwoord uit werkblad 1 (gemeentelandschap.yaml): het staat klaar.');
    const saved = parse(await readFile(path.join(tmp(), 'randvoorwaarden.piet-bakker.yaml'), 'utf8'));
    expect(saved.antwoorden).toMatchObject({ naam: 'Piet Bakker', bibliotheek: 'Bibliotheek Oost' });
  });

  it("a respondent's lock is their own: a colleague starts while another file is open", async () => {
    const release = await lockAnswersFile(path.join(tmp(), 'randvoorwaarden.piet-bakker.yaml'));
    try {
      const own = await lockAnswersFile(path.join(tmp(), 'randvoorwaarden.yaml'));
      await own();
      const anna = fillIn('Anna', halfway('Anna', 2));
      await expect(anna.run).rejects.toBeInstanceOf(InterruptedError);
      expect(await readdir(tmp())).toContain('randvoorwaarden.anna.yaml');
      // The same respondent twice: the second is refused.
      const piet = fillIn('Piet Bakker', halfway('Piet Bakker', 2));
      await expect(piet.run).rejects.toThrow('wordt al ingevuld in een ander venster');
    } finally {
      await release();
    }
  });
});
