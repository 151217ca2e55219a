// `werkboek` alone, in a terminal: the home menu for the dossier in use. It
// names the folder, lists each worksheet with how far it is (Enter begins or
// continues the first one not finished), and offers a report, "Hoe ver ben
// ik?", the introduction, help and stop. Each item is the command of that
// name (start, rapport, status, inleiding), called as a function; after it the
// menu comes back. A worksheet stopped with Ctrl+C (saved as always) comes back
// to the menu too; Ctrl+C in the menu leaves. A window closed or a stop signal
// during a worksheet ends the program the way `start` does (by the signal).
// In the plain mode the same menu is a numbered list (terminal/plain.ts).
// The choices themselves are menu-items.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { allWorksheets, ownWorksheets } from '../definition/own.js';
import { listRounds } from '../dossier/rounds.js';
import { dossierState, sheetState, type SheetState } from '../sheet-state.js';
import { InterruptedError, unlessStopped, WerkboekError } from '../support/errors.js';
import type { Output } from '../support/output.js';
import type { Prompter, Reply } from '../terminal/prompter.js';
import type { ReportFormat } from '../report/deliver.js';
import { screenMode } from '../support/screen.js';
import { folderProgram, hasDesktop, openOnDesktop, realDesktop, type Desktop, type OpenWhat } from '../support/open-file.js';
import { start } from './start/index.js';
import { status } from './status.js';
import { report } from './rapport.js';
import { introduction } from './inleiding.js';
import {
  brokenSheetText,
  defaultAction,
  menuChoices,
  menuHelp,
  REPORT_FORMATS,
  reportChoices,
  reportFile,
  unreadableForReport,
  type MenuAction,
} from './menu-items.js';
import { manualFile } from '../support/program-files.js';
import { suggest } from '../support/invocation.js';

export interface MenuOptions {
  /** `--map`: the dossier folder (else WERKBOEK_MAP, else the per-user folder). */
  map?: string | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  /** `--eenvoudig`: the menu as a numbered list (also WERKBOEK_EENVOUDIG=1, TERM=dumb). */
  plain?: boolean;
  cwd: string;
  out: Output;
  /** Tests: one scripted prompter for the menu and the worksheets; by default the terminal's. */
  prompter?: Prompter;
  env?: NodeJS.ProcessEnv;
  /** The moment reports are made (tests); default: now. */
  now?: () => Date;
  /** Where a report is opened (tests: the platform and a spawn of their own); default: this computer's. */
  desktop?: Desktop;
}

/** The message of the menu's question (apart from start's "Wat wil je doen?"). */
export const MENU_MESSAGE = 'Wat wil je doen in dit dossier?';

/** What the menu's parts share: the options, the own worksheets and the menu's prompts. */
interface Menu {
  options: MenuOptions;
  env: NodeJS.ProcessEnv;
  own: ReturnType<typeof ownWorksheets>;
  asker: Asker;
  /** The plain mode (a numbered list): a report's full path is said, not offered to open. */
  plain: boolean;
  desktop: Desktop;
}

