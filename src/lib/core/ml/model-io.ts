// Reading saved models back: JSON parsing, shape checks (French messages), version-1 baseline files upgraded on reading;
// transfer models (a head on an encoder's sentence vectors) are the family's second kind.
import { TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION, type TransferModel } from './transfer/types';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type BaselineModel } from './types';

function fail(detail: string): never {
  throw new Error(`Modèle invalide : ${detail}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    fail(`le fichier n’est pas du JSON lisible (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function checkBlock(block: unknown, index: number): void {
  const where = `bloc ${index + 1}`;
  if (!isObject(block)) fail(`${where} absent ou mal formé.`);
  if (block.kind !== 'word' && block.kind !== 'char') fail(`${where} : type « ${String(block.kind)} » inconnu (word ou char attendu).`);
  const range = block.ngramRange;
  if (!isNumberArray(range) || range.length !== 2 || !(range[0] >= 1 && range[0] <= range[1] && range[1] <= 255)) {
    fail(`${where} : intervalle de n-grammes incorrect.`);
  }
  const { vocabulary, idf, coefficients } = block;
  if (!Array.isArray(vocabulary) || !vocabulary.every((s) => typeof s === 'string')) fail(`${where} : vocabulaire incorrect.`);
  if (!isNumberArray(idf) || idf.length !== vocabulary.length) fail(`${where} : idf absent ou de mauvaise longueur.`);
  if (!isNumberArray(coefficients) || coefficients.length !== vocabulary.length) fail(`${where} : coefficients absents ou de mauvaise longueur.`);
}

/**
 * A BaselineModel from its JSON text or parsed value. Checks the format name and version and the parts prediction needs;
 * throws an Error with a French message otherwise.
 */
export function loadBaselineModel(data: unknown): BaselineModel {
  const value = parse(data);
  if (!isObject(value) || value.format !== MODEL_FORMAT) fail('ce n’est pas un modèle de référence Dissidentia (champ « format » absent ou différent).');
  if (value.formatVersion !== 1 && value.formatVersion !== MODEL_FORMAT_VERSION) {
    fail(`version de format ${String(value.formatVersion)} non prise en charge (versions lues : 1 à ${MODEL_FORMAT_VERSION}).`);
  }
  if (value.kind !== 'baseline') fail(`type de modèle « ${String(value.kind)} » inattendu (baseline attendu).`);
  const settings = value.settings;
  if (!isObject(settings) || !isObject(settings.features)) fail('réglages absents.');
  const f = settings.features;
  if (typeof f.foldAccents !== 'boolean' || typeof f.punctuationTokens !== 'boolean' || typeof f.sublinearTf !== 'boolean') {
    fail('réglages de texte incomplets.');
  }
  const version1 = value.formatVersion === 1;
  if (!version1 && typeof f.charAcrossWords !== 'boolean') fail('réglage des n-grammes de caractères (charAcrossWords) absent.');
  if (!Array.isArray(value.blocks) || value.blocks.length === 0) fail('aucun bloc de caractéristiques.');
  value.blocks.forEach(checkBlock);
  if (typeof value.intercept !== 'number' || !Number.isFinite(value.intercept)) fail('ordonnée à l’origine absente.');
  if (typeof value.threshold !== 'number' || !(value.threshold >= 0 && value.threshold <= 1)) fail('seuil absent ou hors de [0, 1].');
  // Version 1 had no charAcrossWords: its character n-grams always stayed within words. Read as the current version.
  if (version1) return { ...value, formatVersion: MODEL_FORMAT_VERSION, settings: { ...settings, features: { ...f, charAcrossWords: false } } } as unknown as BaselineModel;
  return value as unknown as BaselineModel;
}

/** A transfer model from its JSON text or parsed value; throws an Error with a French message when malformed. */
export function loadTransferModel(data: unknown): TransferModel {
  const value = parse(data);
  if (!isObject(value) || value.format !== TRANSFER_FORMAT) fail('ce n’est pas un modèle par transfert Dissidentia (champ « format » absent ou différent).');
  if (value.formatVersion !== TRANSFER_FORMAT_VERSION) fail(`version de format ${String(value.formatVersion)} non prise en charge (version lue : ${TRANSFER_FORMAT_VERSION}).`);
  const { encoder, head } = value;
  if (!isObject(encoder) || typeof encoder.name !== 'string' || typeof encoder.hiddenSize !== 'number') fail('modèle d’encodage non décrit (encoder).');
  if (encoder.dtype !== 'fp32' && encoder.dtype !== 'q8') fail('précision du modèle d’encodage absente (fp32 ou q8).');
  if (!isObject(head) || typeof head.dims !== 'number' || typeof head.hidden !== 'number') fail('tête de classification absente.');
  const { dims, hidden } = head;
  if (dims !== encoder.hiddenSize) fail(`la tête attend ${dims} dimensions, l’encodeur en donne ${encoder.hiddenSize}.`);
  if (!isNumberArray(head.w1) || head.w1.length !== dims * hidden) fail('poids de la couche cachée absents ou de mauvaise longueur.');
  if (!isNumberArray(head.b1) || head.b1.length !== hidden) fail('biais de la couche cachée absents ou de mauvaise longueur.');
  if (!isNumberArray(head.w2) || head.w2.length !== (hidden > 0 ? hidden : dims)) fail('poids de sortie absents ou de mauvaise longueur.');
  if (typeof head.b2 !== 'number' || !Number.isFinite(head.b2)) fail('biais de sortie absent.');
  if (typeof value.threshold !== 'number' || !(value.threshold >= 0 && value.threshold <= 1)) fail('seuil absent ou hors de [0, 1].');
  return value as unknown as TransferModel;
}

export type SavedModel = BaselineModel | TransferModel;

/** Any saved model of the family, told apart by its format field. */
export function loadSavedModel(data: unknown): SavedModel {
  const value = parse(data);
  return isObject(value) && value.format === TRANSFER_FORMAT ? loadTransferModel(value) : loadBaselineModel(value);
}

/** The model as JSON text (what loadBaselineModel reads back). */
export function serialiseModel(model: SavedModel, indent?: number): string {
  return JSON.stringify(model, null, indent);
}
