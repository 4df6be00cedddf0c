// Backup bookkeeping: when the last backup was made here, the reminder's days, and whether there is work to lose.
import type { BackupFacts } from '../../core/backup-reminder';
import { reminderDaysOf } from '../../core/backup-reminder';
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import type { DissidentiaDb } from '../db';
import { getSetting, setSetting } from './settings';

export const LAST_BACKUP_KEY = 'backup.lastAt';
export const REMINDER_DAYS_KEY = 'backup.reminderDays';

/** Called where the backup file is made. */
export function recordBackup(db: DissidentiaDb, at = Date.now()): Promise<void> {
  return setSetting(db, LAST_BACKUP_KEY, at);
}

export function setReminderDays(db: DissidentiaDb, days: number): Promise<void> {
  return setSetting(db, REMINDER_DAYS_KEY, reminderDaysOf(days));
}

/** What the reminder rule needs, read in one go (fit for a live query). */
export async function backupFacts(db: DissidentiaDb, now = Date.now()): Promise<BackupFacts> {
  const [last, days] = await Promise.all([getSetting<unknown>(db, LAST_BACKUP_KEY), getSetting<unknown>(db, REMINDER_DAYS_KEY)]);
  return { lastBackupAt: typeof last === 'number' ? last : undefined, reminderDays: reminderDaysOf(days), hasWork: await hasOwnWork(db), now };
}

/**
 * A label by a person (the demo's gold labels ship with the app). An imported dataset alone is not: its CSV file is
 * still on the user's disk, and a reminder right after an import, before any label, read as a false alarm.
 */
async function hasOwnWork(db: DissidentiaDb): Promise<boolean> {
  const people = (await db.annotators.toArray()).filter((a) => a.name !== GOLD_ANNOTATOR).map((a) => a.id);
  return people.length > 0 && (await db.annotations.where('annotatorId').anyOf(people).first()) !== undefined;
}
