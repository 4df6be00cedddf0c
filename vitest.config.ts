// Unit tests: pure modules and repositories, run in Node (fake-indexeddb for Dexie).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // The tiny CamemBERT test models are generated, not committed.
    globalSetup: ['tests/setup/fixture-models.ts'],
  },
});
