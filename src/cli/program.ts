// The program as commander reads it: the Dutch help, the options of the home
// menu (`werkboek` alone), the commands from the table (commands.ts), and the
// hooks that see what commander parsed: which command runs, an option of a
// command typed before it, and the screen mode (decided once, support/screen.ts).
import { Command, CommanderError, Help, Option } from 'commander';
import { ExitCode } from '../support/errors.js';
import { programName } from '../support/invocation.js';
import { programVersion } from '../support/version.js';
import { manualFile } from '../support/program-files.js';
import type { Output } from '../support/output.js';
import { screenMode, type ScreenMode } from '../support/screen.js';
import { softBreak, wrapText } from '../support/wrap.js';
import { COMMANDS, type CommandSpec } from './commands.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

/** The home menu's options: given before a command, they belong after it. */
const MENU_OPTIONS = ['map', 'werkbladen', 'eenvoudig'] as const;

export interface CommandLine {
  program: Command;
  /** The command commander dispatched to, once it has. */
  command(): Command | undefined;
  /** The screen mode from the options parsed so far and the environment. */
  screen(): ScreenMode;
}

/** `werkboek` alone: the home menu (in a terminal) or the help. */
export type Home = (options: { map?: string; werkbladen?: string; eenvoudig?: boolean }, program: Command) => Promise<void>;

/** The program with its commands; `home` runs for no command. */
export function createProgram(out: Output, home: Home): CommandLine {
  const program = describeProgram(new Command(programName()), out);
  let dispatched: Command | undefined;
  program
    // The menu's options are the program's (before any command); each command reads its own after it.
    .enablePositionalOptions()
    .addOption(new Option('-m, --map <map>').hideHelp())
    .addOption(new Option('--werkbladen <map>').hideHelp())
    .addOption(new Option('--eenvoudig').hideHelp())
    .argument('[woorden...]')
    .action(async (words: string[], options: Parameters<Home>[0]) => {
      // A word that names no command (help and typos: commanderMessage).
      if (words.length) throw unknownCommand(words[0] ?? '');
      await home(options, program);
    });
  for (const spec of COMMANDS) defineCommand(program, spec, out);
  // `help stauts`, `stauts --help`: help asked for a word that names no command is an unknown command, not the main help.
  program.on('beforeAllHelp', (context: { command: Command }) => {
    const [first, second] = program.args;
    const word = first === 'help' ? second : first;
    if (context.command === program && word !== undefined && !word.startsWith('-') && word !== 'help' && !findCommand(program, word))
      throw unknownCommand(word);
  });
  program.hook('preSubcommand', (_program, command) => {
    dispatched = command;
    const before = MENU_OPTIONS.find((name) => program.getOptionValueSource(name) === 'cli');
    if (before) throw new CommanderError(ExitCode.usage, 'werkboek.optionBeforeCommand', `error: unknown option '--${before}'`);
  });
  const screen = () => screenOf(program, dispatched);
  program.hook('preAction', () => {
    const mode = screen();
    out.color = mode.color;
    if (!mode.color) process.env.FORCE_COLOR = '0';
  });
  return { program, command: () => dispatched, screen };
}

/** The screen mode from the program's options and the command's (`--no-color` on either side of it, `start --eenvoudig`). */
function screenOf(program: Command, command: Command | undefined): ScreenMode {
  const own = command?.opts() ?? {};
  const global = program.opts();
  return screenMode({ plain: own.eenvoudig === true || global.eenvoudig === true, color: global.color !== false && own.color !== false }, process.env);
}

function unknownCommand(word: string): CommanderError {
  return new CommanderError(ExitCode.usage, 'commander.unknownCommand', `error: unknown command '${word}'`);
}

export function findCommand(program: Command, word: string): Command | undefined {
  return program.commands.find((c) => c.name() === word || c.aliases().includes(word));
}

/** One row of the table as a commander command. */
function defineCommand(program: Command, spec: CommandSpec, out: Output): void {
  const command = program.command(spec.name).summary(spec.summary);
  if (spec.alias) command.alias(spec.alias);
  // After the Dutch one, so that the help (which shows the first) never shows it.
  if (spec.english) command.alias(spec.english);
  command.usage(spec.usage).description(spec.description);
  for (const [name, description] of spec.arguments ?? []) command.argument(name, description);
  for (const option of spec.options ?? []) command.addOption(option());
  // --no-color is the program's, and may also follow the command (as before commander read options per command).
  command.addOption(new Option('--no-color').hideHelp());
  command.action(async (...args: unknown[]) => {
    const positional = args.slice(0, spec.arguments?.length ?? 0) as Array<string | string[] | undefined>;
    const code = await spec.run(positional, command.opts(), { out, cwd: process.cwd() });
    if (code !== undefined) process.exitCode = code;
  });
}

