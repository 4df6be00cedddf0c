// Cancellation helpers for long CPU work: abort checks and yielding so an abort message can arrive.

/** The error thrown when work is cancelled; named AbortError like fetch's, so callers can tell it apart. */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('Entraînement annulé.');
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

// Typed locally: setImmediate exists in Node only, and the Node and web typings of MessagePort differ.
type Immediate = (callback: () => void) => unknown;
interface Channel {
  port1: { onmessage: (() => void) | null; close(): void };
  port2: { postMessage(message: null): void };
}
const immediate = (globalThis as unknown as { setImmediate?: Immediate }).setImmediate;
const ChannelClass = (globalThis as unknown as { MessageChannel?: new () => Channel }).MessageChannel;

/**
 * Lets queued tasks run (in a worker, the cancel message that aborts the signal), then checks the signal.
 * setImmediate in Node; a MessageChannel elsewhere, since nested setTimeout calls are clamped to 4 ms.
 */
export async function yieldAndCheck(signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  await new Promise<void>((resolve) => {
    if (immediate) {
      immediate(resolve);
    } else if (ChannelClass) {
      const channel = new ChannelClass();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
  throwIfAborted(signal);
}
