// Writing a report (or overview) to `-o <bestand>`: a terminal, /dev/stdout
// or a pipe is written into, never replaced by a file; a folder is refused;
// an answers file (of this or any dossier) is never overwritten; otherwise
// the file is written atomically. Shared by `rapport`, `overzicht` and `verschil`.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { looksLikeAnswersFile, writeFileAtomically } from '../dossier/answers-file.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';

/** Writes `content` to `output` (relative to cwd): the absolute file, and whether it was a stream (a terminal, a pipe) rather than a file. */
export async function writeOutputFile(
  content: string,
  output: string,
  cwd: string,
  answerFiles: readonly string[] = [],
): Promise<{ file: string; stream: boolean }> {
  const file = path.resolve(cwd, output);
  const info = await stat(file).catch(() => undefined);
  if (info && (info.isCharacterDevice() || info.isFIFO())) {
    // A terminal, /dev/stdout, /dev/null or a pipe: write into it, never replace it by a file.
    await writeToStream(file, content);
    return { file, stream: true };
  }
  if (info && !info.isFile()) {
    throw new WerkboekError(`${output} is geen gewoon bestand (maar bijv. een map); kies een bestandsnaam voor het rapport.`, ExitCode.usage);
  }
  if (answerFiles.includes(file) || (info && (await looksLikeAnswersFile(file)))) {
    throw new WerkboekError(
      `${output} is een antwoordbestand; kies een ander bestand voor het rapport.`,
      ExitCode.usage,
      'Een rapport overschrijft nooit antwoorden. Bijvoorbeeld: -o rapport.md, -o rapport.html of -o rapport.eml.',
    );
  }
  // A missing folder is more likely a typo than a wish: no mkdir here.
  await writeFileAtomically(file, content, { createFolder: false });
  return { file, stream: false };
}

async function writeToStream(file: string, content: string): Promise<void> {
  try {
    const handle = await open(file, 'a');
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new WerkboekError(`Kan niet schrijven naar ${file}: ${describeFsError(err)}.`, ExitCode.writeFailed);
  }
}
