// Writes a synthetic CSV with the real Grand Débat layout (44 columns, question headers "id - text"), invented
// French answers (a quarter empty, long tail, quoted line breaks, commas and quotes) and a few malformed records.
// Usage: tsx scripts/gen-grand-debat-csv.ts [--answers 80000] [--out .cache/grand-debat-synthetic.csv] [--seed 1] [--malformed 6] [--crlf] [--bom]
import { createWriteStream } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/lib/core/random';

const FIXED = ['id', 'reference', 'title', 'createdAt', 'publishedAt', 'updatedAt', 'trashed', 'trashedStatus', 'authorId', 'authorType', 'authorZipCode'];
export const ORGANISATION_QUESTION =
  "Que pensez-vous de l'organisation de l'Etat et des administrations en France ? De quelle manière cette organisation devrait-elle évoluer ?";
const OTHER_QUESTIONS = [
  'Connaissez-vous les différents échelons administratifs ?',
  "Selon vous, l'État doit-il aujourd'hui transférer de nouvelles missions aux collectivités territoriales ?",
  'Si oui, lesquelles ?',
  'Estimez-vous avoir accès aux services publics dont vous avez besoin ?',
  'Si non, quels types de services publics vous manquent dans votre territoire ?',
  'Quels nouveaux services publics souhaiteriez-vous voir apparaître ?',
  'Avez-vous déjà utilisé certaines de ces nouvelles formes de services publics ?',
  'Si oui, en avez-vous été satisfait ?',
  "Quelles améliorations préconiseriez-vous ?",
  "Quand vous pensez à l'évolution des services publics, quels sont les critères les plus importants ?",
  'Pouvez-vous identifier des règles que l\'administration vous a déjà demandé d\'appliquer et que vous avez jugées inutiles ?',
  'Faut-il donner plus d\'autonomie aux fonctionnaires de terrain ?',
  'Si oui, comment ?',
  'Faut-il revoir le fonctionnement et la formation de l\'administration ?',
  'Si oui, comment ?',
  'Comment l\'État et les collectivités territoriales peuvent-ils s\'améliorer pour mieux répondre aux défis de nos territoires ?',
  'Diriez-vous que vous connaissez le rôle de chaque échelon ?',
  'Quels échelons supprimeriez-vous ?',
  'Avez-vous déjà renoncé à un droit parce que les démarches étaient trop complexes ?',
  'Si oui, lequel ?',
  'Que faudrait-il faire pour simplifier les démarches ?',
  'Y a-t-il des sujets sur lesquels vous souhaiteriez être davantage consulté ?',
  'Avez-vous des suggestions sur les services publics de santé ?',
  'Avez-vous des suggestions sur l\'école ?',
  'Avez-vous des suggestions sur la justice ?',
  'Avez-vous des suggestions sur la sécurité ?',
  'Avez-vous des suggestions sur les transports ?',
  'Avez-vous des suggestions sur la poste et le numérique ?',
  'Avez-vous des suggestions sur l\'emploi ?',
  'Avez-vous des suggestions sur le logement ?',
  'Avez-vous des suggestions sur l\'environnement ?',
  'Y a-t-il d\'autres points sur l\'organisation de l\'État sur lesquels vous souhaiteriez vous exprimer ?',
];
/** Where the organisation question sits among the 33: not first, so tests must find it by its text. */
const ORG_POSITION = 7;

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

export function headers(prefix: 'base64' | 'q' | 'none' = 'base64'): string[] {
  const questions = [...OTHER_QUESTIONS];
  questions.splice(ORG_POSITION, 0, ORGANISATION_QUESTION);
  return [
    ...FIXED,
    ...questions.map((q, i) => {
      const n = 160 + i;
      return prefix === 'none' ? q : `${prefix === 'q' ? `Q${n}` : b64(`Question:${n}`)} - ${q}`;
    }),
  ];
}

const SUBJECTS = ["l'État", 'les élus', 'la préfecture', 'les services publics', "l'administration", 'le millefeuille territorial', 'les impôts', 'les fonctionnaires', 'la mairie', 'le gouvernement', 'les régions', 'le Sénat', 'les citoyens', 'la Poste', "l'hôpital"];
const VERBS = ['coûte trop cher', 'est trop loin des gens', 'ne répond plus', 'fonctionne mal', 'doit être simplifié', 'nous ignore', 'manque de moyens', 'augmente sans cesse', 'devrait écouter davantage', 'est indispensable', 'se moque de nous', 'doit se réformer'];
const TAILS = ['dans les campagnes', 'depuis des années', 'pour les retraités', 'en zone rurale', 'à Paris comme ailleurs', 'sans aucune concertation', 'au détriment des usagers', 'malgré les promesses', ''];
const EXTRAS = [
  'C\'est scandaleux !!!',
  'Pourquoi ?! Personne ne sait.',
  'On verra... peut-être.',
  'M. le maire dit (cf. art. 3) que rien ne bouge.',
  'Le taux passe à 3.5 % et 1.000 postes sont supprimés.',
  'Il a dit : « Trop c\'est trop. » Puis rien.',
  'Les impôts augmentent.Trop c\'est trop.',
  'Nous voulons des "vrais" services, pas des écrans.',
  'Supprimer le Sénat, le CESE, etc. Tout cela coûte.',
];

