// The search core's CPU cost in Node, without IndexedDB: builds the inverted index of one CSV column's sentences, then
// CPU milliseconds (process.cpuUsage, steadier than wall time on a shared machine) of a one-word search, a two-word
// search and TF-IDF similarity (k = 20, ten sentences, warm), and checks several needles against a folded scan.
// `npx tsx scripts/bench/search-core.ts .cache/gd20k.csv` (COL: the column, 18 = the synthetic files' text column).
// Also runs on a tree from before word positions (`git archive f47e223 src`), hence the optional `positions` reads
// through `any` below.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { splitSentences } from '../../src/lib/core/text/sentences';
import { IndexBuilder } from '../../src/lib/core/search/inverted-index';
import { matchText, similarByTfidf, type IndexView } from '../../src/lib/core/search/query';
import { foldForSearch } from '../../src/lib/core/text/normalise';
const file = process.argv[2] ?? '.cache/gd20k.csv';
const rows = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
const header = rows[0]!; const col = Number(process.env.COL ?? 18);
let t = performance.now();
const b = new IndexBuilder(); const texts: string[] = [];
for (let r = 1; r < rows.length; r++) { const text = rows[r]![col] ?? ''; const s = splitSentences(text).map((sp) => text.slice(sp.start, sp.end)); texts.push(...s); b.addAnswer(r, s); }
const built = b.build();
const buildMs = performance.now() - t;
const ids = new Map(built.terms.map((x, i) => [x, i]));
const view: IndexView = { docCount: built.docCount, norms: built.norms, vocabulary: `\n${built.terms.join('\n')}\n`, df: (x) => (ids.has(x) ? built.dfs[ids.get(x)!] : undefined), postings: async (ts) => ts.map((x) => built.postings[ids.get(x)!] ?? new Uint8Array()), positions: (built as any).positions ? async (ts: string[]) => ts.map((x) => (built as any).positions[ids.get(x)!] ?? new Uint8Array()) : undefined };
const bytes = built.postings.reduce((n, p) => n + p.byteLength, 0);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = async (f: () => Promise<unknown>, n = 5) => { const xs: number[] = []; let out: unknown; for (let i = 0; i < n; i++) { const s = cpu(); out = await f(); xs.push(cpu() - s); } xs.sort((a, b) => a - b); return [Math.round(xs[n >> 1]! * 10) / 10, out] as const; };
const [termMs, m1] = await time(() => matchText(view, 'prefecture'));
const [phraseMs, m2] = await time(() => matchText(view, 'services publics'));
let simMs: number[] = [];
for (let q = 0; q < 10; q++) { const doc = (q * 7919 * 31) % texts.length; simMs.push((await time(() => similarByTfidf(view, texts[doc]!, { k: 20, exclude: doc }), 3))[0]); }
simMs.sort((a, b) => a - b);
console.log(JSON.stringify({ file, sentences: built.docCount, terms: built.terms.length, buildMs: Math.round(buildMs), postingsMB: +(bytes / 2 ** 20).toFixed(2), positionsMB: +(((built as any).positions ?? []).reduce((n: number, p: Uint8Array) => n + p.byteLength, 0) / 2 ** 20).toFixed(2), termMs, termHits: (m1 as any).docs.length, phraseMs, phraseCandidates: (m2 as any).docs.length, phraseExact: (m2 as any).exact, simMedianMs: simMs[5], simMaxMs: simMs[9] }));
for (const needle of ['services publics', "l'etat", 'ices pub', 'sous-prefecture', 'de la', 'il faut que', 'prefecture']) {
  const got = (await matchText(view, needle))!;
  const folded = texts.map(foldForSearch);
  const want: number[] = []; folded.forEach((t, i) => t.includes(needle) && want.push(i));
  const gotDocs = got.exact ? Array.from(got.docs) : Array.from(got.docs).filter((d) => folded[d]!.includes(needle));
  console.log(needle, got.exact, want.length, gotDocs.length, JSON.stringify(want) === JSON.stringify(gotDocs));
}
