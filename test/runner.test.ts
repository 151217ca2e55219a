// Flow tests: the runner driven through a scripted prompter, for each
// worksheet: branches, back, "weet ik (nog) niet", repeat groups, review.
import { mkdtemp, readFile, rm, writeFile, mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Worksheet } from '../src/definition/schema.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { runWorksheet } from '../src/runner/session.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { developmentPoints, walk } from '../src/walk.js';
import {
  answer,
  back,
  backTyping,
  choose,
  chooseWithNote,
  interruptNote,
  interrupt,
  interruptTyping,
  keep,
  ScriptedPrompter,
  unknown,
  type Call,
  type ScriptStep,
  type Action,
} from './helpers/scripted-prompter.js';

let dir: string;
let sheets: Map<string, Worksheet>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-runner-'));
  sheets = new Map((await loadShippedWorksheets()).map((ws) => [ws.id, ws]));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sheet = (id: string): Worksheet => {
  const ws = sheets.get(id);
  if (!ws) throw new Error(`no worksheet ${id}`);
  return ws;
};

const today = () => new Date(2026, 10, 27);

async function run(id: string, steps: ScriptStep[], opts: { file?: AnswersFile; fallback?: (c: Call) => Action; startInReview?: boolean } = {}) {
  const ws = sheet(id);
  // A fresh worksheet each run (an earlier run in the same test may have saved one:
  // a new AnswersFile never overwrites an existing file).
  if (!opts.file) await rm(path.join(dir, `${id}.yaml`), { force: true });
  const file = opts.file ?? AnswersFile.create(path.join(dir, `${id}.yaml`), ws);
  const fallback = opts.fallback;
  // Fallbacks accept the default date: "x" is no date.
  const prompter = new ScriptedPrompter(steps, fallback && ((c) => (c.message.startsWith('Datum') ? keep : fallback(c))));
  const outcome = await runWorksheet({ ws, file, prompter, today, ...(opts.startInReview && { startInReview: true }) });
  const saved = parse(await readFile(file.file, 'utf8')) as { status: string; antwoorden: Record<string, unknown> };
  return { outcome, prompter, saved, file, ws };
}

const meta: ScriptStep[] = [
  { expect: 'Naam:', kind: 'input', do: answer('Marieke de Vries') },
  { expect: 'Bibliotheek:', kind: 'input', do: answer('Bibliotheek Oostland') },
  { expect: 'Datum', kind: 'input', do: keep },
];
const finish: ScriptStep[] = [{ expect: 'Overzicht', kind: 'select', do: choose('Werkblad afronden') }];
const step = (expect: string, action: Action, kind?: ScriptStep['kind']): ScriptStep => ({ expect, do: action, ...(kind && { kind }) });

describe('gemeentelandschap', () => {
  it('walks every "ja" branch, saves each answer and finishes as afgerond', async () => {
    const { outcome, saved, prompter } = await run('gemeentelandschap', [
      ...meta,
      step('Komt het thema digitale inclusie terug', choose('Ja'), 'select'),
      step('Noteer op welke wijze.', answer('In het coalitieakkoord 2022-2026:\n\n- digitale inclusie\n- IDO'), 'editor'),
      step('Wie is binnen jullie gemeente(s) het aanspreekpunt', answer('Beleidsmedewerker sociaal domein'), 'editor'),
      step('resultaat-doelstellingen', choose('Ja'), 'select'),
      step('Zo ja, welke?', answer('Aantal bezoekers IDO'), 'editor'),
      step('gemeenteraad', choose('Ja'), 'select'),
      step('Zo ja, op welke manier?', answer('Motie'), 'editor'),
      step('Wat is de huidige relatie', answer('Goed'), 'editor'),
      step('vaste overlegstructuur', choose('Ja'), 'select'),
      step('Wie voert deze gesprekken?', answer('Directeur'), 'editor'),
      step('onderwerp van gesprek tussen jou en het MT', choose('Ja'), 'select'),
      step('Op welke wijze?', answer('Maandelijks'), 'editor'),
      ...finish,
    ]);
    expect(outcome).toBe('afgerond');
    expect(prompter.remaining).toBe(0);
    expect(saved.status).toBe('afgerond');
    expect(saved.antwoorden).toMatchObject({
      naam: 'Marieke de Vries',
      datum: '2026-11-27',
      'thema-in-agenda': 'ja',
      'thema-in-agenda-wijze': 'In het coalitieakkoord 2022-2026:\n\n- digitale inclusie\n- IDO',
      resultaatdoelen: 'ja',
      'resultaatdoelen-welke': 'Aantal bezoekers IDO',
    });
    expect(saved.antwoorden).not.toHaveProperty('resultaatdoelen-wensen');
  });

  it('shows the "Zo nee" follow-up for nee and no follow-up for weet ik (nog) niet', async () => {
    const { saved, prompter } = await run('gemeentelandschap', [
      ...meta,
      step('Komt het thema', choose('Nee'), 'select'),
      step('aanspreekpunt', unknown),
      step('resultaat-doelstellingen', choose('Nee')),
      step('Zo nee, zijn er wel wensen uitgesproken?', answer('Meer bereik')),
      step('gemeenteraad', choose('Weet ik (nog) niet')),
      step('Wat is de huidige relatie', answer('')),
      step('vaste overlegstructuur', unknown),
      // asked whatever the answer, as in the workbook
      step('Wie voert deze gesprekken?', answer('De directeur')),
      step('MT', choose('Nee')),
      ...finish,
    ]);
    expect(prompter.calls.map((c) => c.message)).not.toContain('Noteer op welke wijze.');
    expect(saved.antwoorden.aanspreekpunt).toEqual({ weet_ik_niet: true });
    expect(saved.antwoorden.gemeenteraad).toEqual({ weet_ik_niet: true });
    expect(saved.antwoorden['huidige-relatie']).toBeUndefined();
    expect(saved.antwoorden['relatie-gemeente']).toBe('');
  });

  it('goes back with the answer filled in; a changed ja/nee hides the old follow-up but keeps it in the file', async () => {
    const { saved, prompter, file, ws } = await run('gemeentelandschap', [
      ...meta,
      step('Komt het thema', choose('Ja')),
      step('Noteer op welke wijze.', answer('Coalitieakkoord')),
      step('aanspreekpunt', back),
      step('Noteer op welke wijze.', back),
      step('Komt het thema', choose('Nee')),
      step('aanspreekpunt', answer('Wethouder')),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', keep),
      step('resultaat-doelstellingen', choose('Nee')),
      step('Zo nee', answer('x')),
      step('gemeenteraad', choose('Nee')),
      step('Wat is de huidige relatie', answer('x')),
      step('vaste overlegstructuur', choose('Nee')),
      step('Wie voert deze gesprekken?', answer('x')),
      step('MT', choose('Nee')),
      ...finish,
    ]);
    const calls = prompter.calls;
    // Back to the follow-up shows the stored text; back to the yes/no preselects "ja".
    expect(calls[6]).toMatchObject({ message: 'Noteer op welke wijze.', default: 'Coalitieakkoord' });
    expect(calls[7]).toMatchObject({ kind: 'select', default: 'ja' });
    expect(calls[10]).toMatchObject({ default: 'Wethouder' });
    expect(saved.antwoorden['thema-in-agenda']).toBe('nee');
    expect(saved.antwoorden['thema-in-agenda-wijze']).toBe('Coalitieakkoord');
    const w = walk(ws, file.answers);
    expect(w.hiddenWithAnswer).toEqual(['thema-in-agenda-wijze']);
    expect(w.visible.map((v) => v.question.id)).not.toContain('thema-in-agenda-wijze');
  });

  it('cannot go back from the first question, and meta questions do not offer "weet ik (nog) niet"', async () => {
    const { prompter } = await run('gemeentelandschap', [], {
      fallback: (c) => (c.message === 'Overzicht' ? choose('Later verder') : c.kind === 'select' ? choose('Nee') : answer('x')),
    });
    const first = prompter.calls[0];
    expect(first).toMatchObject({ message: 'Naam:', allowBack: false, allowUnknown: false });
    expect(prompter.calls[3]).toMatchObject({ allowBack: true, allowUnknown: true });
  });

  it('shows progress, help and the step heading before questions', async () => {
    const { prompter } = await run('randvoorwaarden', [], {
      fallback: (c) => (c.message === 'Overzicht' ? choose('Later verder') : c.kind === 'select' ? choose(/^(Nee|Klaar)/) : answer('x')),
    });
    const diensten = prompter.calls.find((c) => c.message.startsWith('2. Welke diensten'));
    expect(diensten?.header).toContain('Stap 2 van 6 · vraag');
    expect(diensten?.header).toContain('Denk hierbij aan cursusaanbod, spreekuren, doorverwijzing etc.');
    expect(prompter.printed.join('\n')).toContain('Stap 5. Processen en werkwijzen');
    expect(prompter.printed.join('\n')).toContain('Processen en werkwijzen op het gebied van registratie');
  });
});

