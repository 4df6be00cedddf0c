// A byte source over bytes already in memory, cut into chunks of a chosen size (tests, previews, small files).
import type { ByteSource } from './pipeline';

export function memorySource(bytes: Uint8Array, chunkSize = 1 << 20): ByteSource {
  return {
    size: bytes.length,
    async *chunks() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}
