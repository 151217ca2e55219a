// Small helpers over a validated worksheet definition. No zod, no YAML:
// safe to import from anywhere, at start-up.
import type { Question, Worksheet } from './schema.js';

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

/** Former ids (a question renamed in a later version) -> the current id. */
export function renamedIds(ws: Worksheet): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const q of allQuestions(ws)) for (const old of q.formerIds ?? []) renamed.set(old, q.id);
  return renamed;
}
