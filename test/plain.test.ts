// The plain mode (`start --eenvoudig`): the plain prompter on its own
// (numbers and words, commands, long answers, toelichting, checkboxes, the end
// of input), and whole worksheets filled in through a pipe by the built CLI,
// giving the same answers as the same answers given through the runner's flow.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Worksheet } from '../src/definition/schema.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { runWorksheet } from '../src/runner/session.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { plainPrompter, readable } from '../src/terminal/plain.js';
import { answer, back, choose, chooseWithNote, ScriptedPrompter, toReview, unknown, type Action } from './helpers/scripted-prompter.js';
import { assertBuilt, runCli } from './helpers/run.js';

let dir: string;
let sheets: Map<string, Worksheet>;

beforeAll(async () => {
  sheets = new Map((await loadShippedWorksheets()).map((ws) => [ws.id, ws]));
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-plain-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A plain prompter reading these lines (then the end of input), writing to a string. */
function plainWith(lines: string[], opts: { end?: boolean } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8').on('data', (d: string) => (text += d));
  input.write(lines.map((l) => `${l}\n`).join(''));
  if (opts.end !== false) input.end();
  const prompter = plainPrompter({ input, output, echo: true });
  return { prompter, input, output: () => text };
}

/** Nothing but readable text: no escape sequence, no \r, no C0 control but \n. */
function expectOnlyText(text: string): void {
  const controls = [...text.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f\u009b]/g)].map((m) => JSON.stringify(m[0]));
  expect(controls).toEqual([]);
  expect(text.endsWith('\n')).toBe(true);
}

