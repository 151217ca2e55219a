// A fast reader for the YAML that werkboek itself writes (answers files), for
// reading many files at once (`overzicht`: 3,000 files in well under a
// second). It understands only a plain subset — block maps and lists, plain
// and single-line quoted scalars, literal block scalars (`|`), `{}` and `[]`,
// comments — and gives up (returns undefined) on anything else: anchors,
// tags, flow collections, folded or multi-line scalars, duplicate keys,
// tabs, a BOM, document markers. Whoever calls it then uses the full yaml
// library, so a file is never read differently; test/quick-yaml.test.ts
// compares both on written and hand-made files. What it accepts it returns
// exactly as yaml's `parse` (YAML 1.2, core schema) would.

/** Thrown inside the reader when the text leaves the subset. */
class GiveUp extends Error {}

interface Line {
  indent: number;
  /** The text after the indentation (no line end). */
  text: string;
  /** Index in the original line list (for block scalars). */
  index: number;
}

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
/** A plain scalar may not start with these (YAML indicators); such values take the full parser. */
const INDICATOR_START = /^[[\]{}#&*!|>'"%@`,?:]|^-(?:\s|$)/;

// YAML separates with spaces only: JavaScript's trim() would also take a
// no-break space or a line separator off a value.
// (Loops, not regular expressions: / +$/ is tried at every space of a long line.)
function trimSpacesStart(s: string): string {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return i ? s.slice(i) : s;
}
function trimSpacesEnd(s: string): string {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) === 32) i--;
  return i < s.length ? s.slice(0, i) : s;
}
const trimSpaces = (s: string) => trimSpacesEnd(trimSpacesStart(s));
const isBlank = (s: string) => trimSpacesStart(s) === '';

/** The value of a YAML text, or undefined when it is outside the subset (use the yaml library). */
export function quickParseYaml(source: string): unknown {
  if (source.includes('\t') || source.startsWith('\uFEFF')) return undefined;
  let text = source;
  if (text.includes('\r')) {
    text = text.replace(/\r\n/g, '\n');
    if (text.includes('\r')) return undefined;
  }
  const raw = text.split('\n');
  const lines: Line[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] as string;
    const body = trimSpacesStart(line);
    if (body === '' || body.startsWith('#')) continue;
    if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) return undefined;
    lines.push({ indent: line.length - body.length, text: trimSpacesEnd(body), index: i });
  }
  try {
    if (!lines.length) return null;
    const reader = new Reader(lines, raw);
    const value = reader.node(0);
    if (reader.pos !== lines.length) return undefined;
    return value;
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
}

class Reader {
  pos = 0;
  constructor(
    private readonly lines: Line[],
    private readonly raw: string[],
  ) {}

