// Text → n-gram hashes: French normalisation, word tokens (elisions split off), word n-grams, char n-grams within or across words.
import { charTables, DROP, SPACE, unitOf, UNSET, WORD, type CharTables } from './char-table';
import { HASH_SEED_1, HASH_SEED_2, mix1, mix2 } from './ngram-table';

/** An inclusive n-gram length range, like scikit-learn's ngram_range. */
export type NgramRange = readonly [number, number];

export interface TextOptions {
  /** Fold accents (é → e); off keeps them, as they carry meaning in French. */
  foldAccents: boolean;
  /** Emit "!" and "?" as word tokens (vehemence markers). */
  punctuationTokens: boolean;
}

/** Elided forms split from the next word: "l'état" → "l'", "état"; "aujourd'hui" stays whole. */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);
const APOSTROPHE = 39;

/** Code units to a string, in chunks so a very long word cannot overflow the argument stack. */
function unitsToString(units: Uint16Array): string {
  // Most n-grams are a few units long: a plain loop spares spreading a typed array into arguments (a profile's
  // top ten while counting a corpus).
  if (units.length <= 16) {
    let short = '';
    for (let i = 0; i < units.length; i++) short += String.fromCharCode(units[i]);
    return short;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.subarray(i, i + 4096));
  return text;
}

/** Growable parallel arrays of emitted n-grams: hash halves, and where each came from (to rebuild its text). */
class Emitted {
  h1 = new Int32Array(1024);
  h2 = new Int32Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  count = 0;

  /** Origins are only needed to rebuild n-gram texts while fitting; prediction skips writing them. */
  constructor(readonly origins: boolean) {}

  push(h1: number, h2: number, from: number, to: number): void {
    if (this.count === this.h1.length) this.#grow();
    const k = this.count++;
    this.h1[k] = h1;
    this.h2[k] = h2;
    if (this.origins) {
      this.from[k] = from;
      this.to[k] = to;
    }
  }

  #grow(): void {
    const size = this.h1.length * 2;
    for (const key of ['h1', 'h2', 'from', 'to'] as const) {
      const next = new Int32Array(size);
      next.set(this[key]);
      this[key] = next;
    }
  }
}

/** Reusable analyser: `load` a text, then emit its word or character n-grams into `out` (scratch buffers are reused). */
export class Analyser {
  readonly out: Emitted;
  /** Second hash half of the last hashUnits call. */
  lastHash2 = 0;
  #tables: CharTables;
  #punctuation: boolean;
  #buf = new Uint16Array(1024);
  #len = 0;
  #tokStart = new Int32Array(256);
  #tokEnd = new Int32Array(256);
  #tokens = 0;
  #padded = new Uint16Array(64);
  /** The loaded text with space runs made single, for n-grams across words. */
  #flat = new Uint16Array(1024);
  #flatLength = 0;

  /** `origins`: keep where each n-gram came from, for wordNgramText / charNgramText. */
  constructor(options: TextOptions, origins = true) {
    this.out = new Emitted(origins);
    this.#tables = charTables(options.foldAccents);
    this.#punctuation = options.punctuationTokens;
  }

  /** Normalises a text into the internal buffer and finds its word tokens. */
  load(text: string): void {
    if (!this.#map(text)) this.#map(text.normalize('NFC'));
    this.#tokenise();
  }

  /** Maps code units into the buffer; false when a combining mark was met (the text then needs NFC first). */
  #map(source: string): boolean {
    if (source.length > this.#buf.length) this.#buf = new Uint16Array(source.length * 2);
    const tables = this.#tables;
    const { map } = tables;
    const buf = this.#buf;
    let len = 0;
    let marks = 0;
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      marks |= code >= 0x300 && code < 0x370 ? 1 : 0;
      let unit = map[code];
      if (unit === UNSET) unit = unitOf(tables, code); // first sight of this code unit
      if (unit !== DROP) buf[len++] = unit;
    }
    this.#len = len;
    return marks === 0 || source.normalize('NFC') === source;
  }

