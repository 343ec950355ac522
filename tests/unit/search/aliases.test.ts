import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findUnknownAliasIds, getSearchAliases } from '../../../src/lib/search/aliases.ts';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';

describe('search aliases', () => {
  test('name only components of the graph', () => {
    const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
    expect(findUnknownAliasIds(graph.nodes.map((n) => n.id))).toEqual([]);
  });
  test('report an id that is not a component', () => {
    expect(findUnknownAliasIds(['a'], { a: ['x'], 'stream-ingestion2': ['y'] })).toEqual([
      'stream-ingestion2',
    ]);
  });
  test('join a component’s aliases into one metadata value', () => {
    expect(getSearchAliases('x', { x: ['message broker', 'pub/sub'] })).toBe(
      'message broker, pub/sub',
    );
    expect(getSearchAliases('none', {})).toBe('');
  });
});