describe('the plain prompter', () => {
  it('answers a choice by number, by word, by the start of a word; empty takes the default; says why a line is no choice', async () => {
    const { prompter, output } = plainWith(['2', 'ja', 'weet', '', 'Misschien', '4', '.', 'nee']);
    const choices = [
      { value: 'ja', name: 'Ja' },
      { value: 'nee', name: 'Nee' },
      { value: 'x', name: 'Weet ik (nog) niet' },
    ];
    expect(await prompter.select({ message: 'Vraag?', choices })).toEqual({ kind: 'answer', value: 'nee' });
    expect(await prompter.select({ message: 'Vraag?', choices })).toEqual({ kind: 'answer', value: 'ja' });
    expect(await prompter.select({ message: 'Vraag?', choices })).toEqual({ kind: 'answer', value: 'x' });
    expect(await prompter.select({ message: 'Vraag?', choices, default: 'nee' })).toEqual({ kind: 'answer', value: 'nee' });
    expect(await prompter.select({ message: 'Vraag?', choices })).toEqual({ kind: 'answer', value: 'nee' });
    const text = output();
    expect(text).toContain('Vraag?\n1. Ja,  2. Nee,  3. Weet ik (nog) niet\n');
    expect(text).toContain('Enter kiest 2. Nee');
    expect(text).toContain('"Misschien" staat niet in de lijst. Typ een nummer van 1 tot 3.');
    expect(text).toContain('Er is geen keuze 4.');
    expectOnlyText(text);
  });

  it('a list whose choices carry numbers of their own says which number to type ("Nummer 12: Stap 2, 4.1. …")', async () => {
    const { prompter, output } = plainWith(['2']);
    const choices = [
      { value: 'a', name: 'Stap 2 · 4. Naar welke partners … — 3 partners' },
      { value: 'b', name: 'Stap 2 · 4.1. Is er een volledig overzicht … — Ja' },
      { value: 'c', name: '✔ Werkblad afronden' },
    ];
    expect(await prompter.select({ message: 'Overzicht', choices })).toEqual({ kind: 'answer', value: 'b' });
    expect(output()).toContain(
      'Nummer 1: Stap 2, 4. Naar welke partners...: 3 partners\nNummer 2: Stap 2, 4.1. Is er een volledig overzicht...: Ja\nNummer 3: Werkblad afronden\n',
    );
  });

  it("wraps between words at the terminal's width, and not at all into a pipe", async () => {
    const long = 'De bibliotheek werkt samen met het Taalhuis en de gemeente aan digitale vaardigheden.';
    const wrapped = (() => {
      const output = new PassThrough();
      let text = '';
      output.setEncoding('utf8').on('data', (d: string) => (text += d));
      const prompter = plainPrompter({ input: new PassThrough(), output, columns: 30 });
      prompter.print(long);
      prompter.close();
      return text;
    })();
    expect(wrapped).toBe('De bibliotheek werkt samen\nmet het Taalhuis en de\ngemeente aan digitale\nvaardigheden.\n');
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThan(30);
    const { prompter, output } = plainWith([]);
    prompter.print(long);
    expect(output()).toBe(`${long}\n`);
  });

  it('navigates with :terug, :weetniet and :overzicht only where allowed, and :stop stops like Ctrl+C', async () => {
    const { prompter, output } = plainWith([':terug', ':weetniet', ':overzicht', 'tekst', '', ':terug', ':weetniet', ':overzicht', '?', ':stop']);
    expect(await prompter.input({ message: 'Naam:', allowBack: false })).toEqual({ kind: 'answer', value: 'tekst' });
    expect(output()).toContain('Dit is de eerste vraag.');
    expect(output()).toContain('geen "weet ik (nog) niet"');
    expect(output()).toContain('Het overzicht is hier niet beschikbaar.');
    expect(await prompter.input({ message: 'Bibliotheek:', default: 'Bieb' })).toEqual({ kind: 'answer', value: 'Bieb' });
    expect(output()).toContain('Ingevuld: Bieb. Druk op Enter om dit te houden.');
    expect(await prompter.input({ message: 'V', allowUnknown: true, allowReview: true })).toEqual({ kind: 'back' });
    expect(await prompter.input({ message: 'V', allowUnknown: true, allowReview: true })).toEqual({ kind: 'unknown' });
    expect(await prompter.input({ message: 'V', allowUnknown: true, allowReview: true })).toEqual({ kind: 'review' });
    expect(await prompter.input({ message: 'V' })).toEqual({ kind: 'stopped' });
    expect(output()).toContain(':overzicht  alle vragen met je antwoorden');
    // After the help, the question again.
    expect(output()).toMatch(/:overzicht {2}alle vragen met je antwoorden[\s\S]*\nTerug naar de vraag: V\n/);
    // Stopped: later prompts end at once.
    expect(await prompter.select({ message: 'W', choices: [{ value: 1, name: 'a' }] })).toEqual({ kind: 'stopped' });
  });

  it(':overzicht in a list that offers the overview itself ("Wat wil je doen?" when resuming) picks that choice', async () => {
    const { prompter } = plainWith([':overzicht']);
    const choices = [
      { value: 'verder', name: 'Verdergaan bij vraag 2' },
      { value: 'review', name: 'Overzicht bekijken en antwoorden wijzigen' },
    ];
    expect(await prompter.select({ message: 'Wat wil je doen?', choices, default: 'verder', allowBack: false })).toEqual({ kind: 'answer', value: 'review' });
  });

  it('a long answer ends with a line holding only "."; a pasted block is one answer; "." alone keeps what was there; :leeg empties', async () => {
    const pasted = 'Eerste regel\n\n- een punt\n  ingesprongen';
    const { prompter } = plainWith([...pasted.split('\n'), '.', '.', ':leeg', '', 'nieuw']);
    expect(await prompter.editor({ message: 'Lang' })).toEqual({ kind: 'answer', value: pasted });
    expect(await prompter.editor({ message: 'Lang', default: 'oud' })).toEqual({ kind: 'answer', value: 'oud' });
    expect(await prompter.editor({ message: 'Lang', default: 'oud' })).toEqual({ kind: 'answer', value: '' });
    expect(await prompter.input({ message: 'Kort', default: 'oud' })).toEqual({ kind: 'answer', value: 'oud' });
    expect(await prompter.input({ message: 'Kort', default: 'oud' })).toEqual({ kind: 'answer', value: 'nieuw' });
  });

  it('inside a long answer, :stop stops (the lines typed are a draft) and other commands are not taken as text', async () => {
    const { prompter, output } = plainWith(['Meer spreekuren', ':overzicht', 'in de wijken', '.', 'Eerste regel', ':stop']);
    expect(await prompter.editor({ message: 'Lang' })).toEqual({ kind: 'answer', value: 'Meer spreekuren\nin de wijken' });
    expect(output()).toContain('Rond eerst je antwoord af met een regel met alleen een punt');
    expect(await prompter.editor({ message: 'Lang' })).toEqual({ kind: 'stopped', draft: 'Eerste regel' });
  });

  it('the end of input in a long answer keeps the lines typed as a draft; validation asks again', async () => {
    const { prompter, output } = plainWith(['abc', '12', 'half', 'getypt']);
    const validate = (v: string) => (/^\d+$/.test(v) ? undefined : 'Vul een getal in.');
    expect(await prompter.input({ message: 'Getal', validate })).toEqual({ kind: 'answer', value: '12' });
    expect(output()).toContain('Vul een getal in.');
    expect(await prompter.editor({ message: 'Lang' })).toEqual({ kind: 'stopped', draft: 'half\ngetypt' });
    expect(output()).toContain('Einde van de invoer');
  });

  it('a toelichting after "|" or with :toelichting; without one the stored one stays, "|" alone removes it', async () => {
    const choices = [
      { value: 'ja', name: 'Ja' },
      { value: 'nee', name: 'Nee' },
    ];
    const { prompter, output } = plainWith(['ja | alleen voor IDO', ':toelichting deels', '2', ':toelichting', 'op één regel', 'ja', 'nee', 'nee |']);
    expect(await prompter.select({ message: 'V', choices, note: '' })).toEqual({ kind: 'answer', value: 'ja', note: 'alleen voor IDO' });
    expect(await prompter.select({ message: 'V', choices, note: '' })).toEqual({ kind: 'answer', value: 'nee', note: 'deels' });
    expect(await prompter.select({ message: 'V', choices, note: '' })).toEqual({ kind: 'answer', value: 'ja', note: 'op één regel' });
    expect(await prompter.select({ message: 'V', choices, note: 'bewaard' })).toEqual({ kind: 'answer', value: 'nee', note: 'bewaard' });
    expect(await prompter.select({ message: 'V', choices, note: 'bewaard' })).toEqual({ kind: 'answer', value: 'nee', note: '' });
    expect(output()).toContain('Toelichting: bewaard');
  });

  it('another choice than the one the toelichting was written for says so: Enter keeps it, :leeg clears it, text changes it', async () => {
    const choices = [
      { value: 'ja', name: 'Ja' },
      { value: 'nee', name: 'Nee' },
    ];
    // Ja with "staat in jaarplan" stored (or offered from last round), then Nee: four times, each answered differently.
    const { prompter, output } = plainWith(['2', '', '2', ':leeg', 'nee', 'alleen in de wijk', '2', ':terug', '1', '2 | nieuw']);
    const asked = { message: 'V', choices, default: 'ja', note: 'staat in jaarplan' };
    expect(await prompter.select(asked)).toEqual({ kind: 'answer', value: 'nee', note: 'staat in jaarplan' });
    expect(output()).toContain('Toelichting bij "Nee" (Enter houdt "staat in jaarplan", :leeg maakt hem leeg):');
    expect(await prompter.select(asked)).toEqual({ kind: 'answer', value: 'nee', note: '' });
    expect(await prompter.select(asked)).toEqual({ kind: 'answer', value: 'nee', note: 'alleen in de wijk' });
    // :terug there: back to the choices; the same choice or a toelichting typed with it asks nothing.
    expect(await prompter.select(asked)).toEqual({ kind: 'answer', value: 'ja', note: 'staat in jaarplan' });
    expect(await prompter.select(asked)).toEqual({ kind: 'answer', value: 'nee', note: 'nieuw' });
    expect(output().match(/Toelichting bij "Nee"/g)).toHaveLength(4);
  });

  it('checkboxes take numbers separated by commas or spaces, names, 0 for none, and Enter keeps the checked ones', async () => {
    const choices = ['Spreekuur', 'Cursus', 'Doorverwijzing', 'Anders'].map((name) => ({ value: name.toLowerCase(), name }));
    const { prompter, output } = plainWith(['1, 3', '2 4', 'cursus, spreekuur', '0', '', '7']);
    expect(await prompter.checkbox({ message: 'M', choices })).toEqual({ kind: 'answer', value: ['spreekuur', 'doorverwijzing'] });
    expect(await prompter.checkbox({ message: 'M', choices })).toEqual({ kind: 'answer', value: ['cursus', 'anders'] });
    expect(await prompter.checkbox({ message: 'M', choices })).toEqual({ kind: 'answer', value: ['spreekuur', 'cursus'] });
    expect(await prompter.checkbox({ message: 'M', choices, checked: ['cursus'] })).toEqual({ kind: 'answer', value: [] });
    expect(await prompter.checkbox({ message: 'M', choices, checked: ['cursus'] })).toEqual({ kind: 'answer', value: ['cursus'] });
    expect(output()).toContain('Nu gekozen: 2.');
    expect(await prompter.checkbox({ message: 'M', choices })).toEqual({ kind: 'stopped' });
    expect(output()).toContain('Er is geen keuze 7.');
  });

  it('stop(signal) ends the line being waited for', async () => {
    const { prompter } = plainWith([], { end: false });
    const pending = prompter.input({ message: 'V' });
    prompter.stop?.('SIGTERM');
    expect(await pending).toEqual({ kind: 'stopped', signal: 'SIGTERM' });
    prompter.close();
  });

  it("shows words and punctuation for the full screen's symbols and keys, and strips control characters", () => {
    expect(readable('Stap 2 van 6 · vraag 5 van 28')).toBe('Stap 2 van 6, vraag 5 van 28');
    expect(readable('Stap 2 · 4. Naar welke partners? — 3 partners')).toBe('Stap 2, 4. Naar welke partners? 3 partners');
    expect(readable('  2. Taalhuis · – · Nee · –')).toBe('  2. Taalhuis, leeg, Nee, leeg');
    expect(readable('→ Verder met de open vragen')).toBe('Verder met de open vragen');
    expect(readable('✔ Werkblad afronden')).toBe('Werkblad afronden');
    expect(readable('Anders, namelijk …')).toBe('Anders, namelijk...');
    expect(readable('Partner (Ctrl+T: terug zonder op te slaan)')).toBe('Partner (:terug gaat terug zonder op te slaan)');
    expect(readable('Met Ctrl+T ga je terug')).toBe('Met :terug ga je terug');
    expect(readable('Datum (dd-mm-jjjj):')).toBe('Datum (dag-maand-jaar):');
    expect(readable('\u001b[1mvet\u001b[22m\r\nregel\u0007')).toBe('vet\nregel');
  });
});

