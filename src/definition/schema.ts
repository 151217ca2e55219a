// The worksheet definition format (questions/*.yaml), as a zod schema.
// This file is the single source of truth for the format: the TypeScript
// types, the runtime validation and the generated JSON Schema
// (schema/werkblad.schema.json) all come from it.
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    message: 'een id bestaat uit kleine letters, cijfers en - of _ (bijv. "stap-1" of "doelen_vastgelegd")',
  })
  .describe('Stabiel id; antwoordbestanden gebruiken het. Hernoem je het, zet het oude id dan onder "formerIds" en verhoog "version".');

const text = z.string().min(1, { message: 'mag niet leeg zijn' });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z
      .object({
        question: id.describe('Het id van een eerdere vraag.'),
        is: z.union([z.string(), z.array(z.string()).min(1)]).describe('Het antwoord (of een van de antwoorden) waarbij deze vraag zichtbaar is, bijv. "ja".'),
      })
      .strict(),
    z.object({ any: z.array(conditionSchema).min(1).describe('Zichtbaar als één van deze voorwaarden geldt.') }).strict(),
    z.object({ all: z.array(conditionSchema).min(1).describe('Zichtbaar als alle voorwaarden gelden.') }).strict(),
  ]),
);

export type Condition = { question: string; is: string | string[] } | { any: Condition[] } | { all: Condition[] };

// An addition of ours, not the workbook's: the answer to a yes/no question
// (or a yes/no column of a repeat group) that means something is not in
// place (in werkblad 2: a randvoorwaarde). Reports list such answers as "Aandachtspunten".
const attention = z
  .enum(['ja', 'nee'])
  .optional()
  .describe(
    'Geen onderdeel van het werkboek van Probiblio, maar een aanvulling van dit programma: het antwoord ("nee", soms "ja") waaruit blijkt dat iets (nog) niet op orde is (bij werkblad 2: een randvoorwaarde). Het rapport noemt de vraag dan onder "Aandachtspunten".',
  );

const option = z.union([z.string().min(1), z.object({ value: z.string().min(1), label: text }).strict()]);

const questionBase = {
  id,
  label: text.describe('De vraag, letterlijk uit het werkboek (afwijkingen staan in questions/AFWIJKINGEN.md).'),
  number: z.string().optional().describe('Nummering zoals in het werkboek, bijv. "1.1." of "b. II."'),
  help: z.string().optional().describe('Toelichting onder de vraag, bijv. "Denk hierbij aan …".'),
  tip: z.string().optional().describe('Een tip die bij deze vraag hoort.'),
  when: conditionSchema.optional().describe('Alleen tonen als deze voorwaarde geldt.'),
  unknown: z.boolean().optional().describe('Mag met "weet ik (nog) niet" beantwoord worden (standaard: ja).'),
  formerIds: z
    .array(id)
    .min(1)
    .optional()
    .describe('Eerdere ids van deze vraag (na hernoemen): antwoorden die onder zo\'n id staan, horen bij deze vraag. Verhoog dan ook "version".'),
};

// Fields inside a repeat group: a subset of the question types.
const fieldBase = {
  id,
  label: text,
  help: z.string().optional(),
};
export const fieldSchema = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text') }).strict(),
  z.object({ ...fieldBase, type: z.literal('longtext') }).strict(),
  z.object({ ...fieldBase, type: z.literal('yesno'), attention }).strict(),
  z
    .object({
      ...fieldBase,
      type: z.literal('choice'),
      options: z.array(option).min(1),
      other: z.boolean().optional(),
    })
    .strict(),
  z.object({ ...fieldBase, type: z.literal('number'), unit: z.string().optional() }).strict(),
]);
export type Field = z.infer<typeof fieldSchema>;

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('text'), default: z.string().optional() }).strict(),
  z.object({ ...questionBase, type: z.literal('longtext') }).strict(),
  z.object({ ...questionBase, type: z.literal('yesno'), attention }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('choice'),
      options: z.array(option).min(1),
      other: z.boolean().optional().describe('Voeg "Anders, namelijk …" toe.'),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('multichoice'),
      options: z.array(option).min(1),
      other: z.boolean().optional().describe('Voeg "Anders, namelijk …" toe.'),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('date'),
      default: z.literal('today').optional().describe('"today": vandaag als standaardantwoord.'),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('number'),
      unit: z.string().optional().describe('Eenheid, bijv. "uur per week".'),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('group'),
      item: text.describe('Naam van één item, bijv. "partner" of "functie".'),
      fields: z.array(fieldSchema).min(1),
      extends: id.optional().describe('Id van een eerdere groep: deze vraag toont die lijst en vult hem aan met extra velden.'),
    })
    .strict(),
]);
export type Question = z.infer<typeof questionSchema>;

export const stepSchema = z
  .object({
    id,
    title: text.describe('Kop van de stap, letterlijk, bijv. "Stap 1. Strategie en beleid".'),
    subtitle: z.string().optional(),
    intro: z.string().optional(),
    tips: z.array(text).optional(),
    questions: z.array(questionSchema).min(1),
  })
  .strict();
export type Step = z.infer<typeof stepSchema>;

export const worksheetSchema = z
  .object({
    id,
    version: z.number().int().min(1).describe('Verhoog bij elke wijziging die antwoorden raakt.'),
    number: z.number().int().min(1).describe('Nummer van het werkblad in het werkboek.'),
    title: text,
    subtitle: z
      .string()
      .optional()
      .describe(
        'Een regel onder de titel van het rapport, bijv. waar het werkblad vandaan komt. De werkbladen van het werkboek noemen Probiblio; een eigen werkblad heeft er alleen een als je hem hier geeft.',
      ),
    intro: z.string().optional(),
    tips: z.array(text).optional(),
    closing: z
      .string()
      .optional()
      .describe(
        'Het slot van het rapport ("Meer informatie?" en de tekst eronder). Bij het werkboek is dat het slot van Probiblio; een eigen werkblad heeft alleen het slot dat je hier geeft.',
      ),
    meta: z.array(questionSchema).optional().describe('Gegevens van het werkblad (Naam, Bibliotheek, Datum); worden eerst gevraagd.'),
    steps: z.array(stepSchema).min(1),
    kernvragen: z
      .array(
        z.union([
          id.describe('Het id van een ja/nee-vraag (of keuzevraag) van dit werkblad.'),
          z
            .object({
              question: id.describe('Het id van een ja/nee-vraag (of keuzevraag) van dit werkblad.'),
              label: text.describe('Kort kopje voor de kolom, bijv. "Doelen vastgelegd".'),
            })
            .strict(),
        ]),
      )
      .optional()
      .describe('Kernvragen: hun antwoorden staan als kolommen in "werkboek overzicht" (voor adviseurs). Pas de lijst gerust aan.'),
  })
  .strict();
export type KeyQuestionRef = NonNullable<z.infer<typeof worksheetSchema>['kernvragen']>[number];
export type Worksheet = z.infer<typeof worksheetSchema>;
