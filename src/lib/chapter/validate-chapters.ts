import type { Graph } from '../graph/schema.ts';
import type { ChapterData } from './schema.ts';

/** A chapter as the cross-checks see it: its id (file name) and frontmatter. */
export interface ChapterRef {
  id: string;
  data: Pick<ChapterData, 'related'>;
}

/** Path of a chapter's source file, used in every message about it. */
export function chapterFile(id: string): string {
  return `content/chapters/${id}.mdx`;
}

/**
 * Cross-check chapters against the graph in both directions: every node has a chapter, every
 * chapter is a node (its number and part come from there), and every related id is a component.
 */
export function findChapterProblems(graph: Graph, chapters: ReadonlyArray<ChapterRef>): string[] {
  const problems: string[] = [];
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const chapterIds = new Set(chapters.map((c) => c.id));
  const known = [...nodes.keys()].join(', ');

  for (const node of graph.nodes) {
    if (!chapterIds.has(node.id))
      problems.push(
        `diagram/graph.yaml: node "${node.id}" (${node.number} ${node.label}) has no chapter; expected ${chapterFile(node.id)}.`,
      );
  }
  for (const chapter of chapters) {
    const file = chapterFile(chapter.id);
    const node = nodes.get(chapter.id);
    if (!node) {
      problems.push(
        `${file}: no node "${chapter.id}" in diagram/graph.yaml; the file name must be a node id. Known nodes: ${known}`,
      );
      continue;
    }
    chapter.data.related.forEach((id, i) => {
      if (!nodes.has(id))
        problems.push(`${file}: related[${i}]: "${id}" is not a component. Known nodes: ${known}`);
    });
  }
  return problems;
}
