// The column widths of a Word table (report/docx-widths.ts): no header word
// broken (the functies of werkblad 2: "Verantwoordelijkheden" came out as
// "Verantwoord-elijkheden" in equal columns), the cells' words whole where
// there is room, the page's width exactly.
import { describe, expect, it } from 'vitest';
import { columnWidths, TEXT_WIDTH, wordWidth } from '../src/report/docx-widths.js';

/** Word's cell margins, left and right: what a column has less for its text. */
const CELL_MARGINS = 2 * 108;

const FUNCTIES = ['Functie', 'Betaald of vrijwillig?', 'Taken', 'Verantwoordelijkheden', 'Bevoegdheden', 'Uren'];
const ROWS = [
  [
    'Coördinator digitale inclusie',
    'betaald',
    'Planning spreekuren\nContact met partners',
    'Kwaliteit van het aanbod',
    'Budget tot € 2.000',
    '16 uur per week',
  ],
  ['Digicoach', 'vrijwillig', 'Inwoners helpen op het spreekuur', '', '', '3,5 uur per week'],
  ['Stagiair', 'stage (via het mbo)', 'Ondersteuning bij cursussen', '', '', ''],
];

/** Whether every word of the text fits on a line of the column. */
const fits = (text: string, width: number) => text.split(/\s+/).every((w) => wordWidth(w) <= width - CELL_MARGINS);

describe('Word table columns', () => {
  it('measures words in Calibri 11, as Word sets them (a little to spare)', () => {
    // Carlito (Calibri's metrics) sets "Verantwoordelijkheden" 2175 twips wide in bold.
    expect(wordWidth('Verantwoordelijkheden')).toBeGreaterThanOrEqual(2175);
    expect(wordWidth('Verantwoordelijkheden')).toBeLessThan(2300);
    expect(wordWidth('Coördinator')).toBe(wordWidth('Coordinator'));
    expect(wordWidth('WWW')).toBeGreaterThan(wordWidth('iii') * 3);
  });

  it('the functies: every header word whole, and here every word of the cells too; together the page width', () => {
    const widths = columnWidths(FUNCTIES, ROWS);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    for (const [i, header] of FUNCTIES.entries()) expect(fits(header, widths[i] ?? 0), header).toBe(true);
    for (const row of ROWS) for (const [i, cell] of row.entries()) expect(fits(cell, widths[i] ?? 0), cell).toBe(true);
    // Equal columns (the page in six) would break the header.
    expect(fits('Verantwoordelijkheden', TEXT_WIDTH / 6)).toBe(false);
  });

  it('headers come first when there is no room for all the cells words; the rest goes to the columns with most text', () => {
    const widths = columnWidths(['Partner', 'Genoemd door'], [['Belastingservice', 'Sanne'.repeat(40)]]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(fits('Genoemd door', widths[1] ?? 0)).toBe(true);
    // A word longer than a third of the page does not take the table.
    expect(fits('Belastingservice', widths[0] ?? 0)).toBe(true);
    const text = columnWidths(['Vraag', 'Antwoord'], [['Ja?', 'Een lange toelichting '.repeat(20)]]);
    expect(text[1]).toBeGreaterThan(text[0] ?? 0);
  });

  it('headers wider than the page together: narrower in proportion, still the page width', () => {
    const headers = Array.from({ length: 8 }, () => 'Samenwerkingsafspraken');
    const widths = columnWidths(headers, []);
    expect(new Set(widths.slice(0, -1)).size).toBe(1);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(columnWidths([], [])).toEqual([]);
    expect(columnWidths(['Eén'], [['x']])).toEqual([TEXT_WIDTH]);
  });
});
