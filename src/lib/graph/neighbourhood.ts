// Geometry of a chapter's mini-map: its component in the middle, the components it receives data
// from on one side and those it feeds on the other, and the flows between them. Two orientations:
// "wide" (upstream | component | downstream, for a desktop column) and "narrow" (component | list
// of neighbours, readable at phone width without scaling text down).
import type { FlowKind, Graph, GraphEdge, GraphNode, PartId, Side } from './schema.ts';
import type { Box } from './layout.ts';
import { getNeighbours } from './neighbours.ts';
import { splitEndpoint } from './endpoint.ts';
import { toBezierPath, wrapLabel, type Point } from './export-style.ts';
import { routes } from '../site/routes.ts';

export type Orientation = 'wide' | 'narrow';
export type Direction = 'upstream' | 'downstream';

/** One line of a box's label, placed. */
export interface LabelLine extends Point {
  text: string;
}

/** A box's badge and label, placed: the badge is a circle centred on `badge`. */
export interface PlacedLabel {
  badge: Point;
  lines: LabelLine[];
}

/** A linked box: a neighbouring component, or a part that a cross-cutting component serves. */
export interface NeighbourhoodItem extends Box {
  /** Unique within the layout, e.g. "upstream:batch-ingestion". */
  key: string;
  direction: Direction;
  /** Path the box links to, without the site base. */
  href: string;
  /** Text of the badge: the component number or the part letter. */
  badge: string;
  part: PartId;
  /** Badge position and the label wrapped to at most two lines. */
  label: PlacedLabel;
  /** The link's accessible name: its visible text, then how it relates to this chapter. */
  ariaLabel: string;
  crossCutting: boolean;
}

/** A zone drawn inside the centre component. */
export interface NeighbourhoodZone extends Box {
  id: string;
  label: string;
}

/** The centre: this chapter's component. */
export interface NeighbourhoodCentre extends Box {
  id: string;
  badge: string;
  part: PartId;
  label: PlacedLabel;
  crossCutting: boolean;
  zones: NeighbourhoodZone[];
}

/** A drawn flow. */
export interface NeighbourhoodEdge {
  /** The graph edge id, or `serves-<part>` for a cross-cutting component's link to a part. */
  id: string;
  kind: FlowKind;
  /** SVG path data; the arrow points at its end. */
  d: string;
}

/** A column or group heading. */
export interface NeighbourhoodHeading extends Point {
  text: string;
}

/** Everything the mini-map draws, in SVG user units (1 unit = 1 CSS pixel at natural size). */
export interface NeighbourhoodLayout {
  orientation: Orientation;
  width: number;
  height: number;
  centre: NeighbourhoodCentre;
  items: NeighbourhoodItem[];
  edges: NeighbourhoodEdge[];
  headings: NeighbourhoodHeading[];
  /** Columns drawn (wide) or 1–2 (narrow); the page switches to narrow when wide would not fit. */
  columns: number;
  /** True for a cross-cutting component without flows: its items are the parts it serves. */
  servesAll: boolean;
  /** Distinct components upstream and downstream. */
  counts: { upstream: number; downstream: number };
}

/** Sizes, in SVG units. Item and centre widths differ by orientation; see SIZES. */
export const ITEM_HEIGHT = 44;
export const ITEM_GAP = 10;
export const HEADING_HEIGHT = 26;
export const ZONE_HEIGHT = 28;
export const ZONE_GAP = 8;
export const CENTRE_HEADER = 50;
/** Label text: size and line height, and the badge's radius and inset from the box's left side. */
export const FONT_SIZE = 13;
export const LINE_HEIGHT = 16;
export const BADGE_RADIUS = 11;
export const BADGE_INSET = 20;
export const TEXT_INSET = 38;
export const CENTRE_PADDING = 10;
/** Closest two arrows may end on the same side of the centre before they are spread out. */
export const MIN_ARROW_GAP = 9;

/** Per orientation: box widths, the gap the arrows cross, characters per label line, and whether the centre's label sits under its badge. */
const SIZES: Record<
  Orientation,
  {
    item: number;
    centre: number;
    gap: number;
    chars: number;
    centreChars: number;
    stacked: boolean;
  }
