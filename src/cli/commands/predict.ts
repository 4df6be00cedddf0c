// `predict` command: splits a text into sentences and gives each one's probability of being dissident.
import { predictLabels } from '../../lib/core/ml/model';
import { splitSentences } from '../../lib/core/text/sentences';
import { flag, parseCommandArgs, positional } from '../args';
import { percent, printResult, readModel } from '../io';

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const model = readModel(positional(args, 0, 'le fichier du modèle (model.json)'));
  const text = positional(args, 1, 'le texte à analyser (entre guillemets)');
  const sentences = splitSentences(text).map((s) => s.text);
  if (sentences.length === 0) throw new Error('Texte vide : aucune phrase à analyser.');
  const result = predictLabels(model, sentences).map(({ label, probability }, i) => ({
    sentence: sentences[i]!,
    label: label === 1 ? 'dissident' : 'non dissident',
    probability,
  }));
  printResult(flag(args, 'json'), result, () => result.map((r) => `${r.label === 'dissident' ? '⚠' : '·'} ${percent(r.probability)}  ${r.sentence}`).join('\n'));
}
