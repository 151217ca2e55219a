#!/usr/bin/env node
// One step of a report or a check, done by the library the issue "Fast" keeps
// for it (Liquid, marked, sanitize-html, nodemailer, yaml, zod), timed in a
// fresh process: the library and the step's input are loaded and prepared
// first (not timed), then only the library's call is timed, cold, as in a
// real run. Used by `npm run bench -- --vloer`: the sum of a row's steps plus
// a bare node start is a floor under that row, which no loading strategy can
// go below while the library does the work. Prints {"ms": …} on stdout.
// The bench runs it with `node --no-lazy`: all code is compiled while it
// loads, as the code cache gives it compiled, so compiling is not timed either.
//
//   node scripts/bench-floor.mjs <stap> <map met antwoorden> <rapport.md>
//   stap: liquid | marked | sanitize | nodemailer | yaml | zod
//
// The prompts (@inquirer/prompts) run in a pseudo-terminal: from the moment
// the library is loaded until its question is on the terminal (making
// Node's terminal streams included, as in a real start). These write
// {"ms": …} to the file named in WERKBOEK_VLOER_UIT and end.
//
//   node scripts/bench-floor.mjs input      the first question ("Naam:")
//   node scripts/bench-floor.mjs select     the question on resuming ("Wat wil je doen?")
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(pathToFileURL(path.join(root, 'dist', file)).href);
const [step, map, markdownFile] = process.argv.slice(2);
const markdown = () => readFileSync(markdownFile, 'utf8');

/** What each step prepares (not timed); it returns the call to time. */
const steps = {
  // The report's template, rendered with the dossier's context (as `rapport alles` does).
  async liquid() {
    const { allWorksheets } = await dist('definition/own.js');
    const { sheetState } = await dist('sheet-state.js');
    const { dossierReport } = await dist('report/model.js');
    const { loadTemplate, renderTemplate } = await dist('report/template.js');
    const worksheets = await allWorksheets([]);
    const states = await Promise.all(worksheets.map((ws) => sheetState(ws, map)));
    const doc = dossierReport(states, { now: new Date(), workbook: worksheets });
    const template = await loadTemplate(undefined, root);
    return () => renderTemplate(template, doc.context);
  },
  async marked() {
    const { markedHtml } = await dist('report/html.js');
    const md = markdown();
    return () => markedHtml(md);
  },
  async sanitize() {
    const { markedHtml, sanitizeReportHtml } = await dist('report/html.js');
    const html = markedHtml(markdown());
    return () => sanitizeReportHtml(html);
  },
  async nodemailer() {
    const { composeEml } = await dist('report/eml.js');
    const { htmlDocument } = await dist('report/html.js');
    const text = markdown();
    const html = htmlDocument(text, 'Dossier');
    return () => composeEml({ text, html, subject: 'Dossier digitale inclusie' });
  },
  // The shipped definitions, parsed with positions (as `controleer` does).
  async yaml() {
    const { parseLocated } = await dist('definition/positions.js');
    const sources = await definitionSources();
    return () => sources.map(({ file, text }) => parseLocated(file, text));
  },
  // The same, validated against the schema (zod, configured as check.ts does).
  async zod() {
    const { parseLocated } = await dist('definition/positions.js');
    await dist('definition/check.js');
    const { worksheetSchema } = await dist('definition/schema.js');
    const data = (await definitionSources()).map(({ file, text }) => parseLocated(file, text).located.doc.toJS());
    return () => data.map((d) => worksheetSchema.safeParse(d));
  },
};

/** A question of @inquirer/prompts, timed until its text is written to the terminal. */
async function prompt(ask, text) {
  const prompts = await import('@inquirer/prompts');
  return () =>
    new Promise(() => {
      const start = process.hrtime.bigint();
      const out = process.stdout;
      const write = out.write.bind(out);
      out.write = (chunk, ...rest) => {
        const written = write(chunk, ...rest);
        if (String(chunk).includes(text)) {
          writeFileSync(process.env.WERKBOEK_VLOER_UIT, JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6 }));
          process.exit(0);
        }
        return written;
      };
      ask(prompts);
    });
}
steps.input = () => prompt((p) => p.input({ message: 'Naam:' }), 'Naam:');
steps.select = () =>
  prompt(
    (p) =>
      p.select({
        message: 'Wat wil je doen?',
        choices: [
          { value: 'continue', name: 'Verdergaan bij Bibliotheek' },
          { value: 'review', name: 'Overzicht bekijken en antwoorden wijzigen' },
          { value: 'restart', name: 'Opnieuw beginnen (het huidige bestand wordt als reservekopie bewaard)' },
        ],
      }),
    'Wat wil je doen?',
  );

async function definitionSources() {
  // The library itself is loaded now, not in the timed call (it is loaded on first use).
  await import('yaml');
  const { shippedDefinitionFiles } = await dist('definition/load.js');
  return (await shippedDefinitionFiles()).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

if (!(step in steps)) {
  console.error(`Onbekende stap "${step}"; kies uit: ${Object.keys(steps).join(', ')}`);
  process.exit(2);
}
const call = await steps[step]();
const start = process.hrtime.bigint();
const result = await call();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// WERKBOEK_VLOER_TOON: what the step made (test/bench-floor.test.ts checks it is the program's work).
console.log(process.env.WERKBOEK_VLOER_TOON ? (typeof result === 'string' ? result : JSON.stringify(result)) : JSON.stringify({ ms }));