// --- whole worksheets: a pipe into the CLI against the runner's flow --------------

/** One answer, as typed in plain mode (lines) and as a scripted action. */
interface Turn {
  expect: string;
  lines: string[];
  action: Action;
}
const turn = (expect: string, lines: string | string[], action: Action): Turn => ({ expect, lines: typeof lines === 'string' ? [lines] : lines, action });
/** A long answer: its lines, then a line with ".". */
const long = (expect: string, text: string): Turn => turn(expect, [...text.split('\n'), '.'], answer(text));

const meta1 = [
  turn('Naam:', 'Marieke de Vries', answer('Marieke de Vries')),
  turn('Bibliotheek:', 'Bibliotheek Oostland', answer('Bibliotheek Oostland')),
  turn('Datum', '01-10-2026', answer('01-10-2026')),
];

const worksheet1: Turn[] = [
  ...meta1,
  turn('Komt het thema', 'ja | in het coalitieakkoord', chooseWithNote('Ja', 'in het coalitieakkoord')),
  long('Noteer op welke wijze', 'Coalitieakkoord 2022-2026:\n- digitale inclusie\n- IDO in de bibliotheek'),
  long('Wie is binnen jullie', 'Beleidsmedewerker sociaal domein'),
  turn('resultaat-doelstellingen', '2', choose('Nee')),
  turn('Zo nee, zijn er wel wensen', ':terug', back),
  turn('resultaat-doelstellingen', '1', choose('Ja')),
  turn('Zo ja, welke?', ':weetniet', unknown),
  turn('gemeenteraad', 'weet ik', choose('Weet ik (nog) niet')),
  turn('huidige relatie', ':overzicht', toReview),
  turn('Overzicht', 'verder', choose('Verder met de open vragen')),
  long('huidige relatie', 'Goed, maar het overleg is onregelmatig.'),
  turn('vaste overlegstructuur', 'nee', choose('Nee')),
  long('Wie voert deze gesprekken', 'De directeur'),
  turn('tussen jou en het MT', 'Ja', choose('Ja')),
  long('Op welke wijze?', 'In het maandelijkse MT-overleg'),
  turn('Overzicht', 'afronden', choose('Werkblad afronden')),
];

