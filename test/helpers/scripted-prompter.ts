// A Prompter for flow tests: every prompt call is recorded and answered by
// a script of replies (matched against the prompt's message), so a test
// reads like a conversation.
import type { CheckboxOptions, Choice, InputOptions, Prompter, Reply, SelectOptions } from '../../src/terminal/prompter.js';
import type { StopSignal } from '../../src/support/errors.js';

export type Kind = 'input' | 'editor' | 'select' | 'checkbox';

export interface Call {
  kind: Kind;
  message: string;
  header?: string;
  default?: unknown;
  /** A select's cursor, where it is not on the default. */
  cursor?: unknown;
  placeholder?: string;
  choices?: Choice<unknown>[];
  checked?: unknown[];
  allowBack?: boolean;
  allowUnknown?: boolean;
  /** The overview may be asked for instead (the plain mode's ":overzicht"). */
  allowReview?: boolean;
  unknownIfUntouched?: boolean;
  /** A select's stored toelichting (Ctrl+O allowed when set). */
  note?: string;
}

/** What to do with one prompt. */
export type Action =
  | { type: 'answer'; value: unknown }
  | { type: 'choose'; name: string | RegExp; note?: string }
  | { type: 'back'; draft?: string }
  | { type: 'unknown'; draft?: string }
  | { type: 'review'; draft?: string }
  | { type: 'keep' }
  | { type: 'interrupt'; draft?: string; choiceDraft?: { antwoord: string; toelichting: string }; signal?: StopSignal };

export interface ScriptStep {
  /** The prompt's message must contain this (or match it). */
  expect?: string | RegExp;
  kind?: Kind;
  do: Action;
}

export const answer = (value: unknown): Action => ({ type: 'answer', value });
export const choose = (name: string | RegExp): Action => ({ type: 'choose', name });
/** Choose and give a toelichting with Ctrl+O ("" removes it). */
export const chooseWithNote = (name: string | RegExp, note: string): Action => ({ type: 'choose', name, note });
export const back: Action = { type: 'back' };
/** Ctrl+T (or `:terug`) while this text was typed: the prompter hands it over, to be kept as a draft. */
export const backTyping = (draft: string): Action => ({ type: 'back', draft });
/** The overview asked for while this text was typed. */
export const reviewTyping = (draft: string): Action => ({ type: 'review', draft });
export const unknown: Action = { type: 'unknown' };
/** Go to the overview (the plain mode's ":overzicht"). */
export const toReview: Action = { type: 'review' };
/** Accept the default (Enter) without touching it (with `unknownIfUntouched`: "weet ik (nog) niet"). */
export const keep: Action = { type: 'keep' };
export const interrupt: Action = { type: 'interrupt' };
/** Stopped by a signal (the window closed, Ctrl+Break), as the prompter's stop() reports it. */
export const interruptBy = (signal: StopSignal): Action => ({ type: 'interrupt', signal });
/** Ctrl+C while this text was typed but not yet confirmed. */
export const interruptTyping = (draft: string): Action => ({ type: 'interrupt', draft });
/** Stopped while typing the toelichting of a choice (Ctrl+O), as the terminal prompter reports it. */
export const interruptNote = (antwoord: string, toelichting: string): Action => ({ type: 'interrupt', choiceDraft: { antwoord, toelichting } });

export class ScriptedPrompter implements Prompter {
  readonly calls: Call[] = [];
  readonly printed: string[] = [];
  private readonly steps: ScriptStep[];

  constructor(
    steps: ScriptStep[],
    /** Used when the script has run out; by default an error. */
    private readonly fallback?: (call: Call) => Action,
  ) {
    this.steps = [...steps];
  }

  get remaining(): number {
    return this.steps.length;
  }

  print(text: string): void {
    this.printed.push(text);
  }

  /** The terminal width the runner is told (width()). */
  columns = 100;

  width(): number {
    return this.columns;
  }

  input(o: InputOptions): Promise<Reply<string>> {
    return this.handle<string>(
      { kind: 'input', ...base(o), default: o.default, placeholder: o.placeholder, unknownIfUntouched: o.unknownIfUntouched },
      o.validate,
    );
  }

