// Which screen werkboek draws on: the full one (prompts that redraw, colour)
// or the plain one (line by line, no escape codes: for a screen reader, a
// simple terminal, or answers from a file), and whether in colour. Decided in
// one place, from the options of the command line and the environment.

export interface ScreenMode {
  /** Line by line, without escape codes (the eenvoudige weergave). */
  plain: boolean;
  /** Plain because the terminal cannot do more (TERM=dumb), not because it was asked for: start and the menu say so. */
  dumb: boolean;
  /** Colours in the output. */
  color: boolean;
}

export interface ScreenFlags {
  /** `--eenvoudig`. */
  plain?: boolean | undefined;
  /** `--no-color` gives false. */
  color?: boolean | undefined;
}

/**
 * The plain screen when asked for (`--eenvoudig`, WERKBOEK_EENVOUDIG=1, ja or
 * true), or on a terminal that cannot do more (TERM=dumb); else the full one.
 * No colour with `--no-color`, NO_COLOR, or in the plain screen.
 */
export function screenMode(flags: ScreenFlags, env: NodeJS.ProcessEnv): ScreenMode {
  const asked = flags.plain === true || ['1', 'ja', 'true'].includes((env.WERKBOEK_EENVOUDIG ?? '').trim().toLowerCase());
  const dumb = !asked && env.TERM === 'dumb';
  const plain = asked || dumb;
  return { plain, dumb, color: flags.color !== false && !('NO_COLOR' in env) && !plain };
}
