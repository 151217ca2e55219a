// `werkboek`, `werkboek --help`, `-h`, `help`, `--version` and `-V`: the
// build keeps the main help exactly as commander writes it (cli.ts
// helpText, with a stand-in for the program name) and the version, and bin/
// prints them from a small file of its own (dist/app/quick-help.js), without
// loading the program and commander. The build checks at which terminal
// widths commander writes the help as kept (from about 75 columns on: the
// command list uses summaries that fit in 80); test/quick-help.test.ts
// checks that this prints what the program prints.
import { currentProgram } from './invocation.js';
import { visibleControls } from './control.js';
import { stdoutIsFileOrPipe, stdoutWriter } from './output.js';

export interface QuickTexts {
  /** The main help, with `name` where the program's name goes. */
  help: string;
  /** The stand-in for the program's name in `help`. */
  name: string;
  version: string;
  /** The narrowest terminal in which commander writes `help` as it is (in a narrower one it wraps the description). */
  minWidth: number;
}

/** The words that ask for the help or the version (bin/werkboek.js lets only these through). */
export const ASKED = new Map<string, 'help' | 'version'>([
  ['-h', 'help'],
  ['--help', 'help'],
  ['help', 'help'],
  ['-V', 'version'],
  ['--version', 'version'],
]);

/** What the command line asks for, when it is only the help or the version. */
export function quickAsk(args: readonly string[]): 'help' | 'version' | undefined {
  if (args.length === 0) return 'help';
  return args.length === 1 ? ASKED.get(args[0]!) : undefined;
}

/** Prints the help or the version when that is all argv asks for; false: the program must run. */
export function quickHelp(argv: readonly string[], texts: QuickTexts): boolean {
  const asked = quickAsk(argv.slice(2));
  if (!asked) return false;
  const direct = stdoutIsFileOrPipe();
  if (asked === 'help' && !direct && process.stdout.isTTY && process.stdout.columns < texts.minWidth) return false;
  // As the program's Output writes it (support/output.ts): a path in the name may hold control characters.
  stdoutWriter(direct)(visibleControls(asked === 'version' ? `${texts.version}\n` : texts.help.split(texts.name).join(currentProgram())));
  return true;
}
