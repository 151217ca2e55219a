// The keys of every prompt: the `Key` type, `isCtrl`, and `keyHint`, the
// one-line hint shown under each prompt.
//
// Keys (shown under every prompt), each with one wording everywhere:
//   Enter          "volgende" (in a multi-line answer: "nieuwe regel"; in a list: "kiezen")
//   Ctrl+S         "klaar": finish a multi-line answer
//   Ctrl+T         "terug": back to the previous question
//   Ctrl+N         "weet niet": "weet ik (nog) niet"
//   Ctrl+O         "toelichting": a toelichting with a ja/nee or choice answer
//   Ctrl+E         "editor": open the answer in $VISUAL / $EDITOR
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
  editor: 'Ctrl+E editor',
  stop: 'Ctrl+C stop',
} as const;

/**
 * The one-line key hint under a prompt. It always names how to go back, how
 * to answer "weet ik (nog) niet", how to finish and how to stop. Every key
 * has one wording (KEY_WORDS); a narrow terminal drops whole parts, first the
 * editor, then the obvious Enter/arrows, then the toelichting, never rewording.
 * What still does not fit goes on a next line, between parts (never "Ctrl+C"
 * on one line and "stop" on the next).
 */
export function keyHint(o: KeyHintOptions, width = 80): string {
  // Each part with the round in which it is dropped (0: never).
  const parts: Array<[string, number]> = [];
  if (o.multiline) parts.push([KEY_WORDS.newLine, 2], [KEY_WORDS.finish, 0]);
  else if (o.checkbox) parts.push([KEY_WORDS.toggle, 0], [KEY_WORDS.done, 0]);
  else if (o.select) parts.push([KEY_WORDS.choose, 2]);
  else parts.push([KEY_WORDS.next, 2]);
  if (o.allowBack !== false) parts.push([KEY_WORDS.back, 0]);
  if (o.allowUnknown) parts.push([KEY_WORDS.unknown, 0]);
  if (o.allowNote) parts.push([KEY_WORDS.note, 3]);
  if (o.multiline) parts.push([KEY_WORDS.editor, 1]);
  parts.push([KEY_WORDS.stop, 0]);
  let kept: string[] = [];
  for (const round of [0, 1, 2, 3]) {
    kept = parts.filter(([, drop]) => drop === 0 || drop > round).map(([text]) => text);
    if (kept.join(' · ').length < width) break;
  }
  // A line may fill the row exactly (inquirer leaves it whole); a narrower hint above is preferred, not needed.
  const lines: string[] = [];
  for (const part of kept) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} · ${part}`.length <= width) lines[last] += ` · ${part}`;
    else lines.push(part);
  }
  return lines.join('\n');
}
