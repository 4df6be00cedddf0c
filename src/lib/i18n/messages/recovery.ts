// Messages of crash recovery: what an interrupted operation needs from the user to go on.
export const fr = {
  'recovery.reopenFile': 'Le navigateur ne peut pas rouvrir le fichier de lui-même : il faut le choisir à nouveau (le même fichier, depuis le même dossier).',
  'recovery.fileName': 'Fichier d’origine : {name}',
};

export const en: Record<keyof typeof fr, string> = {
  'recovery.reopenFile': 'The browser cannot reopen the file by itself: please choose it again (the same file, from the same folder).',
  'recovery.fileName': 'Original file: {name}',
};
