// When to remind the user to back up: the rule alone (pure), so that it is unit-tested and the shell only shows it.

export const DEFAULT_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

export interface BackupFacts {
  /** When the last backup file was made on this device (ms since 1970), if ever. */
  lastBackupAt?: number;
  /** Remind after this many days; 0 turns the reminder off. */
  reminderDays: number;
  /** Whether there is work of the user's own to lose (a person's label); the demo and an imported file are not. */
  hasWork: boolean;
  now: number;
}

export type BackupReminder = { due: false } | { due: true; daysSince: number | null };

/** Due when there is work to lose, the reminder is on, and no backup was made within the last `reminderDays` days. */
export function backupReminder(facts: BackupFacts): BackupReminder {
  const days = Number.isFinite(facts.reminderDays) ? Math.max(0, Math.floor(facts.reminderDays)) : DEFAULT_REMINDER_DAYS;
  if (!facts.hasWork || days === 0) return { due: false };
  if (facts.lastBackupAt === undefined) return { due: true, daysSince: null };
  const elapsed = facts.now - facts.lastBackupAt;
  // A clock set back (lastBackupAt in the future) is not a reason to nag.
  if (elapsed < days * DAY_MS) return { due: false };
  return { due: true, daysSince: Math.floor(elapsed / DAY_MS) };
}

/** A typed setting value read back as the reminder's days (garbage gives the default). */
export function reminderDaysOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_REMINDER_DAYS;
}
