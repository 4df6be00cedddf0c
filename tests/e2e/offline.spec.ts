// After one visit the service worker serves the whole app: reload with the network cut and it still works.
import { expect, test } from '@playwright/test';
import { AppShell, SCREEN_NAMES_FR } from './pages/AppShell';
import { DemoPage } from './pages/DemoPage';

test('reloads and works offline after one visit', async ({ page, context }) => {
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

  // The ONNX runtime is precached too (models are not): fetch it through the service worker while offline.
  const wasmBytes = await page.evaluate(async () => (await (await fetch('/ort/ort-wasm-simd-threaded.asyncify.wasm')).arrayBuffer()).byteLength);
  expect(wasmBytes).toBeGreaterThan(1_000_000);
  await context.setOffline(false);
});
