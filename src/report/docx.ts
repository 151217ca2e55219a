// Word output (--formaat docx, -o rapport.docx) of `rapport` and `vergelijk`:
// the same report as the default Markdown templates, built from the report
// model (model.ts, compare.ts) alone, never from Markdown. Word's heading
// styles give the navigation pane the outline (Werkblad › Stap), at most
// four levels; answers are paragraphs, lists stay lists, the partner and
// function overviews are tables. Imported only for docx (deliver.ts), so
// the `docx` package is loaded only then.
import type { TextRun } from 'docx';
import { labelPrefix } from './label.js';
import type { CompareContext, CompareDocument, CompareQuestion } from './compare.js';
import type { Closing, DevelopmentList, ReportAnswer, ReportContext, ReportDocument, ReportQuestion, SheetReport } from './model.js';
import { EMPTY_TABLE_TEXT } from './model.js';
import { bullet, heading, ListCounter, paragraph, rule, run, runs, table, textBlocks, wordDocument, type Block } from './docx-blocks.js';

type Level = 1 | 2 | 3 | 4;

/** The report of `rapport` as a .docx file. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const ctx = doc.context;
  const lists = new ListCounter();
  const body: Block[] = [heading(ctx.title, 1)];
  if (ctx.source) body.push(paragraph([run(ctx.source, { italics: true })]));
  body.push(...summaryBlocks(ctx, lists));
  // The dossier: each worksheet under a heading of its own; one worksheet: the title is its heading.
  const top: Level = ctx.kind === 'dossier' ? 2 : 1;
  for (const sheet of ctx.sheets) body.push(...sheetBlocks(sheet, ctx, top, lists));
  body.push(...closingBlocks(ctx.closing, ctx.kind === 'dossier' ? ctx.purpose : null, lists));
  body.push(...footer(ctx.program, ctx.generated));
  return wordDocument({ title: doc.plainTitle, subject: doc.subject, body });
}

function summaryBlocks(ctx: ReportContext, lists: ListCounter): Block[] {
  const s = ctx.summary;
  const out: Block[] = [heading('Samenvatting', 2)];
  if (ctx.kind === 'dossier') {
    if (s.library) out.push(paragraph([run('Bibliotheek: ', { bold: true }), run(s.library)]));
    for (const sheet of s.sheets) {
      out.push(bullet([run(sheet.heading, { bold: true }), run(`: ${sheet.statusLine}.${sheet.byLine ? ` ${sheet.byLine}.` : ''}`)]));
    }
    for (const sheet of s.notStarted) out.push(bullet([run(sheet.heading, { bold: true }), run(': nog niet begonnen.')]));
  } else {
    for (const sheet of ctx.sheets) out.push(...metaBlocks(sheet));
  }
  if (s.keyMessage) {
    out.push(paragraph([run('Kernboodschap', { bold: true }), run(ctx.kind === 'dossier' ? ' (uit werkblad 3):' : ':')], { keepNext: true }));
    out.push(...textBlocks(s.keyMessage, lists));
  }
  const first = s.sheets[0];
  if (ctx.kind === 'werkblad' && first) {
    out.push(paragraph([run('Ontwikkelpunten: ', { bold: true }), run(first.pointsLine)]));
  } else {
    out.push(paragraph([run('Ontwikkelpunten:', { bold: true })], { keepNext: true }));
    for (const sheet of s.sheets) out.push(bullet([run(`${sheet.short}: ${sheet.pointsLine}`)]));
  }
  if (s.points.length) {
    const more = s.morePoints === 1 ? ' (verderop staat er nog 1)' : s.morePoints > 1 ? ` (verderop staan er nog ${s.morePoints})` : '';
    out.push(paragraph([run(`De belangrijkste punten${more}:`, { bold: true })], { keepNext: true }));
    for (const p of s.points) {
      out.push(bullet([run(`${p.where ? `${p.where}: ` : ''}${p.label} `), run(`(${p.stateText})`, { italics: true })]));
    }
  }
  return out;
}

/** Naam, Bibliotheek (not the Datum: it is in the date line), the date line, the state. */
function metaBlocks(sheet: SheetReport): Block[] {
  const out: Block[] = [];
  if (sheet.concept) out.push(paragraph([run(`${sheet.statusLine}.`, { bold: true }), run(' Dit werkblad is nog niet afgerond.')]));
  for (const field of sheet.meta.fields) {
    if (field.id === 'datum') continue;
    out.push(bullet([run(labelPrefix(field.label), { bold: true }), field.value !== null ? run(field.value) : run(field.stateText ?? '', { italics: true })]));
  }
  if (sheet.meta.dateLine) out.push(bullet([run(sheet.meta.dateLine)]));
  if (!sheet.concept) out.push(bullet([run('Status: ', { bold: true }), run(sheet.statusLine)]));
  return out;
}

