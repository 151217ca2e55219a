// The commands, as a table: each row has what the help shows (name, alias,
// summary, usage, description, arguments, options) and `run`, which imports
// the command's module only when it runs and maps the options of the command
// line onto the command's own options.
import { Option } from 'commander';
import type { ReportFormat } from '../report/deliver.js';
import { ExitCode, WerkboekError } from '../support/errors.js';
import type { Output } from '../support/output.js';

/** A positional argument as commander gives it: a word, the words of a variadic one, or nothing. */
type Positional = string | string[] | undefined;

export interface RunContext {
  out: Output;
  cwd: string;
}

export interface CommandSpec<F = Record<string, unknown>> {
  name: string;
  /** A Dutch second name, shown in the help ("start|invullen"). */
  alias?: string;
  /** An English name that keeps working, not shown in the help. */
  english?: string;
  summary: string;
  usage: string;
  description: string;
  /** Name (`<werkblad>`, `[bestanden...]`) and description. */
  arguments?: ReadonlyArray<readonly [string, string]>;
  options?: ReadonlyArray<() => Option>;
  /** Import the command's module and run it; a number is the exit code. */
  run(args: Positional[], flags: F, context: RunContext): Promise<number | undefined>;
}

function command<F extends Record<string, unknown>>(spec: CommandSpec<F>): CommandSpec {
  return spec as CommandSpec;
}

/** `--map`; the help of `status` itself does not send the reader to `status`. */
const mapOption =
  (where = '; "werkboek status" noemt hem') =>
  () =>
    new Option('-m, --map <map>', `de map waarin je antwoorden staan (zonder --map: je eigen map op deze computer${where})`);
const ownOption = () => new Option('--werkbladen <map>', 'een map met werkbladen die je zelf hebt gemaakt (zie de handleiding)');
const outputOption = () =>
  new Option('-o, --uitvoer <bestand>', 'schrijf naar dit bestand in plaats van naar het scherm (een bestaand bestand alleen met --vervang)');
const replaceOption = () => new Option('--vervang', 'vervang het bestand van -o als het al bestaat (zonder --vervang weigert werkboek dat)');
const toOption = () => new Option('--aan <adres>', 'e-mailadres van de ontvanger (bij --formaat eml)');

/** The options rapport and vergelijk share: --formaat, -o, --sjabloon (instead of `template`), --aan and --map. */
function reportOptions(template: string): Array<() => Option> {
  return [
    () =>
      new Option(
        '-f, --formaat <formaat>',
        'docx (Word), md (tekst met opmaaktekens als # en **: Markdown), html (webpagina) of eml (e-mailconcept); standaard: wat de bestandsnaam bij -o zegt (.docx, .html, .eml), anders md',
      ).choices(['md', 'docx', 'html', 'eml']),
    outputOption,
    replaceOption,
    () => new Option('-s, --sjabloon <bestand>', `een eigen sjabloon voor de tekst van het rapport, in plaats van ${template}`),
    toOption,
    mapOption(),
    ownOption,
  ];
}

interface ReportFlags extends Record<string, unknown> {
  formaat?: ReportFormat;
  uitvoer?: string;
  vervang?: boolean;
  sjabloon?: string;
  aan?: string;
  map?: string;
  werkbladen?: string;
}

interface DossierFlags extends Record<string, unknown> {
  map?: string;
  werkbladen?: string;
}

/** The options of rapport and vergelijk, after refusing a file name that promises a format werkboek does not make. */
function reportRun(werkblad: string, opts: ReportFlags, { out, cwd }: RunContext) {
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
    replace: opts.vervang === true,
    template: opts.sjabloon,
    to: opts.aan,
    map: opts.map,
    ownFolder: opts.werkbladen,
    cwd,
    out,
  };
}

/** `-o dossier.html` means HTML, `-o concept.eml` an email draft; anything else Markdown. */
export function formatFromFileName(file: string | undefined): 'md' | 'html' | 'eml' {
  const ext = file?.toLowerCase().split('.').pop();
  return ext === 'html' || ext === 'htm' ? 'html' : ext === 'eml' ? 'eml' : 'md';
}

