// The shape of an answers file: its metadata keys, and each stored answer and
// draft checked against its worksheet by the question's type (types/). Issues
// carry `bestand:regel:kolom` positions where the document has them.
import { isMap, isScalar, type Document } from 'yaml';
import type { Field, Question, Worksheet } from '../definition/schema.js';
import { allQuestions, questionName, renamedIds, sheetName } from '../definition/questions.js';
import { issueAt, type Located, type PathKey } from '../definition/positions.js';
import type { Issue } from '../support/errors.js';
import { checkItem, isGroup, named, typeOf, type GroupQuestion } from '../types/registry.js';
import type { Problem } from '../types/type.js';
import { ANSWER_KEY, DRAFT_ITEM_KEY, EARLIER_KEY, isUnknown, NOTE_KEY, UNKNOWN_KEY, type Answers } from './answers.js';

/** Metadata keys, in the order they start the file (`respondent` only in a colleague's file, see respondents.ts). */
const META_KEYS = ['werkblad', 'respondent', 'versie', 'status', 'aangemaakt', 'bijgewerkt', 'programma'] as const;
/** In a colleague's file: their name (see respondents.ts). */
export const RESPONDENT_KEY = META_KEYS[1];
export const ANSWERS_KEY = 'antwoorden';
/** Drafts: what was being typed when the user stopped, not yet confirmed (see answers.ts). */
export const DRAFTS_KEY = 'concepten';

/** Ids answered in the file that the worksheet no longer asks (removed questions, or notes of the user): kept, never dropped. */
export function notAskedIds(answers: Answers, ws: Worksheet): string[] {
  const questions = questionMap(ws);
  return Object.keys(answers).filter((id) => !questions.has(id));
}

/** Validate an answers document against its worksheet. */
export function validateAnswersDocument(located: Located, ws: Worksheet): Issue[] {
  const root = located.doc.contents;
  if (!isMap(root)) {
    return [issueAt(located, [], 'een antwoordbestand moet beginnen met "werkblad:", "versie:" enz.')];
  }
  return validateAnswersData(located.doc.toJS() as Record<string, unknown>, ws, (at, message, key) => issueAt(located, at, message, key));
}
/** Where an issue is: the position of a data path in the located document. */
export type IssueAt = (at: readonly PathKey[], message: string, key?: string) => Issue;

/**
 * The checks of validateAnswersDocument, on the plain data of a file whose
 * top level is a map; `issueAt` places each issue in the document.
 */
export function validateAnswersData(data: Record<string, unknown>, ws: Worksheet, issueAt: IssueAt): Issue[] {
  const issues: Issue[] = [];
  const sheet = data.werkblad;
  if (sheet === undefined) issues.push(issueAt([], 'verplicht veld "werkblad" ontbreekt'));
  else if (sheet !== ws.id) {
    // The message names the key itself: no "(werkblad)" after the worksheet's name in brackets.
    issues.push({ ...issueAt(['werkblad'], `dit bestand hoort bij werkblad "${String(sheet)}", niet bij ${sheetName(ws)}`), path: '' });
  }
  if (data.versie !== undefined && (typeof data.versie !== 'number' || !Number.isInteger(data.versie))) {
    issues.push(issueAt(['versie'], '"versie" moet een geheel getal zijn'));
  }
  if (data[RESPONDENT_KEY] !== undefined && (typeof data[RESPONDENT_KEY] !== 'string' || data[RESPONDENT_KEY].trim() === '')) {
    issues.push(issueAt([RESPONDENT_KEY], `"${RESPONDENT_KEY}" moet een naam zijn`));
  }
  if (data.status !== undefined && data.status !== 'concept' && data.status !== 'afgerond') {
    issues.push(issueAt(['status'], `"status" moet "concept" of "afgerond" zijn, niet "${String(data.status)}"`));
  }
  const questions = questionMap(ws);
  issues.push(...validateDrafts(issueAt, ws, questions, data[DRAFTS_KEY]));
  if (!(ANSWERS_KEY in data)) return issues;
  const answersValue = data[ANSWERS_KEY];
  if (typeof answersValue !== 'object' || answersValue === null || Array.isArray(answersValue)) {
    issues.push(issueAt([ANSWERS_KEY], '"antwoorden" moet een lijst van vraag-id: antwoord zijn'));
    return issues;
  }
  const answers = answersValue as Record<string, unknown>;
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.get(id);
    // Unknown ids are kept as they are (a later version, or a user's own note).
    if (!question || value === null) continue;
    issues.push(...checkAnswer(issueAt, ws, question, value, [ANSWERS_KEY, id]));
    // The answer a "weet ik (nog) niet" replaced must fit the question too.
    if (isUnknown(value) && EARLIER_KEY in value) {
      const earlier = (value as unknown as Record<string, unknown>)[EARLIER_KEY];
      if (earlier !== null && typeof earlier === 'object' && !Array.isArray(earlier)) {
        issues.push(issueAt([ANSWERS_KEY, id, EARLIER_KEY], `"${EARLIER_KEY}" moet een gewoon antwoord zijn`));
      } else if (earlier !== null) {
        issues.push(...checkAnswer(issueAt, ws, question, earlier, [ANSWERS_KEY, id, EARLIER_KEY]));
      }
    }
  }
  return issues;
}

