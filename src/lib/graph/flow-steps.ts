// What a named flow lights up, apart from flows.ts (schemas and YAML parsing) so that the map
// island can import it without bundling zod.
import type { NamedFlow } from './flows.ts';
import { flowNodeId } from './to-flow.ts';

/** React Flow node and edge ids lit up when a flow is shown up to and including `step` (0-based). */
export function litByFlow(flow: NamedFlow, step: number): { nodes: Set<string>; edges: Set<string> } {
  const upTo = flow.steps.slice(0, Math.max(0, Math.min(step, flow.steps.length - 1)) + 1);
  return {
    nodes: new Set(upTo.flatMap((s) => s.nodes.map(flowNodeId))),
    edges: new Set(upTo.flatMap((s) => s.edges)),
  };
}
