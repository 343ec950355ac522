// A chapter's mini-map (its neighbourhood on the platform map) and the map's downloads.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axe, gotoWithTheme } from './helpers.ts';

const neighbourhood = (page: Page) => page.getByRole('navigation', { name: 'Neighbourhood' });

/** `#rrggbb` → the `rgb(r, g, b)` a computed style reports. */
const toRgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.trim().slice(i, i + 2), 16)).join(', ')})`;

test('a chapter links to the components up- and downstream of it', async ({ page }) => {
  await page.goto('/data-storage/');
  const nav = neighbourhood(page);
  await expect(nav).toContainText(
    'Data storage on the platform map: 6 components upstream, one downstream.',
  );
  await expect(nav.getByRole('link', { name: /, upstream: / })).toHaveCount(6);
  await expect(nav.getByRole('link', { name: /, downstream: / })).toHaveCount(1);
  await nav
    .getByRole('link', {
      name: '3 Batch ingestion, upstream: Batch ingestion writes raw extracts to Data storage (Landing).',
    })
    .click();
  await expect(page).toHaveURL(/\/batch-ingestion\/$/);
  await expect(
    neighbourhood(page).getByRole('link', { name: /^5 Data storage, downstream: / }),
  ).toBeVisible();
});

test('upstream sits left of the chapter and downstream right of it on a desktop', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/data-storage/');
  const nav = neighbourhood(page);
  const upstream = await nav.getByRole('link', { name: /^6 ETL cluster, upstream/ }).boundingBox();
  const downstream = await nav
    .getByRole('link', { name: /^10 Feature store, downstream/ })
    .boundingBox();
  expect(upstream!.x + upstream!.width).toBeLessThan(downstream!.x);
});

test('the full-map link opens the map with the component selected', async ({ page }) => {
  await page.goto('/feature-store/');
  await neighbourhood(page).getByRole('link', { name: 'Open it on the full map' }).click();
  await expect(page).toHaveURL(/\/\?node=feature-store$/);
  await expect(page.getByRole('dialog', { name: 'Feature store' })).toBeVisible();
});

test('a cross-cutting chapter shows the parts it serves instead of an empty map', async ({
  page,
}) => {
  await page.goto('/security/');
  const nav = neighbourhood(page);
  await expect(nav).toContainText('Security is cross-cutting: it serves every component');
  const parts = nav.getByRole('link', {
    name: /^[A-H] .*: every component in this part relies on Security\./,
  });
  await expect(parts).toHaveCount(4);
  await nav.getByRole('link', { name: /^B Data platform:/ }).click();
  await expect(page).toHaveURL(/\/chapters\/#part-B$/);
  await expect(
    page.getByRole('main').getByRole('heading', { name: 'B Data platform' }),
  ).toBeVisible();
});

test("flows are drawn in their kind's colour token, in light and in dark", async ({ page }) => {
  const colours: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await gotoWithTheme(page, '/stream-ingestion/', theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const stroke = await neighbourhood(page)
      .locator('svg:visible path[data-kind="stream"][marker-end]')
      .first()
      .evaluate((el) => getComputedStyle(el).stroke);
    const token = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--bp-color-flow-stream'),
    );
    expect(stroke).toBe(toRgb(token));
    colours.push(stroke);
  }
  expect(colours[0]).not.toBe(colours[1]);
});

// One test per viewport and theme: four page loads with axe in one test ran past the 60 s test
// timeout once on a machine at load 20 (the same split pages.spec.ts made for whole pages).
for (const [width, height] of [
  [1440, 900],
  [360, 740],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the mini-map has no accessibility violations, ${width} px wide, ${theme}`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await gotoWithTheme(page, '/data-storage/', theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // Scoped to the mini-map: tests/e2e/pages.spec.ts checks whole pages.
      const results = await axe(page).include('nav[aria-label="Neighbourhood"]').analyze();
      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
        ),
      ).toEqual([]);
    });
  }
}

test('the mini-map ships no script', async ({ page }) => {
  await page.goto('/data-storage/');
  await expect(neighbourhood(page).locator('script, astro-island')).toHaveCount(0);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the narrow drawing fits the screen and keeps every link', async ({ page }) => {
    await page.goto('/data-storage/');
    const links = neighbourhood(page).getByRole('link', { name: /, (upstream|downstream): / });
    await expect(links).toHaveCount(7);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the neighbours are still links to their chapters', async ({ page }) => {
    await page.goto('/realtime-analytics/');
    await neighbourhood(page)
      .getByRole('link', { name: /^5 Data storage, downstream/ })
      .click();
    await expect(page).toHaveURL(/\/data-storage\/$/);
  });
});

test('the map downloads serve exactly the committed exports', async ({ request }) => {
  for (const [name, type] of [
    ['platform.svg', 'image/svg+xml'],
    ['platform.mmd', ''],
    ['platform.drawio', ''],
  ] as const) {
    const response = await request.get(`/downloads/${name}`);
    expect(response.status(), name).toBe(200);
    if (type) expect(response.headers()['content-type']).toBe(type);
    expect(await response.text(), name).toBe(readFileSync(`diagram/exports/${name}`, 'utf8'));
  }
});
