// The layer check itself: it must catch a screen importing lib/db (in every import form) and pass the real tree.
import { describe, expect, it } from 'vitest';
import { checkLayers, tableAccessesIn, violationsIn } from '../../scripts/check-layers';

describe('check-layers', () => {
  it('catches a component or route importing lib/db, whatever the form of the import', () => {
    const component = [
      '<script lang="ts">',
      "  import { getDb } from '../../db/db';",
      "  import type { Dataset } from '../../db/db';",
      "  const repo = import('../../db/repos/models');",
      "  import { t } from '../../i18n/locale.svelte';",
      "  import { ModelsState } from '../../state/Models.svelte';",
      '</script>',
    ].join('\n');
    expect(violationsIn('src/lib/components/models/Bad.svelte', component)).toEqual([
      { file: 'src/lib/components/models/Bad.svelte', line: 2, specifier: '../../db/db' },
      { file: 'src/lib/components/models/Bad.svelte', line: 3, specifier: '../../db/db' },
      { file: 'src/lib/components/models/Bad.svelte', line: 4, specifier: '../../db/repos/models' },
    ]);
    expect(violationsIn('src/routes/Bad.svelte', "export { listModels } from '../lib/db/repos/models';")).toHaveLength(1);
    expect(violationsIn('src/App.svelte', "import { getDb } from './lib/db/db';")).toHaveLength(1);
  });

  it('lets screens import state, core and i18n, and modules whose name merely contains "db"', () => {
    expect(violationsIn('src/routes/Ok.svelte', "import { x } from '../lib/state/records';\nimport y from '../lib/dbx/z';")).toEqual([]);
  });

  it('catches code outside the repositories touching a table, and leaves repositories and tests alone', () => {
    const state = "readonly guideline = new LiveQuery(() => getDb().guidelines.orderBy('version').last());\nawait db.transaction('rw', db.models, f);";
    expect(tableAccessesIn('src/lib/state/Bad.svelte.ts', state).map((v) => [v.line, v.specifier])).toEqual([
      [1, 'getDb().guidelines'],
      [2, 'db.transaction'],
      [2, 'db.models'],
    ]);
    expect(tableAccessesIn('src/lib/db/repos/models.ts', state)).toEqual([]);
    expect(tableAccessesIn('src/lib/state/Models.test.ts', state)).toEqual([]);
    expect(tableAccessesIn('src/lib/state/Ok.svelte.ts', 'listModels(getDb()); const dbName = x.modelsCount;')).toEqual([]);
  });

  it('finds no violation in the app', () => {
    expect(checkLayers('.')).toEqual([]);
  });
});
