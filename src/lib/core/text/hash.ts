// A fast, stable 53-bit string hash (two 32-bit multiplicative lanes), written out as 14 hex digits.
import { normaliseForHash } from './normalise';

export function hashString(text: string, seed = 0): string {
  let h1 = 0x9e3779b1 ^ seed;
  let h2 = 0x85ebca6b ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  const high = (h2 >>> 0) & 0x1fffff;
  return high.toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** Hash of a sentence's normalised text: the key that matches one sentence across imports and laptops. */
export function textHash(text: string): string {
  return hashString(normaliseForHash(text));
}
