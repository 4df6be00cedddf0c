// `evaluate` command: scores a saved model (or a fine-tuned classifier folder) on a labelled CSV at the model's own threshold.
import { evaluateScores } from '../../lib/core/ml/evaluate';
import { flag, parseCommandArgs, positional } from '../args';
import { percent, printResult } from '../io';
import { LABEL_OPTIONS, labelColumns, readLabelledCsv } from '../labelled-csv';
import { openScorer } from '../scorer';

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { ...LABEL_OPTIONS, json: { type: 'boolean' } });
  const modelPath = positional(args, 0, 'le fichier du modèle (model.json) ou le dossier d’un classifieur');
  const set = readLabelledCsv(positional(args, 1, 'le fichier CSV étiqueté'), labelColumns(args));
  const model = await openScorer(modelPath);
  let probabilities: Float64Array;
  try {
    probabilities = await model.score(set.texts);
  } finally {
    await model.dispose();
  }
  const m = evaluateScores(set.labels, probabilities, model.threshold);
  const result = {
    n: m.n,
    auc: m.auc,
    averagePrecision: m.averagePrecision,
    f1: m.f1,
    precision: m.precision,
    recall: m.recall,
    accuracy: m.accuracy,
    threshold: model.threshold,
    confusion: m.confusion,
  };
  printResult(flag(args, 'json'), result, () =>
    [
      `${result.n} phrases évaluées au seuil ${model.threshold}.`,
      `AUC ROC ${result.auc.toFixed(3)}, précision moyenne ${result.averagePrecision.toFixed(3)}.`,
      `F1 ${m.f1.toFixed(3)}, précision ${percent(m.precision)}, rappel ${percent(m.recall)}, exactitude ${percent(m.accuracy)}.`,
    ].join('\n'),
  );
}
