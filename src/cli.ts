// The command line: commander defines the commands, each command module is
// imported only when it runs, and one error boundary turns typed errors
// into one Dutch line and an exit code.
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, InterruptedError, WerkboekError } from './support/errors.js';
import { programVersion } from './support/version.js';
import { createOutput, type Output } from './support/output.js';
import { commandWord, currentProgram, programName, setProgram } from './support/invocation.js';
import { removeOldCache } from './support/user-folders.js';


const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

/**
 * The program with its commands. With `only` (the first word of the command
 * line that is not an option), just the command of that name or alias: the
 * others are not needed to run it, and defining all eleven costs about a
 * millisecond of every start. A word that names no command gets them all
 * (the help, an unknown command and its suggestion).
 */
function buildProgram(out: Output, only?: string): Command {
  const program = defineProgram(out, only);
  return only !== undefined && program.commands.length === 0 ? defineProgram(out, undefined) : program;
}

function defineProgram(out: Output, only: string | undefined): Command {
  const wanted = (...names: string[]) => only === undefined || names.includes(only);
  // Named as the user started it ("werkboek", or "node bin/werkboek.js" after the README's set-up), as the examples are.
  const program = new Command(programName());
  program
    .description(
      // Lines shorter than 80 columns: commander wraps a longer one at an awkward place.
      "Werkboek 'Profileren van Digitale inclusie bij gemeente(s)' (Probiblio,\n" +
        'september 2023): vul de drie werkbladen in, in zoveel sessies als je wilt,\n' +
        'en deel het resultaat.',
    )
    .usage('<opdracht> [opties]')
    .version(programVersion, '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .option('--no-color', 'geen kleuren (ook met NO_COLOR=1)')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      // "start|invullen [opties] <werkblad>": our Dutch usage, not commander's "[options]".
      subcommandTerm: (cmd) => [[cmd.name(), ...cmd.aliases().slice(0, 1)].join('|'), cmd.usage()].filter(Boolean).join(' '),
      sortSubcommands: false,
      optionDescription: (option) => {
        const extra: string[] = [];
        // The choices, unless the description names them all already.
        if (option.argChoices && !option.argChoices.every((c) => option.description.includes(c))) extra.push(`keuze uit: ${option.argChoices.join(', ')}`);
        if (option.defaultValue !== undefined && option.negate !== true) extra.push(`standaard: ${String(option.defaultValue)}`);
        return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
      },
    })
    .configureOutput({ writeOut: (s) => out.stdout(s), writeErr: (s) => out.stderr(s), outputError: () => {} })
    .showSuggestionAfterError(false)
    .exitOverride()
    .addHelpText('after', () => {
      const w = programName();
      const pad = (cmd: string) => `  ${w} ${cmd}`.padEnd(w.length + 38);
      return (
        '\nVoorbeelden:\n' +
        `${pad('')} het menu: werkbladen, rapport, hulp\n` +
        `${pad('inleiding')} waar gaat het over? (begin hier)\n` +
        `${pad('start gemeentelandschap')} werkblad 1 invullen of verdergaan\n` +
        `${pad('status')} hoe ver ben je met elk werkblad?\n` +
        `${pad('rapport alles -o dossier.docx')} alles in één Word-document\n` +
        `${pad('start 2 --respondent "Piet Bakker"')} als collega, in een eigen bestand\n` +
        `${pad('vergelijk 2 -o vergelijking.html')} iedereens antwoorden naast elkaar\n` +
        `\nAntwoorden worden na elke vraag opgeslagen; zie "${w} status" voor de map.`
      );
    });

  const mapOption = () =>
    new Option('-m, --map <map>', 'map met de antwoordbestanden (standaard: WERKBOEK_MAP, anders een vaste map voor jou op deze computer; "werkboek status" toont welke)');
  const ownOption = () => new Option('--werkbladen <map>', 'een map met eigen werkbladdefinities (ook WERKBOEK_WERKBLADEN)');

  if (wanted('inleiding', 'intro')) {
    program
      .command('inleiding')
      .summary('waar gaat het werkboek over?')
      .alias('intro')
      .usage('[opties]')
      .description('de inleiding van het werkboek: waarom, positionering en profilering, de drie stappen')
      .action(async () => {
        const { introduction } = await import('./commands/inleiding.js');
        await introduction({ out });
      });
  }

  if (wanted('start', 'invullen')) {
    program
      .command('start')
      .summary('een werkblad invullen of verdergaan')
      .alias('invullen')
      .usage('[opties] <werkblad>')
      .description('een werkblad invullen, of verdergaan waar je was')
      .argument('<werkblad>', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (of 1, 2, 3), of een eigen werkblad (mijn-werkblad.yaml)')
      .addOption(mapOption())
      .addOption(ownOption())
      .option('--opnieuw', 'opnieuw beginnen (het oude bestand wordt als reservekopie bewaard)')
      .option('-r, --respondent <naam>', 'als collega invullen, in een eigen bestand in dezelfde map (bijv. --respondent "Piet Bakker"); zie ook vergelijk')
      .option('--eenvoudig', 'vragen regel voor regel, zonder kleur of schermopbouw: voor een schermlezer, een eenvoudige terminal of antwoorden uit een bestand (ook met WERKBOEK_EENVOUDIG=1)')
      .action(async (werkblad: string, opts: { map?: string; werkbladen?: string; opnieuw?: boolean; eenvoudig?: boolean; respondent?: string }) => {
        const { start } = await import('./commands/start/index.js');
        await start({
          worksheet: werkblad,
          map: opts.map,
          ownFolder: opts.werkbladen,
          restart: opts.opnieuw === true,
          plain: opts.eenvoudig === true,
          respondent: opts.respondent,
          cwd: process.cwd(),
          out,
        });
      });
  }

  if (wanted('status')) {
    program
      .command('status')
      .summary('hoe ver ben je met elk werkblad?')
      .usage('[opties]')
      .description('per werkblad: niet begonnen, concept of afgerond')
      .addOption(mapOption())
      .addOption(ownOption())
      .action(async (opts: { map?: string; werkbladen?: string }) => {
        const { status } = await import('./commands/status.js');
        await status({ map: opts.map, ownFolder: opts.werkbladen, cwd: process.cwd(), out });
      });
  }

  if (wanted('lijst', 'list')) {
    program
      .command('lijst')
      .summary('de werkbladen en hoe ver je bent')
      .alias('list')
      .usage('[opties]')
      .description('de werkbladen: id, titel, aantal vragen en hoe ver je bent')
      .addOption(mapOption())
      .addOption(ownOption())
      .action(async (opts: { map?: string; werkbladen?: string }) => {
        const { list } = await import('./commands/lijst.js');
        await list({ map: opts.map, ownFolder: opts.werkbladen, cwd: process.cwd(), out });
      });
  }

  if (wanted('rapport', 'report')) {
    withReportOptions(
      program
        .command('rapport')
      .summary('rapport als Word-document, webpagina of e-mailconcept')
        .alias('report')
        .usage('<werkblad|alles> [opties]')
        .description('maak een rapport van een werkblad of van alles: een Word-document, tekst (Markdown), een webpagina (HTML) of een e-mailconcept')
        .argument('<werkblad>', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (of 1, 2, 3), of alles'),
      'het standaardsjabloon',
      mapOption,
    )
      .addOption(ownOption())
      .action(async (werkblad: string, opts: ReportFlags & { werkbladen?: string }) => {
        const { report } = await import('./commands/rapport.js');
        await report({ ...reportOptions(werkblad, opts, out), ownFolder: opts.werkbladen });
      });
  }

  if (wanted('vergelijk', 'compare')) {
    withReportOptions(
      program
        .command('vergelijk')
      .summary("antwoorden van collega's vergelijken")
        .alias('compare')
        .usage('<werkblad> [opties]')
        .description("de antwoorden van collega's op een werkblad naast elkaar, met gesprekspunten en ontwikkelpunten: een Word-document, tekst (Markdown), een webpagina (HTML) of een e-mailconcept")
        .argument('<werkblad>', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (of 1, 2, 3)'),
      'templates/vergelijk.md.liquid',
      mapOption,
    )
      .addOption(ownOption())
      .action(async (werkblad: string, opts: ReportFlags & { werkbladen?: string }) => {
        const { compare } = await import('./commands/vergelijk.js');
        await compare({ ...reportOptions(werkblad, opts, out), ownFolder: opts.werkbladen });
      });
  }

  if (wanted('importeer', 'import')) {
    program
      .command('importeer')
      .summary("bestanden van collega's toevoegen")
      .alias('import')
      .usage('<bestanden...> [opties]')
      .description('antwoordbestanden van collega\'s (gemaakt met hun eigen werkboek) in het dossier zetten, elk onder de naam van de collega')
      .argument('<bestanden...>', 'antwoordbestanden (YAML), bijv. uit een e-mail')
      .option('-r, --respondent <naam>', 'de naam van de collega, als die niet (goed) in het bestand staat')
      .addOption(mapOption())
      .action(async (files: string[], opts: { respondent?: string; map?: string }) => {
        const { importFiles } = await import('./commands/importeer.js');
        process.exitCode = await importFiles({ files, respondent: opts.respondent, map: opts.map, cwd: process.cwd(), out });
      });
  }

  if (wanted('nieuwe-ronde')) {
    program
      .command('nieuwe-ronde')
      .summary('de huidige ronde afsluiten')
      .usage('[opties]')
      .description('sluit de huidige ronde af (de bestanden gaan ongewijzigd naar ronde-<jaar>/); bij de volgende start staan je antwoorden klaar')
      .addOption(mapOption())
      .option('--ronde <naam>', 'naam van de ronde die je afsluit (standaard: het jaar waarin ze begon)')
      .option('--ja', 'niet eerst vragen (voor scripts; zonder terminal verplicht)')
      .addOption(ownOption())
      .action(async (opts: { map?: string; ronde?: string; werkbladen?: string; ja?: boolean }) => {
        const { newRound } = await import('./commands/nieuwe-ronde.js');
        await newRound({ map: opts.map, name: opts.ronde, ownFolder: opts.werkbladen, yes: opts.ja, cwd: process.cwd(), out });
      });
  }

  if (wanted('verschil', 'diff')) {
    program
      .command('verschil')
      .summary('wat is veranderd sinds vorige ronde')
      .alias('diff')
      .usage('[werkblad] [opties]')
      .description('wat is er veranderd sinds de vorige ronde: tekst (Markdown), een webpagina (HTML) of een e-mailconcept')
      .argument('[werkblad]', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (standaard: alle)')
      .option('--ronde <naam>', 'vergelijk deze afgesloten ronde met nu (bijv. 2026)')
      .addOption(new Option('-f, --formaat <formaat>', 'md (tekst, Markdown), html (webpagina) of eml (e-mailconcept); standaard: volgens de extensie van -o, anders md').choices(['md', 'html', 'eml']))
      .option('-o, --uitvoer <bestand>', 'schrijf naar dit bestand in plaats van naar het scherm')
      .option('--aan <adres>', 'e-mailadres van de ontvanger (bij --formaat eml)')
      .addOption(mapOption())
      .addOption(ownOption())
      .action(async (werkblad: string | undefined, opts: { ronde?: string; formaat?: 'md' | 'html' | 'eml'; uitvoer?: string; aan?: string; map?: string; werkbladen?: string }) => {
        const { difference } = await import('./commands/verschil.js');
        await difference({
          worksheet: werkblad,
          map: opts.map,
          ownFolder: opts.werkbladen,
          round: opts.ronde,
          format: opts.formaat ?? formatFromFileName(opts.uitvoer),
          output: opts.uitvoer,
          to: opts.aan,
          cwd: process.cwd(),
          out,
        });
      });
  }

  if (wanted('overzicht', 'overview')) {
    program
      .command('overzicht')
      .summary('voor adviseurs: alle bibliotheken')
      .alias('overview')
      .usage('<mappen...> [opties]')
      .description('voor adviseurs: per bibliotheek en werkblad hoe ver het is; op het scherm, als CSV voor Excel, als tekst (Markdown) of als webpagina (HTML)')
      .argument('<mappen...>', 'een map met één submap per bibliotheek, of de mappen van de bibliotheken zelf')
      .option('-o, --uitvoer <bestand>', 'schrijf naar dit bestand: overzicht.csv (Excel), overzicht.md of overzicht.html')
      .addOption(new Option('-f, --formaat <formaat>', 'tekst, csv, md of html (standaard: volgens de extensie van -o, anders tekst)').choices(['tekst', 'csv', 'md', 'html']))
      .option('--kernvragen <ids>', 'andere kernvragen als kolommen, bijv. gemeentelandschap.thema-in-agenda,randvoorwaarden.uren-voldoende')
      .addOption(ownOption())
      .action(async (mappen: string[], opts: { uitvoer?: string; formaat?: 'tekst' | 'csv' | 'md' | 'html'; kernvragen?: string; werkbladen?: string }) => {
        const { overview } = await import('./commands/overzicht.js');
        await overview({ folders: mappen, output: opts.uitvoer, format: opts.formaat, keys: opts.kernvragen, ownFolder: opts.werkbladen, cwd: process.cwd(), out });
      });
  }

  if (wanted('controleer', 'check')) {
    program
      .command('controleer')
      .summary('werkbladen of antwoorden controleren')
      .alias('check')
      .usage('[bestanden...]')
      .description('controleer werkbladdefinities of antwoordbestanden (zonder bestand: de meegeleverde werkbladen)')
      .argument('[bestanden...]', 'YAML-bestanden: een werkbladdefinitie of een antwoordbestand')
      .option('--schema', 'schrijf werkblad.schema.json in deze map: daarmee helpt een editor je bij een eigen werkblad')
      .action(async (files: string[], opts: { schema?: boolean }) => {
        const { check } = await import('./commands/controleer.js');
        process.exitCode = await check({ files, schema: opts.schema, cwd: process.cwd(), out });
      });
  }

  return program;
}

/** The options rapport and vergelijk share: --formaat, -o, --sjabloon (instead of `template`), --aan and --map. */
function withReportOptions(command: Command, template: string, mapOption: () => Option): Command {
  return command
    .addOption(new Option('-f, --formaat <formaat>', 'docx (Word), md (tekst, Markdown), html (webpagina) of eml (e-mailconcept); standaard: volgens de extensie van -o, anders md').choices(['md', 'docx', 'html', 'eml']))
    .option('-o, --uitvoer <bestand>', 'schrijf naar dit bestand in plaats van naar het scherm')
    .option('-s, --sjabloon <bestand>', `een eigen sjabloon voor de tekst van het rapport, in plaats van ${template}`)
    .option('--aan <adres>', 'e-mailadres van de ontvanger (bij --formaat eml)')
    .addOption(mapOption());
}

interface ReportFlags {
  formaat?: 'md' | 'html' | 'eml' | 'docx';
  uitvoer?: string;
  sjabloon?: string;
  aan?: string;
  map?: string;
}

/** The options of rapport and vergelijk, after refusing a file name that promises a format werkboek does not make. */
function reportOptions(werkblad: string, opts: ReportFlags, out: Output) {
  const ext = opts.uitvoer?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (!opts.formaat && ext && ['pdf', 'doc', 'odt', 'rtf', 'txt'].includes(ext)) {
    throw new WerkboekError(
      `Een .${ext}-bestand maken kan niet.`,
      ExitCode.usage,
      'Kies -o rapport.docx (Word), -o rapport.md (tekst), -o rapport.html (om in een e-mail te plakken) of -o rapport.eml (e-mailconcept).',
    );
  }
  return {
    worksheet: werkblad,
    format: opts.formaat ?? (ext === 'docx' ? 'docx' : formatFromFileName(opts.uitvoer)),
    output: opts.uitvoer,
    template: opts.sjabloon,
    to: opts.aan,
    map: opts.map,
    cwd: process.cwd(),
    out,
  };
}

/** `-o dossier.html` means HTML, `-o concept.eml` an email draft; anything else Markdown. */
export function formatFromFileName(file: string | undefined): 'md' | 'html' | 'eml' {
  const ext = file?.toLowerCase().split('.').pop();
  return ext === 'html' || ext === 'htm' ? 'html' : ext === 'eml' ? 'eml' : 'md';
}

/** An example per command, for a missing argument. */
const EXAMPLES: Record<string, string> = {
  start: 'start gemeentelandschap',
  rapport: 'rapport alles -o dossier.md',
  importeer: 'importeer randvoorwaarden.yaml',
  vergelijk: 'vergelijk randvoorwaarden -o vergelijking.html',
  overzicht: 'overzicht dossiers/ -o overzicht.csv',
};

/** Commander's own errors, in Dutch. */
async function commanderMessage(err: CommanderError, program: Command, argv: string[]): Promise<string> {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  const w = programName();
  const command = commandIn(program, argv);
  const help = command ? `${w} ${command.name()} --help` : `${w} --help`;
  switch (err.code) {
    case 'commander.unknownCommand': {
      const near = await nearest(quoted, [...program.commands.flatMap((c) => [c.name(), ...c.aliases()]), 'help']);
      return `Onbekende opdracht "${quoted}".${near ? ` Bedoel je "${near}"?` : ''} Zie "${w} --help".`;
    }
    case 'commander.unknownOption': {
      // An option of the command, typed before it: say where it goes.
      const at = command ? argv.findIndex((a) => a === command.name() || command.aliases().includes(a)) : -1;
      if (command && argv.indexOf(quoted) < at && command.options.some((o) => o.long === quoted || o.short === quoted)) {
        return `De optie "${quoted}" hoort na de opdracht, bijvoorbeeld: ${w} ${command.name()} ${quoted} …`;
      }
      const options = [...(command?.options ?? []), ...program.options].flatMap((o) => [o.long, o.short]).filter((f): f is string => !!f);
      const near = quoted.startsWith('--') ? await nearest(quoted, options.filter((o) => o.startsWith('--'))) : undefined;
      return `Onbekende optie "${quoted}".${near ? ` Bedoel je "${near}"?` : ''} Zie "${help}".`;
    }
    case 'commander.missingArgument': {
      const example = EXAMPLES[command?.name() ?? 'start'] ?? EXAMPLES.start;
      return `Er ontbreekt een argument: ${quoted}. Bijvoorbeeld: ${w} ${example}`;
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

/** The subcommand named in argv, if any. */
function commandIn(program: Command, argv: string[]): Command | undefined {
  const words = new Set(argv.slice(2));
  return program.commands.find((c) => words.has(c.name()) || c.aliases().some((a) => words.has(a)));
}

/**
 * The name meant by a typo: the one name it is the start of ("stat" ->
 * "status", "--ma" -> "--map"), else the closest (edit distance at most 2);
 * of two as close, the one with the same letters ("stauts" -> "status", two
 * letters swapped, rather than "start").
 */
export async function nearest(typed: string, names: string[]): Promise<string | undefined> {
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

export async function main(argv: string[]): Promise<void> {
  // The plain mode (start --eenvoudig, WERKBOEK_EENVOUDIG, TERM=dumb) writes no escape codes at all, also not in error messages.
  const plain = argv.includes('--eenvoudig') || /^(1|ja|true)$/i.test((process.env.WERKBOEK_EENVOUDIG ?? '').trim()) || process.env.TERM === 'dumb';
  const colorOff = argv.includes('--no-color') || 'NO_COLOR' in process.env || plain;
  if (colorOff) process.env.FORCE_COLOR = '0';
  const words = argv.slice(2);
  const out = createOutput({ color: !colorOff });
  setProgram(currentProgram());
  removeOldCache((message) => out.stderr(`werkboek: ${message}\n`));
  const program = buildProgram(out, commandWord(words));
  try {
    const home = menuArguments(words);
    if (home) {
      // `werkboek` alone: the home menu in a terminal; without one (a pipe, a script) the help, as always.
      if (process.stdin.isTTY && process.stdout.isTTY) {
        const { menu } = await import('./commands/menu.js');
        await menu({ map: home.map, ownFolder: home.werkbladen, plain: words.includes('--eenvoudig'), cwd: process.cwd(), out, showHelp: () => program.outputHelp() });
      } else program.outputHelp();
      return;
    }
    const unknown = helpForUnknown(program, words);
    if (unknown !== undefined) throw new CommanderError(ExitCode.usage, 'commander.unknownCommand', `error: unknown command '${unknown}'`);
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = await handleError(err, out, program, argv);
  }
}

/**
 * No command, at most the options of the home menu (`--map`, `--werkbladen`,
 * `--eenvoudig`, `--no-color`): those options; else undefined.
 */
function menuArguments(words: string[]): { map?: string; werkbladen?: string } | undefined {
  const found: { map?: string; werkbladen?: string } = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--eenvoudig' || word === '--no-color') continue;
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const flag = eq > 0 ? word.slice(0, eq) : word;
    if (flag !== '-m' && flag !== '--map' && flag !== '--werkbladen') return undefined;
    const value = eq > 0 ? word.slice(eq + 1) : words[++i];
    if (value === undefined || value === '') return undefined;
    if (flag === '--werkbladen') found.werkbladen = value;
    else found.map = value;
  }
  return found;
}

/**
 * `help stauts` and `stauts --help`: help asked for a word that names no
 * command. Commander would show the main help as if all were well; this is
 * an unknown command (with a suggestion).
 */
function helpForUnknown(program: Command, words: string[]): string | undefined {
  const word = words[0] === 'help' ? words[1] : words.some((w) => w === '-h' || w === '--help') ? words[0] : undefined;
  if (word === undefined || word.startsWith('-') || word === 'help') return undefined;
  return program.commands.some((c) => c.name() === word || c.aliases().includes(word)) ? undefined : word;
}

async function handleError(err: unknown, out: Output, program: Command, argv: string[]): Promise<number> {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      return ExitCode.ok;
    }
    await out.error(await commanderMessage(err, program, argv));
    return ExitCode.usage;
  }
  if (err instanceof InterruptedError) return err.exitCode;
  if (err instanceof WerkboekError) {
    await out.error(err.message, err.hint);
    if (process.env.WERKBOEK_DEBUG === '1') out.stderr(String(err.stack) + '\n');
    return err.exitCode;
  }
  await out.error('Er ging iets onverwachts mis. Er is niets van je antwoorden verloren gegaan.', `Meld dit met de uitvoer van WERKBOEK_DEBUG=1 ${programName()} …`);
  out.stderr(`${process.env.WERKBOEK_DEBUG === '1' ? String((err as Error)?.stack ?? err) : String((err as Error)?.message ?? err)}\n`);
  return 70;
}
