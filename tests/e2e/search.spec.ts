// Search: the Pagefind index finds the right page for what data engineers type, and the header
// dialog is keyboard-, screen-reader- and phone-friendly, loads on demand and never runs input.
// Under a sub-path build, set BASE_PATH as for the build and the spec follows it.
import { expect, test, type Page } from '@playwright/test';
import { getPagefindOptions, normaliseBase } from '../../src/lib/search/options.ts';
import type { PagefindModule } from '../../src/lib/search/pagefind-api.ts';
import { searchWithFallback } from '../../src/lib/search/fallback.ts';
import { toSearchTerms } from '../../src/lib/search/query.ts';
import { expectNoAxeViolations, gotoWithTheme } from './helpers.ts';

const BASE = normaliseBase(process.env.BASE_PATH ?? '/');
/** A site path under the base path: at('/data-storage/') → '/pr-42/data-storage/'. */
const at = (path: string) => `${BASE}${path.replace(/^\//, '')}`;

/**
 * What readers type and the page(s) that must be among the first three results. Pages are
 * site paths without the base. Rows marked "alias" are found through src/lib/search/aliases.ts.
 */
const QUERIES: { query: string; expect: string[] }[] = [
  { query: 'how do I handle late events?', expect: ['/stream-ingestion/'] },
  { query: 'Debezium', expect: ['/stream-ingestion/'] },
  { query: 'small files', expect: ['/data-storage/'] },
  { query: 'row-level security', expect: ['/security/'] },
  // Batch ingestion's CDC-versus-extraction section now has its own measured benchmark page, which
  // answers "CDC" more directly and ranks above the chapter (fourth); the chapter embeds its tables.
  { query: 'CDC', expect: ['/stream-ingestion/', '/benchmarks/cdc-vs-extract/'] },
  { query: 'change data capture', expect: ['/stream-ingestion/'] },
  { query: 'medallion', expect: ['/data-storage/'] },
  { query: 'what is the medallion architecture', expect: ['/data-storage/'] }, // alias
  { query: 'bronze silver gold', expect: ['/data-storage/'] },
  { query: 'Iceberg REST catalog', expect: ['/data-storage/'] },
  { query: 'snapshot expiry', expect: ['/data-storage/'] },
  { query: 'Airbyte incremental sync', expect: ['/batch-ingestion/'] },
  { query: 'Fivetran', expect: ['/batch-ingestion/'] },
  { query: 'source contract', expect: ['/batch-sources/'] },
  { query: 'outbox pattern', expect: ['/streaming-sources/'] },
  { query: 'clickstream', expect: ['/streaming-sources/'] },
  { query: 'exactly-once', expect: ['/stream-ingestion/'] },
  { query: 'dead letter queue', expect: ['/stream-ingestion/'] },
  { query: 'message broker', expect: ['/stream-ingestion/'] }, // alias
  { query: 'pub/sub', expect: ['/stream-ingestion/'] }, // alias
  { query: 'dbt incremental models', expect: ['/etl-cluster/'] },
  { query: 'fault-tolerant execution', expect: ['/etl-cluster/'] },
  { query: 'data modeling', expect: ['/etl-cluster/'] }, // alias
  { query: 'JupyterHub', expect: ['/adhoc-cluster/'] },
  { query: 'query.max-execution-time', expect: ['/adhoc-cluster/'] },
  { query: 'Presto', expect: ['/adhoc-cluster/'] }, // alias
  { query: 'Druid rollup', expect: ['/realtime-analytics/'] },
  { query: 'should we use Druid or ClickHouse', expect: ['/realtime-analytics/'] },
  { query: 'MLflow model registry', expect: ['/experiment-tracking/'] },
  { query: 'hyperparameter tuning', expect: ['/experiment-tracking/'] }, // alias
  { query: 'point-in-time join', expect: ['/feature-store/'] },
  { query: 'training-serving skew', expect: ['/feature-store/'] },
  { query: 'KServe canary', expect: ['/ml-serving/'] },
  { query: 'model drift monitoring', expect: ['/ml-serving/'] },
  { query: 'Superset dashboards', expect: ['/bi-cluster/'] },
  { query: 'semantic layer', expect: ['/bi-cluster/'] },
  { query: 'Tableau', expect: ['/bi-cluster/'] }, // alias
  { query: 'Airflow DAG', expect: ['/orchestration/'] },
  { query: 'Dagster', expect: ['/orchestration/'] },
  { query: 'Terraform state locking', expect: ['/infrastructure-as-code/'] },
  { query: 'OpenTofu', expect: ['/infrastructure-as-code/'] },
  { query: 'GitHub Actions', expect: ['/ci-cd/'] },
  { query: 'slim CI', expect: ['/ci-cd/'] },
  { query: 'GDPR right to erasure', expect: ['/security/'] },
  { query: 'Keycloak SSO', expect: ['/security/'] },
  { query: 'OpenLineage', expect: ['/data-quality-lineage/'] },
  { query: 'Great Expectations', expect: ['/data-quality-lineage/'] },
  { query: 'freshness SLO', expect: ['/data-quality-lineage/'] },
  { query: 'data catalog', expect: ['/data-quality-lineage/'] }, // alias
  { query: 'Trino', expect: ['/etl-cluster/'] },
  { query: 'cron', expect: ['/orchestration/'] }, // alias
  { query: 'Well-Architected reliability pillar', expect: ['/well-architected/'] },
  { query: 'docker compose Kafka', expect: ['/configs/stream-ingestion/'] },
  { query: 'Airbyte Helm values', expect: ['/configs/batch-ingestion/'] },
  { query: 'Trino catalog properties', expect: ['/configs/etl-cluster/'] },
  { query: 'Druid supervisor spec', expect: ['/configs/realtime-analytics/'] },
  { query: 'GitHub Actions workflow', expect: ['/configs/ci-cd/', '/ci-cd/'] },
  { query: 'Parquet vs CSV', expect: ['/benchmarks/file-formats/'] },
  { query: 'small files benchmark', expect: ['/benchmarks/storage-layout/'] },
  { query: 'ClickBench', expect: ['/benchmarks/clickbench-c6a-4xlarge/'] },
  { query: 'TPC-DS Trino Spark', expect: ['/benchmarks/tpcds-trino-spark/'] },
  { query: 'Kafka vs Redpanda benchmark', expect: ['/benchmarks/streaming-brokers/'] },
];

