import { describe, expect, it } from 'vitest';
import shipped from '../../checks/suite.fr.json';
import { caseOf, draftOf, EMPTY_DRAFT } from './draft';
import { parseCheckSuite } from './suite-format';

describe('case drafts', () => {
  it('round-trips every shipped case through the form fields', () => {
    const suite = parseCheckSuite(shipped);
    for (const c of suite.cases) expect(caseOf(draftOf(c), c.id)).toEqual(c);
  });

  it('reads one sentence per line, trimmed, blank lines dropped', () => {
    const c = caseOf({ ...EMPTY_DRAFT, name: ' Nouveau ', texts: ' Une.\n\n  Deux. \n' }, 'n1');
    expect(c).toEqual({ id: 'n1', kind: 'mft', name: 'Nouveau', expected: 'dissident', texts: ['Une.', 'Deux.'] });
  });

  it('gives the parser what it needs to refuse an incomplete case', () => {
    const c = caseOf({ ...EMPTY_DRAFT, kind: 'target', name: 'cibles', texts: 'sans emplacement', power: 'les élus', others: '' }, 't1');
    expect(() => parseCheckSuite({ ...shipped, cases: [c] })).toThrow(/emplacement \{x\}|others/);
  });
});
