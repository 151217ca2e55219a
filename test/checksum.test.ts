// support/checksum.ts: the checksum and the fingerprints of the read cache.
import { describe, expect, it } from 'vitest';
import { checksum, fingerprint } from '../src/support/checksum.js';

describe('checksum and fingerprint', () => {
  it('a single changed byte, anywhere, changes the checksum (also in the last bytes and at an odd offset)', () => {
    const data = Buffer.from(Array.from({ length: 1027 }, (_, i) => (i * 31) % 251));
    const base = checksum(data);
    for (const at of [0, 1, 2, 3, 511, 1023, 1024, 1026]) {
      const changed = Buffer.from(data);
      changed[at] = (changed[at]! + 1) % 256;
      expect(checksum(changed), `byte ${at}`).not.toBe(base);
    }
    // The same bytes at an offset that is not a multiple of 4 give the same checksum.
    const shifted = Buffer.concat([Buffer.from([9]), data]).subarray(1);
    expect(checksum(shifted)).toBe(base);
  });

  it('different texts have different fingerprints; the same text the same one', () => {
    const texts = ['', 'a', 'b', 'ab', 'ba', '{"id":"x"}', '{"id":"y"}', 'é', 'e\u0301'];
    const prints = texts.map(fingerprint);
    expect(new Set(prints).size).toBe(texts.length);
    expect(fingerprint('{"id":"x"}')).toBe(prints[5]);
  });
});