  editor(o: InputOptions): Promise<Reply<string>> {
    return this.handle<string>(
      { kind: 'editor', ...base(o), default: o.default, placeholder: o.placeholder, unknownIfUntouched: o.unknownIfUntouched },
      o.validate,
    );
  }

  select<T>(o: SelectOptions<T>): Promise<Reply<T>> {
    return this.handle<T>({
      kind: 'select',
      ...base(o),
      default: o.default,
      ...(o.cursor !== undefined && { cursor: o.cursor }),
      choices: o.choices as Choice<unknown>[],
      ...(o.note !== undefined && { note: o.note }),
    });
  }

  checkbox<T>(o: CheckboxOptions<T>): Promise<Reply<T[]>> {
    return this.handle<T[]>({ kind: 'checkbox', ...base(o), choices: o.choices as Choice<unknown>[], checked: o.checked });
  }

  private async handle<T>(call: Call, validate?: (v: string) => string | undefined): Promise<Reply<T>> {
    this.calls.push(call);
    const step = this.steps.shift();
    let action: Action;
    if (step) {
      if (step.kind && step.kind !== call.kind) throw new Error(`expected a ${step.kind} prompt, got ${call.kind}: "${call.message}"`);
      if (step.expect !== undefined && !matches(call.message, step.expect)) {
        throw new Error(`expected prompt matching ${String(step.expect)}, got ${call.kind}: "${call.message}"`);
      }
      action = step.do;
    } else if (this.fallback) {
      action = this.fallback(call);
    } else {
      throw new Error(`script ended; unexpected ${call.kind} prompt: "${call.message}"`);
    }
    switch (action.type) {
      case 'back':
        if (call.allowBack === false) throw new Error(`back is not allowed at "${call.message}"`);
        return { kind: 'back', ...(action.draft !== undefined && { draft: action.draft }) };
      case 'unknown':
        if (!call.allowUnknown) throw new Error(`"weet ik niet" is not allowed at "${call.message}"`);
        return { kind: 'unknown', ...(action.draft !== undefined && { draft: action.draft }) };
      case 'review':
        if (!call.allowReview) throw new Error(`the overview is not allowed at "${call.message}"`);
        return { kind: 'review', ...(action.draft !== undefined && { draft: action.draft }) };
      case 'interrupt':
        return {
          kind: 'stopped',
          ...(action.signal && { signal: action.signal }),
          ...(action.draft !== undefined && { draft: action.draft }),
          ...(action.choiceDraft && { choiceDraft: action.choiceDraft }),
        };
      case 'keep':
        if (call.unknownIfUntouched) return { kind: 'unknown' };
        if (call.kind === 'checkbox') return { kind: 'answer', value: (call.checked ?? []) as T };
        return { kind: 'answer', value: call.default as T };
      case 'choose': {
        const choice = call.choices?.find((c) => matches(c.name, action.name));
        if (!choice) throw new Error(`no choice ${String(action.name)} at "${call.message}": ${call.choices?.map((c) => c.name).join(' | ')}`);
        if (action.note === undefined) return { kind: 'answer', value: choice.value as T };
        if (call.note === undefined) throw new Error(`a toelichting (Ctrl+O) is not allowed at "${call.message}"`);
        return { kind: 'answer', value: choice.value as T, note: action.note };
      }
      case 'answer': {
        if (validate && typeof action.value === 'string') {
          const problem = validate(action.value);
          if (problem) throw new Error(`validation failed at "${call.message}": ${problem}`);
        }
        return { kind: 'answer', value: action.value as T };
      }
    }
  }
}

function base(o: { message: string; header?: string | (() => string); allowBack?: boolean; allowUnknown?: boolean; allowReview?: boolean }) {
  // A header made at the width of the moment is recorded as the text it makes.
  const header = typeof o.header === 'function' ? o.header() : o.header;
  return { message: o.message, header, allowBack: o.allowBack, allowUnknown: o.allowUnknown, allowReview: o.allowReview };
}

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}
