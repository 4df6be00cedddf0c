import { describe, expect, it } from 'vitest';
import shipped from '../../checks/suite.fr.json';
import { parseCheckSuite, suiteFingerprint } from './suite-format';

const withCase = (c: unknown) => ({ ...shipped, cases: [c] });

describe('parseCheckSuite', () => {
  it('reads the shipped suite, every case id unique', () => {
    const suite = parseCheckSuite(JSON.stringify(shipped));
    expect(suite.cases.length).toBeGreaterThan(10);
    expect(new Set(suite.cases.map((c) => c.kind))).toEqual(new Set(['mft', 'inv', 'dir', 'target']));
  });

  it.each([
    ['not JSON', '{oops', /pas du JSON lisible/],
    ['another format', { format: 'autre' }, /ce n’est pas une suite/],
    ['a newer format', { ...shipped, formatVersion: 9 }, /version de format 9/],
    ['no slice settings', { ...shipped, slices: undefined }, /tranches/],
    ['an unknown kind', withCase({ id: 'a', name: 'n', kind: 'zzz' }), /type « zzz » inconnu/],
    ['an unknown perturbation', withCase({ id: 'a', name: 'n', kind: 'inv', perturbation: 'rot13', tolerance: 0.1, texts: ['x'] }), /transformation « rot13 » inconnue/],
    ['a template without {x}', withCase({ id: 'a', name: 'n', kind: 'target', minGap: 0.1, power: ['p'], others: ['o'], texts: ['sans emplacement'] }), /n’a pas d’emplacement \{x\}/],
    ['an empty sentence list', withCase({ id: 'a', name: 'n', kind: 'mft', expected: 'dissident', texts: [] }), /liste non vide/],
    ['a wrong verdict', withCase({ id: 'a', name: 'n', kind: 'mft', expected: 'oui', texts: ['x'] }), /verdict attendu/],
    ['a direction with nothing added', withCase({ id: 'a', name: 'n', kind: 'dir', prefix: '', suffix: ' ', expect: 'up', margin: 0.1, texts: ['x'] }), /rien à ajouter/],
    ['a tolerance out of range', withCase({ id: 'a', name: 'n', kind: 'inv', perturbation: 'typos', tolerance: 2, texts: ['x'] }), /tolerance/],
    ['a duplicate id', { ...shipped, cases: [shipped.cases[0], shipped.cases[0]] }, /en double/],
  ])('refuses %s with a French message', (_, value, message) => {
    expect(() => parseCheckSuite(value)).toThrow(message);
    expect(() => parseCheckSuite(value)).toThrow(/^Suite de vérifications invalide/);
  });

  it('fingerprints what a run judges: an edited case changes it, a raised version number alone does not', () => {
    const suite = parseCheckSuite(JSON.stringify(shipped));
    const same = parseCheckSuite(JSON.stringify(shipped));
    expect(suiteFingerprint(same)).toBe(suiteFingerprint(suite));
    expect(suiteFingerprint({ ...suite, version: suite.version + 1 })).toBe(suiteFingerprint(suite));
    const edited = { ...suite, cases: suite.cases.map((c, i) => (i === 0 ? { ...c, name: `${c.name} (revu)` } : c)) };
    expect(suiteFingerprint(edited)).not.toBe(suiteFingerprint(suite));
    expect(suiteFingerprint({ ...suite, slices: { ...suite.slices, maxDrop: suite.slices.maxDrop + 0.01 } })).not.toBe(suiteFingerprint(suite));
  });
});
