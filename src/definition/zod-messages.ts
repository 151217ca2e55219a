// Zod's issues in a worksheet definition as Dutch sentences that name the
// field in words ("stappen: er moet minstens één stap zijn"). Zod's own
// Dutch locale ("Te klein: verwacht dat array >=1 elementen heeft") speaks of
// arrays and objects; a coordinator writing an own worksheet reads these.
import type { z } from 'zod';

type PathKey = string | number;

/** Each key of the format in words: the plural (the list) and one item of it. */
const WORDS: Record<string, { name: string; one?: string }> = {
  steps: { name: 'stappen', one: 'stap' },
  questions: { name: 'vragen', one: 'vraag' },
  fields: { name: 'kolommen', one: 'kolom' },
  options: { name: 'keuzes', one: 'keuze' },
  meta: { name: 'gegevens', one: 'gegeven' },
  tips: { name: 'tips', one: 'tip' },
  kernvragen: { name: 'kernvragen', one: 'kernvraag' },
  formerIds: { name: 'eerdere ids', one: 'eerder id' },
  any: { name: 'voorwaarden (any)', one: 'voorwaarde' },
  all: { name: 'voorwaarden (all)', one: 'voorwaarde' },
  is: { name: 'antwoord van de voorwaarde', one: 'antwoord' },
  id: { name: 'id' },
  version: { name: 'versie' },
  number: { name: 'nummer' },
  title: { name: 'titel' },
  subtitle: { name: 'ondertitel' },
  label: { name: 'tekst van de vraag' },
  item: { name: 'naam van één item' },
  intro: { name: 'inleiding' },
  help: { name: 'hulptekst' },
  tip: { name: 'tip' },
  closing: { name: 'slot' },
  type: { name: 'soort vraag' },
  when: { name: 'voorwaarde' },
  question: { name: 'vraag' },
  unit: { name: 'eenheid' },
  min: { name: 'kleinste getal' },
  max: { name: 'grootste getal' },
  other: { name: '"Anders, namelijk …"' },
  default: { name: 'standaardantwoord' },
  unknown: { name: '"weet ik (nog) niet"' },
  attention: { name: 'aandachtspunt' },
  extends: { name: 'uitgebreide groep' },
  value: { name: 'waarde' },
};

const TYPES: Record<string, string> = {
  string: 'een tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst (regels die met "- " beginnen)',
  object: 'een groep velden (sleutel: waarde)',
};

/** The field in words: "stappen", "vraag 3 van de vragen" becomes "vraag"; the whole definition: "het werkblad". */
export function fieldWords(path: readonly PathKey[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'het werkblad';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    const one = typeof parent === 'string' ? WORDS[parent]?.one : undefined;
    return one ? `${one} ${last + 1}` : `onderdeel ${last + 1}`;
  }
  return WORDS[last]?.name ?? `"${last}"`;
}

/** What is wrong, in Dutch, without the field (fieldWords says which). */
function problem(issue: z.core.$ZodIssue, path: readonly PathKey[]): string {
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') {
        const one = typeof last === 'string' ? WORDS[last]?.one : undefined;
        const noun = one ?? 'onderdeel';
        return min <= 1 ? `er moet minstens één ${noun} zijn` : `er moeten er minstens ${min} zijn`;
      }
      if (issue.origin === 'string') return 'mag niet leeg zijn';
      return `moet minstens ${min} zijn`;
    }
    case 'too_big':
      return issue.origin === 'string' ? `mag hoogstens ${String(issue.maximum)} tekens lang zijn` : `mag hoogstens ${String(issue.maximum)} zijn`;
    case 'invalid_type':
      return `moet ${TYPES[issue.expected] ?? issue.expected} zijn`;
    case 'invalid_value':
      return issue.values.length === 1 ? `moet ${JSON.stringify(issue.values[0])} zijn` : `kies uit: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      // The only pattern of the format is the id's, with its own message.
      return issue.message;
    case 'invalid_union':
      return unionProblem(last, path);
    default:
      return 'ongeldige waarde';
  }
}

function unionProblem(last: PathKey | undefined, path: readonly PathKey[]): string {
  const parent = typeof last === 'number' ? path[path.length - 2] : last;
  if (parent === 'when' || parent === 'any' || parent === 'all') return 'een voorwaarde is "question" met "is", of "any" of "all" met een lijst voorwaarden';
  if (parent === 'is') return 'moet een antwoord zijn (tekst), of een lijst antwoorden';
  if (parent === 'options') return 'een keuze is een tekst, of "value" met "label"';
  if (parent === 'kernvragen') return 'een kernvraag is het id van een vraag, of "question" met "label"';
  return 'ongeldige waarde';
}

/** "stappen: er moet minstens één stap zijn". */
export function zodMessage(issue: z.core.$ZodIssue, path: readonly PathKey[]): string {
  return `${fieldWords(path)}: ${problem(issue, path)}`;
}
