import { describe, expect, test } from 'vitest';
import { routes, routesFor, withBase } from '../../../src/lib/site/routes.ts';

describe('withBase', () => {
  test('joins the base path and a root-relative path', () => {
    expect(withBase('/', '/data-storage/')).toBe('/data-storage/');
    expect(withBase('/pr-4/', '/data-storage/')).toBe('/pr-4/data-storage/');
    expect(withBase('/pr-4', 'configs/')).toBe('/pr-4/configs/');
  });
  test('leaves absolute URLs and fragments alone', () => {
    expect(withBase('/pr-4/', 'https://example.org/')).toBe('https://example.org/');
    expect(withBase('/pr-4/', '#top')).toBe('#top');
  });
});

// Every route once, with arguments shaped like the site's real ids.
const everyRoute = (r: typeof routes) => ({
  home: r.home(),
  mapNode: r.mapNode('olap'),
  chapter: r.chapter('data-storage'),
  chapterLenses: r.chapter('olap', 'well-architected'),
  chapterReadiness: r.chapter('olap', 'production-readiness-checklist'),
  chapters: r.chapters(),
  chaptersPart: r.chapters('C'),
  readiness: r.readiness(),
  configs: r.configs(),
  config: r.config('etl-cluster'),
  configFile: r.configFile('etl-cluster', 'dbt/profiles.yml'),
  configZip: r.configZip('etl-cluster'),
  benchmarks: r.benchmarks(),
  benchmark: r.benchmark('olap-ssb'),
  wellArchitected: r.wellArchitected(),
  lens: r.lens('financial-services'),
  lensFiltered: r.lens('financial-services', '?pillar=security'),
  download: r.download('platform.svg'),
  sitemapIndex: r.sitemapIndex(),
});

describe('routes', () => {
  test('spells every page root-relative, pages with a trailing slash and files without', () => {
    expect(everyRoute(routes)).toMatchInlineSnapshot(`
      {
        "benchmark": "/benchmarks/olap-ssb/",
        "benchmarks": "/benchmarks/",
        "chapter": "/data-storage/",
        "chapterLenses": "/olap/#well-architected",
        "chapterReadiness": "/olap/#production-readiness-checklist",
        "chapters": "/chapters/",
        "chaptersPart": "/chapters/#part-C",
        "config": "/configs/etl-cluster/",
        "configFile": "/configs/etl-cluster/files/dbt/profiles.yml",
        "configZip": "/configs/etl-cluster.zip",
        "configs": "/configs/",
        "download": "/downloads/platform.svg",
        "home": "/",
        "lens": "/well-architected/financial-services/",
        "lensFiltered": "/well-architected/financial-services/?pillar=security",
        "mapNode": "/?node=olap",
        "readiness": "/readiness/",
        "sitemapIndex": "/sitemap-index.xml",
        "wellArchitected": "/well-architected/",
      }
    `);
  });

  test('with the root base, routesFor gives the root-relative paths unchanged', () => {
    expect(everyRoute(routesFor('/'))).toEqual(everyRoute(routes));
  });

  test('with a preview base path, every route starts with it once', () => {
    expect(everyRoute(routesFor('/preview/pr-1/'))).toMatchInlineSnapshot(`
      {
        "benchmark": "/preview/pr-1/benchmarks/olap-ssb/",
        "benchmarks": "/preview/pr-1/benchmarks/",
        "chapter": "/preview/pr-1/data-storage/",
        "chapterLenses": "/preview/pr-1/olap/#well-architected",
        "chapterReadiness": "/preview/pr-1/olap/#production-readiness-checklist",
        "chapters": "/preview/pr-1/chapters/",
        "chaptersPart": "/preview/pr-1/chapters/#part-C",
        "config": "/preview/pr-1/configs/etl-cluster/",
        "configFile": "/preview/pr-1/configs/etl-cluster/files/dbt/profiles.yml",
        "configZip": "/preview/pr-1/configs/etl-cluster.zip",
        "configs": "/preview/pr-1/configs/",
        "download": "/preview/pr-1/downloads/platform.svg",
        "home": "/preview/pr-1/",
        "lens": "/preview/pr-1/well-architected/financial-services/",
        "lensFiltered": "/preview/pr-1/well-architected/financial-services/?pillar=security",
        "mapNode": "/preview/pr-1/?node=olap",
        "readiness": "/preview/pr-1/readiness/",
        "sitemapIndex": "/preview/pr-1/sitemap-index.xml",
        "wellArchitected": "/preview/pr-1/well-architected/",
      }
    `);
  });

  test('a base path without its trailing slash gives the same URLs', () => {
    expect(everyRoute(routesFor('/preview/pr-1'))).toEqual(everyRoute(routesFor('/preview/pr-1/')));
  });
});
