// The home menu's choices (`werkboek` alone, commands/menu.ts), made from the
// dossier's state: a line per worksheet with how far it is, a report, status,
// the introduction, help and stop; which one Enter picks; and the reports the
// menu can make and where they go. Pure: no prompts, no files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Choice } from '../terminal/prompter.js';
import { nextStep, type SheetState } from '../sheet-state.js';
import type { ReportFormat } from '../report/deliver.js';
import { freeFileName } from '../report/write-output.js';

/** What a menu choice does: a worksheet (by id) or one of the other items. */
export type MenuAction = `werkblad:${string}` | 'rapport' | 'status' | 'inleiding' | 'hulp' | 'stoppen';

/** "niet begonnen", "concept, 7 van 12 beantwoord", "afgerond", "onleesbaar bestand". */
export function sheetStateLabel(state: SheetState): string {
  if (state.error) return 'onleesbaar bestand';
  if (state.status === 'concept') return `concept, ${state.walk.done} van ${state.walk.total} beantwoord`;
  return state.status;
}

/**
 * The main menu: the worksheets, then the rest. `earlier`: per worksheet not
 * begun in this round, the closed round whose answers it will offer (after
 * `nieuwe-ronde`).
 */
export function menuChoices(sheets: SheetState[], earlier: ReadonlyMap<string, string> = new Map()): Choice<MenuAction>[] {
  return [
    ...sheets.map((s) => {
      const round = s.status === 'niet begonnen' && !s.error ? earlier.get(s.worksheet.id) : undefined;
      return {
        value: `werkblad:${s.worksheet.id}` as const,
        name: `Werkblad ${s.worksheet.number}: ${s.worksheet.title} (${sheetStateLabel(s)}${round ? `; je antwoorden van ronde ${round} staan klaar` : ''})`,
        description: sheetDescription(s, round),
      };
    }),
    { value: 'rapport', name: 'Rapport maken', description: 'een rapport van een werkblad of van alles, in de map van je dossier' },
    { value: 'status', name: 'Hoe ver ben ik?', description: 'per werkblad: hoe ver, laatst bijgewerkt, het bestand' },
    { value: 'inleiding', name: 'De inleiding', description: 'waar gaat het werkboek over?' },
    { value: 'hulp', name: 'Hulp', description: 'hoe dit menu werkt, en waar de handleiding staat' },
    { value: 'stoppen', name: 'Stoppen' },
  ];
}

/** What choosing a worksheet in the menu does. */
function sheetDescription(s: SheetState, round: string | undefined): string {
  const n = s.worksheet.number;
  if (s.error) return 'het bestand kan niet gelezen worden: kies dit om te zien wat er mis is en hoe je het herstelt';
  if (round) return `werkblad ${n} invullen, met je antwoorden van ronde ${round} als voorstel`;
  if (s.status === 'niet begonnen') return `werkblad ${n} invullen, vanaf de eerste vraag`;
  if (s.status === 'afgerond') return `je antwoorden bij werkblad ${n} bekijken en wijzigen`;
  return `verdergaan met werkblad ${n} waar je was`;
}

/**
 * A worksheet whose answers file cannot be read, chosen in the menu: what is
 * wrong (with file:line:column) and how to repair it, in menu terms.
 */
export function brokenSheetText(state: SheetState): string[] {
  const n = state.worksheet.number;
  return [
    `Het antwoordbestand van werkblad ${n} (${state.worksheet.title}) kan niet gelezen worden:`,
    ...(state.error?.message.split('\n') ?? []).map((line) => `  ${line}`),
    `Je antwoorden staan er nog in; werkboek verandert het bestand niet zolang het niet te lezen is.`,
    `Zo herstel je het: open ${state.file} in een teksteditor (bijvoorbeeld Kladblok), verbeter de genoemde regel (het eerste getal na de bestandsnaam is het regelnummer, het tweede de plek in de regel), bewaar het en kies daarna opnieuw "Werkblad ${n}" in het menu.`,
  ];
}

/** Before the report choices: the worksheets whose file cannot be read, and where to see why. */
export function unreadableForReport(broken: SheetState[]): string[] {
  return broken.map(
    (s) =>
      `Het antwoordbestand van werkblad ${s.worksheet.number} kan niet gelezen worden, dus dat werkblad kan niet in een rapport. Kies "Werkblad ${s.worksheet.number}" in het menu: daar zie je wat er mis is en hoe je het herstelt.`,
  );
}

