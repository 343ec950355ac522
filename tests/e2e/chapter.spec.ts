// Reading a chapter: navigation, table of contents, previous/next, theme, no-JS, phone.
import { expect, test } from '@playwright/test';
import { axe, renderSkippedContent } from './helpers.ts';

test('the sidebar lists every part and marks the current chapter', async ({ page }) => {
  await page.goto('/data-storage/');
  const nav = page.getByRole('navigation', { name: 'Chapters', exact: true });
  for (const part of [
    'Data ingestion',
    'Data platform',
    'ML platform',
    'BI',
    'Orchestration',
    'Infrastructure',
    'Security',
    'Data quality & lineage',
  ])
    await expect(nav.getByRole('heading', { name: part })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveCount(17);
  await expect(nav.locator('a[aria-current="page"]')).toHaveText(/5\s*Data storage/);
});

test('a chapter says what a "seed pick" is where the badge first shows', async ({ page }) => {
  await page.goto('/etl-cluster/');
  const header = page.locator('header.chapter-header');
  await expect(header.getByText('seed pick', { exact: true }).first()).toBeVisible();
  await expect(header).toContainText("A seed pick is the original author's choice");
});

test('the table of contents links to sections and follows the reading position', async ({
  page,
}) => {
  await page.goto('/data-storage/');
  const toc = page.locator('.toc-column').getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link', { name: 'Role and boundaries' })).toHaveAttribute(
    'aria-current',
    'location',
  );
  await toc.getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(/#sources$/);
  await expect(toc.getByRole('link', { name: 'Sources' })).toHaveAttribute(
    'aria-current',
    'location',
  );
  await toc.getByRole('link', { name: 'Well-Architected' }).click();
  await expect(page).toHaveURL(/#well-architected$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Well-Architected' })).toBeInViewport();
});

test('previous and next follow the sidebar order', async ({ page }) => {
  await page.goto('/infrastructure-as-code/');
  const pager = page.getByRole('navigation', { name: 'Previous and next chapter' });
  await expect(pager.getByRole('link', { name: /Previous/ })).toContainText('Orchestration');
  await pager.getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/ci-cd\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CI/CD');
});

test('the first chapter has no previous link and the last no next link', async ({ page }) => {
  await page.goto('/batch-sources/');
  const pager = page.getByRole('navigation', { name: 'Previous and next chapter' });
  await expect(pager.getByRole('link', { name: /Previous/ })).toHaveCount(0);
  await page.goto('/data-quality-lineage/');
  await expect(
    page
      .getByRole('navigation', { name: 'Previous and next chapter' })
      .getByRole('link', { name: /Next/ }),
  ).toHaveCount(0);
});

test('the theme switch cycles light, dark and system, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/security/');
  const html = page.locator('html');
  const button = page.getByRole('button', { name: /^Theme:/ });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await button.click(); // system → light
  await expect(button).toHaveAccessibleName('Theme: light. Switch to dark');
  await button.click(); // light → dark
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: /^Theme:/ })).toHaveAccessibleName(
    'Theme: dark. Switch to system',
  );
  await expect(page.getByRole('button', { name: /^Theme:/ }).locator('.label:visible')).toHaveText(
    'Dark',
  );
});

test('a stored dark theme applies before the first paint', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('bp-theme', 'dark'));
  // Read the theme at the first moment the DOM exists, before any module script has run.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        (window as { firstTheme?: string | undefined }).firstTheme ??=
          document.documentElement.dataset['theme'];
    });
  });
  await page.goto('/security/');
  expect(await page.evaluate(() => (window as { firstTheme?: string }).firstTheme)).toBe('dark');
});

test('system theme follows the device setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/security/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/etl-cluster/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('Mermaid diagrams arrive as inline SVG, one per theme, with no Mermaid script', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/stream-ingestion/');
  const diagram = page.locator('figure.diagram').first();
  await expect(diagram.locator('.mermaid-light svg')).toBeVisible();
  await expect(diagram.locator('.mermaid-dark svg')).toBeHidden();
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(diagram.locator('.mermaid-dark svg')).toBeVisible();
  expect(scripts.filter((s) => /mermaid/i.test(s))).toEqual([]);
});

test('code blocks are highlighted and have a copy button', async ({ page }) => {
  await page.goto('/stream-ingestion/');
  const code = page.locator('.expressive-code').first();
  await expect(code).toBeVisible();
  await expect(code.getByRole('button', { name: /copy/i })).toBeAttached();
});