const worksheet2: Turn[] = [
  ...meta1,
  turn('concrete doelstellingen', 'ja | alleen voor IDO', chooseWithNote('Ja', 'alleen voor IDO')),
  long('Zo ja, welke doelstellingen', 'Meerjarenplan 2024-2027\ndigitale vaardigheden'),
  turn('eigen (meerjaren-)plan', '2', choose('Nee')),
  turn('Hoe maak je het onderscheid', ':weetniet', unknown),
  long('Welke diensten', 'Klik & Tik\nDigisterker'),
  turn('relevante collectie', 'ja', choose('Ja')),
  // Stap 2: the partners.
  turn('Naar welke partners', '1', choose('Nieuwe partner toevoegen')),
  turn('Partner', 'Belastingservice', answer('Belastingservice')),
  long('Wat doet deze partner?', 'Aangifte'),
  turn('Naar welke partners', '1', choose('Nieuwe partner toevoegen')),
  turn('Partner', 'Taalhuis', answer('Taalhuis')),
  long('Wat doet deze partner?', 'Taal'),
  turn('Naar welke partners', 'nieuwe', choose('Nieuwe partner toevoegen')),
  turn('Partner', 'Vergissing', answer('Vergissing')),
  turn('Wat doet deze partner?', '.', answer('')),
  turn('Naar welke partners', 'verwijderen: vergissing', choose('Verwijderen: Vergissing')),
  turn('Vergissing verwijderen?', 'ja', choose('Ja, verwijderen')),
  turn('Naar welke partners', 'klaar', choose('Klaar')),
  turn('volledig overzicht van het aanbod', 'nee', choose('Nee')),
  long('Vanuit welke partners', 'Welzijn\nGemeente'),
  long('nog partners die nog geen onderdeel', 'Thuiszorg'),
  turn('buiten de digitale inclusie', '1', choose('Ja')),
  long('Wat doe je met deze signalen', 'Doorgeven aan de gemeente'),
  // Stap 3: the functions.
  turn('Welke functies', '1', choose('Nieuwe functie toevoegen')),
  turn('Functie', 'Coördinator', answer('Coördinator')),
  turn('Betaald of vrijwillig?', '1', choose('betaald')),
  long('Taken', 'Plannen'),
  long('Verantwoordelijkheden', 'Team'),
  long('Bevoegdheden', 'Budget'),
  turn('Uren', '16', answer('16')),
  turn('Welke functies', '1', choose('Nieuwe functie toevoegen')),
  turn('Functie', 'Vrijwilliger', answer('Vrijwilliger')),
  turn('Betaald of vrijwillig?', 'anders', choose('Anders, namelijk')),
  turn('Anders, namelijk:', 'via de Vrijwilligerscentrale', answer('via de Vrijwilligerscentrale')),
  long('Taken', 'Helpen'),
  turn('Verantwoordelijkheden', '.', answer('')),
  turn('Bevoegdheden', '.', answer('')),
  turn('Uren', '4,5', answer('4,5')),
  turn('Welke functies', 'klaar', choose('Klaar')),
  turn('voldoende uren', 'nee', choose('Nee')),
  long('wat is er nodig', 'Meer uren'),
  long('collectief geheugen', 'Overdracht in het teamoverleg'),
  // Stap 4: the partners of Stap 2, extended.
  turn('afgestemd met de partners', 'ja', choose('Ja')),
  turn('samenwerkingsafspraken vastgelegd', '1', choose('Aanvullen: Belastingservice')),
  turn('Samenwerkingsafspraken vastgelegd?', 'ja', choose('Ja')),
  long('Welke afspraken?', 'Convenant 2025'),
  turn('samenwerkingsafspraken vastgelegd', 'aanvullen: taalhuis', choose('Aanvullen: Taalhuis')),
  turn('Samenwerkingsafspraken vastgelegd?', 'weet ik', choose('Weet ik (nog) niet')),
  turn('samenwerkingsafspraken vastgelegd', 'klaar', choose('Klaar')),
  turn('periodiek', 'nee', choose('Nee')),
  turn('taken, verantwoordelijkheden en bevoegdheden van hun eigen', ':weetniet', unknown),
  long('verwijzing vanuit partners', 'Met een verwijsformulier'),
  // Stap 5 and 6.
  long('Hoe registreer je', 'In een Excel-lijst'),
  long('Wat registreer je', 'Aantal vragen per week'),
  turn('aantal digitale inclusie vragen', 'ja', choose('Ja')),
  turn('aantal doorverwijzingen', 'ja', choose('Ja')),
  long('En zo ja, naar welke partners', 'Belastingservice'),
  turn('Registreren de partners', 'nee', choose('Nee')),
  turn('wilt formaliseren', 'ja | liefst dit jaar', chooseWithNote('Ja', 'liefst dit jaar')),
  turn('G!DS', 'De coördinator', answer('De coördinator')),
  turn('(meerjaren-)begroting', 'ja', choose('Ja')),
  long('financiële afspraken', 'Subsidie per jaar'),
  turn('gemeenschappelijke begroting', 'ja', choose('Ja')),
  long('begroting dekkend', 'Aangevuld vanuit het sociaal domein'),
  long('bestuurlijke', 'De directeur-bestuurder'),
  turn('Overzicht', 'afronden', choose('Werkblad afronden')),
];

