// One click « Sauvegarder maintenant », wherever it is offered (the shell's reminder, Réglages): the backup file is
// made, saved by the browser, and a sentence says which file it was or why it failed.
import { errorText, t } from '../i18n/locale.svelte';
import { makeBackupFile } from '../state/BackupReminder.svelte';
import { downloadText } from './download';

export async function downloadBackupNow(): Promise<string> {
  try {
    const file = await makeBackupFile();
    downloadText(file.name, file.text, file.type);
    return t('reliability.backupSaved', { name: file.name });
  } catch (error) {
    return t('reliability.backupFailed', { message: errorText(error) });
  }
}
