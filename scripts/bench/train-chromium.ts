// The training and prediction timings of bench:train, measured inside Chromium on the same data.
import type { PredictionTiming, TrainingTiming } from '../../src/lib/core/ml/benchmark';
import { withChromiumPage, type BrowserInfo } from './chromium';

type BenchModule = typeof import('../../src/lib/core/ml/benchmark');
/** The module's URL on the dev server (a string, so TypeScript does not try to resolve it as a file). */
const MODULE_URL = '/src/lib/core/ml/benchmark.ts';

export interface ChromiumTrainBench extends BrowserInfo {
  training: TrainingTiming & { coldSeconds: number };
  prediction: PredictionTiming;
}

export function benchTrainInChromium(texts: string[], labels: (0 | 1)[], predictCount: number): Promise<ChromiumTrainBench> {
  return withChromiumPage(async (page, info) => {
    // Vite compiles the module on first import: import once before timing anything.
    await page.evaluate((url) => import(url), MODULE_URL);
    const result = await page.evaluate(
      async ({ texts, labels, predictCount, url }) => {
        const bench = (await import(url)) as BenchModule;
        const cold = await bench.timeTraining(texts, labels);
        const warm = await bench.timeTraining(texts, labels);
        const sentences = bench.synthesiseSentences(texts, predictCount, 1);
        const prediction = bench.timePrediction(warm.model, sentences);
        return { training: { ...warm.timing, coldSeconds: cold.timing.seconds }, prediction };
      },
      { texts, labels, predictCount, url: MODULE_URL },
    );
    return { ...info, ...result };
  });
}
