// The yaml library's error codes, each with the Dutch message a user reads
// and the place it points at (positions.ts). One case per code (and per
// mistake where one code covers several).
import { describe, expect, it } from 'vitest';
import { parseLocated } from '../src/definition/positions.js';

const first = (source: string) => {
  const issue = parseLocated('x.yaml', source).issues[0];
  if (!issue) throw new Error(`no issue for ${JSON.stringify(source)}`);
  return { at: `${issue.line}:${issue.col}`, message: issue.message };
};

describe('YAML syntax errors in Dutch', () => {
  it.each([
    [
      'BAD_INDENT: an unclosed [ points at the [',
      'werkblad: x\nantwoorden:\n  collectie: [ja\n  diensten: x\n',
      '3:14',
      /^een lijst die met \[ begint, wordt niet afgesloten: de \] ontbreekt$/,
    ],
    ['BAD_INDENT: an unclosed { points at the {', 'a: {b: 1\nc: 2\n', '1:4', /^een groep die met \{ begint, wordt niet afgesloten: de \} ontbreekt$/],
    [
      'BAD_INDENT: list items in different columns',
      'meta:\n  - { id: naam }\n   - { id: x }\n',
      '3:4',
      /^onjuiste inspringing: alle items van een lijst \("- …"\) moeten in dezelfde kolom beginnen$/,
    ],
    ['BAD_INDENT: keys in different columns', 'a:\n    b: 1\n  c: 2\n', '3:1', /^onjuiste inspringing: alle sleutels op hetzelfde niveau/],
    [
      'MISSING_CHAR: a 3-space indent in a list item',
      'steps:\n  - id: a\n   title: x\n',
      '3:1',
      /^onjuiste inspringing: deze regel springt anders in dan de regels erboven/,
    ],
    ['MISSING_CHAR: an unclosed quote', 'a: "abc\nb: 1\n', '2:1', /^een aanhalingsteken wordt niet afgesloten/],
    [
      'BLOCK_AS_IMPLICIT_KEY: a second ": " in a text',
      'antwoord: Goed: maar weinig overleg\n',
      '1:11',
      /^hier staat ": " \(een dubbele punt met een spatie\) waar dat niet kan/,
    ],
    ['BLOCK_AS_IMPLICIT_KEY: a list indented less', 'a:\n   - 1\n  - 2\n', '3:1', /^onjuiste inspringing: een lijst \("- …"\) springt minder in/],
    ['BLOCK_IN_FLOW: a missing comma in { }', 'a: {b: 1 c: 2}\n', '1:8', /^tussen \{ \} of \[ \] staat iets dat daar niet kan: ontbreekt er een komma/],
    ['UNEXPECTED_TOKEN: a ] too many', 'a: [1]]\n', '1:7', /^hier staat een \] zonder \[ ervoor$/],
    ['UNEXPECTED_TOKEN: text after a quoted value', 'a: "x"y\n', '1:7', /^hier staat nog tekst na het einde van een waarde/],
    ['UNEXPECTED_TOKEN: a block scalar header', 'a: |x\n  b\n', '1:5', /^na \| of > mag op dezelfde regel niets anders staan$/],
    ['BAD_SCALAR_START', 'a: @x\n', '1:4', /^een tekst kan niet met dit teken beginnen/],
    ['MULTILINE_IMPLICIT_KEY', 'a b\nc: 1\n', '1:1', /^een sleutel mag niet over meerdere regels lopen/],
    ['TAB_AS_INDENT', 'a:\n\tb: 1\n', '2:1', /^tabs zijn niet toegestaan als inspringing; gebruik spaties$/],
    ['BAD_DQ_ESCAPE', 'a: "x\\q"\n', '1:6', /^ongeldige \\-code in een tekst tussen dubbele aanhalingstekens/],
    ['MULTIPLE_DOCS', 'a: 1\n---\nb: 2\n', '2:1', /^het bestand bevat meer dan één deel/],
    ['KEY_OVER_1024_CHARS', `${'x'.repeat(1100)}: 1\n`, '1:1', /^een sleutel is langer dan 1024 tekens/],
    ['MULTIPLE_ANCHORS', 'a: &x &y 1\n', '1:7', /^een waarde met twee keer & ervoor/],
    ['MULTIPLE_TAGS', 'a: !x !y 1\n', '1:7', /^een waarde met twee keer ! ervoor/],
    ['ALIAS_PROPS', '&a *b\n', '1:4', /^een verwijzing \(\*naam\) kan geen & of ! hebben/],
  ])('%s', (_name, source, at, message) => {
    const issue = first(source);
    expect(issue.message).toMatch(message);
    expect(issue.at).toBe(at);
  });
});
