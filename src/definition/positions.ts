// Shared by definition/ and dossier/answers-file.ts: parse YAML keeping source
// positions, and turn a data path into `regel:kolom`.
import { isUtf8 } from 'node:buffer';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Issue } from '../support/errors.js';

export interface Located {
  doc: Document.Parsed;
  lines: LineCounter;
  file: string;
}

export type PathKey = string | number;

/**
 * Parse YAML keeping positions. Besides YAML's own errors this reports, with
 * line and column: aliases (`*naam`: a file from someone else could use them
 * to repeat a value millions of times, and a value that is an alias cannot be
 * changed on its own) and duplicate keys (checked here in linear time: the
 * yaml library's own check is quadratic, 40,000 keys took 13 s).
 */
export function parseLocated(file: string, source: string): { located: Located; issues: Issue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const located = { doc, lines, file };
  // Only the first: one mistake (a tab, a missing quote) makes the parser report many more after it.
  const issues: Issue[] = doc.errors.slice(0, 1).map((err) => {
    const offset = yamlErrorOffset(err.code, err.message, source, err.pos[0]);
    const pos = offset === err.pos[0] ? (err.linePos?.[0] ?? lines.linePos(offset)) : lines.linePos(offset);
    // A missing closing quote is found at the end of the file: never name a line after the last one.
    const last = lines.lineStarts.length - (source.endsWith('\n') ? 1 : 0);
    const line = Math.max(1, Math.min(pos.line, last));
    return { file, line, col: line === pos.line ? pos.col : 1, path: '', message: yamlMessage(err.code, err.message) };
  });
  if (issues.length) return { located, issues };
  const at = (offset: number | undefined, message: string): Issue => {
    const pos = lines.linePos(offset ?? 0);
    return { file, line: pos.line, col: pos.col, path: '', message };
  };
  visit(doc, {
    Alias(_key, node) {
      issues.push(at(node.range?.[0], `een verwijzing (*${node.source}) is hier niet toegestaan: schrijf de waarde voluit`));
      return visit.SKIP;
    },
    Map(_key, node) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const range = isScalar(pair.key) ? pair.key.range : undefined;
          issues.push(at(range?.[0], `sleutel komt twee keer voor [${String(key)}]`));
        }
        seen.add(key);
      }
    },
  });
  return { located, issues };
}

