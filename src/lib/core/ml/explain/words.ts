// The words an explanation speaks of: the text's space-separated words, with their offsets in the text and in the
// analyser's normalised buffer, so n-grams (exact contributions) and masks (LIME) refer to the same units.
import { charTables, DROP, toNfc, unitOf } from '../char-table';

/** One word of a text as a reader sees it between spaces ("l’État,", "nulle."). */
export interface WordUnit {
  /** The word without the punctuation around it ("nulle" for "nulle."); the whole unit when it holds no letter or digit. */
  word: string;
  /** Offsets of `word` in the (NFC) text, for highlighting. */
  start: number;
  end: number;
  /** Offsets of the whole space-separated unit in the text, punctuation included (what LIME removes). */
  spanStart: number;
  spanEnd: number;
}

export interface WordLayout {
  /** The text the offsets refer to: the input in NFC (identical to it unless it held combining accents). */
  text: string;
  words: WordUnit[];
  /** For each unit of the analyser's normalised buffer: the word it belongs to, or -1 for a space. */
  wordOfBuffer: Int32Array;
  /** The same for the buffer with space runs made single (character n-grams across words are read from it). */
  wordOfFlat: Int32Array;
}

const EDGE = /[\p{L}\p{N}]/u;

function core(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && !EDGE.test(text[start])) start++;
  while (end > start && !EDGE.test(text[end - 1])) end--;
  return start < end ? [start, end] : [from, to];
}

/**
 * Splits a text into words exactly where the analyser sees spaces (its per-unit tables: any Unicode space), and maps
 * the analyser's buffer positions (dropped units such as folded accents removed) back to those words.
 */
export function layoutWords(input: string, foldAccents: boolean): WordLayout {
  const text = toNfc(input);
  const tables = charTables(foldAccents);
  const words: WordUnit[] = [];
  const wordOfBuffer: number[] = [];
  const wordOfFlat: number[] = [];
  let open = -1;
  let lastFlatSpace = false;
  const close = (end: number) => {
    if (open < 0) return;
    const [start, stop] = core(text, open, end);
    words.push({ word: text.slice(start, stop), start, end: stop, spanStart: open, spanEnd: end });
    open = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = unitOf(tables, text.charCodeAt(i));
    if (unit === DROP) continue;
    if (unit === 32) {
      close(i);
      wordOfBuffer.push(-1);
      // The analyser keeps the first space of a run (a leading one too) and skips the rest.
      if (!(lastFlatSpace && wordOfFlat.length > 0)) wordOfFlat.push(-1);
      lastFlatSpace = true;
      continue;
    }
    if (open < 0) open = i;
    wordOfBuffer.push(words.length);
    wordOfFlat.push(words.length);
    lastFlatSpace = false;
  }
  close(text.length);
  return { text, words, wordOfBuffer: Int32Array.from(wordOfBuffer), wordOfFlat: Int32Array.from(wordOfFlat) };
}

/** The text with the chosen words removed (kept[i] false), the rest left as it stands. */
export function maskWords(text: string, words: readonly WordUnit[], kept: ArrayLike<boolean | number>): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    if (kept[i]) continue;
    out += text.slice(from, words[i].spanStart);
    from = words[i].spanEnd;
  }
  return out + text.slice(from);
}
