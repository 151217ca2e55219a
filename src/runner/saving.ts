// Saving the answers: after every answer, with the dialogue on a write error
// (retry, another folder, continue, stop), and keeping what was being typed
// when the user stops in the middle of a question.
import path from 'node:path';
import { answersPath } from '../dossier/folder.js';
import { ConflictError } from '../dossier/answers-file.js';
import { exists, WriteError } from '../dossier/file-utils.js';
import { questionRef, type VisibleQuestion } from '../walk.js';
import { InterruptedError, unlessStopped, WerkboekError } from '../support/errors.js';
import type { Session } from './context.js';
import type { Reply } from '../terminal/prompter.js';
import { typeOf } from '../types/registry.js';

/** Save now; on a write error, tell the user and let them retry, pick another folder or stop. */
export async function persist(s: Session): Promise<void> {
  const { ws, file, prompter, style } = s;
  for (;;) {
    try {
      await file.save();
      return;
    } catch (err) {
      if (!(err instanceof WriteError)) throw err;
      // Changed on disk by someone else in a way that cannot be merged: stop, so that
      // the user can look at both versions (ours is in the rescue file the error names).
      if (err instanceof ConflictError && !err.occupied) throw err;
      prompter.print(style.red(`\n${err.message}`) + '\nJe antwoord is niet verloren: het staat nog in het geheugen.');
      const choice = unlessStopped(
        await prompter.select<'retry' | 'elsewhere' | 'continue' | 'stop'>({
          message: 'Wat wil je doen?',
          choices: [
            { value: 'retry', name: 'Opnieuw proberen' },
            { value: 'elsewhere', name: 'Opslaan in een andere map' },
            { value: 'continue', name: 'Doorgaan (ik probeer het bij de volgende vraag opnieuw)' },
            { value: 'stop', name: 'Stoppen' },
          ],
          allowBack: false,
        }),
      );
      if (choice.kind !== 'answer' || choice.value === 'retry') continue;
      if (choice.value === 'continue') return;
      if (choice.value === 'stop') throw new InterruptedError();
      const dir = unlessStopped(await prompter.input({ message: 'Map om in op te slaan:', default: path.dirname(file.file) }));
      if (dir.kind !== 'answer' || !dir.value) continue;
      const target = answersPath(path.resolve(dir.value), ws.id);
      if (target === file.file) continue;
      // Never over another (library's) answers file, and never without the lock there.
      if (await exists(target)) {
        prompter.print(style.red(`\nIn die map staat al een antwoordbestand (${target}); dat wordt niet overschreven. Kies een andere map.`));
        continue;
      }
      try {
        await s.relocate?.(target);
      } catch (lockErr) {
        if (!(lockErr instanceof WerkboekError)) throw lockErr;
        prompter.print(style.red(`\n${lockErr.message}`));
        continue;
      }
      file.moveTo(target);
    }
  }
}

/**
 * A question left without answering (back, the overview, "weet ik (nog)
 * niet", a stop): what was typed there is kept as a draft (under
 * `concepten:`, not as the answer, so the question stays open and resume
 * returns to it with the text in the editor) and saved, so that no key drops
 * typing. Text typed before "weet ik (nog) niet" at a text question becomes
 * that answer's earlier answer instead (session.ts). True when a draft was kept.
 */
export async function keepLeft(s: Session, vq: VisibleQuestion, reply: Exclude<Reply<unknown>, { kind: 'answer' }>): Promise<boolean> {
  const type = typeOf(vq.question);
  const id = vq.question.id;
  const noted = reply.choiceDraft !== undefined && type.draft === 'noted';
  if (noted && reply.choiceDraft) s.file.setDraft(id, reply.choiceDraft);
  else if (reply.draft !== undefined && type.draft === 'typed' && !(reply.kind === 'unknown' && type.freeText)) s.file.setDraft(id, reply.draft);
  else return false;
  if (reply.kind !== 'stopped') {
    await persist(s);
    return true;
  }
  // Stopping: saved without the write-error dialogue, and said.
  const saved = await saveQuietly(s);
  const what = noted ? 'de toelichting die je' : 'wat je';
  say(
    s,
    saved
      ? s.style.dim(`\nOok ${what} bij ${questionRef(vq)} aan het typen was, is bewaard, als onbevestigd antwoord.`)
      : s.style.red(`\nLet op: ${what} bij ${questionRef(vq)} aan het typen was, kon niet worden opgeslagen.`),
  );
  return true;
}

/** Save without the write-error dialogue (the user is stopping); true when it worked. */
export async function saveQuietly(s: Session): Promise<boolean> {
  return s.file.save().then(
    () => true,
    () => false,
  );
}

/** Print while stopping: the terminal may be gone (a closed window), which must not throw. */
export function say(s: Session, text: string): void {
  try {
    s.prompter.print(text);
  } catch {
    // nobody to tell
  }
}