describe('randvoorwaarden: repeat groups', () => {
  const untilPartners: ScriptStep[] = [...meta, step('1. Heeft jouw bibliotheek concrete doelstellingen', choose('Nee')), step('1.2.', choose('Nee'))];

  it('adds, changes and removes partners, then extends them in Stap 4', async () => {
    const { saved, prompter } = await run(
      'randvoorwaarden',
      [
        ...untilPartners,
        step('1. Hoe maak je het onderscheid', answer('Vraag over DigiD')),
        step('2. Welke diensten', answer('Klik & Tik')),
        step('3. Heeft jouw bibliotheek relevante collectie?', choose('Ja')),
        step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
        step('Partner', answer('Belastingservice')),
        step('Wat doet deze partner?', answer('Aangifte')),
        step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
        step('Partner', answer('Taalhuis')),
        step('Wat doet deze partner?', back),
        step('Partner', keep),
        step('Wat doet deze partner?', answer('Taal')),
        step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
        step('Partner', answer('Vergissing')),
        step('Wat doet deze partner?', answer('')),
        step('4. Naar welke partners', choose('Verwijderen: Vergissing')),
        step('Vergissing verwijderen?', choose('Ja, verwijderen')),
        step('4. Naar welke partners', choose('Wijzigen: Belastingservice')),
        step('Partner', keep),
        step('Wat doet deze partner?', answer('Hulp bij aangifte')),
        step('4. Naar welke partners', choose('Klaar')),
      ],
      {
        fallback: (c) => {
          if (c.message === 'Overzicht') return choose('Later verder');
          if (c.message.startsWith('2. Terugkijkend')) return choose('Klaar');
          if (c.message.startsWith('1. en 2.')) return choose('Klaar');
          if (c.kind === 'select') return choose('Nee');
          return answer('x');
        },
      },
    );
    expect(saved.antwoorden.partners).toEqual([
      { naam: 'Belastingservice', aanbod: 'Hulp bij aangifte' },
      { naam: 'Taalhuis', aanbod: 'Taal' },
    ]);
    const stap4 = prompter.calls.find((c) => c.message.startsWith('2. Terugkijkend'));
    expect(stap4?.header).toContain('Belastingservice');
    expect(stap4?.choices?.map((c) => c.name)).toContain('Aanvullen: Taalhuis');
    expect(saved.antwoorden.samenwerkingsafspraken).toBe(true);
    // the partner overview asks no direction any more (vraag 4.2 asks it)
    expect(prompter.calls.some((c) => c.message.startsWith('Verwijzing'))).toBe(false);
    // "Klaar" is confirmed on screen with what was answered, not with its own words.
    const done = (message: string) =>
      prompter.calls
        .filter((c) => c.message.startsWith(message))
        .at(-1)
        ?.choices?.find((c) => c.value === 'done');
    expect(done('4. Naar welke partners')).toMatchObject({ name: 'Klaar, naar de volgende vraag', echo: '2 partners: Belastingservice, Taalhuis' });
    // Skipped, not "weet ik (nog) niet": said as it is.
    expect(done('2. Terugkijkend')?.echo).toBe('2 partners; bij 2 nog niet ingevuld');
    expect(done('1. en 2.')).toMatchObject({ name: 'Klaar (geen functie invullen)', echo: 'geen functies' });
  });

  it('a group opened from the overview says that "Klaar" goes back to the overview', async () => {
    let reviews = 0;
    let added = false;
    const { prompter } = await run('randvoorwaarden', [], {
      fallback: (c) => {
        if (c.message === 'Overzicht') return choose(reviews++ === 0 ? /Naar welke partners/ : /^Later verder/);
        if (c.message.startsWith('4. Naar welke partners')) {
          if (added) return choose('Klaar');
          added = true;
          return choose('Nieuwe partner toevoegen');
        }
        if (c.message === 'Partner') return answer('Taalhuis');
        if (c.kind === 'select') return choose(/^(Nee|Klaar)/);
        return answer('x');
      },
    });
    const names = prompter.calls.filter((c) => c.message.startsWith('4. Naar welke partners')).map((c) => c.choices?.find((x) => x.value === 'done')?.name);
    expect(names[0]).toBe('Klaar (geen partner invullen)');
    expect(names).toContain('Klaar, naar de volgende vraag');
    expect(names.at(-1)).toBe('Klaar, terug naar het overzicht');
  });

  it('two partners of one name: each action names its partner by its number in the overview, and changes that one', async () => {
    let phase = 0;
    const { prompter, file } = await run('randvoorwaarden', [], {
      fallback: (c) => {
        if (c.message.startsWith('4. Naar welke partners')) {
          phase++;
          return choose(phase <= 2 ? 'Nieuwe partner toevoegen' : phase === 3 ? 'Wijzigen: 2. SeniorWeb' : 'Klaar');
        }
        if (c.message === 'Partner') return phase === 3 ? answer('SeniorWeb Oost') : answer('SeniorWeb');
        if (c.message === 'Overzicht') return choose(/^Later verder/);
        if (c.kind === 'select') return choose(/^(Nee|Klaar)/);
        return answer('x');
      },
    });
    const last = prompter.calls.filter((c) => c.message.startsWith('4. Naar welke partners')).at(2);
    expect(last?.choices?.map((c) => c.name).filter((n) => /^(Wijzigen|Verwijderen)/.test(n))).toEqual([
      'Wijzigen: 1. SeniorWeb',
      'Wijzigen: 2. SeniorWeb',
      'Verwijderen: 1. SeniorWeb',
      'Verwijderen: 2. SeniorWeb',
    ]);
    expect((file.answers.partners as Array<{ naam: string }>).map((p) => p.naam)).toEqual(['SeniorWeb', 'SeniorWeb Oost']);
    // Above an item's first field, which item it is: by its number too (two have this name).
    const partnerHeaders = prompter.calls.filter((c) => c.message === 'Partner').map((c) => c.header ?? '');
    expect(partnerHeaders[0]).toContain('Nieuwe partner (Ctrl+T: terug zonder op te slaan)');
    expect(partnerHeaders[2]).toContain('Partner 2 wijzigen: SeniorWeb (Ctrl+T: terug zonder op te slaan)');
    // Above the rows, what their cells are (a blank cell is a "–" that says nothing on its own).
    expect(last?.header).toContain('  Per regel: Partner · Wat doet deze partner?');
    expect(prompter.calls.find((c) => c.message.startsWith('4. Naar welke partners'))?.header).not.toContain('Per regel');
  });

  it('an answers file with the old "verwijzing" column stays readable, and editing a partner keeps it', async () => {
    const ws = sheet('randvoorwaarden');
    const target = path.join(dir, 'randvoorwaarden.yaml');
    await writeFile(
      target,
      [
        'werkblad: randvoorwaarden',
        'versie: 1',
        'status: concept',
        'aangemaakt: 2026-11-20T09:00:00.000Z',
        'bijgewerkt: 2026-11-20T09:00:00.000Z',
        'programma: werkboek 0.1.0',
        'antwoorden:',
        '  partners:',
        '    - naam: Belastingservice',
        '      aanbod: Aangifte',
        '      verwijzing: Wij verwijzen naar deze partner',
        '',
      ].join('\n'),
    );
    const file = await AnswersFile.read(target, ws);
    expect(file).toBeDefined();
    let partnerCalls = 0;
    const { saved } = await run('randvoorwaarden', [], {
      file: file!,
      fallback: (c) => {
        if (c.message === 'Overzicht') return choose('Later verder');
        if (c.message.startsWith('4. Naar welke partners')) return choose(partnerCalls++ === 0 ? 'Wijzigen: Belastingservice' : 'Klaar');
        if (c.message === 'Partner') return keep;
        if (c.message === 'Wat doet deze partner?') return answer('Hulp bij aangifte');
        if (c.message.startsWith('2. Terugkijkend') || c.message.startsWith('1. en 2.')) return choose('Klaar');
        if (c.kind === 'select') return choose('Nee');
        return answer('x');
      },
    });
    expect(saved.antwoorden.partners).toEqual([{ naam: 'Belastingservice', aanbod: 'Hulp bij aangifte', verwijzing: 'Wij verwijzen naar deze partner' }]);
    // and the saved file is still valid
    expect(await AnswersFile.read(target, ws)).toBeDefined();
  });

  it('Stap 4 extends a Stap 2 partner with agreements and can add a new partner', async () => {
    let stap2 = 0;
    let stap4 = 0;
    const partnerNames = ['Bibliotheekpartner', 'Welzijn'];
    const { saved, prompter } = await run('randvoorwaarden', [], {
      fallback: (c) => {
        if (c.message === 'Overzicht') return choose('Werkblad afronden');
        if (c.message.startsWith('4. Naar welke partners')) return choose(stap2++ === 0 ? 'Nieuwe partner toevoegen' : 'Klaar');
        if (c.message === 'Partner') return answer(partnerNames.shift());
        if (c.message.startsWith('2. Terugkijkend')) {
          const phase = stap4++;
          return choose(phase === 0 ? 'Aanvullen: Bibliotheekpartner' : phase === 1 ? 'Nieuwe partner toevoegen' : 'Klaar');
        }
        if (c.message === 'Samenwerkingsafspraken vastgelegd?') return choose('Ja');
        if (c.message === 'Welke afspraken?') return answer('Convenant 2024');
        if (c.message.startsWith('1. en 2.')) return choose('Klaar');
        if (c.kind === 'select') return choose(/^(Nee|Nog niet|Klaar)/);
        return answer('x');
      },
    });
    const extendCalls = prompter.calls.filter((c) => c.message.startsWith('2. Terugkijkend'));
    expect(extendCalls.at(-1)?.choices?.find((c) => c.value === 'done')?.echo).toBe('2 partners aangevuld');
    const extendCall = extendCalls[0];
    expect(extendCall?.header).toContain('Bibliotheekpartner');
    const partners = saved.antwoorden.partners as Record<string, unknown>[];
    expect(partners).toEqual([
      { naam: 'Bibliotheekpartner', aanbod: 'x', afspraken: 'ja', afspraken_toelichting: 'Convenant 2024' },
      { naam: 'Welzijn', aanbod: 'x', afspraken: 'ja', afspraken_toelichting: 'Convenant 2024' },
    ]);
    expect(saved.antwoorden.samenwerkingsafspraken).toBe(true);
    expect(saved.status).toBe('afgerond');
  });

  it('keeps a half-filled partner as a draft (not as an item) when the user stops, and goes on with it on resume', async () => {
    const ws = sheet('randvoorwaarden');
    const file = AnswersFile.create(path.join(dir, 'randvoorwaarden.yaml'), ws);
    const prompter = new ScriptedPrompter([
      ...untilPartners,
      step('1. Hoe maak je het onderscheid', answer('x')),
      step('2. Welke diensten', answer('x')),
      step('3. Heeft jouw bibliotheek relevante collectie?', choose('Ja')),
      step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
      step('Partner', answer('Taalhuis')),
      step('Wat doet deze partner?', interruptTyping('Taalcursussen en')),
    ]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const saved = parse(await readFile(file.file, 'utf8')) as { antwoorden: Record<string, unknown>; concepten: Record<string, unknown> };
    // Not a complete-looking item in the list: a draft of the question.
    expect(saved.antwoorden).not.toHaveProperty('partners');
    expect(saved.concepten).toEqual({ partners: { naam: 'Taalhuis', aanbod: 'Taalcursussen en' } });
    expect(prompter.printed.join('\n')).toContain('Ook wat je al had ingevuld bij deze partner is bewaard, als onbevestigd antwoord.');
    expect(walk(ws, file.answers).next?.question.id).toBe('partners');

    // Resume: back at the partners, the draft offered first; going on fills in the rest.
    const again = (await AnswersFile.read(file.file, ws))!;
    const resumed = new ScriptedPrompter([
      step('4. Naar welke partners', choose(/^Verder met de onbevestigde partner: Taalhuis$/)),
      step('Partner', keep),
      step('Wat doet deze partner?', answer('Taalcursussen en taalcafé')),
      step('4. Naar welke partners', interrupt),
    ]);
    await expect(runWorksheet({ ws, file: again, prompter: resumed, today })).rejects.toThrow('Onderbroken');
    const first = resumed.calls[0];
    expect(first?.header).toContain('onbevestigd (nieuwe partner): Taalhuis · Taalcursussen en');
    expect(first?.choices?.find((c) => c.value === first.default)?.name).toMatch(/^Verder met de onbevestigde partner/);
    expect(resumed.calls[2]?.default).toBe('Taalcursussen en');
    const after = parse(await readFile(file.file, 'utf8')) as Record<string, unknown> & { antwoorden: Record<string, unknown> };
    expect(after.antwoorden.partners).toEqual([{ naam: 'Taalhuis', aanbod: 'Taalcursussen en taalcafé' }]);
    expect(after).not.toHaveProperty('concepten');
  });

  it('a non-empty repeat group offers no "weet ik (nog) niet"; Ctrl+N there keeps the items', async () => {
    const ws = sheet('randvoorwaarden');
    const file = AnswersFile.create(path.join(dir, 'randvoorwaarden.yaml'), ws);
    const prompter = new ScriptedPrompter([
      ...untilPartners,
      step('1. Hoe maak je het onderscheid', answer('x')),
      step('2. Welke diensten', answer('x')),
      step('3. Heeft jouw bibliotheek relevante collectie?', choose('Ja')),
      step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
      step('Partner', answer('Taalhuis')),
      step('Wat doet deze partner?', answer('Taal')),
      // The terminal's Ctrl+N arrives as "unknown" even where it is not offered.
      { expect: '4. Naar welke partners', do: { type: 'interrupt' } as Action },
    ]);
    // Replace the last step: Ctrl+N on the overview with one partner.
    const original = prompter.select.bind(prompter);
    let overviews = 0;
    prompter.select = (async (o: Parameters<typeof original>[0]) => {
      if (o.message.startsWith('4. Naar welke partners') && ++overviews === 2) {
        expect(o.allowUnknown).toBe(false);
        expect(o.choices.map((c) => c.name)).not.toContain('Weet ik (nog) niet');
        return { kind: 'unknown' };
      }
      return original(o);
    }) as typeof prompter.select;
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    expect(prompter.printed.join('\n')).toContain('"Weet ik (nog) niet" kan niet bij een overzicht met partners');
    expect(file.answers['partners']).toEqual([{ naam: 'Taalhuis', aanbod: 'Taal' }]);
    // The empty functions list still offers it.
    const empty = prompter.calls.filter((c) => c.message.startsWith('4. Naar welke partners'))[0];
    expect(empty?.choices?.map((c) => c.name)).toContain('Weet ik (nog) niet');
  });

  it('the functions table stores numbers for hours and a choice with "anders, namelijk"', async () => {
    let added = false;
    const { saved } = await run('randvoorwaarden', [], {
      fallback: (c) => {
        if (c.message === 'Overzicht') return choose('Later verder');
        if (c.message.startsWith('1. en 2.')) {
          if (added) return choose('Klaar');
          added = true;
          return choose('Nieuwe functie toevoegen');
        }
        if (c.message === 'Functie') return answer('Digicoach');
        if (c.message === 'Betaald of vrijwillig?') return choose('Anders, namelijk');
        if (c.message === 'Anders, namelijk:') return answer('Stagiair');
        if (c.message.startsWith('Uren')) return answer('7,5');
        if (c.kind === 'select') return choose(/^(Nee|Klaar)/);
        return answer('t');
      },
    });
    expect(saved.antwoorden.functies).toEqual([
      { functie: 'Digicoach', soort: 'Stagiair', taken: 't', verantwoordelijkheden: 't', bevoegdheden: 't', uren: 7.5 },
    ]);
  });

  it('refuses an empty partner name, and keeps an empty middle cell in its place in the overview', async () => {
    await expect(
      run('randvoorwaarden', [
        ...untilPartners,
        step('1. Hoe maak je het onderscheid', answer('x')),
        step('2. Welke diensten', answer('x')),
        step('3. Heeft jouw bibliotheek relevante collectie?', choose('Ja')),
        step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
        step('Partner', answer('  ')),
      ]),
    ).rejects.toThrow('Vul "Partner" in: zonder kun je dit item niet terugvinden.');

    const { prompter } = await run(
      'randvoorwaarden',
      [
        ...untilPartners,
        step('1. Hoe maak je het onderscheid', answer('x')),
        step('2. Welke diensten', answer('x')),
        step('3. Heeft jouw bibliotheek relevante collectie?', choose('Ja')),
        step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
        step('Partner', answer('Taalhuis')),
        step('Wat doet deze partner?', answer('')),
        step('4. Naar welke partners', choose('Nieuwe partner toevoegen')),
        step('Partner', answer('Welzijn')),
        step('Wat doet deze partner?', answer('Sociaal werk')),
        step('4. Naar welke partners', choose('Klaar')),
      ],
      { fallback: (c) => (c.message === 'Overzicht' ? choose('Later verder') : c.kind === 'select' ? choose(/^(Nee|Klaar)/) : answer('x')) },
    );
    const overview = prompter.calls.filter((c) => c.message.startsWith('4. Naar welke partners')).at(-1);
    expect(overview?.header).toContain('  1. Taalhuis · –\n  2. Welzijn · Sociaal werk');
  });

  it('the functions overview shows hours in Dutch notation and uses the terminal width', async () => {
    let added = false;
    const long = 'Plannen van spreekuren, contact met partners en het bijhouden van de registratie van alle vragen';
    const { prompter } = await run('randvoorwaarden', [], {
      fallback: (c) => {
        if (c.message === 'Overzicht') return choose('Later verder');
        if (c.message.startsWith('1. en 2.')) {
          if (added) return choose('Klaar');
          added = true;
          return choose('Nieuwe functie toevoegen');
        }
        if (c.message === 'Functie') return answer('Digicoach');
        if (c.message === 'Betaald of vrijwillig?') return choose('vrijwillig');
        if (c.message === 'Taken') return answer(long);
        if (c.message.startsWith('Uren')) return answer('16,5');
        if (c.kind === 'select') return choose(/^(Nee|Klaar)/);
        return answer('t');
      },
    });
    const overview = prompter.calls.filter((c) => c.message.startsWith('1. en 2.')).at(-1);
    const row = overview?.header?.split('\n').find((l) => l.startsWith('  1. ')) ?? '';
    expect(row).toContain('16,5 uur per week');
    expect(row).not.toContain('16.5');
    // The scripted terminal is 100 columns wide: the row uses it, not 30 characters per cell.
    expect(row.length).toBeGreaterThan(90);
    expect(row.length).toBeLessThan(100);
    expect(row).toContain('Plannen van spreekuren, contact met part');
  });

  it('Stap 4: "Weet ik (nog) niet" is stored as nog_niet_bekend, "Welke afspraken?" only follows "Ja", blank cells are ontwikkelpunten', async () => {
    let stap2 = 0;
    const stap4: string[] = ['Aanvullen: Taalhuis', 'Aanvullen: Welzijn', 'Aanvullen: Bibliotheek'];
    const partnerNames = ['Taalhuis', 'Welzijn', 'Bibliotheek', 'Wijkteam'];
    const agreements = ['Nee', 'Weet ik (nog) niet', 'Ja'];
    const { saved, prompter, ws, file } = await run('randvoorwaarden', [], {
      fallback: (c) => {
        if (c.message === 'Overzicht') return choose('Later verder');
        if (c.message.startsWith('4. Naar welke partners')) return choose(stap2++ < 4 ? 'Nieuwe partner toevoegen' : 'Klaar');
        if (c.message === 'Partner') return answer(partnerNames.shift());
        if (c.message.startsWith('2. Terugkijkend')) {
          const next = stap4.shift();
          return next ? choose(next) : keep;
        }
        if (c.message === 'Samenwerkingsafspraken vastgelegd?') return choose(agreements.shift() ?? 'Nee');
        if (c.message === 'Welke afspraken?') return answer('Convenant');
        if (c.message.startsWith('1. en 2.')) return choose('Klaar');
        if (c.kind === 'select') return choose(/^(Nee|Weet ik|Klaar)/);
        return answer('x');
      },
    });
    const partners = saved.antwoorden.partners as Record<string, unknown>[];
    expect(partners.map((p) => [p.naam, p.afspraken, p.afspraken_toelichting])).toEqual([
      ['Taalhuis', 'nee', undefined],
      ['Welzijn', 'nog_niet_bekend', undefined],
      ['Bibliotheek', 'ja', 'Convenant'],
      ['Wijkteam', 'nee', undefined],
    ]);
    expect(prompter.calls.filter((c) => c.message === 'Welke afspraken?')).toHaveLength(1);
    // Enter on the overview with a partner still blank fills that partner in (Wijkteam), not "Klaar".
    const overviews = prompter.calls.filter((c) => c.message.startsWith('2. Terugkijkend'));
    expect(overviews[3]?.default).toBe('extend:3');
    expect(overviews[3]?.header).toContain('Welzijn · x · Weet ik (nog) niet · –');
    expect(overviews[4]?.default).toBe('done');
    const w = walk(ws, file.answers);
    const point = developmentPoints(w).find((v) => v.question.id === 'samenwerkingsafspraken');
    expect(point?.gaps).toBe(1);
    // Blank agreement cells count too: Wijkteam without an answer.
    const blank = { ...file.answers, partners: partners.map((p) => (p.naam === 'Wijkteam' ? { naam: 'Wijkteam' } : p)) };
    expect(developmentPoints(walk(ws, blank as never)).find((v) => v.question.id === 'samenwerkingsafspraken')?.gaps).toBe(2);
  });

  it('"weet ik (nog) niet" works on every content question of worksheet 2', async () => {
    const { saved, ws } = await run('randvoorwaarden', [...meta], {
      fallback: (c) => (c.message === 'Overzicht' ? choose('Werkblad afronden') : unknown),
    });
    const w = walk(ws, saved.antwoorden as never);
    const content = w.visible.filter((v) => v.section.kind === 'step');
    expect(content.length).toBeGreaterThan(20);
    for (const v of content) expect(v.state, v.question.id).toBe('unknown');
  });
});

describe('plan-van-aanpak', () => {
  it('asks the nine questions as multi-line answers', async () => {
    const { saved, prompter } = await run('plan-van-aanpak', [...meta], {
      fallback: (c) => (c.message === 'Overzicht' ? choose('Werkblad afronden') : answer(`Antwoord op: ${c.message}\nregel 2`)),
    });
    const editors = prompter.calls.filter((c) => c.kind === 'editor');
    expect(editors).toHaveLength(9);
    expect(editors.at(-1)?.message).toBe('Planning?');
    expect(saved.antwoorden.planning).toBe('Antwoord op: Planning?\nregel 2');
  });
});

describe('review', () => {
  it('lists every visible question, lets the user change one and then finish', async () => {
    const ws = sheet('plan-van-aanpak');
    const { saved, prompter } = await run('plan-van-aanpak', [
      ...meta,
      ...Array.from({ length: 9 }, (_, i) => ({ do: answer(`a${i}`) }) as ScriptStep),
      step('Overzicht', choose(/Welke acties ga je oppakken/)),
      step('Welke acties ga je oppakken?', answer('Nieuwe acties')),
      step('Overzicht', choose('Werkblad afronden')),
    ]);
    const overview = prompter.calls.find((c) => c.message === 'Overzicht');
    expect(overview?.choices).toHaveLength(walk(ws, {}).visible.length + 3); // + afronden, intro and tips, later
    expect(overview?.choices?.[0]?.name).toContain('Naam — Marieke de Vries');
    expect(saved.antwoorden.acties).toBe('Nieuwe acties');
    expect(saved.status).toBe('afgerond');
  });

  it("counts as walk does, the meta fields apart; rows carry only the workbook's numbers (werkblad 3 has none)", async () => {
    const ws = sheet('plan-van-aanpak');
    const file = AnswersFile.create(path.join(dir, 'plan-van-aanpak.yaml'), ws);
    file.setAnswer('naam', 'Marieke de Vries');
    file.setAnswer('stakeholders', 'De wethouder');
    await file.save();
    const { prompter } = await run('plan-van-aanpak', [step('Overzicht', choose('Later verder'))], { file, startInReview: true });
    // The title is the prompt's header: drawn again with the list after a resize.
    expect(prompter.calls.find((c) => c.message === 'Overzicht')?.header).toContain(
      'Overzicht: 1 van 9 vragen beantwoord, 8 nog open; nog in te vullen: Bibliotheek, Datum.',
    );
    const names = prompter.calls.find((c) => c.message === 'Overzicht')?.choices?.map((c) => c.name) ?? [];
    expect(names[0]).toBe('→ Verder met de open vragen (vanaf Bibliotheek)');
    expect(names[1]).toBe('Naam — Marieke de Vries');
    expect(names.filter((n) => /^\d/.test(n))).toEqual([]);
    expect(names[4]).toMatch(/^Wie wil je bereiken\? .* — De wethouder$/);

    // With the metadata done, "Verder" names the question by its words: "vraag 3" would read as the list's number 3.
    file.setAnswer('bibliotheek', 'Bieb');
    file.setAnswer('datum', '2026-12-07');
    await file.save();
    const again = await run('plan-van-aanpak', [step('Overzicht', choose('Later verder'))], { file, startInReview: true });
    const first = again.prompter.calls.find((c) => c.message === 'Overzicht')?.choices?.[0]?.name ?? '';
    expect(first).toMatch(/^→ Verder met de open vragen \(vanaf "[A-Z][^"]+"\)$/);
    expect(first).not.toMatch(/vraag \d/);
  });

  it('names each question by step and workbook number, answers Ja/Nee as elsewhere, and fits 60 columns', async () => {
    const ws = sheet('randvoorwaarden');
    const file = AnswersFile.create(path.join(dir, 'randvoorwaarden.yaml'), ws);
    const fallback = (c: Call): Action =>
      c.message === 'Overzicht' ? choose('Later verder') : c.kind === 'select' ? choose(/^(Nee|Klaar)/) : c.message.startsWith('Datum') ? keep : answer('x');
    for (const columns of [100, 60]) {
      const prompter = new ScriptedPrompter([], fallback);
      prompter.columns = columns;
      await runWorksheet({ ws, file, prompter, today });
      const names = prompter.calls.find((c) => c.message === 'Overzicht')?.choices?.map((c) => c.name) ?? [];
      for (const name of names) expect([...name].length, name).toBeLessThanOrEqual(columns - 3);
      if (columns === 100) {
        expect(names).toContain('Stap 1 · 1.2. Heb jij een eigen (meerjaren-)plan voor digitale inclusie? — Nee');
        expect(names.some((n) => n.startsWith('Stap 2 · 4. Naar welke partners wordt er doorverwezen'))).toBe(true);
        // A follow-up without a number of its own: the step and the question.
        expect(names.some((n) => n.startsWith('Stap 3 · Als die niet het geval is'))).toBe(true);
        expect(names.join('\n')).not.toMatch(/ — (ja|nee)$/m);
      } else {
        expect(names.some((n) => n.startsWith('Stap 2 · 4. Naar welke'))).toBe(true);
        expect(names.filter((n) => n.endsWith(' — Nee')).length).toBeGreaterThan(5);
      }
    }
  });

  it('a finished worksheet starts in the review; an answer that opens new questions makes it concept again', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    await run('gemeentelandschap', [], {
      file,
      fallback: (c) => (c.message === 'Overzicht' ? choose('Werkblad afronden') : c.kind === 'select' ? choose('Nee') : answer('x')),
    });
    expect(file.meta.status).toBe('afgerond');
    const { prompter, saved } = await run(
      'gemeentelandschap',
      [
        step('Overzicht', choose(/Komt het thema/)),
        step('Komt het thema', choose('Ja')),
        step('Noteer op welke wijze.', answer('Nu wel')),
        step('Overzicht', choose('Later verder')),
      ],
      { file, startInReview: true },
    );
    expect(prompter.calls.find((c) => c.message === 'Overzicht')?.header).toContain('Dit werkblad is afgerond');
    expect(saved.status).toBe('concept');
    expect(saved.antwoorden['thema-in-agenda-wijze']).toBe('Nu wel');
  });
});

describe('a question opened from the overview', () => {
  /** Werkblad 1 answered throughout ("Nee", "x"), and finished. */
  async function finishedSheet(): Promise<AnswersFile> {
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), sheet('gemeentelandschap'));
    await run('gemeentelandschap', [], {
      file,
      fallback: (c) => (c.message === 'Overzicht' ? choose('Werkblad afronden') : c.kind === 'select' ? choose('Nee') : answer('x')),
    });
    return file;
  }
  const messages = (prompter: ScriptedPrompter) => prompter.calls.map((c) => c.message);

  it('Ctrl+T there goes back to the overview (keeping what was typed), not to the question before it', async () => {
    const file = await finishedSheet();
    const { prompter, saved } = await run(
      'gemeentelandschap',
      [
        step('Overzicht', choose(/^Wie is binnen jullie gemeente/)),
        step('Wie is binnen jullie gemeente', backTyping('Mevrouw Jans')),
        step('Overzicht', choose('Later verder')),
      ],
      { file, startInReview: true },
    );
    expect(messages(prompter)).toEqual(['Overzicht', expect.stringMatching(/^Wie is binnen/), 'Overzicht']);
    expect(prompter.printed.join('\n')).not.toContain('Dit is de eerste vraag.');
    // The overview's cursor is back on the question the user came from; Enter (the plain mode's default) does not open it again.
    expect(prompter.calls[2]?.cursor).toBe('aanspreekpunt');
    expect(prompter.calls[2]?.default).toBe('\u0000afronden');
    expect(prompter.calls[0]?.default).toBe('\u0000afronden');
    expect(saved.antwoorden.aanspreekpunt).toBe('x');
    expect(file.drafts.aanspreekpunt).toBe('Mevrouw Jans');
  });

  it('answered, it goes back to the overview, also while other questions are still open', async () => {
    const ws = sheet('plan-van-aanpak');
    const file = AnswersFile.create(path.join(dir, 'plan-van-aanpak.yaml'), ws);
    file.setAnswer('naam', 'Marieke de Vries');
    file.setAnswer('stakeholders', 'De wethouder');
    await file.save();
    const { prompter, saved } = await run(
      'plan-van-aanpak',
      [
        step('Overzicht', choose(/^Wie wil je bereiken/)),
        step('Wie wil je bereiken?', answer('De wethouder en de raad')),
        step('Overzicht', choose('Later verder')),
      ],
      { file, startInReview: true },
    );
    // Not on to the first open question (Bibliotheek).
    expect(messages(prompter)).toEqual(['Overzicht', expect.stringMatching(/^Wie wil je bereiken/), 'Overzicht']);
    // Answered: the overview goes on (its default), in the full screen as in the plain mode.
    expect(prompter.calls[2]?.cursor).toBeUndefined();
    expect(prompter.calls[2]?.default).toBe('\u0000verder');
    expect(saved.antwoorden.stakeholders).toBe('De wethouder en de raad');
  });

  it('a changed answer that opens a follow-up asks it first; Ctrl+T there goes to the changed question, and Ctrl+T again to the overview', async () => {
    const file = await finishedSheet();
    const { prompter, saved } = await run(
      'gemeentelandschap',
      [
        step('Overzicht', choose(/^Komt het thema/)),
        step('Komt het thema', choose('Ja')),
        step('Noteer op welke wijze.', back),
        step('Komt het thema', back),
        step('Overzicht', choose(/^Komt het thema/)),
        step('Komt het thema', choose('Ja')),
        step('Noteer op welke wijze.', answer('In het coalitieakkoord')),
        step('Overzicht', choose('Later verder')),
      ],
      { file, startInReview: true },
    );
    expect(prompter.remaining).toBe(0);
    expect(messages(prompter).at(-1)).toBe('Overzicht');
    expect(saved.antwoorden['thema-in-agenda-wijze']).toBe('In het coalitieakkoord');
  });

  it('"Verder met de open vragen": Ctrl+T on the first goes back to the overview; answered, the next open one follows', async () => {
    const ws = sheet('plan-van-aanpak');
    const file = AnswersFile.create(path.join(dir, 'plan-van-aanpak.yaml'), ws);
    file.setAnswer('naam', 'Marieke de Vries');
    await file.save();
    const prompter = new ScriptedPrompter([
      step('Overzicht', choose(/^→ Verder met de open vragen/)),
      step('Bibliotheek:', back),
      step('Overzicht', choose(/^→ Verder met de open vragen/)),
      step('Bibliotheek:', answer('Bibliotheek Oostland')),
      step('Datum', keep),
      step('Wie wil je bereiken?', interrupt),
    ]);
    await expect(runWorksheet({ ws, file, prompter, today, startInReview: true })).rejects.toThrow('Onderbroken');
    expect(prompter.remaining).toBe(0);
  });

  it('Ctrl+T in the overview goes to the last question, and Ctrl+T there to the one before it, as anywhere', async () => {
    const file = await finishedSheet();
    const prompter = new ScriptedPrompter([
      step('Overzicht', back),
      step('Is de relatie met de gemeente(s) een onderwerp', back),
      step('Wie voert deze gesprekken?', interrupt),
    ]);
    await expect(runWorksheet({ ws: sheet('gemeentelandschap'), file, prompter, today, startInReview: true })).rejects.toThrow('Onderbroken');
    expect(prompter.remaining).toBe(0);
  });
});

