// Vitest global setup: a fresh clone has no generated test models; write them once before any test runs.
import { ensureTinyModels } from '../../scripts/fixtures/tiny-models';

export default async function setup(): Promise<void> {
  await ensureTinyModels();
}
