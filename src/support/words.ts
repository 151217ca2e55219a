// Small helpers for Dutch sentences made from pieces.

/** The text with a capital first letter ("partner" → "Partner"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