describe('toelichting (Ctrl+O) on ja/nee and choice questions', () => {
  it('stores { antwoord, toelichting }, follows the branch of the antwoord, shows it on return and in the review', async () => {
    const { saved, prompter, file, ws } = await run('gemeentelandschap', [
      ...meta,
      step('Komt het thema', chooseWithNote('Ja', 'Alleen in het sociaal domein, deels')),
      step('Noteer op welke wijze.', answer('Coalitieakkoord')),
      step('aanspreekpunt', back),
      step('Noteer op welke wijze.', back),
      step('Komt het thema', keep),
      step('Noteer op welke wijze.', keep),
      step('aanspreekpunt', answer('Wethouder')),
      step('resultaat-doelstellingen', chooseWithNote('Nee', 'ja, maar niet vastgelegd')),
      step('Zo nee', answer('x')),
      step('gemeenteraad', chooseWithNote('Nee', 'x')),
      step('Wat is de huidige relatie', back),
      step('gemeenteraad', chooseWithNote('Nee', '')),
      step('Wat is de huidige relatie', answer('x')),
      step('vaste overlegstructuur', choose('Nee')),
      step('Wie voert deze gesprekken?', answer('x')),
      step('MT', choose('Nee')),
      step('Overzicht', choose('Later verder')),
    ]);
    const thema = prompter.calls.filter((c) => c.message.includes('Komt het thema'));
    expect(thema[0]?.note).toBe('');
    expect(thema[1]).toMatchObject({ default: 'ja', note: 'Alleen in het sociaal domein, deels' });
    expect(saved.antwoorden['thema-in-agenda']).toEqual({ antwoord: 'ja', toelichting: 'Alleen in het sociaal domein, deels' });
    expect(saved.antwoorden.resultaatdoelen).toEqual({ antwoord: 'nee', toelichting: 'ja, maar niet vastgelegd' });
    // An emptied toelichting leaves the plain value, as files are written today.
    expect(saved.antwoorden.gemeenteraad).toBe('nee');
    const w = walk(ws, file.answers);
    expect(w.visible.map((v) => v.question.id)).toContain('thema-in-agenda-wijze');
    expect(w.visible.map((v) => v.question.id)).toContain('resultaatdoelen-wensen');
    expect(w.visible.find((v) => v.question.id === 'thema-in-agenda')?.state).toBe('answered');
    const overview = prompter.calls.find((c) => c.message === 'Overzicht');
    expect(overview?.choices?.map((c) => c.name).join('\n')).toContain('Alleen in het sociaal domein, deels');
  });

  it('a choice question takes a toelichting too, also with "Anders, namelijk"; group fields do not', async () => {
    const { loadDefinitionFile } = await import('../src/definition/check.js');
    const ws = await loadDefinitionFile(path.join(import.meta.dirname, 'fixtures', 'definitions', 'voorwaarden.yaml'));
    const file = AnswersFile.create(path.join(dir, 'voorwaarden.yaml'), ws);
    const prompter = new ScriptedPrompter([], (c) => {
      if (c.message === 'Overzicht') return choose('Later verder');
      if (c.message.includes('Welke talen?')) return answer(['nl']);
      if (c.message.includes('Welke dag?')) return answer('1-2-2026');
      if (c.message.includes('Hoeveel?')) return answer('3');
      if (c.kind === 'select' && c.choices?.some((x) => x.name === 'Blauw (zee)')) return chooseWithNote('Blauw (zee)', 'donkerblauw');
      if (c.kind === 'select' && c.choices?.some((x) => x.name.startsWith('Nieuw'))) return choose('Klaar');
      if (c.kind === 'select') return choose('Ja');
      return answer('tekst');
    });
    await runWorksheet({ ws, file, prompter, today });
    expect(file.answers['kleur']).toEqual({ antwoord: 'blauw', toelichting: 'donkerblauw' });
    expect(prompter.calls.map((c) => c.message)).toContain('Waarom een koele kleur?');
  });
});

