// A transformers.js model folder loaded for use: CamemBERT-family encoders give sentence embeddings, sequence
// classifiers give P(dissident). The same code runs in Node (onnxruntime-node) and in the model worker (onnxruntime-web).
import {
  AutoConfig,
  AutoModel,
  AutoModelForSequenceClassification,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type ProgressInfo,
  type Tensor,
} from '@huggingface/transformers';
import { planBatches } from './batches';
import { checkOnnxSignature, readModelConfig, type ModelDtype, type ModelInfo } from './model-config';
import { meanPoolNormalised } from './pooling';

export type ModelDevice = 'cpu' | 'wasm' | 'webgpu';

export interface LoadProgress {
  file: string;
  loaded: number;
  total: number;
}

export interface LoadOptions {
  dtype: ModelDtype;
  device?: ModelDevice;
  onProgress?(progress: LoadProgress): void;
  /** Options passed to onnxruntime's session (threads, execution providers). */
  sessionOptions?: Record<string, unknown>;
}

export interface RunOptions {
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function throwIfCancelled(signal?: AbortSignal): void {
  if (!signal?.aborted) return;
  const error = new Error('Calcul annulé.');
  error.name = 'AbortError';
  throw error;
}

export class TransformerModel {
  private constructor(
    readonly modelId: string,
    readonly info: ModelInfo,
    readonly dtype: ModelDtype,
    readonly device: ModelDevice | undefined,
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly model: PreTrainedModel,
  ) {}

  /** Loads a folder (a path in Node, a name under env.localModelPath in the browser); errors are French. */
  static async load(modelId: string, options: LoadOptions): Promise<TransformerModel> {
    let info: ModelInfo;
    try {
      info = readModelConfig(await AutoConfig.from_pretrained(modelId));
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('Dossier de modèle refusé')) throw error;
      throw new Error(`Dossier de modèle refusé : config.json illisible ou absent (${describe(error)}).`);
    }
    const progress_callback = options.onProgress
      ? (p: ProgressInfo) => {
          if (p.status === 'progress') options.onProgress?.({ file: p.file, loaded: p.loaded, total: p.total });
        }
      : undefined;
    let tokenizer: PreTrainedTokenizer;
    try {
      tokenizer = await AutoTokenizer.from_pretrained(modelId, { progress_callback });
    } catch (error) {
      throw new Error(`Dossier de modèle refusé : tokeniseur illisible ou absent (${describe(error)}).`);
    }
    const Loader = info.kind === 'classifier' ? AutoModelForSequenceClassification : AutoModel;
    let model: PreTrainedModel;
    try {
      model = await Loader.from_pretrained(modelId, {
        dtype: options.dtype,
        device: options.device,
        progress_callback,
        session_options: options.sessionOptions,
      });
    } catch (error) {
      throw new Error(`Dossier de modèle refusé : le graphe ONNX (${options.dtype}) ne se charge pas (${describe(error)}).`);
    }
    const session = model.sessions.model as { inputNames: string[]; outputNames: string[] } | undefined;
    try {
      checkOnnxSignature(session?.inputNames ?? [], session?.outputNames ?? [], info.kind);
    } catch (error) {
      await model.dispose();
      throw error;
    }
    return new TransformerModel(modelId, info, options.dtype, options.device, tokenizer, model);
  }

  /** Token count of a text with its special tokens, capped at the model's limit. */
  tokenLength(text: string): number {
    return Math.min(this.tokenizer.encode(text).length, this.info.maxTokens);
  }

  /** Token ids as the model sees them (special tokens included, truncated). */
  tokenIds(text: string): number[] {
    return this.tokenizer.encode(text).slice(0, this.info.maxTokens);
  }

  private async forward(texts: string[]): Promise<{ output: Tensor; mask: Tensor }> {
    const inputs = this.tokenizer(texts, { padding: true, truncation: true, max_length: this.info.maxTokens });
    const outputs = (await this.model(inputs)) as Record<string, Tensor>;
    const output = outputs[this.info.kind === 'encoder' ? 'last_hidden_state' : 'logits']!;
    return { output, mask: inputs.attention_mask as Tensor };
  }

  /** Runs texts in length-sorted batches, each distinct text once, checking for cancellation between batches. */
  private async run<T>(texts: readonly string[], options: RunOptions, batch: (texts: string[]) => Promise<T[]>): Promise<T[]> {
    const plan = planBatches(texts, (t) => this.tokenLength(t), options.batchSize ?? 8);
    const results = new Array<T>(plan.unique.length);
    let done = 0;
    for (const indices of plan.batches) {
      throwIfCancelled(options.signal);
      const values = await batch(indices.map((i) => plan.unique[i]!));
      indices.forEach((u, k) => (results[u] = values[k]!));
      done += indices.length;
      options.onProgress?.(done, plan.unique.length);
    }
    return Array.from(plan.indexOf, (u) => results[u]!);
  }

  /** Mean-pooled, L2-normalised sentence vectors (one per text, duplicates computed once). */
  async embed(texts: readonly string[], options: RunOptions = {}): Promise<Float32Array[]> {
    if (this.info.kind !== 'encoder') throw new Error('Ce modèle est un classifieur : il ne donne pas de vecteurs de phrases.');
    return this.run(texts, options, async (batch) => {
      const { output, mask } = await this.forward(batch);
      const [b, s, d] = output.dims as [number, number, number];
      return meanPoolNormalised(output.data as Float32Array, mask.data as BigInt64Array, b, s, d);
    });
  }

  /** Probability that each text is dissident, from a fine-tuned sequence classifier's softmax. */
  async classify(texts: readonly string[], options: RunOptions = {}): Promise<Float64Array> {
    const positive = this.info.dissidentIndex;
    if (this.info.kind !== 'classifier' || positive === undefined) throw new Error('Ce modèle n’est pas un classifieur dissident / non dissident.');
    const probabilities = await this.run(texts, options, async (batch) => {
      const { output } = await this.forward(batch);
      const [b, labels] = output.dims as [number, number];
      const data = output.data as Float32Array;
      return Array.from({ length: b }, (_, i) => {
        const row = data.subarray(i * labels, (i + 1) * labels);
        const max = Math.max(...row);
        const exps = Array.from(row, (v) => Math.exp(v - max));
        return exps[positive]! / exps.reduce((a, c) => a + c, 0);
      });
    });
    return Float64Array.from(probabilities);
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}