  /** A block node whose lines start at indentation `indent` (exactly). */
  node(indent: number): unknown {
    const line = this.lines[this.pos];
    if (!line || line.indent !== indent) throw new GiveUp();
    if (line.text === '-' || line.text.startsWith('- ')) return this.sequence(indent);
    return this.mapping(indent, line.text);
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.lines[this.pos]; line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = this.lines[this.pos]) {
      const rest = trimSpacesStart(line.text.slice(1));
      if (rest === '') {
        this.pos++;
        items.push(this.nested(indent, false));
        continue;
      }
      if (rest.startsWith('- ') || rest === '-') throw new GiveUp();
      const column = indent + (line.text.length - rest.length);
      if (keyOf(rest) !== undefined) {
        // "- naam: x" starts a map whose keys sit at the column after "- ".
        items.push(this.mapping(column, rest));
      } else {
        this.pos++;
        items.push(this.inline(rest, line, indent));
      }
    }
    const next = this.lines[this.pos];
    if (next && next.indent > indent) throw new GiveUp();
    return items;
  }

  /**
   * A block map at `indent`. `first` is the text of its first line (after a
   * "- " the line's own indentation differs from the map's).
   */
  private mapping(indent: number, first: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let text = first;
    let line = this.lines[this.pos];
    for (;;) {
      if (!line) throw new GiveUp();
      const key = keyOf(text);
      if (key === undefined) throw new GiveUp();
      if (Object.prototype.hasOwnProperty.call(map, key.key) || key.key === '__proto__' || key.key === '<<') throw new GiveUp();
      this.pos++;
      map[key.key] = key.rest === '' ? this.nested(indent, true) : this.inline(key.rest, line, indent);
      line = this.lines[this.pos];
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new GiveUp();
      if (line.text === '-' || line.text.startsWith('- ')) throw new GiveUp();
      text = line.text;
    }
    return map;
  }

  /** The value on the lines after "key:" or "-": more indented, or (after a key) a list at the same indentation; else null. */
  private nested(indent: number, afterKey: boolean): unknown {
    const line = this.lines[this.pos];
    if (!line) return null;
    if (line.indent > indent) return this.node(line.indent);
    if (afterKey && line.indent === indent && (line.text === '-' || line.text.startsWith('- '))) return this.sequence(indent);
    return null;
  }

  /**
   * A value that starts on the line itself (after "key: " or "- "), in a
   * collection at `parent`. A deeper line after it would continue it (a
   * multi-line plain scalar): the callers give up on those.
   */
  private inline(text: string, line: Line, parent: number): unknown {
    if (text.startsWith('|')) return this.literal(text, line, parent);
    return scalar(text);
  }

  /** A literal block scalar: "|", "|-", "|+", optionally with an indentation digit. */
  private literal(header: string, line: Line, parent: number): string {
    // "|", "|-", "|2", "|2-", "|-2"; keep-chomping ("|+") is left to yaml.
    const m = /^\|(?:([1-9])?(-)?|(-)([1-9]))(?:\s+#.*)?$/.exec(header);
    if (!m) throw new GiveUp();
    const strip = m[2] === '-' || m[3] === '-';
    const digit = m[1] ?? m[4];
    // The content: raw lines after the header, up to the first non-empty line indented no more than the parent.
    const body: string[] = [];
    let i = line.index + 1;
    let contentIndent = digit === undefined ? -1 : parent + Number(digit);
    for (; i < this.raw.length; i++) {
      const rawLine = this.raw[i] as string;
      const trimmed = trimSpacesStart(rawLine);
      const ind = rawLine.length - trimmed.length;
      if (trimmed === '') {
        body.push(rawLine);
        continue;
      }
      if (contentIndent < 0) {
        if (ind <= parent) break;
        // Leading empty lines longer than the content's indentation make yaml complain: leave those to it.
        if (body.some((b) => b.length > ind)) throw new GiveUp();
        contentIndent = ind;
      }
      if (ind < contentIndent) break;
      body.push(rawLine);
    }
    if (contentIndent < 0) {
      // Only empty lines (or none): yaml's value depends on chomping and the line lengths.
      throw new GiveUp();
    }
    // Skip the structural lines consumed by the scalar.
    while (this.pos < this.lines.length && (this.lines[this.pos] as Line).index < i) this.pos++;
    // Trailing empty lines belong to the scalar only for chomping; a last line of the
    // file without a line end gives a different result in yaml: leave that to it.
    let end = body.length;
    while (end > 0 && isBlank(body[end - 1] as string)) end--;
    if (end === 0 || (i >= this.raw.length && end === body.length)) throw new GiveUp();
    const content = body.slice(0, end).map((b) => {
      if (isBlank(b) && b.length < contentIndent) return '';
      return b.slice(contentIndent);
    });
    const trailing = body.slice(end);
    if (trailing.some((b) => b.length > contentIndent)) throw new GiveUp();
    const textValue = content.join('\n');
    return strip ? textValue : textValue + '\n';
  }
}

/** "key: rest" or "key:" with a plain or simple quoted key. */
function keyOf(text: string): { key: string; rest: string } | undefined {
  let key: string;
  let after: string;
  if (text.startsWith('"') || text.startsWith("'")) {
    const quoted = readQuoted(text);
    if (!quoted || !quoted.rest.startsWith(':')) return undefined;
    key = quoted.value;
    after = quoted.rest.slice(1);
  } else {
    const colon = text.indexOf(':');
    if (colon <= 0) return undefined;
    const raw = text.slice(0, colon);
    if (!PLAIN_KEY.test(raw)) return undefined;
    const resolved = resolvePlain(raw);
    if (typeof resolved !== 'string') throw new GiveUp();
    key = resolved;
    after = text.slice(colon + 1);
  }
  if (after !== '' && !after.startsWith(' ')) return undefined;
  const rest = trimSpacesStart(after);
  return { key, rest: rest.startsWith('#') ? '' : rest };
}

