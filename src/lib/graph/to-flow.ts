import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import type { Graph, GraphNode, Side } from './schema.ts';
import {
  endpointBox,
  facingSides,
  graphBounds,
  nodeBox,
  partBox,
  zoneBoxes,
  type Box,
} from './layout.ts';
import { splitEndpoint } from './endpoint.ts';
import { routes } from '../site/routes.ts';

/** What the map knows about a component besides the graph: from its chapter. */
export interface ComponentInfo {
  title: string;
  summary: string;
  /** Technologies drawn on the node (the chapter's recommended ones, seed picks first). */
  technologies: string[];
}

/** Data of a component node: everything its React component renders, computed at build time. */
export interface ComponentNodeData extends Record<string, unknown> {
  id: string;
  number: number;
  part: string;
  label: string;
  technologies: string[];
  crossCutting: boolean;
  hasZones: boolean;
  /** Chapter URL path (without the site base). */
  href: string;
  /** The node's accessible name with the hint "Opens summary." (see nodeName). */
  ariaLabel: string;
  /** What the name says after the number and label (see describeNode). */
  about: string;
  /** Set by the map while a part filter leaves this component out: drawn faded, not focusable. */
  filtered?: boolean;
  /** Set by the map during a walkthrough: the number of the latest step so far that names this node. */
  flowStep?: number | undefined;
  /** Set by the map while it shows readiness: the reader's ticked and total checklist items. */
  readiness?: { ready: number; total: number } | undefined;
}

/** Data of a zone drawn inside a component (landing, bronze…). */
export interface ZoneNodeData extends Record<string, unknown> {
  label: string;
  parent: string;
  href: string;
  ariaLabel: string;
  /** Set by the map during a walkthrough: the number of the latest step so far that names this zone. */
  flowStep?: number | undefined;
  /** Set by the map while a part filter leaves this zone's component out: drawn faded, inert. */
  filtered?: boolean;
}

/** Data of a part's labelled region. */
export interface PartNodeData extends Record<string, unknown> {
  part: string;
  title: string;
  crossCutting: boolean;
  /** Set by the map while a part filter leaves this part out: drawn faded, inert. */
  filtered?: boolean;
}

export type ComponentMapNode = Node<ComponentNodeData, 'component'>;
export type ZoneMapNode = Node<ZoneNodeData, 'zone'>;
export type PartMapNode = Node<PartNodeData, 'part'>;
export type MapNode = ComponentMapNode | ZoneMapNode | PartMapNode;

/** Data of a flow edge. */
export interface FlowEdgeData extends Record<string, unknown> {
  kind: string;
  label: string;
  seed: boolean;
  /** Component ids at either end (zones resolve to their component). */
  sourceNode: string;
  targetNode: string;
}
export type MapEdge = Edge<FlowEdgeData>;

/** The map as React Flow draws it, with the drawing's size for server rendering. */
export interface FlowModel {
  nodes: MapNode[];
  edges: MapEdge[];
  bounds: Box;
}

const SIDES: Side[] = ['top', 'right', 'bottom', 'left'];
const POSITION: Record<Side, Position> = {
  top: Position.Top,
  right: Position.Right,
  bottom: Position.Bottom,
  left: Position.Left,
};
const HANDLE = 8;

/** React Flow id of an endpoint: zones become `<node>__<zone>`. */
export function flowNodeId(endpoint: string): string {
  const { node, zone } = splitEndpoint(endpoint);
  return zone ? `${node}__${zone}` : node;
}

/** Handle boxes on every side (one source and one target each), so edges render on the server too. */
export function handlesFor(width: number, height: number) {
  const at: Record<Side, { x: number; y: number }> = {
    top: { x: width / 2, y: 0 },
    right: { x: width, y: height / 2 },
    bottom: { x: width / 2, y: height },
    left: { x: 0, y: height / 2 },
  };
  return SIDES.flatMap((side) =>
    (['source', 'target'] as const).map((type) => ({
      id: `${type === 'source' ? 's' : 't'}-${side}`,
      type,
      position: POSITION[side],
      x: at[side].x - HANDLE / 2,
      y: at[side].y - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    })),
  );
}

/**
 * What a screen reader hears about a component after its number, label and readiness: the chapter
 * title where it differs from the label, the part and the technologies.
 */
