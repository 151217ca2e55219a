// Typed errors. Everything a user can cause ends up here, with a Dutch
// message and an exit code; cli.ts is the only place that prints them.

/** Exit codes, documented in the README ("Afsluitcodes"). */
export const ExitCode = {
  ok: 0,
  /** A check found problems (invalid definition or answers file). */
  invalid: 1,
  /** Wrong use: unknown command or worksheet, missing argument, no terminal. */
  usage: 2,
  /** An answers file cannot be read (corrupt YAML, wrong content). */
  badFile: 3,
  /** The worksheet is already being filled in by another werkboek process. */
  locked: 4,
  /** Writing failed (folder not writable, disk full). */
  writeFailed: 5,
  /** Stopped because the terminal window was closed (SIGHUP); saved as with Ctrl+C. */
  hangup: 129,
  /** Stopped with Ctrl+C; everything answered so far is saved. */
  interrupted: 130,
  /** Stopped by the system (SIGTERM: logout, shutdown, kill); saved as with Ctrl+C. */
  terminated: 143,
  /** Stopped with Ctrl+Break on Windows (SIGBREAK, signal 21 there); saved as with Ctrl+C. */
  break: 149,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class WerkboekError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.invalid,
    /** An extra line telling the user what to do next. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'WerkboekError';
  }
}

/** A problem at a place in a file: `bestand:regel:kolom: melding`. */
export interface Issue {
  file: string;
  line: number;
  col: number;
  /** Dotted field path, e.g. `steps[1].questions[3].when`. */
  path: string;
  message: string;
}

export function formatIssue(issue: Issue): string {
  const where = issue.path ? ` (${issue.path})` : '';
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.message}${where}`;
}

/** A file with one or more located problems. */
export class FileIssuesError extends WerkboekError {
  constructor(
    readonly issues: Issue[],
    exitCode: ExitCodeValue,
    hint?: string,
  ) {
    super(issues.map(formatIssue).join('\n'), exitCode, hint);
    this.name = 'FileIssuesError';
  }
}

/** The signals that stop a worksheet the way Ctrl+C does (SIGBREAK: Ctrl+Break, on Windows only). */
export type StopSignal = 'SIGHUP' | 'SIGTERM' | 'SIGBREAK';

/** The exit code for a stop: 129 (SIGHUP), 143 (SIGTERM), 149 (SIGBREAK), else 130 (Ctrl+C). */
export function stopExitCode(signal?: StopSignal): ExitCodeValue {
  return signal === 'SIGHUP' ? ExitCode.hangup : signal === 'SIGTERM' ? ExitCode.terminated : signal === 'SIGBREAK' ? ExitCode.break : ExitCode.interrupted;
}

/**
 * Ctrl+C (or Ctrl+D) during a prompt, or a stop signal (a closed terminal,
 * logout), on its way to the exit code. It carries no answers: a prompt
 * reports a stop as a value (a `stopped` reply with what was typed), and the
 * runner keeps that draft before it throws this.
 */
export class InterruptedError extends WerkboekError {
  constructor(
    /** Set when a signal stopped the program rather than a key. */
    readonly signal?: StopSignal,
  ) {
    super('Onderbroken.', stopExitCode(signal));
    this.name = 'InterruptedError';
  }
}

/** A prompt's reply, unless it says the user stopped: then the InterruptedError that ends the command. */
export function unlessStopped<R extends { kind: string; signal?: StopSignal }>(reply: R): Exclude<R, { kind: 'stopped' }> {
  if (reply.kind === 'stopped') throw new InterruptedError(reply.signal);
  return reply as Exclude<R, { kind: 'stopped' }>;
}

/**
 * A file-system error code in Dutch ("bestand of map bestaat niet", "de schijf is vol", …).
 * On Windows "geen toestemming" is as often a file another program has open
 * (Word, Excel, a scanner, OneDrive), even after the save has waited for it.
 */
export function describeFsError(err: unknown, platform: NodeJS.Platform = process.platform): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'bestand of map bestaat niet';
    case 'EACCES':
    case 'EPERM':
      return platform === 'win32' ? 'geen toestemming, of het bestand is geopend in een ander programma' : 'geen toestemming';
    case 'EBUSY':
      return 'het bestand is in gebruik door een ander programma';
    case 'ENOSPC':
      return 'de schijf is vol';
    case 'EROFS':
      return 'alleen-lezen bestandssysteem';
    case 'EISDIR':
      return 'dit is een map, geen bestand';
    case 'ENOTDIR':
      return 'een deel van het pad is geen map';
    case 'EEXIST':
      return 'er staat een bestand waar een map verwacht wordt';
    default:
      return code ?? String((err as Error | null)?.message ?? err);
  }
}
