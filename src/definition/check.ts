// Validate worksheet definitions (questions/*.yaml): YAML with positions,
// the zod schema, then cross-references. Errors carry `bestand:regel:kolom`
// positions and the field path. Loaded only when a definition has to be
// checked (controleer, tests, or shipped files newer than the build cache).
import { FileRefusedError, readLimitedSync } from '../support/read-limited.js';
import { z } from 'zod';
// Only the Dutch messages (z.locales would bring in every language: 300 KB more to load).
import nl from 'zod/v4/locales/nl.js';
import { worksheetSchema, type Condition, type Question, type Worksheet } from './schema.js';
import { describeFsError, ExitCode, FileIssuesError, WerkboekError, type Issue } from '../support/errors.js';
import { decodeUtf8, issueAt, parseLocated, type Located, type PathKey } from './positions.js';
import { optionValue } from './questions.js';
import { fieldWords, zodMessage } from './zod-messages.js';

// jitless: no code generated per object schema; for a few files checked once that costs more than it saves.
z.config({ ...nl(), jitless: true });

export interface CheckResult {
  file: string;
  worksheet?: Worksheet;
  issues: Issue[];
}

/** Validate one definition file; never throws for content problems. */
export async function checkDefinitionFile(file: string, displayName = file): Promise<CheckResult> {
  let bytes: Buffer;
  try {
    // An own worksheet may come from anyone: never blocking, only a regular file, at most the limit.
    bytes = readLimitedSync(file, { displayName });
  } catch (err) {
    if (err instanceof FileRefusedError) throw err;
    throw new WerkboekError(`Kan ${displayName} niet lezen: ${describeFsError(err)}`, ExitCode.usage);
  }
  const { text, issue } = decodeUtf8(displayName, bytes);
  return issue ? { file: displayName, issues: [issue] } : checkDefinitionSource(text, displayName);
}

export function checkDefinitionSource(source: string, file: string): CheckResult {
  const { located, issues } = parseLocated(file, source);
  if (issues.length) return { file, issues };
  const data: unknown = located.doc.toJS();
  const tooDeep = deepNesting(located, data);
  if (tooDeep) return { file, issues: [tooDeep] };
  const parsed = worksheetSchema.safeParse(data);
  if (!parsed.success) {
    return { file, issues: parsed.error.issues.map((issue) => zodIssue(located, issue, data)) };
  }
  const crossIssues = checkReferences(located, parsed.data);
  return crossIssues.length ? { file, issues: crossIssues } : { file, worksheet: parsed.data, issues: [] };
}

/** How deep a definition may nest (conditions in `any`/`all`, lists in lists): far beyond any real worksheet. */
export const MAX_NESTING = 32;

/**
 * The first place nested deeper than MAX_NESTING, as an issue; checked with
 * an explicit stack before the schema (whose recursion would overflow the
 * call stack on a condition nested 500 deep).
 */
function deepNesting(located: Located, data: unknown): Issue | undefined {
  const stack: Array<{ value: unknown; path: PathKey[] }> = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > MAX_NESTING) {
      return issueAt(located, path, `te diep genest (meer dan ${MAX_NESTING} niveaus); een voorwaarde met zoveel "any"/"all" in elkaar is niet te volgen`);
    }
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
  }
  return undefined;
}

/**
 * A file that is no mapping at all (empty, plain text, a list): in words,
 * what it should have been, without the definition's (English) field names.
 */
const NOT_A_WORKSHEET =
  'het bestand is leeg, of het is geen eigen werkblad en ook geen antwoordbestand. Een antwoordbestand begint met de regel "werkblad: <naam>"; een eigen werkblad (een werkbladdefinitie) is opgebouwd zoals het voorbeeld examples/mijn-werkblad.yaml (zie de handleiding)';

export async function loadDefinitionFile(file: string, displayName = file): Promise<Worksheet> {
  const result = await checkDefinitionFile(file, displayName);
  if (!result.worksheet) throw new FileIssuesError(result.issues, ExitCode.invalid);
  return result.worksheet;
}

