// `werkboek vergelijk`: three respondents (the coordinator's concept, a
// colleague who said "weet ik (nog) niet" everywhere, a colleague halfway
// with hostile text) side by side: the golden Markdown, the rules behind it,
// the same escaping as `rapport` in Markdown, HTML and .eml, and the cases
// with one and with no respondent.
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { compare, type CompareOptions } from '../src/commands/vergelijk.js';
import { compareReport } from '../src/report/compare.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { ExitCode, WerkboekError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { htmlDocument } from '../src/report/html.js';
import { expectGolden, NOW, sheet, worksheet } from './report-helpers.js';
import { useTempDir } from './helpers/temp.js';

const COMPARE = fileURLToPath(new URL('./fixtures/compare/', import.meta.url));
const SANNE = 'randvoorwaarden.yaml';
const PIET = 'randvoorwaarden.piet-bakker.yaml';
const ANNA = 'randvoorwaarden.anna-de-jong.yaml';
const ANNA_NAME = 'Anna <b>de</b> Jong | *MT*';

const tmp = useTempDir('werkboek-vergelijk-');
let out: ReturnType<typeof memoryOutput>;
beforeEach(() => {
  out = memoryOutput();
});

async function dossier(...names: string[]): Promise<void> {
  for (const name of names) await copyFile(path.join(COMPARE, name), path.join(tmp(), name));
}

function run(opts: Partial<CompareOptions> = {}): Promise<void> {
  return compare({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out, now: NOW, ...opts });
}

/** The Markdown without the program's version (as in the report goldens). */
const stable = (md: string) => md.replace(/werkboek \d+\.\d+\.\d+[^\s)]*/, 'werkboek');

async function model() {
  const ws = await worksheet('randvoorwaarden');
  const read = async (name: string) => (await AnswersFile.read(path.join(COMPARE, name), ws))!;
  return compareReport(
    [
      { name: 'Sanne de Vries', ...sheet(ws, await read(SANNE)) },
      { name: ANNA_NAME, ...sheet(ws, await read(ANNA)) },
      { name: 'Piet Bakker', ...sheet(ws, await read(PIET)) },
    ],
    { now: NOW },
  ).context;
}

