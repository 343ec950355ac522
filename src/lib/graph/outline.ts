import type { Graph } from './schema.ts';
import { getNeighbours } from './neighbours.ts';
import { splitEndpoint } from './validate-graph.ts';

/** One flow as a sentence, e.g. "Batch ingestion writes raw extracts to Data storage (Landing)." */
export interface OutlineFlow {
  text: string;
  /** The component at the other end, for a link. */
  nodeId: string;
}

/** A component in the outline, with the flows leaving it. */
export interface OutlineComponent {
  id: string;
  number: number;
  title: string;
  summary: string;
  zones: string[];
  outgoing: OutlineFlow[];
  incoming: OutlineFlow[];
}

/** A part of the platform in the outline. */
export interface OutlinePart {
  id: string;
  title: string;
  components: OutlineComponent[];
}

/** Name an endpoint in prose: the component's title, with its zone in brackets. */
function endpointName(graph: Graph, titles: Record<string, string>, endpoint: string): string {
  const { node, zone } = splitEndpoint(endpoint);
  const label = zone
    ? graph.nodes.find((n) => n.id === node)?.zones.find((z) => z.id === zone)?.label
    : undefined;
  return label ? `${titles[node] ?? node} (${label})` : (titles[node] ?? node);
}

/**
 * The text outline of the whole graph: parts, their components in number order, and every flow
 * in words. It is the map for screen readers and for readers without JavaScript.
 */
export function buildOutline(
  graph: Graph,
  facts: Record<string, { title: string; summary: string }>,
): OutlinePart[] {
  const titles = Object.fromEntries(graph.nodes.map((n) => [n.id, facts[n.id]?.title ?? n.label]));
  return graph.parts
    .map((part) => ({
      id: part.id,
      title: part.title,
      components: graph.nodes
        .filter((n) => n.part === part.id)
        .sort((a, b) => a.number - b.number)
        .map((n) => {
          const { upstream, downstream } = getNeighbours(graph, n.id);
          const sentence = (e: Graph['edges'][number]) =>
            `${endpointName(graph, titles, e.source)} ${e.label} ${endpointName(graph, titles, e.target)}.`;
          const internal = graph.edges.filter(
            (e) => splitEndpoint(e.source).node === n.id && splitEndpoint(e.target).node === n.id,
          );
          return {
            id: n.id,
            number: n.number,
            title: titles[n.id]!,
            summary: facts[n.id]?.summary ?? '',
            zones: n.zones.map((z) => z.label),
            outgoing: [...internal.map((e) => e), ...downstream.map((d) => d.edge)].map((e) => ({
              text: sentence(e),
              nodeId: splitEndpoint(e.target).node,
            })),
            incoming: upstream.map(({ edge, nodeId }) => ({ text: sentence(edge), nodeId })),
          };
        }),
    }))
    .filter((p) => p.components.length > 0);
}
