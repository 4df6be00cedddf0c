// The training and prediction timings of bench:train, measured inside Chromium on the same data.
import type { PredictionTiming, TrainingTiming } from '../../src/lib/core/ml/benchmark';
import { withChromiumPage, type BrowserInfo } from './chromium';

export interface ChromiumTrainBench extends BrowserInfo {
  training: TrainingTiming & { coldSeconds: number };
  prediction: PredictionTiming;
}

export function benchTrainInChromium(texts: string[], labels: (0 | 1)[], predictCount: number): Promise<ChromiumTrainBench> {
  return withChromiumPage(async (page, info) => {
    // Vite compiles the module on first import: import once before timing anything.
    await page.evaluate(() => import('/src/lib/core/ml/benchmark.ts'));
    const result = await page.evaluate(
      async ({ texts, labels, predictCount }) => {
        const bench = (await import('/src/lib/core/ml/benchmark.ts')) as typeof import('../../src/lib/core/ml/benchmark');
        const cold = await bench.timeTraining(texts, labels);
        const warm = await bench.timeTraining(texts, labels);
        const sentences = bench.synthesiseSentences(texts, predictCount, 1);
        const prediction = bench.timePrediction(warm.model, sentences);
        return { training: { ...warm.timing, coldSeconds: cold.timing.seconds }, prediction };
      },
      { texts, labels, predictCount },
    );
    return { ...info, ...result };
  });
}
