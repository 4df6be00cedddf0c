// Examples proposed for the guideline: one per sentence, in order, written as a Markdown list.
import { describe, expect, it } from 'vitest';
import { examplesMarkdown, withExample } from './guideline-examples';

describe('guideline examples', () => {
  it('keeps one proposal per sentence, in first-proposed order, and writes them as Markdown', () => {
    let list = withExample([], { sentenceId: 2, text: 'Des  nuls.', labels: [{ annotator: 'a', label: 'dissident' }, { annotator: 'b', label: 'inclassable' }] });
    list = withExample(list, { sentenceId: 5, text: 'Trop de strates.', labels: [{ annotator: 'a', label: 'non dissident' }] });
    list = withExample(list, { sentenceId: 2, text: 'Des  nuls.', labels: [{ annotator: 'a', label: 'dissident' }], gold: 'dissident' });
    expect(list.map((e) => e.sentenceId)).toEqual([2, 5]);
    const md = examplesMarkdown(list);
    expect(md).toContain('## Exemples discutés');
    expect(md).toContain('- « Des nuls. » — a : dissident. Référence retenue : **dissident**.');
    expect(md).toContain('- « Trop de strates. » — a : non dissident. Pas encore de référence.');
  });
});
