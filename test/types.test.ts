// The question types (src/types/): every type of the definition format has a
// module in the registry, and what the rest of the program asks of a type.
import { describe, expect, it } from 'vitest';
import { fieldSchema, questionSchema, type Question } from '../src/definition/schema.js';
import { fieldTypeOf, itemsSummary, typeOf, type GroupQuestion } from '../src/types/registry.js';
import { InterruptedError, unlessStopped } from '../src/support/errors.js';

const typeNames = (schema: { options: ReadonlyArray<{ shape: { type: { value: unknown } } }> }) => schema.options.map((o) => String(o.shape.type.value));

describe('the registry', () => {
  it('has a module for every question type and every field type of the definition format', () => {
    for (const type of typeNames(questionSchema as never)) {
      const t = typeOf({ id: 'v', label: 'V', type } as Question);
      expect(t, type).toBeDefined();
      expect(typeof t.check, type).toBe('function');
      expect(typeof t.report, type).toBe('function');
    }
    for (const type of typeNames(fieldSchema as never)) expect(typeof fieldTypeOf({ id: 'f', label: 'F', type } as never).ask, type).toBe('function');
  });

  it('only a repeat group is asked by the runner itself; drafts by kind', () => {
    const kinds = Object.fromEntries(typeNames(questionSchema as never).map((type) => [type, typeOf({ id: 'v', label: 'V', type } as Question).draft ?? null]));
    expect(kinds).toEqual({
      text: 'typed',
      longtext: 'typed',
      yesno: 'noted',
      choice: 'noted',
      multichoice: null,
      date: 'typed',
      number: 'typed',
      group: 'item',
    });
    expect(typeOf({ id: 'g', label: 'G', type: 'group', item: 'partner', fields: [{ id: 'naam', label: 'Naam', type: 'text' }] }).ask).toBeUndefined();
  });
});

describe('a type', () => {
  it('parses typed input: a date as JJJJ-MM-DD, a number in Dutch notation; "" stays ""', () => {
    const date = typeOf({ id: 'd', label: 'D', type: 'date' } as Question);
    const number = typeOf({ id: 'n', label: 'N', type: 'number' } as Question);
    expect(date.parse?.('27-11-2026')).toBe('2026-11-27');
    expect(date.parse?.('')).toBe('');
    expect(number.parse?.('7,5')).toBe(7.5);
    expect(number.parse?.('')).toBe('');
  });

  it('checks a stored answer with a Dutch message naming the question by its id', () => {
    const q = { id: 'soort', label: 'Soort', type: 'choice', options: ['a', 'b'] } as Question;
    expect(typeOf(q).check(q, 'c')).toEqual({ message: '"c" is geen keuze bij "soort"; kies uit: a, b' });
    expect(typeOf(q).check(q, 'a')).toBeUndefined();
  });

  it('says whether an answer is empty', () => {
    const q = { id: 't', label: 'T', type: 'text' } as Question;
    expect(typeOf(q).isEmpty('  \n')).toBe(true);
    expect(typeOf(q).isEmpty('x')).toBe(false);
  });
});

describe('a repeat group in a few words (the line confirming "Klaar")', () => {
  const partners = {
    id: 'partners',
    label: 'Partners',
    type: 'group',
    item: 'partner',
    fields: [
      { id: 'naam', label: 'Partner', type: 'text' },
      { id: 'aanbod', label: 'Aanbod', type: 'longtext' },
    ],
  } as GroupQuestion;
  const names = (...n: string[]) => n.map((naam) => ({ naam }));

  it('counts the items and names them, "en nog 3" where the names get long', () => {
    expect(itemsSummary(partners, names('SeniorWeb'), partners.fields)).toBe('1 partner: SeniorWeb');
    expect(itemsSummary(partners, [...names('SeniorWeb', 'Taalhuis'), { aanbod: 'x' }], partners.fields)).toBe('3 partners: SeniorWeb, Taalhuis, partner 3');
    const many = names('Welzijn Voorbeeldstad', 'Belastingservice (vrijwilligers)', 'Schuldhulpmaatje', 'SeniorWeb', 'Taalhuis');
    expect(itemsSummary(partners, many, partners.fields, [], 60)).toBe('5 partners: Welzijn Voorbeeldstad, Belastingservice (vrijwilligers) en nog 3');
    expect(itemsSummary(partners, names('Een heel lange naam van een partner', 'B'), partners.fields, [], 20)).toBe(
      '2 partners: Een heel lange naam van een partner en nog 1',
    );
    expect(itemsSummary(partners, [], partners.fields)).toBe('geen partners');
  });

  it('for a group that extends another: how many are filled in, and which gaps: "weet ik (nog) niet" or not filled in', () => {
    const afspraken = { ...partners, id: 'afspraken', extends: 'partners', fields: [{ id: 'afspraken', label: 'Afspraken?', type: 'yesno' }] } as GroupQuestion;
    expect(itemsSummary(afspraken, names('A', 'B', 'C'), partners.fields)).toBe('3 partners aangevuld');
    expect(itemsSummary(afspraken, names('A', 'B', 'C'), partners.fields, [{ kind: 'blank' }])).toBe('3 partners; bij 1 nog niet ingevuld');
    expect(itemsSummary(afspraken, names('A', 'B', 'C'), partners.fields, [{ kind: 'unknown' }])).toBe('3 partners; bij 1 "weet ik (nog) niet"');
    expect(itemsSummary(afspraken, names('A', 'B', 'C'), partners.fields, [{ kind: 'unknown' }, { kind: 'blank' }, { kind: 'blank' }])).toBe(
      '3 partners; bij 1 "weet ik (nog) niet", bij 2 nog niet ingevuld',
    );
  });
});

describe('unlessStopped', () => {
  it('passes any reply but a stop, which becomes the InterruptedError with its signal (and no answers)', () => {
    expect(unlessStopped({ kind: 'back' })).toEqual({ kind: 'back' });
    const err = (() => {
      try {
        unlessStopped({ kind: 'stopped', signal: 'SIGTERM', draft: 'half' });
      } catch (e) {
        return e;
      }
    })() as InterruptedError;
    expect(err).toBeInstanceOf(InterruptedError);
    expect(err.signal).toBe('SIGTERM');
    expect(err.exitCode).toBe(143);
    expect(Object.keys(err)).not.toContain('draft');
  });
});