function sentence(r: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  if (r() < 0.15) return pick(EXTRAS);
  const s = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(TAILS)}`.trim();
  return `${s[0]!.toUpperCase()}${s.slice(1)}${r() < 0.8 ? '.' : r() < 0.5 ? ' !' : ' ?'}`;
}

/** An answer of about `length` characters, sometimes with a dash list on separate lines. */
function answer(r: () => number, length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    if (r() < 0.06) {
      const item = `\n- ${sentence(r).toLowerCase()}`;
      parts.push(item);
      size += item.length;
    } else {
      const s = sentence(r);
      parts.push((parts.length ? (r() < 0.05 ? '\n' : ' ') : '') + s);
      size += s.length + 1;
    }
  }
  return parts.join('');
}

/** Lengths with a long tail: log-normal around 300 characters, a few over 100,000. */
function answerLength(r: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.min(150_000, Math.round(Math.exp(5.9 + 1.25 * normal)) + 5);
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

const ZIPS = ['75011', '01000', '69003', '2A004', '13001', '97400', 'NC', '', '0', 'inconnu', '33000', '59800'];

export interface GenerateOptions {
  answers: number;
  seed?: number;
  malformed?: number;
  crlf?: boolean;
  bom?: boolean;
  prefix?: 'base64' | 'q' | 'none';
  emptyShare?: number;
  /** Cap on answer lengths (tiny fixtures). */
  maxLength?: number;
}

/** Yields the file as text pieces (the header first, then one record or splice at a time). */
export function* generate(options: GenerateOptions): Generator<string> {
  const r = mulberry32(options.seed ?? 1);
  const eol = options.crlf ? '\r\n' : '\n';
  const head = headers(options.prefix);
  yield (options.bom ? '\ufeff' : '') + head.map(quote).join(',') + eol;
  const malformedEvery = options.malformed ? Math.floor(options.answers / (options.malformed + 1)) : 0;
  const record = (n: number): string[] => {
    const id = b64(`Proposal:${(n * 2654435761 >>> 0).toString(16)}-1e2c-11e9-94d2-fa163eeb11e1`);
    const created = `2019-01-${String(22 + (n % 9)).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:15:02`;
    const fixed = [id, `4-${n + 1}`, r() < 0.5 ? "Organisation de l'État" : 'Services publics', created, created, '', 'false', '', b64(`User:${n}`), r() < 0.95 ? 'Citoyen' : 'Organisation à but non lucratif', ZIPS[n % ZIPS.length]!];
    const questions = head.slice(FIXED.length).map((_, q) => {
      if (q === ORG_POSITION) return r() < (options.emptyShare ?? 0.25) ? '' : answer(r, Math.min(options.maxLength ?? Infinity, answerLength(r)));
      if (q % 3 === 0) return r() < 0.7 ? (r() < 0.5 ? 'Oui' : 'Non') : '';
      return r() < 0.86 ? '' : answer(r, Math.min(options.maxLength ?? Infinity, Math.round(answerLength(r) / 6)));
    });
    return [...fixed, ...questions];
  };
  for (let n = 0; n < options.answers; n++) {
    const fields = record(n);
    if (malformedEvery && n > 0 && n % malformedEvery === 0) {
      const kind = (n / malformedEvery) % 3;
      if (kind === 0) yield fields.slice(0, 20).map(quote).join(',') + eol; // too few fields
      else if (kind === 1) yield [...fields, 'en trop', 'encore'].map(quote).join(',') + eol; // too many
      else yield fields.slice(0, 4).map(quote).join(',') + ',' + record(n + options.answers).map(quote).join(',') + eol; // spliced
      continue;
    }
    yield fields.map(quote).join(',') + eol;
  }
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = arg('out', '.cache/grand-debat-synthetic.csv');
  mkdirSync(dirname(out), { recursive: true });
  const stream = createWriteStream(out);
  let bytes = 0;
  const options: GenerateOptions = {
    answers: Number(arg('answers', '80000')),
    seed: Number(arg('seed', '1')),
    malformed: Number(arg('malformed', '6')),
    crlf: process.argv.includes('--crlf'),
    bom: process.argv.includes('--bom'),
    prefix: arg('prefix', 'base64') as GenerateOptions['prefix'],
    maxLength: Number(arg('max-length', 'Infinity')),
  };
  (async () => {
    for (const piece of generate(options)) {
      bytes += Buffer.byteLength(piece);
      if (!stream.write(piece)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    }
    stream.end(() => process.stderr.write(`${out}: ${options.answers} records, ${(bytes / 1e6).toFixed(1)} MB\n`));
  })();
}