> = {
  wide: { item: 184, centre: 196, gap: 76, chars: 18, centreChars: 20, stacked: false },
  // 324 units: a 360 px phone's column (328 px) shows it at full size.
  narrow: { item: 156, centre: 132, gap: 36, chars: 15, centreChars: 15, stacked: true },
};

/**
 * Place a badge and wrapped label in a box: side by side and centred vertically (in the top `band`
 * pixels when the box has zones under its label), or `stacked`, the label under the badge.
 */
export function placeLabel(
  box: Box,
  lines: string[],
  band = box.height,
  stacked = false,
): PlacedLabel {
  if (stacked) {
    return {
      badge: { x: box.x + BADGE_INSET, y: box.y + BADGE_INSET },
      lines: lines.map((text, i) => ({
        text,
        x: box.x + 12,
        y: box.y + 2 * BADGE_INSET + FONT_SIZE + i * LINE_HEIGHT,
      })),
    };
  }
  const mid = box.y + band / 2;
  const first = mid - ((lines.length - 1) * LINE_HEIGHT) / 2 + FONT_SIZE * 0.35;
  return {
    badge: { x: box.x + BADGE_INSET, y: mid },
    lines: lines.map((text, i) => ({ text, x: box.x + TEXT_INSET, y: first + i * LINE_HEIGHT })),
  };
}

/** A flow with the neighbour at its far end. */
interface Link {
  edge: GraphEdge;
  direction: Direction;
  neighbour: string;
  /** The centre endpoint's zone, if the flow starts or ends at one. */
  zone: string | undefined;
}

