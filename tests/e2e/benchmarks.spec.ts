// Benchmarks as a reader meets them: the index, a measured result with its provenance, a
// published figure with its sources, and the tables embedded in chapters.
import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';

const benchmarkIds = readdirSync('content/benchmarks')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

test('the index lists every benchmark under "Measured here" or "Published elsewhere"', async ({
  page,
}) => {
  await page.goto('/benchmarks/');
  await expect(page.getByRole('heading', { level: 1, name: 'Benchmarks' })).toBeVisible();
  for (const id of benchmarkIds) {
    const { kind, title } = JSON.parse(readFileSync(`content/benchmarks/${id}.json`, 'utf8')) as {
      kind: string;
      title: string;
    };
    const section = page.locator('section', {
      has: page.getByRole('heading', {
        level: 2,
        name: kind === 'measured' ? 'Measured here' : 'Published elsewhere',
      }),
    });
    await expect(section.getByRole('link', { name: title, exact: true })).toHaveAttribute(
      'href',
      new RegExp(`/benchmarks/${id}/$`),
    );
  }
});

test('a measured benchmark shows its tables, every run and how to reproduce it', async ({
  page,
}) => {
  await page.goto('/benchmarks/');
  const measured = page.locator('section', {
    has: page.getByRole('heading', { level: 2, name: 'Measured here' }),
  });
  await measured.getByRole('link', { name: 'File formats and compression', exact: true }).click();
  await expect(page).toHaveURL(/\/benchmarks\/file-formats\/$/);
  const table = page.getByRole('table', { name: 'Size on disk and write time' });
  await expect(table.getByRole('row', { name: /Parquet \(zstd\)/ })).toContainText(/× smaller/);
  await expect(page.getByRole('heading', { level: 2, name: 'How it was measured' })).toBeVisible();
  // The rerun starts from a fresh clone, set-up included, in a code block with a copy button.
  const rerun = page.getByRole('figure').filter({ hasText: 'Rerun: File formats and compression' });
  await expect(rerun.locator('pre')).toHaveText(
    /git clone \S+\.git\s*cd \S+\s*\.\/blueprint npm ci\s*\.\/blueprint npm run bench -- --only=file-formats/,
  );
  await expect(rerun.getByRole('button', { name: /copy/i })).toBeAttached();
  await expect(
    page.getByText(/^Measured on .+ cores? on \d{4}-\d{2}-\d{2}, commit [0-9a-f]{7}/),
  ).toBeVisible();
});

test('a published benchmark cites each source with a link and a date', async ({ page }) => {
  await page.goto('/benchmarks/clickbench-c6a-4xlarge/');
  await expect(page.getByRole('heading', { level: 2, name: 'Sources' })).toBeVisible();
  const sources = page.locator('.provenance .sources > li');
  expect(await sources.count()).toBeGreaterThan(0);
  for (const source of await sources.all()) {
    await expect(source.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
    await expect(source).toContainText(/\d{4}/);
  }
});

test('a chapter embeds benchmark tables that lead to the full result', async ({ page }) => {
  await page.goto('/data-storage/');
  await page
    .getByRole('link', {
      name: 'All tables, caveats and every run of “File formats and compression”',
    })
    .click();
  await expect(page).toHaveURL(/\/benchmarks\/file-formats\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('File formats and compression');
});

// The provisional label itself is unit-tested (tests/unit/benchmark/provenance.test.ts): since the
// rerun of 2026-12-07 no committed result is provisional.
test('a published measured result says what was measured and how idle the machine was, on its page and in a chapter embed', async ({
  page,
}) => {
  await page.goto('/benchmarks/file-formats/');
  await expect(
    page.getByText(/^What was measured: DuckDB v[\d.]+, one process, \d+ cores? /),
  ).toBeVisible();
  await expect(page.getByText(/other processes used \d+\.\d\d cores during the run/)).toBeVisible();
  await expect(page.getByText(/Provisional/)).toHaveCount(0);
  await page.goto('/data-storage/');
  const embed = page.getByRole('region', {
    name: 'Benchmark: File formats and compression (Size on disk and write time)',
  });
  await expect(embed).toContainText('not Trino or Spark reading object storage (S3)');
  await expect(embed.getByText(/Not a publishable result/)).toHaveCount(0);
});

test('two tables of one benchmark embedded in a chapter are two regions with distinct names', async ({
  page,
}) => {
  await page.goto('/batch-ingestion/');
  await expect(
    page.getByRole('region', {
      name: 'Benchmark: CDC against incremental and full extracts (Time to read one batch of changes)',
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', {
      name: /^Benchmark: CDC against incremental and full extracts \(Which changes each way of reading sees\)$/,
    }),
  ).toBeVisible();
});

test('the ClickBench page names the licence of its derived figures', async ({ page }) => {
  await page.goto('/benchmarks/clickbench-c6a-4xlarge/');
  await expect(
    page.getByText(/^Licence of the figures on this page: CC BY-NC-SA 4\.0/),
  ).toBeVisible();
});
