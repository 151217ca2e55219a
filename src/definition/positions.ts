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
    const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
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

// The yaml library reports in English; users read Dutch.
function yamlMessage(code: string, original: string): string {
  const first = original.split('\n')[0] ?? original;
  // The parser is recursive: something nested hundreds of levels deep exhausts its stack.
  if (/Maximum call stack size exceeded/.test(original)) return 'te diep genest: zoveel niveaus in elkaar kan werkboek niet lezen';
  const known: Record<string, string> = {
    BAD_INDENT: 'onjuiste inspringing',
    BAD_SCALAR_START: 'ongeldige waarde (zet de tekst tussen aanhalingstekens)',
    BLOCK_AS_IMPLICIT_KEY: 'onjuiste inspringing: een blok staat waar een sleutel verwacht wordt',
    // "antwoord: Goed: maar weinig overleg": the second ": " makes YAML read a key.
    NESTED_MAPPING: 'hier staat ": " (een dubbele punt met een spatie) waar dat niet kan: staat dat in een tekst, zet de hele tekst dan tussen aanhalingstekens ("…"); anders klopt de inspringing niet',
    DUPLICATE_KEY: 'sleutel komt twee keer voor',
    MISSING_CHAR: 'er ontbreekt een teken (bijv. een afsluitend aanhalingsteken of haakje)',
    MULTILINE_IMPLICIT_KEY: 'een sleutel mag niet over meerdere regels lopen (controleer de inspringing of een ontbrekende dubbele punt)',
    TAB_AS_INDENT: 'tabs zijn niet toegestaan als inspringing; gebruik spaties',
    UNEXPECTED_TOKEN: 'onverwacht teken',
    BAD_ALIAS: 'ongeldige verwijzing (alias)',
    BAD_DIRECTIVE: 'ongeldige YAML-directive',
    TAG_RESOLVE_FAILED: 'onbekende YAML-tag',
  };
  if (/Nested mappings are not allowed in compact mappings/.test(first)) return known.NESTED_MAPPING ?? '';
  if (/All mapping items must start at the same column/.test(first)) return 'onjuiste inspringing: alle sleutels op hetzelfde niveau moeten in dezelfde kolom beginnen';
  if (/^Missing closing "?quote/i.test(first)) return 'een aanhalingsteken wordt niet afgesloten (zoek het begin van die tekst: het afsluitende aanhalingsteken ontbreekt)';
  // Our own words where we have them; else the parser's (English) explanation, marked as such.
  return known[code] ?? `ongeldige YAML (technisch: ${first})`;
}

/** `regel:kolom` of the value at path (or of the key `key` inside it). */
export function positionOf(located: Located, path: readonly PathKey[], key?: string): { line: number; col: number } {
  const { doc, lines } = located;
  // Walk down as far as the path exists, so a missing field points at its parent.
  let depth = path.length;
  let node: unknown ;
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
