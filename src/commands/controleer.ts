import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDefinitionFile } from '../definition/check.js';
import { resolveWorksheet, shippedDefinitionFiles } from '../definition/load.js';
import { describeFsError, ExitCode, FileIssuesError, formatIssue, WerkboekError } from '../support/errors.js';
import type { Output } from '../support/output.js';
import { AnswersFile } from '../dossier/answers-file.js';
import { walk } from '../walk.js';

export interface CheckOptions {
  files: string[];
  cwd: string;
  out: Output;
}

/**
 * `werkboek controleer [bestand…]`: validate definition files (default: the
 * shipped ones) or answers files. Returns false when any file has problems.
 */
export async function check({ files, cwd, out }: CheckOptions): Promise<boolean> {
  const targets = files.length ? files.map((f) => path.resolve(cwd, f)) : await shippedDefinitionFiles();
  let ok = true;
  for (const file of targets) {
    const shown = path.relative(cwd, file) || file;
    const kind = await sniffKind(file, shown);
    if (kind.type === 'answers') {
      const ws = await resolveWorksheet(kind.worksheet);
      try {
        const answers = await AnswersFile.read(file, ws, shown);
        const w = walk(ws, answers?.answers ?? {});
        out.line(`${shown}: in orde (antwoorden bij "${ws.id}", ${answers?.meta.status ?? 'concept'}, ${w.done} van ${w.total} beantwoord)`);
      } catch (err) {
        if (!(err instanceof FileIssuesError)) throw err;
        ok = false;
        for (const issue of err.issues) out.line(formatIssue(issue));
      }
      continue;
    }
    const result = await checkDefinitionFile(file, shown);
    if (result.worksheet) {
      out.line(`${shown}: in orde (werkblad "${result.worksheet.id}", versie ${result.worksheet.version})`);
    } else {
      ok = false;
      for (const issue of result.issues) out.line(formatIssue(issue));
    }
  }
  return ok;
}

/** An answers file starts with `werkblad:`; anything else is treated as a definition. */
async function sniffKind(file: string, shown: string): Promise<{ type: 'definition' } | { type: 'answers'; worksheet: string }> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    throw new WerkboekError(`Kan ${shown} niet lezen: ${describeFsError(err)}.`, ExitCode.usage);
  }
  const sheet = /^werkblad:[ \t]*["']?([a-z0-9-]+)/m.exec(source)?.[1];
  if (sheet) return { type: 'answers', worksheet: sheet };
  return { type: 'definition' };
}
