// Model worker entry: a thin dispatcher into the pure ml modules; keeps loaded models across requests.
import { CodedError } from '../lib/core/errors';
import { trainExperiment } from '../lib/core/ml/experiment';
import { explainBaselineSentence } from '../lib/core/ml/explain';
import { predictProba, type BaselineModel } from '../lib/core/ml/model';
import { serve, type Handlers } from '../lib/workers/rpc';
import type { ModelProtocol } from '../lib/workers/model/protocol';

const loaded = new Map<string, BaselineModel>();

const handlers = {
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
    if (!model) throw new Error(`Modèle non chargé : ${key}`);
    return explainBaselineSentence(model, sentence, method, { samples, seed, signal });
  },
} satisfies Handlers<ModelProtocol>;

serve<ModelProtocol>(self, handlers);
