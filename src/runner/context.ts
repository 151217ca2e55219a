// The session: what every part of the runner works on (the worksheet, its
// answers file, the prompter, the style, the clock), passed explicitly to
// each part instead of shared through one closure. Also the style helpers
// and the outcome of a run. Types and one constant: imports nothing at run time.
import type { Worksheet } from '../definition/schema.js';
import type { AnswersFile } from '../dossier/answers-file.js';
import type { Prompter } from '../terminal/prompter.js';
import type { Answers } from '../dossier/answers.js';

export type RunOutcome = 'afgerond' | 'gestopt';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
}

export const plainStyle: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, green: (s) => s };

/** A new round: the last closed round's answers, offered as defaults (previous.ts). */
export interface PreviousRound {
  /** "2026" */
  round: string;
  answers: Answers;
  /** The questions that were visible and had an entry in that round (hidden answers are not offered). */
  offered: ReadonlySet<string>;
  /** Where the offered answers come from, as the question's note says it: "de vorige ronde (2026)", "werkblad 1". */
  from: string;
}

export interface Session {
  readonly ws: Worksheet;
  /** The same object throughout: a save elsewhere moves it (moveTo), it is never replaced. */
  readonly file: AnswersFile;
  readonly prompter: Prompter;
  readonly style: Style;
  readonly today: () => Date;
  /**
   * Before saving in another folder (after a write error): take the lock
   * there (and give up the old one). Throws a WerkboekError (in Dutch) when
   * that file is being filled in elsewhere. Without it (tests), nothing is locked.
   */
  readonly relocate?: (file: string) => Promise<void>;
  /** A new round: the last round's answers, offered as defaults (previous.ts). */
  readonly previous?: PreviousRound;
}
