// The external editor that Ctrl+E in a multi-line answer hands the text
// over to ($VISUAL / $EDITOR, or Notepad on Windows): `findEditor` decides
// whether there is one, `openInEditor` opens it, `fromEditor` reads back what
// it saved.
import path from 'node:path';
import { accessSync, constants } from 'node:fs';

/**
 * Is there an editor we can start for Ctrl+E? VISUAL or EDITOR, when it names
 * a program that exists; with neither, on Windows Notepad (every Windows has
 * it, in the Windows folder, also when PATH lacks it), which is also what
 * @inquirer/external-editor starts there. The platform and the file check
 * are injectable (tests).
 */
export function findEditor(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = canRun,
): string | undefined {
  const windows = platform === 'win32';
  const paths = windows ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(paths.delimiter).filter(Boolean);
  const command = (env.VISUAL || env.EDITOR || '').trim();
  if (!command) {
    if (!windows) return undefined;
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir ?? 'C:\\Windows';
    const places = [...dirs, paths.join(systemRoot, 'System32'), systemRoot];
    return places.map((dir) => paths.join(dir, 'notepad.exe')).find((file) => exists(file));
  }
  // A program in quotes may hold spaces ("C:\Program Files\Notepad++\notepad++.exe" -multiInst), as external-editor reads it.
  const program = command.startsWith('"')
    ? command.slice(1, command.indexOf('"', 1) > 0 ? command.indexOf('"', 1) : undefined)
    : (command.split(/\s+/)[0] ?? '');
  if (program.includes('/') || program.includes('\\')) return exists(program) ? command : undefined;
  // Windows: the name as typed ("notepad.exe"), else with each extension of PATHEXT ("code" -> code.CMD).
  const exts = windows ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean)] : [''];
  for (const dir of dirs) for (const ext of exts) if (exists(paths.join(dir, program + ext))) return command;
  return undefined;
}

/** The text an editor saved, as an answer: "\n" line ends, no byte order mark, no trailing blank lines or spaces. */
export function fromEditor(saved: string): string {
  return saved
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '');
}

function canRun(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Open text in the user's editor ($VISUAL / $EDITOR); undefined when that failed. */
export async function openInEditor(text: string): Promise<string | undefined> {
  const { editAsync } = await import('@inquirer/external-editor');
  // Asynchronously, so that the event loop keeps running while the editor is
  // open: the lock on the answers file stays fresh however long the user edits.
  return new Promise((resolve) => {
    // Notepad and other Windows editors may save CRLF line ends and a byte order mark: the answer gets plain lines.
    editAsync(text, (err, result) => resolve(err || result === undefined ? undefined : fromEditor(result)), { postfix: '.md' });
  });
}
