// Per-code-unit normalisation tables: lower-case, optional accent folding, unified apostrophes, character classes.

/** Character classes used by the tokeniser and the character n-grams. */
export const SPACE = 0;
export const WORD = 1;
export const OTHER = 2;

/** Code unit meaning "drop this unit" (a combining accent when accents are folded). */
export const DROP = 0;
/** `map` entry of a code unit not met yet (U+FFFF is a noncharacter: at worst it is worked out each time). */
export const UNSET = 0xffff;
/** `classOf` entry of a unit not classified yet. */
const UNCLASSIFIED = 255;
/** Code units worked out up front: Latin-1 and Latin Extended-A, where nearly all French text lies. */
const EAGER = 0x180;

const APOSTROPHES = "'’‘`´ʼ′";
const DOUBLE_QUOTES = '«»“”„‟″';
const DASHES = '‐‑‒–—―−';

export interface CharTables {
  /** Normalised code unit for each UTF-16 code unit (DROP = remove); read it through `unitOf`, which fills it. */
  map: Uint16Array;
  /** Class (SPACE, WORD, OTHER) of each normalised code unit, filled for every unit `unitOf` has returned. */
  classOf: Uint8Array;
  foldAccents: boolean;
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

/** Works out a code unit's entry (and its output's class) the first time it is met. */
function fill(tables: CharTables, code: number): number {
  const unit = code === 0 ? DROP : mapUnit(code, tables.foldAccents);
  tables.map[code] = unit;
  if (tables.classOf[unit] === UNCLASSIFIED) tables.classOf[unit] = classify(unit);
  return unit;
}

/** The normalised code unit of a UTF-16 code unit (DROP = remove); its class is then in `classOf`. */
export function unitOf(tables: CharTables, code: number): number {
  const unit = tables.map[code];
  return unit !== UNSET ? unit : fill(tables, code);
}

/**
 * The 64 K-entry tables, once per option. Entries are worked out on first sight: building all of them (regular
 * expressions and normalisation per unit) cost about 30 ms on an idle machine and several times that in a fresh
 * worker, for units no French text holds. Then every text is mapped without allocation.
 */
export function charTables(foldAccents: boolean): CharTables {
  let tables = cache.get(foldAccents);
  if (!tables) {
    tables = { map: new Uint16Array(65536).fill(UNSET), classOf: new Uint8Array(65536).fill(UNCLASSIFIED), foldAccents };
    tables.classOf[32] = SPACE;
    for (let c = 0; c < EAGER; c++) fill(tables, c);
    cache.set(foldAccents, tables);
  }
  return tables;
}

/** The normalised form of a text as a string (what the n-grams are read from); for tests and explanations. */
export function normaliseText(text: string, foldAccents: boolean): string {
  const tables = charTables(foldAccents);
  const source = toNfc(text);
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const unit = unitOf(tables, source.charCodeAt(i));
    if (unit !== DROP) out += String.fromCharCode(unit);
  }
  return out;
}

/** NFC only when a combining mark is present: most texts are already composed and this keeps them untouched. */
export function toNfc(text: string): string {
  return /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
}
