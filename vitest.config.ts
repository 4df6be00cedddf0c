// Unit tests: pure modules, repositories (fake-indexeddb for Dexie) and rune classes, run in Node.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles `*.svelte.ts` rune classes, so that state logic is tested without a browser.
  plugins: [svelte({ compilerOptions: { runes: true } })],
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // The tiny CamemBERT test models are generated, not committed.
    globalSetup: ['tests/setup/fixture-models.ts'],
  },
});