/**
 * Questions as a newcomer types them, each with the page that answers it. Pagefind alone needs
 * every word on the page; these rely on the stop words of query.ts and the partial-match fallback
 * of fallback.ts, exactly as the dialog runs them.
 */
const QUESTIONS: { query: string; expect: string[] }[] = [
  { query: 'how do I stop small files', expect: ['/benchmarks/storage-layout/'] },
  // The BI chapter says how Trino masks and denies PII columns to Superset; Security never says "dashboard".
  { query: 'who can see pii in dashboards', expect: ['/bi-cluster/'] },
  { query: 'how do I mask columns with personal data', expect: ['/security/'] },
  { query: 'how do I capture database changes', expect: ['/stream-ingestion/'] },
  { query: 'what happens when events arrive late?', expect: ['/stream-ingestion/'] },
  { query: 'which table format should we use', expect: ['/data-storage/'] },
  { query: 'how do I compact Iceberg tables', expect: ['/data-storage/'] },
  { query: 'how do I backfill a dbt model', expect: ['/etl-cluster/'] },
  { query: 'how do I limit runaway queries', expect: ['/adhoc-cluster/'] },
  { query: 'where do analysts run notebooks', expect: ['/adhoc-cluster/'] },
  { query: 'how do I give analysts SQL access to the lake', expect: ['/adhoc-cluster/'] },
  { query: 'how do I run Airflow on Kubernetes', expect: ['/orchestration/'] },
  { query: 'how do I alert on failed jobs', expect: ['/orchestration/'] },
  { query: 'how do I track ML experiments', expect: ['/experiment-tracking/'] },
  { query: 'how do I serve a model in production', expect: ['/ml-serving/'] },
  { query: 'how do I avoid training-serving skew', expect: ['/feature-store/'] },
  { query: 'which BI tool should we use', expect: ['/bi-cluster/'] },
  { query: 'how do I deploy with GitOps', expect: ['/ci-cd/'] },
  { query: 'how do I manage AWS infrastructure as code', expect: ['/infrastructure-as-code/'] },
  { query: 'how do I encrypt data at rest', expect: ['/security/'] },
  { query: 'how do I keep secrets out of git', expect: ['/security/'] },
  { query: 'how do I see lineage from source to dashboard', expect: ['/data-quality-lineage/'] },
  { query: 'how do I design event schemas', expect: ['/streaming-sources/'] },
  { query: 'how do I get data out of SaaS tools', expect: ['/batch-sources/'] },
  { query: 'how do I load data from Salesforce', expect: ['/batch-ingestion/'] },
  { query: 'what should I use instead of Fivetran', expect: ['/batch-ingestion/'] },
  { query: 'how do I stream clickstream events', expect: ['/streaming-sources/'] },
  { query: 'how do I query fresh events in under a second', expect: ['/realtime-analytics/'] },
  { query: 'how much smaller is Parquet than CSV', expect: ['/benchmarks/file-formats/'] },
  {
    query: 'is incremental MERGE faster than a full reload',
    expect: ['/benchmarks/incremental-load/'],
  },
  { query: 'is Redpanda faster than Kafka', expect: ['/benchmarks/streaming-brokers/'] },
  { query: 'what does ClickBench measure', expect: ['/benchmarks/clickbench-c6a-4xlarge/'] },
  {
    query: 'how do I run the Kafka quickstart on my laptop',
    expect: ['/configs/stream-ingestion/'],
  },
  {
    query: 'where are the Terraform modules for EKS',
    expect: ['/configs/infrastructure-as-code/'],
  },
  {
    query: 'which is faster for analytics, row or column storage',
    expect: ['/benchmarks/row-vs-column/'],
  },
];

