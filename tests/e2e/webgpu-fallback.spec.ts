// With --enable-unsafe-webgpu, headless Chromium offers only a software WebGPU adapter (SwiftShader): the model worker
// must detect it as a fallback adapter and run on WASM.
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { LanguageModelPanel } from './pages/SettingsPage';

// A file-level launchOptions replaces the configuration's, so the Chromium path is given again.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu'],
  },
});

test('a software WebGPU adapter is passed over for WASM', async ({ page }) => {
  const panel = new LanguageModelPanel(page);
  await panel.open();
  const adapter = await page.evaluate(async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean } } | null> } }).gpu;
    const a = await gpu?.requestAdapter();
    return a ? { fallback: a.info?.isFallbackAdapter ?? null } : null;
  });
  await panel.choose(TINY_ENCODER, 'q8', 'auto');
  await panel.test();
  await expect(panel.runtime).toHaveAttribute('data-backend', 'wasm');
  // What the worker reports must match what the page itself sees of the adapter.
  const expected = adapter === null ? 'no-adapter' : adapter.fallback ? 'fallback-adapter' : 'smoke-failed';
  await expect(panel.runtime).toHaveAttribute('data-gpu', expected);
  await expect(panel.runtime).toContainText('WebGPU');
});
