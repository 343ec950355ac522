// The map's readiness view: each component shows the reader's checklist progress from the ticks
// kept in this browser, on a desktop and on a phone; off by default, kept in the URL like the
// map's other state; axe clean in both themes. Also: the readiness page is one click from the
// main menu (inline and folded) and from the map's summary panel.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DIST, expectNoAxeViolations, gotoWithTheme } from './helpers.ts';

const FIRST = /^The ad-hoc and ETL clusters are separate releases/;
const SECOND = /^A user outside the allowed Keycloak groups/;
const PHONE = { viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true };

/** Item count of each chapter's checklist, as the build wrote it for the readiness page. */
function checklistSizes(): Map<string, number> {
  const html = readFileSync(`${DIST}/readiness/index.html`, 'utf8');
  const json =
    /<script type="application\/json" id="readiness-checklists">([\s\S]*?)<\/script>/.exec(
      html,
    )![1]!;
  return new Map(
    (JSON.parse(json) as { chapter: string; items: unknown[] }[]).map((c) => [
      c.chapter,
      c.items.length,
    ]),
  );
}

const node = (page: Page, name: RegExp) => page.getByRole('button', { name });
const toggle = (page: Page) => page.getByRole('button', { name: 'Readiness', exact: true });

/** Tick two items of the ad-hoc cluster's checklist on its chapter page. */
async function tickTwo(page: Page) {
  await page.goto('/adhoc-cluster/#production-readiness-checklist');
  await page.getByRole('checkbox', { name: FIRST }).check();
  await page.getByRole('checkbox', { name: SECOND }).check();
  await expect(page.locator('[data-readiness-progress]')).toHaveText('2 of 13 ready');
}

/** Open the map and hydrate it as a reader does (pointing at it, or a tap on a phone). */
async function openMap(page: Page, phone = false) {
  await page.goto('/');
  const canvas = page.locator('.react-flow');
  if (phone) {
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.touchscreen.tap(box.x + 20, box.y + 20);
  } else await canvas.hover();
  await expect(page.locator('[data-hydrated]')).toHaveCount(1, { timeout: 20_000 });
}

/** Check the view on an open map: badges on the ticked and an unticked component, the note, and reload. */
async function expectReadinessView(page: Page) {
  const sizes = checklistSizes();
  const streamTotal = sizes.get('stream-ingestion')!;
  const allTotal = [...sizes.values()].reduce((a, b) => a + b, 0);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.map-ready')).toHaveCount(0);
  await expect(node(page, /^\d+ Ad-hoc cluster\b/)).not.toHaveAccessibleName(/ready/);

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]readiness=on\b/);
  const adhoc = node(page, /^\d+ Ad-hoc cluster\b/);
  await expect(adhoc).toHaveAccessibleName(/, 2 of 13 ready\. .+ Opens summary\.$/);
  await expect(adhoc.locator('.map-ready')).toHaveText(/^2 of 13 ready$/);
  const stream = node(page, /^\d+ Streaming ingestion\b/);
  await expect(stream).toHaveAccessibleName(
    new RegExp(`, 0 of ${streamTotal} ready\\. .+ Opens summary\\.$`),
  );
  await expect(page.locator('.map-ready')).toHaveCount(17);
  await expect(
    page
      .getByRole('status')
      .getByRole('link', { name: `All 17 components: 2 of ${allTotal} ready` }),
  ).toHaveAttribute('href', '/readiness/');

  // Kept in the URL, as the map's other state is: a reload shows the same view.
  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true', { timeout: 20_000 });
  await expect(node(page, /^\d+ Ad-hoc cluster\b/)).toHaveAccessibleName(
    /, 2 of 13 ready\. .+ Opens summary\.$/,
  );

  await toggle(page).click();
  await expect(page.locator('.map-ready')).toHaveCount(0);
  await expect(page).not.toHaveURL(/readiness=/);
}

test("on a desktop, the Readiness view shows each component's progress from the ticks in this browser", async ({
  page,
}) => {
  await tickTwo(page);
  await openMap(page);
  await expectReadinessView(page);
});

