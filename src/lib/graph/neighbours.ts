import type { Graph, GraphEdge } from './schema.ts';
import { splitEndpoint } from './validate-graph.ts';

/** A flow seen from one component: the edge and the component at its other end. */
export interface Neighbour {
  edge: GraphEdge;
  /** The component at the other end (zones resolve to their component). */
  nodeId: string;
}

/** The component an endpoint belongs to (`data-storage:gold` → `data-storage`). */
export function endpointNode(endpoint: string): string {
  return splitEndpoint(endpoint).node;
}

/** List the upstream and downstream neighbours of a component, ignoring flows inside it. */
export function getNeighbours(
  graph: Graph,
  nodeId: string,
): { upstream: Neighbour[]; downstream: Neighbour[] } {
  const upstream: Neighbour[] = [];
  const downstream: Neighbour[] = [];
  for (const edge of graph.edges) {
    const source = endpointNode(edge.source);
    const target = endpointNode(edge.target);
    if (source === target) continue;
    if (target === nodeId) upstream.push({ edge, nodeId: source });
    if (source === nodeId) downstream.push({ edge, nodeId: target });
  }
  return { upstream, downstream };
}

/** Ids of every component joined to `nodeId` by a flow, in graph order, without repeats. */
export function getNeighbourIds(graph: Graph, nodeId: string): string[] {
  const { upstream, downstream } = getNeighbours(graph, nodeId);
  return [...new Set([...upstream, ...downstream].map((n) => n.nodeId))];
}
