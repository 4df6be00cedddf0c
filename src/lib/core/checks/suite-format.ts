// Reading a check suite (the shipped file or the team's edited copy): shape checks with French messages naming the case.
import { CodedError } from '../errors';
import { hashString } from '../text/hash';
import { PERTURBATIONS } from './perturbations';
import { CHECK_SUITE_FORMAT, CHECK_SUITE_FORMAT_VERSION, type CheckCase, type CheckSuite } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

function fail(detail: string): never {
  throw new CodedError('checks/badSuite', `Suite de vérifications invalide : ${detail}`, { detail });
}

function checkNumber(value: unknown, where: string, field: string, min: number, max: number): void {
  if (typeof value !== 'number' || !(value >= min && value <= max)) fail(`${where} : « ${field} » doit être un nombre entre ${min} et ${max}.`);
}

function checkTexts(value: unknown, where: string, field: string, placeholder: boolean): void {
  if (!isTextList(value) || value.length === 0) fail(`${where} : « ${field} » doit être une liste non vide de phrases.`);
  if (placeholder) {
    const missing = value.find((t) => !t.includes('{x}'));
    if (missing !== undefined) fail(`${where} : le modèle de phrase « ${missing} » n’a pas d’emplacement {x}.`);
  }
}

function checkCase(c: unknown, index: number, ids: Set<string>): asserts c is CheckCase {
  if (!isObject(c)) fail(`cas ${index + 1} mal formé.`);
  if (typeof c.id !== 'string' || c.id.trim() === '') fail(`cas ${index + 1} sans identifiant.`);
  if (ids.has(c.id)) fail(`identifiant « ${c.id} » en double.`);
  ids.add(c.id);
  const where = `cas « ${c.id} »`;
  if (typeof c.name !== 'string' || c.name.trim() === '') fail(`${where} sans nom.`);
  switch (c.kind) {
    case 'mft':
      if (c.expected !== 'dissident' && c.expected !== 'non dissident') fail(`${where} : verdict attendu « dissident » ou « non dissident ».`);
      checkTexts(c.texts, where, 'texts', false);
      return;
    case 'inv':
      if ((c.perturbation === undefined) === (c.fillers === undefined)) fail(`${where} : il faut soit une transformation (perturbation), soit des remplacements (fillers).`);
      if (c.perturbation !== undefined && !PERTURBATIONS.includes(c.perturbation as never)) {
        fail(`${where} : transformation « ${String(c.perturbation)} » inconnue (${PERTURBATIONS.join(', ')}).`);
      }
      if (c.fillers !== undefined && (!isTextList(c.fillers) || c.fillers.length < 2)) fail(`${where} : il faut au moins deux remplacements.`);
      checkTexts(c.texts, where, 'texts', c.fillers !== undefined);
      checkNumber(c.tolerance, where, 'tolerance', 0, 1);
      return;
    case 'dir':
      if (typeof c.prefix !== 'string' || typeof c.suffix !== 'string') fail(`${where} : « prefix » et « suffix » doivent être du texte (éventuellement vide).`);
      if (c.prefix.trim() === '' && c.suffix.trim() === '') fail(`${where} : rien à ajouter (prefix et suffix vides).`);
      if (c.expect !== 'up' && c.expect !== 'notUp' && c.expect !== 'down') fail(`${where} : sens attendu « up », « notUp » ou « down ».`);
      checkTexts(c.texts, where, 'texts', false);
      checkNumber(c.margin, where, 'margin', 0, 1);
      return;
    case 'target':
      checkTexts(c.texts, where, 'texts', true);
      checkTexts(c.power, where, 'power', false);
      checkTexts(c.others, where, 'others', false);
      checkNumber(c.minGap, where, 'minGap', 0, 1);
      return;
    default:
      fail(`${where} : type « ${String(c.kind)} » inconnu (mft, inv, dir ou target).`);
  }
}

/** A suite from its JSON text or parsed value; throws a CodedError ('checks/badSuite') with a French message. */
export function parseCheckSuite(data: unknown): CheckSuite {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data) as unknown;
    } catch (error) {
      fail(`le fichier n’est pas du JSON lisible (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  if (!isObject(value) || value.format !== CHECK_SUITE_FORMAT) fail(`ce n’est pas une suite Dissidentia (champ « format » absent ou différent de « ${CHECK_SUITE_FORMAT} »).`);
  if (value.formatVersion !== CHECK_SUITE_FORMAT_VERSION) fail(`version de format ${String(value.formatVersion)} non prise en charge (version lue : ${CHECK_SUITE_FORMAT_VERSION}).`);
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) fail('« version » doit être un entier positif.');
  if (typeof value.language !== 'string') fail('« language » absent.');
  if (!isObject(value.slices)) fail('réglages des tranches (slices) absents.');
  checkNumber(value.slices.minRows, 'tranches', 'minRows', 1, 1e6);
  checkNumber(value.slices.maxDrop, 'tranches', 'maxDrop', 0, 1);
  if (!Array.isArray(value.cases)) fail('« cases » doit être une liste.');
  const ids = new Set<string>();
  value.cases.forEach((c, i) => checkCase(c, i, ids));
  return value as unknown as CheckSuite;
}

/** Identity of what a run judged (cases and slice settings, not the version number a team may forget to raise). */
export function suiteFingerprint(suite: CheckSuite): string {
  return hashString(JSON.stringify({ slices: suite.slices, cases: suite.cases }));
}
