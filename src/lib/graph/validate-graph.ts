import { DataError, parseOrThrow, parseYamlText } from '../errors/format-issues.ts';
import { splitEndpoint } from './endpoint.ts';
import { GraphSchema, type Graph } from './schema.ts';

// Re-exported for existing importers; browser code imports it from endpoint.ts.
export { splitEndpoint };

function listDuplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => (seen.has(v) ? true : (seen.add(v), false))))];
}

/** Check the references inside a parsed graph; returns one message per problem. */
export function findGraphProblems(graph: Graph, file: string): string[] {
  const problems: string[] = [];
  const nodeIds = graph.nodes.map((n) => n.id);
  const partIds = new Set(graph.parts.map((p) => p.id));
  const known = `Known nodes: ${nodeIds.join(', ')}`;

  for (const id of listDuplicates(nodeIds))
    problems.push(`${file}: node id "${id}" is used twice; ids must be unique.`);
  for (const n of listDuplicates(graph.nodes.map((n) => String(n.number))))
    problems.push(`${file}: component number ${n} is used twice; numbers must be unique.`);
  for (const id of listDuplicates(graph.edges.map((e) => e.id)))
    problems.push(`${file}: edge id "${id}" is used twice.`);

  graph.nodes.forEach((node, i) => {
    if (!partIds.has(node.part))
      problems.push(
        `${file}: nodes[${i}] "${node.id}" is in part "${node.part}", which is not listed under parts.`,
      );
  });

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  graph.edges.forEach((edge, i) => {
    for (const end of ['source', 'target'] as const) {
      const { node, zone } = splitEndpoint(edge[end]);
      const target = byId.get(node);
      if (!target) {
        problems.push(
          `${file}: edge "${edge.id}" (edges[${i}].${end}) points at "${node}", which is not a node. ${known}`,
        );
      } else if (zone && !target.zones.some((z) => z.id === zone)) {
        const zones = target.zones.map((z) => z.id).join(', ') || 'none';
        problems.push(
          `${file}: edge "${edge.id}" (edges[${i}].${end}) points at zone "${zone}" of "${node}", which has no such zone. Its zones: ${zones}`,
        );
      }
    }
    if (edge.source === edge.target)
      problems.push(`${file}: edge "${edge.id}" joins "${edge.source}" to itself.`);
  });
  return problems;
}

/** Parse and validate graph YAML text; throws a DataError naming the file and every problem. */
export function parseGraph(text: string, file = 'diagram/graph.yaml'): Graph {
  const graph = parseOrThrow(GraphSchema, parseYamlText(text, file), file);
  const problems = findGraphProblems(graph, file);
  if (problems.length) throw new DataError(problems.join('\n'));
  return graph;
}
