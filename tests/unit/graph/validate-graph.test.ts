import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';

const minimal = (edges: string) => `
parts: [{ id: A, title: Ingestion }]
nodes:
  - { id: kafka, number: 1, part: A, label: Kafka, position: [0, 0] }
  - { id: lake, number: 2, part: A, label: Lake, position: [300, 0], zones: [{ id: raw, label: Raw }] }
edges:
${edges}
`;

describe('parseGraph', () => {
  test('accepts a valid graph and fills defaults', () => {
    const graph = parseGraph(
      minimal('  - { id: e1, source: kafka, target: "lake:raw", kind: stream, label: writes to }'),
    );
    expect(graph.nodes[0]).toMatchObject({ size: [200, 88], crossCutting: false, zones: [] });
    expect(graph.edges[0]!.seed).toBe(false);
  });

  test('rejects an edge whose target is not a node, listing the known nodes', () => {
    expect(() =>
      parseGraph(
        minimal('  - { id: e7, source: kafka, target: trino2, kind: query, label: queries }'),
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: diagram/graph.yaml: edge "e7" (edges[0].target) points at "trino2", which is not a node. Known nodes: kafka, lake]`,
    );
  });

  test('rejects an edge pointing at a zone the node does not have', () => {
    expect(() =>
      parseGraph(
        minimal('  - { id: e2, source: kafka, target: "lake:gold", kind: stream, label: writes }'),
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: diagram/graph.yaml: edge "e2" (edges[0].target) points at zone "gold" of "lake", which has no such zone. Its zones: raw]`,
    );
  });

  test('names the file, the field and the expected shape for a bad field', () => {
    const text = readFileSync('tests/fixtures/graph/bad-kind.yaml', 'utf8');
    expect(() =>
      parseGraph(text, 'tests/fixtures/graph/bad-kind.yaml'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: tests/fixtures/graph/bad-kind.yaml: edges[0].kind: expected one of batch, stream, promote, query, ml, control]`,
    );
  });

  test('rejects duplicate node ids and numbers', () => {
    const text = `
parts: [{ id: A, title: Ingestion }]
nodes:
  - { id: kafka, number: 1, part: A, label: Kafka, position: [0, 0] }
  - { id: kafka, number: 1, part: A, label: Kafka again, position: [0, 0] }
edges: []
`;
    expect(() => parseGraph(text)).toThrow(
      /node id "kafka" is used twice[\s\S]*component number 1 is used twice/,
    );
  });

  test('rejects YAML that does not parse, naming the file', () => {
    expect(() => parseGraph('parts: [', 'x.yaml')).toThrow(/^x\.yaml: not valid YAML/);
  });
});