describe('dates', () => {
  it('a date that does not exist is named as such, not as a wrong format', async () => {
    await expect(
      run('gemeentelandschap', [step('Naam:', answer('A')), step('Bibliotheek:', answer('B')), step('Datum', answer('31-02-2026'))]),
    ).rejects.toThrow('31-02-2026 bestaat niet: februari 2026 heeft 28 dagen.');
  });
});

describe('saving', () => {
  it('has saved every answer before an interrupt', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([...meta, step('Komt het thema', choose('Ja')), step('Noteer', interrupt)]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const saved = parse(await readFile(file.file, 'utf8')) as { antwoorden: Record<string, unknown> };
    expect(saved.antwoorden).toEqual({ naam: 'Marieke de Vries', bibliotheek: 'Bibliotheek Oostland', datum: '2026-11-27', 'thema-in-agenda': 'ja' });
  });

  it('keeps a half-typed answer as a draft, not as the answer; resume returns to it with the text and confirming removes the draft', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([...meta, step('Komt het thema', choose('Ja')), step('Noteer', interruptTyping('Half getypt\nantwoord'))]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const text = await readFile(file.file, 'utf8');
    const saved = parse(text) as { antwoorden: Record<string, unknown>; concepten: Record<string, unknown> };
    expect(saved.antwoorden).not.toHaveProperty('thema-in-agenda-wijze');
    expect(saved.concepten).toEqual({ 'thema-in-agenda-wijze': 'Half getypt\nantwoord' });
    expect(text).toContain('concepten:\n  thema-in-agenda-wijze: |-\n    Half getypt\n    antwoord\n');
    expect(prompter.printed.join('\n')).toContain('Ook wat je bij vraag 2 aan het typen was, is bewaard, als onbevestigd antwoord.');
    // Not an answer: the walk counts it as open.
    const w = walk(ws, file.answers);
    expect(w.next?.question.id).toBe('thema-in-agenda-wijze');
    expect(w.done).toBe(1);

    const again = (await AnswersFile.read(file.file, ws))!;
    const p2 = new ScriptedPrompter([step('Noteer', answer('Half getypt\nantwoord, nu af')), step('aanspreekpunt', interrupt)]);
    await expect(runWorksheet({ ws, file: again, prompter: p2, today })).rejects.toThrow('Onderbroken');
    const resumed = p2.calls[0];
    expect(resumed?.default).toBe('Half getypt\nantwoord');
    expect(resumed?.header).toContain('Onbevestigd antwoord');
    const after = parse(await readFile(file.file, 'utf8')) as Record<string, unknown> & { antwoorden: Record<string, unknown> };
    expect(after.antwoorden['thema-in-agenda-wijze']).toBe('Half getypt\nantwoord, nu af');
    expect(after).not.toHaveProperty('concepten');
  });

  it('"weet ik (nog) niet" on a question with only a draft keeps the draft text under "eerder"', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    for (const [id, value] of Object.entries({ naam: 'An', bibliotheek: 'Bieb', datum: '2026-11-27', 'thema-in-agenda': 'nee' })) file.setAnswer(id, value);
    file.setDraft('aanspreekpunt', 'Jan J');
    const prompter = new ScriptedPrompter([step('aanspreekpunt', unknown), step('resultaat-doelstellingen', interrupt)]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    expect(prompter.calls[0]?.default).toBe('Jan J');
    expect(file.answers['aanspreekpunt']).toEqual({ weet_ik_niet: true, eerder: 'Jan J' });
    expect(file.drafts).toEqual({});
  });

  it('a draft typed over a confirmed answer leaves that answer in force', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([
      ...meta,
      step('Komt het thema', choose('Ja')),
      step('Noteer', answer('Coalitieakkoord')),
      step('aanspreekpunt', back),
      step('Noteer', interruptTyping('Coalitieakkoord en motie')),
    ]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    expect(file.answers['thema-in-agenda-wijze']).toBe('Coalitieakkoord');
    expect(file.drafts).toEqual({ 'thema-in-agenda-wijze': 'Coalitieakkoord en motie' });
    // The review says which answer is not confirmed.
    const { prompter: p2 } = await run('gemeentelandschap', [step('Overzicht', choose('Later verder'))], { file, startInReview: true });
    const names = p2.calls[0]?.choices?.map((c) => c.name) ?? [];
    expect(names.find((n) => n.includes('Noteer op welke wijze'))).toMatch(/— Coalitieakkoord \+ onbevestigd antwoord$/);
  });

  it('says honestly when a draft could not be saved', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const blocker = path.join(dir, 'geen-map');
    await writeFile(blocker, 'een bestand');
    const prompter = new ScriptedPrompter([...meta, step('Komt het thema', choose('Ja'))], (c) => {
      // The folder becomes unusable just before the user stops typing.
      file.moveTo(path.join(blocker, 'gemeentelandschap.yaml'));
      return c.message.startsWith('Noteer') ? interruptTyping('Half') : interrupt;
    });
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const printed = prompter.printed.join('\n');
    expect(printed).toContain('Let op: wat je bij vraag 2 aan het typen was, kon niet worden opgeslagen.');
    expect(printed).not.toContain('is bewaard');
  });

  it('says honestly when a half-filled item could not be saved', async () => {
    const ws = sheet('randvoorwaarden');
    const file = AnswersFile.create(path.join(dir, 'randvoorwaarden.yaml'), ws);
    const blocker = path.join(dir, 'geen-map');
    await writeFile(blocker, 'een bestand');
    const prompter = new ScriptedPrompter([], (c) => {
      if (c.message.startsWith('Datum')) return keep;
      if (c.message.startsWith('4. Naar welke partners')) return choose('Nieuwe partner toevoegen');
      if (c.message === 'Partner') return answer('Taalhuis');
      if (c.message === 'Wat doet deze partner?') {
        file.moveTo(path.join(blocker, 'randvoorwaarden.yaml'));
        return interruptTyping('Taal');
      }
      return c.kind === 'select' ? choose(/^(Nee|Ja)$/) : answer('x');
    });
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const printed = prompter.printed.join('\n');
    expect(printed).toContain('Let op: wat je bij deze partner had ingevuld, kon niet worden opgeslagen.');
    expect(printed).not.toContain('is bewaard');
  });

  it('"weet ik (nog) niet" on an answered question keeps the answer under "eerder"; going back offers it again', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([
      ...meta,
      step('Komt het thema', choose('Ja')),
      step('Noteer', answer('Coalitieakkoord')),
      step('aanspreekpunt', answer('Jan Jansen')),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', unknown),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', back),
      step('Noteer', keep),
      step('aanspreekpunt', keep),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', back),
      step('Noteer', back),
      step('Komt het thema', unknown),
      step('aanspreekpunt', interrupt),
    ]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const onDisk = parse(await readFile(file.file, 'utf8')) as { antwoorden: Record<string, unknown> };
    expect(onDisk.antwoorden['aanspreekpunt']).toEqual({ weet_ik_niet: true, eerder: 'Jan Jansen' });
    expect(onDisk.antwoorden['thema-in-agenda']).toEqual({ weet_ik_niet: true, eerder: 'ja' });
    // Going back: the earlier answer is in the editor, marked as not in force; confirming it untouched keeps "weet ik niet".
    const back1 = prompter.calls[9];
    expect(back1).toMatchObject({ kind: 'editor', message: expect.stringContaining('aanspreekpunt'), default: 'Jan Jansen', unknownIfUntouched: true });
    expect(back1?.header).toContain('Nu: weet ik (nog) niet.');
    // Still unknown for walk and reports.
    expect(walk(ws, file.answers).visible.find((v) => v.question.id === 'aanspreekpunt')?.state).toBe('unknown');
  });

  it('going back to "weet ik (nog) niet" with an earlier answer: a list marks it, choosing or editing it brings it back', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([
      ...meta,
      step('Komt het thema', choose('Nee')),
      step('aanspreekpunt', answer('Jan Jansen')),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', back),
      step('Komt het thema', unknown),
      step('aanspreekpunt', unknown),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', answer('Jan Jansen, sociaal domein')),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', back),
      step('Komt het thema', choose('Nee (je eerdere antwoord)')),
      step('aanspreekpunt', interrupt),
    ]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const list = prompter.calls[13];
    expect(list?.choices?.find((c) => c.value === list.default)?.name).toBe('Weet ik (nog) niet');
    expect(file.answers['thema-in-agenda']).toBe('nee');
    expect(file.answers['aanspreekpunt']).toBe('Jan Jansen, sociaal domein');
  });

  it('going back to a "weet ik (nog) niet" answer shows it, and confirming without typing keeps it', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([
      ...meta,
      step('Komt het thema', unknown),
      step('aanspreekpunt', unknown),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', answer('')),
      step('resultaat-doelstellingen', back),
      step('aanspreekpunt', back),
      step('Komt het thema', keep),
      step('aanspreekpunt', interrupt),
    ]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const backToText = prompter.calls[6];
    const backToYesNo = prompter.calls[9];
    expect(backToText).toMatchObject({ kind: 'editor', default: '', placeholder: 'Weet ik (nog) niet (typ om te wijzigen)' });
    const preselected = backToYesNo?.choices?.find((c) => c.value === backToYesNo.default);
    expect(preselected?.name).toBe('Weet ik (nog) niet');
    expect(file.answers['aanspreekpunt']).toEqual({ weet_ik_niet: true });
    expect(file.answers['thema-in-agenda']).toEqual({ weet_ik_niet: true });
  });

  it('on a write error, keeps the answer and saves it in another folder the user picks', async () => {
    const ws = sheet('gemeentelandschap');
    const blocker = path.join(dir, 'geen-map');
    await writeFile(blocker, 'dit is een bestand, geen map');
    const file = AnswersFile.create(path.join(blocker, 'gemeentelandschap.yaml'), ws);
    const elsewhere = path.join(dir, 'elders');
    await mkdir(elsewhere);
    const prompter = new ScriptedPrompter([
      step('Naam:', answer('Marieke')),
      step('Wat wil je doen?', choose('Opnieuw proberen')),
      step('Wat wil je doen?', choose('Opslaan in een andere map')),
      step('Map om in op te slaan:', answer(elsewhere)),
      step('Bibliotheek:', interrupt),
    ]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    expect(prompter.printed.join('\n')).toContain('Je antwoord is niet verloren');
    expect(await readdir(elsewhere)).toEqual(['gemeentelandschap.yaml']);
    const saved = parse(await readFile(path.join(elsewhere, 'gemeentelandschap.yaml'), 'utf8')) as { antwoorden: Record<string, unknown> };
    expect(saved.antwoorden.naam).toBe('Marieke');
  });
});