function sheetBlocks(sheet: SheetReport, ctx: ReportContext, top: Level, lists: ListCounter): Block[] {
  const out: Block[] = [];
  if (ctx.kind === 'dossier') out.push(heading(sheet.heading, 2), ...metaBlocks(sheet));
  const level = (top + 1) as Level;
  for (const section of sheet.sections) {
    out.push(heading(sheet.singleStep ? 'Antwoorden' : section.heading, level));
    for (const q of section.questions) out.push(...questionBlocks(q, lists));
  }
  out.push(heading('Ontwikkelpunten', level), ...textBlocks(sheet.developmentPoints.intro, lists));
  if (sheet.developmentPoints.count === 0 && sheet.developmentPoints.attention.count === 0) {
    out.push(paragraph([run('Er zijn geen ontwikkelpunten: alle vragen zijn beantwoord.')]));
  }
  for (const list of sheet.developmentPoints.lists) out.push(...pointList(list, sheet.singleStep, (level + 1) as Level));
  return out;
}

/** The question in bold, its help in italics, the answer, the toelichting. */
function questionBlocks(q: Pick<ReportQuestion, 'number' | 'label' | 'help'>, lists: ListCounter, answer?: Block[]): Block[] {
  const out: Block[] = [paragraph([run(`${q.number ? `${q.number} ` : ''}${q.label}`, { bold: true })], { keepNext: true })];
  if (q.help) out.push(paragraph([run(q.help, { italics: true })], { keepNext: true }));
  out.push(...(answer ?? answerBlocks(q as ReportQuestion, lists)));
  return out;
}

/** An answer (or its state), and its toelichting. */
function answerBlocks(q: Pick<ReportQuestion, 'state' | 'answer' | 'stateText' | 'note'>, lists: ListCounter): Block[] {
  const out: Block[] = [];
  if (q.answer) out.push(...answerValueBlocks(q.answer, lists));
  else {
    const point = q.state === 'unknown' || q.state === 'empty';
    out.push(paragraph([run(q.stateText ?? '', { italics: true }), ...(point ? [run(' (ontwikkelpunt)')] : [])]));
  }
  if (q.note) out.push(paragraph([run('Toelichting: ', { italics: true }), ...runs(q.note)]));
  return out;
}

function answerValueBlocks(answer: ReportAnswer, lists: ListCounter): Block[] {
  switch (answer.kind) {
    case 'text':
      return textBlocks(answer.text, lists);
    case 'value':
      return [paragraph([run(answer.text)])];
    case 'list':
      return answer.items.map((item) => bullet([run(item)]));
    case 'table':
      return answer.rows.length ? [table(answer.columns, answer.rows), paragraph([])] : [paragraph([run(EMPTY_TABLE_TEXT, { italics: true })])];
  }
}

/** "Aandachtspunten", "Nog uit te zoeken" or "Nog niet beantwoord", per step in bold. */
function pointList(list: DevelopmentList, singleStep: boolean, level: Level): Block[] {
  if (list.count === 0) return [];
  const out: Block[] = [heading(list.title, level)];
  if (list.intro) out.push(paragraph([run(list.intro)]));
  for (const group of list.groups) {
    if (!singleStep) out.push(paragraph([run(group.heading, { bold: true })], { keepNext: true }));
    for (const p of group.items) {
      const children: TextRun[] = [run(`${p.context ? `${p.context} ` : ''}${p.number ? `${p.number} ` : ''}${p.label}`)];
      if (p.state !== 'open') children.push(run(` (${p.stateText}${p.note ? `; toelichting: ${p.note}` : ''})`, { italics: true }));
      out.push(bullet(children));
    }
  }
  return out;
}

/** Probiblio's closing ("Over het werkboek (Probiblio)", with the workbook's purpose in the dossier), or an own one. */
function closingBlocks(closing: Closing | null, purpose: string | null, lists: ListCounter): Block[] {
  if (!closing) return [];
  const out: Block[] = [heading(closing.heading, 2)];
  if (purpose && closing.workbook) out.push(...textBlocks(purpose, lists));
  if (closing.title) out.push(paragraph([run(closing.title, { bold: true })], { keepNext: true }));
  out.push(...textBlocks(closing.text, lists));
  return out;
}

function footer(program: string, generated: string): Block[] {
  return [rule(), paragraph([run(`Gemaakt op ${generated} (${program}).`, { italics: true })])];
}