/** A one-line scalar after "key: " or "- ". */
function scalar(text: string): unknown {
  if (text.startsWith('{') || text.startsWith('[')) return flow(text);
  if (text.startsWith('"') || text.startsWith("'")) {
    const quoted = readQuoted(text);
    if (!quoted) throw new GiveUp();
    if (quoted.rest !== '' && !/^\s+#/.test(quoted.rest)) throw new GiveUp();
    return quoted.value;
  }
  if (INDICATOR_START.test(text) || text.includes(' #') || text.includes(': ') || text.endsWith(':')) throw new GiveUp();
  return resolvePlain(text);
}

/**
 * A one-line flow collection of plain values: `{}`, `[]`, `{ weet_ik_niet: true }`,
 * `[a, b]`. Quotes, nesting, comments or empty entries: left to yaml.
 */
function flow(text: string): unknown {
  const isMap = text.startsWith('{');
  if (!text.endsWith(isMap ? '}' : ']')) throw new GiveUp();
  const inner = trimSpaces(text.slice(1, -1));
  if (/["'{}[\]#&*!|>%@`]/.test(inner)) throw new GiveUp();
  if (inner === '') return isMap ? {} : [];
  const entries = inner.split(',').map(trimSpaces);
  if (entries.some((e) => e === '')) throw new GiveUp();
  if (!isMap) return entries.map((e) => (e.includes(':') || e.startsWith('-') || e.startsWith('?') ? giveUp() : resolvePlain(e)));
  const map: Record<string, unknown> = {};
  for (const entry of entries) {
    const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: (.*))?$/.exec(entry);
    if (!m) throw new GiveUp();
    const key = resolvePlain(m[1] as string);
    const raw = trimSpaces(m[2] ?? '');
    if (typeof key !== 'string' || Object.prototype.hasOwnProperty.call(map, key) || key === '__proto__' || key === '<<') throw new GiveUp();
    if (raw.includes(':') || /^[-?]/.test(raw)) throw new GiveUp();
    map[key] = raw === '' ? null : resolvePlain(raw);
  }
  return map;
}

function giveUp(): never {
  throw new GiveUp();
}

/** A plain scalar as the YAML 1.2 core schema reads it. */
function resolvePlain(text: string): unknown {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  const c = text.charCodeAt(0);
  // Most values are words: only a digit, sign or dot can start a number.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(text)) return Number(text);
    if (FLOAT.test(text)) return Number(text);
  }
  // Hex, octal, .inf and .nan have their own rules: leave them to yaml.
  if (/^[-+]?(?:0[xo]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/.test(text)) throw new GiveUp();
  return text;
}

/** A quoted scalar that ends on the same line: its value and what follows the closing quote. */
function readQuoted(text: string): { value: string; rest: string } | undefined {
  if (text.startsWith("'")) {
    let value = '';
    for (let i = 1; i < text.length; i++) {
      const c = text[i];
      if (c === "'") {
        if (text[i + 1] === "'") {
          value += "'";
          i++;
          continue;
        }
        return { value, rest: text.slice(i + 1) };
      }
      value += c;
    }
    return undefined;
  }
  // Double-quoted: find the closing quote, then let JSON read the escapes it shares with YAML.
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const e = text[i + 1];
      // YAML-only escapes (\x, \e, \N, \_, \L, \P, \0, \a, \v, \ , \/, \U, \<tab>): leave to yaml.
      if (e === undefined || !'"\\bfnrtu'.includes(e)) throw new GiveUp();
      i++;
      continue;
    }
    if (c === '"') {
      try {
        return { value: JSON.parse(text.slice(0, i + 1)) as string, rest: text.slice(i + 1) };
      } catch {
        throw new GiveUp();
      }
    }
  }
  return undefined;
}
