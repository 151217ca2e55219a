// `rapport`, `vergelijk` and `verschil` without -o: on a terminal readable text fitted to
// its width (no "#", "**" or "| --- |" rows cut mid-word); into a pipe or a
// file Markdown, as before.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { report } from '../src/commands/rapport.js';
import { compare } from '../src/commands/vergelijk.js';
import { newRound } from '../src/commands/nieuwe-ronde.js';
import { difference } from '../src/commands/verschil.js';
import { ExitCode, WerkboekError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { useTempDir } from './helpers/temp.js';
import { FIXTURES, NOW } from './report-helpers.js';

const COMPARE = fileURLToPath(new URL('./fixtures/compare/', import.meta.url));
const tmp = useTempDir('werkboek-scherm-');

function expectScreenText(text: string, width: number): void {
  expect(text).not.toMatch(/^#/m);
  expect(text).not.toContain('**');
  expect(text).not.toMatch(/\| --- \|/);
  for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width - 1);
}

describe('a report on a terminal', () => {
  it('rapport: plain text fitted to the terminal; into a pipe Markdown', async () => {
    await copyFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), path.join(tmp(), 'randvoorwaarden.yaml'));
    const screen = memoryOutput(80);
    await report({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: screen, now: NOW });
    expectScreenText(screen.out, 80);
    expect(screen.out).toMatch(/^Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening\n═+\n/);
    // A table is a list, a bullet's text goes on under its text.
    // No colon after a label that ends in "?".
    expect(screen.out).toMatch(/\n• Functie: Coördinator digitale inclusie\n {3}Betaald of vrijwillig\? betaald/);
    expect(screen.out).not.toMatch(/[?:]: /);
    // A long question numbered "4.2." or "a. I." goes on under its text, as one numbered "1." does.
    expect(screen.out).toMatch(/\n4\.2\. Vanuit welke partners [^\n]*\n {5}\S/);
    expect(screen.out).toMatch(/\na\. I\. Wat registreer je [^\n]*\n {6}\S/);
    const pipe = memoryOutput();
    await report({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: pipe, now: NOW });
    expect(pipe.out).toMatch(/^# Werkblad 2: Randvoorwaarden/);
    expect(pipe.out).toContain('| --- |');
    // -o - is standard output too: on a terminal the same text.
    const dash = memoryOutput(80);
    await report({ worksheet: 'randvoorwaarden', format: 'md', output: '-', map: tmp(), cwd: tmp(), out: dash, now: NOW });
    expect(dash.out).toBe(screen.out);
  });

  it('vergelijk: the same', async () => {
    for (const name of ['randvoorwaarden.yaml', 'randvoorwaarden.piet-bakker.yaml']) await copyFile(path.join(COMPARE, name), path.join(tmp(), name));
    const screen = memoryOutput(72);
    await compare({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: screen, now: NOW });
    expectScreenText(screen.out, 72);
    expect(screen.out).toContain('Gesprekspunten\n──────────────');
    // Everyone's short answer side by side: a bullet for each respondent, not only the first.
    expect(screen.out).toMatch(/\n• Sanne de Vries: Ja\n• Piet Bakker: Weet ik \(nog\) niet\n/);
    const pipe = memoryOutput();
    await compare({ worksheet: 'randvoorwaarden', format: 'md', map: tmp(), cwd: tmp(), out: pipe, now: NOW });
    expect(pipe.out).toMatch(/^# Vergelijking Werkblad 2/);
    // The e-mail's text part the same way.
    await compare({ worksheet: 'randvoorwaarden', format: 'eml', output: 'v.eml', map: tmp(), cwd: tmp(), out: memoryOutput(), now: NOW });
    // Quoted-printable, decoded.
    const raw = (await readFile(path.join(tmp(), 'v.eml'), 'latin1'))
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    const mail = Buffer.from(raw, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
    expect(mail).toContain('\n• Sanne de Vries: Ja\n• Piet Bakker: Weet ik (nog) niet\n');
  });

  it('verschil: the same; a changed partner without "?:"', async () => {
    await copyFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), path.join(tmp(), 'randvoorwaarden.yaml'));
    await newRound({ map: tmp(), name: '2026', yes: true, cwd: tmp(), out: memoryOutput() });
    const text = await readFile(path.join(tmp(), 'ronde-2026', 'randvoorwaarden.yaml'), 'utf8');
    await writeFile(
      path.join(tmp(), 'randvoorwaarden.yaml'),
      text.replace('collectie: ja', 'collectie: nee').replace('Hulp bij geldzaken', 'Hulp bij schulden'),
    );
    const screen = memoryOutput(72);
    await difference({ map: tmp(), format: 'md', cwd: tmp(), out: screen, now: NOW });
    expectScreenText(screen.out, 72);
    expect(screen.out).toMatch(/^Wat is er veranderd bij Bibliotheek Voorbeeldstad/);
    expect(screen.out).toContain('\nWas:\n\nJa\n\nNu:\n\nNee\n');
    expect(screen.out.replace(/\s+/g, ' ')).toContain('Wat doet deze partner? was "Hulp bij geldzaken", nu "Hulp bij schulden"');
    const pipe = memoryOutput();
    await difference({ map: tmp(), format: 'md', cwd: tmp(), out: pipe, now: NOW });
    expect(pipe.out).toMatch(/^# Wat is er veranderd/);
    expect(pipe.out).toContain('**Was:**');
  });
});

describe('-o with a name that promises another format', () => {
  const refused = async (run: Promise<void>) => {
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WerkboekError);
    expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
    return err as WerkboekError;
  };

  it('verschil -o v.docx (or .pdf) is refused before anything is written: verschil makes no Word document', async () => {
    const before = await readdir(tmp());
    for (const output of ['v.docx', 'V.PDF', 'v.txt']) {
      const err = await refused(difference({ map: tmp(), format: 'md', output, cwd: tmp(), out: memoryOutput() }));
      expect(err.message).toMatch(/^Hier kan werkboek geen .+ maken/);
      expect(err.hint).toBe('Kies -o verschil.md (tekst met opmaaktekens), -o verschil.html (webpagina) of -o verschil.eml (e-mailconcept).');
    }
    expect(await readdir(tmp())).toEqual(before);
  });

  it('rapport and vergelijk: --formaat that does not fit the name is refused; a name without a known extension is taken', async () => {
    await copyFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), path.join(tmp(), 'randvoorwaarden.yaml'));
    const base = { worksheet: 'randvoorwaarden', map: tmp(), cwd: tmp(), out: memoryOutput(), now: NOW };
    const err = await refused(report({ ...base, format: 'md', output: 'r.docx' }));
    expect(err.message).toBe('r.docx is de naam van een Word-document, maar met --formaat md wordt het iets anders; dan kan het bestand niet worden geopend.');
    await refused(report({ ...base, format: 'docx', output: 'r.html' }));
    await refused(compare({ ...base, format: 'html', output: 'v.eml' }));
    await report({ ...base, format: 'md', output: 'rapport-zonder-extensie' });
    expect(await readFile(path.join(tmp(), 'rapport-zonder-extensie'), 'utf8')).toMatch(/^# Werkblad 2/);
  });
});
