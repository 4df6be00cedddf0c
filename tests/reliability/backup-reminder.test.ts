// The backup reminder: its rule (days since the last backup against the setting, 0 = never, nothing to lose = quiet)
// and the facts the repository reads for it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupReminder, DEFAULT_REMINDER_DAYS, reminderDaysOf } from '../../src/lib/core/backup-reminder';
import { DissidentiaDb } from '../../src/lib/db/db';
import { ensureAnnotator } from '../../src/lib/db/repos/annotators';
import { backupFacts, recordBackup, setReminderDays } from '../../src/lib/db/repos/backup-settings';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { setLabels } from '../../src/lib/db/repos/label-writes';
import { datasetSentences } from '../../src/lib/db/repos/sentences';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 2);

describe('backup reminder rule', () => {
  it.each([
    ['never backed up, work to lose', { hasWork: true, reminderDays: 7 }, { due: true, daysSince: null }],
    ['nothing to lose', { hasWork: false, reminderDays: 7 }, { due: false }],
    ['turned off (0 days)', { hasWork: true, reminderDays: 0, lastBackupAt: now - 400 * DAY }, { due: false }],
    ['backed up 6 days ago, remind after 7', { hasWork: true, reminderDays: 7, lastBackupAt: now - 6 * DAY }, { due: false }],
    ['backed up exactly 7 days ago', { hasWork: true, reminderDays: 7, lastBackupAt: now - 7 * DAY }, { due: true, daysSince: 7 }],
    ['backed up 30 days ago', { hasWork: true, reminderDays: 7, lastBackupAt: now - 30 * DAY - 5 }, { due: true, daysSince: 30 }],
    ['remind after 1 day', { hasWork: true, reminderDays: 1, lastBackupAt: now - DAY - 1 }, { due: true, daysSince: 1 }],
    ['a backup dated in the future (clock set back)', { hasWork: true, reminderDays: 7, lastBackupAt: now + 3 * DAY }, { due: false }],
  ])('%s', (_name, facts, expected) => {
    expect(backupReminder({ now, ...facts })).toEqual(expected);
  });

  it('reads the setting safely: garbage or negative values give the default', () => {
    expect([reminderDaysOf(3), reminderDaysOf(0), reminderDaysOf(2.7), reminderDaysOf(-1), reminderDaysOf('7'), reminderDaysOf(undefined), reminderDaysOf(Number.NaN)]).toEqual([3, 0, 2, DEFAULT_REMINDER_DAYS, DEFAULT_REMINDER_DAYS, DEFAULT_REMINDER_DAYS, DEFAULT_REMINDER_DAYS]);
  });
});

describe('backup facts from the database', () => {
  it('the demo, an empty profile or an imported file alone is nothing to lose; a label is; a recorded backup and the setting are read back', async () => {
    const db = new DissidentiaDb(`reminder-${Math.random()}`);
    const demo = await ensureDemoDataset(db);
    expect(backupReminder(await backupFacts(db, now))).toEqual({ due: false });
    const alice = await ensureAnnotator(db, 'Alice');
    expect(backupReminder(await backupFacts(db, now))).toEqual({ due: false });
    // An imported dataset without labels: its file is still on the user's disk.
    await db.datasets.add({ name: 'import', source: 'csv', status: 'ready', createdAt: now } as never);
    expect(backupReminder(await backupFacts(db, now))).toEqual({ due: false });
    const [first] = await datasetSentences(db, demo);
    await setLabels(db, { datasetId: demo, sentenceIds: [first!.id], annotatorId: alice, label: 'dissident', guidelineVersion: 1 });
    expect(backupReminder(await backupFacts(db, now))).toEqual({ due: true, daysSince: null });
    await recordBackup(db, now - 2 * DAY);
    expect(backupReminder(await backupFacts(db, now))).toEqual({ due: false });
    await setReminderDays(db, 1);
    expect(await backupFacts(db, now)).toMatchObject({ reminderDays: 1, lastBackupAt: now - 2 * DAY, hasWork: true });
    expect(backupReminder(await backupFacts(db, now))).toEqual({ due: true, daysSince: 2 });
    await setReminderDays(db, 0);
    expect(backupReminder(await backupFacts(db, now))).toEqual({ due: false });
  });
});
