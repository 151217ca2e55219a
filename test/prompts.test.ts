// The custom text prompt, rendered with @inquirer/testing: what the user
// sees and what each key does.
import { render as renderPrompt } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { keyHint } from '../src/terminal/keys.js';
import { textEditor, type EditorConfig } from '../src/terminal/text-editor.js';
import { findEditor, fromEditor } from '../src/terminal/external-editor.js';

const plain = (s: string) => s;
const base: EditorConfig = {
  message: 'Noteer op welke wijze.',
  multiline: true,
  allowBack: true,
  allowUnknown: true,
  editorAvailable: false,
  rows: 6,
  columns: 80,
  inverse: (s) => `[${s}]`,
  dim: plain,
  red: plain,
};

const tick = () => new Promise((r) => setTimeout(r, 10));

/**
 * Prompts a test leaves open (it only looks at the screen) are cancelled
 * after it. Otherwise they stay open until the test process ends, where
 * inquirer rejects them ("User force closed the prompt"), with nobody left
 * to catch it: an unhandled rejection that fails the run.
 */
const open: AbortController[] = [];
afterEach(() => {
  for (const prompt of open.splice(0)) prompt.abort();
});
const render: typeof renderPrompt = async (prompt, config, options) => {
  const controller = new AbortController();
  open.push(controller);
  const rendered = await renderPrompt(prompt, config, { ...options, signal: options?.signal ?? controller.signal });
  rendered.answer.catch(() => {}); // a test that awaits the answer still gets its rejection
  return rendered;
};

async function typeRaw(input: NodeJS.WritableStream, ...chunks: string[]) {
  for (const chunk of chunks) {
    input.write(chunk);
    await tick();
  }
}

describe('multi-line answer', () => {
  it('Enter adds a line, Ctrl+S finishes; the key hint is shown under the text', async () => {
    const { answer, input, getScreen } = await render(textEditor, base);
    await typeRaw(input, 'Eerste regel', '\r', '- punt');
    expect(getScreen()).toMatchInlineSnapshot(`
      "? Noteer op welke wijze.
        Eerste regel
        - punt[ ]
      Enter nieuwe regel · Ctrl+S klaar · Ctrl+T terug · Ctrl+N weet niet
      Ctrl+C stop"
    `);
    await typeRaw(input, '\x13');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Eerste regel\n- punt' });
  });

  it('a bracketed paste with several lines stays one answer', async () => {
    const { answer, input } = await render(textEditor, base);
    await typeRaw(input, '\x1b[200~Regel 1\r\nRegel 2\r\n\r\nRegel 4\x1b[201~', '\x13');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Regel 1\nRegel 2\n\nRegel 4' });
  });

  it('shows control characters of a stored answer as symbols, never sends them to the terminal', async () => {
    const { answer, input, getScreen } = await render(textEditor, { ...base, default: 'Coalitie\u001b]0;pwned\u0007\u001b[2Jakkoord' });
    expect(getScreen()).toContain('Coalitie␛]0;pwned␇␛[2Jakkoord');
    await typeRaw(input, '\x13');
    // The answer itself is what was stored: nothing is changed behind the user's back.
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Coalitie\u001b]0;pwned\u0007\u001b[2Jakkoord' });
  });

  it('Ctrl+U wipes the line up to the cursor (a pre-filled date)', async () => {
    const { answer, input } = await render(textEditor, { ...base, multiline: false, default: '27-11-2026' });
    await typeRaw(input, '\x15', '01-12-2026', '\r');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: '01-12-2026' });
  });

  it('edits with arrows and backspace across lines', async () => {
    const { answer, input } = await render(textEditor, { ...base, default: 'ab\ncd' });
    await typeRaw(input, '\x1b[A', '\x1b[D', 'X', '\x1b[B', '\x7f', '\x13');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'aXb\nc' });
  });

  it('scrolls long text within the available rows', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `regel ${i + 1}`).join('\n');
    const { input, getScreen } = await render(textEditor, { ...base, default: lines, rows: 5 });
    await typeRaw(input, 'x');
    const screen = getScreen();
    expect(screen).toContain('↑ nog 15 regel(s) hierboven');
    expect(screen).toContain('regel 20x[ ]');
    expect(screen).not.toContain('regel 3\n');
  });

  it('Ctrl+T goes back, Ctrl+N answers "weet ik (nog) niet"', async () => {
    const back = await render(textEditor, base);
    await typeRaw(back.input, 'tekst', '\x14');
    // What was typed goes with it, to be kept as a draft (issue 23).
    await expect(back.answer).resolves.toEqual({ kind: 'back', draft: 'tekst' });
    const unknown = await render(textEditor, base);
    await typeRaw(unknown.input, '\x0e');
    await expect(unknown.answer).resolves.toEqual({ kind: 'unknown' });
    expect(unknown.getScreen()).toContain('Weet ik (nog) niet');
  });

  it('an answer over the limit is refused where it is typed; the text stays to be shortened (issue 23)', async () => {
    const { input, getScreen } = await render(textEditor, { ...base, maxLength: 5 });
    await typeRaw(input, 'zeslet', '\x13');
    expect(getScreen()).toContain('Dit antwoord is te lang: 6 tekens, hoogstens 5.');
    expect(getScreen()).toContain('zeslet');
  });

  it('Ctrl+E without an editor: not in the key hint; pressed anyway, it says so and keeps the inline editor', async () => {
    const { input, getScreen } = await render(textEditor, base);
    expect(getScreen()).not.toContain('Ctrl+E');
    await typeRaw(input, 'abc', '\x05');
    // Wrapped between words at the width of the screen: read it as one line.
    expect(getScreen().replace(/\n/g, ' ')).toContain('Er is geen eigen teksteditor ingesteld op deze computer. Typ je antwoord hier verder.');
    await typeRaw(input, 'd');
    expect(getScreen()).toContain('abcd');
  });

  it('Ctrl+E with an editor: in the key hint, and it hands the text over', async () => {
    const { answer, input, getScreen } = await render(textEditor, { ...base, editorAvailable: true });
    expect(getScreen()).toContain('Ctrl+E eigen teksteditor');
    await typeRaw(input, 'abc', '\x05');
    await expect(answer).resolves.toEqual({ kind: 'external', value: 'abc' });
  });
});