test('a code block that scrolls sideways is a focusable region with its own name; one that fits stays a plain <pre>', async ({
  page,
}) => {
  await page.goto('/feature-store/');
  // Read down the chapter: sections off screen are not laid out (content-visibility), so a block
  // is measured, and made a region, when the reader reaches it.
  for (const pre of await page.locator('.expressive-code pre').all())
    await pre.scrollIntoViewIfNeeded();
  const regions = page.locator('.expressive-code pre[role="region"]');
  await expect(regions.first()).toHaveAttribute('tabindex', '0');
  await expect(regions.first()).toHaveAccessibleName(/^Code: \S/);
  const names = await regions.evaluateAll((pres) => pres.map((p) => p.getAttribute('aria-label')));
  expect(new Set(names).size).toBe(names.length);
  // feature_store.yaml (DynamoDB variant) has no line longer than 25 characters: it fits.
  const plain = page.locator(
    '.expressive-code pre[data-region-label="Code: feature_store.yaml (DynamoDB variant)"]',
  );
  await expect(plain).toBeVisible();
  await expect(plain).not.toHaveAttribute('role', /./);
  await expect(plain).not.toHaveAttribute('aria-label', /./);
  await expect(plain).not.toHaveAttribute('tabindex', /./);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the chapter menu opens and nothing overflows the viewport', async ({ page }) => {
    await page.goto('/data-storage/');
    await expect(page.getByRole('navigation', { name: 'Chapters', exact: true })).toBeHidden();
    await page.getByText('Chapters', { exact: true }).and(page.locator('summary')).click();
    const menu = page.getByRole('navigation', { name: 'Chapters (menu)' });
    await expect(menu.getByRole('link', { name: /Security/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main', exact: true })).toBeHidden();
    await page.getByText('Menu', { exact: true }).and(page.locator('summary')).click();
    const sections = page.getByRole('navigation', { name: 'Main (menu)' });
    await expect(sections.getByRole('link')).toHaveText([
      'Map',
      'Chapters',
      'Configs',
      'Benchmarks',
      'Well-Architected',
      'Readiness',
    ]);
    await expect(sections.getByRole('link', { name: 'Chapters' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a chapter reads fully: text, diagrams, code and navigation', async ({ page }) => {
    await page.goto('/stream-ingestion/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Streaming ingestion & pre-processing',
    );
    await expect(page.getByRole('heading', { level: 2, name: 'Sources' })).toBeAttached();
    await expect(page.locator('figure.diagram .mermaid-light svg').first()).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Chapters', exact: true }).getByRole('link'),
    ).toHaveCount(17);
    await expect(page.getByRole('button', { name: /^Theme:/ })).toBeHidden();
  });
});

// Stands for a busy machine: before Expressive Code's idle-time script (ec.*.js) has run, a
// block that scrolls sideways must already be reachable by keyboard (the CI failure of
// 2026-11-28 on this page). The script is held back instead of raced.
test("code blocks that scroll sideways are reachable by keyboard before Expressive Code's script runs", async ({
  page,
}) => {
  let held = 0;
  await page.route(/\/_astro\/ec\.[^/]*\.js$/, (route) => {
    held++;
    return route.abort();
  });
  await page.goto('/experiment-tracking/');
  expect(held).toBe(1);
  await renderSkippedContent(page);
  const overflowing = await page
    .locator('.expressive-code pre')
    .evaluateAll((pres) => pres.filter((p) => p.scrollWidth > p.clientWidth).length);
  expect(overflowing).toBeGreaterThan(0);
  const results = await axe(page)
    .withRules(['scrollable-region-focusable', 'landmark-unique', 'aria-prohibited-attr'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
});

test('a chapter says when it was last updated and links to its source for editing', async ({
  page,
}) => {
  await page.goto('/data-storage/');
  const meta = page.locator('footer.page-meta');
  await expect(meta).toContainText(/Last (updated|reviewed) \d{1,2} \w+ 20\d\d/);
  await expect(meta.locator('time')).toHaveAttribute('datetime', /^20\d\d-\d\d-\d\d$/);
  await expect(meta.getByRole('link', { name: 'Edit this page on GitHub' })).toHaveAttribute(
    'href',
    /\/edit\/main\/content\/chapters\/data-storage\.mdx$/,
  );
});
