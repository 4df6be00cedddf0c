// `sentences <answers.csv> [--column auto|NAME] [--id-column NAME] [--out sentences.csv] [--json]`: the browser's
// import pipeline in Node; prints {answers, emptyAnswers, malformedRows, sentences, column}.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import Papa from 'papaparse';
import { resolveColumn } from '../../lib/core/csv/columns';
import { runImport, type ByteSource, type ImportBatch } from '../../lib/core/csv/pipeline';
import { PREVIEW_BYTES, previewBytes } from '../../lib/core/csv/preview';
import { flag, parseCommandArgs, positional, stringOption } from '../args';

function fileSource(path: string, size: number): ByteSource {
  return {
    size,
    async *chunks() {
      for await (const chunk of createReadStream(path, { highWaterMark: 2 * 1024 * 1024 })) yield chunk as Buffer;
    },
  };
}

async function readStart(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(PREVIEW_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PREVIEW_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Writes sentence rows as CSV, waiting when the disk falls behind. */
function csvWriter(out: WriteStream) {
  out.write('answer_id,sentence_index,start,end,text\n');
  return async (batch: ImportBatch) => {
    const rows = batch.answers.flatMap((a) => a.sentences.map((s) => [a.externalId, s.index, s.start, s.end, s.text]));
    if (rows.length && !out.write(`${Papa.unparse(rows, { header: false, newline: '\n' })}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  };
}

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { column: { type: 'string' }, 'id-column': { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
  const path = positional(args, 0, 'le fichier CSV des réponses');
  const info = await stat(path).catch(() => {
    throw new Error(`Fichier introuvable : ${path}`);
  });
  if (!info.isFile()) throw new Error(`Ce n’est pas un fichier : ${path}`);
  const preview = previewBytes(await readStart(path), info.size);
  const columnSpec = stringOption(args, 'column') ?? 'auto';
  const text = columnSpec === 'auto' ? preview.textColumn : resolveColumn(preview.headers, columnSpec);
  const idSpec = stringOption(args, 'id-column');
  const id = idSpec === undefined ? preview.idColumn : resolveColumn(preview.headers, idSpec);
  const outPath = stringOption(args, 'out');
  const out = outPath ? createWriteStream(outPath) : undefined;
  const write = out ? csvWriter(out) : async () => {};
  const summary = await runImport(fileSource(path, info.size), { columns: { text, id } }, { write });
  if (out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

  const result = {
    answers: summary.answers,
    emptyAnswers: summary.emptyAnswers,
    malformedRows: summary.malformedRows,
    sentences: summary.sentences,
    column: summary.column,
    idColumn: summary.idColumn,
    encoding: summary.encoding,
    delimiter: summary.delimiter,
    malformed: summary.malformed.slice(0, 100).map(({ line, reason, fields }) => ({ line, reason, fields })),
    seconds: Math.round(summary.durationMs) / 1000,
  };
  if (flag(args, 'json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines = [
    `Colonne : ${summary.column}`,
    `Réponses : ${summary.answers} (dont ${summary.emptyAnswers} vides)`,
    `Phrases : ${summary.sentences}`,
    `Enregistrements mal formés : ${summary.malformedRows}${summary.malformed.length ? ` (lignes ${summary.malformed.slice(0, 10).map((m) => m.line).join(', ')}${summary.malformedRows > 10 ? '…' : ''})` : ''}`,
    `Encodage : ${summary.encoding}, séparateur : ${JSON.stringify(summary.delimiter)}`,
  ];
  if (outPath) lines.push(`Phrases écrites dans ${outPath}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
