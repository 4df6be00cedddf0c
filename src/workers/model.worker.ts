// Model worker entry: a thin dispatcher into the pure ml modules and the transformer runtime; keeps loaded models across requests.
import { CodedError } from '../lib/core/errors';
import { trainExperiment } from '../lib/core/ml/experiment';
import { explainBaselineSentence } from '../lib/core/ml/explain';
import { predictProba } from '../lib/core/ml/model';
import { serve, type Handlers } from '../lib/workers/rpc';
import { rank } from './active-handlers';
import type { ModelProtocol } from '../lib/workers/model/protocol';
import { runChecks } from './check-handlers';
import { explainWith, loadedBaselines as loaded, predictWith } from './predictor-handlers';
import { trainBaselineStored } from './training-handlers';
import { scoreHandlers } from './score-handlers';

// transformers.js and the ONNX runtime load on the first transformer request only: the baseline never pays for them.
const transformers = () => import('./transformer-handlers');
const embeddings = () => import('./embedding-handlers');

const handlers = {
  ...scoreHandlers((key) => loaded.get(key)),
  'baseline/train': ({ texts, labels, options, holdout }, { signal, emit }) =>
    trainExperiment(texts, labels, options ?? {}, holdout ?? 0, { signal, onProgress: (p) => emit('train/progress', p) }),
  'baseline/load': ({ key, model }) => {
    loaded.set(key, model);
    return { key };
  },
  'baseline/predict': ({ key, texts }) => {
    const model = loaded.get(key);
    if (!model) throw new CodedError('model/notLoaded', `Modèle non chargé : ${key}`, { key });
    return predictProba(model, texts);
  },
  'baseline/explain': ({ key, sentence, method, samples, seed }, { signal }) => {
    const model = loaded.get(key);
    if (!model) throw new CodedError('model/notLoaded', `Modèle non chargé : ${key}`, { key });
    return explainBaselineSentence(model, sentence, method, { samples, seed, signal });
  },
  'transformer/embed': async (args, ctx) => (await transformers()).embed(args, ctx),
  'transformer/classify': async (args, ctx) => (await transformers()).classify(args, ctx),
  'transformer/runtime': async () => (await transformers()).runtime(),
  'transfer/train': async (args, ctx) => (await transformers()).train(args, ctx),
  'transfer/predict': async (args, ctx) => (await transformers()).predict(args, ctx),
  'checks/run': (args, ctx) => runChecks(args, ctx),
  'usermodels/runtimeFiles': async (args) => (await import('./usermodels-handlers')).runtimeFiles(args),
  'baseline/trainStored': (args, ctx) => trainBaselineStored(args, ctx),
  'transfer/trainStored': async (args, ctx) => (await embeddings()).trainTransferStored(args, ctx),
  'embeddings/compute': async (args, ctx) => (await embeddings()).computeEmbeddings(args, ctx),
  'predictor/predict': (args, ctx) => predictWith(args, ctx),
  'predictor/explain': (args, ctx) => explainWith(args, ctx),
  'active/rank': (args, ctx) => rank(args, ctx),
} satisfies Handlers<ModelProtocol>;

serve<ModelProtocol>(self, handlers);
