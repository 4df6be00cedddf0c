// The model worker in Chromium: the tiny CamemBERT loads from /models/ with local files only, embeds on WASM with the
// same numbers as onnxruntime-node (the software WebGPU case is in webgpu-fallback.spec.ts).
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { loadModelFolder } from '../../src/cli/model-folder';
import { TEST_SENTENCE } from '../../src/lib/workers/model/transformer-protocol';
import { LanguageModelPanel } from './pages/SettingsPage';

async function nodeVector(dtype: 'q8' | 'fp32'): Promise<number[]> {
  const model = await loadModelFolder(join(FIXTURE_MODELS_DIR, TINY_ENCODER), { dtype });
  try {
    return Array.from((await model.embed([TEST_SENTENCE]))[0]!.subarray(0, 4));
  } finally {
    await model.dispose();
  }
}

test.describe('language model in the browser', () => {
  test('embeds with the tiny CamemBERT on WASM, as onnxruntime-node does, with no request outside the app', async ({ page }) => {
    const outside: string[] = [];
    page.on('request', (r) => {
      // blob: URLs are the runtime's own in-memory copies; anything else must come from the app's origin.
      if (!/^(blob:|data:|http:\/\/127\.0\.0\.1[:/])/.test(r.url())) outside.push(r.url());
    });
    const panel = new LanguageModelPanel(page);
    await panel.open();
    for (const dtype of ['fp32', 'q8'] as const) {
      await panel.choose(TINY_ENCODER, dtype, 'wasm');
      const browser = await panel.test();
      const node = await nodeVector(dtype);
      expect(browser).toHaveLength(4);
      browser.forEach((v, i) => expect(v, `${dtype} [${i}]`).toBeCloseTo(node[i]!, 4));
      await expect(panel.runtime).toHaveAttribute('data-backend', 'wasm');
      await expect(panel.runtime).toContainText(`précision ${dtype}`);
    }
    // Cross-origin isolated preview: several threads (when the machine has several cores).
    const isolated = await page.evaluate(() => crossOriginIsolated);
    expect(isolated).toBe(true);
    await expect(panel.section.getByText(/\d+ fils?/)).toBeVisible();
    expect(outside).toEqual([]);
  });

  test('a fine-tuned classifier folder gives a probability', async ({ page }) => {
    const panel = new LanguageModelPanel(page);
    await panel.open();
    await panel.choose(TINY_CLASSIFIER, 'q8', 'wasm');
    const [p] = await panel.test();
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    await expect(panel.result).toContainText('probabilité dissidente');
  });
});
