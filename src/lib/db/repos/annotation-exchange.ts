// Importing annotations from another laptop: match sentences by answer id and text hash, create the missing ones as
// an 'annotations' dataset, then merge labels (others added, latest wins for the same annotator, conflicts listed).
import { checkImportable, type ExchangeSentence, type ParsedExchange } from '../../core/annotation/exchange';
import { mergeKey, planMerge, type IncomingLabel, type LabelVersion, type MergeConflict } from '../../core/annotation/merge-plan';
import { sentenceFields, sentenceIdOf } from '../answer-sentences';
import type { Annotation, Answer, DissidentiaDb, Sentence } from '../db';
import { getAnnotation } from './annotations';
import { ensureAnnotator } from './annotators';
import { currentGuideline } from './guidelines';
import { sentencesWithHashes } from './sentences';

export interface ImportReport {
  sentences: number;
  matched: number;
  created: number;
  datasetId?: number;
  added: number;
  updated: number;
  unchanged: number;
  keptLocal: number;
  annotators: string[];
  conflicts: MergeConflict[];
  skipped: ParsedExchange['skipped'];
}

interface Planned extends IncomingLabel {
  guidelineVersion?: number;
  bulk?: boolean;
}

const NEW = 'new:';

export async function importAnnotations(db: DissidentiaDb, parsed: ParsedExchange, datasetName: string): Promise<ImportReport> {
  // Checked before the guideline is read: on a first use reading it seeds version 1, a write.
  checkImportable(parsed);
  const guideline = await currentGuideline(db);
  return db.transaction('rw', [db.datasets, db.answers, db.annotators, db.annotations], async () => {
    const hashes = [...new Set(parsed.sentences.map((s) => s.hash))];
    const local = await sentencesWithHashes(db, hashes);
    const answers = new Map((await db.answers.bulkGet([...new Set(local.map((s) => s.answerId))])).filter((a): a is Answer => !!a).map((a) => [a.id, a.externalId]));
    const byHash = new Map<string, Sentence[]>();
    for (const s of local) byHash.set(s.hash, [...(byHash.get(s.hash) ?? []), s]);

    // Each incoming sentence gets a key: a local sentence id, or a placeholder for a sentence to create.
    const keys: string[] = [];
    const missing = new Map<string, ExchangeSentence>();
    let matched = 0;
    parsed.sentences.forEach((s, i) => {
      const candidates = byHash.get(s.hash) ?? [];
      const hit = candidates.find((c) => s.answerId !== undefined && answers.get(c.answerId) === s.answerId) ?? candidates[0];
      if (hit) {
        matched++;
        keys.push(String(hit.id));
      } else {
        const key = NEW + `${s.answerId ?? `ligne-${i + 1}`}\u0000${s.hash}`;
        if (!missing.has(key)) missing.set(key, s);
        keys.push(key);
      }
    });
    const created = missing.size ? await createSentences(db, missing, datasetName) : { ids: new Map<string, number>(), datasetId: undefined };

    const incoming: Planned[] = parsed.sentences.flatMap((s, i) =>
      s.labels.map((l) => ({ sentenceKey: keys[i]!, annotator: l.annotator, label: l.label, createdAt: l.createdAt, text: s.text, guidelineVersion: l.guidelineVersion, bulk: l.bulk })),
    );
    const annotatorIds = new Map<string, number>();
    for (const name of new Set(incoming.map((l) => l.annotator))) annotatorIds.set(name, await ensureAnnotator(db, name));
    const existing = new Map<string, LabelVersion>();
    const names = new Map([...annotatorIds].map(([name, id]) => [id, name]));
    const localIds = [...new Set(keys.filter((k) => !k.startsWith(NEW)).map(Number))];
    for (const a of await db.annotations.where('sentenceId').anyOf(localIds).toArray()) {
      const name = names.get(a.annotatorId);
      if (name !== undefined) existing.set(mergeKey(String(a.sentenceId), name), { label: a.label, createdAt: a.createdAt });
    }

    const plan = planMerge(incoming, existing);
    let added = 0;
    for (const w of plan.writes) {
      const sentenceId = w.sentenceKey.startsWith(NEW) ? created.ids.get(w.sentenceKey)! : Number(w.sentenceKey);
      const annotatorId = annotatorIds.get(w.annotator)!;
      const row = { sentenceId, annotatorId, label: w.label, createdAt: w.createdAt, guidelineVersion: w.guidelineVersion ?? guideline.version, ...(w.bulk ? { bulk: true } : {}) };
      const before = await getAnnotation(db, sentenceId, annotatorId);
      if (before) await db.annotations.put({ ...row, id: before.id });
      else {
        await db.annotations.add(row as Annotation);
        added++;
      }
    }
    return {
      sentences: parsed.sentences.length,
      matched,
      created: missing.size,
      datasetId: created.datasetId,
      added,
      updated: plan.writes.length - added,
      unchanged: plan.unchanged,
      keptLocal: plan.keptLocal,
      annotators: [...annotatorIds.keys()],
      conflicts: plan.conflicts,
      skipped: parsed.skipped,
    };
  });
}

/** A dataset (source 'annotations') for sentences not in the workspace: answers grouped by answer id, sentences in order. */
async function createSentences(db: DissidentiaDb, missing: Map<string, ExchangeSentence>, name: string): Promise<{ ids: Map<string, number>; datasetId: number }> {
  const groups = new Map<string, [string, ExchangeSentence][]>();
  for (const [key, s] of missing) {
    const answerKey = key.slice(NEW.length).split('\u0000')[0]!;
    groups.set(answerKey, [...(groups.get(answerKey) ?? []), [key, s]]);
  }
  // Two datasets with one name read as one on every screen (a new user met this): the new one gets a number.
  const taken = new Set((await db.datasets.toArray()).map((d) => d.name));
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
  const datasetId = await db.datasets.add({ name: unique, source: 'annotations', status: 'ready', createdAt: Date.now(), info: { answers: groups.size, sentences: missing.size } });
  const ids = new Map<string, number>();
  for (const [externalId, members] of groups) {
    members.sort((a, b) => (a[1].index ?? 0) - (b[1].index ?? 0));
    let text = '';
    const spans = members.map(([, s]) => {
      if (text) text += ' ';
      const start = text.length;
      text += s.text;
      return { start, end: text.length };
    });
    const fields = sentenceFields(text, members.map(([, s], i) => ({ text: s.text, ...spans[i]!, hash: s.hash, index: s.index ?? i })));
    const answerId = (await db.answers.add({ datasetId, externalId, text, flags: 0, ...fields } as Answer)) as number;
    members.forEach(([key], position) => ids.set(key, sentenceIdOf(answerId, position)));
  }
  return { ids, datasetId };
}
