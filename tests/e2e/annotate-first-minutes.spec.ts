// Annoter's first minutes (issue #16): a returning annotator never sees the welcome form flash before the stored
// profiles are read, and Annoter opens on the dataset the user imported, not on the demo corpus it seeds, until a
// choice made in Annoter, which is remembered until a newer import.
import { expect, test, type Page } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';
import { DataPage } from './pages/DataPage';

const WELCOME = 'Qui annote sur cet appareil';

const importCsv = (page: Page, name: string, answers: string[]) => new DataPage(page).importAnswers(name, answers);

/** The dataset Annoter's queue is on, once its first sentence shows. */
async function openedOn(annotate: AnnotatePage): Promise<string | null> {
  await annotate.page.goto('/#/a-propos');
  await annotate.open();
  await annotate.expectPosition(1);
  return annotate.page.getByLabel('Jeu de données').locator('option:checked').textContent();
}

test('a returning annotator goes straight to the queue: the welcome form never shows, not even for a moment', async ({ page }) => {
  const annotate = new AnnotatePage(page);
  await annotate.startAs('Alice');
  // From the next load on, remember whether the welcome text was ever in the page, however briefly.
  await page.addInitScript((text) => {
    const w = window as unknown as { welcomeSeen: boolean };
    w.welcomeSeen = false;
    new MutationObserver(() => {
      if (document.body?.textContent?.includes(text)) w.welcomeSeen = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, WELCOME);
  await page.reload();
  await annotate.expectPosition(1);
  await expect(annotate.currentAnnotator).toContainText('Alice');
  expect(await page.evaluate(() => (window as unknown as { welcomeSeen: boolean }).welcomeSeen)).toBe(false);

  // Profiles slow to read (held by another connection's write): a quiet busy line, neither the form nor the bar.
  await page.goto('/#/a-propos');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('dissidentia');
        open.onsuccess = () => {
          const store = open.result.transaction('annotators', 'readwrite').objectStore('annotators');
          const w = window as unknown as { releaseProfiles?: boolean };
          // A transaction stays open while it has requests: keep one going until released.
          const spin = () => {
            if (!w.releaseProfiles) store.count().onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
  await page.evaluate(() => (location.hash = '#/annoter'));
  await expect(page.locator('[aria-busy="true"]')).toHaveText('Préparation de l’espace d’annotation…');
  await expect(page.getByTestId('annotator-bar')).toBeHidden();
  await page.evaluate(() => ((window as unknown as { releaseProfiles: boolean }).releaseProfiles = true));
  await annotate.expectPosition(1);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { welcomeSeen: boolean }).welcomeSeen)).toBe(false);

  // A new browser profile still gets the welcome form (the recorder would have seen it: the check can fail).
  await page.evaluate(() => sessionStorage.clear());
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dissidentia');
        open.onsuccess = () => {
          const tx = open.result.transaction(['annotators', 'settings'], 'readwrite');
          tx.objectStore('annotators').clear();
          tx.objectStore('settings').clear();
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByText(WELCOME)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { welcomeSeen: boolean }).welcomeSeen)).toBe(true);
});

test('Annoter opens on the imported dataset, then on the one chosen there, until a newer import', async ({ page }) => {
  test.setTimeout(180_000);
  await importCsv(page, 'jeu-a', ['Les impôts sont trop lourds.', 'Merci pour ce débat.']);
  const annotate = new AnnotatePage(page);
  // The first visit seeds the demonstration corpus, newer than the import: it must not win for that.
  await annotate.startAs('Alice');
  expect(await openedOn(annotate)).toBe('jeu-a');
  await annotate.expectPosition(1, 2);

  // A dataset chosen in Annoter is where it opens next time.
  await annotate.selectDataset('Corpus de démonstration');
  expect(await openedOn(annotate)).toBe('Corpus de démonstration');

  // A file imported after that choice is what the user expects to label next.
  await importCsv(page, 'jeu-b', ['Tous des incapables, démission !']);
  expect(await openedOn(annotate)).toBe('jeu-b');
  await annotate.expectPosition(1, 1);
  // Choosing the dataset already shown changes nothing and does not wait for a change.
  expect(await annotate.selectDataset('jeu-b')).toBe(1);
});