const questionMaps = new WeakMap<Worksheet, ReadonlyMap<string, Question>>();

/** A worksheet's questions by id (made once per worksheet: the overview checks thousands of files). */
function questionMap(ws: Worksheet): ReadonlyMap<string, Question> {
  let map = questionMaps.get(ws);
  if (!map) {
    map = new Map(allQuestions(ws).map((q) => [q.id, q]));
    questionMaps.set(ws, map);
  }
  return map;
}

/** One answer (or the earlier answer under a "weet ik (nog) niet") at `at`. */
function checkAnswer(issueAt: IssueAt, ws: Worksheet, question: Question, value: unknown, at: PathKey[]): Issue[] {
  const issues: Issue[] = [];
  const problem = checkValue(question, value);
  if (problem) issues.push(issueAt(at, named(problem.message, question.id, questionName(ws, question)), problem.key));
  if (isGroup(question) && Array.isArray(value) && !question.extends) {
    const fields = groupFields(ws, question);
    value.forEach((item, i) => {
      const itemProblem = checkItem(question, fields, item, `${question.item} ${i + 1}`);
      if (itemProblem) issues.push(issueAt([...at, i, ...itemProblem.path], itemProblem.message));
    });
  }
  return issues;
}

/** `concepten:` — text for a text question, a choice with its toelichting, a half-filled item for a repeat group. */
function validateDrafts(issueAt: IssueAt, ws: Worksheet, questions: ReadonlyMap<string, Question>, drafts: unknown): Issue[] {
  if (drafts === undefined || drafts === null) return [];
  if (typeof drafts !== 'object' || Array.isArray(drafts)) {
    return [issueAt([DRAFTS_KEY], `"${DRAFTS_KEY}" moet een lijst van vraag-id: tekst zijn`)];
  }
  const issues: Issue[] = [];
  for (const [id, value] of Object.entries(drafts as Record<string, unknown>)) {
    const q = questions.get(id);
    if (!q || value === null) continue;
    const draft = typeOf(q).draft;
    if (draft === 'typed') {
      // What was being typed (also a date or number not finished yet): any text.
      if (typeof value !== 'string') issues.push(issueAt([DRAFTS_KEY, id], `verwacht tekst bij ${questionName(ws, q)}`));
    } else if (draft === 'noted') {
      // A choice with the toelichting that was being typed: checked as an answer with a toelichting.
      const problem =
        typeof value === 'object' && !Array.isArray(value) && ANSWER_KEY in (value as object)
          ? checkValue(q, value)
          : { message: `verwacht "${ANSWER_KEY}" en "${NOTE_KEY}" bij "${id}"` };
      if (problem) issues.push(issueAt([DRAFTS_KEY, id, ...(problem.key ? [problem.key] : [])], named(problem.message, id, questionName(ws, q))));
    } else if (isGroup(q)) {
      const problem = itemDraftProblem(ws, questions, q, value);
      if (problem) issues.push(issueAt([DRAFTS_KEY, id, ...problem.path], problem.message));
    } else {
      issues.push(
        issueAt(
          [DRAFTS_KEY, id],
          `een onbevestigd antwoord (onder "${DRAFTS_KEY}") kan alleen bij een open tekstvraag of een overzicht staan, niet bij ${questionName(ws, q)}`,
        ),
      );
    }
  }
  return issues;
}

