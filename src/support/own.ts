// Looking up by an id that came from a file. An id such as "constructor" is
// a key of every plain object (Object.prototype), so `answers[id]` would
// find a native function where the file has no answer. `own` finds only the
// record's own entries.

/** `record[key]`, only when it is the record's own entry. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