/** The program's description, help texts (Dutch), version and error handling. */
function describeProgram(program: Command, out: Output): Command {
  return program
    .description(
      // One paragraph: commander wraps it between words at the help's width (helpColumns).
      "Werkboek 'Profileren van Digitale inclusie bij gemeente(s)' (Probiblio, september 2023): vul de drie werkbladen in, in zoveel sessies als je wilt, en deel het resultaat.",
    )
    .usage('<opdracht> [opties]')
    .version(programVersion, '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .option('--no-color', 'geen kleuren')
    .configureHelp({
      // Between words at the terminal's width; a narrow one gets each term on a line of its own (formatItem).
      minWidthToWrap: 10,
      formatItem(term, termWidth, description, helper) {
        const width = helper.helpWidth ?? 80;
        if (!description || width - termWidth - 4 >= NARROW) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
        return `  ${term}\n${indented(helper.boxWrap(description, width - 6), '      ')}`;
      },
      // The usage line (a long command's) wrapped too: every line of the help fits the width.
      formatHelp(cmd, helper) {
        return wrapText(Help.prototype.formatHelp.call(this, cmd, helper), helper.helpWidth ?? 80);
      },
      styleTitle: (title) => TITLES[title] ?? title,
      // "start|invullen [opties] <werkblad>": our Dutch usage, not commander's "[options]".
      subcommandTerm: (cmd) => [shownName(cmd), cmd.usage()].filter(Boolean).join(' '),
      // "Gebruik: werkboek rapport <werkblad|alles> [opties]": the Dutch names only (an English one keeps working, unseen).
      commandUsage: (cmd) => [cmd.parent?.name(), shownName(cmd), cmd.usage()].filter(Boolean).join(' '),
      sortSubcommands: false,
      optionDescription: (option) => {
        const extra: string[] = [];
        // The choices, unless the description names them all already.
        if (option.argChoices && !option.argChoices.every((c) => option.description.includes(c))) extra.push(`keuze uit: ${option.argChoices.join(', ')}`);
        if (option.defaultValue !== undefined && option.negate !== true) extra.push(`standaard: ${String(option.defaultValue)}`);
        return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
      },
    })
    .configureOutput({
      writeOut: (s) => out.stdout(s),
      writeErr: (s) => out.stderr(s),
      outputError: () => {},
      getOutHelpWidth: helpColumns,
      getErrHelpWidth: helpColumns,
    })
    .showSuggestionAfterError(false)
    .exitOverride()
    .addHelpText('after', () => examples());
}

/** A command's name with its Dutch second name, if it has one ("start|invullen"); the program's own name alone. */
function shownName(cmd: Command): string {
  const alias = COMMANDS.find((spec) => spec.name === cmd.name())?.alias;
  return alias ? `${cmd.name()}|${alias}` : cmd.name();
}

/** A description narrower than this beside its term goes on a line of its own, under the term. */
const NARROW = 28;

/**
 * The help's width: one column less than the terminal's (a line filling the
 * last column makes an empty line in some Windows consoles); into a pipe
 * COLUMNS if set, else 80.
 */
function helpColumns(): number {
  const columns = (process.stdout.isTTY ? process.stdout.columns : undefined) || Number(process.env.COLUMNS) || 80;
  return Math.max(20, columns - 1);
}

function indented(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

/** The examples: command and what it does side by side, or (too narrow) the command whole on its own line, what it does under it. */
function examples(width = helpColumns()): string {
  const w = programName();
  const manual = manualFile();
  const rows: Array<[string, string]> = [
    ['', 'het menu: werkbladen, rapport, hulp'],
    ['inleiding', 'waar gaat het over? (begin hier)'],
    ['start gemeentelandschap', 'werkblad 1 invullen of verdergaan'],
    ['status', 'hoe ver ben je met elk werkblad?'],
    ['rapport alles -o dossier.docx', 'alles in één Word-document'],
    ['start 2 --respondent "Piet Bakker"', 'als collega, in een eigen bestand'],
    ['vergelijk 2 -o vergelijking.html', 'iedereens antwoorden naast elkaar'],
  ];
  const commands = rows.map(([args, what]) => [`  ${[w, args].filter(Boolean).join(' ')}`, what] as const);
  const pad = Math.max(...commands.map(([cmd]) => cmd.length)) + 2;
  // Side by side (what it does wrapped in its column) as the commands above, while that column is wide enough.
  const side = width - pad >= NARROW;
  const lines = commands.map(([cmd, what]) =>
    side
      ? cmd.padEnd(pad) + indented(wrapText(what, width - pad), ' '.repeat(pad)).trimStart()
      : // On a terminal the command breaks between words on the screen and is still one line to copy; into a pipe it stays as it is.
        `${process.stdout.isTTY ? softBreak(cmd, width + 1) : cmd}\n${wrapText(`      ${what}`, width)}`,
  );
  const after =
    `Antwoorden worden na elke vraag bewaard, in je eigen map op deze computer; "${w} status" zegt welke. ` +
    'Een andere map kies je met --map <map> (of met de omgevingsvariabele WERKBOEK_MAP).\n' +
    `Alles over werkboek staat in de handleiding${manual ? `: ${manual}` : '.'}`;
  return `\nVoorbeelden:\n${lines.join('\n')}\n\n${wrapText(after, width)}`;
}
