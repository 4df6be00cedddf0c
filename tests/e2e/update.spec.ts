// A new deployment while the app is open: the waiting service worker shows the update prompt, and "Mettre à jour"
// reloads onto the new version. Two deployments are served from one origin by a small static server of this test:
// the build under test, then the same build with a changed index.html (and its precache revision), as a redeploy does.
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';

const BUILD = process.env.E2E_DIST ?? 'dist';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** Serves `root.current` (switchable between requests), with the SPA fallback to index.html. */
function serve(root: { current: string }): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = path.join(root.current, decodeURIComponent(url.pathname));
    if (!file.startsWith(root.current) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(root.current, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A second deployment: the same build with a visible change in index.html and the matching precache revision. */
function redeploy(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const index = path.join(to, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="deployment" content="2" />'));
  const sw = path.join(to, 'sw.js');
  const before = readFileSync(sw, 'utf8');
  const after = before.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1deployment-2"');
  if (after === before) throw new Error('Révision de index.html introuvable dans sw.js');
  writeFileSync(sw, after);
}

test('a new deployment shows the update prompt, and accepting it reloads onto the new version', async ({ page }, testInfo) => {
  const first = testInfo.outputPath('deployment-1');
  const second = testInfo.outputPath('deployment-2');
  cpSync(BUILD, first, { recursive: true });
  redeploy(BUILD, second);
  const root = { current: first };
  const server = await serve(root);
  try {
    const shell = new AppShell(page);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await shell.waitForServiceWorker();
    await expect(page.getByRole('alert')).toHaveCount(0);

    root.current = second;
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const prompt = page.getByRole('alert').filter({ hasText: 'Une nouvelle version est disponible.' });
    await expect(prompt).toBeVisible();
    // Still the first deployment until the user says so.
    await expect(page.locator('meta[name="deployment"]')).toHaveCount(0);

    await prompt.getByRole('button', { name: 'Mettre à jour' }).click();
    await expect(page.locator('meta[name="deployment"]')).toHaveAttribute('content', '2');
    await expect(shell.nav).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    server.close();
  }
});
