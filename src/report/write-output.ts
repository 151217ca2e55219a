// Writing a report (or overview) to `-o <bestand>`: a terminal, /dev/stdout
// or a pipe is written into, never replaced by a file; a folder is refused;
// an answers file (of this or any dossier) is never overwritten; otherwise
// the file is written atomically, at the file a symbolic link points to
// (the link stays). Shared by `rapport`, `overzicht` and `verschil`.
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { looksLikeAnswersFile, writeFileAtomically } from '../dossier/file-utils.js';
import { describeFsError, ExitCode, WerkboekError } from '../support/errors.js';

/** Writes `content` to `output` (relative to cwd): the absolute file, and whether it was a stream (a terminal, a pipe) rather than a file. */
export async function writeOutputFile(
  content: string | Uint8Array,
  output: string,
  cwd: string,
  answerFiles: readonly string[] = [],
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
  // A missing folder is more likely a typo than a wish: no mkdir here. A link to a file: that file
  // is written (saved safely in its own folder), and the link stays a link.
  const target = info ? await realpath(file).catch(() => file) : file;
  if (target !== file && answerFiles.includes(target)) {
    throw new WerkboekError(`${output} wijst naar een antwoordbestand; kies een ander bestand voor het rapport.`, ExitCode.usage);
  }
  await writeFileAtomically(target, content, { createFolder: false });
  return { file, stream: false };
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
