// Model worker entry: a thin dispatcher into the pure ml modules; keeps loaded models across requests.
import { predictProba, trainBaseline, type BaselineModel } from '../lib/core/ml/model';
import { serve, type Handlers } from '../lib/workers/rpc';
import type { ModelProtocol } from '../lib/workers/model/protocol';

const loaded = new Map<string, BaselineModel>();

const handlers = {
  'baseline/train': ({ texts, labels, options }, { signal, emit }) =>
    trainBaseline(texts, labels, options, { signal, onProgress: (p) => emit('train/progress', p) }),
  'baseline/load': ({ key, model }) => {
    loaded.set(key, model);
    return { key };
  },
  'baseline/predict': ({ key, texts }) => {
    const model = loaded.get(key);
    if (!model) throw new Error(`Modèle non chargé : ${key}`);
    return Float64Array.from(predictProba(model, texts));
  },
} satisfies Handlers<ModelProtocol>;

serve<ModelProtocol>(self, handlers);
