// The building blocks of a Word document (the `docx` package): headings in
// Word's own heading styles (so the navigation pane shows the outline),
// paragraphs, text as typed (paragraphs, line breaks, bullet and numbered
// lists kept as lists), tables and the document itself. Everything that
// goes in passes through `clean`: control characters are made visible as in
// every other output (support/control.ts), and what XML cannot hold at all
// (a lone surrogate, U+FFFE, U+FFFF) becomes U+FFFD, so an answer can never
// break the file. Text goes into runs as text, never as markup: the docx
// package writes it as XML text, escaped. Imported only for --formaat docx
// (docx.ts), so the other formats never load the package.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { visibleControls } from '../support/control.js';
import { columnWidths, TEXT_WIDTH } from './docx-widths.js';

/** A piece of the body: paragraphs and tables. */
export type Block = FileChild;

/** The text with control characters made visible and nothing XML cannot hold. */
export function clean(text: string): string {
  return visibleControls(text.replace(/\r\n?/g, '\n')).replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g,
    '\uFFFD',
  );
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/** Runs for a text, its line breaks as Word line breaks. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
}

/** A run of one line (line breaks become spaces): labels, names, values in a sentence. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: clean(text).replace(/\s*\n\s*/g, ' '), ...style });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** A heading in Word's heading style of that level (1–4). */
export function heading(text: string, level: 1 | 2 | 3 | 4): Paragraph {
  return new Paragraph({ heading: HEADINGS[level - 1], children: [run(text)] });
}

/** A paragraph of runs. */
export function paragraph(children: TextRun[], options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ children, keepNext: options.keepNext === true });
}

/** A bullet item (its text on one or more lines). */
export function bullet(children: TextRun[]): Paragraph {
  return new Paragraph({ children, bullet: { level: 0 } });
}

/** The document's numbered list definition (see wordDocument). */
const NUMBERED = 'genummerd';

/**
 * Numbered lists: each list its own instance, so each starts at 1 again.
 * One counter per document (made by wordDocument's caller).
 */
export class ListCounter {
  private next = 0;
  newList(): number {
    return this.next++;
  }
}

export function numbered(children: TextRun[], instance: number): Paragraph {
  return new Paragraph({ children, numbering: { reference: NUMBERED, level: 0, instance } });
}

// A line of typed text that is a list item: a bullet, or a number ("1." or "1)"), or a quote.
const BULLET_ITEM = /^[ \t]*[-*+•][ \t]+(.*)$/;
const NUMBERED_ITEM = /^[ \t]*\d{1,9}[.)][ \t]+(.*)$/;
const QUOTE_LINE = /^[ \t]*>[ \t]?(.*)$/;

/**
 * Text as typed, as Word paragraphs: a blank line starts a new paragraph,
 * other line breaks stay line breaks; lines typed as a bullet ("- ", "* ")
 * or a numbered item ("1. ") are a list (a line indented under an item
 * goes on in it); a quote ("> ") is an indented paragraph. Nothing else
 * typed means anything: no headings, emphasis or links.
 */
export function textBlocks(text: string, lists: ListCounter): Paragraph[] {
  const out: Paragraph[] = [];
  for (const part of clean(text).split(/\n[ \t]*\n/)) {
    let pending: string[] = [];
    let item: { kind: 'bullet' | 'numbered'; lines: string[] } | undefined;
    let instance = -1;
    const flushText = () => {
      if (pending.length) out.push(paragraph(runs(pending.join('\n'))));
      pending = [];
    };
    const flushItem = () => {
      if (item) out.push(item.kind === 'bullet' ? bullet(runs(item.lines.join('\n'))) : numbered(runs(item.lines.join('\n')), instance));
      item = undefined;
    };
    for (const line of part.split('\n').filter((l) => l.trim() !== '')) {
      const m = BULLET_ITEM.exec(line) ?? NUMBERED_ITEM.exec(line);
      if (m) {
        const kind = BULLET_ITEM.test(line) ? 'bullet' : 'numbered';
        const continues = item?.kind === kind;
        flushText();
        flushItem();
        if (kind === 'numbered' && !continues) instance = lists.newList();
        item = { kind, lines: [m[1]!.trim()] };
      } else if (item && /^[ \t]+\S/.test(line)) {
        // Indented under a list item: more of that item.
        item.lines.push(line.trim());
      } else {
        flushItem();
        const quote = QUOTE_LINE.exec(line);
        if (quote) {
          flushText();
          out.push(new Paragraph({ children: runs(quote[1]!.trim(), { italics: true }), indent: { left: 567 } }));
        } else {
          pending.push(line.trim());
        }
      }
    }
    flushItem();
    flushText();
  }
  return out;
}

/**
 * A table: a header row (bold, shaded, repeated on every page), then the
 * rows, none split over a page break ("Coördinator" on one page and
 * "digitale inclusie" on the next); "" is an empty cell. The page's width, in columns as wide as their
 * header words (and, as far as there is room, their cells' words) need
 * (docx-widths.ts), fixed, so that Word does not make them equal again.
 */
export function table(columns: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  const widths = columnWidths(columns, rows);
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      children: [paragraph(text === '' ? [] : runs(text.trim(), { bold: header }))],
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'A0A0A0' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, true, i)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(r[i] ?? '', false, i)) })),
    ],
  });
}

/** A line across, above the footer line of the report. */
export function rule(): Paragraph {
  return new Paragraph({ border: { top: { style: BorderStyle.SINGLE, size: 6, color: 'A0A0A0', space: 1 } }, children: [] });
}

/** A heading style: bold, dark blue, kept with the next paragraph, on its outline level (0 = Heading 1). */
function headingStyle(outlineLevel: number, size: number) {
  return {
    run: { bold: true, size, color: '1F3864', font: 'Calibri' },
    paragraph: { outlineLevel, keepNext: true, keepLines: true, spacing: { before: outlineLevel === 0 ? 0 : 240, after: 120 } },
  };
}

export interface WordDocumentInput {
  title: string;
  subject: string;
  body: Block[];
}

/** The .docx file: Dutch, Calibri 11, Word's heading styles, one numbered-list definition. */
export async function wordDocument({ title, subject, body }: WordDocumentInput): Promise<Buffer> {
  const doc = new Document({
    creator: 'werkboek',
    title: clean(title),
    subject: clean(subject),
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: 'nl-NL' } }, paragraph: { spacing: { after: 120 } } },
        // Outline levels: Word's navigation pane shows them (Werkblad › Stap).
        heading1: headingStyle(0, 32),
        heading2: headingStyle(1, 28),
        heading3: headingStyle(2, 24),
        heading4: headingStyle(3, 22),
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