function zodIssue(located: Located, issue: z.core.$ZodIssue, data: unknown): Issue {
  const p = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return issueAt(located, p, `onbekend veld "${key}"`, key);
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const value = valueAt(data, p);
    const options = (issue as { options?: unknown[] }).options ?? [];
    const message =
      value === undefined
        ? `"${issue.discriminator}" ontbreekt; kies uit: ${options.join(', ')}`
        : `onbekend ${issue.discriminator} "${String(value)}"; kies uit: ${options.join(', ')}`;
    return issueAt(located, p, message);
  }
  if (issue.code === 'invalid_type' && valueAt(data, p) === undefined && p.length) {
    const field = p[p.length - 1];
    const words = fieldWords(p);
    const named = words === `"${String(field)}"` ? '' : ` (${words})`;
    return issueAt(located, p.slice(0, -1), `verplicht veld "${String(field)}"${named} ontbreekt`);
  }
  if (issue.code === 'invalid_type' && !p.length) return issueAt(located, p, NOT_A_WORKSHEET);
  return issueAt(located, p, zodMessage(issue, p));
}

function valueAt(data: unknown, p: readonly PathKey[]): unknown {
  let cur: unknown = data;
  for (const key of p) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathKey, unknown>)[key];
  }
  return cur;
}

interface Placed {
  question: Question;
  path: PathKey[];
  index: number;
}

/** The questions of a worksheet in order (the Gegevens first), with where each is and the problems found so far. */
interface References {
  located: Located;
  all: Placed[];
  /** The questions met so far, by id. */
  placed: Map<string, Placed>;
  issues: Issue[];
}

/** Checks zod cannot express: unique ids, conditions and group references pointing backwards. */
function checkReferences(located: Located, ws: Worksheet): Issue[] {
  const refs: References = { located, all: [], placed: new Map<string, Placed>(), issues: [] };
  const { all, placed, issues } = refs;
  const stepIds = new Set<string>();
  for (const [i, question] of (ws.meta ?? []).entries()) all.push({ question, path: ['meta', i], index: all.length });
  ws.steps.forEach((step, s) => {
    if (stepIds.has(step.id)) issues.push(issueAt(located, ['steps', s, 'id'], `dubbel stap-id "${step.id}"`));
    stepIds.add(step.id);
    for (const [i, question] of step.questions.entries()) all.push({ question, path: ['steps', s, 'questions', i], index: all.length });
  });

  for (const entry of all) {
    const { question, path: p } = entry;
    const earlier = placed.get(question.id);
    if (earlier) {
      issues.push(issueAt(located, [...p, 'id'], `dubbel id "${question.id}" (ook gebruikt in ${pathName(earlier.path)})`));
      continue;
    }
    if (question.when) checkCondition(refs, question.when, [...p, 'when'], entry);
    if (question.type === 'group') checkGroup(refs, entry, question);
    placed.set(question.id, entry);
  }
  checkFormerIds(refs);
  checkKeyQuestions(refs, ws);
  return issues;
}

/** A group: unique field ids, and `extends` pointing back at a group that extends none, without its field ids. */
function checkGroup(refs: References, entry: Placed, question: Extract<Question, { type: 'group' }>): void {
  const { located, placed, issues } = refs;
  const p = entry.path;
  const ids = new Set<string>();
  question.fields.forEach((field, f) => {
    if (ids.has(field.id)) issues.push(issueAt(located, [...p, 'fields', f, 'id'], `dubbel veld-id "${field.id}"`));
    ids.add(field.id);
  });
  if (!question.extends) return;
  const base = placed.get(question.extends) ?? lookupLater(refs, question.extends);
  if (!base) {
    issues.push(issueAt(located, [...p, 'extends'], `"extends" verwijst naar onbekende vraag "${question.extends}"`));
  } else if (base.index > entry.index) {
    issues.push(issueAt(located, [...p, 'extends'], `"extends" verwijst naar "${question.extends}", die pas later komt`));
  } else if (base.question.type !== 'group') {
    issues.push(issueAt(located, [...p, 'extends'], `"extends" verwijst naar "${question.extends}", maar dat is geen groep (type ${base.question.type})`));
  } else {
    if (base.question.extends) {
      issues.push(issueAt(located, [...p, 'extends'], `"${question.extends}" breidt zelf al een groep uit; verwijs naar de oorspronkelijke groep`));
    }
    for (const [f, field] of question.fields.entries()) {
      if (base.question.fields.some((b) => b.id === field.id)) {
        issues.push(issueAt(located, [...p, 'fields', f, 'id'], `veld-id "${field.id}" bestaat al in groep "${question.extends}"`));
      }
    }
  }
}

