import { describe, expect, test } from 'vitest';
import {
  BUDGETS,
  checkBudget,
  formatWeightSummary,
  formatWeightTable,
  gzipSize,
  measurePage,
  pageGroup,
  urlToFile,
  type PageWeight,
} from '../../../src/lib/audit/page-weight.ts';

/** A build folder held in memory: path → contents. */
const files = (entries: Record<string, string>) => (path: string) =>
  path in entries ? Buffer.from(entries[path]!) : undefined;
const weight = (overrides: Partial<PageWeight> = {}): PageWeight => ({
  page: 'data-storage/index.html',
  html: 20_000,
  css: 5_000,
  js: 3_000,
  framework: false,
  files: [],
  ...overrides,
});

describe('urlToFile', () => {
  test('maps site URLs to built files under a base path and ignores other hosts', () => {
    expect(urlToFile('/pr-4/_astro/a.js', 'data-storage/index.html', '/pr-4/')).toBe('_astro/a.js');
    expect(urlToFile('../_astro/a.css', 'data-storage/index.html', '/')).toBe('_astro/a.css');
    expect(urlToFile('https://cdn.example.com/x.js', 'index.html', '/')).toBeUndefined();
    expect(urlToFile('/elsewhere/x.js', 'index.html', '/pr-4/')).toBeUndefined();
  });
});

describe('measurePage', () => {
  const build = files({
    '_astro/site.css': 'body{margin:0}',
    '_astro/page.js': 'import{a}from"./shared.js";a();import("./search.js")',
    '_astro/shared.js': 'export const a=()=>1',
    '_astro/search.js': 'x'.repeat(50_000),
    '_astro/Map.js': 'import"./react.js";export default 1',
    '_astro/client.js': 'import"./react.js"',
    '_astro/react.js': 'r'.repeat(1000),
  });

  test('counts linked CSS, scripts with their static imports, and inline scripts, but not dynamic imports', async () => {
    const html =
      '<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script><script>theme()</script></head><body></body></html>';
    const w = await measurePage('data-storage/index.html', html, build);
    expect(w.files).toEqual(['_astro/page.js', '_astro/shared.js', '_astro/site.css']);
    expect(w.css).toBe(gzipSize('body{margin:0}'));
    expect(w.js).toBe(
      gzipSize('import{a}from"./shared.js";a();import("./search.js")') +
        gzipSize('export const a=()=>1') +
        gzipSize('theme()'),
    );
    expect(w.html).toBe(gzipSize(html));
    expect(w.framework).toBe(false);
  });

  test('counts an island and its renderer as framework JavaScript, each shared module once', async () => {
    const html =
      '<html><body><astro-island component-url="/_astro/Map.js" renderer-url="/_astro/client.js"></astro-island></body></html>';
    const w = await measurePage('index.html', html, build);
    expect(w.framework).toBe(true);
    expect(w.files).toEqual(['_astro/Map.js', '_astro/client.js', '_astro/react.js']);
  });

  test('fails loudly when a page references a file the build does not have', async () => {
    const html = '<html><head><script type="module" src="/_astro/gone.js"></script></head></html>';
    await expect(measurePage('index.html', html, build)).rejects.toThrow(
      '_astro/gone.js is referenced but missing from the build',
    );
  });
});

describe('checkBudget', () => {
  test('passes a content page within its budget', () => {
    expect(checkBudget(weight())).toEqual([]);
  });

  test('says which budget a page exceeds and by how much', () => {
    expect(checkBudget(weight({ js: BUDGETS.content.js + 1024, framework: true })))
      .toMatchInlineSnapshot(`
      [
        "data-storage/index.html: hydrates a framework island, but content pages ship no framework JavaScript",
        "data-storage/index.html: JS is 6.0 KB gzip, 1.0 KB over the 5.0 KB budget",
      ]
    `);
  });

  test('holds the home page to the map budget, which allows React', () => {
    expect(checkBudget(weight({ page: 'index.html', js: 140_000, framework: true }))).toEqual([]);
  });
});

describe('formatWeightTable', () => {
  test('lists pages heaviest script first, marking what is over budget', () => {
    const table = formatWeightTable([
      weight(),
      weight({ page: 'index.html', js: 140_000, framework: true }),
      weight({ page: 'x/index.html', js: 9_000 }),
    ]);
    expect(table).toMatchInlineSnapshot(`
      "| page | HTML | CSS | JS | framework |
      | --- | ---: | ---: | ---: | --- |
      | / | 19.5 KB | 4.9 KB | 136.7 KB | React |
      | /x/ | 19.5 KB | 4.9 KB | 8.8 KB ⚠ | none |
      | /data-storage/ | 19.5 KB | 4.9 KB | 2.9 KB | none |"
    `);
  });
});

describe('formatWeightSummary', () => {
  test('groups pages by template and shows the heaviest of each', () => {
    expect(
      [
        'index.html',
        'data-storage/index.html',
        'configs/index.html',
        'configs/ci-cd/index.html',
        '404.html',
        'well-architected/index.html',
        'well-architected/analytics/index.html',
      ].map(pageGroup),
    ).toEqual([
      '/ (map)',
      '/<chapter>/',
      '/configs/',
      '/configs/<id>/',
      '/404',
      '/well-architected/',
      '/well-architected/<id>/',
    ]);
    const summary = formatWeightSummary([
      weight({ page: 'index.html', js: 140_000, framework: true }),
      weight({ page: 'data-storage/index.html', html: 30_000 }),
      weight({ page: 'security/index.html', html: 36_000 }),
    ]);
    expect(summary).toMatchInlineSnapshot(`
      "| pages | count | HTML | CSS | JS before search | framework |
      | --- | ---: | ---: | ---: | ---: | --- |
      | / (map) | 1 | 19.5 KB | 4.9 KB | 136.7 KB | React |
      | /<chapter>/ | 2 | 35.2 KB | 4.9 KB | 2.9 KB | none |"
    `);
  });
});