/** The same answers through the runner's flow (a scripted prompter): the antwoorden. */
async function scriptedAnswers(id: string, turns: Turn[]): Promise<unknown> {
  const ws = sheets.get(id)!;
  const file = AnswersFile.create(path.join(dir, 'scripted', `${id}.yaml`), ws);
  const prompter = new ScriptedPrompter(turns.map((t) => ({ expect: t.expect, do: t.action })));
  expect(await runWorksheet({ ws, file, prompter, today: () => new Date(2026, 10, 27) })).toBe('afgerond');
  expect(prompter.remaining).toBe(0);
  return (parse(await readFile(file.file, 'utf8')) as { antwoorden: unknown }).antwoorden;
}

async function pipeInto(id: string, lines: string[], args: string[] = ['--eenvoudig'], env: Record<string, string | undefined> = {}) {
  const map = path.join(dir, 'plain');
  const result = await runCli(['start', id, ...args], { env: { WERKBOEK_MAP: map, ...env }, input: lines.map((l) => `${l}\n`).join(''), timeoutMs: 30_000 });
  const file = path.join(map, `${id}.yaml`);
  const saved = await readFile(file, 'utf8').then(
    (t) => parse(t) as { status: string; antwoorden: Record<string, unknown> },
    () => undefined,
  );
  return { ...result, saved };
}

