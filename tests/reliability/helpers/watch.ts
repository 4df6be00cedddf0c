// Watchers for the browser reliability specs: Content-Security-Policy violations (page and workers), the origin of
// every request, dialogs, and a stored-script marker (`window.__pwned`) that hostile text would set if it ran.
import type { BrowserContext, Page } from '@playwright/test';

export interface Watch {
  /** Violations seen by the page (securitypolicyviolation events) and reported on any console (workers included). */
  violations: () => Promise<string[]>;
  /** Origins of every request the context made, the service worker's included. */
  origins: Set<string>;
  /** Every request URL, in order. */
  requests: string[];
  dialogs: string[];
  /** Whether any script planted in user text ran, on this page. */
  pwned: () => Promise<unknown>;
}

/** Installs the watchers on a context before its pages load. */
export async function watch(context: BrowserContext, page: Page): Promise<Watch> {
  const consoleViolations: string[] = [];
  const origins = new Set<string>();
  const requests: string[] = [];
  const dialogs: string[] = [];
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await context.route('**', (route) => {
    origins.add(new URL(route.request().url()).origin);
    requests.push(route.request().url());
    return route.fallback();
  });
  const onConsole = (text: string) => {
    if (/Content.Security.Policy/i.test(text)) consoleViolations.push(text);
  };
  page.on('console', (m) => onConsole(m.text()));
  page.on('worker', (worker) => worker.on('console', (m) => onConsole(m.text())));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return {
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])), ...consoleViolations],
    origins,
    requests,
    dialogs,
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  };
}