export const COMMANDS: readonly CommandSpec[] = [
  command<DossierFlags>({
    name: 'inleiding',
    english: 'intro',
    summary: 'waar gaat het werkboek over?',
    usage: '[opties]',
    description: 'de inleiding van het werkboek: waarom, positionering en profilering, de drie stappen; daarna je volgende stap',
    options: [mapOption(), ownOption],
    run: async (_args, opts, { out, cwd }) => {
      const { introduction } = await import('../commands/inleiding.js');
      await introduction({ out, map: opts.map, ownFolder: opts.werkbladen, cwd });
      return undefined;
    },
  }),
  command<DossierFlags & { opnieuw?: boolean; respondent?: string; eenvoudig?: boolean }>({
    name: 'start',
    alias: 'invullen',
    summary: 'een werkblad invullen of verdergaan',
    usage: '[opties] <werkblad>',
    description: 'een werkblad invullen, of verdergaan waar je was',
    arguments: [['<werkblad>', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (of 1, 2, 3), of een eigen werkblad (mijn-werkblad.yaml)']],
    options: [
      mapOption(),
      ownOption,
      () => new Option('--opnieuw', 'opnieuw beginnen (het oude bestand wordt als reservekopie bewaard)'),
      () =>
        new Option(
          '-r, --respondent <naam>',
          'als collega invullen, in een eigen bestand in dezelfde map (bijv. --respondent "Piet Bakker"); zie ook vergelijk',
        ),
      () =>
        new Option(
          '--eenvoudig',
          'de vragen regel voor regel, zonder kleuren en zonder een scherm dat steeds opnieuw getekend wordt: voor een schermlezer, of om antwoorden uit een bestand in te lezen',
        ),
    ],
    run: async ([werkblad], opts, { out, cwd }) => {
      const { start } = await import('../commands/start/index.js');
      await start({
        worksheet: werkblad as string,
        map: opts.map,
        ownFolder: opts.werkbladen,
        restart: opts.opnieuw === true,
        plain: opts.eenvoudig === true,
        respondent: opts.respondent,
        cwd,
        out,
      });
      return undefined;
    },
  }),
  command<DossierFlags>({
    name: 'status',
    summary: 'hoe ver ben je met elk werkblad?',
    usage: '[opties]',
    description: 'per werkblad: niet begonnen, concept of afgerond, en in welke map je antwoorden staan',
    options: [mapOption(''), ownOption],
    run: async (_args, opts, { out, cwd }) => {
      const { status } = await import('../commands/status.js');
      await status({ map: opts.map, ownFolder: opts.werkbladen, cwd, out });
      return undefined;
    },
  }),
  command<DossierFlags>({
    name: 'lijst',
    english: 'list',
    summary: 'de werkbladen en hoe ver je bent',
    usage: '[opties]',
    description: 'de werkbladen: id, titel, aantal vragen en hoe ver je bent',
    options: [mapOption(), ownOption],
    run: async (_args, opts, { out, cwd }) => {
      const { list } = await import('../commands/lijst.js');
      await list({ map: opts.map, ownFolder: opts.werkbladen, cwd, out });
      return undefined;
    },
  }),
  command<ReportFlags>({
    name: 'rapport',
    english: 'report',
    summary: 'rapport als Word-document, webpagina of e-mailconcept',
    usage: '<werkblad|alles> [opties]',
    description:
      'maak een rapport van een werkblad of van alles: een Word-document, tekst met opmaaktekens (Markdown), een webpagina (HTML) of een e-mailconcept',
    arguments: [['<werkblad>', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (of 1, 2, 3), of alles']],
    options: reportOptions('het standaardsjabloon'),
    run: async ([werkblad], opts, context) => {
      const { report } = await import('../commands/rapport.js');
      await report(reportRun(werkblad as string, opts, context));
      return undefined;
    },
  }),
  command<ReportFlags>({
    name: 'vergelijk',
    english: 'compare',
    summary: "antwoorden van collega's vergelijken",
    usage: '<werkblad> [opties]',
    description:
      "de antwoorden van collega's op een werkblad naast elkaar, met gesprekspunten en ontwikkelpunten: een Word-document, tekst met opmaaktekens (Markdown), een webpagina (HTML) of een e-mailconcept",
    arguments: [['<werkblad>', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (of 1, 2, 3)']],
    options: reportOptions('templates/vergelijk.md.liquid'),
    run: async ([werkblad], opts, context) => {
      const { compare } = await import('../commands/vergelijk.js');
      await compare(reportRun(werkblad as string, opts, context));
      return undefined;
    },
  }),
  command<{ respondent?: string; map?: string }>({
    name: 'importeer',
    english: 'import',
    summary: "bestanden van collega's toevoegen",
    usage: '<bestanden...> [opties]',
    description: "antwoordbestanden van collega's (gemaakt met hun eigen werkboek) in het dossier zetten, elk onder de naam van de collega",
    arguments: [['<bestanden...>', 'antwoordbestanden (.yaml), bijv. uit een e-mail']],
    options: [() => new Option('-r, --respondent <naam>', 'de naam van de collega, als die niet (goed) in het bestand staat'), mapOption()],
    run: async ([files], opts, { out, cwd }) => {
      const { importFiles } = await import('../commands/importeer.js');
      return importFiles({ files: files as string[], respondent: opts.respondent, map: opts.map, cwd, out });
    },
  }),
  command<DossierFlags & { ronde?: string; ja?: boolean }>({
    name: 'nieuwe-ronde',
    summary: 'de huidige ronde afsluiten',
    usage: '[opties]',
    description: 'sluit de huidige ronde af (de bestanden gaan ongewijzigd naar ronde-<jaar>/); bij de volgende start staan je antwoorden klaar',
    options: [
      mapOption(),
      () => new Option('--ronde <naam>', 'naam van de ronde die je afsluit (standaard: het jaar waarin ze begon)'),
      () => new Option('--ja', 'afsluiten zonder eerst te vragen of het goed is (nodig als werkboek niets kan vragen, bijvoorbeeld vanuit een script)'),
      ownOption,
    ],
    run: async (_args, opts, { out, cwd }) => {
      const { newRound } = await import('../commands/nieuwe-ronde.js');
      await newRound({ map: opts.map, name: opts.ronde, ownFolder: opts.werkbladen, yes: opts.ja, cwd, out });
      return undefined;
    },
  }),
  command<DossierFlags & { ronde?: string; formaat?: 'md' | 'html' | 'eml'; uitvoer?: string; vervang?: boolean; aan?: string }>({
    name: 'verschil',
    english: 'diff',
    summary: 'wat is veranderd sinds vorige ronde',
    usage: '[werkblad] [opties]',
    description: 'wat is er veranderd sinds de vorige ronde: tekst met opmaaktekens (Markdown), een webpagina (HTML) of een e-mailconcept',
    arguments: [['[werkblad]', 'gemeentelandschap, randvoorwaarden of plan-van-aanpak (standaard: alle)']],
    options: [
      () => new Option('--ronde <naam>', 'vergelijk deze afgesloten ronde met nu (bijv. 2026)'),
      () =>
        new Option(
          '-f, --formaat <formaat>',
          'md (tekst met opmaaktekens als # en **: Markdown), html (webpagina) of eml (e-mailconcept), geen Word-document; standaard: wat de bestandsnaam bij -o zegt (.html, .eml), anders md',
        ).choices(['md', 'html', 'eml']),
      outputOption,
      replaceOption,
      toOption,
      mapOption(),
      ownOption,
    ],
    run: async ([werkblad], opts, { out, cwd }) => {
      const { difference } = await import('../commands/verschil.js');
      await difference({
        worksheet: werkblad as string | undefined,
        map: opts.map,
        ownFolder: opts.werkbladen,
        round: opts.ronde,
        format: opts.formaat ?? formatFromFileName(opts.uitvoer),
        output: opts.uitvoer,
        replace: opts.vervang === true,
        to: opts.aan,
        cwd,
        out,
      });
      return undefined;
    },
  }),
  command<{ uitvoer?: string; vervang?: boolean; formaat?: 'tekst' | 'csv' | 'md' | 'html'; kernvragen?: string; werkbladen?: string; map?: string[] }>({
    name: 'overzicht',
    english: 'overview',
    summary: 'voor adviseurs: alle bibliotheken',
    usage: '[mappen...] [opties]',
    description:
      'voor adviseurs: per bibliotheek en werkblad hoe ver het is; op het scherm, als CSV voor Excel, als tekst met opmaaktekens (Markdown) of als webpagina (HTML)',
    arguments: [['[mappen...]', 'een map met één submap per bibliotheek, of de mappen van de bibliotheken zelf']],
    options: [
      () =>
        new Option('-m, --map <map>', 'hetzelfde als een map bij mappen; mag vaker (--map oost --map west)').argParser(
          (value: string, previous: string[] = []) => [...previous, value],
        ),
      () =>
        new Option(
          '-o, --uitvoer <bestand>',
          'schrijf naar dit bestand: overzicht.csv (Excel), overzicht.md of overzicht.html (een bestaand bestand alleen met --vervang)',
        ),
      replaceOption,
      () =>
        new Option('-f, --formaat <formaat>', 'tekst, csv, md of html (standaard: wat de bestandsnaam bij -o zegt, anders tekst)').choices([
          'tekst',
          'csv',
          'md',
          'html',
        ]),
      () => new Option('--kernvragen <ids>', 'andere kernvragen als kolommen, bijv. gemeentelandschap.thema-in-agenda,randvoorwaarden.uren-voldoende'),
      ownOption,
    ],
    run: async ([mappen], opts, { out, cwd }) => {
      const { overview } = await import('../commands/overzicht.js');
      await overview({
        folders: [...((mappen as string[] | undefined) ?? []), ...(opts.map ?? [])],
        output: opts.uitvoer,
        replace: opts.vervang === true,
        format: opts.formaat,
        keys: opts.kernvragen,
        ownFolder: opts.werkbladen,
        cwd,
        out,
      });
      return undefined;
    },
  }),
  command<{ schema?: boolean; map?: string }>({
    name: 'controleer',
    english: 'check',
    summary: 'werkbladen of antwoorden controleren',
    usage: '[bestanden...]',
    description: 'zoek fouten in een antwoordbestand of een eigen werkblad, met de regel waar het misgaat (zonder bestand: de meegeleverde werkbladen)',
    arguments: [
      ['[bestanden...]', 'antwoordbestanden of eigen werkbladen (.yaml); staat een bestand niet in deze map, dan wordt in de map van je dossier gekeken'],
    ],
    options: [() => new Option('--schema', 'schrijf werkblad.schema.json in deze map: daarmee helpt een editor je bij een eigen werkblad'), mapOption()],
    run: async ([files], opts, { out, cwd }) => {
      const { check } = await import('../commands/controleer.js');
      return check({ files: files as string[], schema: opts.schema, map: opts.map, cwd, out });
    },
  }),
];
