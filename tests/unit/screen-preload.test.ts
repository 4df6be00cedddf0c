// The build's screen preload: which files each screen's address asks for before the shell runs, and the script that
// asks for them (run here against a minimal document).
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { preloadScript, screenFiles } from '../../scripts/screen-preload-plugin';
import { ROUTE_FILES, SCREENS } from '../../src/lib/screens';

type Chunk = Partial<Rolldown.OutputChunk> & { fileName: string; imports: string[] };

/** A bundle shaped like the app's: an entry, a shared chunk, one chunk per screen, the demo model. */
function bundle(): Rolldown.OutputBundle {
  const chunks: Chunk[] = [
    { fileName: 'assets/index.js', isEntry: true, imports: ['assets/svelte.js'] },
    { fileName: 'assets/svelte.js', imports: [] },
    { fileName: 'assets/shared.js', imports: ['assets/svelte.js'], viteMetadata: { importedCss: new Set(['assets/shared.css']), importedAssets: new Set() } as Rolldown.OutputChunk['viteMetadata'] },
    { fileName: 'assets/demo-model.js', facadeModuleId: '\0virtual:demo-model', isDynamicEntry: true, imports: [] },
    ...SCREENS.map((screen) => ({
      fileName: `assets/${screen}.js`,
      facadeModuleId: `/app/src/routes/${ROUTE_FILES[screen]}`,
      isDynamicEntry: true,
      imports: screen === 'about' ? ['assets/svelte.js'] : ['assets/svelte.js', 'assets/shared.js'],
    })),
  ];
  return Object.fromEntries(chunks.map((c) => [c.fileName, { type: 'chunk', ...c } as Rolldown.OutputChunk]));
}

describe('screenFiles', () => {
  const files = screenFiles(bundle());

  it("lists a screen's chunk after the chunks and CSS it imports, leaving out what the shell already loads", () => {
    expect(files['accord']).toEqual(['assets/shared.css', 'assets/shared.js', 'assets/agreement.js']);
    expect(files['a-propos']).toEqual(['assets/about.js']);
  });

  it('adds the demo model to the Démo, whose first verdict needs it', () => {
    expect(files['']).toEqual(['assets/shared.css', 'assets/shared.js', 'assets/demo.js', 'assets/demo-model.js']);
  });

  it('follows shared chunks that import each other', () => {
    const cyclic = bundle();
    (cyclic['assets/shared.js'] as Rolldown.OutputChunk).imports.push('assets/agreement.js');
    expect(screenFiles(cyclic)['accord']).toEqual(['assets/shared.css', 'assets/shared.js', 'assets/agreement.js']);
  });

  it('refuses a build where a screen has no chunk of its own', () => {
    const broken = bundle();
    delete broken['assets/models.js'];
    expect(() => screenFiles(broken)).toThrow(/Models\.svelte/);
  });
});

describe('preloadScript', () => {
  /** Runs the script for an address; returns the links it added (rel and href). */
  interface Link {
    rel: string;
    crossOrigin: string;
    href: string;
  }
  function run(hash: string): Link[] {
    const added: Link[] = [];
    const document = { createElement: () => ({}) as Link, head: { appendChild: (l: Link) => added.push(l) } };
    new Function('document', 'location', preloadScript(screenFiles(bundle()), '/base/'))(document, { hash });
    return added.map(({ rel, crossOrigin, href }) => ({ rel, crossOrigin, href }));
  }

  it("asks for the address's screen: modules as modulepreload, CSS as a stylesheet, both as Vite's helper does", () => {
    expect(run('#/accord')).toEqual([
      { rel: 'stylesheet', crossOrigin: '', href: '/base/assets/shared.css' },
      { rel: 'modulepreload', crossOrigin: '', href: '/base/assets/shared.js' },
      { rel: 'modulepreload', crossOrigin: '', href: '/base/assets/agreement.js' },
    ]);
  });

  it('reads the screen from the first part of the address, as the router does', () => {
    expect(run('#/predire/corpus').map((l) => l.href)).toContain('/base/assets/predict.js');
    expect(run('#/annoter?dataset=3').map((l) => l.href)).toContain('/base/assets/annotate.js');
  });

  it('falls back to the Démo for an empty or unknown address', () => {
    for (const hash of ['', '#/', '#/nulle-part']) expect(run(hash).map((l) => l.href)).toContain('/base/assets/demo.js');
  });
});
