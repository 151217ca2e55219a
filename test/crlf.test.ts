// Answers files edited on Windows (Notepad, Word's "platte tekst", an editor
// set to CRLF) have CRLF line ends: they stay readable (answers without a
// stray "\r", mistakes at the right line and column, controleer happy) and
// stay CRLF after werkboek saves them, also with long answers, drafts,
// comments, a change made meanwhile and one save after another.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Worksheet } from '../src/definition/schema.js';
import { loadShippedWorksheets } from '../src/definition/load.js';
import { AnswersFile } from '../src/dossier/answers-file.js';
import { FileIssuesError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { check } from '../src/commands/controleer.js';
import { report } from '../src/commands/rapport.js';
import { plainPrompter } from '../src/terminal/plain.js';
import { useTempDir } from './helpers/temp.js';

const tmp = useTempDir('werkboek-crlf-');
let G: Worksheet;
beforeAll(async () => {
  G = (await loadShippedWorksheets()).find((s) => s.id === 'gemeentelandschap')!;
});

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const FILE = `# Antwoorden bij werkblad 1, bewerkt in Kladblok
werkblad: gemeentelandschap
versie: 1
status: concept
aangemaakt: 2026-11-20T09:00:00.000Z
bijgewerkt: 2026-11-20T09:00:00.000Z
programma: werkboek 0.1.0
antwoorden:
  naam: Anna # de coördinator
  bibliotheek: Bieb Oost
  thema-in-agenda: ja
  thema-in-agenda-wijze: |-
    Coalitieakkoord 2022-2026:
    paragraaf over digitale inclusie
concepten:
  aanspreekpunt: Jan Jansen
`;

/** Only CRLF line ends: no "\n" without "\r" before it. */
function expectOnlyCrlf(text: string): void {
  expect(text).toContain('\r\n');
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

describe('an answers file with CRLF line ends (from a Windows editor)', () => {
  it('reads long answers, drafts and comments without a stray "\\r"', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, crlf(FILE));
    const f = (await AnswersFile.read(file, G))!;
    expect(f.answers).toMatchObject({
      naam: 'Anna',
      bibliotheek: 'Bieb Oost',
      'thema-in-agenda': 'ja',
      'thema-in-agenda-wijze': 'Coalitieakkoord 2022-2026:\nparagraaf over digitale inclusie',
    });
    expect(f.drafts).toEqual({ aanspreekpunt: 'Jan Jansen' });
    expect(JSON.stringify([f.answers, f.drafts])).not.toContain('\\r');
  });

  it('stays CRLF after saves (a long answer, a draft), with its comments, and reads back the same', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, crlf(FILE));
    const f = (await AnswersFile.read(file, G))!;
    f.setAnswer('aanspreekpunt', 'Jan Jansen\nafdeling Sociaal Domein');
    f.clearDraft('aanspreekpunt');
    await f.save();
    // A second save right after: the file on disk is the one written (no false "changed meanwhile").
    f.setAnswer('resultaatdoelen', 'nee');
    f.setDraft('resultaatdoelen-wensen', 'Meer\nsamenwerking');
    await f.save();
    const saved = await readFile(file, 'utf8');
    expectOnlyCrlf(saved);
    expect(saved).toContain('# Antwoorden bij werkblad 1, bewerkt in Kladblok\r\n');
    expect(saved).toContain('naam: Anna # de coördinator\r\n');
    const again = (await AnswersFile.read(file, G))!;
    expect(again.answers).toMatchObject({ aanspreekpunt: 'Jan Jansen\nafdeling Sociaal Domein', resultaatdoelen: 'nee' });
    expect(again.drafts).toEqual({ 'resultaatdoelen-wensen': 'Meer\nsamenwerking' });
  });

  it('a change made meanwhile in the Windows editor is merged, and the file stays CRLF', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, FILE);
    const f = (await AnswersFile.read(file, G))!;
    // Meanwhile someone opens the file in an editor that saves CRLF, and changes another answer.
    await writeFile(file, crlf(FILE.replace('bibliotheek: Bieb Oost', 'bibliotheek: Bibliotheek Oost')));
    f.setAnswer('resultaatdoelen', 'ja');
    await f.save();
    const saved = await readFile(file, 'utf8');
    expectOnlyCrlf(saved);
    expect((await AnswersFile.read(file, G))!.answers).toMatchObject({ bibliotheek: 'Bibliotheek Oost', resultaatdoelen: 'ja' });
  });

  it('a mistake is reported at the same line and column as in the LF file, and the file is left as it is', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    const issuesOf = async (text: string) => {
      await writeFile(file, text);
      const err = await AnswersFile.read(file, G, 'gemeentelandschap.yaml').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileIssuesError);
      return (err as FileIssuesError).issues.map((i) => `${i.line}:${i.col}: ${i.message}`);
    };
    for (const mistake of ['thema-in-agenda: misschien', 'thema-in-agenda: [ja']) {
      const broken = FILE.replace('thema-in-agenda: ja', mistake);
      const lf = await issuesOf(broken);
      expect(lf[0]).toMatch(/^1[12]:\d+: /);
      expect(await issuesOf(crlf(broken))).toEqual(lf);
      expect(await readFile(file, 'utf8')).toBe(crlf(broken));
    }
  });

  it('controleer accepts it and a report shows its answers as plain lines', async () => {
    const file = path.join(tmp(), 'gemeentelandschap.yaml');
    await writeFile(file, crlf(FILE));
    const out = memoryOutput();
    expect(await check({ files: [file], cwd: tmp(), out })).toBe(0);
    const md = memoryOutput();
    await report({ worksheet: 'gemeentelandschap', format: 'md', map: tmp(), cwd: tmp(), out: md, now: new Date(2026, 11, 7) });
    expect(md.out).toContain('paragraaf over digitale inclusie');
    expect(md.out).not.toContain('\r');
  });
});

describe('answers for the plain mode in a file made on Windows (start --eenvoudig < antwoorden.txt)', () => {
  it('reads CRLF lines without the "\\r", also a long answer ended by "."', async () => {
    const p = plainPrompter({ input: Readable.from(['Anna\r\nregel een\r\nregel twee\r\n.\r\n2\r\n']), output: new PassThrough() });
    expect(await p.input({ message: 'Naam:' })).toEqual({ kind: 'answer', value: 'Anna' });
    expect(await p.editor({ message: 'Toelichting:' })).toEqual({ kind: 'answer', value: 'regel een\nregel twee' });
    const choices = [
      { value: 'ja', name: 'Ja' },
      { value: 'nee', name: 'Nee' },
    ];
    expect(await p.select({ message: 'Thema?', choices })).toEqual({ kind: 'answer', value: 'nee' });
    p.close();
  });
});