/** `werkboek` alone: the home menu, until "Stoppen" (exit 0) or Ctrl+C in the menu (exit 130). */
export async function menu(options: MenuOptions): Promise<void> {
  const { out, cwd } = options;
  const env = options.env ?? process.env;
  const mode = screenMode({ plain: options.plain }, env);
  const own = ownWorksheets(options.ownFolder, cwd, env);
  const m: Menu = { options, env, own, asker: menuPrompter(options, mode.plain), plain: mode.plain, desktop: options.desktop ?? realDesktop() };
  let first = true;
  /** After a worksheet stopped with Ctrl+C: the menu says it is back, how to leave, and has its cursor on that worksheet. */
  let back: Back | undefined;
  for (;;) {
    const { dossier, sheets, folderExists } = await dossierState(options.map, cwd, allWorksheets(own));
    const earlier = await earlierRounds(dossier.dir, sheets);
    if (first) {
      out.line("Werkboek 'Profileren van Digitale inclusie bij gemeente(s)' (Probiblio)");
      if (mode.dumb) out.line('Deze terminal (TERM=dumb) kan geen schermen tekenen: het menu is een genummerde lijst.');
    }
    out.line();
    if (back) {
      out.line(back.message);
      out.line();
    }
    out.line(`Dossier: ${dossier.dir}${folderExists ? '' : ' (nog leeg: hier komen je antwoorden)'}`);
    first = false;
    const cursor = back?.sheet ?? defaultAction(sheets);
    back = undefined;
    const reply = await m.asker
      .ask((p) => p.select<MenuAction>({ message: MENU_MESSAGE, choices: menuChoices(sheets, earlier), default: cursor, allowBack: false }))
      .catch((err: unknown) => {
        if (!(err instanceof InterruptedError)) throw err;
        // Ctrl+C in the menu: leave (nothing is open, everything is saved).
        goodbye(out, dossier.dir);
        throw err;
      });
    if (reply.kind !== 'answer') continue;
    if (reply.value === 'stoppen') {
      goodbye(out, dossier.dir);
      return;
    }
    try {
      back = await perform(m, reply.value, sheets, dossier.dir);
    } catch (err) {
      // A file another window has open, an unreadable file, a report that cannot be written: say so, and back to the menu.
      if (!(err instanceof WerkboekError) || err instanceof InterruptedError) throw err;
      await out.error(err.message, err.hint);
    }
  }
}

/** What the menu says when it is back after a worksheet stopped with Ctrl+C, and that worksheet's item (the cursor). */
interface Back {
  message: string;
  sheet: MenuAction;
}

/** One item of the menu; what the menu says when it is back (after a worksheet stopped with Ctrl+C). */
async function perform(m: Menu, action: Exclude<MenuAction, 'stoppen'>, sheets: SheetState[], dir: string): Promise<Back | undefined> {
  const { out, cwd } = m.options;
  if (action.startsWith('werkblad:')) {
    const id = action.slice('werkblad:'.length);
    const listed = sheets.find((s) => s.worksheet.id === id);
    // Read again: the file may have been repaired (or broken) in an editor while the menu was open.
    const state = listed && (await sheetState(listed.worksheet, dir));
    if (state?.error) return brokenSheet(m, state);
    return runSheet(m, id);
  } else if (action === 'rapport') {
    await makeReport(m, sheets, dir);
  } else if (action === 'status') {
    await status({ map: m.options.map, ownFolder: m.own.folder, cwd, out });
  } else if (action === 'inleiding') {
    await introduction({ out, map: m.options.map, ownFolder: m.own.folder, cwd, inMenu: true });
  } else if (action === 'hulp') {
    for (const line of menuHelp({ plain: m.plain, manual: manualFile(), help: suggest(['--help']) })) m.options.out.line(line);
  }
  return undefined;
}

/** A worksheet through `start`; what the menu says when it is back (after Ctrl+C: how to leave). */
async function runSheet({ options, own, env }: Menu, id: string, restart = false): Promise<Back | undefined> {
  try {
    await start({
      worksheet: id,
      map: options.map,
      ownFolder: own.folder,
      restart,
      inMenu: true,
      cwd: options.cwd,
      out: options.out,
      ...(options.plain !== undefined && { plain: options.plain }),
      env,
      ...(options.prompter && { prompter: options.prompter, interactive: true }),
    });
    return undefined;
  } catch (err) {
    // A stop signal (window closed, logout): start has saved and ends the process by it; never show the menu then.
    // Nor after the end of the input (Ctrl+D in the plain mode): nothing more can be read.
    if (!(err instanceof InterruptedError) || err.signal || inputEnded(options)) throw err;
    const number = (await allWorksheets(own)).find((ws) => ws.id === id)?.number;
    return {
      message: `Terug in het menu${number === undefined ? '' : `: kies "Werkblad ${number}" om verder te gaan`}. Nog een keer Ctrl+C stopt werkboek.`,
      sheet: `werkblad:${id}`,
    };
  }
}

