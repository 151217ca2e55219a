// `werkboek verschil`: a question not answered again yet in the new round is
// counted as such, not as "anders" (right after `nieuwe-ronde`, when only the
// gegevens are filled in, that was every question).
import { describe, expect, it } from 'vitest';
import { countLine, diffMarkdown, diffSheet } from '../src/report/diff.js';
import { sheet, worksheet } from './report-helpers.js';

const NOW = new Date('2027-03-01T10:00:00Z');
const HEADING = { from: 'ronde 2026', to: 'nu (sinds 1 maart 2027)', library: null, now: NOW };
const META = { naam: 'Sanne', bibliotheek: 'Bibliotheek Voorbeeldstad' };

describe('verschil counts', () => {
  it('right after nieuwe-ronde: "nog niet opnieuw beantwoord", not "anders"', async () => {
    const ws = await worksheet('gemeentelandschap');
    const before = { ...META, 'thema-in-agenda': 'ja', aanspreekpunt: 'Mevrouw Jansen', gemeenteraad: 'nee' };
    const d = diffSheet(sheet(ws, before), sheet(ws, META));
    const md = diffMarkdown([d], HEADING);
    expect(md).toContain('3 vragen nog niet opnieuw beantwoord, dus nog niets om te vergelijken.');
    expect(md).not.toMatch(/vragen anders/);
    expect(md).toContain('### Nog niet opnieuw beantwoord');
  });

  it('some answered again: changed, the same and not yet answered again, each counted apart', async () => {
    const ws = await worksheet('gemeentelandschap');
    const before = { ...META, 'thema-in-agenda': 'ja', aanspreekpunt: 'Mevrouw Jansen', gemeenteraad: 'nee' };
    const after = { ...META, 'thema-in-agenda': 'ja', aanspreekpunt: 'Meneer Pietersen' };
    expect(countLine(diffSheet(sheet(ws, before), sheet(ws, after)))).toBe('1 vraag anders, 1 hetzelfde, 1 nog niet opnieuw beantwoord.');
  });
});
