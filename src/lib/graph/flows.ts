import { z } from 'zod';
import { DataError, parseOrThrow, parseYamlText } from '../errors/format-issues.ts';
import type { Graph } from './schema.ts';
import { splitEndpoint } from './validate-graph.ts';

/** One step of a named flow: what it lights up and what the reader is told. */
export const FlowStepSchema = z.object({
  /** Endpoints lit by this step: `<node>` or `<node>:<zone>`. */
  nodes: z.array(z.string().min(1)).min(1),
  /** Edge ids lit by this step. Default none. */
  edges: z.array(z.string().min(1)).default([]),
  /** One or two sentences shown as the step's narrative. */
  text: z.string().min(1),
});

/** A named path through the platform, e.g. the batch path. */
export const NamedFlowSchema = z.object({
  /** Stable id used in the URL (`?flow=batch`). */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case id'),
  /** Title shown in the flow picker, e.g. "Batch path". */
  title: z.string().min(1),
  /** One sentence describing the path. */
  summary: z.string().min(1),
  /** The steps in reading order. */
  steps: z.array(FlowStepSchema).min(2),
});
export type NamedFlow = z.infer<typeof NamedFlowSchema>;

export const FlowsFileSchema = z.object({ flows: z.array(NamedFlowSchema).min(1) });

/** Parse diagram/flows.yaml and check every endpoint and edge against the graph. */
export function parseFlows(text: string, graph: Graph, file = 'diagram/flows.yaml'): NamedFlow[] {
  const { flows } = parseOrThrow(FlowsFileSchema, parseYamlText(text, file), file);
  const problems: string[] = [];
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  flows.forEach((flow, f) =>
    flow.steps.forEach((step, s) => {
      step.nodes.forEach((endpoint, i) => {
        const { node, zone } = splitEndpoint(endpoint);
        const found = graph.nodes.find((n) => n.id === node);
        if (!found || (zone && !found.zones.some((z) => z.id === zone)))
          problems.push(
            `${file}: flows[${f}] "${flow.id}" steps[${s}].nodes[${i}]: "${endpoint}" is not a node or zone in diagram/graph.yaml.`,
          );
      });
      step.edges.forEach((id, i) => {
        if (!edgeIds.has(id))
          problems.push(
            `${file}: flows[${f}] "${flow.id}" steps[${s}].edges[${i}]: "${id}" is not an edge in diagram/graph.yaml.`,
          );
      });
    }),
  );
  if (problems.length) throw new DataError(problems.join('\n'));
  return flows;
}

export { litByFlow } from './flow-steps.ts';

/** Component ids a flow visits, in first-visit order (zones resolve to their component). */
export function componentsInFlow(flow: NamedFlow): string[] {
  return [...new Set(flow.steps.flatMap((s) => s.nodes.map((n) => splitEndpoint(n).node)))];
}