/**
 * The text of a file that must be UTF-8. Invalid UTF-8 (e.g. a file saved as
 * Windows-1252, where "René" is not UTF-8) is an issue with the position of
 * the first bad character, never silently turned into "Ren\uFFFD".
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string; issue?: Issue } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (isUtf8(bytes)) return { text: text.replace(/^\uFEFF/, '') };
  const lines = new LineCounter();
  // Feed the line starts to the counter, as the parser would.
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const pos = lines.linePos(Math.max(0, text.indexOf('\uFFFD')));
  return {
    text,
    issue: {
      file,
      line: pos.line,
      col: pos.col,
      path: '',
      message: 'het bestand is geen UTF-8 (bijv. Windows-1252): sla het in je teksteditor op als UTF-8 en probeer het opnieuw',
    },
  };
}

// The yaml library reports in English; users read Dutch. Its error codes
// (yaml's ErrorCode) with, where one code covers several mistakes, the
// mistake told apart by the library's own message. Tested per code in
// test/yaml-messages.test.ts.
const QUOTE_HINT = 'zet de hele tekst dan tussen aanhalingstekens ("…")';
const YAML_MESSAGES: Record<string, Array<[RegExp | undefined, string]>> = {
  BAD_INDENT: [
    [/^Flow sequence/, 'een lijst die met [ begint, wordt niet afgesloten: de ] ontbreekt'],
    [/^Flow (map|collection)/, 'een groep die met { begint, wordt niet afgesloten: de } ontbreekt'],
    [/All sequence items must start at the same column/, 'onjuiste inspringing: alle items van een lijst ("- …") moeten in dezelfde kolom beginnen'],
    [/All mapping items must start at the same column/, 'onjuiste inspringing: alle sleutels op hetzelfde niveau moeten in dezelfde kolom beginnen'],
    [undefined, 'onjuiste inspringing: deze regel springt verder of minder in dan past bij de regels erboven'],
  ],
  MISSING_CHAR: [
    [
      /^Missing closing "?quote|^Missing closing '?quote/i,
      'een aanhalingsteken wordt niet afgesloten (zoek het begin van die tekst: het afsluitende aanhalingsteken ontbreekt)',
    ],
    [
      /Sequence item without - indicator/,
      'onjuiste inspringing: deze regel springt anders in dan de regels erboven (elk niveau springt even ver in, bijv. 2 spaties), of er ontbreekt een "- " voor een item van een lijst',
    ],
    [/Missing , or :/, 'tussen { } of [ ] ontbreekt een komma of een dubbele punt'],
    [undefined, 'er ontbreekt een teken (bijv. een komma of een afsluitend haakje)'],
  ],
  BLOCK_AS_IMPLICIT_KEY: [
    // "antwoord: Goed: maar weinig overleg": the second ": " makes YAML read a key; also a line indented too far after "sleutel: waarde".
    [
      /Nested mappings/,
      `hier staat ": " (een dubbele punt met een spatie) waar dat niet kan: staat dat in een tekst, ${QUOTE_HINT}; anders springt deze regel te ver in`,
    ],
    [/block sequence/, 'onjuiste inspringing: een lijst ("- …") springt minder in dan de regels erboven'],
    [undefined, 'onjuiste inspringing: een blok staat waar een sleutel verwacht wordt'],
  ],
  BLOCK_IN_FLOW: [[undefined, `tussen { } of [ ] staat iets dat daar niet kan: ontbreekt er een komma, of staat er tekst met ": " in? ${QUOTE_HINT}`]],
  UNEXPECTED_TOKEN: [
    [/flow-seq-end/, 'hier staat een ] zonder [ ervoor'],
    [/flow-map-end/, 'hier staat een } zonder { ervoor'],
    [/Block scalar header/, 'na | of > mag op dezelfde regel niets anders staan'],
    [/at node end/, `hier staat nog tekst na het einde van een waarde (bijv. na een afsluitend aanhalingsteken); ${QUOTE_HINT}`],
    [undefined, 'onverwacht teken'],
  ],
  BAD_SCALAR_START: [[undefined, `een tekst kan niet met dit teken beginnen (zoals @ of \`); ${QUOTE_HINT}`]],
  MULTILINE_IMPLICIT_KEY: [[undefined, 'een sleutel mag niet over meerdere regels lopen: ontbreekt er een dubbele punt, of klopt de inspringing niet?']],
  TAB_AS_INDENT: [[undefined, 'tabs zijn niet toegestaan als inspringing; gebruik spaties']],
  DUPLICATE_KEY: [[undefined, 'sleutel komt twee keer voor']],
  BAD_DQ_ESCAPE: [
    [undefined, 'ongeldige \\-code in een tekst tussen dubbele aanhalingstekens: schrijf \\\\ voor een backslash, of gebruik enkele aanhalingstekens'],
  ],
  MULTIPLE_DOCS: [[undefined, 'het bestand bevat meer dan één deel (na een regel met alleen --- of ...): haal die regel weg']],
  KEY_OVER_1024_CHARS: [[undefined, 'een sleutel is langer dan 1024 tekens: ontbreekt er een regeleinde, of staat er ": " in een lange tekst?']],
  MULTIPLE_ANCHORS: [[undefined, `een waarde met twee keer & ervoor kan werkboek niet lezen; ${QUOTE_HINT}`]],
  MULTIPLE_TAGS: [[undefined, `een waarde met twee keer ! ervoor kan werkboek niet lezen; ${QUOTE_HINT}`]],
  ALIAS_PROPS: [[undefined, 'een verwijzing (*naam) kan geen & of ! hebben: schrijf de waarde voluit']],
  BAD_ALIAS: [[undefined, 'ongeldige verwijzing (*naam): schrijf de waarde voluit']],
  BAD_DIRECTIVE: [[undefined, 'een regel die met % begint, kan werkboek niet lezen: haal hem weg']],
  TAG_RESOLVE_FAILED: [[undefined, `een waarde met ! ervoor kan werkboek niet lezen; ${QUOTE_HINT}`]],
};

function yamlMessage(code: string, original: string): string {
  const first = original.split('\n')[0] ?? original;
  // The parser is recursive: something nested hundreds of levels deep exhausts its stack.
  if (/Maximum call stack size exceeded/.test(original)) return 'te diep genest: zoveel niveaus in elkaar kan werkboek niet lezen';
  const match = YAML_MESSAGES[code]?.find(([re]) => re === undefined || re.test(first));
  // Our own words where we have them; else the parser's (English) explanation, marked as such.
  return match?.[1] ?? `ongeldige YAML (technisch: ${first})`;
}

/**
 * Where to point for a YAML error: an unclosed [ or { is noticed lines
 * later (where the next key starts), so point at the bracket that opened it.
 */
function yamlErrorOffset(code: string, message: string, source: string, offset: number): number {
  if (code !== 'BAD_INDENT') return offset;
  const open = /^Flow sequence/.test(message) ? '[' : /^Flow (map|collection)/.test(message) ? '{' : undefined;
  const at = open ? source.lastIndexOf(open, offset) : -1;
  return at >= 0 ? at : offset;
}

/** `regel:kolom` of the value at path (or of the key `key` inside it). */
export function positionOf(located: Located, path: readonly PathKey[], key?: string): { line: number; col: number } {
  const { doc, lines } = located;
  // Walk down as far as the path exists, so a missing field points at its parent.
  let depth = path.length;
  let node: unknown;
  while (depth >= 0) {
    node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node) break;
    depth--;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
  }
  // For a value, point at its key when there is one: that is where people look.
  if (depth > 0) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const last = path[depth - 1];
    if (isMap(parent) && typeof last === 'string') {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
    }
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]) : { line: 1, col: 1 };
}

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export function issueAt(located: Located, path: readonly PathKey[], message: string, key?: string): Issue {
  const { line, col } = positionOf(located, path, key);
  const fullPath = key === undefined ? path : [...path, key];
  return { file: located.file, line, col, path: formatPath(fullPath), message };
}

/** The line of the first match of `re` in `text` (1 when there is none): for a position without parsing (a field found by its key). */
export function lineOfMatch(text: string, re: RegExp): number {
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}
