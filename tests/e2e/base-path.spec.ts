// The site built under a sub-path, as PR previews are (https://<owner>.github.io/<repo>/pr-<n>/):
// every link and asset resolves under the base, and the map, its deep links, chapter links and
// search all stay inside it. Runs from playwright.base-path.config.ts against the build that
// scripts/test-all.ts makes with BASE_PATH=/preview/pr-1/ OUT_DIR=dist-base.
import { expect, test, type Page } from '@playwright/test';
import { readBuiltSite } from '../../src/lib/audit/built-site.ts';
import { checkLinks } from '../../src/lib/site/link-check.ts';

const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const DIR = process.env.OUT_DIR ?? 'dist';

if (BASE === '/')
  throw new Error(
    'base-path.spec.ts needs a sub-path build: run npx playwright test -c playwright.base-path.config.ts',
  );

/** Collect every request that failed or answered with an error status. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return failures;
}

/** Every root-relative href and src on the page that does not start with the base. */
async function urlsOutsideBase(page: Page): Promise<string[]> {
  return page.evaluate((base) => {
    const urls = [...document.querySelectorAll('[href], [src]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
    );
    return urls.filter((u) => u.startsWith('/') && !u.startsWith('//') && !u.startsWith(base));
  }, BASE);
}

test(`every internal link, asset and anchor in ${DIR}/ resolves under ${BASE}`, () => {
  const site = readBuiltSite(DIR);
  expect(site.pages.size).toBeGreaterThanOrEqual(20);
  expect(checkLinks(site, BASE).broken).toEqual([]);
});

test('the home page loads everything under the base, the map hydrates and a node leads to its chapter', async ({
  page,
}) => {
  const failures = watchFailures(page);
  await page.goto(BASE);
  await page.locator('.react-flow').hover(); // the map hydrates when the reader starts to use it
  const node = page.getByRole('button', { name: /^5 Data storage\b/ });
  await expect(node).toBeVisible({ timeout: 20_000 });
  expect(await urlsOutsideBase(page)).toEqual([]);

  await node.click();
  const read = page
    .getByRole('dialog', { name: 'Data storage' })
    .getByRole('link', { name: 'Read the chapter' });
  await expect(read).toHaveAttribute('href', `${BASE}data-storage/`);
  await read.click();
  await expect(page).toHaveURL(new RegExp(`${BASE}data-storage/$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Data storage' })).toBeVisible();
  expect(failures).toEqual([]);
});

test('a map deep link under the base restores the selected component', async ({ page }) => {
  await page.goto(`${BASE}?node=security`);
  await expect(page.getByRole('dialog', { name: 'Security' })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`${BASE}\\?node=security$`));
});

test('a chapter links to other chapters under the base, in its text and its navigation', async ({
  page,
}) => {
  const failures = watchFailures(page);
  await page.goto(`${BASE}data-storage/`);
  expect(await urlsOutsideBase(page)).toEqual([]);
  // Chapter text links root-relative in MDX ([Feature store](/feature-store/)); the build adds the base.
  await expect(page.locator(`main a[href="${BASE}feature-store/"]`).first()).toBeAttached();
  await page
    .getByRole('navigation', { name: 'Chapters', exact: true })
    .getByRole('link', { name: /ETL cluster/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`${BASE}etl-cluster/$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(failures).toEqual([]);
});

test('search loads its index from under the base and links results there', async ({ page }) => {
  await page.goto(`${BASE}chapters/`);
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the blueprint' });
  await dialog.getByRole('searchbox').fill('Iceberg');
  await expect(dialog.getByRole('status')).toContainText('for “Iceberg”', { timeout: 30_000 });
  const first = dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first();
  await expect(first).toHaveAttribute('href', new RegExp(`^${BASE}`));
});
