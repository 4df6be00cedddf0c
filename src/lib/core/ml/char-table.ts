// Per-code-unit normalisation tables: lower-case, optional accent folding, unified apostrophes, character classes.

/** Character classes used by the tokeniser and the character n-grams. */
export const SPACE = 0;
export const WORD = 1;
export const OTHER = 2;

/** Code unit meaning "drop this unit" (a combining accent when accents are folded). */
export const DROP = 0;

const APOSTROPHES = "'’‘`´ʼ′";
const DOUBLE_QUOTES = '«»“”„‟″';
const DASHES = '‐‑‒–—―−';

export interface CharTables {
  /** Normalised code unit for each UTF-16 code unit (DROP = remove). */
  map: Uint16Array;
  /** Class (SPACE, WORD, OTHER) of each normalised code unit. */
  classOf: Uint8Array;
}

const cache = new Map<boolean, CharTables>();

function mapUnit(code: number, foldAccents: boolean): number {
  const ch = String.fromCharCode(code);
  if (APOSTROPHES.includes(ch)) return 39;
  if (DOUBLE_QUOTES.includes(ch)) return 34;
  if (DASHES.includes(ch)) return 45;
  if (/\s/u.test(ch)) return 32;
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves pass through unchanged
  if (foldAccents && /\p{M}/u.test(ch)) return DROP;
  const lower = ch.toLowerCase();
  let out = lower.length === 1 ? lower : ch;
  if (foldAccents) {
    const base = out.normalize('NFD');
    if (base.length > 1 && /^\p{M}+$/u.test(base.slice(1))) out = base[0] ?? out;
  }
  return out.charCodeAt(0);
}

function classify(code: number): number {
  if (code === 32) return SPACE;
  if (code >= 0xd800 && code <= 0xdfff) return OTHER;
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) ? WORD : OTHER;
}

/** Builds (once per option) the 64 K-entry tables; about 30 ms, then every text is mapped without allocation. */
export function charTables(foldAccents: boolean): CharTables {
  let tables = cache.get(foldAccents);
  if (!tables) {
    const map = new Uint16Array(65536);
    const classOf = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) {
      map[c] = mapUnit(c, foldAccents);
      classOf[c] = classify(c);
    }
    map[0] = DROP;
    tables = { map, classOf };
    cache.set(foldAccents, tables);
  }
  return tables;
}

/** The normalised form of a text as a string (what the n-grams are read from); for tests and explanations. */
export function normaliseText(text: string, foldAccents: boolean): string {
  const { map } = charTables(foldAccents);
  const source = toNfc(text);
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const unit = map[source.charCodeAt(i)];
    if (unit !== DROP) out += String.fromCharCode(unit);
  }
  return out;
}

/** NFC only when a combining mark is present: most texts are already composed and this keeps them untouched. */
export function toNfc(text: string): string {
  return /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
}
