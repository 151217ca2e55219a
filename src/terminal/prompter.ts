// The prompt interface the runner talks to. The terminal implementation is
// terminalPrompter in inquirer.ts (src/terminal/ is the only folder importing
// @inquirer); tests replace the whole Prompter with a scripted one
// (test/helpers/scripted-prompter.ts).
// Types only: importing this module costs nothing at run time.
import type { StopSignal } from '../support/errors.js';

/**
 * What a prompt returns: an answer, a navigation request, or a stop. A
 * select with `note` returns the toelichting with the answer ("" for none).
 * `review` (go to the overview) only where the prompt allows it
 * (`allowReview`). `stopped`: Ctrl+C, the end of input, or a stop signal
 * (`signal`, see `stop`); a prompt never throws for a stop.
 */
export type Reply<T> =
  | { kind: 'answer'; value: T; note?: string }
  | ({ kind: 'back' } & Left)
  | ({ kind: 'unknown' } & Left)
  | ({ kind: 'review' } & Left)
  | ({ kind: 'stopped'; signal?: StopSignal } & Left);

/**
 * What was typed at a question that is left another way than by answering
 * it (back, the overview, "weet ik (nog) niet", a stop): the runner keeps it
 * as a draft, so no key drops typing. Only set when it differs from what the
 * prompt started with.
 */
export interface Left {
  /** The text in a text prompt. */
  draft?: string;
  /** A choice with the toelichting typed for it. */
  choiceDraft?: { antwoord: string; toelichting: string };
}

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  /**
   * What the line confirming the answer shows when this choice is picked,
   * instead of its name: for an action such as "Klaar" in the overview of a
   * list, what was answered ("3 partners: …"). `false`: no such line (a step
   * on the way, such as "Nieuwe partner toevoegen", is no answer).
   */
  echo?: string | false;
}

export interface BaseOptions {
  message: string;
  /**
   * Text above the prompt (progress line, explanation). A function when it
   * depends on the width (an overview table): called each time it is shown,
   * also when the prompt is drawn again after a window resize.
   */
  header?: string | (() => string);
  /** Ctrl+T allowed (default true). */
  allowBack?: boolean;
  /** Ctrl+N allowed (default false). */
  allowUnknown?: boolean;
  /**
   * Going to the overview allowed (default false): a question of the
   * worksheet, not a field of an item or a dialogue. Only the plain prompter
   * offers it (`:overzicht`); the terminal one reaches the overview at the end.
   */
  allowReview?: boolean;
}

export interface InputOptions extends BaseOptions {
  default?: string;
  /** Shown (dimmed) while the answer is empty, e.g. the stored "weet ik (nog) niet". */
  placeholder?: string;
  /** Return an error message (Dutch) or undefined when valid. */
  validate?: (value: string) => string | undefined;
  /**
   * Confirmed without any edit: reply `unknown` instead of the text (the
   * default is then the earlier answer kept under a "weet ik (nog) niet").
   */
  unknownIfUntouched?: boolean;
}

export interface SelectOptions<T> extends BaseOptions {
  choices: Choice<T>[];
  /** The choices made for a terminal width (rows fitted to it): the terminal prompter makes them again when a resize redraws the list. */
  choicesAt?: (columns: number) => Choice<T>[];
  default?: T;
  /**
   * Where the cursor starts in a full-screen list, when not on `default`
   * (the overview: on the question just changed). The plain mode offers
   * `default` for Enter: Enter never opens the question just left again.
   */
  cursor?: T;
  /**
   * Ctrl+O allowed: a toelichting with the choice ("ja, maar …"). The
   * toelichting stored so far ("" for none); the answer carries the new one.
   */
  note?: string;
}

export interface CheckboxOptions<T> extends BaseOptions {
  choices: Choice<T>[];
  checked?: T[];
}

export interface Prompter {
  /** Print a block of text (titles, intros, tips, messages), wrapped to the terminal. */
  print(text: string): void;
  /** The terminal width in columns. */
  width(): number;
  input(options: InputOptions): Promise<Reply<string>>;
  editor(options: InputOptions): Promise<Reply<string>>;
  select<T>(options: SelectOptions<T>): Promise<Reply<T>>;
  checkbox<T>(options: CheckboxOptions<T>): Promise<Reply<T[]>>;
  /**
   * Stop as if the user pressed Ctrl+C (a signal: the terminal was closed,
   * the user logs out): the prompt on screen and every later prompt reply
   * `stopped` with the signal (and the text being typed).
   */
  stop?(signal: StopSignal): void;
}
