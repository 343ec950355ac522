import { describe, expect, test } from 'vitest';
import type { PagefindFragment, PagefindSubResult } from '../../../src/lib/search/pagefind-api.ts';
import { describeResults, pickSections, toResultView } from '../../../src/lib/search/results.ts';

/** A sub result under a heading, with one matched word of the given score. */
const section = (
  id: string,
  score: number,
  over: Partial<PagefindSubResult> = {},
): PagefindSubResult => ({
  title: id.replace(/-/g, ' '),
  url: `/stream-ingestion/#${id}`,
  excerpt: `about <mark>${id}</mark>`,
  weighted_locations: [{ weight: 1, balanced_score: score, location: 0 }],
  anchor: { element: 'h2', id },
  ...over,
});

/** A loaded chapter result with overrides. */
const fragment = (over: Partial<PagefindFragment> = {}): PagefindFragment => ({
  url: '/stream-ingestion/',
  excerpt: 'Kafka carries <mark>late</mark> events',
  content: 'Kafka carries late events',
  sub_results: [],
  meta: { title: 'Streaming ingestion & pre-processing', node: 'stream-ingestion' },
  filters: { kind: ['chapter'], part: ['A Data ingestion'] },
  ...over,
});

describe('toResultView', () => {
  test('reads title, kind, part, excerpt and map node of a chapter', () => {
    const view = toResultView(fragment());
    expect({ ...view, excerpt: view.excerpt.length }).toMatchInlineSnapshot(`
      {
        "excerpt": 3,
        "kind": "chapter",
        "kindLabel": "Chapter",
        "nodeId": "stream-ingestion",
        "parts": [
          {
            "id": "A",
            "title": "Data ingestion",
          },
        ],
        "sections": [],
        "title": "Streaming ingestion & pre-processing",
        "url": "/stream-ingestion/",
      }
    `);
  });

  test('gives no map node to pages that are not chapters', () => {
    const view = toResultView(
      fragment({
        filters: { kind: ['config'] },
        meta: { title: 'Configs', node: 'stream-ingestion' },
      }),
    );
    expect(view.nodeId).toBeUndefined();
    expect(view.parts).toEqual([]);
    expect(view.kindLabel).toBe('Config');
  });

  test('lists every part of a page about several components, in part order', () => {
    const view = toResultView(
      fragment({ filters: { kind: ['benchmark'], part: ['B Data platform', 'A Data ingestion'] } }),
    );
    expect(view.parts.map((p) => p.id)).toEqual(['A', 'B']);
  });

  test('falls back to the URL when a page has no title', () => {
    expect(toResultView(fragment({ meta: {} })).title).toBe('/stream-ingestion/');
  });
});

describe('pickSections', () => {
  test('keeps the best three sections under headings, best first', () => {
    // Text before the first heading: the page's own URL and no anchor.
    const intro = section('intro', 9, { url: '/stream-ingestion/' });
    delete intro.anchor;
    const subs = [
      intro,
      section('role', 1),
      section('late-data-and-watermarks', 8),
      section('checkpoints', 3),
      section('sources', 2),
    ];
    expect(pickSections(subs, '/stream-ingestion/').map((s) => s.title)).toEqual([
      'late data and watermarks',
      'checkpoints',
      'sources',
    ]);
  });

  test('keeps page order when scores tie or are missing', () => {
    const subs = [
      section('b', 0, { weighted_locations: [] }),
      section('a', 0, { weighted_locations: [] }),
    ];
    expect(pickSections(subs, '/x/').map((s) => s.url)).toEqual([
      '/stream-ingestion/#b',
      '/stream-ingestion/#a',
    ]);
  });
});

describe('describeResults', () => {
  test('says how many results a query found', () => {
    expect(describeResults(3, ' late events ', false)).toBe('3 results for “late events”');
    expect(describeResults(1, 'Debezium', false)).toBe('1 result for “Debezium”');
    expect(describeResults(0, 'nothing', true)).toBe('No results for “nothing” with these filters');
  });
  test('counts pages when only filters are set', () => {
    expect(describeResults(4, '', true)).toBe('4 pages with these filters');
  });
});
