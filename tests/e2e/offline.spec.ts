// After one visit the service worker serves the whole app: reload with the network cut and it still works. The ONNX
// runtime and the models are not part of that visit: they are cached on first use, then work offline too.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { AppShell, SCREEN_NAMES_FR } from './pages/AppShell';
import { DemoPage } from './pages/DemoPage';
import { LanguageModelPanel } from './pages/SettingsPage';

const ORT_VERSION = (JSON.parse(readFileSync('node_modules/onnxruntime-web/package.json', 'utf8')) as { version: string }).version;

test('reloads and works offline after one visit, without downloading the ONNX runtime', async ({ page, context }) => {
  // Eight screens opened offline: over a minute when the shared 2-core machine runs other suites (load average 28 seen).
  test.setTimeout(150_000);
  const heavy: string[] = [];
  page.on('request', (r) => {
    if (/\/ort\/|\/models\/[^/]+\//.test(new URL(r.url()).pathname)) heavy.push(r.url());
  });
  const shell = new AppShell(page);
  await shell.open();
  await shell.waitForServiceWorker();
  await new DemoPage(page).waitForModel();

  await shell.reloadOffline(context);
  await expect(shell.nav).toBeVisible();
  await expect(page.getByTestId('offline-badge')).toBeVisible();

  // The demo still answers in French: worker code from the precache, model from IndexedDB.
  const demo = new DemoPage(page);
  await demo.waitForModel();
  await demo.type('Ces incapables de ministres nous méprisent !!! Merci au guichet de la poste.');
  await expect(demo.sentences).toHaveCount(2);
  await expect(demo.verdictOf(0)).toHaveText(/^(Dissidente|Non dissidente)$/);
  // Every screen's code comes from the precache, not the network.
  for (const name of SCREEN_NAMES_FR) await shell.goTo(name);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A citizen who only opened the Démo has not fetched the 14–27 MB runtime nor any model: nothing asked, nothing stored.
  expect(heavy).toEqual([]);
  const stored = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls.filter((u) => /\/ort\/|\.onnx$/.test(u));
  });
  expect(stored).toEqual([]);
  await context.setOffline(false);
});

test('a language model used once online works after a reload offline (runtime and model cached on first use)', async ({ page, context }) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  await shell.open('/#/reglages');
  await shell.waitForServiceWorker();
  const panel = new LanguageModelPanel(page);
  const modelReads: string[] = [];
  context.on('request', (r) => {
    // GETs only: Réglages sizes the download with HEAD requests, which carry no body.
    if (r.method() === 'GET' && r.url().includes(`/models/${TINY_ENCODER}/onnx/`)) modelReads.push(new URL(r.url()).pathname);
  });
  await panel.choose(TINY_ENCODER, 'q8', 'wasm');
  const online = await panel.test();
  // The graph crosses the network once (transformers.js's size probe shares the read: src/workers/model-fetch.ts).
  expect(modelReads).toEqual([`/models/${TINY_ENCODER}/onnx/model_quantized.onnx`]);
  // The WASM path loads the plain build (the faster one, see docs/benchmarks.md), from this version's folder.
  const cached = await page.evaluate(async () => (await (await caches.open('dissidentia-models')).keys()).map((r) => new URL(r.url).pathname));
  expect(cached).toEqual(
    expect.arrayContaining([`/ort/${ORT_VERSION}/ort-wasm-simd-threaded.wasm`, `/ort/${ORT_VERSION}/ort-wasm-simd-threaded.mjs`, `/models/${TINY_ENCODER}/onnx/model_quantized.onnx`, `/models/${TINY_ENCODER}/tokenizer.json`]),
  );
  expect(cached.filter((p) => p.includes('asyncify'))).toEqual([]);

  await shell.reloadOffline(context);
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await expect(panel.section.getByRole('combobox', { name: 'Modèle', exact: true })).toHaveValue(TINY_ENCODER);
  expect(await panel.test()).toEqual(online);
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-ready', 'yes');
  await context.setOffline(false);
});
