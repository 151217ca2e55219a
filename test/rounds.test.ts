// A new round: `nieuwe-ronde` moves the dossier's answers files unchanged
// into ronde-<jaar>/, the next `start` offers last round's answers as
// defaults (Enter keeps them and they count as answered; a group's items are
// checked one by one), and `verschil` shows exactly what was changed.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newRound } from '../src/commands/nieuwe-ronde.js';
import { start } from '../src/commands/start/index.js';
import { status } from '../src/commands/status.js';
import { difference } from '../src/commands/verschil.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { lastRoundAnswers, listRounds } from '../src/dossier/rounds.js';
import { plainStyle } from '../src/runner/session.js';
import { memoryOutput } from '../src/support/output.js';
import { answer, choose, keep, ScriptedPrompter, type Action, type Call } from './helpers/scripted-prompter.js';
import { fixturesDir, useTempDir } from './helpers/temp.js';
import { sheet } from './report-helpers.js';

const tmp = useTempDir('werkboek-ronde-');
const NOW = new Date('2027-03-01T10:00:00Z');

async function dossierWith(...names: string[]): Promise<string> {
  const dir = path.join(tmp(), 'dossier');
  await mkdir(dir);
  for (const n of names) await copyFile(path.join(fixturesDir, 'reports', n), path.join(dir, n));
  return dir;
}

async function startWith(dir: string, worksheet: string, fallback: (c: Call) => Action) {
  const prompter = new ScriptedPrompter([], fallback);
  const out = memoryOutput();
  await start({ worksheet, map: dir, restart: false, cwd: dir, out, prompter, interactive: true, style: plainStyle });
  return prompter;
}

/**
 * Enter everywhere (keep last round's answer), "Klaar" on a group's screen,
 * "Werkblad afronden" at the end; `change` answers some prompts differently.
 */
const keepAll =
  (change: (c: Call) => Action | undefined = () => undefined) =>
  (c: Call): Action =>
    change(c) ?? (c.message === 'Overzicht' ? choose(/Werkblad afronden|Klaar/) : c.choices?.some((x) => x.name.startsWith('Klaar')) ? choose(/^Klaar/) : keep);

async function diffText(dir: string, worksheet?: string, round?: string): Promise<string> {
  const out = memoryOutput();
  await difference({ worksheet, map: dir, round, format: 'md', cwd: dir, out, now: NOW });
  return out.out;
}

