// Text normalisation for matching (hashes across imports and laptops) and for accent-insensitive search.

/** Lower-case, accents folded, typographic quotes and dashes unified, whitespace collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A cheaper fold for skipping texts that cannot hold a search: accents of the combining-mark blocks removed and
 * lower-cased, nothing else. For a needle of letters and digits only, foldForSearch(text) containing it implies this
 * does too (the marks it keeps belong to other scripts), so answers it rejects need no full fold. Null otherwise.
 */
export function quickFoldFilter(needle: string): ((text: string) => boolean) | null {
  if (!/^[\p{L}\p{N}]+$/u.test(needle)) return null;
  return (text) => text.normalize('NFD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g, '').toLowerCase().includes(needle);
}

/**
 * The form two copies of one sentence share even after a spreadsheet round trip:
 * Unicode NFC, lower-case, unified quotes, collapsed whitespace. Accents are kept (they carry meaning).
 */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
