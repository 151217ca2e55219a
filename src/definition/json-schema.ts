// The JSON Schema of the worksheet definition format, made from the zod
// schema (schema.ts): `npm run schema` writes it to
// schema/werkblad.schema.json (scripts/gen-schema.mjs), and `werkboek
// controleer --schema` next to an own worksheet, so that the
// "yaml-language-server" line of a copied example finds it (also from a
// single executable, which has no schema/ folder).
import { z } from 'zod';
import { conditionSchema, fieldSchema, questionSchema, stepSchema, worksheetSchema } from './schema.js';

/** The file name `controleer --schema` writes, and the line that points an editor at it. */
export const SCHEMA_FILE_NAME = 'werkblad.schema.json';
export const SCHEMA_LINE = `# yaml-language-server: $schema=./${SCHEMA_FILE_NAME}`;

/** The JSON Schema as text: 2-space indentation and a trailing newline. */
export function worksheetJsonSchema(): string {
  // Named definitions instead of "__schema0": conditions are recursive
  // (z.lazy) and must become a $ref; the others keep the file readable.
  const named: Array<[z.ZodType, string]> = [
    [conditionSchema, 'voorwaarde'],
    [questionSchema, 'vraag'],
    [fieldSchema, 'veld'],
    [stepSchema, 'stap'],
  ];
  for (const [schema, id] of named) {
    const meta = z.globalRegistry.get(schema);
    if (!meta?.id) z.globalRegistry.add(schema, { ...meta, id });
  }
  const generated = z.toJSONSchema(worksheetSchema, {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'throw',
  });
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    $id: 'urn:werkboek:schema:werkblad',
    title: 'Werkblad (werkboek)',
    description:
      'Definitie van een werkblad uit het werkboek (questions/*.yaml). ' +
      'Gegenereerd uit src/definition/schema.ts met "npm run schema"; niet met de hand aanpassen.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