export function describeNode(node: GraphNode, partTitle: string, info: ComponentInfo): string {
  const title = info.title !== node.label ? `${info.title}. ` : '';
  const tech = info.technologies.length ? ` ${info.technologies.join(', ')}.` : '';
  return `${title}Part ${node.part}, ${partTitle}.${tech}`;
}

/**
 * A component's accessible name: its visible text first and in order (number, label, and the
 * readiness progress when shown), so the name contains it (WCAG 2.5.3, label in name), then
 * `about` and the hint. One string, not visually hidden spans: Chrome puts a space before each
 * positioned span, which read "3 Batch ingestion . Part A".
 */
export function nodeName(
  node: { number: number; label: string; about: string },
  hint: string,
  progress?: string,
): string {
  return `${node.number} ${node.label}${progress ? `, ${progress}` : ''}. ${node.about} ${hint}`;
}

/** Convert the validated graph and chapter facts into React Flow nodes and edges. */
export function toFlow(graph: Graph, info: Record<string, ComponentInfo>): FlowModel {
  const parts: PartMapNode[] = graph.parts.flatMap((part) => {
    const box = partBox(graph, part.id);
    if (!box) return [];
    const members = graph.nodes.filter((n) => n.part === part.id);
    return [
      {
        id: `part-${part.id}`,
        type: 'part' as const,
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: {
          part: part.id,
          title: part.title,
          crossCutting: members.every((m) => m.crossCutting),
        },
        selectable: false,
        focusable: false,
        draggable: false,
        zIndex: -1,
      },
    ];
  });

  const components: MapNode[] = graph.nodes.flatMap((node) => {
    const partTitle = graph.parts.find((p) => p.id === node.part)!.title;
    const facts = info[node.id] ?? { title: node.label, summary: '', technologies: [] };
    const box = nodeBox(node);
    const about = describeNode(node, partTitle, facts);
    const component: ComponentMapNode = {
      id: node.id,
      type: 'component',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      handles: handlesFor(box.width, box.height),
      data: {
        id: node.id,
        number: node.number,
        part: node.part,
        label: node.label,
        technologies: facts.technologies,
        crossCutting: node.crossCutting,
        hasZones: node.zones.length > 0,
        href: routes.chapter(node.id),
        about,
        ariaLabel: nodeName({ ...node, about }, 'Opens summary.'),
      },
      draggable: false,
    };
    const zones: ZoneMapNode[] = zoneBoxes(node).map((z, i) => {
      const zone = node.zones[i]!;
      return {
        id: flowNodeId(`${node.id}:${zone.id}`),
        type: 'zone',
        parentId: node.id,
        extent: 'parent',
        position: { x: z.x, y: z.y },
        width: z.width,
        height: z.height,
        handles: handlesFor(z.width, z.height),
        data: {
          label: zone.label,
          parent: node.id,
          href: routes.chapter(node.id),
          ariaLabel: `${zone.label} zone of ${facts.title}`,
        },
        draggable: false,
        selectable: false,
      };
    });
    return [component, ...zones];
  });

  const edges: MapEdge[] = graph.edges.map((edge) => {
    const [from, to] =
      edge.sides ?? facingSides(endpointBox(graph, edge.source), endpointBox(graph, edge.target));
    const name = (endpoint: string) => {
      const { node, zone } = splitEndpoint(endpoint);
      const title = info[node]?.title ?? node;
      const z = zone
        ? graph.nodes.find((n) => n.id === node)!.zones.find((zz) => zz.id === zone)!.label
        : undefined;
      return z ? `${title} (${z})` : title;
    };
    return {
      id: edge.id,
      source: flowNodeId(edge.source),
      target: flowNodeId(edge.target),
      sourceHandle: `s-${from}`,
      targetHandle: `t-${to}`,
      type: 'default',
      className: `flow flow-${edge.kind}`,
      markerEnd: {
        type: MarkerType.ArrowClosed,
        color: `var(--bp-color-flow-${edge.kind})`,
        width: 16,
        height: 16,
      },
      ariaLabel: `${name(edge.source)} ${edge.label} ${name(edge.target)}`,
      focusable: false,
      selectable: false,
      data: {
        kind: edge.kind,
        label: edge.label,
        seed: edge.seed,
        sourceNode: splitEndpoint(edge.source).node,
        targetNode: splitEndpoint(edge.target).node,
      },
    };
  });

  return { nodes: [...parts, ...components], edges, bounds: graphBounds(graph) };
}
