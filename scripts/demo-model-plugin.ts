// Vite plugin: trains the built-in demo model once per build (or dev server) with the app's own core code and serves
// it as the module `virtual:demo-model`, loaded by the Démo on demand: visitors get a ready model, never train it.
import type { Plugin } from 'vite';
import { demoModelModuleSource, trainDemoModel } from '../src/lib/demo/model';

const ID = 'virtual:demo-model';
const RESOLVED = `\0${ID}`;

export function demoModelPlugin(): Plugin {
  let source: Promise<string> | undefined;
  return {
    name: 'dissidentia:demo-model',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // Training is deterministic (fixed seed and options): the same corpus gives the same module, byte for byte.
      source ??= trainDemoModel().then(demoModelModuleSource);
      return source;
    },
  };
}
