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
