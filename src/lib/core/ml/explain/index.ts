// Public entry of explanations: exact contributions (linear baseline), LIME (any model), per sentence of a text.
import { splitSentences } from '../../text/sentences';
import { predictProba } from '../predict';
import type { BaselineModel } from '../types';
import { exactContributions } from './exact';
import { limeExplain, type LimeOptions } from './lime';
import type { Explanation, ExplainMethod } from './types';

export { exactContributions } from './exact';
export { limeExplain, type LimeOptions, type ProbabilityFunction } from './lime';
export { DEFAULT_LIME_SAMPLES, topWords, type ExactExplanation, type Explanation, type ExplainMethod, type LimeExplanation, type WordWeight } from './types';
export { layoutWords, maskWords, type WordUnit } from './words';

/** One sentence of a baseline explained by either method. */
export function explainBaselineSentence(model: BaselineModel, sentence: string, method: ExplainMethod, options: LimeOptions = {}): Promise<Explanation> {
  if (method === 'exact') return Promise.resolve(exactContributions(model, sentence));
  return limeExplain(sentence, (texts) => predictProba(model, texts), options);
}

/** Every sentence of a text (split as on import), in order, explained by one method. */
export async function explainBaselineText(model: BaselineModel, text: string, method: ExplainMethod, options: LimeOptions = {}): Promise<Explanation[]> {
  const out: Explanation[] = [];
  for (const { text: sentence } of splitSentences(text)) out.push(await explainBaselineSentence(model, sentence, method, options));
  return out;
}
