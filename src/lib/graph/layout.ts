import type { Graph, GraphNode, Side } from './schema.ts';
import { splitEndpoint } from './endpoint.ts';

/** A rectangle on the map, in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space around the zones inside their node, and between parts' regions and their members. */
export const ZONE_PADDING = 16;
export const ZONE_GAP = 14;
export const ZONE_HEIGHT = 64;
export const PART_PADDING = 18;
export const PART_LABEL_HEIGHT = 30;
/** A cross-cutting part says so on a second label line: on one line it overran a one-component region. */
export const PART_LABEL_HEIGHT_CROSS_CUTTING = 50;

/** Height of a part's label band: two lines when every member is cross-cutting. */
export function partLabelHeight(graph: Graph, partId: string): number {
  const members = graph.nodes.filter((n) => n.part === partId);
  return members.length > 0 && members.every((n) => n.crossCutting)
    ? PART_LABEL_HEIGHT_CROSS_CUTTING
    : PART_LABEL_HEIGHT;
}

/** Box of a node on the map. */
export function nodeBox(node: GraphNode): Box {
  return { x: node.position[0], y: node.position[1], width: node.size[0], height: node.size[1] };
}

/** Boxes of a node's zones relative to the node: one row along its bottom, in promotion order. */
export function zoneBoxes(node: GraphNode): Box[] {
  const n = node.zones.length;
  if (n === 0) return [];
  const width = (node.size[0] - 2 * ZONE_PADDING - (n - 1) * ZONE_GAP) / n;
  const y = node.size[1] - ZONE_HEIGHT - ZONE_PADDING;
  return node.zones.map((_, i) => ({
    x: ZONE_PADDING + i * (width + ZONE_GAP),
    y,
    width,
    height: ZONE_HEIGHT,
  }));
}

/** Absolute box of an endpoint (`node` or `node:zone`). */
export function endpointBox(graph: Graph, endpoint: string): Box {
  const { node: id, zone } = splitEndpoint(endpoint);
  const node = graph.nodes.find((n) => n.id === id)!;
  const box = nodeBox(node);
  if (!zone) return box;
  const z = zoneBoxes(node)[node.zones.findIndex((zz) => zz.id === zone)]!;
  return { ...z, x: box.x + z.x, y: box.y + z.y };
}

/** Region of a part: the bounding box of its nodes, padded, with room for the part's label on top. */
export function partBox(graph: Graph, partId: string): Box | undefined {
  const boxes = graph.nodes.filter((n) => n.part === partId).map(nodeBox);
  if (!boxes.length) return undefined;
  const minX = Math.min(...boxes.map((b) => b.x)) - PART_PADDING;
  const minY = Math.min(...boxes.map((b) => b.y)) - PART_PADDING - partLabelHeight(graph, partId);
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + PART_PADDING;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + PART_PADDING;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** True when two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** The sides two boxes face each other on: horizontal when they are further apart across than down. */
export function facingSides(from: Box, to: Box): [Side, Side] {
  const a = centre(from);
  const b = centre(to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? ['right', 'left'] : ['left', 'right'];
  return dy >= 0 ? ['bottom', 'top'] : ['top', 'bottom'];
}

/** Size of the whole drawing (all parts' regions), for server rendering and fit-to-view. */
export function graphBounds(graph: Graph): Box {
  const boxes = graph.parts
    .map((p) => partBox(graph, p.id))
    .filter((b): b is Box => b !== undefined);
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
