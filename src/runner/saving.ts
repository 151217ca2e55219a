// Saving the answers: after every answer, with the dialogue on a write error
// (retry, another folder, continue, stop), and keeping what was being typed
// when the user stops in the middle of a question.
import path from 'node:path';
import { answersPath } from '../dossier/folder.js';
import { ConflictError, WriteError } from '../dossier/answers-file.js';
import { questionRef, type VisibleQuestion } from '../walk.js';
import { InterruptedError } from '../support/errors.js';
import type { Session } from './context.js';

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
      const choice = await prompter.select<'retry' | 'elsewhere' | 'continue' | 'stop'>({
        message: 'Wat wil je doen?',
        choices: [
          { value: 'retry', name: 'Opnieuw proberen' },
          { value: 'elsewhere', name: 'Opslaan in een andere map' },
          { value: 'continue', name: 'Doorgaan (ik probeer het bij de volgende vraag opnieuw)' },
          { value: 'stop', name: 'Stoppen' },
        ],
        allowBack: false,
      });
      if (choice.kind !== 'answer' || choice.value === 'retry') continue;
      if (choice.value === 'continue') return;
      if (choice.value === 'stop') throw new InterruptedError();
      const dir = await prompter.input({ message: 'Map om in op te slaan:', default: path.dirname(file.file) });
      if (dir.kind === 'answer' && dir.value) file.moveTo(answersPath(path.resolve(dir.value), ws.id));
    }
  }
}

/** Stopped while typing an answer: keep the typed text as that answer. */
export async function keepDraft(s: Session, vq: VisibleQuestion, err: unknown): Promise<void> {
  const draft = err instanceof InterruptedError ? err.draft : undefined;
  if (draft === undefined || (vq.question.type !== 'text' && vq.question.type !== 'longtext')) return;
  s.file.setAnswer(vq.question.id, draft);
  await s.file.save().catch(() => {});
  s.prompter.print(s.style.dim(`\nOok wat je bij ${questionRef(vq)} aan het typen was, is bewaard.`));
}
