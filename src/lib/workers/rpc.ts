// Typed request/reply over postMessage, derived from a protocol's type maps (one protocol.ts per worker).

/** A protocol: request name → {args, result}, event name → payload. */
export interface Protocol {
  requests: Record<string, { args: unknown; result: unknown }>;
  events: Record<string, unknown>;
}

export type RequestName<P extends Protocol> = keyof P['requests'] & string;
export type EventName<P extends Protocol> = keyof P['events'] & string;
export type Args<P extends Protocol, K extends RequestName<P>> = P['requests'][K]['args'];
export type Result<P extends Protocol, K extends RequestName<P>> = P['requests'][K]['result'];

export type RequestMessage = { kind: 'request'; id: number; name: string; args: unknown } | { kind: 'cancel'; id: number };
export type ReplyMessage =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: { name: string; message: string } }
  | { kind: 'event'; name: string; payload: unknown; id?: number };

/** What a handler receives besides its arguments: cancellation and a way to report events. */
export interface HandlerContext<P extends Protocol> {
  signal: AbortSignal;
  emit<E extends EventName<P>>(name: E, payload: P['events'][E]): void;
}

export type Handlers<P extends Protocol> = {
  [K in RequestName<P>]: (args: Args<P, K>, ctx: HandlerContext<P>) => Promise<Result<P, K>> | Result<P, K>;
};

/** The subset of Worker / DedicatedWorkerGlobalScope both sides need; also satisfied by a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export class RpcError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Worker side: answers requests with the handlers; unknown names get an explicit error. */
export function serve<P extends Protocol>(endpoint: Endpoint, handlers: Handlers<P>): void {
  const running = new Map<number, AbortController>();
  endpoint.addEventListener('message', async (event: MessageEvent) => {
    const msg = event.data as RequestMessage;
    if (msg.kind === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const handler = (handlers as Record<string, Handlers<P>[RequestName<P>]>)[msg.name];
    if (!handler) {
      endpoint.postMessage({ kind: 'reply', id: msg.id, ok: false, error: { name: 'UnknownRequest', message: `Requête inconnue : ${msg.name}` } });
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    const ctx: HandlerContext<P> = {
      signal: controller.signal,
      emit: (name, payload) => endpoint.postMessage({ kind: 'event', name, payload, id: msg.id }),
    };
    try {
      const result = await handler(msg.args as never, ctx);
      endpoint.postMessage({ kind: 'reply', id: msg.id, ok: true, result });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      endpoint.postMessage({ kind: 'reply', id: msg.id, ok: false, error: { name: e.name, message: e.message } });
    } finally {
      running.delete(msg.id);
    }
  });
}

type Listener = (payload: unknown, requestId?: number) => void;

/** Main-thread side: `call()` and `on()` typed by the protocol. */
export class RpcClient<P extends Protocol> {
  #nextId = 1;
  #pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  #listeners = new Map<string, Set<Listener>>();

  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener('message', (event: MessageEvent) => this.#receive(event.data as ReplyMessage));
  }

  /** Sends a request; aborting the signal asks the worker to stop and rejects with an AbortError. */
  call<K extends RequestName<P>>(name: K, args: Args<P, K>, options: { signal?: AbortSignal; transfer?: Transferable[] } = {}): Promise<Result<P, K>> {
    const id = this.#nextId++;
    const { signal, transfer } = options;
    return new Promise<Result<P, K>>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new RpcError('AbortError', 'Opération annulée.'));
        return;
      }
      const onAbort = () => {
        this.endpoint.postMessage({ kind: 'cancel', id } satisfies RequestMessage);
        this.#pending.delete(id);
        reject(new RpcError('AbortError', 'Opération annulée.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v as Result<P, K>);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      this.endpoint.postMessage({ kind: 'request', id, name, args } satisfies RequestMessage, transfer ?? []);
    });
  }

  /** Listens to an event; returns the function that stops listening. */
  on<E extends EventName<P>>(name: E, listener: (payload: P['events'][E], requestId?: number) => void): () => void {
    const set = this.#listeners.get(name) ?? new Set<Listener>();
    set.add(listener as Listener);
    this.#listeners.set(name, set);
    return () => set.delete(listener as Listener);
  }

  #receive(msg: ReplyMessage): void {
    if (msg.kind === 'event') {
      for (const l of this.#listeners.get(msg.name) ?? []) l(msg.payload, msg.id);
      return;
    }
    const pending = this.#pending.get(msg.id);
    if (!pending) return;
    this.#pending.delete(msg.id);
    if (msg.ok) pending.resolve(msg.result);
    else pending.reject(new RpcError(msg.error.name, msg.error.message));
  }
}
