// The keys of every prompt: the `Key` type, `isCtrl`, and `keyHint`, the
// one-line hint shown under each prompt.
//
// Keys (shown under every prompt):
//   Enter          next question (in a multi-line answer: a new line)
//   Ctrl+S         finish a multi-line answer ("opslaan")
//   Ctrl+T         back to the previous question ("terug")
//   Ctrl+N         "weet ik (nog) niet"
//   Ctrl+E         open the answer in $VISUAL / $EDITOR
//   Ctrl+C/Ctrl+D  stop; everything answered is saved
import type { KeypressEvent } from '@inquirer/core';

export type Key = KeypressEvent & { sequence?: string; meta?: boolean; shift?: boolean };

export const isCtrl = (key: Key, name: string) => key.ctrl && key.name === name;

/** Which prompt the hint is for, and which keys it allows. */
export interface KeyHintOptions {
  multiline?: boolean;
  allowBack?: boolean;
  allowUnknown?: boolean;
  select?: boolean;
  checkbox?: boolean;
}

/**
 * The one-line key hint under a prompt. It always names how to go back, how
 * to answer "weet ik (nog) niet", how to finish and how to stop; longer
 * wording when the terminal is wide enough.
 */
export function keyHint(o: KeyHintOptions, width = 80): string {
  // From the fullest wording to the most compact; the first that fits wins.
  const build = (long: boolean, editor: boolean, enter: boolean): string => {
    const parts: string[] = [];
    if (o.multiline) {
      if (enter) parts.push(long ? 'Enter nieuwe regel' : 'Enter regel');
      parts.push('Ctrl+S klaar');
    } else if (o.checkbox) parts.push('Spatie aan/uit', 'Enter klaar');
    else if (o.select) parts.push(long ? '↑↓ en Enter kiezen' : '↑↓ Enter kiezen');
    else parts.push('Enter volgende');
    if (o.allowBack !== false) parts.push('Ctrl+T terug');
    if (o.allowUnknown) parts.push(long ? 'Ctrl+N weet ik (nog) niet' : 'Ctrl+N weet niet');
    if (o.multiline && editor) parts.push('Ctrl+E editor');
    parts.push(long ? 'Ctrl+C stoppen' : 'Ctrl+C stop');
    return parts.join(' · ');
  };
  const candidates = [build(true, true, true), build(false, true, true), build(false, false, true), build(false, false, false)];
  return candidates.find((c) => c.length < width) ?? candidates[candidates.length - 1]!;
}
