// Timings of explanations for bench:explain: the same pure code runs in Node and, served by Vite, in Chromium.
import { predictProba } from '../predict';
import type { BaselineModel } from '../types';
import { exactContributions } from './exact';
import { limeExplain } from './lime';

export interface ExplainTiming {
  sentence: string;
  words: number;
  samples: number;
  runs: number;
  /** Milliseconds per explanation over the timed runs (a first, untimed run compiles the code). */
  limeMs: { median: number; min: number; max: number };
  exactMs: { median: number; min: number; max: number };
}

const now = () => performance.now();

function summary(times: number[]): { median: number; min: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { median: round(sorted[Math.floor(sorted.length / 2)]), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

/** Times LIME (batched as in the model worker) and the exact contributions on one sentence. */
export async function timeExplanations(model: BaselineModel, sentence: string, samples = 500, runs = 15): Promise<ExplainTiming> {
  const probabilities = (texts: string[]) => predictProba(model, texts);
  const first = await limeExplain(sentence, probabilities, { samples, seed: 0 });
  exactContributions(model, sentence);
  const lime: number[] = [];
  const exact: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = now();
    await limeExplain(sentence, probabilities, { samples, seed: r + 1 });
    lime.push(now() - t);
    t = now();
    exactContributions(model, sentence);
    exact.push(now() - t);
  }
  return { sentence, words: first.words.length, samples, runs, limeMs: summary(lime), exactMs: summary(exact) };
}
