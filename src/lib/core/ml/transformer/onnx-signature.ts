// Reads an ONNX file's graph inputs and outputs straight from its protobuf bytes, skipping the weights, so a dropped
// 440 MB model is checked by reading a few hundred kilobytes (ModelProto.graph = 7; GraphProto.input = 11,
// output = 12; ValueInfoProto.name = 1; https://github.com/onnx/onnx/blob/main/onnx/onnx.proto).

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

export interface OnnxSignature {
  inputs: string[];
  outputs: string[];
}

const CHUNK = 64 * 1024;

class NotOnnx extends Error {}

/** A forward reader over a file too large to hold, buffering one chunk at a time. */
class Cursor {
  private buffer: Uint8Array = new Uint8Array(0);
  private start = 0;
  constructor(
    private readonly readAt: ReadAt,
    public pos: number,
    private readonly size: number,
  ) {}

  async byte(): Promise<number> {
    if (this.pos >= this.size) throw new NotOnnx('fin de fichier inattendue');
    if (this.pos < this.start || this.pos >= this.start + this.buffer.length) {
      this.start = this.pos;
      this.buffer = await this.readAt(this.pos, Math.min(CHUNK, this.size - this.pos));
      if (this.buffer.length === 0) throw new NotOnnx('fin de fichier inattendue');
    }
    return this.buffer[this.pos++ - this.start]!;
  }

  async varint(): Promise<number> {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = await this.byte();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new NotOnnx('entier varint trop long');
  }

  async bytes(length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = await this.byte();
    return out;
  }

  /** Skips one field's value of the given wire type. */
  async skip(wire: number): Promise<void> {
    if (wire === 0) await this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 5) this.pos += 4;
    else if (wire === 2) {
      // Read the length first: `pos += await …` would add it to the position from before the length's own bytes.
      const length = await this.varint();
      this.pos += length;
    }
    else throw new NotOnnx(`type de champ protobuf inconnu (${wire})`);
    if (this.pos > this.size) throw new NotOnnx('champ qui dépasse la fin du fichier');
  }
}

/** The name (field 1) of a small ValueInfoProto held in memory. */
async function valueInfoName(bytes: Uint8Array): Promise<string> {
  const cursor = new Cursor(async (o, l) => bytes.subarray(o, o + l), 0, bytes.length);
  while (cursor.pos < bytes.length) {
    const tag = await cursor.varint();
    if (tag >>> 3 === 1 && (tag & 7) === 2) return new TextDecoder().decode(await cursor.bytes(await cursor.varint()));
    await cursor.skip(tag & 7);
  }
  return '';
}

/** The graph's declared inputs and outputs; throws a French message when the bytes are not an ONNX model. */
export async function readOnnxSignature(readAt: ReadAt, size: number): Promise<OnnxSignature> {
  try {
    const model = new Cursor(readAt, 0, size);
    while (model.pos < size) {
      const tag = await model.varint();
      if (tag >>> 3 !== 7 || (tag & 7) !== 2) {
        await model.skip(tag & 7);
        continue;
      }
      const end = (await model.varint()) + model.pos;
      if (end > size) throw new NotOnnx('graphe tronqué');
      const signature: OnnxSignature = { inputs: [], outputs: [] };
      const graph = new Cursor(readAt, model.pos, end);
      while (graph.pos < end) {
        const field = await graph.varint();
        const number = field >>> 3;
        if ((number === 11 || number === 12) && (field & 7) === 2) {
          const name = await valueInfoName(await graph.bytes(await graph.varint()));
          (number === 11 ? signature.inputs : signature.outputs).push(name);
        } else {
          await graph.skip(field & 7);
        }
      }
      return signature;
    }
    throw new NotOnnx('aucun graphe');
  } catch (error) {
    if (error instanceof NotOnnx) throw new Error(`Dossier de modèle refusé : le fichier ONNX est illisible (${error.message}).`);
    throw error;
  }
}