/** A half-filled item kept as a group's draft (`itemnummer` when it changes an item). */
function itemDraftProblem(
  ws: Worksheet,
  questions: ReadonlyMap<string, Question>,
  q: GroupQuestion,
  value: unknown,
): { path: PathKey[]; message: string } | undefined {
  const base = q.extends ? questions.get(q.extends) : q;
  const { [DRAFT_ITEM_KEY]: n, ...item } = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object' || Array.isArray(value)) return { path: [], message: `verwacht één ${q.item} (veld: waarde) bij "${q.id}"` };
  if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n > 0))
    return { path: [DRAFT_ITEM_KEY], message: `"${DRAFT_ITEM_KEY}" moet een getal vanaf 1 zijn` };
  return isGroup(base) ? checkItem(q, groupFields(ws, base), item, `de ${q.item} in het concept`) : undefined;
}

function checkValue(q: Question, value: unknown): Problem | undefined {
  if (isUnknown(value)) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && UNKNOWN_KEY in value) {
    return { message: `"${UNKNOWN_KEY}" kan alleen "true" zijn` };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && (ANSWER_KEY in value || NOTE_KEY in value)) {
    return checkNoted(q, value as Record<string, unknown>);
  }
  return typeOf(q).check(q, value);
}

/** `{ antwoord: ja, toelichting: "…" }`: only on a question that takes a toelichting (ja/nee, choice), the antwoord checked as usual. */
function checkNoted(q: Question, value: Record<string, unknown>): Problem | undefined {
  if (typeOf(q).draft !== 'noted') {
    return { message: `een toelichting ("${ANSWER_KEY}:" en "${NOTE_KEY}:") kan alleen bij een ja/nee- of keuzevraag, niet bij "${q.id}"` };
  }
  const extra = Object.keys(value).find((k) => k !== ANSWER_KEY && k !== NOTE_KEY);
  if (extra !== undefined) return { message: `onbekend veld "${extra}" bij "${q.id}"; verwacht "${ANSWER_KEY}" en "${NOTE_KEY}"`, key: extra };
  if (!(ANSWER_KEY in value)) return { message: `"${ANSWER_KEY}" ontbreekt bij "${q.id}" (naast "${NOTE_KEY}")` };
  const note = value[NOTE_KEY];
  if (note !== undefined && note !== null && typeof note !== 'string') return { message: `"${NOTE_KEY}" moet tekst zijn bij "${q.id}"`, key: NOTE_KEY };
  const inner = value[ANSWER_KEY];
  if (typeof inner === 'object' && inner !== null) return { message: `"${ANSWER_KEY}" moet één waarde zijn bij "${q.id}"`, key: ANSWER_KEY };
  const problem = checkValue(q, inner);
  return problem && { ...problem, key: ANSWER_KEY };
}

const groupFieldMaps = new WeakMap<GroupQuestion, ReadonlyMap<string, Field>>();

/** The fields of a group's items: its own, plus those added by groups that extend it (made once per group). */
function groupFields(ws: Worksheet, group: GroupQuestion): ReadonlyMap<string, Field> {
  const known = groupFieldMaps.get(group);
  if (known) return known;
  const fields = new Map(group.fields.map((f) => [f.id, f]));
  for (const q of questionMap(ws).values()) {
    if (isGroup(q) && q.extends === group.id) for (const f of q.fields) if (!fields.has(f.id)) fields.set(f.id, f);
  }
  groupFieldMaps.set(group, fields);
  return fields;
}

/**
 * A key of `antwoorden:` or `concepten:` that is a former id of a question
 * (renamed in a later version of the definition) becomes that question's id,
 * in place (its comments and position stay), unless the question already has
 * an entry. True when something was renamed. Answers to questions that are
 * no longer asked are never touched.
 */
export function renameFormerIds(doc: Document, ws: Worksheet): boolean {
  const renamed = renamedIds(ws);
  if (!renamed.size) return false;
  let changed = false;
  for (const key of [ANSWERS_KEY, DRAFTS_KEY]) {
    const map = doc.get(key, true);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      const now = isScalar(pair.key) && typeof pair.key.value === 'string' ? renamed.get(pair.key.value) : undefined;
      if (now === undefined || map.has(now) || !isScalar(pair.key)) continue;
      pair.key.value = now;
      changed = true;
    }
  }
  return changed;
}
