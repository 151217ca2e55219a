// The workbook's introduction (questions/inleiding.md: "Introductie",
// "Positionering vs. profilering", "Context"): reading it, its short form for
// a new dossier, and laying it out as plain text wrapped to a width. The file
// is no worksheet definition: only questions/*.yaml are worksheets.
import { wrapLine } from '../support/wrap.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import { readProgramFile } from '../support/program-files.js';

/** Shipped next to the worksheet definitions (package.json "files": questions). */
const INTRODUCTION = 'questions/inleiding.md';

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'quote'; lines: string[] };

/**
 * The small Markdown subset of inleiding.md: "# "/"## " headings, paragraphs
 * (lines joined), "1. " numbered lists, "> " quotes (each line kept), and
 * <!-- comments --> left out.
 */
export function parseIntroduction(source: string): Block[] {
  const text = source.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n[ \t]*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const first = lines[0];
    if (first === undefined) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(first);
    if (heading && lines.length === 1) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.trim() });
    } else if (lines.every((l) => /^\d+\.\s/.test(l))) {
      blocks.push({ kind: 'list', items: lines.map((l) => l.replace(/^\d+\.\s+/, '')) });
    } else if (lines.every((l) => l.startsWith('>'))) {
      blocks.push({ kind: 'quote', lines: lines.map((l) => l.replace(/^>\s?/, '')) });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}

export async function loadIntroduction(): Promise<Block[]> {
  try {
    return parseIntroduction(readProgramFile(INTRODUCTION));
  } catch (err) {
    throw new WerkboekError(`Kan de inleiding van het werkboek niet lezen: ${describeFsError(err)}`, ExitCode.usage);
  }
}

/**
 * The short form for someone who starts the first worksheet of a dossier:
 * the Introductie (its heading and first paragraph: why this workbook) and
 * the three steps, in the workbook's words; `lead` introduces the steps.
 */
export function shortIntroduction(blocks: Block[], lead: string): Block[] {
  const short: Block[] = [];
  const heading = blocks.find((b) => b.kind === 'heading');
  const start = heading ? blocks.indexOf(heading) : -1;
  const paragraph = blocks.slice(start + 1).find((b) => b.kind === 'paragraph');
  if (heading) short.push(heading);
  // The footnote stays in the whole introduction: here its mark ("hoog was¹") would point nowhere.
  if (paragraph?.kind === 'paragraph') short.push({ kind: 'paragraph', text: paragraph.text.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '') });
  const steps = blocks.find((b) => b.kind === 'list');
  if (steps) short.push({ kind: 'paragraph', text: lead }, steps);
  return short;
}

export interface Layout {
  width: number;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

/** Plain text, each block wrapped to the width, blocks separated by a blank line. */
export function renderIntroduction(blocks: Block[], { width, bold, dim }: Layout): string {
  const w = Math.max(20, width);
  const wrap = (text: string, indent: string, hanging = indent) =>
    wrapLine(text, Math.max(10, w - hanging.length), false)
      .split('\n')
      .map((line, i) => (i === 0 ? indent : hanging) + line)
      .join('\n');
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return bold(wrap(b.text, ''));
        case 'paragraph':
          return wrap(b.text, '');
        case 'list':
          return b.items.map((item, i) => wrap(item, `  ${i + 1}. `, '     ')).join('\n');
        default:
          return b.lines.map((line) => dim(wrap(line, '  '))).join('\n');
      }
    })
    .join('\n\n');
}
