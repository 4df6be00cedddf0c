// transformers.js reads a model file twice on its first use when it reports progress: once for its headers only (the
// size, for the progress bar), then for its bytes. Each read is a full GET, so a 110 MB model crossed the network
// twice (seen in bench:model's request log). This fetch hands the second GET of a URL the first one's response while
// nobody has read its body.

/** How long an unread response waits for its second reader; later, the file is fetched again. */
const KEEP_MS = 120_000;

/** transformers.js's `env.fetch`: an address, never a Request. */
type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

export function sharingFetch(base: Fetch, now: () => number = Date.now): Fetch {
  const unread = new Map<string, { response: Response; at: number }>();
  return async (input, init) => {
    if ((init?.method ?? 'GET').toUpperCase() !== 'GET') return base(input, init);
    const url = String(input);
    for (const [key, kept] of unread) if (kept.response.bodyUsed || now() - kept.at > KEEP_MS) unread.delete(key);
    const kept = unread.get(url);
    if (kept) {
      unread.delete(url);
      return kept.response;
    }
    const response = await base(input, init);
    if (response.ok && response.body) unread.set(url, { response, at: now() });
    return response;
  };
}
