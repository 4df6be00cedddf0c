// A transformers.js model folder loaded for use: CamemBERT-family encoders give sentence embeddings, sequence
// classifiers give P(dissident). The same code runs in Node (onnxruntime-node) and in the model worker (onnxruntime-web).
import {
  AutoConfig,
  AutoModel,
  AutoModelForSequenceClassification,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  Tensor,
  type ProgressInfo,
} from '@huggingface/transformers';
import { planBatches } from './batches';
import { checkOnnxSignature, readModelConfig, type ModelDtype, type ModelInfo } from './model-config';
import { meanPoolNormalised } from './pooling';

/** `auto`: the execution providers are named in the session options (a runtime module handed to transformers.js). */
export type ModelDevice = 'cpu' | 'wasm' | 'webgpu' | 'auto';

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
    return this.tokenIds(text).length;
  }

  /** Token ids as the model sees them: special tokens kept, the words between them cut at the model's limit. */
  tokenIds(text: string): number[] {
    const ids = this.tokenizer.encode(text);
    const max = this.info.maxTokens;
    return ids.length <= max ? ids : [...ids.slice(0, max - 1), ids.at(-1)!];
  }

  /** One padded batch through the model; each text was tokenised once, when the batches were planned. */
  private async forward(batch: readonly number[][]): Promise<{ output: Tensor; mask: BigInt64Array }> {
    const width = Math.max(...batch.map((ids) => ids.length));
    const pad = BigInt(this.tokenizer.pad_token_id ?? 1);
    const inputIds = new BigInt64Array(batch.length * width).fill(pad);
    const mask = new BigInt64Array(batch.length * width);
    batch.forEach((ids, row) => {
      ids.forEach((id, k) => (inputIds[row * width + k] = BigInt(id)));
      mask.fill(1n, row * width, row * width + ids.length);
    });
    const dims = [batch.length, width];
    const outputs = (await this.model({ input_ids: new Tensor('int64', inputIds, dims), attention_mask: new Tensor('int64', mask, dims) })) as Record<string, Tensor>;
    return { output: outputs[this.info.kind === 'encoder' ? 'last_hidden_state' : 'logits']!, mask };
  }

  /** Runs texts in length-sorted batches, each distinct text tokenised and run once, checking for cancellation between batches. */
  private async run<T>(texts: readonly string[], options: RunOptions, batch: (ids: number[][]) => Promise<T[]>): Promise<T[]> {
    const tokens = new Map<string, number[]>();
    const plan = planBatches(
      texts,
      (text) => {
        const ids = this.tokenIds(text);
        tokens.set(text, ids);
        return ids.length;
      },
      options.batchSize ?? 8,
    );
    const results = new Array<T>(plan.unique.length);
    let done = 0;
    for (const indices of plan.batches) {
      throwIfCancelled(options.signal);
      const values = await batch(indices.map((i) => tokens.get(plan.unique[i]!)!));
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
      return meanPoolNormalised(output.data as Float32Array, mask, b, s, d);
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
