// `embed` command: the mean-pooled, L2-normalised sentence vector of a text from an encoder model folder.
import { flag, parseCommandArgs, positional, stringOption } from '../args';
import { printResult } from '../io';
import { loadModelFolder, preferredDtype } from '../model-folder';

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { json: { type: 'boolean' }, dtype: { type: 'string' } });
  const dir = positional(args, 0, 'le dossier du modèle (config.json, tokenizer.json, onnx/)');
  const text = positional(args, 1, 'le texte (entre guillemets)');
  if (text.trim() === '') throw new Error('Texte vide : rien à représenter.');
  const requested = stringOption(args, 'dtype');
  if (requested !== undefined && requested !== 'fp32' && requested !== 'q8') throw new Error(`--dtype attend fp32 ou q8 (reçu : « ${requested} »).`);
  const dtype = requested ?? preferredDtype(dir);
  const model = await loadModelFolder(dir, { dtype });
  try {
    const [vector] = await model.embed([text]);
    const result = { dims: vector!.length, vector: Array.from(vector!), dtype, tokens: model.tokenLength(text) };
    printResult(flag(args, 'json'), result, () => `${result.dims} dimensions (${dtype}, ${result.tokens} jetons) : [${result.vector.slice(0, 6).map((v) => v.toFixed(4)).join(', ')}, …]`);
  } finally {
    await model.dispose();
  }
}
