// Commander's own errors, in Dutch, with a suggestion for a typo.
import type { Command, CommanderError } from 'commander';
import { programName } from '../support/invocation.js';
import { findCommand } from './program.js';

/** An example per command, for a missing argument. */
const EXAMPLES: Record<string, string> = {
  start: 'start gemeentelandschap',
  rapport: 'rapport alles -o dossier.md',
  importeer: 'importeer randvoorwaarden.yaml',
  vergelijk: 'vergelijk randvoorwaarden -o vergelijking.html',
  overzicht: 'overzicht dossiers/ -o overzicht.csv',
};

/** The Dutch message for an error commander raised while reading the command line for `command` (undefined: the program's own). */
export async function commanderMessage(err: CommanderError, program: Command, command: Command | undefined): Promise<string> {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  const w = programName();
  const help = command ? `${w} ${command.name()} --help` : `${w} --help`;
  switch (err.code) {
    case 'commander.unknownCommand': {
      const near = await nearest(quoted, [...program.commands.flatMap((c) => [c.name(), ...c.aliases()]), 'help']);
      return `Onbekende opdracht "${quoted}".${near ? ` Bedoel je "${near}"?` : ''} Zie "${w} --help".`;
    }
    case 'werkboek.optionBeforeCommand':
    case 'commander.unknownOption': {
      // The program's own error (no command dispatched): an option typed before the command, which commander left unread.
      const before = err.code === 'werkboek.optionBeforeCommand' || command === undefined;
      const named = command ?? program.args.map((word) => findCommand(program, word)).find((c) => c !== undefined);
      // An option of the command, typed before it: say where it goes.
      if (named && before && findOption(named, quoted)) {
        return `De optie "${quoted}" hoort na de opdracht, bijvoorbeeld: ${w} ${named.name()} ${quoted} …`;
      }
      const options = [...(named?.options ?? []), ...program.options]
        .filter((o) => !o.hidden)
        .flatMap((o) => [o.long, o.short])
        .filter((f): f is string => !!f);
      const near = quoted.startsWith('--')
        ? await nearest(
            quoted,
            options.filter((o) => o.startsWith('--')),
          )
        : undefined;
      return `Onbekende optie "${quoted}".${near ? ` Bedoel je "${near}"?` : ''} Zie "${named ? `${w} ${named.name()} --help` : help}".`;
    }
    case 'commander.missingArgument': {
      const example = EXAMPLES[command?.name() ?? 'start'] ?? EXAMPLES.start;
      return `Er ontbreekt nog iets na "${command?.name() ?? 'start'}": ${quoted}. Bijvoorbeeld: ${w} ${example}`;
    }
    case 'commander.optionMissingArgument':
      return `Optie ${quoted} heeft een waarde nodig.`;
    case 'commander.excessArguments':
      return `Te veel argumenten. Zie "${help}".`;
    case 'commander.invalidArgument': {
      const value = /argument '([^']*)'/.exec(err.message)?.[1] ?? quoted;
      const option = /option '[^']*?(--[a-z-]+)[^']*'/.exec(err.message)?.[1];
      const choices = err.message.split('Allowed choices are ')[1]?.replace(/\.$/, '');
      return `Ongeldige waarde "${value}"${option ? ` voor ${option}` : ''}.${choices ? ` Kies uit: ${choices}.` : ''}`;
    }
    default:
      return err.message.replace(/^error: /, '');
  }
}

function findOption(command: Command, flag: string): boolean {
  return command.options.some((o) => !o.hidden && (o.long === flag || o.short === flag));
}

/**
 * The name meant by a typo: the one name it is the start of ("stat" ->
 * "status", "--ma" -> "--map"), else the closest (edit distance at most 2);
 * of two as close, the one with the same letters ("stauts" -> "status", two
 * letters swapped, rather than "start").
 */
async function nearest(typed: string, names: string[]): Promise<string | undefined> {
  const t = typed.toLowerCase();
  const prefixed = [...new Set(names.filter((n) => n.startsWith(t)))];
  if (prefixed.length === 1) return prefixed[0];
  const { distance } = (await import('fastest-levenshtein')).default;
  const scored = names.map((name) => ({ name, distance: distance(t, name), letters: letterDifference(t, name) }));
  scored.sort((a, b) => a.distance - b.distance || a.letters - b.letters);
  const near = scored[0];
  return near !== undefined && near.distance <= 2 ? near.name : undefined;
}

/** How many letters the two words do not have in common (as many times). */
function letterDifference(a: string, b: string): number {
  const count = new Map<string, number>();
  for (const c of a) count.set(c, (count.get(c) ?? 0) + 1);
  for (const c of b) count.set(c, (count.get(c) ?? 0) - 1);
  return [...count.values()].reduce((sum, n) => sum + Math.abs(n), 0);
}