describe('every question type (test worksheet with all conditions)', () => {
  it('asks choice, multichoice, number and date, and shows the follow-ups their answers open', async () => {
    const { loadDefinitionFile } = await import('../src/definition/check.js');
    const ws = await loadDefinitionFile(path.join(import.meta.dirname, 'fixtures', 'definitions', 'voorwaarden.yaml'));
    const file = AnswersFile.create(path.join(dir, 'voorwaarden.yaml'), ws);
    const prompter = new ScriptedPrompter([], (c) => {
      if (c.message === 'Overzicht') return choose('Werkblad afronden');
      if (c.message.includes('Welke talen?')) return answer(['nl', 'fy']);
      if (c.message.includes('Welke dag?')) return answer('1-2-2026');
      if (c.message.includes('Hoeveel?')) return answer('3');
      if (c.kind === 'select' && c.choices?.some((x) => x.name === 'Blauw (zee)')) return choose('Blauw (zee)');
      if (c.kind === 'select' && c.choices?.some((x) => x.name.startsWith('Nieuw'))) return choose('Klaar');
      if (c.kind === 'select') return choose('Ja');
      return answer('tekst');
    });
    await runWorksheet({ ws, file, prompter, today });
    const asked = prompter.calls.map((c) => c.message);
    expect(asked.some((m) => m.includes('Waar spreek je Fries?'))).toBe(true);
    expect(asked.some((m) => m.includes('Waarom precies drie?'))).toBe(true);
    const talen = prompter.calls.find((c) => c.message.includes('Welke talen?'));
    expect(talen?.kind).toBe('checkbox');
    expect(file.answers).toMatchObject({ kleur: 'blauw', talen: ['nl', 'fy'], aantal: 3, dag: '2026-02-01' });
    expect(file.answers).not.toHaveProperty('warm');
    expect(file.meta.status).toBe('afgerond');
  });
});

