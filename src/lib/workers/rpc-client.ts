// Page side of the worker RPC: a typed call() whose events reach only that call, and a worker that died (crash,
// failed load, unreadable message) rejects its pending calls and is started afresh on the next call.
import { RpcError, type Args, type Endpoint, type EventName, type Protocol, type ReplyMessage, type RequestMessage, type RequestName, type Result } from './rpc';

/** Listeners for the events one call's handler emits (progress, notices); keyed by the protocol's event names. */
export type EventListeners<P extends Protocol> = { [E in EventName<P>]?: (payload: P['events'][E]) => void };

export interface CallOptions<P extends Protocol> {
  /** Aborting asks the worker to stop and rejects at once with an AbortError (code 'rpc/aborted'). */
  signal?: AbortSignal;
  transfer?: Transferable[];
  /** This call's events; they keep arriving after a cancel until the worker's reply (a rollback notice may follow). */
  on?: EventListeners<P>;
}

interface Call {
  /** Cleared once the caller has its answer (a cancel answers before the worker does). */
  settle?: { resolve(value: unknown): void; reject(error: Error): void };
  on?: Record<string, ((payload: unknown) => void) | undefined>;
}

const abortedError = () => new RpcError({ name: 'AbortError', code: 'rpc/aborted', message: 'Opération annulée.', details: {} });

export class RpcClient<P extends Protocol> {
  #nextId = 1;
  #calls = new Map<number, Call>();
  #endpoint: Endpoint | undefined;
  #starts = 0;

  /** `start` makes the worker (again after a death); `name` appears in the messages that say it stopped. */
  constructor(
    private readonly start: () => Endpoint,
    private readonly name: string,
  ) {}

  /** How many workers were started (1 + restarts after deaths); tests read it. */
  get starts(): number {
    return this.#starts;
  }

  call<K extends RequestName<P>>(name: K, args: Args<P, K>, options: CallOptions<P> = {}): Promise<Result<P, K>> {
    const { signal, transfer, on } = options;
    return new Promise<Result<P, K>>((resolve, reject) => {
      if (signal?.aborted) return reject(abortedError());
      const endpoint = this.#connect();
      const id = this.#nextId++;
      const call: Call = { on: on as Call['on'] };
      const onAbort = () => {
        if (!call.settle) return;
        call.settle = undefined;
        endpoint.postMessage({ kind: 'cancel', id } satisfies RequestMessage);
        reject(abortedError());
      };
      call.settle = {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as Result<P, K>);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#calls.set(id, call);
      try {
        endpoint.postMessage({ kind: 'request', id, name, args } satisfies RequestMessage, transfer ?? []);
      } catch (error) {
        // Arguments that cannot be cloned throw here, before anything reached the worker.
        this.#calls.delete(id);
        call.settle.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  #connect(): Endpoint {
    if (this.#endpoint) return this.#endpoint;
    const endpoint = this.start();
    this.#starts++;
    this.#endpoint = endpoint;
    endpoint.addEventListener('message', (event) => {
      if (this.#endpoint === endpoint) this.#receive((event as MessageEvent).data as ReplyMessage);
    });
    // 'error' on a Worker: its script failed to load or an exception escaped it; either way its calls are lost.
    endpoint.addEventListener('error', (event) => this.#died(endpoint, 'rpc/workerFailed', (event as ErrorEvent).message || ''));
    endpoint.addEventListener('messageerror', () => this.#died(endpoint, 'rpc/messageError', 'message illisible'));
    return endpoint;
  }

  #died(endpoint: Endpoint, code: string, reason: string): void {
    if (this.#endpoint !== endpoint) return;
    this.#endpoint = undefined;
    endpoint.terminate?.();
    const calls = [...this.#calls.values()];
    this.#calls.clear();
    const message =
      code === 'rpc/messageError'
        ? `Un message du processus de calcul « ${this.name} » n’a pas pu être lu ; l’opération est abandonnée. Réessayez : le processus sera relancé.`
        : `Le processus de calcul « ${this.name} » s’est arrêté ou n’a pas pu démarrer${reason ? ` (${reason})` : ''} ; l’opération est abandonnée. Réessayez : le processus sera relancé.`;
    const error = new RpcError({ name: 'WorkerError', code, message, details: { worker: this.name, reason } });
    for (const call of calls) call.settle?.reject(error);
  }

  #receive(msg: ReplyMessage): void {
    const call = this.#calls.get(msg.id);
    if (msg.kind === 'event') {
      call?.on?.[msg.name]?.(msg.payload);
      return;
    }
    if (!call) return;
    this.#calls.delete(msg.id);
    if (msg.ok) call.settle?.resolve(msg.result);
    else call.settle?.reject(new RpcError(msg.error));
  }
}
