// A module (or anything slow to get) fetched on demand, once, by whichever caller asks first.

/** The loader, run at most once at a time; after a failure (offline, a stale build) the next caller tries again. */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