describe('intros and tips on request', () => {
  it("the overview offers the worksheet's intro and tips, and each step's, again", async () => {
    const ws = sheet('randvoorwaarden');
    const file = AnswersFile.create(path.join(dir, 'randvoorwaarden.yaml'), ws);
    file.setAnswer('naam', 'An');
    await file.save();
    const { prompter } = await run(
      'randvoorwaarden',
      [step('Overzicht', choose('Inleiding en tips van dit werkblad opnieuw lezen')), step('Overzicht', choose('Later verder'))],
      {
        file,
        startInReview: true,
      },
    );
    const shown = prompter.printed.join('\n');
    expect(shown).toContain(ws.intro!.trim().slice(0, 60));
    for (const step of ws.steps.filter((s) => s.tips?.length)) expect(shown).toContain(step.tips![0]!.trim().slice(0, 40));
    expect(prompter.calls.filter((c) => c.message === 'Overzicht')).toHaveLength(2);
  });
});

describe('a toelichting being typed when the user stops', () => {
  it('is kept as a draft with its choice, offered again on resume, and confirming makes it the answer', async () => {
    const ws = sheet('gemeentelandschap');
    const file = AnswersFile.create(path.join(dir, 'gemeentelandschap.yaml'), ws);
    const prompter = new ScriptedPrompter([...meta, step('Komt het thema', interruptNote('ja', 'alleen mondeling afgesproken'))]);
    await expect(runWorksheet({ ws, file, prompter, today })).rejects.toThrow('Onderbroken');
    const saved = parse(await readFile(file.file, 'utf8')) as { antwoorden: Record<string, unknown>; concepten: Record<string, unknown> };
    expect(saved.antwoorden).not.toHaveProperty('thema-in-agenda');
    expect(saved.concepten['thema-in-agenda']).toEqual({ antwoord: 'ja', toelichting: 'alleen mondeling afgesproken' });
    expect(prompter.printed.join('\n')).toContain('Ook de toelichting die je bij vraag 1 aan het typen was, is bewaard, als onbevestigd antwoord.');

    const again = (await AnswersFile.read(file.file, ws))!;
    const p2 = new ScriptedPrompter([step('Komt het thema', keep), step('Noteer', interrupt)]);
    await expect(runWorksheet({ ws, file: again, prompter: p2, today })).rejects.toThrow('Onderbroken');
    expect(p2.calls[0]).toMatchObject({ default: 'ja', note: 'alleen mondeling afgesproken' });
    expect(p2.calls[0]?.header).toContain('Onbevestigd antwoord');
    const after = parse(await readFile(file.file, 'utf8')) as Record<string, unknown> & { antwoorden: Record<string, unknown> };
    expect(after.antwoorden['thema-in-agenda']).toEqual({ antwoord: 'ja', toelichting: 'alleen mondeling afgesproken' });
    expect(after).not.toHaveProperty('concepten');
  });
});
