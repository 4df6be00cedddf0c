// `score <model.json> <answers.csv|-> --out scores.csv|- [--column auto|NAME] [--id-column NAME] [--batch N] [--json]`:
// every sentence of a file of any size scored in constant memory; prints {answers, sentences, seconds, out}.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import { scoreStream, type ScoredSentence } from '../../lib/core/csv/score-stream';
import { predictProba } from '../../lib/core/ml/model';
import { flag, integerOption, parseCommandArgs, positional, stringOption } from '../args';
import { printResult, readModel } from '../io';

export const SCORE_HEADER = ['answer_id', 'sentence_index', 'start', 'end', 'probability', 'label', 'sentence'];

/** Checked before the output is created, so a mistyped input leaves no empty scores file behind. */
async function checkInput(path: string): Promise<void> {
  if (path === '-') return;
  const info = await stat(path).catch(() => {
    throw new Error(`Fichier introuvable : ${path}`);
  });
  if (!info.isFile()) throw new Error(`Ce n’est pas un fichier : ${path}`);
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 2 * 1024 * 1024 });
  for await (const chunk of stream) yield chunk as Buffer;
}

/** Writes rows as CSV, waiting whenever the output falls behind (so memory stays flat on a slow disk or pipe). */
function csvSink(out: Writable, threshold: number) {
  out.write(`${SCORE_HEADER.join(',')}\n`);
  return async (rows: ScoredSentence[]) => {
    const cells = rows.map((r) => [r.answerId, r.index, r.start, r.end, r.probability.toFixed(6), r.probability >= threshold ? 'dissident' : 'non dissident', r.text]);
    if (!out.write(`${Papa.unparse(cells, { header: false, newline: '\n' })}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
}

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { out: { type: 'string' }, column: { type: 'string' }, 'id-column': { type: 'string' }, batch: { type: 'string' }, json: { type: 'boolean' } });
  const model = readModel(positional(args, 0, 'le fichier du modèle (model.json)'));
  const input = positional(args, 1, 'le fichier CSV des réponses (ou - pour l’entrée standard)');
  const outPath = stringOption(args, 'out', true);
  const json = flag(args, 'json');
  if (outPath === '-' && json) throw new Error('--out - écrit les scores sur la sortie standard : retirez --json (le bilan va alors sur la sortie d’erreur).');
  const batchSentences = integerOption(args, 'batch', 2048, 1, 1_000_000);
  await checkInput(input);
  const started = performance.now();
  const out: Writable = outPath === '-' ? process.stdout : createWriteStream(outPath);
  const failed = new Promise<never>((_, reject) => out.once('error', () => reject(new Error(`Impossible d’écrire les scores dans ${outPath}`))));
  failed.catch(() => {}); // handled through the race below; this only keeps a late error from going unhandled
  const summary = await Promise.race([
    scoreStream(fileChunks(input), { column: stringOption(args, 'column') ?? 'auto', idColumn: stringOption(args, 'id-column') ?? 'auto', batchSentences }, (texts) => predictProba(model, texts), csvSink(out, model.threshold)),
    failed,
  ]);
  if (outPath !== '-') await new Promise<void>((resolve, reject) => (out as WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())));
  const seconds = (performance.now() - started) / 1000;
  const result = {
    answers: summary.answers,
    sentences: summary.sentences,
    seconds: Math.round(seconds * 1000) / 1000,
    out: outPath,
    emptyAnswers: summary.emptyAnswers,
    malformedRows: summary.malformedRows,
    column: summary.column,
    idColumn: summary.idColumn,
    sentencesPerSecond: Math.round(summary.sentences / Math.max(seconds, 1e-9)),
    peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const human = () =>
    [`${result.sentences} phrases de ${result.answers} réponses notées en ${result.seconds} s (${result.sentencesPerSecond} phrases/s).`, `Colonne : ${result.column}. Scores : ${outPath === '-' ? 'sortie standard' : outPath}.`].join('\n');
  if (outPath === '-') process.stderr.write(`${human()}\n`);
  else printResult(json, result, human);
}