// --- vergelijk -------------------------------------------------------------------

/** The comparison of `vergelijk` as a .docx file. */
export async function compareDocx(doc: CompareDocument): Promise<Buffer> {
  const ctx = doc.context;
  const lists = new ListCounter();
  const body: Block[] = [heading(ctx.title, 1)];
  if (ctx.source) body.push(paragraph([run(ctx.source, { italics: true })]));
  body.push(paragraph([run('Ingevuld door:', { bold: true })], { keepNext: true }));
  for (const r of ctx.respondents) {
    body.push(bullet([run(r.name, { bold: true }), run(`: ${r.summaryLine}${r.updated ? ` (laatst bijgewerkt ${r.updated})` : ''}`)]));
  }
  body.push(...discussionBlocks(ctx), ...compareAttentionBlocks(ctx));
  for (const section of ctx.sections) {
    body.push(heading(ctx.singleStep ? 'Antwoorden' : section.heading, 2));
    for (const q of section.questions) body.push(...questionBlocks(q, lists, compareAnswerBlocks(q, lists)));
  }
  body.push(heading('Ontwikkelpunten', 2), ...textBlocks(ctx.development.intro, lists));
  if (ctx.development.count === 0) body.push(paragraph([run('Er zijn geen ontwikkelpunten: iedereen heeft alle vragen beantwoord.')]));
  for (const group of ctx.development.groups) {
    if (!ctx.singleStep) body.push(heading(group.heading, 3));
    for (const p of group.items) {
      body.push(bullet([run(`${p.context ? `${p.context} ` : ''}${p.number ? `${p.number} ` : ''}${p.label} `), run(`(${p.whoText})`, { italics: true })]));
    }
  }
  body.push(...closingBlocks(ctx.closing, null, lists), ...footer(ctx.program, ctx.generated));
  return wordDocument({ title: doc.plainTitle, subject: doc.subject, body });
}

function discussionBlocks(ctx: CompareContext): Block[] {
  const out: Block[] = [heading('Gesprekspunten', 2)];
  if (ctx.discussion.count === 0) {
    out.push(
      paragraph([
        run(
          "Bij de ja/nee-vragen, keuzes en overzichten gaven alle collega's dezelfde antwoorden. Lees de open antwoorden hieronder wel naast elkaar: die worden niet vergeleken.",
        ),
      ]),
    );
    return out;
  }
  out.push(
    paragraph([
      run(
        'Hier verschillen de antwoorden: een goed begin van het gesprek over de dienstverlening. Open antwoorden worden niet vergeleken; lees ze hieronder naast elkaar.',
      ),
    ]),
  );
  for (const group of ctx.discussion.groups) {
    if (!ctx.singleStep) out.push(heading(group.heading, 3));
    for (const p of group.items) out.push(bullet([run(`${p.number ? `${p.number} ` : ''}${p.label} — ${p.text}`)]));
  }
  return out;
}

/** The aandachtspunten of everyone, with who has them ("iedereen: Nee"); nothing when there are none. */
function compareAttentionBlocks(ctx: CompareContext): Block[] {
  const { attention } = ctx;
  if (attention.count === 0) return [];
  const shared = attention.shared
    ? ' Waar "iedereen" staat, ziet elke collega het zo: daar zijn jullie het over eens, en toch is het een punt om aan te werken.'
    : '';
  const out: Block[] = [heading(attention.title, 2), paragraph([run(`${attention.intro}${shared}`)])];
  for (const group of attention.groups) {
    if (!ctx.singleStep) out.push(heading(group.heading, 3));
    for (const p of group.items) {
      out.push(bullet([run(`${p.context ? `${p.context} ` : ''}${p.number ? `${p.number} ` : ''}${p.label} `), run(`(${p.whoText})`, { italics: true })]));
    }
  }
  return out;
}

/** Everyone's answers: a merged overview, short answers side by side, or each answer under its name. */
function compareAnswerBlocks(q: CompareQuestion, lists: ListCounter): Block[] {
  const out: Block[] = [];
  if (q.discussion) out.push(paragraph([run('Gesprekspunt: ', { bold: true }), run(q.discussion)]));
  if (q.merged) return [...out, table(q.merged.columns, q.merged.rows), paragraph([])];
  if (q.short && q.table) return [...out, table(q.table.columns, q.table.rows), paragraph([])];
  for (const a of q.answers) {
    out.push(paragraph([run(`${a.name}:`, { italics: true })], { keepNext: true }));
    out.push(...answerBlocks({ state: a.state === 'hidden' ? 'open' : a.state, answer: a.answer, stateText: a.stateText, note: a.note }, lists));
  }
  return out;
}