describe('one-line answer', () => {
  const line: EditorConfig = { ...base, message: 'Naam:', multiline: false, allowBack: false, allowUnknown: false };

  it('Enter answers; a pasted newline becomes a space', async () => {
    const { answer, input, getScreen } = await render(textEditor, line);
    await typeRaw(input, '\x1b[200~Marieke\r\nde Vries\x1b[201~');
    expect(getScreen()).toContain('Naam: Marieke de Vries');
    await typeRaw(input, '\r');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Marieke de Vries' });
  });

  it('on the first question, Ctrl+T and Ctrl+N explain why they do nothing', async () => {
    const { input, getScreen } = await render(textEditor, line);
    await typeRaw(input, '\x14');
    expect(getScreen()).toContain('Dit is de eerste vraag.');
    await typeRaw(input, '\x0e');
    expect(getScreen()).toContain('kun je niet met "weet ik (nog) niet" beantwoorden');
  });

  it('shows a validation error and keeps the text', async () => {
    const { input, getScreen } = await render(textEditor, { ...line, validate: (v) => (/^\d+$/.test(v) ? undefined : 'Vul een getal in.') });
    await typeRaw(input, 'twaalf', '\r');
    expect(getScreen()).toContain('Vul een getal in.');
    expect(getScreen()).toContain('twaalf');
  });
});