/**
 * A worksheet whose file cannot be read: what is wrong and where (file:line:column),
 * how to repair it, and, in menu terms, what to choose: back to the menu
 * (repair it first), the folder shown, or a fresh start (the old file kept as a backup).
 */
async function brokenSheet(m: Menu, state: SheetState): Promise<Back | undefined> {
  for (const line of brokenSheetText(state)) m.options.out.line(line);
  const canShow = !m.plain && hasDesktop(m.desktop);
  const what = await submenu(m, (p) =>
    p.select<'terug' | 'map' | 'opnieuw'>({
      message: 'Wat wil je doen?',
      choices: [
        { value: 'terug', name: 'Terug naar het menu', description: `herstel het bestand en kies daarna opnieuw "Werkblad ${state.worksheet.number}"` },
        ...(canShow
          ? [
              {
                value: 'map' as const,
                name: 'De map tonen',
                description: `in ${folderProgram(m.desktop.platform)}, om het bestand te openen in een teksteditor`,
              },
            ]
          : []),
        {
          value: 'opnieuw',
          name: `Werkblad ${state.worksheet.number} opnieuw beginnen, met lege antwoorden`,
          description: 'het onleesbare bestand blijft bewaard als reservekopie in dezelfde map',
        },
      ],
      default: 'terug',
    }),
  );
  if (what === 'opnieuw') {
    // Repaired meanwhile (the editor still open beside the menu): go on with its answers rather than start over.
    const now = await sheetState(state.worksheet, path.dirname(state.file));
    if (!now.error && now.answers) m.options.out.line(`Het antwoordbestand is intussen hersteld: je gaat verder met je antwoorden.`);
    return runSheet(m, state.worksheet.id, Boolean(now.error) || !now.answers);
  }
  if (what === 'map') {
    const result = await openOnDesktop(state.file, 'folder', m.desktop);
    m.options.out.line(result.opened ? `De map wordt getoond in ${folderProgram(m.desktop.platform)}.` : `De map tonen lukte niet (${result.reason}).`);
  }
  return undefined;
}

/** Which report and which format, written into the dossier folder. */
async function makeReport(m: Menu, sheets: SheetState[], dir: string): Promise<void> {
  const { options } = m;
  const { out } = options;
  const broken = sheets.filter((s) => s.error);
  for (const line of unreadableForReport(broken)) m.options.out.line(line);
  // "Alles in één rapport" needs every file; a worksheet that cannot be read leaves only the others.
  const which = reportChoices(sheets).filter((c) => !broken.length || c.value !== 'alles');
  if (!which.length) {
    if (!broken.length) m.options.out.line('Er is nog geen werkblad begonnen, dus er is nog niets voor een rapport. Kies eerst "Werkblad 1" in het menu.');
    return;
  }
  const sheet = await submenu(m, (p) => p.select<string>({ message: 'Van welk werkblad?', choices: which, default: 'alles' }));
  if (sheet === undefined) return;
  const format = await submenu(m, (p) =>
    p.select<ReportFormat>({
      message: 'Welk formaat?',
      choices: REPORT_FORMATS.map((f) => ({ value: f.format, name: f.name })),
      default: REPORT_FORMATS[0]?.format ?? 'html',
    }),
  );
  if (format === undefined) return;
  const file = reportFile(dir, sheet, format, options.now?.() ?? new Date());
  // Where it is, said in full: the dossier folder may be one the user does not see (AppData on Windows).
  await report({
    worksheet: sheet,
    format,
    output: file,
    map: dir,
    ownFolder: m.own.folder,
    cwd: dir,
    out,
    fullPath: true,
    ...(options.now && { now: options.now() }),
  });
  await offerToOpen(m, file, format);
}

/**
 * The dossier folder is hard to find (on Windows under AppData, hidden in
 * Verkenner): offer to open the report or show its folder. In the plain
 * mode, or without a desktop to open it on, how to open it (its full path is said before).
 */
