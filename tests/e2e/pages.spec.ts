// Every page of the build: reachable, one h1, accessible in both themes, no broken links.
import { expect, test } from '@playwright/test';
import { checkLinks } from '../../src/lib/site/link-check.ts';
import { expectNoAxeViolations, gotoWithTheme, listPagePaths, readBuiltSite } from './helpers.ts';

const pages = listPagePaths();

test('the build has the home page, the chapter index and all 17 chapters', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/chapters/');
  expect(pages.length).toBeGreaterThanOrEqual(20);
});

// One test per page and theme: axe over the heaviest page (a config page of thousands of
// highlighted tokens) took about 30 s per theme on a two-core machine under load, and both
// themes in one test came close to the test timeout.
for (const path of pages) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${path} returns 200, has one h1 and no axe violations in ${theme}`, async ({ page }) => {
      const response = await gotoWithTheme(page, path, theme);
      expect(response?.status()).toBe(path === '/404' ? 404 : 200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoAxeViolations(page);
    });
  }
}

test('no broken internal links or anchors anywhere in the build', () => {
  const { broken } = checkLinks(readBuiltSite());
  expect(broken).toEqual([]);
});

test('every code block is served as a focusable region with a name of its own on the page', () => {
  // Keyboard access to a block that scrolls sideways must not wait for a script: Expressive
  // Code's runtime only removes the region from blocks that fit (see ec-copy-button.ts).
  let blocks = 0;
  const problems: string[] = [];
  for (const [file, html] of readBuiltSite().pages) {
    const seen = new Set<string>();
    for (const [tag] of html.matchAll(/<pre\b[^>]*\bdata-region-label=[^>]*>/g)) {
      blocks++;
      const attr = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
      const label = attr('data-region-label') ?? '';
      if (attr('tabindex') !== '0' || attr('role') !== 'region' || attr('aria-label') !== label)
        problems.push(`${file}: ${tag.slice(0, 120)}`);
      if (seen.has(label)) problems.push(`${file}: two code blocks named "${label}"`);
      seen.add(label);
    }
  }
  expect(problems).toEqual([]);
  expect(blocks).toBeGreaterThan(100);
});

test('an unknown address serves the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
