// The types of a repeat group's fields (its columns), by name.
import type { Field } from '../definition/schema.js';
import { choiceField } from './choice.js';
import { longtextField } from './longtext.js';
import { numberField } from './number.js';
import { textField } from './text.js';
import type { FieldType } from './type.js';
import { yesnoField } from './yesno.js';

const fieldTypes: { [K in Field['type']]: FieldType<Extract<Field, { type: K }>> } = {
  text: textField,
  longtext: longtextField,
  yesno: yesnoField,
  choice: choiceField,
  number: numberField,
};

export function fieldTypeOf<F extends Field>(f: F): FieldType<F> {
  return fieldTypes[f.type] as unknown as FieldType<F>;
}
