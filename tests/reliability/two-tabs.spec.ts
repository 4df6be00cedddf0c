// Two tabs of one browser label the same dataset at once, as two annotators, a key every 80 ms in each: every key is
// stored under the right name, each tab shows the other's labels live, and a profile created in one tab does not
// change who labels in the other (each tab keeps its own annotator).
import { expect, test } from '@playwright/test';
import { AnnotatePage } from '../e2e/pages/AnnotatePage';
import { countRows } from './helpers/idb';

const KEYS = 20;

test('two tabs, two annotators, keys 80 ms apart in each: nothing lost or overwritten, each sees the other live', async ({ context }) => {
  test.setTimeout(180_000);
  const alice = new AnnotatePage(await context.newPage());
  await alice.startAs('Alice');
  const bruno = new AnnotatePage(await context.newPage());
  await bruno.open();
  await bruno.createAnnotator('Bruno');
  await bruno.expectPosition(1);
  // Bruno's profile, created in the other tab, is now the device's default; Alice's tab still labels as Alice.
  await expect(alice.currentAnnotator).toContainText('Alice');

  // The demo dataset's reference labels are annotations already there.
  const before = await countRows(alice.page, 'annotations');
  // Alice: dissident / non dissident alternating; Bruno: the reverse — a swap of writers would show in the labels.
  const aliceKeys = Array.from({ length: KEYS }, (_, i) => (i % 2 === 0 ? '1' : '2'));
  const brunoKeys = Array.from({ length: KEYS }, (_, i) => (i % 2 === 0 ? '2' : '1'));
  await Promise.all([alice.typeAtPace(aliceKeys, 80), bruno.typeAtPace(brunoKeys, 80)]);

  // Each tab's progress panel follows the other's writes without a reload.
  await alice.expectProgress('Alice', KEYS);
  await alice.expectProgress('Bruno', KEYS);
  await bruno.expectProgress('Bruno', KEYS);
  await bruno.expectProgress('Alice', KEYS);
  await expect(alice.saveStatus).toHaveText('Enregistré');
  await expect(bruno.saveStatus).toHaveText('Enregistré');
  // « labelled by at least one » is moved by each change in each tab: both agree with a fresh read of the tables.
  const labelledLine = (p: AnnotatePage) => p.progress.getByText(/^Phrases étiquetées \(au moins un annotateur\)/);
  const fresh = new AnnotatePage(await context.newPage());
  await fresh.open();
  await fresh.expectProgress('Bruno', KEYS);
  const truth = (await labelledLine(fresh).textContent())!;
  await expect(labelledLine(alice)).toHaveText(truth);
  await expect(labelledLine(bruno)).toHaveText(truth);
  await fresh.page.close();

  // What IndexedDB holds: every key pressed, under its annotator, in order.
  const pairs = (keys: string[]) => keys.map((k) => (k === '1' ? 'dissident' : 'non dissident'));
  expect(await alice.storedLabels('Alice')).toEqual(pairs(aliceKeys));
  expect(await alice.storedLabels('Bruno')).toEqual(pairs(brunoKeys));
  expect(await countRows(alice.page, 'annotations')).toBe(before + 2 * KEYS);

  // The browse list of one tab shows the labels the other tab just wrote.
  await alice.tab('Parcourir');
  await expect(alice.browseRows.filter({ hasText: 'Bruno' }).first()).toBeVisible();
  await expect(alice.browseRows.filter({ hasText: 'Bruno' }).filter({ hasText: 'Alice' }).first()).toBeVisible();
  // A later key in Bruno's tab, counted in Alice's tab without a reload.
  await bruno.press('3');
  await bruno.expectProgress('Bruno', KEYS + 1);
  await alice.tab('Étiqueter');
  await alice.expectProgress('Bruno', KEYS + 1);
});
