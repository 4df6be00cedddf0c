// bench:backup — a workspace of 250,000 sentences and 5,000 annotations (generated, fake-indexeddb in Node) backed up
// and restored into an empty database: times each step, checks the restored workspace is identical, prints JSON last.
// Env: BENCH_SENTENCES (250000), BENCH_ANNOTATIONS (5000).
import 'fake-indexeddb/auto';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { DissidentiaDb } from '../../src/lib/db/db';
import { createBackup, parseBackup, restoreBackup, serialiseBackup } from '../../src/lib/db/repos/backup';
import { fillWorkspace } from './backup-workspace';

const SENTENCES = Number(process.env.BENCH_SENTENCES ?? 250_000);
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 5_000);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

const source = new DissidentiaDb(`bench-backup-source-${Date.now()}`);
const [, fillSeconds] = await timed(() => fillWorkspace(source, { sentences: SENTENCES, annotations: ANNOTATIONS }));
const [backup, exportSeconds] = await timed(() => createBackup(source));
const [text, serialiseSeconds] = await timed(() => serialiseBackup(backup));
const [parsed, parseSeconds] = await timed(() => parseBackup(text));
const target = new DissidentiaDb(`bench-backup-target-${Date.now()}`);
const [, restoreSeconds] = await timed(() => restoreBackup(target, parsed));
const again = await createBackup(target);
const identical = isDeepStrictEqual(again.tables, backup.tables);
const sentences = backup.tables.answers.reduce((n, a) => n + (a.sentenceCount as number), 0);
const result = {
  sentences,
  answers: backup.tables.answers.length,
  annotations: backup.tables.annotations.length,
  fileMB: round(Buffer.byteLength(text) / 1e6, 1),
  fillSeconds: round(fillSeconds),
  exportSeconds: round(exportSeconds),
  serialiseSeconds: round(serialiseSeconds),
  parseSeconds: round(parseSeconds),
  restoreSeconds: round(restoreSeconds),
  roundTripSeconds: round(exportSeconds + serialiseSeconds + parseSeconds + restoreSeconds),
  identical,
  cores: cpus().length,
  loadAverage: loadavg().map((l) => round(l, 1)),
  note: 'fake-indexeddb in Node: IndexedDB in a browser is faster; compare runs on the same machine',
};
console.log(JSON.stringify(result));
if (!identical) process.exitCode = 1;