describe('a worksheet through a pipe (start --eenvoudig < antwoorden.txt)', () => {
  beforeAll(() => assertBuilt());

  it('fills in all of worksheet 1 with the same answers as the full runner, exit 0, and writes only plain text', async () => {
    const r = await pipeInto(
      'gemeentelandschap',
      worksheet1.flatMap((t) => t.lines),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.saved?.status).toBe('afgerond');
    expect(r.saved?.antwoorden).toEqual(await scriptedAnswers('gemeentelandschap', worksheet1));
    expect(r.saved?.antwoorden).toMatchObject({
      naam: 'Marieke de Vries',
      datum: '2026-10-01',
      'thema-in-agenda': { antwoord: 'ja', toelichting: 'in het coalitieakkoord' },
      'thema-in-agenda-wijze': 'Coalitieakkoord 2022-2026:\n- digitale inclusie\n- IDO in de bibliotheek',
      resultaatdoelen: 'ja',
      'resultaatdoelen-welke': { weet_ik_niet: true },
      gemeenteraad: { weet_ik_niet: true },
      overlegstructuur: 'nee',
      'relatie-met-mt-wijze': 'In het maandelijkse MT-overleg',
    });
    // The commands are named once at the start; the review is a numbered list.
    expect(r.stdout.match(/:overzicht {2}alle vragen/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/\n\d+\. Werkblad afronden\n/);
    expect(r.stdout).toContain('Werkblad 1 is afgerond.');
    expectOnlyText(r.stdout);
    expect(r.stdout).not.toMatch(/[·—→✔…]/);
  });

  it('fills in all of worksheet 2 (partners, functies, Stap 4) with the same answers as the full runner', async () => {
    const r = await pipeInto(
      'randvoorwaarden',
      worksheet2.flatMap((t) => t.lines),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.saved?.antwoorden).toEqual(await scriptedAnswers('randvoorwaarden', worksheet2));
    expect(r.saved?.antwoorden).toMatchObject({
      partners: [
        { naam: 'Belastingservice', aanbod: 'Aangifte', afspraken: 'ja', afspraken_toelichting: 'Convenant 2025' },
        { naam: 'Taalhuis', aanbod: 'Taal', afspraken: 'nog_niet_bekend' },
      ],
      functies: [
        { functie: 'Coördinator', soort: 'betaald', taken: 'Plannen', uren: 16 },
        { functie: 'Vrijwilliger', soort: 'via de Vrijwilligerscentrale', taken: 'Helpen', uren: 4.5 },
      ],
      samenwerkingsafspraken: true,
    });
    expectOnlyText(r.stdout);
  });

  it('the end of input with questions still open saves what was answered and exits 130; a half long answer is a draft', async () => {
    const lines = [...meta1.flatMap((t) => t.lines), '1', 'Coalitieakkoord', 'half getypt'];
    const r = await pipeInto('gemeentelandschap', lines);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Einde van de invoer');
    expect(r.stdout).toContain('Wat je hebt beantwoord is bewaard');
    expect(r.saved?.antwoorden).toEqual({ naam: 'Marieke de Vries', bibliotheek: 'Bibliotheek Oostland', datum: '2026-10-01', 'thema-in-agenda': 'ja' });
    const raw = parse(await readFile(path.join(dir, 'plain', 'gemeentelandschap.yaml'), 'utf8')) as { concepten?: Record<string, unknown> };
    expect(raw.concepten).toEqual({ 'thema-in-agenda-wijze': 'Coalitieakkoord\nhalf getypt' });
    expectOnlyText(r.stdout);
    // Again: it goes on where it stopped (a numbered choice), and :stop also exits 130.
    // An empty line takes the default ("Enter kiest 1."), as in the overview.
    const again = await pipeInto('gemeentelandschap', ['', ':stop']);
    expect(again.stdout).toContain('1. Verdergaan bij vraag 2');
    expect(again.stdout).toContain('Enter kiest 1. Verdergaan bij vraag 2');
    expect(again.stdout).not.toContain('Typ een nummer');
    expect(again.stdout).toContain('Onbevestigd antwoord');
    expect(again.code).toBe(130);
  });

  it('WERKBOEK_EENVOUDIG=1 is --eenvoudig', async () => {
    const r = await pipeInto('gemeentelandschap', ['An'], [], { WERKBOEK_EENVOUDIG: '1' });
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Gegevens, 1 van 3\nNaam:\n');
  });

  it('without --eenvoudig no terminal is still exit 2, now naming --eenvoudig; so is TERM=dumb without a terminal', async () => {
    for (const env of [{}, { TERM: 'dumb' }]) {
      const r = await pipeInto('gemeentelandschap', ['An'], [], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('terminal');
      expect(r.stderr).toContain('--eenvoudig');
      expect(r.saved).toBeUndefined();
    }
  });
});