describe('pasting a long text (20 KB)', () => {
  const line: EditorConfig = { ...base, message: 'Naam:', multiline: false };
  const words = 'de bibliotheek helpt inwoners met ‘digitale’ vaardigheden in één gemeente – café'.split(' ');
  /** About `size` characters of text, lines of about 70 characters joined with `eol` (none: one line). */
  const text = (size: number, eol = '') => {
    let out = '';
    for (let i = 0, col = 0; out.length < size; i++) {
      const word = words[i % words.length] ?? '';
      const sep = !out ? '' : eol && col > 70 ? eol : ' ';
      col = sep === eol ? word.length : col + 1 + word.length;
      out += sep + word;
    }
    return out;
  };
  const clean = (value: string) => expect(value).not.toMatch(/\x1b|\[20[01]~/);

  /** Paste in one write, then the key that finishes; the answer and the ms it took. */
  async function paste(config: EditorConfig, pasted: string, finish: string) {
    const { answer, input, getScreen } = await render(textEditor, config);
    const started = performance.now();
    input.write(`\x1b[200~${pasted}\x1b[201~`);
    const screen = getScreen();
    input.write(finish);
    const result = await answer;
    return { result, screen, ms: Math.round(performance.now() - started) };
  }

  it('one line into a multi-line answer', async () => {
    const pasted = text(20_000);
    const { result, screen, ms } = await paste(base, pasted, '\x13');
    console.log(`20 KB op één regel geplakt: ${ms} ms`);
    expect(screen).toContain('gemeente – café');
    expect(result).toEqual({ kind: 'answer', value: pasted });
    if (result.kind === 'answer') clean(result.value);
  });

  it('into a one-line question', async () => {
    const pasted = text(20_000, '\r\n');
    const { result, ms } = await paste(line, pasted, '\r');
    console.log(`20 KB met regels in een vraag van één regel: ${ms} ms`);
    // Every line break (CRLF: one) became one space; the paste did not answer the question early.
    expect(result).toEqual({ kind: 'answer', value: pasted.replace(/\r\n/g, ' ') });
  });

  it('many lines (CRLF) into a long answer, at the cursor', async () => {
    const existing = text(10_000, '\n');
    // Also characters of two columns, and of two UTF-16 code units.
    const pasted = text(20_000, '\r\n').replace(/café/g, 'café 👍');
    const { answer, input, getScreen } = await render(textEditor, { ...base, default: existing, rows: 10 });
    // Two lines up, to the start of the line: the paste goes in before that line.
    await typeRaw(input, '\x1b[A', '\x1b[A', '\x1b[H');
    const lines = existing.split('\n');
    const at = lines.slice(0, -3).join('\n').length + 1;
    const started = performance.now();
    input.write(`\x1b[200~${pasted}\x1b[201~`);
    console.log(`20 KB met regels in een lang antwoord: ${Math.round(performance.now() - started)} ms`);
    // The cursor is at the end of the paste, one line above the last one shown; the last one of the text is below.
    expect(getScreen()).toContain('↓ nog 1 regel(s) hieronder');
    expect(getScreen()).toMatch(/↑ nog \d+ regel\(s\) hierboven/);
    await typeRaw(input, '\x13');
    const value = await answer;
    expect(value).toEqual({ kind: 'answer', value: existing.slice(0, at) + pasted.replace(/\r\n/g, '\n') + existing.slice(at) });
    if (value.kind === 'answer') clean(value.value);
  });

  it('a paste that comes in several reads (CRLF split between them) is one text', async () => {
    const { answer, input, getScreen } = await render(textEditor, base);
    await typeRaw(input, '\x1b[200~Eerste regel\r', '\nTweede regel\r', '\nDerde', ' regel\x1b[201~');
    expect(getScreen()).toContain('Derde regel');
    await typeRaw(input, '\x13');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Eerste regel\nTweede regel\nDerde regel' });
  });

  it('a paste whose end marker never comes still shows, and Ctrl+S still finishes', async () => {
    const { answer, input, getScreen } = await render(textEditor, base);
    input.write('\x1b[200~Zonder einde\rtweede regel');
    await new Promise((r) => setTimeout(r, 250));
    expect(getScreen()).toContain('Zonder einde\n  tweede regel[ ]');
    await typeRaw(input, '\x13');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'Zonder einde\ntweede regel' });
  });

  it('stopped in the middle of a paste: what was pasted so far is in the draft', async () => {
    const drafts: string[] = [];
    const controller = new AbortController();
    const { answer, input } = await render(textEditor, { ...base, default: 'Al getypt', onDraft: (d) => drafts.push(d) }, { signal: controller.signal });
    const pasted = text(20_000, '\r');
    input.write(`\x1b[200~\r${pasted}`);
    // Before the paste has even been put on the screen.
    controller.abort();
    await expect(answer).rejects.toThrow();
    expect(drafts.at(-1)).toBe(`Al getypt\n${pasted.replace(/\r/g, '\n')}`);
  });
});

