// Shared by definition/ and dossier/answers-file.ts: parse YAML keeping source
// positions, and turn a data path into `regel:kolom`.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Issue } from '../support/errors.js';

export interface Located {
  doc: Document.Parsed;
  lines: LineCounter;
  file: string;
}

export type PathKey = string | number;

export function parseLocated(file: string, source: string): { located: Located; issues: Issue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const located = { doc, lines, file };
  const issues: Issue[] = doc.errors.map((err) => {
    const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
    return { file, line: pos.line, col: pos.col, path: '', message: yamlMessage(err.code, err.message) };
  });
  return { located, issues };
}

// The yaml library reports in English; users read Dutch.
function yamlMessage(code: string, original: string): string {
  const first = original.split('\n')[0] ?? original;
  const known: Record<string, string> = {
    BAD_INDENT: 'onjuiste inspringing',
    BAD_SCALAR_START: 'ongeldige waarde (zet de tekst tussen aanhalingstekens)',
    BLOCK_AS_IMPLICIT_KEY: 'onjuiste inspringing: een blok staat waar een sleutel verwacht wordt',
    DUPLICATE_KEY: 'sleutel komt twee keer voor',
    MISSING_CHAR: 'er ontbreekt een teken (bijv. een afsluitend aanhalingsteken of haakje)',
    MULTILINE_IMPLICIT_KEY: 'een sleutel mag niet over meerdere regels lopen (controleer de inspringing of een ontbrekende dubbele punt)',
    TAB_AS_INDENT: 'tabs zijn niet toegestaan als inspringing; gebruik spaties',
    UNEXPECTED_TOKEN: 'onverwacht teken',
    BAD_ALIAS: 'ongeldige verwijzing (alias)',
    BAD_DIRECTIVE: 'ongeldige YAML-directive',
    TAG_RESOLVE_FAILED: 'onbekende YAML-tag',
  };
  return `${known[code] ?? 'ongeldige YAML'} [${first}]`;
}

/** `regel:kolom` of the value at path (or of the key `key` inside it). */
export function positionOf(located: Located, path: readonly PathKey[], key?: string): { line: number; col: number } {
  const { doc, lines } = located;
  // Walk down as far as the path exists, so a missing field points at its parent.
  let depth = path.length;
  let node: unknown = undefined;
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