/**
 * Run queries through Pagefind in the page with the dialog's options, query clean-up and
 * partial-match fallback, and return the URLs of the first three results of each.
 */
async function topResults(
  page: Page,
  queries: readonly string[],
): Promise<Record<string, string[]>> {
  await page.evaluate(
    async ({ moduleUrl, options }) => {
      const pagefind = (await import(moduleUrl)) as PagefindModule;
      await pagefind.options(options);
      (window as unknown as { __pf: unknown }).__pf = pagefind;
    },
    { moduleUrl: at('/pagefind/pagefind.js'), options: getPagefindOptions(BASE) },
  );
  const run = (term: string) =>
    page.evaluate(async (term) => {
      type Hit = { id: string; score: number; data: () => Promise<{ raw_url: string }> };
      const w = window as unknown as {
        __pf: { search: (t: string) => Promise<{ results: Hit[] }> };
        __hits?: Map<string, Hit>;
      };
      const hits = (w.__hits ??= new Map());
      const { results } = await w.__pf.search(term);
      for (const r of results) hits.set(r.id, r);
      return results.map((r) => ({ id: r.id, score: r.score }));
    }, term);
  const out: Record<string, string[]> = {};
  for (const query of queries) {
    const { results } = await searchWithFallback(toSearchTerms(query), run);
    out[query] = await page.evaluate(
      async (ids) => {
        const w = window as unknown as {
          __hits: Map<string, { data: () => Promise<{ raw_url: string }> }>;
        };
        return Promise.all(ids.map(async (id) => (await w.__hits.get(id)!.data()).raw_url));
      },
      results.slice(0, 3).map((r) => r.id),
    );
  }
  return out;
}

/** The rows whose expected pages are not all in the first three, with what came instead. */
function listMisses(
  rows: readonly { query: string; expect: string[] }[],
  top: Record<string, string[]>,
): string[] {
  return rows.flatMap(({ query, expect: pages }) =>
    pages
      .filter((p) => !top[query]!.includes(p))
      .map((p) => `"${query}": expected ${p} in top 3, got ${top[query]!.join(', ') || 'nothing'}`),
  );
}

