// CPU profiles of a page or of one of its workers through DevTools (Playwright has no worker sessions), summarised as
// the functions with the most self time: the benches' evidence of where time goes when wall clocks are inflated.
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Profiler {
  stop(): Promise<CpuProfile>;
}

/**
 * Starts the sampling profiler of the first of a page's workers whose URL matches: the page's own session attaches to
 * its workers (a persistent context has no browser-level session).
 */
export async function profileWorker(session: CDPSession, match: RegExp): Promise<Profiler | undefined> {
  const attached = new Promise<string | undefined>((resolve) => {
    session.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker' && match.test(e.targetInfo.url + e.targetInfo.title)) resolve(e.sessionId);
    });
    setTimeout(() => resolve(undefined), 5000);
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sessionId = await attached;
  if (!sessionId) return undefined;
  const browser = session;
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  browser.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      void browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 1000 });
  await send('Profiler.start');
  return { stop: async () => ((await send('Profiler.stop')) as { profile: CpuProfile }).profile };
}

/** Starts the sampling profiler of a page's main thread. */
export async function profilePage(page: CDPSession): Promise<Profiler> {
  await page.send('Profiler.enable');
  await page.send('Profiler.setSamplingInterval', { interval: 1000 });
  await page.send('Profiler.start');
  return { stop: async () => (await page.send('Profiler.stop')).profile as unknown as CpuProfile };
}

/** Self time per function (name, file:line), the largest first, in milliseconds; idle and GC kept as they are named. */
export function topSelfTime(profile: CpuProfile, top = 15): { fn: string; ms: number }[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
}

/** Time in each function including its callees (each counted once per sample), the largest first, in milliseconds. */
export function topTotalTime(profile: CpuProfile, top = 25): { fn: string; ms: number }[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byNode.get(at)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
}
