import { describe, expect, test } from 'vitest';
import {
  getKindLabel,
  parsePartValue,
  toFilterOptions,
  toPartFilterValues,
  toSearchFilters,
} from '../../../src/lib/search/filters.ts';

describe('filter options', () => {
  test('orders kinds chapter, config, benchmark, lens and parts by letter, with counts', () => {
    const options = toFilterOptions({
      kind: { lens: 1, chapter: 17, benchmark: 3, config: 17 },
      part: { 'H Data quality & lineage': 1, 'A Data ingestion': 4, 'B Data platform': 4 },
    });
    expect(options).toMatchInlineSnapshot(`
      {
        "kinds": [
          {
            "count": 17,
            "label": "Chapters (17)",
            "value": "chapter",
          },
          {
            "count": 17,
            "label": "Configs (17)",
            "value": "config",
          },
          {
            "count": 3,
            "label": "Benchmarks (3)",
            "value": "benchmark",
          },
          {
            "count": 1,
            "label": "Lens mappings (1)",
            "value": "lens",
          },
        ],
        "parts": [
          {
            "count": 4,
            "label": "A · Data ingestion (4)",
            "value": "A Data ingestion",
          },
          {
            "count": 4,
            "label": "B · Data platform (4)",
            "value": "B Data platform",
          },
          {
            "count": 1,
            "label": "H · Data quality & lineage (1)",
            "value": "H Data quality & lineage",
          },
        ],
      }
    `);
  });

  test('leaves out values no page carries and puts unknown kinds last', () => {
    const { kinds, parts } = toFilterOptions({ kind: { glossary: 2, chapter: 0, config: 1 } });
    expect(kinds.map((k) => k.value)).toEqual(['config', 'glossary']);
    expect(parts).toEqual([]);
  });

  test('builds a Pagefind filter from the choice, omitting "any"', () => {
    expect(toSearchFilters({ part: 'A Data ingestion', kind: '' })).toEqual({
      part: 'A Data ingestion',
    });
    expect(toSearchFilters({})).toEqual({});
  });

  test('labels kinds and splits part values', () => {
    expect(getKindLabel('lens')).toBe('Lens mapping');
    expect(getKindLabel('other')).toBe('other');
    expect(parsePartValue('G Security')).toEqual({ id: 'G', title: 'Security' });
    expect(parsePartValue('Loose')).toEqual({ id: '', title: 'Loose' });
  });
});

describe('part filter values', () => {
  const graph = {
    nodes: [
      { id: 'etl-cluster', part: 'B' },
      { id: 'batch-ingestion', part: 'A' },
      { id: 'data-storage', part: 'B' },
    ],
    parts: [
      { id: 'A', title: 'Data ingestion' },
      { id: 'B', title: 'Data platform' },
    ],
  };
  test('gives each part once, in part order', () => {
    expect(toPartFilterValues(['etl-cluster', 'batch-ingestion', 'data-storage'], graph)).toEqual([
      'A Data ingestion',
      'B Data platform',
    ]);
  });
  test('rejects a component that is not in the graph, listing the known ones', () => {
    expect(() => toPartFilterValues(['etl'], graph)).toThrowErrorMatchingInlineSnapshot(
      `[Error: Search filters: component "etl" is not a node of diagram/graph.yaml. Known nodes: etl-cluster, batch-ingestion, data-storage]`,
    );
  });
});
