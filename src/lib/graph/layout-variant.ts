import type { Box } from './layout.ts';
import { handlesFor, type FlowModel, type MapEdge, type MapNode } from './to-flow.ts';

// The island receives one full model (the desktop drawing, which the server renders) and, for a
// second drawing of the same graph (the phone one), only what differs: boxes and edge handles.
// That keeps the page's props small (the full model is ~55 kB of JSON, this is ~2 kB).

/** What a second drawing of the same graph changes: every node's box and every edge's handles. */
export interface LayoutVariant {
  /** Node id → [x, y, width, height]; x and y relative to the parent for a zone. */
  nodes: Record<string, [number, number, number, number]>;
  /** Edge id → [source handle, target handle]. */
  edges: Record<string, [string, string]>;
  /** Size of the whole drawing. */
  bounds: Box;
}

/** Reduce a model to the boxes and handles another model of the same graph can take from it. */
export function toLayoutVariant(model: FlowModel): LayoutVariant {
  return {
    nodes: Object.fromEntries(
      model.nodes.map((n) => [n.id, [n.position.x, n.position.y, n.width!, n.height!]]),
    ),
    edges: Object.fromEntries(model.edges.map((e) => [e.id, [e.sourceHandle!, e.targetHandle!]])),
    bounds: model.bounds,
  };
}

/** The model redrawn with a variant's boxes and handles; everything else (labels, classes, data) is kept. */
export function applyLayoutVariant(model: FlowModel, variant: LayoutVariant): FlowModel {
  const nodes = model.nodes.map((n): MapNode => {
    const box = variant.nodes[n.id];
    if (!box)
      throw new Error(
        `layout variant: node "${n.id}" has no box. Boxes exist for: ${Object.keys(variant.nodes).join(', ')}`,
      );
    const [x, y, width, height] = box;
    return {
      ...n,
      position: { x, y },
      width,
      height,
      ...(n.handles ? { handles: handlesFor(width, height) } : {}),
    };
  });
  const edges = model.edges.map((e): MapEdge => {
    const handles = variant.edges[e.id];
    if (!handles)
      throw new Error(
        `layout variant: edge "${e.id}" has no handles. Handles exist for: ${Object.keys(variant.edges).join(', ')}`,
      );
    return { ...e, sourceHandle: handles[0], targetHandle: handles[1] };
  });
  return { nodes, edges, bounds: variant.bounds };
}

/**
 * The model with each node's box in the variant carried as CSS custom properties (`--phone-x`,
 * `--phone-y`, `--phone-w`, `--phone-h`, absolute for zones too), so a stylesheet can draw the
 * server render in the variant's layout before any script runs.
 */
export function withVariantBoxes(
  model: FlowModel,
  variant: LayoutVariant,
  prefix = 'phone',
): FlowModel {
  const box = (id: string) => variant.nodes[id] ?? [0, 0, 0, 0];
  const nodes = model.nodes.map((n): MapNode => {
    const [x, y, width, height] = box(n.id);
    const [px, py] = n.parentId ? box(n.parentId) : [0, 0];
    const vars = {
      [`--${prefix}-x`]: `${px + x}px`,
      [`--${prefix}-y`]: `${py + y}px`,
      [`--${prefix}-w`]: `${width}px`,
      [`--${prefix}-h`]: `${height}px`,
    };
    return { ...n, style: { ...n.style, ...vars } };
  });
  return { ...model, nodes };
}

/** The box around some of a model's nodes, in map pixels (zones placed inside their parent). */
export function boundsOfNodes(model: FlowModel, ids: string[]): Box {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const boxes = ids.map((id) => {
    const n = byId.get(id);
    if (!n) throw new Error(`boundsOfNodes: no node "${id}" in the model`);
    const parent = n.parentId ? byId.get(n.parentId)!.position : { x: 0, y: 0 };
    return {
      x: parent.x + n.position.x,
      y: parent.y + n.position.y,
      width: n.width!,
      height: n.height!,
    };
  });
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
}
