// Work that can wait until the first question is on the screen: loading
// what only later steps need (yaml for the first save, wrap-ansi for emoji
// and wide characters), so that `start` shows its first question sooner.
// The terminal prompter says when a question is drawn (questionShown); the
// tasks then run one by one, each in its own turn of the event loop, while
// the user reads the question. Nothing depends on them having run: each
// task only makes something that would otherwise be made when first needed.
const waiting: (() => unknown)[] = [];
let shown = false;

/** Run `task` once a question has been drawn (soon, if one has been already). */
export function afterFirstQuestion(task: () => unknown): void {
  if (shown) setImmediate(() => run(task));
  else waiting.push(task);
}

/** A question is on the screen: run what was waiting for it. */
export function questionShown(): void {
  if (shown) return;
  shown = true;
  for (const task of waiting.splice(0)) setImmediate(() => run(task));
}

/** A task that fails changes nothing: what it would have prepared is made when needed (and fails there, if at all). */
function run(task: () => unknown): void {
  try {
    const result = task();
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // see above
  }
}
