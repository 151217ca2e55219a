// Checksums for what werkboek keeps in its cache folder (the read cache's
// fingerprints): to notice change, not to resist anyone who can write there
// (they can change the user's files as well). Not node:crypto or zlib's
// crc32: loading either costs Node 20 more (7 and 2–3 ms) than reckoning
// the few KB involved, and the cache exists to save start-up time.

/**
 * FNV-1a over the data's 32-bit words (then its last bytes), with a given
 * prime: each step is one-to-one, so a single changed word always changes the
 * result.
 */
function fnv1a(data: Uint8Array, prime: number): number {
  const aligned = data.byteOffset % 4 === 0 ? data : Uint8Array.from(data);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ (words[i] ?? 0), prime);
  for (let i = words.length * 4; i < aligned.length; i++) hash = Math.imul(hash ^ (aligned[i] ?? 0), prime);
  return hash >>> 0;
}

/** A 32-bit checksum: a changed word or byte changes it. */
export function checksum(data: Uint8Array): number {
  return fnv1a(data, 0x01000193);
}

/**
 * A fingerprint of a text: its length and two 32-bit checksums with
 * different primes. Two different texts share one by chance about once in
 * 2^64.
 */
export function fingerprint(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return `${bytes.length}-${checksum(bytes).toString(16)}-${fnv1a(bytes, 0x5bd1e995).toString(16)}`;
}
