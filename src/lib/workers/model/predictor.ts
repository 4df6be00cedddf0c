// Which model a prediction or an explanation uses, as it crosses postMessage: a key (a baseline the page loaded), a
// stored model's id (read by the worker from IndexedDB), or a fine-tuned classifier folder of public/models/.
import type { BackendChoice, ModelRequest } from './transformer-protocol';

export type PredictorRef =
  | { kind: 'loaded'; key: string }
  | { kind: 'stored'; id: number; backend?: BackendChoice }
  | ({ kind: 'classifier' } & ModelRequest);