/** A neighbour box before placement, with the flows it has with the centre. */
interface Group {
  direction: Direction;
  id: string;
  links: Link[];
  /** Where its arrows meet the centre: 0 = the component itself, 1… = its zones in order. */
  band: number;
  number: number;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** Spread `preferred` positions within [min, max] so no two are closer than MIN_ARROW_GAP (order kept). */
export function spreadAnchors(preferred: number[], min: number, max: number): number[] {
  const wanted = preferred.map((p) => clamp(p, min, max));
  const tooClose = wanted.some((y, i) => i > 0 && y - wanted[i - 1]! < MIN_ARROW_GAP);
  if (!tooClose) return wanted;
  const k = preferred.length;
  const step = Math.min(MIN_ARROW_GAP * 1.5, (max - min) / Math.max(1, k - 1));
  const mid = preferred.reduce((a, b) => a + b, 0) / k;
  const start = clamp(mid - (step * (k - 1)) / 2, min, Math.max(min, max - step * (k - 1)));
  return preferred.map((_, i) => start + i * step);
}

/** Lay out the centre component's zones as a column inside it, spread over its height. */
function placeZones(node: GraphNode, centre: Box, header: number): NeighbourhoodZone[] {
  const n = node.zones.length;
  if (n === 0) return [];
  const top = centre.y + header;
  const available = centre.y + centre.height - CENTRE_PADDING - top;
  const gap = n > 1 ? clamp((available - n * ZONE_HEIGHT) / (n - 1), ZONE_GAP, 28) : 0;
  const stack = n * ZONE_HEIGHT + (n - 1) * gap;
  const start = top + (available - stack) / 2;
  return node.zones.map((z, i) => ({
    id: z.id,
    label: z.label,
    x: centre.x + CENTRE_PADDING,
    y: start + i * (ZONE_HEIGHT + gap),
    width: centre.width - 2 * CENTRE_PADDING,
    height: ZONE_HEIGHT,
  }));
}

/** Height of the centre's label band: beside the badge, or the badge then the label's lines. */
function headerHeight(lines: number, stacked: boolean): number {
  return stacked ? 2 * BADGE_INSET + lines * LINE_HEIGHT + 4 : CENTRE_HEADER;
}

/** Minimum height of the centre box: room for its label and, stacked under it, its zones. */
function centreMinHeight(node: GraphNode, header: number, stacked: boolean): number {
  const n = node.zones.length;
  if (n === 0) return stacked ? header + 4 : ITEM_HEIGHT;
  return header + n * ZONE_HEIGHT + (n - 1) * ZONE_GAP + CENTRE_PADDING;
}

/** Name an endpoint in prose: its component's title, with the zone in brackets. */
function nameEndpoint(graph: Graph, titles: Record<string, string>, endpoint: string): string {
  const { node, zone } = splitEndpoint(endpoint);
  const title = titles[node] ?? graph.nodes.find((n) => n.id === node)?.label ?? node;
  const label = zone
    ? graph.nodes.find((n) => n.id === node)?.zones.find((z) => z.id === zone)?.label
    : undefined;
  return label ? `${title} (${label})` : title;
}

/** Collect the flows between the component and each neighbour, ordered to keep arrows from crossing. */
function groupLinks(graph: Graph, node: GraphNode): Group[] {
  const { upstream, downstream } = getNeighbours(graph, node.id);
  const links: Link[] = [
    ...upstream.map((n) => ({
      edge: n.edge,
      direction: 'upstream' as const,
      neighbour: n.nodeId,
      zone: splitEndpoint(n.edge.target).zone,
    })),
    ...downstream.map((n) => ({
      edge: n.edge,
      direction: 'downstream' as const,
      neighbour: n.nodeId,
      zone: splitEndpoint(n.edge.source).zone,
    })),
  ];
  const bandOf = (l: Link) => (l.zone ? node.zones.findIndex((z) => z.id === l.zone) + 1 : 0);
  const groups = new Map<string, Group>();
  for (const link of links) {
    const key = `${link.direction}:${link.neighbour}`;
    const group = groups.get(key) ?? {
      direction: link.direction,
      id: link.neighbour,
      links: [],
      band: Infinity,
      number: graph.nodes.find((n) => n.id === link.neighbour)!.number,
    };
    group.links.push(link);
    group.band = Math.min(group.band, bandOf(link));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.band - b.band || a.number - b.number);
}

/**
 * Lay out a chapter's mini-map. `titles` maps component ids to chapter titles (used in the links'
 * accessible names; boxes show the graph's short labels). Throws when `nodeId` is not in the graph.
 */
export function layoutNeighbourhood(
  graph: Graph,
  nodeId: string,
  titles: Record<string, string>,
  orientation: Orientation,
): NeighbourhoodLayout {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node)
    throw new Error(
      `No component "${nodeId}" in diagram/graph.yaml. Known components: ${graph.nodes.map((n) => n.id).join(', ')}`,
    );
  const size = SIZES[orientation];
  const centreLines = wrapLabel(node.label, size.centreChars);
  const header = headerHeight(centreLines.length, size.stacked);
  const centreMin = centreMinHeight(node, header, size.stacked);
  const title = titles[node.id] ?? node.label;
  const groups = groupLinks(graph, node);
  const servesAll = groups.length === 0 && node.crossCutting;

  // What each box shows and links to, before it is placed.
  type Draft = Omit<NeighbourhoodItem, keyof Box | 'label'> & {
    lines: string[];
    links: Link[];
    band: number;
  };
  const drafts: Draft[] = servesAll
    ? graph.parts
        .filter((p) => graph.nodes.some((n) => n.part === p.id && !n.crossCutting))
        .map((p) => ({
          key: `serves:${p.id}`,
          direction: 'downstream' as const,
          href: routes.chapters(p.id),
          badge: p.id,
          part: p.id,
          lines: wrapLabel(p.title, size.chars),
          ariaLabel: `${p.id} ${p.title}: every component in this part relies on ${title}. Lists the part's chapters.`,
          crossCutting: false,
          links: [],
          band: 0,
        }))
    : groups.map((g) => {
        const other = graph.nodes.find((n) => n.id === g.id)!;
        const sentences = g.links.map(
          (l) =>
            `${nameEndpoint(graph, titles, l.edge.source)} ${l.edge.label} ${nameEndpoint(graph, titles, l.edge.target)}.`,
        );
        return {
          key: `${g.direction}:${g.id}`,
          direction: g.direction,
          href: routes.chapter(g.id),
          badge: String(other.number),
          part: other.part,
          lines: wrapLabel(other.label, size.chars),
          // Starts with the box's visible text (badge and label), so speech input can name the link.
          ariaLabel: `${other.number} ${other.label}, ${g.direction}: ${sentences.join(' ')}`,
          crossCutting: other.crossCutting,
          links: g.links,
          band: g.band,
        };
      });