describe('werkboek vergelijk', () => {
  it('three respondents: vergelijk-randvoorwaarden.expected.md', async () => {
    await dossier(SANNE, PIET, ANNA);
    await run();
    expect(out.err).toBe('');
    await expectGolden('vergelijk-randvoorwaarden.expected.md', stable(out.out));
  });

  it('lists the own file first, then the colleagues, with how far each is and their aandachtspunten', async () => {
    await dossier(SANNE, PIET, ANNA);
    await run();
    expect(out.out).toContain(
      '- **Sanne de Vries**: Concept: 26 van 31 vragen beantwoord, 5 aandachtspunten (laatst bijgewerkt 26 november 2026 om 09:15)\n' +
        '- **Anna \\<b>de\\</b> Jong \\| \\*MT\\***: Concept: 15 van 29 vragen beantwoord, 1 aandachtspunt (laatst bijgewerkt 22 november 2026 om 12:30)\n' +
        '- **Piet Bakker**: Afgerond',
    );
  });

  it('marks differing ja/nee answers and repeat groups as gesprekspunten, never a text', async () => {
    const ctx = await model();
    const points = ctx.discussion.groups.flatMap((g) => g.items);
    expect(points.map((p) => p.id)).toEqual([
      'doelen-vastgelegd',
      'partners',
      'overzicht-aanbod-partners',
      'buiten-dienstverlening',
      'functies',
      'uren-voldoende',
    ]);
    expect(points[0]!.text).toBe(`Ja: Sanne de Vries; Nee: ${ANNA_NAME}`);
    // Same answer (collectie: ja twice), or only "weet ik (nog) niet" against an answer: no gesprekspunt.
    expect(points.map((p) => p.id)).not.toContain('collectie');
    expect(points.map((p) => p.id)).not.toContain('eigen-plan');
    // Texts differ but are not judged.
    expect(points.map((p) => p.id)).not.toContain('onderscheid-vraag');
  });

  it('merges repeat groups by name (case and spaces aside), with who listed which', async () => {
    const ctx = await model();
    const partners = ctx.sections.flatMap((s) => s.questions).find((q) => q.id === 'partners')!;
    expect(partners.merged?.columns).toEqual(['Partner', 'Wat doet deze partner?', 'Genoemd door']);
    const byName = Object.fromEntries(partners.merged!.rows.map((r) => [r[0], r[r.length - 1]]));
    expect(byName).toEqual({
      // Piet said "weet ik (nog) niet": not "iedereen".
      'Belastingservice (vrijwilligers)': `Sanne de Vries, ${ANNA_NAME}`,
      Schuldhulpmaatje: 'Sanne de Vries',
      'Welzijn Voorbeeldstad': 'Sanne de Vries',
      'Bibliotheek | <img src=x onerror=alert(1)>': ANNA_NAME,
      Taalhuis: ANNA_NAME,
    });
    const functies = ctx.sections.flatMap((s) => s.questions).find((q) => q.id === 'functies')!;
    const digicoach = functies.merged!.rows.find((r) => r[0] === 'Digicoach')!;
    expect(digicoach[1]).toBe(`vrijwillig (Sanne de Vries); betaald (${ANNA_NAME})`);
    // Each reason a sentence of its own, with a capital after the full stop.
    expect(functies.discussion).toContain('(Sanne de Vries). Verschillend ingevuld: Digicoach: Betaald of vrijwillig?; Digicoach: Uren');
  });

  it('the same answers from two respondents: "iedereen" listed every item, and no gesprekspunten', async () => {
    const ws = await worksheet('randvoorwaarden');
    const sanne = (await AnswersFile.read(path.join(COMPARE, SANNE), ws))!;
    const ctx = compareReport(
      [
        { name: 'A', ...sheet(ws, sanne) },
        { name: 'B', ...sheet(ws, sanne) },
      ],
      { now: NOW },
    ).context;
    const partners = ctx.sections.flatMap((s) => s.questions).find((q) => q.id === 'partners')!;
    expect(partners.merged!.rows.map((r) => r[r.length - 1])).toEqual(['iedereen', 'iedereen', 'iedereen']);
    expect(ctx.discussion.count).toBe(0);
  });

  it("collects everyone's ontwikkelpunten with who said what", async () => {
    const ctx = await model();
    const points = ctx.development.groups.flatMap((g) => g.items);
    const evaluatie = points.find((p) => p.id === 'evaluatie')!;
    // Never brackets three deep: "_(Piet Bakker (weet ik (nog) niet))_".
    expect(evaluatie.whoText).toBe(`Sanne de Vries: weet ik (nog) niet; ${ANNA_NAME}: nog niet beantwoord; Piet Bakker: weet ik (nog) niet`);
    // Piet said "weet ik (nog) niet" to every question he saw.
    const piet = points.filter((p) => p.who.some((w) => w.name === 'Piet Bakker'));
    const seenByPiet = ctx.sections.flatMap((s) => s.questions).filter((q) => q.answers.find((a) => a.name === 'Piet Bakker')?.state !== 'hidden');
    expect(piet.map((p) => p.id)).toEqual(seenByPiet.map((q) => q.id));
    expect(piet.every((p) => p.who.find((w) => w.name === 'Piet Bakker')?.stateText === 'weet ik (nog) niet')).toBe(true);
    // Sanne's partner without afspraken (named), Anna's answer left empty.
    expect(points.find((p) => p.id === 'samenwerkingsafspraken')?.whoText).toContain('Sanne de Vries: niet ingevuld bij Welzijn Voorbeeldstad;');
    expect(points.find((p) => p.id === 'partners-verwijzen-naar-ons')?.whoText).toContain(`${ANNA_NAME}: leeg gelaten`);
  });

  it('a follow-up only some respondents see: "Niet van toepassing" for the others', async () => {
    const ctx = await model();
    const q = ctx.sections.flatMap((s) => s.questions).find((x) => x.id === 'doelen-welke')!;
    expect(q.answers.map((a) => [a.name, a.state])).toEqual([
      ['Sanne de Vries', 'answered'],
      [ANNA_NAME, 'hidden'],
      ['Piet Bakker', 'hidden'],
    ]);
  });

  it('hostile text stays text: Markdown escaped, HTML sanitised, control characters visible', async () => {
    await dossier(SANNE, PIET, ANNA);
    await run();
    const md = out.out;
    expect(md).not.toMatch(/(?<!\\)<(script|b>|img)/);
    expect(md).not.toContain('\u001b');
    expect(md).toContain('bel ␛[31mrood␛[0m en ␇');
    expect(md).not.toMatch(/^# Kop/m);
    const html = htmlDocument(md, 'x');
    expect(html).not.toMatch(/<script|<img|<b>|<[a-z]+[^>]*\sonerror=|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Anna &lt;b&gt;de&lt;/b&gt; Jong | *MT*');
  });

  it('-o x.html and -o x.eml --aan, like rapport', async () => {
    await dossier(SANNE, PIET, ANNA);
    await run({ output: 'v.html', format: 'html' });
    expect(out.out).toBe("Vergelijking van 3 collega's geschreven naar v.html\n");
    await run({ output: 'v.eml', format: 'eml', to: 'mt@bieb.nl' });
    const files = await readdir(tmp());
    expect(files).toEqual(expect.arrayContaining(['v.html', 'v.eml']));
    const mail = await simpleParser(await readFile(path.join(tmp(), 'v.eml')));
    expect(mail.subject).toBe('Werkboek digitale inclusie: vergelijking Randvoorwaarden digitale inclusie dienstverlening – Bibliotheek Voorbeeldstad');
    expect(mail.html).toMatch(/<h2[^>]*>Gesprekspunten<\/h2>/);
    expect(mail.text).toContain('Gesprekspunt:');
  });

  it('never writes over an answers file of the comparison', async () => {
    await dossier(SANNE, PIET);
    const err = await run({ output: PIET }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WerkboekError);
    expect((err as WerkboekError).message).toContain('is een antwoordbestand');
  });

  it('one respondent: says so (on stderr) and gives the ordinary report', async () => {
    await copyFile(path.join(COMPARE, ANNA), path.join(tmp(), ANNA));
    await run();
    expect(out.err).toContain(`Alleen ${ANNA_NAME} heeft werkblad 2 ingevuld; er valt nog niets te vergelijken. Dit is het gewone rapport.`);
    expect(out.out).toMatch(/^# Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening\n/);
    expect(out.out).not.toContain('Gesprekspunt');
  });

  it('nobody yet: a usage error naming how to begin', async () => {
    const err = (await run().catch((e: unknown) => e)) as WerkboekError;
    expect(err).toBeInstanceOf(WerkboekError);
    expect(err.exitCode).toBe(ExitCode.usage);
    expect(err.message).toContain('nog door niemand ingevuld');
    expect(err.hint).toContain('--respondent');
  });

  it('a broken colleague file: its position, not a half comparison', async () => {
    await dossier(SANNE);
    await writeFile(path.join(tmp(), 'randvoorwaarden.kapot.yaml'), 'werkblad: randvoorwaarden\nversie: 1\nantwoorden:\n  collectie: misschien\n');
    const err = (await run().catch((e: unknown) => e)) as WerkboekError;
    expect(err.exitCode).toBe(ExitCode.badFile);
    expect(err.message).toContain('randvoorwaarden.kapot.yaml:4:3: verwacht "ja" of "nee" bij Stap 2, vraag 3 (antwoorden.collectie)');
    // Not "start --opnieuw": that would start the coordinator's own file over.
    expect(err.hint).not.toContain('--opnieuw');
    expect(err.hint).toContain('controleer');
  });

  it('an own template (--sjabloon) gets the comparison', async () => {
    await dossier(SANNE, PIET);
    await writeFile(path.join(tmp(), 'eigen.liquid'), '{% for r in respondents %}{{ r.name }};{% endfor %} {{ discussion.count }}');
    await run({ template: 'eigen.liquid' });
    expect(out.out).toBe('Sanne de Vries;Piet Bakker; 0\n');
  });
});