/** Open the dialog from the header button and return its parts. */
async function openSearch(page: Page) {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the blueprint' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * Type a query and wait until the live region has announced its results. The first search of a
 * page downloads and decompresses the index, which takes seconds on a busy two-core runner.
 */
async function searchFor(page: Page, query: string) {
  const dialog = page.getByRole('dialog', { name: 'Search the blueprint' });
  await dialog.getByRole('searchbox', { name: /Search chapters/ }).fill(query);
  await expect(dialog.getByRole('status')).toContainText(`for “${query}”`, { timeout: 30_000 });
  return dialog.getByRole('list', { name: 'Search results' });
}

test.describe('search index', () => {
  test(`puts the expected page in the top three for ${QUERIES.length} real queries`, async ({
    page,
  }) => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(25);
    await page.goto(at('/chapters/'));
    const top = await topResults(
      page,
      QUERIES.map((q) => q.query),
    );
    expect(listMisses(QUERIES, top)).toEqual([]);
  });

  test(`answers ${QUESTIONS.length} questions a newcomer types with the right page in the top three`, async ({
    page,
  }) => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
    await page.goto(at('/chapters/'));
    const top = await topResults(
      page,
      QUESTIONS.map((q) => q.query),
    );
    expect(listMisses(QUESTIONS, top)).toEqual([]);
  });

  test('excerpts keep words of neighbouring cells, terms and links apart', async ({ page }) => {
    await page.goto(at('/chapters/'));
    const texts = await page.evaluate(async (moduleUrl) => {
      const pagefind = (await import(moduleUrl)) as PagefindModule;
      const { results } = await pagefind.search('kafka-to-iceberg.sql');
      return Promise.all(results.map(async (r) => (await r.data()).content));
    }, at('/pagefind/pagefind.js'));
    const joined = texts.flatMap(
      (t) => t.match(/\S*(?:sqlDownload|checkedTools|chapterAll)\S*/g) ?? [],
    );
    expect(texts.length).toBeGreaterThan(0);
    expect(joined).toEqual([]);
  });

  test('indexes every chapter with its kind and part, and leaves the map and lists out', async ({
    page,
  }) => {
    await page.goto(at('/chapters/'));
    const filters = await page.evaluate(async (moduleUrl) => {
      const pagefind = (await import(moduleUrl)) as PagefindModule;
      return await pagefind.filters();
    }, at('/pagefind/pagefind.js'));
    expect(filters.kind?.chapter).toBe(17);
    expect(Object.keys(filters.part ?? {}).sort()).toEqual([
      'A Data ingestion',
      'B Data platform',
      'C ML platform',
      'D BI',
      'E Orchestration',
      'F Infrastructure',
      'G Security',
      'H Data quality & lineage',
    ]);
    const urls = await page.evaluate(async (moduleUrl) => {
      const pagefind = (await import(moduleUrl)) as PagefindModule;
      const { results } = await pagefind.search(null);
      return Promise.all(results.map(async (r) => (await r.data()).raw_url));
    }, at('/pagefind/pagefind.js'));
    expect(urls).not.toContain('/');
    expect(urls).not.toContain('/chapters/');
  });

  test('gives config and benchmark pages the part of the components they are about', async ({
    page,
  }) => {
    await page.goto(at('/chapters/'));
    const urls = await page.evaluate(async (moduleUrl) => {
      const pagefind = (await import(moduleUrl)) as PagefindModule;
      const { results } = await pagefind.search(null, {
        filters: { part: 'B Data platform', kind: { any: ['config', 'benchmark'] } },
      });
      return Promise.all(results.map(async (r) => (await r.data()).raw_url));
    }, at('/pagefind/pagefind.js'));
    expect(urls).toContain('/configs/data-storage/');
    expect(urls).toContain('/benchmarks/storage-layout/');
    expect(urls).not.toContain('/configs/stream-ingestion/');
  });
});

