// Printing a chapter: light on white whatever the screen theme, the light diagram on white, no
// navigation or controls, and the text fits an A4 page.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test } from '@playwright/test';
import { gotoWithTheme } from './helpers.ts';

/** An A4 page's printable width at 96 px per inch: 210 mm less the 1.5 cm margins, about 680 px. */
const A4_CONTENT_WIDTH = 680;

for (const theme of ['light', 'dark'] as const) {
  test(`a chapter prints light, with its diagram on white, from the ${theme} theme`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 960 });
    await gotoWithTheme(page, '/stream-ingestion/', theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.emulateMedia({ media: 'print' });

    const white = 'rgb(255, 255, 255)';
    await expect(page.locator('body')).toHaveCSS('background-color', white);
    const diagram = page.locator('figure.diagram').first();
    await expect(diagram).toHaveCSS('background-color', white);
    await expect(diagram.locator('.mermaid-light')).toBeVisible();
    await expect(diagram.locator('.mermaid-dark')).toBeHidden();
    // Code blocks print dark text on white too.
    const code = page.locator('.expressive-code pre').first();
    await expect(code).toHaveCSS('background-color', white);

    // Navigation, search and the theme switch are for the screen.
    for (const name of ['Search', /theme/i])
      await expect(page.getByRole('button', { name })).toBeHidden();
    await expect(page.getByRole('navigation').filter({ visible: true })).toHaveCount(0);
    await expect(
      page.getByText('On this page', { exact: true }).filter({ visible: true }),
    ).toHaveCount(0);
    // Paper does not scroll sideways: a long code line wraps inside the printable width.
    const codeBox = (await code.boundingBox())!;
    expect(codeBox.x + codeBox.width).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    expect(await code.evaluate((pre) => pre.scrollWidth <= pre.clientWidth + 1)).toBe(true);

    // Readable on A4: body text at least 10 pt and nothing wider than the printable width.
    const fontSize = await page
      .locator('main p')
      .first()
      .evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(13);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      A4_CONTENT_WIDTH,
    );
  });
}

// Every chapter and benchmark page fits the printable width of A4: tables wrap rather than run
// off the paper (a six-column comparison in stream-ingestion and the miniature's day table in
// etl-cluster once did).
const printed = [
  ...readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `/${basename(f, '.mdx')}/`),
  ...readdirSync('content/benchmarks')
    .filter((f) => f.endsWith('.json'))
    .map((f) => `/benchmarks/${basename(f, '.json')}/`),
];
for (const path of printed) {
  test(`${path} prints within the width of an A4 page`, async ({ page }) => {
    await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 960 });
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    const wider = await page.evaluate(
      (limit) =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > limit + 1)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').trim().slice(0, 60)}`),
      A4_CONTENT_WIDTH,
    );
    expect(wider).toEqual([]);
  });
}
