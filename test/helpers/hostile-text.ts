// Random text rich in Markdown, HTML, URLs and e-mail addresses, for the
// escaping fuzz tests (of src/, report-escape.test.ts, and of the shipped
// program, shipped-safety.test.ts), and how to compare it with what a
// report shows.

/** Pieces of text: single characters rich in Markdown punctuation, and longer pieces that are Markdown, HTML, URLs or e-mail addresses. */
export const PIECES: string[] = [
  ...'abcxyzé'.split(''),
  ...'0123456789'.split(''),
  ' ',
  ' ',
  ' ',
  ' ',
  '\t',
  '\n',
  '\n',
  '\n',
  '\r\n',
  ...'[]():<>&\\_*#|-=~>+!`.\'"/?@;{}^$%'.split(''),
  '    ',
  '*     ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '2. ',
  '3. ',
  '\n2. ',
  '> ',
  '>',
  '# ',
  '## ',
  '\n\n',
  '\n    ',
  '\n\t',
  '---',
  '===',
  '***',
  '___',
  '```',
  '~~~',
  '| a | b |',
  '|---|---|',
  ':--',
  '-|-',
  '<b>',
  '</p>',
  '<!--',
  '<?',
  '<!X',
  '<script>',
  '<a href="x">',
  '<https://evil.example>',
  '<a@b.nl>',
  '&lt;',
  '&amp;',
  '&#60;',
  '&#x3C;',
  '&copy',
  '&nbsp;',
  'https://evil.example/pad_(x)',
  'http://a.nl',
  'www.example.nl',
  'a.b@example.nl',
  'mailto:x@y.nl',
  'ftp://f.nl',
  '[de site van de gemeente Den Haag]',
  '[de site van de gemeente Den Haag]: https://evil.example',
  '[a]: ',
  '[a]',
  '[x](javascript:alert(1))',
  '![p](https://e.nl/p.png)',
  '[ ] ',
  '[x] ',
  '_niet_',
  '*niet*',
  '**vet**',
  '__vet__',
  '~~weg~~',
  '~weg~',
  'snake_case',
  'a*b',
  '2 * 3',
  'inwoners < 65 jaar',
  '#5',
  'C:\\map',
  'regel\\',
  '\\#',
  '\\*',
];

export function randomText(rand: () => number, maxPieces: number): string {
  const n = 1 + Math.floor(rand() * maxPieces);
  let out = '';
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(rand() * PIECES.length)]!;
  return out;
}

/** Decode the few entities sanitize-html writes. */
export function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#39|#x27|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'" } as Record<string, string>)[name.toLowerCase()] ?? m;
  });
}

/** The element names in HTML. */
export function elements(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
}

// List and block quote markers at the start of a line (several nested, like "> - 1. "; "1." alone too).
const MARKERS = /^(?:[ \t]*(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)))*/;

/**
 * Lines of text for comparison: per line, list and quote markers at the
 * start removed (lists and quotes are allowed structure; in HTML they are
 * elements, not characters), runs of spaces and tabs as one space, trimmed;
 * empty lines dropped (a blank line is a paragraph break, not text).
 */
export function textLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) =>
      l
        .replace(/[ \t]+$/, '')
        .replace(MARKERS, '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '');
}

/** The text of the HTML of a block, line by line: <br> and block elements end a line; a newline in the HTML is a space. */
export function htmlLines(html: string): string[] {
  const text = html
    .replace(/\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:p|li|ul|ol|blockquote)(?:\s[^>]*)?>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return textLines(decode(text));
}

/** The block elements an answer may become (paragraphs, line breaks, lists, block quotes). */
export const BLOCK_ELEMENTS = new Set(['p', 'br', 'ul', 'ol', 'li', 'blockquote']);
