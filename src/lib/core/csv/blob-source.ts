// A byte source over a Blob or File (browser, worker, Node 20): slices read one ahead, so the disk read of the
// next chunk overlaps the parsing of this one; the whole file is never in memory.
import { ImportError } from './errors';
import type { ByteSource } from './pipeline';

export const CHUNK_BYTES = 1024 * 1024;

export function blobSource(blob: Blob, chunkSize = CHUNK_BYTES): ByteSource {
  return {
    size: blob.size,
    async *chunks() {
      // A file changed on disk after it was picked fails with NotReadableError: say so in French.
      const read = (at: number) =>
        blob
          .slice(at, Math.min(blob.size, at + chunkSize))
          .arrayBuffer()
          .catch((error: unknown) => {
            throw (error as Error)?.name === 'NotReadableError' ? new ImportError('unreadable') : error;
          });
      let next = blob.size > 0 ? read(0) : undefined;
      for (let at = 0; next; at += chunkSize) {
        const current = await next;
        next = at + chunkSize < blob.size ? read(at + chunkSize) : undefined;
        yield new Uint8Array(current);
      }
    },
  };
}

/** Size, first and last 64 KiB hashed: the same file (even copied or downloaded again) gives the same value. */
export async function blobFingerprint(blob: Blob, hash: (text: string) => string): Promise<string> {
  const edge = 65_536;
  const decoder = new TextDecoder('windows-1252');
  const head = decoder.decode(await blob.slice(0, edge).arrayBuffer());
  const tail = decoder.decode(await blob.slice(Math.max(0, blob.size - edge)).arrayBuffer());
  return `${blob.size}:${hash(head + tail)}`;
}
