// The readiness tracker: tick a chapter's checklist, keep the ticks across reloads, follow them on
// the readiness page, export, clear and import them; plain list without JavaScript; axe clean.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DIST, expectNoAxeViolations, gotoWithTheme } from './helpers.ts';

const CHAPTER = '/adhoc-cluster/';
const FIRST = /^The ad-hoc and ETL clusters are separate releases/;
const SECOND = /^A user outside the allowed Keycloak groups/;
const THIRD = /^Writing to any lake table fails/;

const progress = (page: Page) => page.locator('[data-readiness-progress]');
const adhocRow = (page: Page) => page.getByRole('row', { name: /Ad-hoc cluster/ });

test('ticks persist across a reload, and export, clear and import round-trip them', async ({
  page,
}) => {
  await page.goto(`${CHAPTER}#production-readiness-checklist`);
  await expect(progress(page)).toHaveText('0 of 13 ready');
  await page.getByRole('checkbox', { name: FIRST }).check();
  await page.getByRole('checkbox', { name: SECOND }).check();
  await expect(progress(page)).toHaveText('2 of 13 ready');
  // Keyboard: Space on a focused checkbox ticks it.
  await page.getByRole('checkbox', { name: THIRD }).focus();
  await page.keyboard.press('Space');
  await expect(progress(page)).toHaveText('3 of 13 ready');
  await page.getByRole('checkbox', { name: SECOND }).uncheck();
  await expect(progress(page)).toHaveText('2 of 13 ready');

  await page.reload();
  await expect(progress(page)).toHaveText('2 of 13 ready');
  await expect(page.getByRole('checkbox', { name: FIRST })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: SECOND })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: THIRD })).toBeChecked();

  await page.getByRole('link', { name: 'Readiness of all components' }).click();
  await expect(page).toHaveURL(/\/readiness\/$/);
  await expect(adhocRow(page)).toContainText('2 of 13 ready');
  await expect(page.getByText(/^All 17 components: 2 of \d+ ready$/)).toBeVisible();

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^readiness-\d{4}-\d{2}-\d{2}\.json$/);
  const jsonPath = await json.path();
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
    chapters: { chapter: string; ready: number; total: number }[];
  };
  const adhoc = exported.chapters.find((c) => c.chapter === 'adhoc-cluster');
  expect([adhoc?.ready, adhoc?.total]).toEqual([2, 13]);

  const [md] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  const markdown = readFileSync(await md.path(), 'utf8');
  expect(markdown).toContain('## Ad-hoc cluster (2 of 13 ready)');
  expect(markdown).toContain('- [x] The ad-hoc and ETL clusters are separate releases');
  expect(markdown).toContain('- [ ] A user outside the allowed Keycloak groups');

  // Dismissing the confirmation keeps the ticks; accepting it clears them.
  page.once('dialog', (dialog) => dialog.dismiss());
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(adhocRow(page)).toContainText('2 of 13 ready');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByRole('status')).toHaveText('Cleared all ticks.');
  await expect(adhocRow(page)).toContainText('0 of 13 ready');

  await page.getByLabel('Import JSON (replaces your ticks)').setInputFiles(jsonPath);
  await expect(page.getByRole('status')).toHaveText(/^Imported 2 ticks from /);
  await expect(adhocRow(page)).toContainText('2 of 13 ready');

  await page.goto(CHAPTER);
  await expect(progress(page)).toHaveText('2 of 13 ready');
  await expect(page.getByRole('checkbox', { name: FIRST })).toBeChecked();

  // The map's summary panel for the component shows the same progress.
  await page.goto('/?node=adhoc-cluster');
  const panel = page.getByRole('dialog', { name: 'Ad-hoc cluster' });
  await expect(panel).toBeVisible({ timeout: 20_000 });
  await expect(
    panel
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Production-readiness checklist' }) }),
  ).toContainText('2 of 13 ready');
});

test('every chapter page ids its checklist items as the readiness page does', () => {
  const html = readFileSync(`${DIST}/readiness/index.html`, 'utf8');
  const json =
    /<script type="application\/json" id="readiness-checklists">([\s\S]*?)<\/script>/.exec(
      html,
    )![1]!;
  const checklists = JSON.parse(json) as { chapter: string; items: { id: string }[] }[];
  expect(checklists).toHaveLength(17);
  for (const { chapter, items } of checklists) {
    const page = readFileSync(`${DIST}/${chapter}/index.html`, 'utf8');
    const ids = [...page.matchAll(/data-readiness-item="([^"]+)"/g)].map((m) => m[1]);
    expect(ids, chapter).toEqual(items.map((i) => i.id));
  }
});

test('a tick in one tab shows in the readiness page and the same chapter open in another', async ({
  context,
}) => {
  const summary = await context.newPage();
  await summary.goto('/readiness/');
  await expect(adhocRow(summary)).toContainText('0 of 13 ready');
  const [chapterA, chapterB] = [await context.newPage(), await context.newPage()];
  await chapterA.goto(CHAPTER);
  await chapterB.goto(CHAPTER);
  await expect(progress(chapterB)).toHaveText('0 of 13 ready');
  await chapterA.getByRole('checkbox', { name: SECOND }).check();
  await expect(adhocRow(summary)).toContainText('1 of 13 ready');
  await expect(progress(chapterB)).toHaveText('1 of 13 ready');
  await expect(chapterB.getByRole('checkbox', { name: SECOND })).toBeChecked();
});

test('an import that is not an export is refused with the field and what was expected', async ({
  page,
}) => {
  await page.goto('/readiness/');
  const input = page.getByLabel('Import JSON (replaces your ticks)');
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"todo-app","version":1,"chapters":[]}'),
  });
  await expect(page.getByRole('status')).toHaveText(
    'notes.json: Import refused: "format" is "todo-app"; expected "data-architecture-blueprint/readiness".',
  );
  const bad = {
    format: 'data-architecture-blueprint/readiness',
    version: 1,
    chapters: [{ chapter: 'adhoc-clustr', items: [] }],
  };
  await input.setInputFiles({
    name: 'typo.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(page.getByRole('status')).toContainText(
    'chapters[0].chapter "adhoc-clustr" is not a component of this site; nearest: "adhoc-cluster".',
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the checklist is a plain list with no checkboxes', async ({ page }) => {
    await page.goto(CHAPTER);
    const list = page.locator('ul[data-readiness-list]');
    await expect(list.getByRole('listitem')).toHaveCount(13);
    await expect(list.getByRole('checkbox')).toHaveCount(0);
    await expect(progress(page)).toHaveText('13 items');
    await page.goto('/readiness/');
    await expect(page.getByRole('button', { name: 'Export JSON' })).toBeHidden();
    await expect(adhocRow(page)).toContainText('13 items');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the ticked checklist and the readiness page pass axe in the ${theme} theme`, async ({
    page,
  }) => {
    await gotoWithTheme(page, CHAPTER, theme);
    await page.getByRole('checkbox', { name: FIRST }).check();
    await expect(progress(page)).toHaveText('1 of 13 ready');
    await expectNoAxeViolations(page);
    await page.goto('/readiness/');
    await expect(adhocRow(page)).toContainText('1 of 13 ready');
    await expectNoAxeViolations(page);
  });
}
