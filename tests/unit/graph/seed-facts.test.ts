// The map must keep every fact of the original author's diagram. The expected facts are written
// here, not read from ../shared, so the project stands on its own.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseGraph, splitEndpoint } from '../../../src/lib/graph/validate-graph.ts';

const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));

/** Seed component number → [our id, part]. */
const SEED_NODES: Record<number, [string, string]> = {
  1: ['batch-sources', 'A'],
  2: ['streaming-sources', 'A'],
  3: ['batch-ingestion', 'A'],
  4: ['stream-ingestion', 'A'],
  5: ['data-storage', 'B'],
  6: ['etl-cluster', 'B'],
  7: ['adhoc-cluster', 'B'],
  8: ['realtime-analytics', 'B'],
  9: ['experiment-tracking', 'C'],
  10: ['feature-store', 'C'],
  11: ['ml-serving', 'C'],
  12: ['bi-cluster', 'D'],
  13: ['orchestration', 'E'],
  14: ['infrastructure-as-code', 'F'],
  15: ['security', 'G'],
  16: ['data-quality-lineage', 'H'],
  17: ['ci-cd', 'F'],
};

/** Seed edges as drawn: [from, to], numbers or "5:Zone". */
const SEED_EDGES: Array<[string | number, string | number]> = [
  [1, 3],
  [2, 4],
  [3, '5:Landing'],
  [4, '5:Landing'],
  [4, 8],
  ['5:Landing', '5:Bronze'],
  ['5:Bronze', '5:Silver'],
  ['5:Silver', '5:Gold'],
  ['5:Gold', 10],
  [9, 10],
  [11, 9],
  [6, 5],
  [8, 5],
  [7, 5],
  [7, 8],
  [7, 9],
  [12, '5:Gold'],
  [12, 8],
];

function toEndpoint(seed: string | number): string {
  if (typeof seed === 'number') return SEED_NODES[seed]![0];
  const [n, zone] = seed.split(':');
  return `${SEED_NODES[Number(n)]![0]}:${zone!.toLowerCase()}`;
}

describe('the platform graph keeps the seed diagram', () => {
  test.each(Object.entries(SEED_NODES))(
    'component %s is present with its id and part',
    (number, [id, part]) => {
      const node = graph.nodes.find((n) => n.number === Number(number));
      expect(node, `no node numbered ${number}`).toBeDefined();
      expect(node!.id).toBe(id);
      expect(node!.part).toBe(part);
    },
  );

  test('has exactly the 17 seed components', () => {
    expect(graph.nodes.map((n) => n.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
  });

  test('data storage holds the zones landing → bronze → silver → gold in order', () => {
    const storage = graph.nodes.find((n) => n.id === 'data-storage')!;
    expect(storage.zones.map((z) => z.label)).toEqual(['Landing', 'Bronze', 'Silver', 'Gold']);
  });

  test.each(SEED_EDGES)('seed edge %s → %s is drawn and marked as seed', (from, to) => {
    const source = toEndpoint(from);
    const target = toEndpoint(to);
    const edge = graph.edges.find((e) => e.source === source && e.target === target);
    expect(edge, `missing edge ${source} → ${target}`).toBeDefined();
    expect(edge!.seed).toBe(true);
  });

  test('every edge marked as seed is one of the seed edges', () => {
    const expected = new Set(SEED_EDGES.map(([f, t]) => `${toEndpoint(f)}>${toEndpoint(t)}`));
    const seedEdges = graph.edges.filter((e) => e.seed).map((e) => `${e.source}>${e.target}`);
    expect(seedEdges.filter((e) => !expected.has(e))).toEqual([]);
  });

  test('the seed parts A–H are all present with their titles', () => {
    expect(graph.parts.map((p) => `${p.id} ${p.title}`)).toEqual([
      'A Data ingestion',
      'B Data platform',
      'C ML platform',
      'D BI',
      'E Orchestration',
      'F Infrastructure',
      'G Security',
      'H Data quality & lineage',
    ]);
  });

  test('every edge joins known nodes and zones', () => {
    for (const edge of graph.edges) {
      for (const end of [edge.source, edge.target]) {
        const { node, zone } = splitEndpoint(end);
        const found = graph.nodes.find((n) => n.id === node);
        expect(found, `${edge.id}: ${end}`).toBeDefined();
        if (zone) expect(found!.zones.map((z) => z.id)).toContain(zone);
      }
    }
  });

  test('the cross-cutting components are marked as such', () => {
    expect(
      graph.nodes
        .filter((n) => n.crossCutting)
        .map((n) => n.number)
        .sort((a, b) => a - b),
    ).toEqual([13, 14, 15, 16, 17]);
  });
});
