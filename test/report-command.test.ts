// `werkboek rapport`: the command, with a temporary --map folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { copyFile, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { report, type ReportOptions } from '../src/commands/rapport.js';
import { ExitCode, FileIssuesError, WerkboekError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { FIXTURES, NOW } from './report-helpers.js';

let dir: string;
let out: ReturnType<typeof memoryOutput>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkboek-rapport-'));
  out = memoryOutput();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function started(...ids: string[]): Promise<void> {
  for (const id of ids) await copyFile(path.join(FIXTURES, `${id}.yaml`), path.join(dir, `${id}.yaml`));
}

function run(worksheet: string, opts: Partial<ReportOptions> = {}): Promise<void> {
  return report({ worksheet, format: 'md', map: dir, cwd: dir, out, now: NOW, ...opts });
}

async function rejection(promise: Promise<unknown>): Promise<WerkboekError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WerkboekError);
  return err as WerkboekError;
}

describe('werkboek rapport', () => {
  it('writes Markdown to stdout and nothing else', async () => {
    await started('gemeentelandschap');
    await run('gemeentelandschap');
    const golden = await readFile(path.join(FIXTURES, 'gemeentelandschap.expected.md'), 'utf8');
    // Only the program version in the last line differs from the golden file.
    expect(out.out.replace(/werkboek \d+\.\d+\.\d+[^\s)]*/, 'werkboek')).toBe(golden);
    expect(out.err).toBe('');
  });

  it('accepts the worksheet number', async () => {
    await started('gemeentelandschap');
    await run('1');
    expect(out.out).toMatch(/^# Werkblad 1: Verken jouw gemeentelandschap\n/);
  });

  it('-o writes the file and prints one Dutch line', async () => {
    await started('gemeentelandschap');
    await run('gemeentelandschap', { output: 'rapport.md' });
    expect(out.out).toBe('Rapport geschreven naar rapport.md\n');
    const written = await readFile(path.join(dir, 'rapport.md'), 'utf8');
    expect(written).toMatch(/^# Werkblad 1: Verken jouw gemeentelandschap\n/);
    // Written atomically: no temp files left behind.
    expect((await readdir(dir)).sort()).toEqual(['gemeentelandschap.yaml', 'rapport.md']);
  });

  it('-o outside the current folder prints the full path', async () => {
    await started('gemeentelandschap');
    const other = await mkdtemp(path.join(os.tmpdir(), 'werkboek-rapport-uit-'));
    try {
      const target = path.join(other, 'r.md');
      await run('gemeentelandschap', { output: target });
      expect(out.out).toBe(`Rapport geschreven naar ${target}\n`);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('-o into a folder that does not exist: a write error', async () => {
    await started('gemeentelandschap');
    const err = await rejection(run('gemeentelandschap', { output: 'bestaat-niet/r.md' }));
    expect(err.exitCode).toBe(ExitCode.writeFailed);
    expect(err.message).toContain('bestaat niet');
  });

  it('refuses to overwrite an answers file', async () => {
    await started('gemeentelandschap');
    const err = await rejection(run('gemeentelandschap', { output: 'gemeentelandschap.yaml' }));
    expect(err.exitCode).toBe(ExitCode.usage);
    expect(await readFile(path.join(dir, 'gemeentelandschap.yaml'), 'utf8')).toContain('werkblad: gemeentelandschap');
    // Not even with --vervang.
    await rejection(run('gemeentelandschap', { output: 'gemeentelandschap.yaml', replace: true }));
    expect(await readFile(path.join(dir, 'gemeentelandschap.yaml'), 'utf8')).toContain('werkblad: gemeentelandschap');
  });

  it('-o never replaces an existing report silently: exit 2, a free name in the hint; --vervang replaces it', async () => {
    await started('gemeentelandschap');
    await mkdir(path.join(dir, 'verslagen'));
    const file = path.join(dir, 'verslagen', 'rapport.md');
    await writeFile(file, 'bewerkt rapport\n');
    await writeFile(path.join(dir, 'verslagen', 'rapport-2.md'), 'ook bewerkt\n');
    const err = await rejection(run('gemeentelandschap', { output: 'verslagen/rapport.md' }));
    expect(err.exitCode).toBe(ExitCode.usage);
    expect(err.message).toBe('verslagen/rapport.md bestaat al. werkboek vervangt een bestaand bestand niet zomaar: misschien is het bewerkt of verstuurd.');
    expect(err.hint).toBe('Kies een andere naam (bijvoorbeeld -o verslagen/rapport-3.md), of geef --vervang mee om het te vervangen.');
    expect(await readFile(file, 'utf8')).toBe('bewerkt rapport\n');
    expect(out.out).toBe('');
    // A Word document is refused the same way (the bytes are made, never written over the file).
    await writeFile(path.join(dir, 'dossier.docx'), 'bewerkt');
    await rejection(run('alles', { output: 'dossier.docx', format: 'docx' }));
    expect(await readFile(path.join(dir, 'dossier.docx'), 'utf8')).toBe('bewerkt');
    // --vervang: replaced, atomically (no temp file left).
    await run('gemeentelandschap', { output: 'verslagen/rapport.md', replace: true });
    expect(await readFile(file, 'utf8')).toMatch(/^# Werkblad 1: Verken jouw gemeentelandschap\n/);
    expect((await readdir(path.join(dir, 'verslagen'))).sort()).toEqual(['rapport-2.md', 'rapport.md']);
  });

  it('-o a name in use by a link to nothing: refused, the link left alone', async () => {
    await started('gemeentelandschap');
    await symlink(path.join(dir, 'weg.md'), path.join(dir, 'rapport.md'));
    const err = await rejection(run('gemeentelandschap', { output: 'rapport.md' }));
    expect(err.message).toContain('bestaat al');
    expect((await lstat(path.join(dir, 'rapport.md'))).isSymbolicLink()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['gemeentelandschap.yaml', 'rapport.md']);
  });

  it('alles: one dossier, not-started sheets mentioned', async () => {
    await started('gemeentelandschap', 'randvoorwaarden');
    await run('alles');
    const md = out.out;
    expect(md).toMatch(/^# Dossier digitale inclusie – Bibliotheek Voorbeeldstad\n/);
    expect(md).toContain('## Werkblad 1: Verken jouw gemeentelandschap');
    expect(md).toContain('## Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening');
    expect(md).not.toContain('## Werkblad 3');
    // A report is read by others: no command lines in it.
    expect(md).toContain('- **Werkblad 3: Plan van aanpak Profilering**: nog niet begonnen.\n');
    expect(md).not.toContain('werkboek start');
    // Opens with the summary; what the worksheets are for and the workbook's closing are Probiblio's, before the footer.
    expect(md.indexOf('## Samenvatting')).toBeLessThan(md.indexOf('## Werkblad 1'));
    expect(md.indexOf('Voor elke stap is een werkblad ontwikkeld')).toBeGreaterThan(md.indexOf('## Over het werkboek (Probiblio)'));
    expect(md.trimEnd()).toMatch(
      /\n## Over het werkboek \(Probiblio\)\n\n[\s\S]*Laat het ons weten: basisvaardigheden@probiblio\.nl\n\n---\n\n_Gemaakt op [^\n]* \(werkboek [^\n]*\)\._$/,
    );
  });

  it('alles without any started sheet: an error', async () => {
    const err = await rejection(run('alles'));
    expect(err.exitCode).toBe(ExitCode.usage);
    expect(err.message).toBe('Er is nog geen werkblad begonnen, dus er is nog niets voor een rapport.');
    expect(err.hint).toContain('werkboek start gemeentelandschap');
  });

  it('marks a concept with how far it is', async () => {
    await started('plan-van-aanpak');
    await run('plan-van-aanpak');
    expect(out.out).toContain('> **Concept: 4 van 9 vragen beantwoord.** Dit werkblad is nog niet afgerond.');
  });

  it('unknown worksheet: suggests the nearest', async () => {
    const err = await rejection(run('gemeentelandscap'));
    expect(err.exitCode).toBe(ExitCode.usage);
    expect(err.message).toBe('Onbekend werkblad "gemeentelandscap". Bedoel je "gemeentelandschap"?');
  });

  it('a typo of alles', async () => {
    const err = await rejection(run('alle'));
    expect(err.message).toBe('Onbekend werkblad "alle". Bedoel je "alles"?');
    expect(err.hint).toContain('Of: alles');
  });

  it('not started: tells how to begin', async () => {
    const err = await rejection(run('randvoorwaarden'));
    expect(err.exitCode).toBe(ExitCode.usage);
    // The suggestion repeats --map: the report was asked for this dossier, not the default one.
    expect(err.message).toBe(
      `Werkblad 2 (Randvoorwaarden digitale inclusie dienstverlening) is nog niet begonnen. Begin met: werkboek start randvoorwaarden --map ${dir}`,
    );
    expect(err.hint).toContain(dir);
  });

  it('an unreadable answers file: its own error', async () => {
    await writeFile(path.join(dir, 'gemeentelandschap.yaml'), 'werkblad: gemeentelandschap\nantwoorden: [kapot\n');
    const err = await rejection(run('gemeentelandschap'));
    expect(err).toBeInstanceOf(FileIssuesError);
    expect(err.exitCode).toBe(ExitCode.badFile);
    const err2 = await rejection(run('alles'));
    expect(err2).toBeInstanceOf(FileIssuesError);
  });

  describe('--sjabloon', () => {
    it('renders a custom template', async () => {
      await started('randvoorwaarden');
      await writeFile(
        path.join(dir, 'kort.liquid'),
        '{% for s in sheets %}{{ s.heading }}: {{ s.statusLine }} ({{ s.developmentPoints.count }} ontwikkelpunten){% endfor %}\n',
      );
      await run('randvoorwaarden', { template: 'kort.liquid' });
      // 9: the 8 unanswered questions, and Stap 4 (a partner without samenwerkingsafspraken).
      expect(out.out).toBe('Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening: Concept: 26 van 31 vragen beantwoord (9 ontwikkelpunten)\n');
    });

    it('an unknown variable: file and line, in Dutch', async () => {
      await started('gemeentelandschap');
      await writeFile(path.join(dir, 'sjabloon.liquid'), '# {{ title }}\n\n{{ sheets[0].naam }}\n');
      const err = await rejection(run('gemeentelandschap', { template: 'sjabloon.liquid' }));
      expect(err.message).toBe('sjabloon.liquid:3: onbekende variabele "sheets[0].naam"');
      expect(err.exitCode).toBe(ExitCode.usage);
      expect(err.hint).toContain('rapport.md.liquid');
      expect(out.out).toBe('');
    });

    it('a parse error: file and line, in Dutch', async () => {
      await started('gemeentelandschap');
      await writeFile(path.join(dir, 'sjabloon.liquid'), 'regel 1\n{% if concept %}\nnooit gesloten\n');
      const err = await rejection(run('gemeentelandschap', { template: 'sjabloon.liquid' }));
      expect(err.message).toBe('sjabloon.liquid:2: {% if concept %} wordt niet afgesloten');
    });

    it('an unknown filter and an unknown tag', async () => {
      await started('gemeentelandschap');
      await writeFile(path.join(dir, 'a.liquid'), '\n{{ title | vet }}');
      expect((await rejection(run('gemeentelandschap', { template: 'a.liquid' }))).message).toBe('a.liquid:2: onbekend filter "vet"');
      await writeFile(path.join(dir, 'b.liquid'), '{% kop %}');
      expect((await rejection(run('gemeentelandschap', { template: 'b.liquid' }))).message).toBe('b.liquid:1: onbekende tag "kop"');
    });

    it('cannot read other files', async () => {
      await started('gemeentelandschap');
      for (const tag of ["{% include 'gemeentelandschap.yaml' %}", "{% render '/etc/passwd' %}", "{% layout 'sjabloon.liquid' %}"]) {
        await writeFile(path.join(dir, 'sjabloon.liquid'), `x\n${tag}\n`);
        const err = await rejection(run('gemeentelandschap', { template: 'sjabloon.liquid' }));
        expect(err.message).toMatch(/^sjabloon\.liquid:2: kan ".*" niet invoegen: een sjabloon kan geen andere bestanden gebruiken$/);
      }
    });

    it('a missing template file', async () => {
      await started('gemeentelandschap');
      const err = await rejection(run('gemeentelandschap', { template: 'weg.liquid' }));
      expect(err.message).toBe('Kan sjabloon weg.liquid niet lezen: bestand of map bestaat niet.');
    });
  });

  describe('--formaat', () => {
    it('html: a full document', async () => {
      await started('gemeentelandschap');
      await run('gemeentelandschap', { format: 'html', output: 'rapport.html' });
      const html = await readFile(path.join(dir, 'rapport.html'), 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
      expect(html).toContain('<title>Werkblad 1: Verken jouw gemeentelandschap</title>');
      expect(html).toContain('<strong>Noteer op welke wijze.</strong>');
      expect(out.out).toBe('Rapport geschreven naar rapport.html\n');
    });

    it('html: HTML in a custom template is sanitised too', async () => {
      await started('gemeentelandschap');
      await writeFile(
        path.join(dir, 's.liquid'),
        '# {{ title }}\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<a href="javascript:alert(1)">klik</a> [ook](javascript:alert(2))\n',
      );
      await run('gemeentelandschap', { format: 'html', template: 's.liquid' });
      expect(out.out).toContain('<h1');
      expect(out.out).not.toMatch(/<script|onerror|javascript:/i);
    });

    it('eml: a draft with X-Unsent, subject and --aan', async () => {
      await started('randvoorwaarden');
      await run('randvoorwaarden', { format: 'eml', to: 'beleid@gemeente.nl' });
      const mail = await simpleParser(out.out);
      expect(mail.headers.get('x-unsent')).toBe('1');
      expect(mail.subject).toBe('Werkboek digitale inclusie: Randvoorwaarden digitale inclusie dienstverlening – Bibliotheek Voorbeeldstad');
      expect(Array.isArray(mail.to) ? undefined : mail.to?.text).toBe('beleid@gemeente.nl');
      expect(mail.text).toMatch(/^Werkblad 2: Randvoorwaarden digitale inclusie dienstverlening\n═+\n/);
      expect(mail.html).toContain('<html lang="nl">');
    });

    it('eml for alles: the dossier subject', async () => {
      await started('gemeentelandschap');
      await run('alles', { format: 'eml', output: 'dossier.eml' });
      const mail = await simpleParser(await readFile(path.join(dir, 'dossier.eml')));
      expect(mail.subject).toBe('Dossier digitale inclusie – Bibliotheek Voorbeeldstad');
      expect(mail.to).toBeUndefined();
    });

    it('--aan: an invalid address, or without eml', async () => {
      await started('gemeentelandschap');
      const bad = await rejection(run('gemeentelandschap', { format: 'eml', to: 'geen-adres' }));
      expect(bad.message).toBe('Ongeldig e-mailadres "geen-adres".');
      expect(bad.exitCode).toBe(ExitCode.usage);
      const bad2 = await rejection(run('gemeentelandschap', { format: 'eml', to: 'a@b.nl, x@y' }));
      expect(bad2.message).toBe('Ongeldig e-mailadres "x@y".');
      const injected = await rejection(run('gemeentelandschap', { format: 'eml', to: 'a@b.nl\nBcc: c@d.nl' }));
      expect(injected.exitCode).toBe(ExitCode.usage);
      const md = await rejection(run('gemeentelandschap', { to: 'a@b.nl' }));
      expect(md.message).toBe('--aan hoort bij een e-mailconcept.');
    });
  });
});

describe('lazy loading', () => {
  it('the Markdown path does not import marked, sanitize-html, nodemailer or docx', async () => {
    const src = path.join(path.dirname(FIXTURES), '..', '..', 'src');
    for (const file of [
      'report/model.ts',
      'report/points.ts',
      'report/summary.ts',
      'report/markdown.ts',
      'report/template.ts',
      'report/deliver.ts',
      'commands/rapport.ts',
      'commands/vergelijk.ts',
    ]) {
      const text = await readFile(path.join(src, file), 'utf8');
      expect(text, file).not.toMatch(/^import[^;]*from '(marked|sanitize-html|nodemailer[^']*|docx)'/m);
      expect(text, file).not.toMatch(/^import[^;]*from '[./]*(report\/)?(html|eml|plain-text|docx|docx-blocks)\.js'/m);
    }
  });
});

describe('rapport -o: never over answers, never replacing a device or pipe', () => {
  it('refuses an answers file of another dossier or worksheet, by its content', async () => {
    await started('gemeentelandschap');
    const elsewhere = path.join(dir, 'andere-bieb');
    await mkdir(elsewhere);
    const victim = path.join(elsewhere, 'randvoorwaarden.yaml');
    await copyFile(path.join(FIXTURES, 'randvoorwaarden.yaml'), victim);
    const before = await readFile(victim, 'utf8');
    const err = await rejection(run('gemeentelandschap', { output: victim }));
    expect(err.message).toContain('is een antwoordbestand');
    expect(await readFile(victim, 'utf8')).toBe(before);
  });

  it('refuses a folder', async () => {
    await started('gemeentelandschap');
    const err = await rejection(run('gemeentelandschap', { output: dir }));
    expect(err.message).toContain('is geen gewoon bestand');
  });

  it('-o a link to a file, with --vervang: the file gets the report, the link stays a link', async () => {
    await started('gemeentelandschap');
    await mkdir(path.join(dir, 'echt'));
    const real = path.join(dir, 'echt', 'rapport.md');
    await writeFile(real, 'oud rapport\n');
    await symlink(real, path.join(dir, 'rapport.md'));
    // Without --vervang the file behind the link is not replaced either.
    await rejection(run('gemeentelandschap', { output: 'rapport.md' }));
    expect(await readFile(real, 'utf8')).toBe('oud rapport\n');
    await run('gemeentelandschap', { output: 'rapport.md', replace: true });
    expect((await lstat(path.join(dir, 'rapport.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toContain('# Werkblad 1: Verken jouw gemeentelandschap');
    expect(await readdir(path.join(dir, 'echt'))).toEqual(['rapport.md']);
    // A link to an answers file is refused like the file itself.
    await symlink(path.join(dir, 'gemeentelandschap.yaml'), path.join(dir, 'antwoorden-link.md'));
    expect((await rejection(run('gemeentelandschap', { output: 'antwoorden-link.md' }))).message).toContain('antwoordbestand');
    expect((await rejection(run('gemeentelandschap', { output: 'antwoorden-link.md', replace: true }))).message).toContain('antwoordbestand');
  });

  it('writes into /dev/null and a FIFO as streams: they stay what they are', async () => {
    await started('gemeentelandschap');
    // (Only where /dev/null is the device it should be: never make a broken machine worse.)
    if ((await stat('/dev/null')).isCharacterDevice()) {
      await run('gemeentelandschap', { output: '/dev/null' });
      expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
    }
    const fifo = path.join(dir, 'pijp');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      createReadStream(fifo)
        .on('data', (c) => chunks.push(c as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    await run('gemeentelandschap', { output: fifo });
    expect(await reader).toContain('# Werkblad 1: Verken jouw gemeentelandschap');
    expect((await stat(fifo)).isFIFO()).toBe(true);
    expect(out.out).toBe('');
  });
});