async function offerToOpen(m: Menu, file: string, format: ReportFormat): Promise<void> {
  const { out } = m.options;
  const kind = REPORT_FORMATS.find((f) => f.format === format);
  if (m.plain || !hasDesktop(m.desktop)) {
    if (kind) out.line(kind.open);
    return;
  }
  const what = await submenu(m, (p) =>
    p.select<OpenWhat | 'niets'>({
      message: 'Wat wil je met het rapport doen?',
      choices: [
        { value: 'file', name: 'Openen', description: kind?.openIn ?? 'in het programma dat erbij hoort' },
        { value: 'folder', name: 'De map tonen', description: `in ${folderProgram(m.desktop.platform)}, met het rapport erin` },
        { value: 'niets', name: 'Terug naar het menu' },
      ],
      default: 'file',
    }),
  );
  if (what === undefined || what === 'niets') return;
  const result = await openOnDesktop(file, what, m.desktop);
  if (result.opened)
    out.line(what === 'file' ? 'Het rapport wordt geopend; dat kan even duren.' : `De map wordt getoond in ${folderProgram(m.desktop.platform)}.`);
  else out.line(`${what === 'file' ? 'Openen' : 'De map tonen'} lukte niet (${result.reason}). Het rapport staat in ${file}`);
}

/** A question below the menu: Ctrl+T (:terug) or Ctrl+C goes back to the menu (undefined). */
async function submenu<T>(m: Menu, ask: (p: Prompter) => Promise<Reply<T>>): Promise<T | undefined> {
  try {
    const reply = await m.asker.ask(ask);
    return reply.kind === 'answer' ? reply.value : undefined;
  } catch (err) {
    if (err instanceof InterruptedError && !err.signal) return undefined;
    throw err;
  }
}

/** The terminal's input has ended (Ctrl+D in the plain mode): a new prompt would wait for ever. */
function inputEnded(options: MenuOptions): boolean {
  return !options.prompter && process.stdin.readableEnded;
}

function goodbye(out: Output, dir: string): void {
  // The terminal may be gone (a closed window): nothing to tell then.
  try {
    out.line(`Tot de volgende keer. Je antwoorden staan in ${dir}`);
  } catch {
    // nobody to tell
  }
}

/**
 * The menu's own prompts: the tests' prompter; in the plain mode a plain
 * prompter for each question (closed again, so that a worksheet's prompter
 * is the only reader of the input; Ctrl+C, a SIGINT there, stops the
 * question); else one terminal prompter.
 */
interface Asker {
  ask<T>(ask: (p: Prompter) => Promise<Reply<T>>): Promise<Reply<T>>;
}

function menuPrompter(options: MenuOptions, plain: boolean): Asker {
  let terminal: Promise<Prompter> | undefined;
  return {
    // A stop (Ctrl+C, a signal) ends the question with an InterruptedError, as everywhere in the menu.
    ask: async (ask) => unlessStopped(await askOn(ask)),
  };

  async function askOn<T>(ask: (p: Prompter) => Promise<Reply<T>>): Promise<Reply<T>> {
    if (options.prompter) return ask(options.prompter);
    if (!plain) {
      terminal ??= import('../terminal/inquirer.js').then((m) => m.terminalPrompter({ color: options.out.color }));
      return ask(await terminal);
    }
    if (inputEnded(options)) throw new InterruptedError();
    const { plainPrompter } = await import('../terminal/plain.js');
    const p = plainPrompter();
    const interrupt = () => p.interrupt();
    process.on('SIGINT', interrupt);
    try {
      return await ask(p);
    } finally {
      process.removeListener('SIGINT', interrupt);
      p.close();
    }
  }
}

/**
 * Per worksheet not begun in this round: the most recent closed round
 * (`nieuwe-ronde`) that has its answers file, whose answers `start` offers.
 */
async function earlierRounds(dir: string, sheets: SheetState[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const waiting = sheets.filter((s) => s.status === 'niet begonnen' && !s.error);
  if (!waiting.length) return found;
  for (const round of (await listRounds(dir)).reverse()) {
    for (const s of waiting) {
      if (!found.has(s.worksheet.id) && existsSync(path.join(round.dir, `${s.worksheet.id}.yaml`))) found.set(s.worksheet.id, round.name);
    }
  }
  return found;
}
