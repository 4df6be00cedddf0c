// The backup reminder of the shell and the backup settings of Réglages: when the last backup was made, whether one
// is due (core/backup-reminder.ts decides), and "back up now" (the file is made here, its time recorded).
import { backupReminder, type BackupFacts, type BackupReminder } from '../core/backup-reminder';
import { getDb } from '../db/db';
import { backupFileName, createBackup, serialiseBackup } from '../db/repos/backup';
import { backupFacts, recordBackup, setReminderDays } from '../db/repos/backup-settings';
import { LiveQuery } from './LiveQuery.svelte';

export interface BackupFile {
  name: string;
  text: string;
  type: string;
}

/** The whole workspace as a backup file; the time is recorded so that the reminder waits again. */
export async function makeBackupFile(): Promise<BackupFile> {
  const text = serialiseBackup(await createBackup(getDb()));
  await recordBackup(getDb());
  return { name: backupFileName(), text, type: 'application/json' };
}

class BackupReminderState {
  #facts = new LiveQuery<BackupFacts | undefined>(() => backupFacts(getDb()), undefined);
  /** "Later" hides the banner until the page is loaded again. */
  #dismissed = $state(false);

  get reminder(): BackupReminder {
    const facts = this.#facts.current;
    if (!facts || this.#dismissed) return { due: false };
    return backupReminder(facts);
  }

  get lastBackupAt(): number | undefined {
    return this.#facts.current?.lastBackupAt;
  }

  get reminderDays(): number | undefined {
    return this.#facts.current?.reminderDays;
  }

  dismiss(): void {
    this.#dismissed = true;
  }

  setDays(days: number): Promise<void> {
    return setReminderDays(getDb(), days);
  }
}

export const backupReminderState = new BackupReminderState();
