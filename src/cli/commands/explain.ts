// `explain <model.json|classifier folder> "<text>" [--method lime|exact] [--samples N] [--seed N] [--top K] [--json]`:
// each sentence's probability of being dissident and the words that weigh most, strongest first. A baseline takes
// both methods; a transfer model or a fine-tuned classifier folder takes LIME, through the same scorer as `predict`.
import { DEFAULT_LIME_SAMPLES, explainBaselineText, limeExplain, topWords, type ExplainMethod, type Explanation, type LimeOptions } from '../../lib/core/ml/explain';
import { splitSentences } from '../../lib/core/text/sentences';
import { flag, integerOption, parseCommandArgs, positional, stringOption } from '../args';
import { percent, printResult } from '../io';
import { openScorer } from '../scorer';

function method(args: Parameters<typeof stringOption>[0]): ExplainMethod {
  const value = stringOption(args, 'method') ?? 'lime';
  if (value !== 'lime' && value !== 'exact') throw new Error(`--method attend « lime » ou « exact » (reçu : « ${value} »).`);
  return value;
}

/** The contract's keys first (sentence, probability, words: [{word, weight}]), then what each method adds. */
function describe(e: Explanation, threshold: number, top: number) {
  const words = topWords(e.words, top).map(({ word, weight, start, end }) => ({ word, weight, start, end }));
  const common = { sentence: e.sentence, probability: e.probability, words, label: e.probability >= threshold ? 'dissident' : 'non dissident', threshold, method: e.method };
  return e.method === 'exact'
    ? { ...common, logit: e.logit, intercept: e.intercept }
    : { ...common, samples: e.samples, seed: e.seed, intercept: e.intercept, localPrediction: e.localPrediction, score: e.score };
}

async function explainWith(path: string, text: string, chosen: ExplainMethod, options: LimeOptions): Promise<{ explanations: Explanation[]; threshold: number }> {
  const scorer = await openScorer(path);
  try {
    if (scorer.baseline) return { explanations: await explainBaselineText(scorer.baseline, text, chosen, options), threshold: scorer.threshold };
    if (chosen === 'exact') throw new Error('Les contributions exactes ne valent que pour le modèle de base (linéaire) : utilisez --method lime.');
    const explanations: Explanation[] = [];
    for (const { text: sentence } of splitSentences(text)) explanations.push(await limeExplain(sentence, (texts) => scorer.score(texts), options));
    return { explanations, threshold: scorer.threshold };
  } finally {
    await scorer.dispose();
  }
}

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, {
    method: { type: 'string' },
    samples: { type: 'string' },
    seed: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
  });
  const modelPath = positional(args, 0, 'le fichier du modèle (model.json) ou le dossier d’un classifieur');
  const text = positional(args, 1, 'le texte à expliquer (entre guillemets)');
  const chosen = method(args);
  const samples = integerOption(args, 'samples', DEFAULT_LIME_SAMPLES, 10, 100_000);
  const seed = integerOption(args, 'seed', 0, 0, 2 ** 32 - 1);
  const top = integerOption(args, 'top', 10, 1, 1000);
  const { explanations, threshold } = await explainWith(modelPath, text, chosen, { samples, seed });
  if (explanations.length === 0) throw new Error('Texte vide : aucune phrase à expliquer.');
  const result = explanations.map((e) => describe(e, threshold, top));
  const unit = chosen === 'exact' ? 'log-cote' : 'probabilité';
  printResult(flag(args, 'json'), result, () =>
    result
      .map((r) => {
        const words = r.words.map((w) => `${w.weight >= 0 ? '+' : '−'}${Math.abs(w.weight).toFixed(3)} ${w.word}`).join('\n    ');
        return `${r.label === 'dissident' ? '⚠' : '·'} ${percent(r.probability)}  ${r.sentence}\n  Mots les plus influents (${unit}) :\n    ${words || '(aucun)'}`;
      })
      .join('\n'),
  );
}
