// What a transformers.js model folder must hold, checked before loading so a broken folder is refused in French.

export type ModelDtype = 'fp32' | 'q8';
export type ModelKind = 'encoder' | 'classifier';

/** The ONNX file transformers.js reads for each dtype. */
export const ONNX_FILE: Record<ModelDtype, string> = { fp32: 'onnx/model.onnx', q8: 'onnx/model_quantized.onnx' };

export interface ModelInfo {
  modelType: string;
  kind: ModelKind;
  hiddenSize: number;
  /** Longest input in tokens, special tokens included (512 for CamemBERT: 514 positions less the padding offset). */
  maxTokens: number;
  /** For a classifier: its labels by id, and which id means dissident. */
  labels?: string[];
  dissidentIndex?: number;
}

function fail(detail: string): never {
  throw new Error(`Dossier de modèle refusé : ${detail}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "Non-dissident", "non_dissident", "NON DISSIDENT" → "non dissident". */
const normaliseLabel = (label: string) => label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[_\-\s]+/g, ' ').trim();

// Label pairs read as (dissident, non dissident), after normalisation. LABEL_1 / LABEL_0 (and 1 / 0) are what a
// fine-tune writes when it was trained on integer labels without names: by the convention of this project's training
// (the CLI's --positive, the app's labels) and of binary classifiers generally, 1 is the positive class, dissident.
// positive / negative are refused on purpose: sentiment models use them for tone, where « negative » is the closer
// one to dissident, so either reading could be silently wrong.
const LABEL_PAIRS: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['dissident', 'dissidente'], ['non dissident', 'non dissidente', 'not dissident', 'pas dissident']],
  [['label 1'], ['label 0']],
  [['1'], ['0']],
];

/** Which label id means dissident; refused in French when the two labels do not say it unambiguously. */
export function dissidentLabelIndex(labels: readonly string[]): number {
  const names = labels.map(normaliseLabel);
  if (names.length === 2) {
    for (const [yes, no] of LABEL_PAIRS) {
      const positive = names.findIndex((n) => yes.includes(n));
      if (positive >= 0 && no.includes(names[1 - positive]!)) return positive;
    }
  }
  fail(
    `les étiquettes du classifieur (${labels.join(', ')}) ne correspondent pas à « dissident » et « non dissident » : impossible de savoir laquelle signifie dissident. ` +
      'Nommez-les dans id2label de config.json (« dissident » / « non dissident », ou LABEL_1 / LABEL_0 avec LABEL_1 = dissident).',
  );
}

/** Reads config.json's content: model type, size and, for a sequence classifier, its label mapping. */
export function readModelConfig(config: unknown): ModelInfo {
  if (!isObject(config)) fail('config.json absent ou illisible.');
  const modelType = config.model_type;
  if (typeof modelType !== 'string' || modelType === '') fail('config.json ne dit pas le type de modèle (model_type).');
  const hiddenSize = config.hidden_size ?? config.dim;
  if (typeof hiddenSize !== 'number' || !(hiddenSize > 0)) fail('config.json ne donne pas la taille des vecteurs (hidden_size).');
  const positions = typeof config.max_position_embeddings === 'number' ? config.max_position_embeddings : 514;
  // RoBERTa-family models (CamemBERT) start positions after the padding id, which costs two rows.
  const offset = ['camembert', 'roberta', 'xlm-roberta'].includes(modelType) ? 2 : 0;
  const maxTokens = Math.min(512, positions - offset);
  const architectures = Array.isArray(config.architectures) ? config.architectures.map(String) : [];
  if (!architectures.some((a) => a.endsWith('ForSequenceClassification'))) return { modelType, kind: 'encoder', hiddenSize, maxTokens };
  const id2label = config.id2label;
  if (!isObject(id2label)) fail('classifieur sans table d’étiquettes (id2label).');
  const labels = Object.entries(id2label)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => String(v));
  return { modelType, kind: 'classifier', hiddenSize, maxTokens, labels, dissidentIndex: dissidentLabelIndex(labels) };
}

/** Files missing from a folder's listing for the given dtype (paths relative to the folder). */
export function missingModelFiles(files: readonly string[], dtype: ModelDtype): string[] {
  const present = new Set(files.map((f) => f.replace(/\\/g, '/').replace(/^\.\//, '')));
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', ONNX_FILE[dtype]].filter((f) => !present.has(f));
}

export function checkModelFiles(files: readonly string[], dtype: ModelDtype): void {
  const missing = missingModelFiles(files, dtype);
  if (missing.length > 0) fail(`fichier${missing.length > 1 ? 's' : ''} manquant${missing.length > 1 ? 's' : ''} : ${missing.join(', ')}.`);
}

/** The ONNX graph must take input_ids and attention_mask and give last_hidden_state (encoder) or logits (classifier). */
export function checkOnnxSignature(inputs: readonly string[], outputs: readonly string[], kind: ModelKind): void {
  const missing = ['input_ids', 'attention_mask'].filter((n) => !inputs.includes(n));
  if (missing.length > 0) fail(`le graphe ONNX n’a pas l’entrée ${missing.join(' ni l’entrée ')} (entrées : ${inputs.join(', ')}).`);
  const wanted = kind === 'encoder' ? 'last_hidden_state' : 'logits';
  if (!outputs.includes(wanted)) fail(`le graphe ONNX ne donne pas « ${wanted} » (sorties : ${outputs.join(', ')}).`);
}