test.describe('on a 360 px phone', () => {
  test.use(PHONE);
  test("the Readiness view shows on the portrait map, readable and inside each component's column", async ({
    page,
  }) => {
    await tickTwo(page);
    await openMap(page, true);
    await expectReadinessView(page);
    await toggle(page).click();
    // Drawn at the map's fitted scale: the badge text is at least 12 px and stays inside the canvas.
    const drawn = await page.locator('.map-ready').evaluateAll((els) =>
      els.map((el) => {
        const nodeEl = el.closest<HTMLElement>('.react-flow__node')!;
        const scale = nodeEl.getBoundingClientRect().width / nodeEl.offsetWidth;
        const r = el.getBoundingClientRect();
        return {
          id: nodeEl.dataset['id']!,
          px: parseFloat(getComputedStyle(el).fontSize) * scale,
          left: r.left,
          right: r.right,
        };
      }),
    );
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    expect(drawn).toHaveLength(17);
    expect(drawn.filter((d) => d.px < 12).map((d) => `${d.id} ${d.px.toFixed(1)} px`)).toEqual([]);
    expect(
      drawn.filter((d) => d.left < canvas.x || d.right > canvas.x + canvas.width).map((d) => d.id),
    ).toEqual([]);
  });
});

test('the view follows ticks made in another tab', async ({ context }) => {
  const map = await context.newPage();
  await map.goto('/?readiness=on');
  await expect(node(map, /^\d+ Ad-hoc cluster\b/)).toHaveAccessibleName(
    /, 0 of 13 ready\. .+ Opens summary\.$/,
    { timeout: 20_000 },
  );
  await tickTwo(await context.newPage());
  await expect(node(map, /^\d+ Ad-hoc cluster\b/)).toHaveAccessibleName(
    /, 2 of 13 ready\. .+ Opens summary\.$/,
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`the map with the Readiness view on passes axe in the ${theme} theme`, async ({ page }) => {
    await gotoWithTheme(page, '/adhoc-cluster/', theme);
    await page.getByRole('checkbox', { name: FIRST }).check();
    await page.goto('/?readiness=on');
    await expect(node(page, /^\d+ Ad-hoc cluster\b/)).toHaveAccessibleName(
      /, 1 of 13 ready\. .+ Opens summary\.$/,
      { timeout: 20_000 },
    );
    await expectNoAxeViolations(page);
  });
}

test.describe('the readiness page is one click away', () => {
  test('from the main menu on a desktop, which marks it current there', async ({ page }) => {
    await page.goto('/data-storage/');
    await page
      .getByRole('navigation', { name: 'Main', exact: true })
      .getByRole('link', { name: 'Readiness' })
      .click();
    await expect(page).toHaveURL(/\/readiness\/$/);
    await expect(
      page
        .getByRole('navigation', { name: 'Main', exact: true })
        .getByRole('link', { name: 'Readiness' }),
    ).toHaveAttribute('aria-current', 'page');
  });

  for (const width of [1241, 1100]) {
    test(`the header holds the menu within ${width} px (inline or folded)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/data-storage/');
      const overflow = await page
        .locator('.site-header')
        .evaluate((h) => h.scrollWidth - h.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const inline = page
        .getByRole('navigation', { name: 'Main', exact: true })
        .getByRole('link', { name: 'Readiness' });
      if (width > 1240) await expect(inline).toBeVisible();
      else await expect(inline).toBeHidden();
    });
  }

  test.describe('on a phone', () => {
    test.use(PHONE);
    test('from the folded menu', async ({ page }) => {
      await page.goto('/');
      await page.getByText('Menu', { exact: true }).click();
      await page
        .getByRole('navigation', { name: 'Main (menu)' })
        .getByRole('link', { name: 'Readiness' })
        .click();
      await expect(page).toHaveURL(/\/readiness\/$/);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Production readiness' }),
      ).toBeVisible();
    });
  });

  test("from a component's summary panel on the map", async ({ page }) => {
    await page.goto('/?node=adhoc-cluster');
    const panel = page.getByRole('dialog', { name: 'Ad-hoc cluster' });
    await expect(panel).toBeVisible({ timeout: 20_000 });
    await panel.getByRole('link', { name: 'Readiness of all components' }).click();
    await expect(page).toHaveURL(/\/readiness\/$/);
  });
});
