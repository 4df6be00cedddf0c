// `predict` command: splits a text into sentences and gives each one's probability of being dissident
// (baseline or transfer model JSON, or a fine-tuned classifier folder).
import { labelAt } from '../../lib/core/ml/threshold';
import { splitSentences } from '../../lib/core/text/sentences';
import { flag, parseCommandArgs, positional } from '../args';
import { percent, printResult } from '../io';
import { openScorer } from '../scorer';

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const modelPath = positional(args, 0, 'le fichier du modèle (model.json) ou le dossier d’un classifieur');
  const text = positional(args, 1, 'le texte à analyser (entre guillemets)');
  const sentences = splitSentences(text).map((s) => s.text);
  if (sentences.length === 0) throw new Error('Texte vide : aucune phrase à analyser.');
  const scorer = await openScorer(modelPath);
  try {
    const probabilities = await scorer.score(sentences);
    const result = sentences.map((sentence, i) => ({
      sentence,
      label: labelAt(probabilities[i]!, scorer.threshold) === 1 ? 'dissident' : 'non dissident',
      probability: probabilities[i]!,
    }));
    printResult(flag(args, 'json'), result, () => result.map((r) => `${r.label === 'dissident' ? '⚠' : '·'} ${percent(r.probability)}  ${r.sentence}`).join('\n'));
  } finally {
    await scorer.dispose();
  }
}
