// Two tabs, one upgraded: when a newer version of the app upgrades the database from another tab, this tab lets
// the upgrade through (it closes its connection instead of blocking it) and asks to be reloaded.
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';

test('a database upgrade from another tab is let through, and this tab asks to be reloaded', async ({ page, context }) => {
  await new AnnotatePage(page).open();
  await expect(page.getByTestId('database-replaced')).toHaveCount(0);

  // The other tab stands for a newer build: it opens the database at a higher version, as its Dexie schema would.
  const other = await context.newPage();
  await other.goto('/#/a-propos');
  const upgraded = await other.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('dissidentia', 1000);
        request.onblocked = () => resolve('blocked');
        request.onsuccess = () => {
          request.result.close();
          resolve('upgraded');
        };
        request.onerror = () => resolve(String(request.error));
      }),
  );
  expect(upgraded).toBe('upgraded');

  const notice = page.getByTestId('database-replaced');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('rechargez cette page');
  await expect(notice.getByRole('button', { name: 'Recharger' })).toBeVisible();
});
