// Runs code in headless Chromium against the Vite dev server, so benches import the app's real modules in a browser.
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserInfo {
  browser: string;
  hardwareConcurrency: number;
}

/** Starts a dev server and a browser on an empty page of it, runs `work`, and stops both. */
export async function withChromiumPage<T>(work: (page: Page, info: BrowserInfo) => Promise<T>): Promise<T> {
  const server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('scripts/bench/blank.html', url).href);
    const info = { browser: `Chromium ${browser.version()}`, hardwareConcurrency: await page.evaluate(() => navigator.hardwareConcurrency) };
    return await work(page, info);
  } finally {
    await browser.close();
    await server.close();
  }
}
