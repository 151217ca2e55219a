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
