// The files of a dropped or picked folder, with their paths inside it: drag-and-drop walks directory entries
// (webkitGetAsEntry, in every current browser), a webkitdirectory input gives webkitRelativePath.
import type { PickedFile } from '../../state/UserModels.svelte';

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 in Chromium) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, path: string): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path, file }];
  }
  const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
  const nested = await Promise.all(children.map((c) => walk(c, `${path}/${c.name}`)));
  return nested.flat();
}

/** Files whose paths are given (webkitRelativePath, else the name), labelled by their common first folder. */
function filesWithPaths(list: readonly File[]): { label: string; files: PickedFile[] } {
  const files = list.map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  const first = files[0]?.path.includes('/') ? files[0].path.split('/')[0]! : undefined;
  const label = first !== undefined && files.every((f) => f.path.startsWith(`${first}/`)) ? first : 'modele';
  return { label, files };
}

/**
 * A drop's files and a label (the folder's name); several items dropped together count as one folder's contents.
 * An item without a directory entry (a drop built by a script, or a browser without entries) counts as a file whose
 * name is its path.
 */
export async function droppedFolder(data: DataTransfer): Promise<{ label: string; files: PickedFile[] }> {
  const items = [...data.items].filter((i) => i.kind === 'file');
  const entries = items.map((i) => i.webkitGetAsEntry());
  if (entries.some((e) => e === null)) return filesWithPaths(items.map((i) => i.getAsFile()).filter((f): f is File => f !== null));
  const found = entries as FileSystemEntry[];
  const files = (await Promise.all(found.map((e) => walk(e, e.name)))).flat();
  const label = found.length === 1 && found[0]!.isDirectory ? found[0]!.name : 'modele';
  return { label, files };
}

/** A webkitdirectory input's files (their paths start with the folder's name). */
export function pickedFolder(list: FileList): { label: string; files: PickedFile[] } {
  return filesWithPaths([...list]);
}
