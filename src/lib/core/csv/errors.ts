// Import errors with a stable code (for translation and tests) and a clear French message (for the CLI and logs).
import { CodedError, errorCodeOf } from '../errors';

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'spreadsheet'
  | 'noHeader'
  | 'oneColumn'
  | 'fieldTooLong'
  | 'invalidEncoding'
  | 'noTextColumn'
  | 'noRecords'
  | 'fileChanged'
  | 'unreadable';

const MESSAGES: Record<ImportErrorCode, (d: Record<string, string | number>) => string> = {
  empty: () => 'Le fichier est vide : il ne contient aucune donnée.',
  binary: () => 'Ce fichier n’est pas un fichier texte (CSV) : il contient des données binaires.',
  spreadsheet: () => 'C’est un classeur (Excel, ODS…) et non un CSV : ouvrez-le et enregistrez-le au format CSV.',
  noHeader: () => 'La première ligne ne ressemble pas à une ligne d’en-tête (noms de colonnes) : ajoutez-en une.',
  oneColumn: () => 'Une seule colonne trouvée : le séparateur n’a pas été reconnu (virgule, point-virgule ou tabulation attendus).',
  fieldTooLong: (d) => `L’enregistrement qui commence ligne ${d.line} dépasse 8 Mo : guillemet non fermé ou fichier corrompu.`,
  invalidEncoding: (d) => `Encodage invalide vers l’octet ${d.offset} : le fichier mélange UTF-8 et un autre encodage. Réenregistrez-le en UTF-8.`,
  noTextColumn: (d) => `Colonne de texte introuvable : « ${d.column} ».`,
  noRecords: () => 'Le fichier n’a qu’une ligne d’en-tête et aucune réponse.',
  fileChanged: () => 'Ce n’est pas le même fichier que celui de l’import interrompu (taille ou contenu différents).',
  unreadable: () => 'Le fichier n’a pas pu être lu : il a sans doute été modifié, déplacé ou supprimé depuis qu’il a été choisi. Choisissez-le à nouveau.',
};

/** Bad input: the message says in French what is wrong and what to do; the code is `import/<reason>`. */
export class ImportError extends CodedError {
  constructor(
    readonly reason: ImportErrorCode,
    details: Record<string, string | number> = {},
  ) {
    super(`import/${reason}`, MESSAGES[reason](details), details);
    this.name = 'ImportError';
  }
}

/** The reason of an ImportError, also once it has crossed a worker boundary (its code travels with it). */
export function importErrorCode(error: unknown): ImportErrorCode | undefined {
  const match = /^import\/(\w+)$/.exec(errorCodeOf(error)?.code ?? '');
  return match ? (match[1] as ImportErrorCode) : undefined;
}