  #pushToken(start: number, end: number): void {
    if (this.#tokens === this.#tokStart.length) {
      const grow = (a: Int32Array) => {
        const next = new Int32Array(a.length * 2);
        next.set(a);
        return next;
      };
      this.#tokStart = grow(this.#tokStart);
      this.#tokEnd = grow(this.#tokEnd);
    }
    this.#tokStart[this.#tokens] = start;
    this.#tokEnd[this.#tokens++] = end;
  }

  #isElision(start: number, end: number): boolean {
    return end - start <= 6 && ELISIONS.has(unitsToString(this.#buf.subarray(start, end)));
  }

  #tokenise(): void {
    const buf = this.#buf;
    const classOf = this.#tables.classOf;
    const len = this.#len;
    this.#tokens = 0;
    let i = 0;
    while (i < len) {
      const unit = buf[i];
      if (classOf[unit] === WORD) {
        let start = i++;
        for (;;) {
          while (i < len && classOf[buf[i]] === WORD) i++;
          if (i + 1 < len && buf[i] === APOSTROPHE && classOf[buf[i + 1]] === WORD) {
            if (this.#isElision(start, i)) {
              this.#pushToken(start, i + 1);
              start = i + 1;
            }
            i++;
            continue;
          }
          break;
        }
        this.#pushToken(start, i);
      } else {
        if (this.#punctuation && (unit === 33 || unit === 63)) this.#pushToken(i, i + 1);
        i++;
      }
    }
  }

  /** Word n-grams (tokens joined by one space) with lengths in range; `from`/`to` = first/last token index. */
  emitWordNgrams(range: NgramRange): number {
    const out = this.out;
    out.count = 0;
    const buf = this.#buf;
    const [minN, maxN] = range;
    for (let i = 0; i < this.#tokens; i++) {
      let h1 = HASH_SEED_1;
      let h2 = HASH_SEED_2;
      for (let n = 1; n <= maxN && i + n <= this.#tokens; n++) {
        if (n > 1) {
          h1 = mix1(h1, 32);
          h2 = mix2(h2, 32);
        }
        const t = i + n - 1;
        for (let p = this.#tokStart[t]; p < this.#tokEnd[t]; p++) {
          h1 = mix1(h1, buf[p]);
          h2 = mix2(h2, buf[p]);
        }
        if (n >= minN) out.push(h1, h2, i, t);
      }
    }
    return out.count;
  }

  /** Calls back with [start, end) of each space-separated word of the loaded text (char n-grams never cross them). */
  forEachSpaceWord(callback: (start: number, end: number) => void): void {
    const buf = this.#buf;
    const len = this.#len;
    const classOf = this.#tables.classOf;
    let i = 0;
    while (i < len) {
      if (classOf[buf[i]] === SPACE) {
        i++;
        continue;
      }
      const start = i;
      while (i < len && classOf[buf[i]] !== SPACE) i++;
      callback(start, i);
    }
  }

  /** Both hash halves of buffer units [start, end); the second is left in `lastHash2`. */
  hashUnits(start: number, end: number): number {
    let h1 = HASH_SEED_1;
    let h2 = HASH_SEED_2;
    for (let p = start; p < end; p++) {
      h1 = mix1(h1, this.#buf[p]);
      h2 = mix2(h2, this.#buf[p]);
    }
    this.lastHash2 = h2;
    return h1;
  }

  /**
   * Character n-grams inside space-padded words, as scikit-learn's char_wb: every window with a length in range,
   * and a padded word shorter than the minimum once as a whole. `from` = word start, `to` = offset in the padded word * 256 + length.
   */
  emitCharNgrams(range: NgramRange): number {
    this.out.count = 0;
    this.forEachSpaceWord((start, end) => this.appendWordCharNgrams(start, end, range));
    return this.out.count;
  }

  /** Appends the character n-grams of the word at buffer units [start, end) to `out`. */
  appendWordCharNgrams(start: number, end: number, [minN, maxN]: NgramRange): void {
    const out = this.out;
    const width = end - start + 2;
    if (width > this.#padded.length) this.#padded = new Uint16Array(width * 2);
    const padded = this.#padded;
    padded[0] = 32;
    padded.set(this.#buf.subarray(start, end), 1);
    padded[width - 1] = 32;
    for (let s = 0; s < width; s++) {
      let h1 = HASH_SEED_1;
      let h2 = HASH_SEED_2;
      const last = Math.min(maxN, width - s);
      for (let n = 1; n <= last; n++) {
        h1 = mix1(h1, padded[s + n - 1]);
        h2 = mix2(h2, padded[s + n - 1]);
        if (n >= minN) out.push(h1, h2, start, s * 256 + n);
      }
    }
    if (width < minN) {
      let h1 = HASH_SEED_1;
      let h2 = HASH_SEED_2;
      for (let s = 0; s < width; s++) {
        h1 = mix1(h1, padded[s]);
        h2 = mix2(h2, padded[s]);
      }
      out.push(h1, h2, start, width);
    }
  }

  /**
   * Character n-grams over the whole text, across word bounds, as scikit-learn's analyzer 'char': runs of spaces
   * count as one space, no padding. `from` = start in that flattened text, `to` = length.
   */
  emitTextCharNgrams([minN, maxN]: NgramRange): number {
    const out = this.out;
    out.count = 0;
    const flat = this.#flatten();
    const size = this.#flatLength;
    for (let s = 0; s < size; s++) {
      let h1 = HASH_SEED_1;
      let h2 = HASH_SEED_2;
      const last = Math.min(maxN, size - s);
      for (let n = 1; n <= last; n++) {
        h1 = mix1(h1, flat[s + n - 1]);
        h2 = mix2(h2, flat[s + n - 1]);
        if (n >= minN) out.push(h1, h2, s, n);
      }
    }
    return out.count;
  }

  /** The loaded text with every run of spaces made one space (kept in a scratch buffer for textCharNgramText). */
  #flatten(): Uint16Array {
    if (this.#len > this.#flat.length) this.#flat = new Uint16Array(this.#len * 2);
    const flat = this.#flat;
    const classOf = this.#tables.classOf;
    let size = 0;
    for (let i = 0; i < this.#len; i++) {
      const unit = this.#buf[i];
      if (classOf[unit] === SPACE && size > 0 && flat[size - 1] === 32) continue;
      flat[size++] = unit;
    }
    this.#flatLength = size;
    return flat;
  }

  /** The text of emitted whole-text character n-gram k. */
  textCharNgramText(k: number): string {
    const start = this.out.from[k];
    return unitsToString(this.#flat.subarray(start, start + this.out.to[k]));
  }

  /** The text of emitted word n-gram k (only called for new vocabulary entries). */
  wordNgramText(k: number): string {
    const parts: string[] = [];
    for (let t = this.out.from[k]; t <= this.out.to[k]; t++) {
      parts.push(unitsToString(this.#buf.subarray(this.#tokStart[t], this.#tokEnd[t])));
    }
    return parts.join(' ');
  }

  /** The text of emitted character n-gram k (the pads are the word's ends: a space or the end of the text). */
  charNgramText(k: number): string {
    const start = this.out.from[k];
    const offset = this.out.to[k] >>> 8;
    const n = this.out.to[k] & 255;
    let text = '';
    for (let p = offset; p < offset + n; p++) {
      const at = start + p - 1;
      const pad = p === 0 || at >= this.#len || this.#tables.classOf[this.#buf[at]] === SPACE;
      text += pad ? ' ' : String.fromCharCode(this.#buf[at]);
    }
    return text;
  }

  /** Buffer offset where word token t of the loaded text starts (explanations map n-grams back to words with it). */
  tokenStart(t: number): number {
    return this.#tokStart[t];
  }

  /** Word tokens of the loaded text, as strings. */
  tokens(): string[] {
    const out: string[] = [];
    for (let t = 0; t < this.#tokens; t++) out.push(unitsToString(this.#buf.subarray(this.#tokStart[t], this.#tokEnd[t])));
    return out;
  }
}
