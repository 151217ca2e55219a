// The command line: commander reads it once (cli/program.ts, with the
// commands as a table in cli/commands.ts, each command module imported only
// when it runs), and one error boundary turns typed errors into one Dutch
// line and an exit code.
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { ExitCode, InterruptedError, WerkboekError } from './support/errors.js';
import { createOutput, type Output } from './support/output.js';
import { currentProgram, programName, setProgram } from './support/invocation.js';
import { screenMode } from './support/screen.js';
import { removeOldCache } from './support/user-folders.js';
import { createProgram, type CommandLine, type Home } from './cli/program.js';
import { commanderMessage } from './cli/messages.js';

export async function main(argv: string[]): Promise<void> {
  // Until the command line is read, the environment alone decides (NO_COLOR, WERKBOEK_EENVOUDIG, TERM=dumb).
  const out = createOutput({ color: screenMode({}, process.env).color });
  setProgram(currentProgram());
  removeOldCache((message) => out.stderr(`werkboek: ${message}\n`));
  const cli = createProgram(out, home(out));
  try {
    await cli.program.parseAsync(argv);
  } catch (err) {
    // The plain mode (start --eenvoudig, WERKBOEK_EENVOUDIG, TERM=dumb) writes no escape codes at all, also not in error messages.
    out.color = cli.screen().color;
    process.exitCode = await handleError(err, out, cli);
  }
}

/** `werkboek` alone: the home menu in a terminal; without one (a pipe, a script) the help, as always. */
function home(out: Output): Home {
  return async (options, program: Command) => {
    if (!(process.stdin.isTTY && process.stdout.isTTY)) {
      program.outputHelp();
      return;
    }
    const { menu } = await import('./commands/menu.js');
    await menu({
      map: options.map,
      ownFolder: options.werkbladen,
      plain: options.eenvoudig === true,
      cwd: process.cwd(),
      out,
    });
  };
}

async function handleError(err: unknown, out: Output, cli: CommandLine): Promise<number> {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      return ExitCode.ok;
    }
    await out.error(await commanderMessage(err, cli.program, cli.command()));
    return ExitCode.usage;
  }
  if (err instanceof InterruptedError) return err.exitCode;
  if (err instanceof WerkboekError) {
    await out.error(err.message, err.hint);
    if (process.env.WERKBOEK_DEBUG === '1') out.stderr(String(err.stack) + '\n');
    return err.exitCode;
  }
  await out.error(
    'Er ging iets onverwachts mis. Er is niets van je antwoorden verloren gegaan.',
    `Meld dit met de uitvoer van WERKBOEK_DEBUG=1 ${programName()} …`,
  );
  out.stderr(`${process.env.WERKBOEK_DEBUG === '1' ? String((err as Error)?.stack ?? err) : String((err as Error)?.message ?? err)}\n`);
  return 70;
}
