// `werkboek importeer`: a colleague's answers file, made with their own
// werkboek and sent by email, checked and stored in the dossier under their
// name; never over a different file without asking.
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions } from '../src/commands/importeer.js';
import { lockAnswersFile } from '../src/dossier/lock.js';
import { ExitCode, WerkboekError } from '../src/support/errors.js';
import { memoryOutput } from '../src/support/output.js';
import { choose, ScriptedPrompter } from './helpers/scripted-prompter.js';
import { FIXTURES } from './report-helpers.js';
import { useTempDir } from './helpers/temp.js';

const COMPARE = fileURLToPath(new URL('./fixtures/compare/', import.meta.url));

describe('werkboek importeer', () => {
  const tmp = useTempDir('werkboek-importeer-');
  const map = () => path.join(tmp(), 'dossier');
  const inbox = () => path.join(tmp(), 'mail');

  /** A file as received: `name` in the mail folder, with `text` or a copy of a fixture. */
  async function received(name: string, text: string): Promise<string> {
    await mkdir(inbox(), { recursive: true });
    await writeFile(path.join(inbox(), name), text);
    return name;
  }
  const fixtureText = (file: string) => readFile(file, 'utf8');

  async function run(files: string[], opts: Partial<ImportOptions> = {}) {
    const out = memoryOutput();
    const code = await importFiles({ files, map: map(), cwd: inbox(), out, interactive: false, ...opts });
    return { code, out };
  }

  it("stores a colleague's file (no respondent: in it, their Naam) under their name, and says what it did", async () => {
    // Sanne filled in on her own computer: her file is the coordinator's file there.
    await received('randvoorwaarden.yaml', await fixtureText(path.join(FIXTURES, 'randvoorwaarden.yaml')));
    const { code, out } = await run(['randvoorwaarden.yaml']);
    expect(code).toBe(0);
    expect(await readdir(map())).toEqual(['randvoorwaarden.sanne-de-vries.yaml']);
    expect(out.out).toContain(
      'randvoorwaarden.yaml → randvoorwaarden.sanne-de-vries.yaml: werkblad 2 (Randvoorwaarden digitale inclusie dienstverlening) van Sanne de Vries, concept, 26 van 31 beantwoord.',
    );
    expect(out.out).toContain(`vergelijk randvoorwaarden -o vergelijking.docx --map ${map()}`);
    const stored = await readFile(path.join(map(), 'randvoorwaarden.sanne-de-vries.yaml'), 'utf8');
    // The name in the metadata, right after werkblad:; comments and dates kept.
    expect(stored).toMatch(/^werkblad: randvoorwaarden\nrespondent: Sanne de Vries\nversie: 1\n/m);
    expect(stored).toContain('# Fixture for test/report.test.ts');
    expect(stored).toContain('bijgewerkt: 2026-11-26T08:15:00.000Z');
  });

  it('a broken file: bestand:regel:kolom, not copied, exit 3', async () => {
    await received('kapot.yaml', 'werkblad: randvoorwaarden\nversie: 1\nantwoorden:\n  naam: Piet\n  collectie: misschien\n');
    await received('geen-yaml.yaml', 'werkblad: randvoorwaarden\nantwoorden: [\n');
    const { code, out } = await run(['kapot.yaml', 'geen-yaml.yaml']);
    expect(code).toBe(ExitCode.badFile);
    expect(out.out).toContain('kapot.yaml:5:3: verwacht "ja" of "nee" bij Stap 2, vraag 3 (antwoorden.collectie)');
    // The unclosed [ is pointed at where it opens.
    expect(out.out).toContain('geen-yaml.yaml:2:13: een lijst die met [ begint, wordt niet afgesloten: de ] ontbreekt');
    expect(out.out).toMatch(/^geen-yaml\.yaml:\d+:\d+: /m);
    expect(out.err).toContain('werkboek: kapot.yaml is niet geïmporteerd.');
    expect(out.err).toContain('Het bestand is niet gekopieerd.');
    expect(await readdir(map()).catch(() => [])).toEqual([]);
  });

  it('a file of another worksheet goes to that worksheet; an unknown worksheet or a newer version is refused', async () => {
    const other = await fixtureText(path.join(FIXTURES, 'gemeentelandschap.yaml'));
    await received('randvoorwaarden.yaml', other);
    await received('eigen.yaml', 'werkblad: mijn-eigen-werkblad\nversie: 1\nantwoorden: {}\n');
    await received('nieuw.yaml', (await fixtureText(path.join(FIXTURES, 'randvoorwaarden.yaml'))).replace('versie: 1', 'versie: 7'));
    const { code, out } = await run(['randvoorwaarden.yaml', 'eigen.yaml', 'nieuw.yaml']);
    expect(code).toBe(ExitCode.badFile);
    expect(out.out).toContain('randvoorwaarden.yaml → gemeentelandschap.sanne-de-vries.yaml: werkblad 1 (Verken jouw gemeentelandschap) van Sanne de Vries');
    expect(out.out).toContain('eigen.yaml:1:11: onbekend werkblad "mijn-eigen-werkblad"; kies uit: gemeentelandschap, randvoorwaarden, plan-van-aanpak');
    expect(out.out).toMatch(
      /nieuw\.yaml:\d+:1: dit bestand hoort bij versie 7 van werkblad 2 \(Randvoorwaarden digitale inclusie dienstverlening\); dit programma kent versie 1/,
    );
    expect(await readdir(map())).toEqual(['gemeentelandschap.sanne-de-vries.yaml']);
  });

  it('an existing respondent with the same content: nothing happens', async () => {
    await received('piet.yaml', await fixtureText(path.join(COMPARE, 'randvoorwaarden.piet-bakker.yaml')));
    await run(['piet.yaml']);
    const before = await readFile(path.join(map(), 'randvoorwaarden.piet-bakker.yaml'), 'utf8');
    const { code, out } = await run(['piet.yaml']);
    expect(code).toBe(0);
    expect(out.out).toContain(
      'piet.yaml: de antwoorden van Piet Bakker bij werkblad 2 staan er al precies zo (randvoorwaarden.piet-bakker.yaml); er is niets veranderd.',
    );
    expect(await readdir(map())).toEqual(['randvoorwaarden.piet-bakker.yaml']);
    expect(await readFile(path.join(map(), 'randvoorwaarden.piet-bakker.yaml'), 'utf8')).toBe(before);
  });

  describe('an existing respondent with different content', () => {
    async function twoVersions(): Promise<string> {
      const first = await fixtureText(path.join(COMPARE, 'randvoorwaarden.piet-bakker.yaml'));
      await received('piet.yaml', first);
      await run(['piet.yaml']);
      await received('piet-nieuw.yaml', first.replace('  collectie: { weet_ik_niet: true }', '  collectie: ja'));
      return first;
    }

    it('without a terminal: keeps both, and says so', async () => {
      const first = await twoVersions();
      const { code, out } = await run(['piet-nieuw.yaml']);
      expect(code).toBe(0);
      expect(out.out).toContain(
        'Er staat al een ander bestand van Piet Bakker bij werkblad 2; dat is niet overschreven (er is geen terminal om te vragen wat je wilt).',
      );
      expect(out.out).toContain(
        'piet-nieuw.yaml → randvoorwaarden.piet-bakker-2.yaml: werkblad 2 (Randvoorwaarden digitale inclusie dienstverlening) van Piet Bakker (2)',
      );
      expect(await readFile(path.join(map(), 'randvoorwaarden.piet-bakker.yaml'), 'utf8')).toBe(first);
      expect(await readFile(path.join(map(), 'randvoorwaarden.piet-bakker-2.yaml'), 'utf8')).toContain('respondent: Piet Bakker (2)\n');
    });

    it('the newer version sent again after it was kept beside the old one: nothing happens (no third copy)', async () => {
      await twoVersions();
      await run(['piet-nieuw.yaml']);
      const { code, out } = await run(['piet-nieuw.yaml']);
      expect(code).toBe(0);
      expect(out.out).toContain('staan er al precies zo (randvoorwaarden.piet-bakker-2.yaml); er is niets veranderd.');
      expect((await readdir(map())).sort()).toEqual(['randvoorwaarden.piet-bakker-2.yaml', 'randvoorwaarden.piet-bakker.yaml']);
    });

    it('asks, with "keep both" as the default, naming the answers that differ', async () => {
      await twoVersions();
      const prompter = new ScriptedPrompter([{ expect: 'Er staat al een ander bestand van Piet Bakker', do: { type: 'keep' } }]);
      const { out } = await run(['piet-nieuw.yaml'], { prompter });
      expect(prompter.calls[0]?.default).toBe('both');
      // Not only two dates that read the same: which answer differs.
      expect(prompter.calls[0]?.message).toBe(
        'Er staat al een ander bestand van Piet Bakker bij werkblad 2 (randvoorwaarden.piet-bakker.yaml). Eén antwoord verschilt: Stap 2, vraag 3. Wat wil je doen met piet-nieuw.yaml?',
      );
      expect(out.out).toContain('Beide bewaard: de nieuwe versie staat als "Piet Bakker (2)" naast de bestaande van Piet Bakker.');
      expect((await readdir(map())).sort()).toEqual(['randvoorwaarden.piet-bakker-2.yaml', 'randvoorwaarden.piet-bakker.yaml']);
    });

    it('names a few differing answers and how many more', async () => {
      const first = await fixtureText(path.join(COMPARE, 'randvoorwaarden.piet-bakker.yaml'));
      await received('piet.yaml', first);
      await run(['piet.yaml']);
      let changed = first;
      for (const id of ['doelen-vastgelegd', 'eigen-plan', 'collectie', 'overzicht-aanbod-partners'])
        changed = changed.replace(`  ${id}: { weet_ik_niet: true }`, `  ${id}: ja`);
      changed = changed.replace('  diensten: { weet_ik_niet: true }', '  diensten: Spreekuren');
      await received('piet-nieuw.yaml', changed);
      const prompter = new ScriptedPrompter([{ expect: 'Er staat al een ander bestand', do: choose(/^Overslaan/) }]);
      await run(['piet-nieuw.yaml'], { prompter });
      expect(prompter.calls[0]?.message).toContain('5 antwoorden verschillen: Stap 1, vraag 1; Stap 1, vraag 1.2; Stap 2, vraag 2 en nog 2.');
    });

    it('replaces only when asked to, keeping the old one as a backup', async () => {
      await twoVersions();
      const prompter = new ScriptedPrompter([{ expect: 'Er staat al een ander bestand', do: choose(/^Vervangen/) }]);
      const { out } = await run(['piet-nieuw.yaml'], { prompter });
      expect(out.out).toMatch(/Het vorige bestand van Piet Bakker is bewaard als randvoorwaarden\.piet-bakker\..*\.bak\.yaml/);
      expect(await readFile(path.join(map(), 'randvoorwaarden.piet-bakker.yaml'), 'utf8')).toContain('  collectie: ja');
    });

    it('skips when asked to', async () => {
      const first = await twoVersions();
      const prompter = new ScriptedPrompter([{ expect: 'Er staat al een ander bestand', do: choose(/^Overslaan/) }]);
      const { out } = await run(['piet-nieuw.yaml'], { prompter });
      expect(out.out).toContain('piet-nieuw.yaml: overgeslagen; randvoorwaarden.piet-bakker.yaml is niet veranderd.');
      expect(await readdir(map())).toEqual(['randvoorwaarden.piet-bakker.yaml']);
      expect(await readFile(path.join(map(), 'randvoorwaarden.piet-bakker.yaml'), 'utf8')).toBe(first);
    });
  });

  it('a name with ../ stays a file name inside the dossier', async () => {
    const text = (await fixtureText(path.join(COMPARE, 'randvoorwaarden.piet-bakker.yaml'))).replace(
      'respondent: Piet Bakker',
      'respondent: ../../buiten/Piet',
    );
    await received('piet.yaml', text);
    const { code, out } = await run(['piet.yaml']);
    expect(code).toBe(0);
    expect(await readdir(map())).toEqual(['randvoorwaarden.buiten-piet.yaml']);
    expect(await readdir(tmp())).toEqual(expect.not.arrayContaining(['buiten']));
    expect(out.out).toContain('van ../../buiten/Piet');
    // The same with --respondent.
    const again = await run(['piet.yaml'], { respondent: '..\\..\\CON' });
    expect(again.code).toBe(0);
    expect((await readdir(map())).sort()).toEqual(['randvoorwaarden.buiten-piet.yaml', 'randvoorwaarden.con-1.yaml']);
  });

  it('a file without a name asks for --respondent; --respondent takes one file only', async () => {
    await received('anoniem.yaml', 'werkblad: randvoorwaarden\nversie: 1\nstatus: concept\nantwoorden:\n  collectie: ja\n');
    const { code, out } = await run(['anoniem.yaml']);
    expect(code).toBe(ExitCode.usage);
    expect(out.err).toContain('anoniem.yaml: er staat geen naam in');
    expect(out.err).toContain('importeer anoniem.yaml --respondent "Piet Bakker"');
    const named = await run(['anoniem.yaml'], { respondent: 'Kees' });
    expect(named.out.out).toContain('anoniem.yaml → randvoorwaarden.kees.yaml');
    const err = await run(['a.yaml', 'b.yaml'], { respondent: 'Kees' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WerkboekError);
    expect((err as WerkboekError).exitCode).toBe(ExitCode.usage);
  });

  it('not over the file that colleague is filling in in this folder', async () => {
    const text = await fixtureText(path.join(COMPARE, 'randvoorwaarden.piet-bakker.yaml'));
    await received('piet.yaml', text);
    await mkdir(map(), { recursive: true });
    // Piet's start made his file at once (respondents.ts: claimRespondentFile) and holds its lock.
    const theirs = path.join(map(), 'randvoorwaarden.piet-bakker.yaml');
    const own = text.replace(/^(antwoorden:\n)/m, '$1  notitie: van Piet zelf\n');
    await writeFile(theirs, own);
    const release = await lockAnswersFile(theirs);
    try {
      const prompter = new ScriptedPrompter([{ expect: 'Er staat al een ander bestand van Piet Bakker', do: choose(/^Vervangen/) }]);
      const { code, out } = await run(['piet.yaml'], { prompter });
      expect(code).toBe(ExitCode.locked);
      expect(out.err).toContain('wordt al ingevuld in een ander venster');
    } finally {
      await release();
    }
    expect(await readFile(theirs, 'utf8')).toBe(own);
  });

  it('a file that is already in the dossier: nothing happens', async () => {
    await mkdir(map(), { recursive: true });
    await copyFile(path.join(COMPARE, 'randvoorwaarden.piet-bakker.yaml'), path.join(map(), 'randvoorwaarden.piet-bakker.yaml'));
    const { code, out } = await run([path.join(map(), 'randvoorwaarden.piet-bakker.yaml')]);
    expect(code).toBe(0);
    expect(out.out).toContain('staat al in deze map; er is niets veranderd.');
  });
});
