import type { Graph, PartId } from '../graph/schema.ts';

/** What the graph says about a chapter's component: its number and its part. */
export interface GraphFacts {
  /** The component's number in diagram/graph.yaml. */
  number: number;
  /** The part (A–H) the graph puts the component in. */
  part: PartId;
}

/**
 * Give each chapter its component's number and part from the graph, so a chapter never restates
 * them. A chapter whose id is not a node throws, naming its file and the known nodes; callers
 * run findChapterProblems first to report every such chapter at once.
 */
export function addGraphFacts<C extends { id: string; data: object }>(
  graph: Graph,
  chapters: ReadonlyArray<C>,
): Array<C & { data: C['data'] & GraphFacts }> {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  return chapters.map((chapter) => {
    const node = nodes.get(chapter.id);
    if (!node)
      throw new Error(
        `content/chapters/${chapter.id}.mdx: no node "${chapter.id}" in diagram/graph.yaml; the file name must be a node id. Known nodes: ${[...nodes.keys()].join(', ')}`,
      );
    return { ...chapter, data: { ...chapter.data, number: node.number, part: node.part } };
  });
}
