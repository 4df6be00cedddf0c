import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../text/normalise';
import { answerPositionOf, idf, IndexBuilder, tfWeight, type BuiltIndex } from './inverted-index';
import { matchText, similarByTfidf, termsContaining, type IndexView } from './query';
import { searchTokens } from './tokens';
import { encodePostings, forEachPosting } from './varint';

const ANSWERS: [number, string[]][] = [
  [10, ['La Préfecture est fermée.', 'Les impôts augmentent encore !']],
  [11, ['Je déteste la PREFECTURE et les préfectures.']],
  [14, ['Les services publics reculent.', '…', 'Sous-préfecture : trois mois d’attente.']],
];
const TEXTS = ANSWERS.flatMap(([, s]) => s);

function viewOf(built: BuiltIndex): IndexView {
  const ids = new Map(built.terms.map((t, i) => [t, i]));
  return {
    docCount: built.docCount,
    norms: built.norms,
    vocabulary: `\n${built.terms.join('\n')}\n`,
    df: (term) => (ids.has(term) ? built.dfs[ids.get(term)!] : undefined),
    postings: async (terms) => terms.map((t) => built.postings[ids.get(t)!] ?? new Uint8Array()),
    positions: async (terms) => terms.map((t) => built.positions[ids.get(t)!] ?? new Uint8Array()),
  };
}

function build(): BuiltIndex {
  const builder = new IndexBuilder();
  for (const [id, sentences] of ANSWERS) builder.addAnswer(id, sentences);
  return builder.build();
}

describe('postings encoding', () => {
  it('round-trips gaps and term counts, large gaps included', () => {
    const packed = [0 * 256 + 1, 3 * 256 + 2, 4 * 256 + 255, 900_000 * 256 + 1];
    const seen: [number, number][] = [];
    forEachPosting(encodePostings(packed), (doc, tf) => seen.push([doc, tf]));
    expect(seen).toEqual([[0, 1], [3, 2], [4, 255], [900_000, 1]]);
  });
});

describe('inverted index', () => {
  it('numbers sentences in file order and finds the answer of each', () => {
    const built = build();
    expect(built.docCount).toBe(6);
    expect([...built.answerIds]).toEqual([10, 11, 14]);
    expect([...built.answerStarts]).toEqual([0, 2, 3, 6]);
    expect([0, 1, 2, 3, 5].map((d) => answerPositionOf(built.answerStarts, d))).toEqual([0, 0, 1, 2, 2]);
  });

  it('gives a sentence without letters a zero norm and others the TF-IDF norm', () => {
    const built = build();
    expect(built.norms[4]).toBe(0);
    const tokens = searchTokens(TEXTS[1]!);
    const df = (t: string) => TEXTS.filter((s) => searchTokens(s).includes(t)).length;
    const expected = Math.hypot(...tokens.map((t) => tfWeight(1) * idf(df(t), 6)));
    expect(built.norms[1]).toBeCloseTo(expected, 5);
  });

  it('matches exactly what a folded substring search matches, for single words', async () => {
    const view = viewOf(build());
    for (const needle of ['prefecture', 'PRÉFECTURES', 'fecture', 'impot', 'sous', 'zzz']) {
      const folded = foldForSearch(needle);
      const matches = await matchText(view, folded);
      const scan = TEXTS.flatMap((t, i) => (foldForSearch(t).includes(folded) ? [i] : []));
      expect(matches!.exact).toBe(true);
      expect([...matches!.docs], needle).toEqual(scan);
    }
  });

  it('matches words separated by spaces, apostrophes or hyphens exactly from word positions', async () => {
    const answers: [number, string[]][] = [
      [1, ['La Préfecture est fermée, la préfecture ferme.', "L'État, l’état et l' État.", 'Sous-préfecture : sous préfecture, sous - préfecture.']],
      [2, ['Les services publics reculent ; services, publics.', 'publics services publics services publics', 'très très très loin']],
    ];
    const builder = new IndexBuilder();
    for (const [id, sentences] of answers) builder.addAnswer(id, sentences);
    const view = viewOf(builder.build());
    const texts = answers.flatMap(([, s]) => s.map(foldForSearch));
    const needles = ['la prefecture', 'fecture est', "l'etat", 'l etat', 'sous-prefecture', 'sous prefecture', 'ces publics', 'services publics services', 'publics services', 'tres tres', 'tres tres tres', 'tres tres tres tres', 'est fermee', 'la ferme'];
    for (const needle of needles) {
      const matches = await matchText(view, needle);
      expect(matches!.exact, needle).toBe(true);
      expect([...matches!.docs], needle).toEqual(texts.flatMap((t, i) => (t.includes(needle) ? [i] : [])));
    }
    // Any other separator: candidates to check by their text.
    expect((await matchText(view, 'services, publics'))!.exact).toBe(false);
    expect([...(await matchText(view, 'services, publics'))!.docs]).toContain(3);
  });

  it('gives a superset to check when positions are not stored, and nothing to say for punctuation alone', async () => {
    const view = { ...viewOf(build()), positions: undefined };
    const matches = await matchText(view, foldForSearch('la prefecture'));
    expect(matches!.exact).toBe(false);
    expect([...matches!.docs]).toEqual([0, 2]);
    expect(await matchText(view, '…')).toBeNull();
  });

  it('lists each term holding a run once', () => {
    expect(termsContaining('\nabab\nbab\nx\n', 'ab')).toEqual(['abab', 'bab']);
    expect(termsContaining('\nabab\nbab\nx\n', 'x')).toEqual(['x']);
  });
});

describe('TF-IDF similarity', () => {
  it('ranks by cosine of sublinear TF-IDF vectors, as a dense computation does', async () => {
    const built = build();
    const view = viewOf(built);
    const query = 'la préfecture ferme';
    const vocab = built.terms;
    const vector = (text: string) => {
      const tokens = searchTokens(text);
      return vocab.map((t, i) => {
        const tf = tokens.filter((x) => x === t).length;
        return tf ? tfWeight(tf) * idf(built.dfs[i]!, 6) : 0;
      });
    };
    const q = vector(query);
    const cosine = (v: number[]) => v.reduce((s, x, i) => s + x * q[i]!, 0) / (Math.hypot(...v) * Math.hypot(...q));
    const expected = TEXTS.map((t, doc) => ({ doc, score: cosine(vector(t)) })).filter((r) => r.score > 0).sort((a, b) => b.score - a.score);
    const got = await similarByTfidf(view, query, { k: 10 });
    expect(got.map((r) => r.doc)).toEqual(expected.map((r) => r.doc));
    got.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 5));
  });

  it('leaves out the source sentence, and lists the least similar with zero scores', async () => {
    const view = viewOf(build());
    const most = await similarByTfidf(view, TEXTS[0]!, { k: 2, exclude: 0 });
    expect(most.map((r) => r.doc)).not.toContain(0);
    expect(most[0]!.doc).toBe(2);
    const least = await similarByTfidf(view, TEXTS[0]!, { k: 2, order: 'least', exclude: 0 });
    expect(least.map((r) => r.score)).toEqual([0, 0]);
    expect(least.map((r) => r.doc)).not.toContain(4);
  });
});
