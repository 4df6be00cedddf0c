// The backup reminder in the shell: quiet on a fresh device, shown once a person has labelled, one click saves a
// backup file and hides it; Réglages shows the time of that backup, and 0 days turns the reminder off.
import { expect, test } from '@playwright/test';
import { AnnotatePage } from '../e2e/pages/AnnotatePage';

test('a label brings the reminder; « Sauvegarder maintenant » saves a file and records the time; 0 days turns it off', async ({ page }) => {
  test.setTimeout(120_000);
  const reminder = page.getByTestId('backup-reminder');
  const annotate = new AnnotatePage(page);
  await annotate.startAs('Alice');
  await expect(reminder).toBeHidden();
  await annotate.press('1');
  await expect(reminder).toContainText('jamais été sauvegardées');

  const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Sauvegarder maintenant' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dissidentia-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(reminder).toBeHidden();

  await page.goto('/#/reglages');
  await expect(page.getByTestId('last-backup')).toContainText('Dernière sauvegarde :');
  await expect(page.getByTestId('persist-status')).not.toHaveText(/Chargement/);
  await expect(page.getByTestId('quota')).toContainText(/utilisés sur/);

  // A backup far in the past brings the reminder back, unless the setting is 0.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dissidentia');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'backup.lastAt', value: Date.now() - 30 * 86_400_000 });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(reminder).toContainText('Dernière sauvegarde il y a 30 jours.');
  await page.getByTestId('reminder-days').fill('0');
  await page.getByTestId('reminder-days').press('Enter');
  await page.getByTestId('reminder-days').blur();
  await expect(reminder).toBeHidden();
});
