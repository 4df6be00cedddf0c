// `npm run fixtures`: writes the random-weight CamemBERT-architecture test models (no Python, no network).
//   (no option)  tests/fixtures/models/tiny-camembert/ and tiny-camembert-classifier/ (2 layers, hidden 32)
//   --if-missing only when they are not there yet (test setup)
//   --full       public/models/camembert-full-random/ (12 layers, hidden 768; about 440 MB fp32 + 110 MB q8)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeModelFolder } from './fixtures/camembert/folder';
import { tinyTokenizer } from './fixtures/camembert/tokenizer';
import { randomWeights, type CamembertShape } from './fixtures/camembert/weights';
import { ensureTinyModels, FIXTURE_MODELS_DIR, writeTinyModels } from './fixtures/tiny-models';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const FULL_DIR = root('public/models/camembert-full-random');
const REAL_TOKENIZER = root('../shared/models/camembert-base-tokenizer');

function report(name: string, sizes: Record<string, number>): void {
  const parts = Object.entries(sizes).map(([file, bytes]) => `${file} ${(bytes / 1024 / 1024).toFixed(2)} Mo`);
  process.stdout.write(`${name} : ${parts.join(', ')}\n`);
}

function full(): void {
  let files: { tokenizerJson: string; tokenizerConfig: string };
  if (existsSync(`${REAL_TOKENIZER}/tokenizer.json`)) {
    files = { tokenizerJson: readFileSync(`${REAL_TOKENIZER}/tokenizer.json`, 'utf8'), tokenizerConfig: readFileSync(`${REAL_TOKENIZER}/tokenizer_config.json`, 'utf8') };
  } else {
    process.stderr.write(`Tokeniseur réel absent (${REAL_TOKENIZER}/tokenizer.json) : le petit tokeniseur de test est utilisé.\n`);
    const tok = tinyTokenizer();
    files = { tokenizerJson: JSON.stringify(tok.tokenizerJson), tokenizerConfig: JSON.stringify(tok.tokenizerConfig) };
  }
  // camembert-base's tokenizer has a piece with id 32005 (one past its vocab_size): 32,006 rows keep every id valid.
  const shape: CamembertShape = {
    vocabSize: 32006, hidden: 768, layers: 12, heads: 12, intermediate: 3072, maxPositions: 514, padId: 1, layerNormEps: 1e-5, initStd: 0.02,
  };
  report(FULL_DIR, writeModelFolder(FULL_DIR, { weights: randomWeights(shape, 20260103), ...files }));
}

if (process.argv.includes('--full')) full();
else if (process.argv.includes('--if-missing')) await ensureTinyModels();
else for (const [name, sizes] of Object.entries((await writeTinyModels()).sizes)) report(`${FIXTURE_MODELS_DIR}${name}`, sizes);
