// `evaluate` command: scores a saved model on a labelled CSV at the model's own threshold.
import { evaluateModel } from '../../lib/core/ml/evaluate';
import { flag, parseCommandArgs, positional } from '../args';
import { percent, printResult, readModel } from '../io';
import { LABEL_OPTIONS, labelColumns, readLabelledCsv } from '../labelled-csv';

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { ...LABEL_OPTIONS, json: { type: 'boolean' } });
  const model = readModel(positional(args, 0, 'le fichier du modèle (model.json)'));
  const set = readLabelledCsv(positional(args, 1, 'le fichier CSV étiqueté'), labelColumns(args));
  const m = evaluateModel(model, set.texts, set.labels);
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
