// Metadata a crawler and a link preview need.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DIST } from './helpers.ts';

test('a chapter has canonical, description, Open Graph and Twitter meta', async ({ page }) => {
  await page.goto('/data-storage/');
  await expect(page).toHaveTitle('Data storage · Data Architecture Blueprint');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/data-storage\/$/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Data storage',
  );
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
    'content',
    'summary_large_image',
  );
});

test('robots.txt points at the sitemap, which lists every chapter', () => {
  expect(readFileSync(`${DIST}/robots.txt`, 'utf8')).toMatch(
    /Sitemap: https?:\/\/.+\/sitemap-index\.xml/,
  );
  const sitemap = readFileSync(`${DIST}/sitemap-0.xml`, 'utf8');
  for (const id of ['batch-sources', 'data-storage', 'ci-cd'])
    expect(sitemap).toContain(`/${id}/</loc>`);
});
