// Rendering a report context with a Liquid template: the shipped default
// (templates/rapport.md.liquid) or the user's own (--sjabloon). Strict:
// unknown variables and filters are errors, reported as `bestand:regel`.
// No file system access: include/render/layout find nothing.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as LiquidJs from 'liquidjs';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import type { ReportContext } from './model.js';

// liquidjs' CommonJS build loads about ten times faster than its ESM build
// (measured: +5 ms against +50 ms over a bare node start), and every report needs it.
const { Liquid } = createRequire(import.meta.url)('liquidjs') as typeof LiquidJs;

/** The folder with the shipped templates (works from src/ and dist/). */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));
export const defaultTemplateFile = path.join(templatesDir, 'rapport.md.liquid');

export interface TemplateSource {
  /** Name shown in error messages, e.g. "sjabloon.liquid". */
  name: string;
  source: string;
}

export async function loadTemplate(file: string | undefined, cwd: string): Promise<TemplateSource> {
  const full = file ? path.resolve(cwd, file) : defaultTemplateFile;
  const name = file ? path.relative(cwd, full) || full : 'rapport.md.liquid';
  try {
    return { name, source: await readFile(full, 'utf8') };
  } catch (err) {
    throw new WerkboekError(`Kan sjabloon ${name} niet lezen: ${describeFsError(err)}.`, ExitCode.usage);
  }
}

/** Render a template to Markdown. Template errors become a WerkboekError naming file and line. */
export async function renderTemplate(template: TemplateSource, context: ReportContext): Promise<string> {
  const liquid = new Liquid({
    // An empty in-memory file system: no include/render/layout from disk.
    templates: {},
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // Given, so liquidjs does not ask Intl for the default locale (that loads ICU data: ~15 ms).
    locale: 'nl-NL',
  });
  let output: string;
  try {
    const parsed = liquid.parse(template.source, template.name);
    output = await liquid.render(parsed, context as unknown as Record<string, unknown>);
  } catch (err) {
    throw templateError(template, err);
  }
  return normalizeMarkdown(output);
}

/** At most one blank line in a row, no blank lines at the start, one newline at the end. */
export function normalizeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/^\s*\n/, '')
      .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n')
      .trimEnd() + '\n'
  );
}

interface LiquidLikeError extends Error {
  token?: { getPosition?: () => [number, number]; file?: string };
  originalError?: Error;
  errors?: LiquidLikeError[];
}

function templateError(template: TemplateSource, err: unknown): WerkboekError {
  if (!(err instanceof Error)) return new WerkboekError(`${template.name}: fout in sjabloon: ${String(err)}`, ExitCode.usage);
  let e = err as LiquidLikeError;
  if (e.errors?.[0]) e = e.errors[0];
  const line = e.token?.getPosition?.()[0];
  const raw = (e.originalError?.message ?? e.message).replace(/,(?: file:[^,]*,)? line:\d+, col:\d+$/, '');
  const where = line ? `${template.name}:${line}` : template.name;
  return new WerkboekError(
    `${where}: ${dutchTemplateMessage(raw)}`,
    ExitCode.usage,
    `Zie ${defaultTemplateFile} voor de variabelen die een sjabloon kan gebruiken.`,
  );
}

/** liquidjs' English messages in Dutch (the common ones). */
export function dutchTemplateMessage(message: string): string {
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^undefined variable: (.+)$/, (m) => `onbekende variabele "${(m[1] ?? '').replace(/\.(\d+)(?=\.|$)/g, '[$1]')}"`],
    [/^undefined filter: (.+)$/, (m) => `onbekend filter "${m[1]}"`],
    [/^tag "(.+)" not found$/, (m) => `onbekende tag "${m[1]}"`],
    [/^tag (.+) not closed$/, (m) => `${m[1]} wordt niet afgesloten`],
    [/^output (.+) not closed$/, (m) => `${m[1]} wordt niet afgesloten (mist "}}")`],
    [/^raw (.+) not closed$/, (m) => `${m[1]} wordt niet afgesloten`],
    [/^ENOENT: Failed to lookup "(.*)" in/, (m) => `kan "${m[1]}" niet invoegen: een sjabloon kan geen andere bestanden gebruiken`],
    [/^unexpected token at "(.*)", expected (.*)$/, (m) => `onverwacht "${m[1]}" (verwacht: ${m[2]})`],
    [/^invalid value expression: (.*)$/, (m) => `ongeldige expressie: ${m[1]}`],
  ];
  for (const [re, make] of rules) {
    const m = re.exec(message);
    if (m) return make(m);
  }
  return `fout in sjabloon: ${message}`;
}
