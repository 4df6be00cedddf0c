// Typed request/reply over postMessage, derived from a protocol's type maps (one protocol.ts per worker).
import { CodedError, errorCodeOf, type ErrorDetails } from '../core/errors';
import { storageErrorOf } from '../core/storage-errors';

/** A protocol: request name → {args, result}, event name → payload. */
export interface Protocol {
  requests: Record<string, { args: unknown; result: unknown }>;
  events: Record<string, unknown>;
}

export type RequestName<P extends Protocol> = keyof P['requests'] & string;
export type EventName<P extends Protocol> = keyof P['events'] & string;
export type Args<P extends Protocol, K extends RequestName<P>> = P['requests'][K]['args'];
export type Result<P extends Protocol, K extends RequestName<P>> = P['requests'][K]['result'];

/** An error as it crosses the boundary: a code the UI translates, its details, and the French message. */
export interface WireError {
  name: string;
  code: string;
  message: string;
  details: ErrorDetails;
}

export type RequestMessage = { kind: 'request'; id: number; name: string; args: unknown } | { kind: 'cancel'; id: number };
export type ReplyMessage =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: WireError }
  | { kind: 'event'; name: string; payload: unknown; id: number };

/** What a handler receives besides its arguments: cancellation and a way to report events to its caller. */
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
  addEventListener(type: string, listener: (event: Event) => void): void;
  /** A Worker's: called when it died, so a fresh one can take its place. */
  terminate?(): void;
}

/** An error rebuilt on the caller's side: `code` and `details` are what the UI translates. */
export class RpcError extends CodedError {
  constructor(wire: WireError) {
    super(wire.code, wire.message, wire.details);
    this.name = wire.name;
  }
}

/** Any thrown value as a WireError; an error without a code keeps its message under 'rpc/unexpected'. */
export function toWireError(error: unknown): WireError {
  // Storage full, whatever request hit it, gets the message that says what to free.
  const mapped = storageErrorOf(error, 'other');
  const e = mapped instanceof Error ? mapped : new Error(String(mapped));
  const coded = errorCodeOf(e);
  if (coded) return { name: e.name, code: coded.code, message: e.message, details: coded.details };
  if (e.name === 'AbortError') return { name: e.name, code: 'rpc/aborted', message: e.message, details: {} };
  return { name: e.name, code: 'rpc/unexpected', message: e.message, details: { message: e.message } };
}

/** Worker side: answers requests with the handlers; unknown names get an explicit error. */
export function serve<P extends Protocol>(endpoint: Endpoint, handlers: Handlers<P>): void {
  const running = new Map<number, AbortController>();
  endpoint.addEventListener('message', async (event: Event) => {
    const msg = (event as MessageEvent).data as RequestMessage;
    if (msg.kind === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const reply = (message: ReplyMessage) => endpoint.postMessage(message);
    const handler = (handlers as Record<string, Handlers<P>[RequestName<P>]>)[msg.name];
    if (!handler) {
      const error = { name: 'Error', code: 'rpc/unknownRequest', message: `Requête inconnue : ${msg.name}`, details: { name: msg.name } };
      reply({ kind: 'reply', id: msg.id, ok: false, error });
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    const ctx: HandlerContext<P> = {
      signal: controller.signal,
      emit: (name, payload) => reply({ kind: 'event', name, payload, id: msg.id }),
    };
    try {
      const result = await handler(msg.args as never, ctx);
      reply({ kind: 'reply', id: msg.id, ok: true, result });
    } catch (error) {
      reply({ kind: 'reply', id: msg.id, ok: false, error: toWireError(error) });
    } finally {
      running.delete(msg.id);
    }
  });
}
