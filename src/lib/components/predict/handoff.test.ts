// The Démo → Prédire address: any sentence (accents, &, #, %, markup) and model key survive the round trip.
import { describe, expect, it } from 'vitest';
import { explainHref, readExplainRequest } from './handoff';

describe('explain hand-off', () => {
  it('round-trips awkward sentences and the model key', () => {
    for (const text of ['Organisation nulle.', 'Élus & cie : 100 % #honte ?', '<img src=x onerror=alert(1)> a+b=c', '  espaces  ']) {
      const href = explainHref(text, 'stored-12');
      expect(href.startsWith('#/predire?')).toBe(true);
      expect(readExplainRequest(href)).toEqual({ text, model: 'stored-12' });
    }
  });

  it('leaves the model out when none is given', () => {
    expect(readExplainRequest(explainHref('Trop de paperasse.'))).toEqual({ text: 'Trop de paperasse.' });
  });

  it('asks for nothing on other addresses or without a sentence', () => {
    expect(readExplainRequest('#/predire')).toBeUndefined();
    expect(readExplainRequest('#/predire/corpus?dataset=3')).toBeUndefined();
    expect(readExplainRequest('#/predire?texte=%20%20')).toBeUndefined();
    expect(readExplainRequest('#/?texte=abc')).toBeUndefined();
  });
});
