// Encoding detection (UTF-8 with or without BOM, UTF-16 by BOM, else Windows-1252) and a streaming decoder
// that fails clearly on invalid UTF-8 and falls back to Windows-1252 while everything read so far was ASCII.
import { ImportError } from './errors';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
  /** True when the sample had no byte above 0x7F: the guess is UTF-8 but may still turn out to be Windows-1252. */
  asciiOnly: boolean;
}

export interface Utf8Scan {
  /** Offset of the first byte that breaks UTF-8, or -1. */
  invalid: number;
  /** Well-formed multi-byte characters seen (accents written in UTF-8). */
  multibyte: number;
}

/**
 * Scans bytes as UTF-8. A sequence cut by the end of a sample (`truncatedEndOk`) is not an error:
 * the next bytes of the file would complete it.
 */
export function scanUtf8(bytes: Uint8Array, truncatedEndOk = false): Utf8Scan {
  const n = bytes.length;
  let invalid = -1;
  let multibyte = 0;
  let i = 0;
  outer: while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else {
      if (invalid < 0) invalid = i;
      i++;
      continue;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) {
        if (!truncatedEndOk && invalid < 0) invalid = i;
        break outer;
      }
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) {
        if (invalid < 0) invalid = i;
        i++;
        continue outer;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      if (invalid < 0) invalid = i;
      i++;
      continue;
    }
    multibyte++;
    i += need + 1;
  }
  return { invalid, multibyte };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, truncatedEndOk = false): number {
  return scanUtf8(bytes, truncatedEndOk).invalid;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** Guesses the encoding from the first bytes (`whole`: the sample is the entire file); refuses a mix. */
export function detectEncoding(sample: Uint8Array, whole: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true, asciiOnly: false };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true, asciiOnly: false };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true, asciiOnly: false };
  const scan = scanUtf8(sample, !whole);
  if (scan.invalid >= 0) {
    // Accents written in UTF-8 and bytes that are not UTF-8 in one file: neither encoding reads it right.
    if (scan.multibyte > 0) throw new ImportError('invalidEncoding', { offset: scan.invalid });
    return { encoding: 'windows-1252', bom: false, asciiOnly: false };
  }
  return { encoding: 'utf-8', bom: false, asciiOnly: !hasNonAscii(sample) };
}

/** Refuses binary files (NUL bytes, control characters, archive or document signatures) before parsing. */
export function checkNotBinary(sample: Uint8Array, encoding: Encoding): void {
  const starts = (...sig: number[]) => sig.every((b, i) => sample[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) throw new ImportError('spreadsheet');
  if (encoding.startsWith('utf-16')) return;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) throw new ImportError('binary');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (controls > sample.length * 0.01) throw new ImportError('binary');
}

/** Decodes a file chunk by chunk, never splitting a character across chunks. */
export class StreamDecoder {
  #decoder: InstanceType<typeof TextDecoder>;
  #encoding: Encoding;
  #fallback: boolean;
  #offset = 0;

  constructor(guess: EncodingGuess) {
    this.#encoding = guess.encoding;
    this.#fallback = guess.asciiOnly;
    this.#decoder = new TextDecoder(guess.encoding, { fatal: guess.encoding === 'utf-8' });
  }

  /** The encoding in use now (it changes once if an ASCII-looking file turns out to be Windows-1252). */
  get encoding(): Encoding {
    return this.#encoding;
  }

  decode(chunk: Uint8Array, last: boolean): string {
    const start = this.#offset;
    this.#offset += chunk.length;
    try {
      const text = this.#decoder.decode(chunk, { stream: !last });
      if (this.#fallback && hasNonAscii(chunk)) this.#fallback = false;
      return text;
    } catch {
      const bad = firstInvalidUtf8(chunk, !last);
      if (this.#fallback && !hasNonAscii(chunk.subarray(0, Math.max(0, bad)))) {
        // Everything before was ASCII, identical in both encodings: carry on in Windows-1252.
        this.#fallback = false;
        this.#encoding = 'windows-1252';
        this.#decoder = new TextDecoder('windows-1252');
        return this.#decoder.decode(chunk, { stream: !last });
      }
      throw new ImportError('invalidEncoding', { offset: start + Math.max(0, bad) });
    }
  }
}