  const up = drafts.filter((d) => d.direction === 'upstream');
  const down = drafts.filter((d) => d.direction === 'downstream');
  const stackHeight = (n: number) => (n === 0 ? 0 : n * ITEM_HEIGHT + (n - 1) * ITEM_GAP);
  const headings: NeighbourhoodHeading[] = [];
  const placed: NeighbourhoodItem[] = [];
  const place = (d: Draft, x: number, y: number) => {
    // The draft's links, band and lines only place the box; the item carries what is drawn.
    const { key, direction, href, badge, part, ariaLabel, crossCutting, lines } = d;
    const box = { x, y, width: size.item, height: ITEM_HEIGHT };
    placed.push({
      key,
      direction,
      href,
      badge,
      part,
      ariaLabel,
      crossCutting,
      ...box,
      label: placeLabel(box, lines),
    });
  };
  const downHeading = !servesAll
    ? 'Downstream'
    : orientation === 'wide'
      ? 'Serves every component'
      : 'Serves every part';
  const hasHeadings = drafts.length > 0;
  const top = hasHeadings ? HEADING_HEIGHT : 0;
  let centre: Box;
  let height: number;
  let width: number;
  let columns: number;

  if (orientation === 'wide') {
    const content = Math.max(stackHeight(up.length), stackHeight(down.length), centreMin);
    const centreX = up.length ? size.item + size.gap : 0;
    centre = { x: centreX, y: top, width: size.centre, height: content };
    const downX = centreX + size.centre + size.gap;
    const column = (list: Draft[], x: number) => {
      const offset = top + (content - stackHeight(list.length)) / 2;
      list.forEach((d, i) => place(d, x, offset + i * (ITEM_HEIGHT + ITEM_GAP)));
    };
    column(up, 0);
    column(down, downX);
    if (up.length) headings.push({ text: 'Upstream', x: 0, y: 17 });
    if (hasHeadings) headings.push({ text: 'This chapter', x: centreX, y: 17 });
    if (down.length) headings.push({ text: downHeading, x: downX, y: 17 });
    columns = 1 + Math.sign(up.length) + Math.sign(down.length);
    width = down.length ? downX + size.item : centreX + size.centre;
    height = top + content;
  } else {
    const x = size.centre + size.gap;
    let y = 0;
    for (const [list, text] of [
      [up, 'Upstream'],
      [down, downHeading],
    ] as const) {
      if (!list.length) continue;
      if (y > 0) y += ITEM_GAP;
      headings.push({ text, x, y: y + 17 });
      y += HEADING_HEIGHT;
      list.forEach((d) => {
        place(d, x, y);
        y += ITEM_HEIGHT + ITEM_GAP;
      });
      y -= ITEM_GAP;
    }
    const content = Math.max(y - top, centreMin);
    centre = { x: 0, y: top, width: size.centre, height: content };
    if (hasHeadings) headings.unshift({ text: 'This chapter', x: 0, y: 17 });
    width = drafts.length ? x + size.item : size.centre;
    height = Math.max(y, top + content);
    columns = drafts.length ? 2 : 1;
  }

  const zones = placeZones(node, centre, header);
  const edges: NeighbourhoodEdge[] = [];

  // Where each arrow meets the centre: on the zone it names, or on the component's own band.
  const centreSide = (d: Direction): Side =>
    orientation === 'narrow' || d === 'downstream' ? 'right' : 'left';
  const itemSide = (d: Direction): Side =>
    orientation === 'wide' && d === 'upstream' ? 'right' : 'left';
  const bandRange = (band: number): [number, number] => {
    if (band > 0) {
      const z = zones[band - 1]!;
      return [z.y + 6, z.y + z.height - 6];
    }
    return zones.length
      ? [centre.y + 10, centre.y + header - 8]
      : [centre.y + 10, centre.y + centre.height - 10];
  };
  const bandX = (band: number, side: Side) => {
    const box = band > 0 ? zones[band - 1]! : centre;
    return side === 'left' ? box.x : box.x + box.width;
  };