/** What Enter picks: the next step (sheet-state.ts): a worksheet not finished, else a report. */
export function defaultAction(sheets: SheetState[]): MenuAction {
  const next = nextStep(sheets);
  return next.kind === 'sheet' ? `werkblad:${next.state.worksheet.id}` : 'rapport';
}

/**
 * The menu's "Hulp": how the menu works, in a few lines, and where the
 * handleiding is (`manual`: its path on this computer, if it has one); the
 * command line's own help (`help`: the command that shows it) is for those
 * who would rather type.
 */
export function menuHelp({ plain, manual, help }: { plain: boolean; manual: string | undefined; help: string }): string[] {
  return [
    'Zo werkt dit menu:',
    plain
      ? '- Typ het nummer van wat je wilt doen en druk op Enter. Een lege regel kiest wat er na "Enter kiest" staat: je volgende stap.'
      : '- Kies met de pijltjes en Enter. Het pijltje staat al op je volgende stap.',
    '- Werkblad 1, 2 of 3: invullen, of verdergaan waar je was. Elk antwoord wordt meteen bewaard.',
    `- Onder elke vraag staat welke toetsen je kunt gebruiken. ${plain ? 'Met :stop' : 'Met Ctrl+C'} ga je vanuit een werkblad terug naar dit menu; Ctrl+C hier stopt werkboek.`,
    '- Rapport maken: een rapport van één werkblad of van alles, als Word-document, webpagina, e-mailconcept of tekst. Het komt in de map van je dossier (die staat boven het menu).',
    '- Hoe ver ben ik?: per werkblad hoe ver je bent en waar het bestand staat.',
    '',
    manual
      ? `Alles over invullen, samen met collega's, rapporten en rondes staat in de handleiding: ${manual}`
      : "Alles over invullen, samen met collega's, rapporten en rondes staat in de handleiding van werkboek; vraag die aan wie je dit programma gaf.",
    `Werk je liever met opdrachten? Die staan in: ${help}`,
  ];
}

/** The formats the menu offers, Word first; `open`: how to open the file; `openIn`: where "Openen" opens it. */
export const REPORT_FORMATS: { format: ReportFormat; name: string; open: string; openIn: string }[] = [
  {
    format: 'docx',
    name: 'Word-document (.docx): om te delen en van commentaar te voorzien',
    open: 'Dubbelklik erop om het in Word (of een ander tekstverwerkingsprogramma) te openen.',
    openIn: 'in Word (of een ander tekstverwerkingsprogramma)',
  },
  {
    format: 'html',
    name: 'Webpagina (.html): om te lezen in je browser, of te kopiëren naar een e-mail',
    open: 'Dubbelklik erop om het in je browser te openen; van daaruit kopieer je het naar een e-mail.',
    openIn: 'in je browser',
  },
  {
    format: 'eml',
    name: 'E-mailconcept (.eml): opent als nieuw bericht in je e-mailprogramma',
    open: 'Dubbelklik erop: het opent als concept in je e-mailprogramma; vul de ontvanger in en verstuur het.',
    openIn: 'als nieuw bericht in je e-mailprogramma',
  },
  {
    format: 'md',
    name: 'Tekst met opmaaktekens (.md): # voor een kop, ** voor vet (Markdown); om te kopiëren of te bewerken',
    open: 'Het opent in elke teksteditor (bijvoorbeeld Kladblok); de # en ** zijn de opmaaktekens.',
    openIn: 'in het programma dat bij .md-bestanden hoort (heeft je computer er geen, kies dan Kladblok)',
  },
];

/** Which reports can be made: everything, and each worksheet that has answers. */
export function reportChoices(sheets: SheetState[]): Choice<string>[] {
  const begun = sheets.filter((s) => s.answers);
  if (!begun.length) return [];
  return [
    { value: 'alles', name: 'Alles in één rapport' },
    ...begun.map((s) => ({ value: s.worksheet.id, name: `Werkblad ${s.worksheet.number}: ${s.worksheet.title}` })),
  ];
}

/**
 * The report's file in the dossier folder: rapport-<werkblad|alles>-<date>.<ext>,
 * with -2, -3 … when that name is taken: an earlier report (perhaps edited,
 * perhaps sent) is never replaced.
 */
export function reportFile(dir: string, worksheet: string, format: ReportFormat, now: Date, exists: (file: string) => boolean = existsSync): string {
  const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return freeFileName(path.join(dir, `rapport-${worksheet}-${date}.${format}`), exists);
}
