// Reference configs as a reader uses them: find a component's configs, see how each file was
// checked, open a long file, and download a file or the whole folder.
import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

const folders = readdirSync('content/configs', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const fileCount = folders.reduce(
  (n, id) =>
    n +
    (parse(readFileSync(`content/configs/${id}/manifest.yaml`, 'utf8')) as { files: unknown[] })
      .files.length,
  0,
);

test('the index links every component that has configs and says how many files were checked', async ({
  page,
}) => {
  await page.goto('/configs/');
  await expect(page.locator('main')).toContainText(
    new RegExp(`\\b\\d+ of ${fileCount} files were checked in this build\\.`),
  );
  for (const id of folders)
    await expect(page.locator(`main a[href$="/configs/${id}/"]`).first()).toBeVisible();
});

test('a config page says how each file was checked, folds long files and downloads them whole', async ({
  page,
  request,
}) => {
  await page.goto('/configs/infrastructure-as-code/');
  const eks = page
    .locator('section.config-file', { has: page.getByRole('heading', { level: 3 }) })
    .filter({ hasText: 'modules/eks/main.tf' });
  await expect(eks.locator('.badge')).toContainText(/^✓\s*Checked by /);

  // 604 lines: folded behind a summary that names the file and its length.
  const code = eks.locator('.expressive-code');
  await expect(code).toBeHidden();
  await eks.getByText(/^Show the file modules\/eks\/main\.tf \([\d,]+ lines\)$/).click();
  await expect(code).toBeVisible();
  await expect(code.locator('pre')).toContainText('resource "aws_eks_cluster"');

  const download = await request.get(
    (await eks.getByRole('link', { name: /^Download/ }).getAttribute('href')) ?? '',
  );
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe(
    readFileSync('content/configs/infrastructure-as-code/modules/eks/main.tf', 'utf8'),
  );

  const zip = await request.get(
    (await page.getByRole('link', { name: 'Download all files (zip)' }).getAttribute('href')) ?? '',
  );
  expect(zip.status()).toBe(200);
  expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
});

test('a short file shows open, with its copy button', async ({ page }) => {
  await page.goto('/configs/infrastructure-as-code/');
  const checkov = page.locator('section.config-file').filter({ hasText: 'policy/checkov.yaml' });
  await expect(checkov.locator('.expressive-code')).toBeVisible();
  await expect(checkov.locator('details.fold')).toHaveCount(0);
  await expect(checkov.getByRole('button', { name: /copy/i })).toBeAttached();
});

test('a copy button copies the file exactly as it is in the repository, blank lines included', async ({
  page,
}) => {
  // Capture what the page writes to the clipboard instead of reading the system clipboard.
  await page.addInitScript(() => {
    const copies: string[] = [];
    (window as unknown as { copies: string[] }).copies = copies;
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void copies.push(text) },
    });
  });
  await page.goto('/configs/infrastructure-as-code/');
  const files = ['policy/checkov.yaml', 'modules/eks/main.tf'];
  for (const path of files) {
    const section = page.locator('section.config-file').filter({ hasText: path });
    const fold = section.getByText(new RegExp(`^Show the file ${path.replace(/[./]/g, '\\$&')} `));
    if (await fold.count()) await fold.click();
    await section.getByRole('button', { name: /copy/i }).click();
  }
  const copies = await page.evaluate(() => (window as unknown as { copies: string[] }).copies);
  // A file ends with a newline the block does not show; everything before it is copied.
  expect(copies).toEqual(
    files.map((p) =>
      readFileSync(`content/configs/infrastructure-as-code/${p}`, 'utf8').replace(/\n$/, ''),
    ),
  );
  expect(copies[1]).toContain('\n\n');
});

test('a config page tells zip and clone users how to enter the folder', async ({ page }) => {
  await page.goto('/configs/stream-ingestion/');
  const run = page.locator('main p').filter({ hasText: 'Enter the folder' });
  await expect(run.locator('code')).toHaveText([
    'cd stream-ingestion',
    'cd content/configs/stream-ingestion',
  ]);
  // The zip unpacks to stream-ingestion/, so the commands no longer start with the clone's path.
  await expect(
    page.getByRole('figure').filter({ hasText: 'Commands' }).locator('pre'),
  ).not.toContainText('cd content/configs');
});

test('"How this file is checked" shows names as code, not between backticks', async ({ page }) => {
  await page.goto('/configs/stream-ingestion/');
  const how = page.locator('details.how');
  for (const details of await how.all()) await details.locator('summary').click();
  await expect(how.locator('dd li code').first()).toBeVisible();
  const texts = await how.locator('dd li').allTextContents();
  expect(texts.filter((t) => t.includes('`'))).toEqual([]);
});

test('the side menu of a config page lists the configs and marks the current one', async ({
  page,
}) => {
  await page.goto('/configs/orchestration/');
  const nav = page.getByRole('navigation', { name: 'Reference configs', exact: true });
  await expect(nav.getByRole('link')).toHaveCount(folders.length);
  await expect(nav.locator('a[aria-current="page"]')).toHaveText(/Orchestration/);
  await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute(
    'href',
    /\/configs\/orchestration\/$/,
  );
});