describe('a new round', () => {
  it('moves every answers file unchanged into ronde-<year>/, and leaves other files', async () => {
    const dir = await dossierWith('gemeentelandschap.yaml', 'randvoorwaarden.yaml');
    const before = await readFile(path.join(dir, 'gemeentelandschap.yaml'));
    // A colleague's answers (issue #11), a backup and a note that is not an answers file.
    await copyFile(path.join(dir, 'gemeentelandschap.yaml'), path.join(dir, 'gemeentelandschap.piet.yaml'));
    await copyFile(path.join(dir, 'randvoorwaarden.yaml'), path.join(dir, 'randvoorwaarden.2026-11-01T10-00-00-000Z.bak.yaml'));
    await writeFile(path.join(dir, 'gemeentelandschap.notities.yaml'), 'mijn: aantekeningen\n');
    const out = memoryOutput();
    await newRound({ map: dir, cwd: dir, out, now: NOW, yes: true });
    expect(out.out).toContain(`Ronde 2026 is afgesloten: 4 bestanden staan nu ongewijzigd in ${path.join(dir, 'ronde-2026')}${path.sep}`);
    expect((await readdir(dir)).sort()).toEqual(['gemeentelandschap.notities.yaml', 'ronde-2026']);
    expect((await readdir(path.join(dir, 'ronde-2026'))).sort()).toEqual([
      'gemeentelandschap.piet.yaml',
      'gemeentelandschap.yaml',
      'randvoorwaarden.2026-11-01T10-00-00-000Z.bak.yaml',
      'randvoorwaarden.yaml',
    ]);
    expect(await readFile(path.join(dir, 'ronde-2026', 'gemeentelandschap.yaml'))).toEqual(before);
    // A second close needs answers, and a round name is used once.
    await expect(newRound({ map: dir, cwd: dir, out, yes: true })).rejects.toThrow('nog niets ingevuld');
    await copyFile(path.join(dir, 'ronde-2026', 'gemeentelandschap.yaml'), path.join(dir, 'gemeentelandschap.yaml'));
    await expect(newRound({ map: dir, cwd: dir, out, yes: true })).rejects.toThrow('Er is al een ronde 2026');
    await newRound({ map: dir, name: '2027', cwd: dir, out, yes: true });
    expect(await readdir(path.join(dir, 'ronde-2027'))).toEqual(['gemeentelandschap.yaml']);
  });

  it("starts the next round with last round's answers as defaults; one changed answer is exactly what verschil shows", async () => {
    const dir = await dossierWith('gemeentelandschap.yaml');
    await newRound({ map: dir, cwd: dir, out: memoryOutput(), now: NOW, yes: true });
    const prompter = await startWith(
      dir,
      'gemeentelandschap',
      keepAll((c) => (c.message.startsWith('Wie is binnen jullie gemeente') ? answer('Meneer P. Pietersen, team Participatie.') : undefined)),
    );
    expect(prompter.printed.join('\n')).toContain('Vorige ronde (2026): je antwoorden van toen staan bij elke vraag klaar.');
    // Every question offered last round's answer: text as the default, ja/nee selected.
    const agenda = prompter.calls.find((c) => c.message.startsWith('Komt het thema'));
    expect(agenda?.default).toBe('ja');
    expect(agenda?.header).toContain('Antwoord uit de vorige ronde (2026):');
    expect(prompter.calls.find((c) => c.message === 'Bibliotheek:')?.default).toBe('Bibliotheek Voorbeeldstad');
    // "Datum" is today's, not last round's.
    expect(prompter.calls.find((c) => c.message.startsWith('Datum'))?.header ?? '').not.toContain('vorige ronde');

    const last = parse(await readFile(path.join(dir, 'ronde-2026', 'gemeentelandschap.yaml'), 'utf8')) as { antwoorden: Record<string, unknown> };
    const now = parse(await readFile(path.join(dir, 'gemeentelandschap.yaml'), 'utf8')) as { status: string; antwoorden: Record<string, unknown> };
    expect(now.status).toBe('afgerond');
    // Kept answers count as answered: everything visible is there, with the same values.
    for (const id of ['thema-in-agenda', 'thema-in-agenda-wijze', 'resultaatdoelen', 'resultaatdoelen-wensen', 'gemeenteraad', 'relatie-gemeente']) {
      expect(now.antwoorden[id], id).toEqual(last.antwoorden[id]);
    }
    expect(now.antwoorden.aanspreekpunt).toBe('Meneer P. Pietersen, team Participatie.');

    const diff = await diffText(dir);
    expect(diff).toContain('# Wat is er veranderd bij Bibliotheek Voorbeeldstad: ronde 2026 en nu');
    expect(diff).toContain('1 vraag anders, 9 hetzelfde.');
    expect(diff).toContain('### Gewijzigd\n\n#### Wie is binnen jullie gemeente(s) het aanspreekpunt');
    expect(diff).toContain(
      '**Was:**\n\nMevrouw J. Jansen, beleidsadviseur sociaal domein (team Participatie).\n\n**Nu:**\n\nMeneer P. Pietersen, team Participatie.',
    );
    expect(diff.match(/^#### /gm)).toHaveLength(1);
    expect(diff).not.toContain('### Nieuw');
    // The same with --ronde, and for the one worksheet.
    expect(await diffText(dir, 'gemeentelandschap', '2026')).toBe(diff);
    // As HTML and as an e-mail draft, like rapport.
    const html = memoryOutput();
    await difference({ map: dir, format: 'html', cwd: dir, out: html, now: NOW });
    // "ronde 2026 en nu" reads oddly when both are 2026: now says since when.
    expect(html.out).toMatch(/<title>Wat is er veranderd bij Bibliotheek Voorbeeldstad: ronde 2026 en nu \(sinds \d{1,2} [a-z]+ \d{4}\)<\/title>/);
    expect(html.out).toMatch(/<h3[^>]*>Gewijzigd<\/h3>/);
    const eml = memoryOutput();
    await difference({ map: dir, format: 'eml', output: 'verschil.eml', to: 'adviseur@probiblio.example', cwd: dir, out: eml, now: NOW });
    expect(eml.out).toBe('Verschil geschreven naar verschil.eml\n');
    const mail = await readFile(path.join(dir, 'verschil.eml'), 'utf8');
    expect(mail).toContain('Subject: Wat is er veranderd bij Bibliotheek Voorbeeldstad');
    expect(mail).toContain('To: adviseur@probiblio.example');
    await expect(difference({ map: dir, format: 'md', to: 'x@y.nl', cwd: dir, out: eml })).rejects.toThrow('--aan hoort bij een e-mailconcept.');
  });

  it("checks last round's partners one by one: kept ones are the new list", async () => {
    const dir = await dossierWith('randvoorwaarden.yaml');
    const last = parse(await readFile(path.join(dir, 'randvoorwaarden.yaml'), 'utf8')) as { antwoorden: { partners: { naam: string }[] } };
    expect(last.antwoorden.partners.length).toBeGreaterThanOrEqual(2);
    await newRound({ map: dir, cwd: dir, out: memoryOutput(), now: NOW, yes: true });
    const checked: string[] = [];
    const prompter = await startWith(
      dir,
      'randvoorwaarden',
      keepAll((c) => {
        if (!/^Partner \d+ van \d+: klopt dit nog\?$/.test(c.message)) return undefined;
        checked.push(c.header ?? '');
        // Leave out the first partner, keep the others.
        return checked.length === 1 ? choose('Nee, weglaten') : choose('Ja, houden');
      }),
    );
    expect(checked).toHaveLength(last.antwoorden.partners.length);
    expect(checked[0]).toContain(last.antwoorden.partners[0]!.naam);
    expect(prompter.printed.join('\n')).toContain('Partners uit de vorige ronde (2026): controleer ze één voor één.');
    const now = parse(await readFile(path.join(dir, 'randvoorwaarden.yaml'), 'utf8')) as { antwoorden: { partners: unknown[] } };
    expect(now.antwoorden.partners).toEqual(last.antwoorden.partners.slice(1));
    const diff = await diffText(dir, 'randvoorwaarden');
    expect(diff).toContain('### Gewijzigd');
    // The stap in the heading; the partner left out marked as such, not two whole tables.
    const partners = diff.slice(diff.indexOf('#### Stap 2 · 4. Naar welke partners'));
    expect(partners).toMatch(/^#### Stap 2 · 4\. Naar welke partners[^\n]*\n\n\*\*Wat is er anders:\*\*\n\n- \*\*Weggelaten:\*\* /);
    expect(partners).toContain(`- **Weggelaten:** ${last.antwoorden.partners[0]!.naam}`);
    expect(partners.slice(0, partners.indexOf('**Nu:**'))).not.toContain('**Was:**');
  });

  it('verschil: a follow-up names the question it follows; a question not yet answered again is no new ontwikkelpunt; changed cells are named', async () => {
    const { diffSheet, diffMarkdown } = await import('../src/report/diff.js');
    const sheets = await loadShippedWorksheets();
    const ws = sheets.find((w) => w.id === 'randvoorwaarden')!;
    const before = {
      'cijfers-doorverwijzingen': 'ja',
      'doorverwijzingen-partners': 'Taalhuis',
      collectie: 'ja',
      partners: [
        { naam: 'Taalhuis', aanbod: 'Taalcursussen' },
        { naam: 'SeniorWeb', aanbod: 'Cursussen' },
      ],
    };
    const after = {
      'cijfers-doorverwijzingen': 'ja',
      'doorverwijzingen-partners': 'Taalhuis en SeniorWeb',
      partners: [{ naam: 'Taalhuis', aanbod: 'Taal- en digitaalcursussen' }, { naam: 'Bieb-coaches' }],
    };
    const d = diffSheet(sheet(ws, before as never), sheet(ws, after as never));
    // collectie is not answered yet in this round: under "Nog niet opnieuw beantwoord", not a new ontwikkelpunt.
    expect(d.changes.find((c) => c.id === 'collectie')?.kind).toBe('open');
    expect(d.added.map((p) => p.id)).not.toContain('collectie');
    const md = diffMarkdown([d], { from: 'ronde 2026', to: 'nu (sinds 1 maart 2027)', library: null, now: NOW });
    expect(md).toContain('#### Stap 5 · En zo ja, naar welke partners? — bij: a. III. Is er een cijfermatig overzicht van het aantal doorverwijzingen?');
    expect(md).toContain(
      '- **Toegevoegd:** Bieb-coaches\n- **Weggelaten:** SeniorWeb\n- **Gewijzigd bij Taalhuis**, Wat doet deze partner? was "Taalcursussen", nu "Taal- en digitaalcursussen"',
    );
  });

  it('rounds are in the order they were filled in, not by name ("2026-voorjaar" before "2026-najaar")', async () => {
    const dir = path.join(tmp(), 'dossier');
    const text = await readFile(path.join(fixturesDir, 'reports', 'gemeentelandschap.yaml'), 'utf8');
    for (const [round, edited] of [
      ['2026-najaar', '2026-10-20T09:00:00.000Z'],
      ['2026-voorjaar', '2026-04-14T09:00:00.000Z'],
    ] as const) {
      await mkdir(path.join(dir, `ronde-${round}`), { recursive: true });
      await writeFile(path.join(dir, `ronde-${round}`, 'gemeentelandschap.yaml'), text.replace(/^bijgewerkt: .*$/m, `bijgewerkt: ${edited}`));
    }
    expect((await listRounds(dir)).map((r) => r.name)).toEqual(['2026-voorjaar', '2026-najaar']);
  });

  it("a colleague gets their own answers of last round as defaults, not the coordinator's", async () => {
    const dir = await dossierWith();
    const compare = path.join(fixturesDir, 'compare');
    for (const n of ['randvoorwaarden.yaml', 'randvoorwaarden.piet-bakker.yaml']) await copyFile(path.join(compare, n), path.join(dir, n));
    await newRound({ map: dir, cwd: dir, out: memoryOutput(), now: NOW, yes: true });
    const ws = (await loadShippedWorksheets()).find((w) => w.id === 'randvoorwaarden')!;
    const own = await lastRoundAnswers(dir, ws);
    const piet = await lastRoundAnswers(dir, ws, 'Piet Bakker');
    expect(piet?.answers.meta.respondent).toBe('Piet Bakker');
    expect(piet?.answers.answers).not.toEqual(own?.answers.answers);
    // Someone who did not fill in last round gets no defaults at all.
    expect(await lastRoundAnswers(dir, ws, 'Nieuwe Collega')).toBeUndefined();
    // status says the round is kept (the worksheets themselves are "niet begonnen" in the new round).
    const s = memoryOutput();
    await status({ map: dir, cwd: dir, out: s });
    expect(s.out).toContain(`Afgesloten ronde: 2026 (in ronde-2026/). Wat er sindsdien veranderde:\n  werkboek verschil --map ${dir}`);
  });

  it('says what to do when there is no round yet, or the named one does not exist', async () => {
    const dir = await dossierWith('gemeentelandschap.yaml');
    await expect(diffText(dir)).rejects.toThrow('nog geen afgesloten ronde');
    await newRound({ map: dir, cwd: dir, out: memoryOutput(), now: NOW, yes: true });
    await expect(diffText(dir, undefined, '2020')).rejects.toThrow('Er is geen ronde "2020"');
    // Nothing filled in yet in the new round.
    expect(await diffText(dir)).toContain('Nog niet begonnen in de nieuwe ronde.');
  });
});
