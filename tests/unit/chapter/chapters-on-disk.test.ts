// The real chapters, checked with the same code the build uses.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseChapter } from '../../../src/lib/chapter/parse-chapter.ts';
import { findChapterProblems } from '../../../src/lib/chapter/validate-chapters.ts';
import { findMissingSections } from '../../../src/lib/chapter/structure.ts';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';

const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const files = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'));
const chapters = files.map((f) => {
  const file = `content/chapters/${f}`;
  return { id: basename(f, '.mdx'), file, ...parseChapter(readFileSync(file, 'utf8'), file) };
});

describe('chapters on disk', () => {
  test('every graph node has a chapter and every chapter has a node', () => {
    expect(findChapterProblems(graph, chapters)).toEqual([]);
  });

  test.each(chapters.map((c) => [c.id, c] as const))(
    '%s has every required section',
    (_id, chapter) => {
      expect(findMissingSections(chapter.body)).toEqual([]);
    },
  );

  test.each(chapters.map((c) => [c.id, c] as const))(
    '%s links to its chapter neighbours only by known ids',
    (_id, chapter) => {
      const ids = new Set(graph.nodes.map((n) => n.id));
      const internal = [...chapter.body.matchAll(/\]\(\/([a-z0-9-]+)\/(?:#[^)]*)?\)/g)].map(
        (m) => m[1]!,
      );
      const reserved = new Set([
        'configs',
        'benchmarks',
        'lenses',
        'chapters',
        'well-architected',
        'search',
      ]);
      expect(internal.filter((id) => !ids.has(id) && !reserved.has(id))).toEqual([]);
    },
  );
});

describe('findChapterProblems', () => {
  const chapter = (id: string, related: string[] = []) => ({ id, data: { related } });
  const tiny = parseGraph(`
parts: [{ id: A, title: Ingestion }, { id: B, title: Platform }]
nodes:
  - { id: kafka, number: 1, part: A, label: Kafka, position: [0, 0] }
  - { id: lake, number: 2, part: B, label: Lake, position: [0, 0] }
edges: []
`);

  test('reports a node without a chapter, naming the expected file', () => {
    expect(findChapterProblems(tiny, [chapter('kafka')])).toEqual([
      'diagram/graph.yaml: node "lake" (2 Lake) has no chapter; expected content/chapters/lake.mdx.',
    ]);
  });

  test('reports a chapter without a node and a related id that is not a component', () => {
    expect(
      findChapterProblems(tiny, [chapter('kafka', ['trino']), chapter('lake'), chapter('spark')]),
    ).toEqual([
      'content/chapters/kafka.mdx: related[0]: "trino" is not a component. Known nodes: kafka, lake',
      'content/chapters/spark.mdx: no node "spark" in diagram/graph.yaml; the file name must be a node id. Known nodes: kafka, lake',
    ]);
  });
});
