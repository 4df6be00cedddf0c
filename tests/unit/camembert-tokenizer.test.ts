// The real camembert-base tokenizer (../shared, not committed) through transformers.js: French text must give the ids
// camembert-base was trained on. Expected ids are looked up in the tokenizer's own vocabulary, piece by piece.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { configureNodeRuntime } from '../../src/cli/model-folder';

const DIR = fileURLToPath(new URL('../../../shared/models/camembert-base-tokenizer', import.meta.url));
const FILE = `${DIR}/tokenizer.json`;
const present = existsSync(FILE);

describe.skipIf(!present)(`real CamemBERT tokenizer (skipped: ${FILE} absent)`, () => {
  const vocab = present ? (JSON.parse(readFileSync(FILE, 'utf8')) as { model: { vocab: [string, number][] } }).model.vocab.map(([p]) => p) : [];
  const id = (piece: string) => {
    const i = vocab.indexOf(piece);
    expect(i, piece).toBeGreaterThan(6);
    return i;
  };

  it('splits French sentences into camembert-base ids, with <s> = 5 and </s> = 6', async () => {
    configureNodeRuntime();
    const tokenizer = await AutoTokenizer.from_pretrained(DIR);
    const cases: [string, string[]][] = [
      ['Les impôts sont trop élevés.', ['▁Les', '▁impôts', '▁sont', '▁trop', '▁élevés', '.']],
      ['Il faut supprimer le Sénat', ['▁Il', '▁faut', '▁supprimer', '▁le', '▁Sénat']],
      ['services publics', ['▁services', '▁publics']],
    ];
    for (const [text, pieces] of cases) {
      expect(tokenizer.tokenize(text)).toEqual(pieces);
      expect(tokenizer.encode(text)).toEqual([5, ...pieces.map(id), 6]);
    }
    // Padding id 1, as the model's RoBERTa positions assume.
    const batch = tokenizer(['services publics', 'Les impôts sont trop élevés.'], { padding: true });
    expect(Array.from(batch.input_ids.data as BigInt64Array, Number).slice(0, 8)).toEqual([5, id('▁services'), id('▁publics'), 6, 1, 1, 1, 1]);
  });

  it('has ids up to 32005, so a model for it needs 32,006 embedding rows', () => {
    const tokenizer = JSON.parse(readFileSync(FILE, 'utf8')) as { added_tokens: { id: number }[] };
    expect(Math.max(vocab.length - 1, ...tokenizer.added_tokens.map((t) => t.id))).toBe(32005);
  });
});