describe('wrapping to the terminal', () => {
  it('a line that exactly fills the width does not start the next line with a space', async () => {
    // "? " + 78 characters = 80, the width @inquirer/testing draws at.
    const message = `${'a'.repeat(37)} ${'b'.repeat(40)} vervolg van de vraag:`;
    const { input, getScreen } = await render(textEditor, { ...base, message, multiline: false, columns: 80 });
    await typeRaw(input, 'Anna');
    const lines = getScreen().split('\n');
    expect(lines[0]).toBe(`? ${'a'.repeat(37)}`);
    expect(lines[1]).toBe(`${'b'.repeat(40)} vervolg van de vraag: Anna[ ]`);
    for (const line of lines) expect(line.startsWith(' '), line).toBe(false);
    await typeRaw(input, '\r');
    const done = getScreen().split('\n');
    for (const line of done) expect(line.startsWith(' '), line).toBe(false);
  });

  it('at 60 columns, the wrapped lines of a multi-line answer keep their indentation', async () => {
    const text =
      'Wij bieden spreekuren aan in drie vestigingen, elke week op dinsdag en donderdag.\n  - ook op afspraak bij mensen thuis, samen met het Taalhuis en de vrijwilligers';
    const { input, getScreen } = await render(textEditor, { ...base, default: text, columns: 60 });
    await typeRaw(input, 'x');
    // The key hint (two lines at 60 columns) left out.
    const [, ...body] = getScreen()
      .split('\n')
      .filter((l) => !l.includes('Ctrl+'));
    expect(body.length).toBeGreaterThan(2);
    for (const line of body) {
      expect(line.startsWith('  '), line).toBe(true);
      expect(line.length, line).toBeLessThanOrEqual(60);
    }
    expect(body.filter((l) => l.startsWith('    ')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('key hint', () => {
  it('at 80 columns names every key, Enter included, on at most two lines', () => {
    const hint = keyHint({ multiline: true, allowBack: true, allowUnknown: true }, 80);
    expect(hint).toBe('Enter nieuwe regel · Ctrl+S klaar · Ctrl+T terug · Ctrl+N weet niet\nCtrl+E eigen teksteditor · Ctrl+C stop');
    expect(keyHint({ select: true, allowBack: true, allowUnknown: true, allowNote: true }, 80)).toBe(
      '↑↓ Enter kiezen · Ctrl+T terug · Ctrl+N weet niet · Ctrl+O toelichting\nCtrl+C stop',
    );
    for (const line of hint.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('in a narrow terminal takes more lines rather than leaving out a key a newcomer needs; only the editor may go', () => {
    const multi = { multiline: true, allowBack: true, allowUnknown: true };
    const yesNo = { select: true, allowBack: true, allowUnknown: true, allowNote: true };
    expect(keyHint(multi, 50)).toBe('Enter nieuwe regel · Ctrl+S klaar · Ctrl+T terug\nCtrl+N weet niet · Ctrl+E eigen teksteditor\nCtrl+C stop');
    expect(keyHint(multi, 120)).toContain('Ctrl+E eigen teksteditor');
    // Where even three lines are too few, the editor goes first (and only the editor).
    expect(keyHint(multi, 30)).toBe('Enter nieuwe regel\nCtrl+S klaar · Ctrl+T terug\nCtrl+N weet niet · Ctrl+C stop');
    expect(keyHint(yesNo, 30)).toBe('↑↓ Enter kiezen · Ctrl+T terug\nCtrl+N weet niet\nCtrl+O toelichting\nCtrl+C stop');
  });

  // In order of importance: what moves, chooses or confirms (and makes a new line) first, then back,
  // "weet ik (nog) niet", the toelichting and stop; the editor (a convenience) last, and the only one left out.
  const essential = {
    text: ['Enter volgende', 'Ctrl+T terug', 'Ctrl+N weet niet', 'Ctrl+C stop'],
    multiline: ['Enter nieuwe regel', 'Ctrl+S klaar', 'Ctrl+T terug', 'Ctrl+N weet niet', 'Ctrl+C stop'],
    yesNo: ['↑↓ Enter kiezen', 'Ctrl+T terug', 'Ctrl+N weet niet', 'Ctrl+O toelichting', 'Ctrl+C stop'],
    checkbox: ['Spatie aan/uit', 'Enter klaar', 'Ctrl+T terug', 'Ctrl+N weet niet', 'Ctrl+C stop'],
  };
  const kindOf = {
    text: {},
    multiline: { multiline: true },
    yesNo: { select: true, allowNote: true },
    checkbox: { checkbox: true },
  };
  for (const width of [40, 60, 80, 100]) {
    it(`at ${width} columns names every key a newcomer needs, within the width, on at most ${width >= 60 ? 'two' : 'three'} lines`, () => {
      for (const [kind, keys] of Object.entries(essential)) {
        const hint = keyHint({ ...kindOf[kind as keyof typeof kindOf], allowBack: true, allowUnknown: true }, width);
        const parts = hint.split(/ · |\n/);
        for (const key of keys) expect(parts, `${kind} at ${width}: ${hint}`).toContain(key);
        const lines = hint.split('\n');
        expect(lines.length, hint).toBeLessThanOrEqual(width >= 60 ? 2 : 3);
        for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
        if (lines.length === 1) expect(hint.length, hint).toBeLessThan(width);
      }
    });
  }

  it('at 40 columns: the list of a ja/nee question and a long text, line by line', () => {
    expect(keyHint({ select: true, allowBack: true, allowUnknown: true, allowNote: true }, 40)).toBe(
      '↑↓ Enter kiezen · Ctrl+T terug\nCtrl+N weet niet · Ctrl+O toelichting\nCtrl+C stop',
    );
    expect(keyHint({ multiline: true, allowBack: true, allowUnknown: true }, 40)).toBe(
      'Enter nieuwe regel · Ctrl+S klaar\nCtrl+T terug · Ctrl+N weet niet\nCtrl+E eigen teksteditor · Ctrl+C stop',
    );
    // The overview (no "weet ik (nog) niet" there).
    expect(keyHint({ select: true, allowBack: true }, 40)).toBe('↑↓ Enter kiezen · Ctrl+T terug\nCtrl+C stop');
  });

  it('goes on a next line between parts, never inside one', () => {
    expect(keyHint({ allowBack: true, allowUnknown: true }, 40)).toBe('Enter volgende · Ctrl+T terug\nCtrl+N weet niet · Ctrl+C stop');
    for (const width of [20, 30, 40, 50]) {
      for (const line of keyHint({ multiline: true, allowBack: true, allowUnknown: true }, width).split('\n')) {
        expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
        expect(line, `${width}`).not.toMatch(/Ctrl\+[A-Z]$|^(klaar|terug|stop)/);
      }
    }
    // Wide enough: one line, as before.
    expect(keyHint({ allowBack: true, allowUnknown: true }, 80)).toBe('Enter volgende · Ctrl+T terug · Ctrl+N weet niet · Ctrl+C stop');
  });

  it('words every key the same in every prompt and at every width; narrower only drops the editor', () => {
    const kinds = [{ multiline: true }, { multiline: false }, { select: true, allowNote: true }, { select: true }, { checkbox: true }];
    const wordings = new Map<string, Set<string>>();
    for (const kind of kinds) {
      const widest = keyHint({ ...kind, allowBack: true, allowUnknown: true }, 200).split(' · ');
      for (const width of [200, 120, 100, 80, 70, 60, 40, 30]) {
        const parts = keyHint({ ...kind, allowBack: true, allowUnknown: true }, width).split(/ · |\n/);
        // Every part of a narrower hint is a part of the widest one, in the same order.
        expect(widest.filter((p) => parts.includes(p))).toEqual(parts);
        for (const part of parts) {
          const key = part.startsWith('↑↓') ? '↑↓' : (part.split(' ')[0] ?? '');
          if (key !== 'Enter') wordings.set(key, (wordings.get(key) ?? new Set()).add(part));
        }
      }
    }
    for (const [key, words] of wordings) expect([...words], key).toHaveLength(1);
    expect(keyHint({ select: true, allowBack: true, allowUnknown: true, allowNote: true }, 100)).toBe(
      '↑↓ Enter kiezen · Ctrl+T terug · Ctrl+N weet niet · Ctrl+O toelichting · Ctrl+C stop',
    );
    expect(keyHint({ multiline: true, allowBack: true, allowUnknown: true }, 120)).toBe(
      'Enter nieuwe regel · Ctrl+S klaar · Ctrl+T terug · Ctrl+N weet niet · Ctrl+E eigen teksteditor · Ctrl+C stop',
    );
  });

  it('finds an editor only when VISUAL or EDITOR names a program that exists', () => {
    expect(findEditor({ PATH: '/usr/bin:/bin' })).toBeUndefined();
    expect(findEditor({ EDITOR: 'bestaat-niet-123', PATH: '/usr/bin:/bin' })).toBeUndefined();
    expect(findEditor({ VISUAL: 'sh -c true', PATH: '/usr/bin:/bin' })).toBe('sh -c true');
  });

  describe('on Windows (platform injected)', () => {
    /** A file check that knows only these files (Windows paths), and records what it was asked. */
    const files = (...known: string[]) => {
      const asked: string[] = [];
      const exists = (file: string) => {
        asked.push(file);
        return known.includes(file);
      };
      return { asked, exists };
    };

    it('with no VISUAL or EDITOR opens Notepad: on PATH, else in the Windows folder', () => {
      const onPath = files('C:\\Windows\\System32\\notepad.exe');
      expect(findEditor({ PATH: 'C:\\Tools;C:\\Windows\\System32' }, 'win32', onPath.exists)).toBe('C:\\Windows\\System32\\notepad.exe');
      // PATH without it (a trimmed PATH): the Windows folder from SystemRoot.
      const inRoot = files('D:\\Windows\\System32\\notepad.exe');
      expect(findEditor({ PATH: 'C:\\Tools', SystemRoot: 'D:\\Windows' }, 'win32', inRoot.exists)).toBe('D:\\Windows\\System32\\notepad.exe');
      expect(inRoot.asked).toEqual(['C:\\Tools\\notepad.exe', 'D:\\Windows\\System32\\notepad.exe']);
      // No Notepad at all (removed): "Geen editor gevonden" as before.
      expect(findEditor({ PATH: 'C:\\Tools', SystemRoot: 'C:\\Windows' }, 'win32', files().exists)).toBeUndefined();
      // Elsewhere nothing is looked for.
      const linux = files('/usr/bin/notepad.exe');
      expect(findEditor({ PATH: '/usr/bin' }, 'linux', linux.exists)).toBeUndefined();
      expect(linux.asked).toEqual([]);
    });

    it('finds VISUAL / EDITOR by PATHEXT, by the name as typed, and a quoted path with spaces', () => {
      expect(
        findEditor(
          { EDITOR: 'code --wait', PATH: 'C:\\Tools;C:\\VS Code\\bin', PATHEXT: '.COM;.EXE;.CMD' },
          'win32',
          files('C:\\VS Code\\bin\\code.CMD').exists,
        ),
      ).toBe('code --wait');
      expect(findEditor({ EDITOR: 'notepad.exe', PATH: 'C:\\Windows' }, 'win32', files('C:\\Windows\\notepad.exe').exists)).toBe('notepad.exe');
      const quoted = '"C:\\Program Files\\Notepad++\\notepad++.exe" -multiInst -notabbar';
      expect(findEditor({ VISUAL: quoted, PATH: '' }, 'win32', files('C:\\Program Files\\Notepad++\\notepad++.exe').exists)).toBe(quoted);
      expect(findEditor({ VISUAL: quoted, PATH: '' }, 'win32', files().exists)).toBeUndefined();
    });

    it('reads back what Notepad saved (CRLF, a byte order mark) as plain lines', () => {
      expect(fromEditor('\uFEFFJan Jansen\r\nafdeling Sociaal Domein\r\n\r\n')).toBe('Jan Jansen\nafdeling Sociaal Domein');
      expect(fromEditor('een\ntwee\n')).toBe('een\ntwee');
    });
  });
});
