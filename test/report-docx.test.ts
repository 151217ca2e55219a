// Word output (`rapport … -o x.docx`, `vergelijk … -o x.docx`), read back with
// a reader nobody here wrote (mammoth, which turns Word's heading styles,
// lists and tables into HTML): the outline, the answers, the partner table,
// no hidden answer, Probiblio's closing as theirs, control characters.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { report, type ReportOptions } from '../src/commands/rapport.js';
import { compare } from '../src/commands/vergelijk.js';
import { ExitCode, WerkboekError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { TEXT_WIDTH, wordWidth } from '../src/report/docx-widths.js';
import { assertBuilt, runCli } from './helpers/run.js';
import { useTempDir } from './helpers/temp.js';
import { FIXTURES, NOW } from './report-helpers.js';

const COMPARE = fileURLToPath(new URL('./fixtures/compare/', import.meta.url));

const tmp = useTempDir('werkboek-docx-');
let out: ReturnType<typeof memoryOutput>;
beforeEach(() => {
  out = memoryOutput();
});

async function started(...ids: string[]): Promise<void> {
  for (const id of ids) await copyFile(path.join(FIXTURES, `${id}.yaml`), path.join(tmp(), `${id}.yaml`));
}

function run(worksheet: string, opts: Partial<ReportOptions> = {}): Promise<void> {
  return report({ worksheet, format: 'docx', map: tmp(), cwd: tmp(), out, now: NOW, ...opts });
}

/** The document as mammoth reads it: its HTML, and its messages (a problem mammoth found). */
async function readBack(file: string): Promise<{ html: string; messages: unknown[] }> {
  const result = await mammoth.convertToHtml({ buffer: await readFile(path.join(tmp(), file)) });
  return { html: result.value, messages: result.messages };
}

/** The text of an HTML fragment: tags out, entities back. */
function text(html: string): string {
  return html
    .replace(/<br \/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Headings in order: "h2 Samenvatting". */
function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${text(m[2]!)}`);
}

/** Tables as rows of cell texts. */
function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>(.*?)<\/table>/gs)].map((t) =>
    [...t[1]!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => text(c[1]!).trim())),
  );
}

/** The paragraphs (p, li) as text. */
function paragraphs(html: string): string[] {
  return [...html.matchAll(/<(p|li)>(.*?)<\/\1>/gs)].map((m) => text(m[2]!));
}

describe('rapport as Word (read back with mammoth)', () => {
  it('alles: the outline in Word heading styles, the summary first, at most four levels', async () => {
    await started('gemeentelandschap', 'randvoorwaarden');
    await run('alles', { output: 'dossier.docx' });
    expect(out.out).toBe('Rapport geschreven naar dossier.docx\n');
    const { html, messages } = await readBack('dossier.docx');
    expect(messages).toEqual([]);
    const h = headings(html);
    expect(h.slice(0, 3)).toEqual([
      'h1 Dossier digitale inclusie – Bibliotheek Voorbeeldstad',
      'h2 Samenvatting',
      'h2 Werkblad 1: Verken jouw gemeentelandschap',
    ]);
    expect(h).toContain('h2 Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening');
    // Stap 4 and 5 told apart in their headings (Werkblad › Stap in the navigation pane).
    expect(h).toContain('h3 Stap 4. Processen en werkwijzen op het gebied van samenwerken');
    expect(h).toContain('h3 Stap 5. Processen en werkwijzen op het gebied van registratie');
    expect(h).toContain('h4 Aandachtspunten');
    expect(h.every((x) => /^h[1-4] /.test(x))).toBe(true);
    // Probiblio's closing is labelled as theirs and comes before the footer, which ends the document.
    expect(h[h.length - 1]).toBe('h2 Over het werkboek (Probiblio)');
    const ps = paragraphs(html);
    expect(ps[ps.length - 1]).toMatch(/^Gemaakt op 27 november 2026 \(werkboek \S+\)\.$/);
    const contact = ps.findIndex((p) => p.endsWith('Laat het ons weten: basisvaardigheden@probiblio.nl'));
    expect(contact).toBe(ps.length - 2);
    // Word's heading styles carry their outline level: the navigation pane shows Werkblad › Stap.
    const styles = await unzip(path.join(tmp(), 'dossier.docx'), 'word/styles.xml');
    for (const level of [1, 2, 3, 4]) {
      expect(styles).toMatch(new RegExp(`w:styleId="Heading${level}"><w:name w:val="Heading ${level}"/>[^]*?<w:outlineLvl w:val="${level - 1}"/>`));
    }
  });

  it('alles: the answers, lists as lists, the partner table, no hidden answer', async () => {
    await started('gemeentelandschap', 'randvoorwaarden');
    await run('alles', { output: 'dossier.docx' });
    const { html } = await readBack('dossier.docx');
    const ps = paragraphs(html);
    // A question, then its answer in a paragraph of its own.
    const q = ps.indexOf('Wie voert deze gesprekken?');
    expect(q).toBeGreaterThan(0);
    expect(ps[q + 1]).toBe('De directeur-bestuurder en de wethouder (elk kwartaal).');
    expect(ps[ps.indexOf('1.2. Heb jij een eigen (meerjaren-)plan voor digitale inclusie?') + 1]).toBe('Weet ik (nog) niet (ontwikkelpunt)');
    // A typed bullet list and a typed numbered list stay lists; a line break inside an item stays one.
    expect(html).toMatch(/<ul><li>een Informatiepunt Digitale Overheid in elke wijk<\/li><li>cursussen voor ouderen<\/li><\/ul>/);
    expect(html).toMatch(/<ol><li>Elke inwoner kan bij ons terecht[^<]*<\/li><li>We helpen 1\.500 inwoners per jaar\.<br \/>Ook via de bibliobus\.<\/li>/);
    // Stap 4: the partners of Stap 2 with the columns of Stap 4.
    const partners = tables(html).find((t) => t[0]?.[2] === 'Samenwerkingsafspraken vastgelegd?');
    expect(partners?.[0]).toEqual(['Partner', 'Wat doet deze partner?', 'Samenwerkingsafspraken vastgelegd?', 'Welke afspraken?']);
    expect(partners?.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['Belastingservice (vrijwilligers)', 'Ja'],
      ['Schuldhulpmaatje', 'Nee'],
      ['Welzijn Voorbeeldstad', ''],
    ]);
    expect(partners?.[1]?.[1]).toBe('Hulp bij belastingaangifte.\nAlleen in maart en april.');
    // The file holds answers to follow-ups that are hidden now: they are not in the report.
    expect(await readFile(path.join(tmp(), 'gemeentelandschap.yaml'), 'utf8')).toContain('VERBORGEN');
    expect(html).not.toContain('VERBORGEN');
    // Stap 4's point names the partner; the aandachtspunt names the one without agreements.
    expect(ps).toContain(
      '2. Terugkijkend naar het overzicht van de samenwerkingspartners: zijn er samenwerkingsafspraken vastgelegd? Vul dit overzicht aan. (niet ingevuld bij Welzijn Voorbeeldstad)',
    );
    expect(ps.some((p) => p.endsWith('(Samenwerkingsafspraken vastgelegd? Nee: Schuldhulpmaatje)'))).toBe(true);
  });

  it('tables have fixed column widths made for their headers, across the page the widths are made for', async () => {
    await started('randvoorwaarden');
    await run('randvoorwaarden', { output: 'werkblad.docx' });
    const xml = await unzip(path.join(tmp(), 'werkblad.docx'), 'word/document.xml');
    // The page docx-widths.ts counts on: A4, margins of 2.54 cm.
    expect(xml).toMatch(/<w:pgSz w:w="11906"/);
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
    const functies = xml.split('<w:tbl>').find((t) => t.includes('Verantwoordelijkheden')) ?? '';
    expect(functies).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...functies.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    // Every header word fits its column (less Word's cell margins), and every cell has its column's width.
    const headers = ['Functie', 'Betaald of vrijwillig?', 'Taken', 'Verantwoordelijkheden', 'Bevoegdheden', 'Uren'];
    for (const [i, h] of headers.entries()) expect(Math.max(...h.split(' ').map(wordWidth)), h).toBeLessThanOrEqual((grid[i] ?? 0) - 2 * 108);
    const cells = [...functies.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cells.slice(0, headers.length)).toEqual(grid);
  });

  it('no table row splits over a page break, and the header row repeats on every page', async () => {
    await started('randvoorwaarden');
    await run('randvoorwaarden', { output: 'werkblad.docx' });
    const xml = await unzip(path.join(tmp(), 'werkblad.docx'), 'word/document.xml');
    const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toMatch(/<w:trPr>.*<w:cantSplit\/>.*<\/w:trPr>/s);
    for (const table of xml.split('<w:tbl>').slice(1)) {
      const [first, ...rest] = [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
      expect(first).toContain('<w:tblHeader/>');
      for (const row of rest) expect(row).not.toContain('<w:tblHeader/>');
    }
  });

  it('one worksheet, with a toelichting and control characters: visible, and a valid document', async () => {
    const answers = [
      'werkblad: gemeentelandschap',
      'versie: 1',
      'status: concept',
      'antwoorden:',
      '  naam: "An\\e[31m de Vries"',
      '  bibliotheek: "Bieb \\x01 <b>&amp;"',
      '  thema-in-agenda: { antwoord: ja, toelichting: "Deels\\a, alleen <IDO>" }',
      '  thema-in-agenda-wijze: "regel 1\\nregel 2\\x0b\\x7f\\x85"',
      '',
    ].join('\n');
    await writeFile(path.join(tmp(), 'gemeentelandschap.yaml'), answers);
    await run('gemeentelandschap', { output: 'werkblad.docx' });
    const { html, messages } = await readBack('werkblad.docx');
    expect(messages).toEqual([]);
    const ps = paragraphs(html);
    expect(ps).toContain('Naam: An␛[31m de Vries');
    expect(ps).toContain('Bibliotheek: Bieb ␁ <b>&amp;');
    expect(ps).toContain('Toelichting: Deels␇, alleen <IDO>');
    expect(ps).toContain('regel 1\nregel 2␋␡\uFFFD');
    // No control character reached the document (Word would refuse the file).
    const xml = await unzip(path.join(tmp(), 'werkblad.docx'), 'word/document.xml');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain('&lt;b&gt;&amp;amp;');
  });

  it('an own worksheet does not mention Probiblio', async () => {
    const own = path.join(tmp(), 'mijn-werkblad.yaml');
    await copyFile(fileURLToPath(new URL('../examples/mijn-werkblad.yaml', import.meta.url)), own);
    await writeFile(path.join(tmp(), 'onderwijs.yaml'), 'werkblad: onderwijs\nversie: 1\nantwoorden:\n  naam: An\n  afspraken-met-scholen: nee\n');
    await run('./mijn-werkblad.yaml', { output: 'eigen.docx' });
    const { html } = await readBack('eigen.docx');
    expect(headings(html)[0]).toBe('h1 Werkblad 4: Samenwerking met het onderwijs');
    expect(html).not.toMatch(/Probiblio|Meer informatie|werktraject/);
    // The example marks its first question: an adviser can mark aandachtspunten in an own worksheet too.
    expect(headings(html)).toContain('h3 Aandachtspunten');
    expect(paragraphs(html)).toContain('1. Heeft de bibliotheek afspraken met scholen over digitale vaardigheden? (Nee)');
  });

  it('refuses docx without -o, to the screen, and with an own template', async () => {
    await started('gemeentelandschap');
    for (const opts of [{}, { output: '-' }]) {
      const err = await run('gemeentelandschap', opts).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WerkboekError);
      expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
      expect((err as WerkboekError).message).toBe('Een Word-bestand kan niet op het scherm worden getoond; geef een bestandsnaam met -o.');
    }
    await writeFile(path.join(tmp(), 'eigen.liquid'), '# {{ title }}\n');
    const err = await run('gemeentelandschap', { output: 'x.docx', template: 'eigen.liquid' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as WerkboekError).message).toBe('Een eigen sjabloon (--sjabloon) maakt Markdown, geen Word-bestand.');
    expect(out.out).toBe('');
  });
});

describe('vergelijk as Word', () => {
  it('three respondents: headings, the merged partner table, gesprekspunten, no hidden answer', async () => {
    for (const name of ['randvoorwaarden.yaml', 'randvoorwaarden.piet-bakker.yaml', 'randvoorwaarden.anna-de-jong.yaml']) {
      await copyFile(path.join(COMPARE, name), path.join(tmp(), name));
    }
    await compare({ worksheet: 'randvoorwaarden', format: 'docx', output: 'vergelijking.docx', map: tmp(), cwd: tmp(), out, now: NOW });
    expect(out.out).toBe("Vergelijking van 3 collega's geschreven naar vergelijking.docx\n");
    const { html, messages } = await readBack('vergelijking.docx');
    expect(messages).toEqual([]);
    const h = headings(html);
    expect(h.slice(0, 2)).toEqual(['h1 Vergelijking Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening', 'h2 Gesprekspunten']);
    expect(h).toContain('h2 Stap 4. Processen en werkwijzen op het gebied van samenwerken');
    expect(h).toContain('h2 Ontwikkelpunten');
    expect(h[h.length - 1]).toBe('h2 Over het werkboek (Probiblio)');
    expect(h.every((x) => /^h[1-4] /.test(x))).toBe(true);
    const partners = tables(html).find((t) => t[0]?.[0] === 'Partner' && t[0]?.includes('Genoemd door'));
    expect(partners?.[0]).toEqual(['Partner', 'Wat doet deze partner?', 'Genoemd door']);
    expect(partners?.length).toBeGreaterThan(1);
    // Short answers side by side: a column per respondent.
    expect(tables(html).some((t) => t[0]?.join('|') === 'Sanne de Vries|Anna <b>de</b> Jong | *MT*|Piet Bakker')).toBe(true);
    expect(paragraphs(html).some((p) => p.startsWith('Gesprekspunt: '))).toBe(true);
    // Sanne's file holds an answer to a follow-up she does not see.
    expect(await readFile(path.join(tmp(), 'randvoorwaarden.yaml'), 'utf8')).toContain('VERBORGEN');
    expect(html).not.toContain('VERBORGEN');
  });
});

describe('the built program (the bundle, with the docx package in a chunk of its own)', () => {
  it('rapport alles -o dossier.docx writes a document mammoth reads; a missing -o is exit 2 in Dutch', async () => {
    assertBuilt();
    await started('gemeentelandschap', 'randvoorwaarden');
    const r = await runCli(['rapport', 'alles', '--map', tmp(), '-o', path.join(tmp(), 'dossier.docx')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { html, messages } = await readBack('dossier.docx');
    expect(messages).toEqual([]);
    expect(headings(html).slice(0, 2)).toEqual(['h1 Dossier digitale inclusie – Bibliotheek Voorbeeldstad', 'h2 Samenvatting']);
    const bad = await runCli(['rapport', 'alles', '--map', tmp(), '--formaat', 'docx']);
    expect(bad.code).toBe(ExitCode.usage);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /^werkboek: Een Word-bestand kan niet op het scherm worden getoond; geef een bestandsnaam met -o\.\nBijvoorbeeld: .* rapport alles -o dossier\.docx\n$/,
    );
  });
});

describe('vergelijk as Word with one respondent', () => {
  it('says so and writes the ordinary report as Word', async () => {
    await copyFile(path.join(COMPARE, 'randvoorwaarden.piet-bakker.yaml'), path.join(tmp(), 'randvoorwaarden.piet-bakker.yaml'));
    await compare({ worksheet: 'randvoorwaarden', format: 'docx', output: 'v.docx', map: tmp(), cwd: tmp(), out, now: NOW });
    expect(out.err).toMatch(/^Alleen Piet Bakker heeft werkblad 2 ingevuld/);
    const { html } = await readBack('v.docx');
    expect(headings(html).slice(0, 2)).toEqual(['h1 Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening', 'h2 Samenvatting']);
  });
});

/** A part of a .docx (word/document.xml), unzipped with the zip reader mammoth (and docx) use. */
async function unzip(file: string, part: string): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(await readFile(file));
  return (await zip.file(part)?.async('string')) ?? '';
}