test.describe('search dialog', () => {
  test('loads no search code until opened, then finds a section and links to its heading', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(at('/data-storage/'));
    await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
    expect(requests.filter((p) => p.includes('/pagefind/') || p.includes('search-dialog'))).toEqual(
      [],
    );

    await openSearch(page);
    const results = await searchFor(page, 'watermarks');
    expect(requests).toContain(at('/pagefind/pagefind.js'));
    const chapter = results.getByRole('listitem').filter({
      has: page.getByRole('link', { name: 'Streaming ingestion & pre-processing', exact: true }),
    });
    await chapter.getByRole('link', { name: 'Late data and watermarks' }).click();
    await expect(page).toHaveURL(at('/stream-ingestion/#late-data-and-watermarks'));
    await expect(
      page.getByRole('heading', { level: 3, name: 'Late data and watermarks' }),
    ).toBeInViewport();
  });

  test('closes and scrolls to the section when the result is on the current page', async ({
    page,
  }) => {
    await page.goto(at('/stream-ingestion/'));
    const dialog = await openSearch(page);
    const results = await searchFor(page, 'watermarks');
    await results.getByRole('link', { name: 'Late data and watermarks' }).first().click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(at('/stream-ingestion/#late-data-and-watermarks'));
    await expect(
      page.getByRole('heading', { level: 3, name: 'Late data and watermarks' }),
    ).toBeInViewport();
  });

  test('opens with "/", Ctrl+K and Cmd+K; Escape closes it and returns focus to the button', async ({
    page,
  }) => {
    await page.goto(at('/security/'));
    const button = page.getByRole('button', { name: 'Search' });
    await expect(button).toBeVisible();
    const dialog = page.getByRole('dialog', { name: 'Search the blueprint' });
    const input = dialog.getByRole('searchbox', { name: /Search chapters/ });

    for (const shortcut of ['/', 'Control+k', 'Meta+k']) {
      await page.keyboard.press(shortcut);
      await expect(dialog).toBeVisible();
      await expect(input).toBeFocused();
      await expect(input).toHaveValue('');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }

    await button.click();
    await expect(input).toBeFocused();
    await input.fill('kafka');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('moves from the input to the results with the arrow keys', async ({ page }) => {
    await page.goto(at('/security/'));
    await openSearch(page);
    const results = await searchFor(page, 'Keycloak');
    await page.keyboard.press('ArrowDown');
    await expect(results.getByRole('link').first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('searchbox', { name: /Search chapters/ })).toBeFocused();
  });

  test('filters by part and by kind of page', async ({ page }) => {
    await page.goto(at('/chapters/'));
    const dialog = await openSearch(page);
    const results = await searchFor(page, 'Kafka');
    await expect(
      results.getByRole('link', { name: 'Streaming ingestion & pre-processing', exact: true }),
    ).toBeVisible();

    const part = dialog.getByRole('combobox', { name: 'Part' });
    await expect(part.getByRole('option', { name: /^G · Security/ })).toHaveCount(1);
    await part.selectOption({
      label: (await part.getByRole('option', { name: /^B · Data platform/ }).textContent())!,
    });
    await expect(dialog.getByRole('status')).toContainText('with these filters');
    await expect(
      results.getByRole('link', { name: 'Streaming ingestion & pre-processing', exact: true }),
    ).toHaveCount(0);
    for (const item of await results.locator(':scope > li').all()) {
      await expect(item).toContainText('Data platform');
    }

    // A filter without a query lists every page it matches.
    await part.selectOption('');
    await dialog.getByRole('searchbox', { name: /Search chapters/ }).fill('');
    const kind = dialog.getByRole('combobox', { name: 'Kind' });
    const benchmarks = (await kind.getByRole('option', { name: /^Benchmarks/ }).textContent())!;
    await kind.selectOption({ label: benchmarks });
    const count = Number(/\((\d+)\)/.exec(benchmarks)![1]);
    await expect(dialog.getByRole('status')).toHaveText(`${count} pages with these filters`, {
      timeout: 30_000,
    });
    await expect(results.locator(':scope > li')).toHaveCount(Math.min(count, 8));
    for (const item of await results.locator(':scope > li').all())
      await expect(item).toContainText('Benchmark');
  });

  test('shows a query with HTML or script as text and never runs it', async ({ page }) => {
    await page.goto(at('/chapters/'));
    const dialog = await openSearch(page);
    const attack =
      '<img src=x onerror="window.__searchXss=1"><script>window.__searchXss=2</script>kafka';
    await dialog.getByRole('searchbox', { name: /Search chapters/ }).fill(attack);
    await expect(dialog.getByRole('status')).toContainText(`for “${attack}”`, { timeout: 30_000 });
    await expect(dialog.locator('img, script')).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as { __searchXss?: number }).__searchXss),
    ).toBeUndefined();
    // Excerpts come back with <mark> elements built from text, and nothing else.
    await searchFor(page, 'Kafka');
    const tags = await dialog
      .getByRole('list', { name: 'Search results' })
      .evaluate((list) =>
        [...new Set([...list.querySelectorAll('*')].map((e) => e.tagName))].sort(),
      );
    expect(tags).toEqual(['A', 'LI', 'MARK', 'P', 'SPAN', 'UL']);
  });

  test('on the map page, a component result selects its node instead of leaving', async ({
    page,
  }) => {
    await page.goto(at('/'));
    await openSearch(page);
    const results = await searchFor(page, 'Debezium');
    await results
      .getByRole('link', { name: /^Streaming ingestion & pre-processing\s*Show on map$/ })
      .click();
    await expect(page).toHaveURL(at('/?node=stream-ingestion'));
    await expect(page.getByRole('dialog', { name: 'Search the blueprint' })).toBeHidden();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Data Architecture Blueprint' }),
    ).toBeVisible();
    await expect(
      page.getByRole('dialog', { name: 'Streaming ingestion & pre-processing' }),
    ).toBeVisible();
  });

  test('fits a 360 px phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(at('/data-storage/'));
    const dialog = await openSearch(page);
    const results = await searchFor(page, 'compaction');
    await expect(results.getByRole('link', { name: 'Data storage', exact: true })).toBeVisible();
    for (const part of [
      dialog,
      dialog.getByRole('button', { name: 'Close search' }),
      dialog.getByRole('combobox', { name: 'Kind' }),
    ]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    await dialog.getByRole('button', { name: 'Close search' }).click();
    await expect(dialog).toBeHidden();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no axe violations with results open in the ${theme} theme`, async ({ page }) => {
      // axe over a page with an open modal and a dozen results is slow on a shared runner.
      test.slow();
      await gotoWithTheme(page, at('/chapters/'), theme);
      await openSearch(page);
      await searchFor(page, 'late events');
      await expectNoAxeViolations(page);
    });
  }
});
