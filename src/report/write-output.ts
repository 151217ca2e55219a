// Writing a report (or overview) to `-o <bestand>`: a terminal, /dev/stdout
// or a pipe is written into, never replaced by a file; a folder is refused;
// an answers file (of this or any dossier) is never overwritten; a file that
// is there already (perhaps edited, perhaps sent) is replaced only when asked
// (`--vervang`), else the new file is created exclusively, so that nothing is
// ever replaced silently; a replacement is written atomically, at the file a
// symbolic link points to (the link stays). Shared by `rapport`, `vergelijk`,
// `overzicht` and `verschil`.
import { existsSync } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicCreate } from '../dossier/atomic-write.js';
import { looksLikeAnswersFile, writeFileAtomically, WriteError } from '../dossier/file-utils.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';
import { shellQuote } from '../support/invocation.js';

export interface WriteOptions {
  /** The answers files the report was made from: never written over. */
  answerFiles?: readonly string[] | undefined;
  /** `--vervang`: an existing file may be replaced; without it, an existing file is refused. */
  replace?: boolean | undefined;
}

/** Writes `content` to `output` (relative to cwd): the absolute file, and whether it was a stream (a terminal, a pipe) rather than a file. */
export async function writeOutputFile(
  content: string | Uint8Array,
  output: string,
  cwd: string,
  { answerFiles = [], replace = false }: WriteOptions = {},
): Promise<{ file: string; stream: boolean }> {
  const file = path.resolve(cwd, output);
  const info = await stat(file).catch(() => undefined);
  if (OWN_DESCRIPTOR.test(file) || (info && (info.isCharacterDevice() || info.isFIFO() || info.isSocket()))) {
    // A terminal, /dev/stdout, /dev/null or a pipe: write into it, never replace it by a file. Also
    // /dev/stdout when the shell sends it to a file (`-o /dev/stdout > rapport.md`): that is the
    // shell's file, and a safe save would replace the link /dev/stdout itself (whatever it points to).
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
      'Een rapport overschrijft nooit antwoorden. Bijvoorbeeld: -o rapport.md, -o rapport.docx, -o rapport.html of -o rapport.eml.',
    );
  }
  // A missing folder is more likely a typo than a wish: no mkdir here.
  if (!replace) {
    // Created exclusively: a file (or a link, even one to nothing) that is there, or appears meanwhile, is never replaced.
    if (info || (await lstat(file).catch(() => undefined))) throw existingFileError(output, file);
    const created = await atomicCreate(file, content).catch((err: unknown) => {
      throw new WriteError(file, err);
    });
    if (!created) throw existingFileError(output, file);
    return { file, stream: false };
  }
  // A link to a file: that file is written (saved safely in its own folder), and the link stays a link.
  const target = info ? await realpath(file).catch(() => file) : file;
  if (target !== file && answerFiles.includes(target)) {
    throw new WerkboekError(`${output} wijst naar een antwoordbestand; kies een ander bestand voor het rapport.`, ExitCode.usage);
  }
  await writeFileAtomically(target, content, { createFolder: false });
  return { file, stream: false };
}

/** `-o` names a file that is there already, and --vervang was not given (exit 2). */
function existingFileError(output: string, file: string): WerkboekError {
  // The free name where the user put the file ("verslagen/rapport-2.docx"), as typed.
  const free = path.join(path.dirname(output), path.basename(freeFileName(file)));
  return new WerkboekError(
    `${output} bestaat al. werkboek vervangt een bestaand bestand niet zomaar: misschien is het bewerkt of verstuurd.`,
    ExitCode.usage,
    `Kies een andere naam (bijvoorbeeld -o ${shellQuote(free)}), of geef --vervang mee om het te vervangen.`,
  );
}

/**
 * The first of `file`, then the same name with -2, -3 … before its extension
 * (rapport-2.docx), that is not there: a name for a new file that replaces
 * nothing.
 */
export function freeFileName(file: string, exists: (file: string) => boolean = existsSync): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? file : `${base}-${n}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** One of the program's own open files, by name: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. */
const OWN_DESCRIPTOR = /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/(self|thread-self|\d+)\/fd\/\d+)$/;

async function writeToStream(file: string, content: string | Uint8Array): Promise<void> {
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