  interface Arrow {
    item: NeighbourhoodItem;
    link: Link | undefined;
    band: number;
    itemY: number;
    kind: FlowKind;
    id: string;
  }
  const arrows: Arrow[] = [];
  placed.forEach((item) => {
    const draft = drafts.find((d) => d.key === item.key)!;
    const links = draft.links.length ? draft.links : [undefined];
    const mid = item.y + item.height / 2;
    links.forEach((link, j) => {
      const band = link?.zone ? node.zones.findIndex((z) => z.id === link.zone) + 1 : 0;
      arrows.push({
        item,
        link,
        band,
        itemY: mid + (j - (links.length - 1) / 2) * MIN_ARROW_GAP,
        kind: link?.edge.kind ?? 'control',
        id: link?.edge.id ?? `serves-${item.badge}`,
      });
    });
  });

  // Spread the ends that share a side and a band, in the order of the boxes they come from.
  const ends = new Map<Arrow, number>();
  const byBand = new Map<string, Arrow[]>();
  for (const a of arrows) {
    const key = `${centreSide(a.item.direction)}:${a.band}`;
    byBand.set(key, [...(byBand.get(key) ?? []), a]);
  }
  for (const list of byBand.values()) {
    list.sort((a, b) => a.itemY - b.itemY);
    const [min, max] = bandRange(list[0]!.band);
    spreadAnchors(
      list.map((a) => a.itemY),
      min,
      max,
    ).forEach((y, i) => ends.set(list[i]!, y));
  }

  for (const a of arrows) {
    const side = centreSide(a.item.direction);
    const onCentre = { x: bandX(a.band, side), y: ends.get(a)! };
    const iSide = itemSide(a.item.direction);
    const onItem = { x: iSide === 'left' ? a.item.x : a.item.x + a.item.width, y: a.itemY };
    const d =
      a.item.direction === 'upstream'
        ? toBezierPath(onItem, iSide, onCentre, side)
        : toBezierPath(onCentre, side, onItem, iSide);
    edges.push({ id: a.id, kind: a.kind, d });
  }

  // Flows inside the component (zone promotion), top to bottom.
  for (const edge of graph.edges) {
    const s = splitEndpoint(edge.source);
    const t = splitEndpoint(edge.target);
    if (s.node !== node.id || t.node !== node.id || !s.zone || !t.zone) continue;
    const from = zones.find((z) => z.id === s.zone)!;
    const to = zones.find((z) => z.id === t.zone)!;
    const down = to.y > from.y;
    const start = { x: from.x + from.width / 2, y: down ? from.y + from.height : from.y };
    const end = { x: to.x + to.width / 2, y: down ? to.y : to.y + to.height };
    edges.push({
      id: edge.id,
      kind: edge.kind,
      d: toBezierPath(start, down ? 'bottom' : 'top', end, down ? 'top' : 'bottom'),
    });
  }

  return {
    orientation,
    width,
    height,
    columns,
    centre: {
      ...centre,
      id: node.id,
      badge: String(node.number),
      part: node.part,
      label: placeLabel(centre, centreLines, zones.length ? header : centre.height, size.stacked),
      crossCutting: node.crossCutting,
      zones,
    },
    items: placed,
    edges,
    headings,
    servesAll,
    counts: servesAll
      ? { upstream: 0, downstream: 0 }
      : { upstream: up.length, downstream: down.length },
  };
}

const countComponents = (n: number) => (n === 1 ? 'one component' : `${n} components`);

/** The sentence above a mini-map, e.g. "Data storage: 6 components upstream, one downstream." */
export function describeNeighbourhood(layout: NeighbourhoodLayout, title: string): string {
  const { upstream, downstream } = layout.counts;
  if (layout.servesAll)
    return `${title} is cross-cutting: it serves every component of the platform rather than sitting on one flow.`;
  if (!upstream && !downstream) return `${title} has no flows on the platform map.`;
  const parts = [
    upstream ? `${countComponents(upstream)} upstream` : '',
    downstream
      ? `${upstream ? countComponents(downstream).replace(/ components?$/, '') : countComponents(downstream)} downstream`
      : '',
  ].filter(Boolean);
  return `${title} on the platform map: ${parts.join(', ')}.`;
}
