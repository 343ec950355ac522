// How flows and parts look in every static drawing of the graph: the SVG, Mermaid and draw.io
// exports and the chapter mini-maps. Colours are not copied here: inline drawings use the tokens
// (`--bp-color-flow-<kind>`, `--bp-color-part-<x>`), and exports read the light values of the same
// tokens from src/styles/tokens.css, so a palette change reaches every drawing.
import type { FlowKind, Graph, GraphEdge, PartId, Side } from './schema.ts';
import { endpointBox, facingSides, type Box } from './layout.ts';

/** Line style of one flow kind, matching the map's edges (src/components/map/map.css). */
export interface FlowStyle {
  /** Name of the colour token, without the leading `--`. */
  token: string;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash: string | undefined;
  /** Stroke width in pixels. */
  width: number;
  /** Round line caps (dotted lines). */
  round: boolean;
  /** What the line means, as the legend says it. */
  legend: string;
}

/** Line style per flow kind. */
export const FLOW_STYLES: Record<FlowKind, FlowStyle> = {
  batch: {
    token: 'bp-color-flow-batch',
    dash: undefined,
    width: 2,
    round: false,
    legend: 'Batch data flow',
  },
  stream: {
    token: 'bp-color-flow-stream',
    dash: '8 4',
    width: 2,
    round: false,
    legend: 'Streaming flow',
  },
  promote: {
    token: 'bp-color-flow-promote',
    dash: undefined,
    width: 2.5,
    round: false,
    legend: 'Zone promotion',
  },
  query: {
    token: 'bp-color-flow-query',
    dash: '2 4',
    width: 2,
    round: true,
    legend: 'Queries and reads',
  },
  ml: { token: 'bp-color-flow-ml', dash: '10 3 2 3', width: 2, round: false, legend: 'ML flows' },
  control: {
    token: 'bp-color-flow-control',
    dash: '6 3',
    width: 2,
    round: false,
    legend: 'Control (schedules, deploys, policies)',
  },
};

/** Name of a part's colour token, without the leading `--`, e.g. `bp-color-part-a`. */
export function getPartToken(part: PartId): string {
  return `bp-color-part-${part.toLowerCase()}`;
}

/** A point in drawing coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** The middle of one side of a box: where an edge leaves or enters it. */
export function getSidePoint(box: Box, side: Side): Point {
  if (side === 'top') return { x: box.x + box.width / 2, y: box.y };
  if (side === 'bottom') return { x: box.x + box.width / 2, y: box.y + box.height };
  if (side === 'left') return { x: box.x, y: box.y + box.height / 2 };
  return { x: box.x + box.width, y: box.y + box.height / 2 };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Control-point distance, as React Flow computes it, so static edges curve like the map's. */
function controlOffset(distance: number, curvature: number): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

function controlPoint(side: Side, from: Point, to: Point, curvature: number): Point {
  if (side === 'left') return { x: from.x - controlOffset(from.x - to.x, curvature), y: from.y };
  if (side === 'right') return { x: from.x + controlOffset(to.x - from.x, curvature), y: from.y };
  if (side === 'top') return { x: from.x, y: from.y - controlOffset(from.y - to.y, curvature) };
  return { x: from.x, y: from.y + controlOffset(to.y - from.y, curvature) };
}

/** SVG path data of a bezier edge leaving `from` on `fromSide` and entering `to` on `toSide` (React Flow's default edge). */
export function toBezierPath(
  from: Point,
  fromSide: Side,
  to: Point,
  toSide: Side,
  curvature = 0.25,
): string {
  const c1 = controlPoint(fromSide, from, to, curvature);
  const c2 = controlPoint(toSide, to, from, curvature);
  return `M${round(from.x)},${round(from.y)} C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(to.x)},${round(to.y)}`;
}

/** The sides an edge leaves and enters on the map: fixed in the graph, or the sides facing each other. */
export function getEdgeSides(graph: Graph, edge: GraphEdge): [Side, Side] {
  return (
    edge.sides ?? facingSides(endpointBox(graph, edge.source), endpointBox(graph, edge.target))
  );
}

/** Path data of a graph edge drawn as the map draws it, from side to side of its endpoints. */
export function getEdgePath(graph: Graph, edge: GraphEdge): string {
  const [from, to] = getEdgeSides(graph, edge);
  return toBezierPath(
    getSidePoint(endpointBox(graph, edge.source), from),
    from,
    getSidePoint(endpointBox(graph, edge.target), to),
    to,
  );
}

/**
 * Read the light-theme colour tokens (`--bp-color-*`) from the first `:root { … }` block of a
 * stylesheet. Throws when a token the drawings need is missing, naming it.
 */
export function readColourTokens(
  css: string,
  file = 'src/styles/tokens.css',
): Record<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(css)?.[1];
  if (block === undefined)
    throw new Error(`${file}: no ":root { … }" block with the light colour tokens was found.`);
  const tokens: Record<string, string> = {};
  for (const match of block.matchAll(/--(bp-color-[a-z0-9-]+)\s*:\s*([^;]+);/g))
    tokens[match[1]!] = match[2]!.trim();
  const needed = [
    'bp-color-text',
    'bp-color-text-muted',
    'bp-color-border',
    'bp-color-bg',
    ...Object.values(FLOW_STYLES).map((s) => s.token),
  ];
  const missing = needed.filter((t) => !tokens[t]);
  if (missing.length)
    throw new Error(
      `${file}: the static diagram exports need these tokens in :root, which are missing: ${missing.map((t) => `--${t}`).join(', ')}`,
    );
  return tokens;
}

/** Look up a colour token read by readColourTokens; throws naming the token when it is missing. */
export function getColour(tokens: Record<string, string>, token: string): string {
  const value = tokens[token];
  if (!value)
    throw new Error(`src/styles/tokens.css: colour token --${token} is missing from :root.`);
  return value;
}

/** Wrap a label into at most `maxLines` lines of about `maxChars` characters, ending in "…" when cut. */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (`${line} ${word}`.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1).trimEnd()}…`;
  return kept;
}

/** Mix a `#rrggbb` colour with white, keeping `share` (0–1) of the colour: a fixed tint for exports. */
export function tintColour(hex: string, share: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m)
    throw new Error(`Expected a colour written as #rrggbb in src/styles/tokens.css, got "${hex}".`);
  const mix = (h: string) =>
    Math.round(Number.parseInt(h, 16) * share + 255 * (1 - share))
      .toString(16)
      .padStart(2, '0');
  return `#${mix(m[1]!)}${mix(m[2]!)}${mix(m[3]!)}`;
}

/** Escape text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The line written at the top of every generated export. */
export const GENERATED_NOTE =
  'Generated by scripts/export-diagram.ts from diagram/graph.yaml (colours from src/styles/tokens.css); do not edit.';
