import { describe, expect, test } from 'vitest';
import { addGraphFacts } from '../../../src/lib/chapter/graph-facts.ts';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';

const tiny = parseGraph(`
parts: [{ id: A, title: Ingestion }, { id: B, title: Platform }]
nodes:
  - { id: kafka, number: 1, part: A, label: Kafka, position: [0, 0] }
  - { id: lake, number: 2, part: B, label: Lake, position: [0, 0] }
edges: []
`);

describe('addGraphFacts', () => {
  test("gives each chapter its node's number and part, keeping the rest of the entry", () => {
    const chapters = [
      { id: 'lake', data: { title: 'Lake' }, body: 'b' },
      { id: 'kafka', data: { title: 'Kafka' }, body: 'k' },
    ];
    expect(addGraphFacts(tiny, chapters)).toEqual([
      { id: 'lake', data: { title: 'Lake', number: 2, part: 'B' }, body: 'b' },
      { id: 'kafka', data: { title: 'Kafka', number: 1, part: 'A' }, body: 'k' },
    ]);
  });

  test('fails on a chapter whose id is not a node, naming the file and the known nodes', () => {
    expect(() =>
      addGraphFacts(tiny, [{ id: 'spark', data: {} }]),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/chapters/spark.mdx: no node "spark" in diagram/graph.yaml; the file name must be a node id. Known nodes: kafka, lake]`,
    );
  });
});
