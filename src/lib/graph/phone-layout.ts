import type { Graph, GraphNode } from './schema.ts';
import { PART_PADDING, partLabelHeight } from './layout.ts';

// The desktop positions in diagram/graph.yaml draw the platform left to right, 1 776 map pixels
// wide: a 360 px phone would need a zoom of 0.15 to fit it, below the map's minimum of 0.2, so it
// opened at 0.2 with its right edge cut off and 3 px labels. A portrait screen gets its
// own arrangement of the same graph, computed here: parts stacked top to bottom in letter order,
// their components two to a row in number order, so the map is 420 map pixels wide and
// opens at zoom 0.77 (16 px labels drawn at 12.3 px) on a 360 px phone.

/** Width of a component on the phone map; two of them and a gap fill a part's row. */
export const PHONE_NODE_WIDTH = 180;
/** Height of a component: room for a three-line label ("Experiments & model registry") and two lines of technologies at this width. */
export const PHONE_NODE_HEIGHT = 112;
/** Height of a component with zones (Data storage): its label and tech lines, then the zones. */
export const PHONE_ZONED_NODE_HEIGHT = 180;
/** Space between components in a part, and between parts. */
export const PHONE_GAP = 24;
/** Width of every part's region: two columns of components inside the part padding. */
export const PHONE_PART_WIDTH = 2 * PHONE_NODE_WIDTH + PHONE_GAP + 2 * PART_PADDING;
/** Width of a region when two one-component parts share a row. */
const HALF_PART_WIDTH = (PHONE_PART_WIDTH - PHONE_GAP) / 2;

/**
 * Longest part title that fits a half-width region's label (chip and 14 px bold text in 211 map
 * px): "Orchestration" does, "Data quality & lineage" runs past its box, so that part keeps a row.
 */
const HALF_PART_TITLE_MAX = 16;

type Placed = Pick<GraphNode, 'position' | 'size'>;

/** Rows of a part's components: one with zones takes a row to itself, the others fill `columns` to a row. */
function rowsOf(members: GraphNode[], columns: number): GraphNode[][] {
  const rows: GraphNode[][] = [];
  for (const node of members) {
    const last = rows.at(-1);
    if (node.zones.length === 0 && last && last.length < columns && last[0]!.zones.length === 0)
      last.push(node);
    else rows.push([node]);
  }
  return rows;
}

/**
 * Place one part's components in a region `width` wide with its top-left corner at (x, y), in
 * `columns` columns (a component with zones, or a part's only one, spans them all); returns the region's height.
 */
function placePart(
  graph: Graph,
  members: GraphNode[],
  at: { x: number; y: number; width: number; columns: number },
  out: Map<string, Placed>,
): number {
  const inner = at.width - 2 * PART_PADDING;
  const column = (inner - (at.columns - 1) * PHONE_GAP) / at.columns;
  let top = at.y + partLabelHeight(graph, members[0]!.part) + PART_PADDING;
  for (const row of rowsOf(members, at.columns)) {
    const zoned = row.some((n) => n.zones.length > 0);
    const height = zoned ? PHONE_ZONED_NODE_HEIGHT : PHONE_NODE_HEIGHT;
    // A component with zones, or a part's only component, spans the row: the region, sized by its
    // members, then keeps the full width, and the part's title has room.
    const span = zoned || members.length === 1;
    row.forEach((node, i) =>
      out.set(node.id, {
        position: [at.x + PART_PADDING + i * (column + PHONE_GAP), top],
        size: [span ? inner : column, height],
      }),
    );
    top += height + PHONE_GAP;
  }
  return top - PHONE_GAP + PART_PADDING - at.y;
}

/**
 * The graph laid out for a portrait phone: the same parts, components, zones and edges, with
 * new positions and sizes. Parts run top to bottom in letter order; two neighbouring parts of one
 * component each, with short titles, share a row. Edges lose their fixed sides, which were chosen for the desktop
 * drawing: on this one the facing sides are used.
 */
export function layOutForPhone(graph: Graph): Graph {
  const placed = new Map<string, Placed>();
  const byPart = graph.parts
    .map((p) => graph.nodes.filter((n) => n.part === p.id).sort((a, b) => a.number - b.number))
    .filter((m) => m.length > 0);
  let y = 0;
  for (let i = 0; i < byPart.length; i++) {
    const members = byPart[i]!;
    const next = byPart[i + 1];
    const fitsHalf = (m: GraphNode[] | undefined): m is GraphNode[] =>
      m?.length === 1 &&
      m[0]!.zones.length === 0 &&
      graph.parts.find((p) => p.id === m[0]!.part)!.title.length <= HALF_PART_TITLE_MAX;
    if (fitsHalf(members) && fitsHalf(next)) {
      // Both regions start on one line; their labels may differ in height, so their nodes may not.
      const left = placePart(
        graph,
        members,
        { x: 0, y, width: HALF_PART_WIDTH, columns: 1 },
        placed,
      );
      const right = placePart(
        graph,
        next,
        { x: HALF_PART_WIDTH + PHONE_GAP, y, width: HALF_PART_WIDTH, columns: 1 },
        placed,
      );
      y += Math.max(left, right) + PHONE_GAP;
      i += 1;
    } else {
      y +=
        placePart(graph, members, { x: 0, y, width: PHONE_PART_WIDTH, columns: 2 }, placed) +
        PHONE_GAP;
    }
  }
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, ...placed.get(n.id)! })),
    edges: graph.edges.map((e) => {
      const edge = { ...e };
      delete edge.sides; // chosen for the desktop drawing
      return edge;
    }),
  };
}
