// A model folder on disk as the folder check reads it: each file with its size and ranged reads (nothing held whole).
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { FolderFile } from '../lib/core/ml/transformer/model-folder-check';

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
}

export async function diskFolderFiles(dir: string): Promise<FolderFile[]> {
  const paths = await walk(dir);
  return Promise.all(
    paths.map(async (path) => ({
      path: relative(dir, path).replace(/\\/g, '/'),
      size: (await stat(path)).size,
      readAt: async (offset: number, length: number) => {
        const handle = await open(path, 'r');
        try {
          const buffer = new Uint8Array(length);
          const { bytesRead } = await handle.read(buffer, 0, length, offset);
          return buffer.subarray(0, bytesRead);
        } finally {
          await handle.close();
        }
      },
    })),
  );
}
