// The column widths of a Word table (docx-blocks.ts `table`). Equal columns
// broke long headers mid-word ("Verantwoord-elijkheden" in the functies of
// werkblad 2). Each column is first made wide enough for the longest word of
// its header, then, as far as the page allows, for the longest word in its
// cells; what is left goes to the columns with the most text. Pure: text in,
// twips (1/20 pt) out.

/**
 * The text width of the page, in twips: A4 (11906) less two margins of
 * 2.54 cm (1440), the docx package's default page (test/report-docx.test.ts
 * checks that the document has that page).
 */
export const TEXT_WIDTH = 11906 - 2 * 1440;

/** A cell's left and right margin together (Word's default, 108 each), and a little to spare. */
const CELL_PADDING = 2 * 108 + 24;

/**
 * Calibri's advance widths, in thousandths of the font size: the larger of
 * regular and bold, as Carlito (made to Calibri's metrics) has them. A letter
 * with an accent is as wide as the letter; anything else counts as OTHER.
 */
const LOWER = [494, 537, 423, 537, 504, 317, 475, 537, 246, 256, 480, 246, 814, 537, 538, 537, 537, 356, 399, 347, 537, 474, 746, 460, 474, 398];
const UPPER = [606, 561, 534, 631, 489, 460, 638, 631, 267, 332, 547, 423, 875, 659, 677, 533, 687, 563, 473, 496, 653, 592, 907, 551, 520, 479];
const DIGIT = 507;
const SIGNS: Readonly<Record<string, number>> = {
  '.': 268,
  ',': 258,
  ':': 276,
  ';': 276,
  '!': 326,
  '?': 464,
  "'": 234,
  '"': 439,
  '(': 312,
  ')': 312,
  '-': 307,
  '/': 430,
  '&': 705,
  '%': 730,
  '€': 507,
  '@': 899,
};
const OTHER = 700;

/** The font size of the document (Calibri 11), in twips; and a little more, for a printer's or a font's rounding. */
const FONT_SIZE = 11 * 20;
const SPARE = 1.03;

/** How wide a word is in Calibri 11, in twips. */
export function wordWidth(word: string): number {
  let thousandths = 0;
  for (const ch of word) {
    const base = ch.normalize('NFD').charAt(0);
    const code = base.charCodeAt(0);
    thousandths +=
      code >= 97 && code <= 122
        ? (LOWER[code - 97] ?? OTHER)
        : code >= 65 && code <= 90
          ? (UPPER[code - 65] ?? OTHER)
          : code >= 48 && code <= 57
            ? DIGIT
            : (SIGNS[ch] ?? OTHER);
  }
  return Math.ceil((thousandths * FONT_SIZE * SPARE) / 1000);
}

/** The most a column takes for the words of its cells: a long word (a web address) does not take the table. */
const MOST_FOR_WORDS = TEXT_WIDTH / 3;

/** The width a cell needs for its longest word to stay whole. */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map(wordWidth)) + CELL_PADDING;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** `widths` plus `extra` shared out in proportion to `weights` (all equal when they are all 0). */
function share(widths: readonly number[], extra: number, weights: readonly number[]): number[] {
  const total = sum(weights);
  return widths.map((w, i) => w + (total > 0 ? (extra * (weights[i] ?? 0)) / total : extra / widths.length));
}

/**
 * The width of each column, in twips, together `total`: every header word
 * whole (unless the headers alone are wider than the page: then all in
 * proportion), then the cells' words, then the rest by the amount of text.
 */
export function columnWidths(columns: readonly string[], rows: ReadonlyArray<readonly string[]>, total = TEXT_WIDTH): number[] {
  if (!columns.length) return [];
  const need = columns.map(longestWord);
  const needed = sum(need);
  if (needed >= total)
    return rounded(
      need.map((w) => (w * total) / needed),
      total,
    );
  const cellsOf = (i: number) => rows.map((r) => r[i] ?? '');
  const want = need.map((w, i) => Math.max(w, Math.min(MOST_FOR_WORDS, Math.max(0, ...cellsOf(i).map(longestWord)))));
  const room = total - needed;
  const wanted = sum(want) - needed;
  // Toward the cells' longest words: all of it when there is room, else in proportion.
  const widths =
    wanted <= room
      ? want
      : share(
          need,
          room,
          want.map((w, i) => w - (need[i] ?? 0)),
        );
  // The rest by the amount of text: the average length of a column's cells.
  const amount = columns.map((_, i) => sum(cellsOf(i).map((c) => [...c].length)) / Math.max(1, rows.length));
  return rounded(share(widths, total - sum(widths), amount), total);
}

/** Whole twips that add up to `total` (the last column takes the rounding). */
function rounded(widths: readonly number[], total: number): number[] {
  const whole = widths.map((w) => Math.floor(w));
  const last = whole.length - 1;
  whole[last] = (whole[last] ?? 0) + total - sum(whole);
  return whole;
}
