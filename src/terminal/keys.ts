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
 * The key hint under a prompt. It always names how to go back, how to
 * answer "weet ik (nog) niet", how to finish and how to stop. Every key has
 * one wording (KEY_WORDS). From 60 columns it may take two lines, so that a
 * newcomer also reads what Enter and the arrows do; a narrower terminal gets
 * one line where possible, dropping whole parts (first the editor, then the
 * obvious Enter/arrows, then the toelichting), never rewording. What still
 * does not fit goes on a next line, between parts (never "Ctrl+C" on one
 * line and "stop" on the next).
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
  const maxLines = width >= 60 ? 2 : 1;
  let lines: string[] = [];
  for (const round of [0, 1, 2, 3]) {
    lines = hintLines(
      parts.filter(([, drop]) => drop === 0 || drop > round).map(([text]) => text),
      width,
    );
    // One line must stay narrower than the row; a second line may fill it.
    if (lines.length === 1 ? (lines[0] ?? '').length < width : lines.length <= maxLines) break;
  }
  return lines.join('\n');
}

/** Parts joined with " · ", a new line between parts where the next does not fit. */
function hintLines(kept: string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of kept) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} · ${part}`.length <= width) lines[last] += ` · ${part}`;
    else lines.push(part);
  }
  return lines;
}
