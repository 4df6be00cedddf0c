// Compact posting lists: sorted document numbers as varint gaps, each with its term count (1 in nearly all cases).

/** Growable byte buffer for varints. */
class Bytes {
  buf = new Uint8Array(64);
  length = 0;
  push(value: number): void {
    if (this.length + 5 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    while (value >= 0x80) {
      this.buf[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buf[this.length++] = value;
  }
}

/**
 * Encodes postings given as doc × 256 + min(tf, 255), docs ascending: per posting a varint of (gap × 2 + (tf > 1)),
 * followed by a varint of tf when it is above 1.
 */
export function encodePostings(packed: readonly number[]): Uint8Array {
  const out = new Bytes();
  let previous = 0;
  for (const p of packed) {
    const doc = Math.floor(p / 256);
    const tf = p % 256;
    out.push((doc - previous) * 2 + (tf > 1 ? 1 : 0));
    if (tf > 1) out.push(tf);
    previous = doc;
  }
  return out.buf.slice(0, out.length);
}

/** Calls `visit(doc, tf)` for each posting of an encoded list, in document order. */
export function forEachPosting(bytes: Uint8Array, visit: (doc: number, tf: number) => void): void {
  let i = 0;
  let doc = 0;
  const read = (): number => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[i++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (i < bytes.length) {
    const head = read();
    doc += Math.floor(head / 2);
    visit(doc, head % 2 ? read() : 1);
  }
}

/** A posting list decoded into typed arrays: document numbers ascending, each with its term count. */
export interface PostingList {
  docs: Uint32Array;
  tfs: Uint8Array;
}

// Decoded lists by their encoded bytes: a warm search or similarity reuses them while the caller keeps the bytes.
const decodedCache = new WeakMap<Uint8Array, PostingList>();

/**
 * Decodes a whole list (a tight loop, no callback per posting: decoding the long lists of common words is what a
 * similarity query spends its time on). Memoised on the bytes' identity.
 */
export function decodePostings(bytes: Uint8Array): PostingList {
  const known = decodedCache.get(bytes);
  if (known) return known;
  // At most one posting per byte: size for that, then trim.
  const docs = new Uint32Array(bytes.length);
  const tfs = new Uint8Array(bytes.length);
  let n = 0;
  let i = 0;
  let doc = 0;
  while (i < bytes.length) {
    let byte = bytes[i++]!;
    let head = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[i++]!;
      head += (byte & 0x7f) * 2 ** shift;
    }
    doc += Math.floor(head / 2);
    let tf = 1;
    if (head % 2) {
      byte = bytes[i++]!;
      tf = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[i++]!;
        tf += (byte & 0x7f) * 2 ** shift;
      }
    }
    docs[n] = doc;
    tfs[n++] = Math.min(tf, 255);
  }
  const list = { docs: docs.slice(0, n), tfs: tfs.slice(0, n) };
  decodedCache.set(bytes, list);
  return list;
}

/** Appends non-negative integers as varints (the positions stream of a term while an index is built). */
export class VarintWriter {
  readonly #bytes = new Bytes();
  push(value: number): void {
    this.#bytes.push(value);
  }
  finish(): Uint8Array {
    return this.#bytes.buf.slice(0, this.#bytes.length);
  }
}

const positionsCache = new WeakMap<Uint8Array, { starts: Uint32Array; positions: Uint32Array }>();

/**
 * Decodes a term's positions stream (for each posting, its tf positions as gaps from the previous one, the first
 * from 0) into one array, with the offset of each posting's first position (one entry more: the total). Memoised on
 * the bytes' identity, as the postings are.
 */
export function decodePositions(bytes: Uint8Array, tfs: Uint8Array): { starts: Uint32Array; positions: Uint32Array } {
  const known = positionsCache.get(bytes);
  if (known) return known;
  const starts = new Uint32Array(tfs.length + 1);
  for (let p = 0; p < tfs.length; p++) starts[p + 1] = starts[p]! + tfs[p]!;
  const positions = new Uint32Array(starts[tfs.length]!);
  let i = 0;
  for (let p = 0; p < tfs.length; p++) {
    let at = 0;
    for (let j = starts[p]!; j < starts[p + 1]!; j++) {
      let byte = bytes[i++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[i++]!;
        gap += (byte & 0x7f) * 2 ** shift;
      }
      at += gap;
      positions[j] = at;
    }
  }
  positionsCache.set(bytes, { starts, positions });
  return { starts, positions };
}
