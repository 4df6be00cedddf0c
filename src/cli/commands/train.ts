// `train` command: trains the baseline (or, with transfer:<dir>, a head on an encoder's vectors) on a labelled CSV,
// writes the model JSON, prints a summary.
import { nestedCrossValidation, trainBaseline, type Imbalance, type TrainOptionsInput } from '../../lib/core/ml/model';
import { flag, integerOption, parseCommandArgs, positional, stringOption } from '../args';
import { percent, printResult, progressReporter, trainedSummary, writeModel } from '../io';
import { LABEL_OPTIONS, labelColumns, readLabelledCsv } from '../labelled-csv';
import { TRANSFER_OPTIONS, trainTransferCommand } from '../transfer-train';

const OPTIONS = {
  ...LABEL_OPTIONS,
  ...TRANSFER_OPTIONS,
  model: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  search: { type: 'string' },
  candidates: { type: 'string' },
  folds: { type: 'string' },
  imbalance: { type: 'string' },
  nested: { type: 'string' },
  repeats: { type: 'string' },
  'no-learning-curve': { type: 'boolean' },
  'char-across-words': { type: 'boolean' },
} as const;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} attend ${allowed.join(' | ')} (reçu : « ${value} »).`);
  return value as T;
}

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, OPTIONS);
  const csv = positional(args, 0, 'le fichier CSV étiqueté');
  const out = stringOption(args, 'out', true);
  const kind = stringOption(args, 'model') ?? 'baseline';
  if (kind !== 'baseline' && !kind.startsWith('transfer:')) throw new Error(`--model attend baseline ou transfer:<dossier> (reçu : « ${kind} »).`);
  const set = readLabelledCsv(csv, labelColumns(args));
  if (kind.startsWith('transfer:')) return trainTransferCommand(kind.slice('transfer:'.length), set, args, out, flag(args, 'json'));
  const options: TrainOptionsInput = {
    seed: integerOption(args, 'seed', 42, 0, 2 ** 32 - 1),
    search: oneOf(stringOption(args, 'search'), ['grid', 'random', 'none'] as const, 'search'),
    randomCandidates: integerOption(args, 'candidates', 12, 1, 1000),
    folds: integerOption(args, 'folds', 5, 2, 20),
    imbalance: oneOf<Imbalance>(stringOption(args, 'imbalance'), ['class-weight', 'undersample', 'oversample'], 'imbalance'),
    ...(flag(args, 'no-learning-curve') ? { learningCurve: null } : {}),
    ...(flag(args, 'char-across-words') ? { features: { charAcrossWords: true } } : {}),
  };
  for (const key of Object.keys(options) as (keyof TrainOptionsInput)[]) if (options[key] === undefined) delete options[key];
  const model = await trainBaseline(set.texts, set.labels, options, { onProgress: progressReporter('Entraînement') });
  writeModel(out, model);
  const nestedFolds = integerOption(args, 'nested', 0, 0, 20);
  const nestedCv =
    nestedFolds >= 2
      ? await nestedCrossValidation(set.texts, set.labels, options, { folds: nestedFolds, repeats: integerOption(args, 'repeats', 1, 1, 20) }, { onProgress: progressReporter('Validation imbriquée') })
      : undefined;
  const result = {
    ...trainedSummary(out, model, set),
    params: model.settings.params,
    features: model.settings.features,
    ...(nestedCv ? { nestedCv } : {}),
  };
  const { cv } = result;
  printResult(flag(args, 'json'), result, () =>
    [
      `Modèle écrit dans ${result.model} (${model.trainedOn.n} phrases, dont ${model.trainedOn.positives} dissidentes) en ${model.trainSeconds.toFixed(1)} s.`,
      `Validation croisée (${cv.folds} plis) : AUC ${cv.auc.toFixed(3)} ± ${cv.aucStd.toFixed(3)}, F1 ${cv.f1.toFixed(3)} au seuil ${model.threshold}.`,
      `Réglages retenus : C = ${model.settings.params.C}, mots ${JSON.stringify(model.settings.params.wordNgrams)}, caractères ${JSON.stringify(model.settings.params.charNgrams)}, min_df ${model.settings.params.minDf}.`,
      ...(nestedCv ? [`Validation imbriquée (${nestedCv.outerFolds} plis × ${nestedCv.repeats}) : AUC ${nestedCv.auc.toFixed(3)} ± ${nestedCv.aucStd.toFixed(3)}, F1 ${nestedCv.f1.toFixed(3)}.`] : []),
      `Précision ${percent(cv.precision)}, rappel ${percent(cv.recall)}.`,
    ].join('\n'),
  );
}
