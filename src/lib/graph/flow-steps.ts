// What a named flow lights up, apart from flows.ts (schemas and YAML parsing) so that the map
// island can import it without bundling zod.
import type { NamedFlow } from './flows.ts';
import { flowNodeId } from './to-flow.ts';
import { splitEndpoint } from './endpoint.ts';

/** React Flow node and edge ids lit up when a flow is shown up to and including `step` (0-based). */
export function litByFlow(
  flow: NamedFlow,
  step: number,
): { nodes: Set<string>; edges: Set<string> } {
  const upTo = flow.steps.slice(0, Math.max(0, Math.min(step, flow.steps.length - 1)) + 1);
  return {
    nodes: new Set(upTo.flatMap((s) => s.nodes.map(flowNodeId))),
    edges: new Set(upTo.flatMap((s) => s.edges)),
  };
}

/** Where a node or edge stands in a walkthrough: the latest step so far that names it (1-based), and whether that is the current step. */
export interface StepMark {
  step: number;
  current: boolean;
}

/** Marks for every node and edge lit up to `step` (0-based), so the map can number them and set the current step apart. */
export function markFlowSteps(
  flow: NamedFlow,
  step: number,
): { nodes: Map<string, StepMark>; edges: Map<string, StepMark> } {
  const at = Math.max(0, Math.min(step, flow.steps.length - 1));
  const nodes = new Map<string, StepMark>();
  const edges = new Map<string, StepMark>();
  flow.steps.slice(0, at + 1).forEach((s, i) => {
    const mark = { step: i + 1, current: i === at };
    for (const n of s.nodes) nodes.set(flowNodeId(n), mark);
    for (const e of s.edges) edges.set(e, mark);
  });
  return { nodes, edges };
}

/** React Flow ids of the nodes the current step names: what the map pans to. */
export function currentStepNodeIds(flow: NamedFlow, step: number): string[] {
  const s = flow.steps[Math.max(0, Math.min(step, flow.steps.length - 1))];
  return s ? s.nodes.map(flowNodeId) : [];
}

/** What a key does in a walkthrough of `count` steps at `step`: go to another step, end it, or nothing. */
export function walkthroughKey(
  key: string,
  step: number,
  count: number,
): { step: number } | 'end' | undefined {
  if (key === 'Escape') return 'end';
  if (key === 'ArrowRight' && step < count - 1) return { step: step + 1 };
  if (key === 'ArrowLeft' && step > 0) return { step: step - 1 };
  return undefined;
}

/** True when a walkthrough passes through a component (directly or through one of its zones). */
export function flowTouches(flow: NamedFlow, componentId: string): boolean {
  return flow.steps.some((s) => s.nodes.some((n) => splitEndpoint(n).node === componentId));
}
