// The keys of every prompt: the `Key` type, `isCtrl`, and `keyHint`, the
// hint shown under each prompt.
//
// Keys (shown under every prompt), each with one wording everywhere:
//   Enter          "volgende" (in a multi-line answer: "nieuwe regel"; in a list: "kiezen")
//   Ctrl+S         "klaar": finish a multi-line answer
//   Ctrl+T         "terug": back to the previous question
//   Ctrl+N         "weet niet": "weet ik (nog) niet"
//   Ctrl+O         "toelichting": a toelichting with a ja/nee or choice answer
//   Ctrl+E         "eigen teksteditor": open the answer in $VISUAL / $EDITOR
//   Ctrl+C/Ctrl+D  "stop": everything answered is saved
import type { KeypressEvent } from '@inquirer/core';

export type Key = KeypressEvent & { sequence?: string; meta?: boolean; shift?: boolean };

export const isCtrl = (key: Key, name: string) => key.ctrl && key.name === name;

/** Which prompt the hint is for, and which keys it allows. */
export interface KeyHintOptions {
  multiline?: boolean;
  allowBack?: boolean;
  allowUnknown?: boolean;
  /** Ctrl+O (toelichting) allowed. */
  allowNote?: boolean;
  select?: boolean;
  checkbox?: boolean;
  /** Ctrl+E offered (a multi-line answer where an editor was found; default true). */
  editor?: boolean;
}

/** The words of each key in the hint: the same everywhere. */
export const KEY_WORDS = {
  newLine: 'Enter nieuwe regel',
  next: 'Enter volgende',
  choose: '↑↓ Enter kiezen',
  toggle: 'Spatie aan/uit',
  done: 'Enter klaar',
  finish: 'Ctrl+S klaar',
  back: 'Ctrl+T terug',
  unknown: 'Ctrl+N weet niet',
  note: 'Ctrl+O toelichting',
  editor: 'Ctrl+E eigen teksteditor',
  stop: 'Ctrl+C stop',
} as const;

/**
 * The key hint under a prompt. Every key has one wording (KEY_WORDS), and
 * the keys a newcomer needs are always there, at any width: how to choose
 * or go on (Enter, the arrows, Spatie), how to make a new line and finish a
 * multi-line answer, the toelichting, back, "weet ik (nog) niet" and stop.
 * Only the editor (Ctrl+E, a convenience) is left out, and only where the
 * hint would otherwise need more lines than the width allows: two from 60
 * columns, three below. Parts go on a next line between parts, never inside
 * one (never "Ctrl+C" on one line and "stop" on the next).
 */
export function keyHint(o: KeyHintOptions, width = 80): string {
  // Each part, and whether it may be left out in a narrow terminal.
  const parts: Array<[string, boolean]> = [];
  if (o.multiline) parts.push([KEY_WORDS.newLine, false], [KEY_WORDS.finish, false]);
  else if (o.checkbox) parts.push([KEY_WORDS.toggle, false], [KEY_WORDS.done, false]);
  else if (o.select) parts.push([KEY_WORDS.choose, false]);
  else parts.push([KEY_WORDS.next, false]);
  if (o.allowBack !== false) parts.push([KEY_WORDS.back, false]);
  if (o.allowUnknown) parts.push([KEY_WORDS.unknown, false]);
  if (o.allowNote) parts.push([KEY_WORDS.note, false]);
  if (o.multiline && o.editor !== false) parts.push([KEY_WORDS.editor, true]);
  parts.push([KEY_WORDS.stop, false]);
  const maxLines = width >= 60 ? 2 : 3;
  const all = hintLines(
    parts.map(([text]) => text),
    width,
  );
  if (all.length <= maxLines) return all.join('\n');
  return hintLines(
    parts.filter(([, optional]) => !optional).map(([text]) => text),
    width,
  ).join('\n');
}

/**
 * Parts joined with " · ", a new line between parts where the next does not
 * fit. A hint of one line stays narrower than the row; lines under another
 * may fill it.
 */
function hintLines(kept: string[], width: number): string[] {
  const lines = fill(kept, width);
  return lines.length === 1 && (lines[0] ?? '').length >= width ? fill(kept, width - 1) : lines;
}

function fill(kept: string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of kept) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} · ${part}`.length <= width) lines[last] += ` · ${part}`;
    else lines.push(part);
  }
  return lines;
}
