// Small helpers over a validated worksheet definition. No zod, no YAML:
// safe to import from anywhere, at start-up.
import type { Question, Worksheet } from './schema.js';

/** How every message names a worksheet: "werkblad 3 (Plan van aanpak Profilering)"; `capital` at the start of a sentence. */
export function sheetName(ws: Pick<Worksheet, 'number' | 'title'>, capital = false): string {
  return `${capital ? 'Werkblad' : 'werkblad'} ${ws.number} (${ws.title})`;
}

export function optionValue(option: string | { value: string }): string {
  return typeof option === 'string' ? option : option.value;
}

export function optionLabel(option: string | { value: string; label: string }): string {
  return typeof option === 'string' ? option : option.label;
}

/** Every question of a worksheet in order: meta first, then the steps. */
export function allQuestions(ws: Worksheet): Question[] {
  return [...(ws.meta ?? []), ...ws.steps.flatMap((s) => s.questions)];
}

const renamedCache = new WeakMap<Worksheet, ReadonlyMap<string, string>>();

/** Former ids (a question renamed in a later version) -> the current id (made once per worksheet). */
export function renamedIds(ws: Worksheet): ReadonlyMap<string, string> {
  let renamed = renamedCache.get(ws);
  if (!renamed) {
    const map = new Map<string, string>();
    for (const q of allQuestions(ws)) for (const old of q.formerIds ?? []) map.set(old, q.id);
    renamed = map;
    renamedCache.set(ws, renamed);
  }
  return renamed;
}

const questionNames = new WeakMap<Worksheet, ReadonlyMap<string, string>>();

/**
 * How a message names a question (its id follows in the issue's path): its
 * stap and the workbook's number ("Stap 2, vraag 3"); without a number its
 * text, cut between words ("vraag "Wie voert deze gesprekken?""); a gegeven
 * by its label ("Naam").
 */
export function questionName(ws: Worksheet, q: Question): string {
  let names = questionNames.get(ws);
  if (!names) {
    const map = new Map<string, string>();
    for (const m of ws.meta ?? []) map.set(m.id, m.label.replace(/:\s*$/, ''));
    ws.steps.forEach((step, i) => {
      for (const question of step.questions) {
        const text = question.label.length > 45 ? `${question.label.slice(0, 45).replace(/\s+\S*$/, '')} …` : question.label;
        const number = question.number ? `vraag ${question.number.trim().replace(/\.$/, '')}` : `vraag "${text}"`;
        map.set(question.id, `${ws.steps.length > 1 ? `Stap ${i + 1}, ` : ''}${number}`);
      }
    });
    names = map;
    questionNames.set(ws, names);
  }
  return names.get(q.id) ?? `"${q.id}"`;
}
