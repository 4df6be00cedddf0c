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