/** A former id is another question's id, or listed twice: answers under it would belong to two questions. */
function checkFormerIds({ located, all, placed, issues }: References): void {
  const former = new Map<string, Placed>();
  for (const entry of all) {
    entry.question.formerIds?.forEach((old, i) => {
      const at = [...entry.path, 'formerIds', i];
      if (placed.has(old)) issues.push(issueAt(located, at, `"${old}" is het id van een andere vraag; een eerder id mag geen bestaand id zijn`));
      else if (former.has(old)) issues.push(issueAt(located, at, `eerder id "${old}" staat ook bij "${former.get(old)?.question.id ?? ''}"`));
      former.set(old, entry);
    });
  }
}

/** Every kernvraag is a yes/no or choice question of this worksheet. */
function checkKeyQuestions({ located, placed, issues }: References, ws: Worksheet): void {
  (ws.kernvragen ?? []).forEach((ref, i) => {
    const qid = typeof ref === 'string' ? ref : ref.question;
    const at = typeof ref === 'string' ? ['kernvragen', i] : ['kernvragen', i, 'question'];
    const target = placed.get(qid);
    if (!target) issues.push(issueAt(located, at, `kernvraag "${qid}" bestaat niet in dit werkblad`));
    else if (target.question.type !== 'yesno' && target.question.type !== 'choice') {
      issues.push(issueAt(located, at, `kernvraag "${qid}" is geen ja/nee- of keuzevraag (type ${target.question.type})`));
    }
  });
}

function lookupLater(refs: References, id: string): Placed | undefined {
  return refs.all.find((e) => e.question.id === id);
}

function checkCondition(refs: References, cond: Condition, p: PathKey[], self: Placed): void {
  const { located, placed, issues } = refs;
  if ('any' in cond || 'all' in cond) {
    const list = 'any' in cond ? cond.any : cond.all;
    const key = 'any' in cond ? 'any' : 'all';
    for (const [i, c] of list.entries()) checkCondition(refs, c, [...p, key, i], self);
    return;
  }
  const target = placed.get(cond.question);
  if (!target) {
    const later = lookupLater(refs, cond.question);
    const message =
      later && later.index >= self.index
        ? `voorwaarde verwijst naar "${cond.question}", die niet eerder in het werkblad staat`
        : `voorwaarde verwijst naar onbekende vraag "${cond.question}"`;
    issues.push(issueAt(located, [...p, 'question'], message));
    return;
  }
  const allowed = allowedValues(target.question);
  if (allowed) {
    for (const value of Array.isArray(cond.is) ? cond.is : [cond.is]) {
      if (!allowed.includes(value)) {
        issues.push(issueAt(located, [...p, 'is'], `"${value}" is geen mogelijk antwoord op "${cond.question}"; kies uit: ${allowed.join(', ')}`));
      }
    }
  }
}

function allowedValues(q: Question): string[] | undefined {
  if (q.type === 'yesno') return ['ja', 'nee'];
  if ((q.type === 'choice' || q.type === 'multichoice') && !q.other) return q.options.map(optionValue);
  return undefined;
}

function pathName(p: PathKey[]): string {
  return p
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');
}
