// The whole platform map as a standalone SVG file (diagram/exports/platform.svg, the README's
// picture and a site download). Fixed colours from the light theme, on a white background, so it
// reads anywhere: in a README on a dark page, in an editor, printed.
import type { Graph } from './schema.ts';
import { graphBounds, nodeBox, partBox, zoneBoxes } from './layout.ts';
import {
  FLOW_STYLES,
  GENERATED_NOTE,
  escapeXml,
  getColour,
  getEdgePath,
  getPartToken,
  tintColour,
  wrapLabel,
} from './export-style.ts';
import { splitEndpoint } from './endpoint.ts';

const MARGIN = 24;
const TITLE_HEIGHT = 44;
const LEGEND_HEIGHT = 44;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const n = (v: number) => String(Math.round(v * 10) / 10);

/** Name an endpoint in prose for an edge's tooltip: the node's label, with the zone in brackets. */
function nameEndpoint(graph: Graph, endpoint: string): string {
  const { node, zone } = splitEndpoint(endpoint);
  const found = graph.nodes.find((x) => x.id === node)!;
  const z = zone ? found.zones.find((x) => x.id === zone)!.label : undefined;
  return z ? `${found.label} (${z})` : found.label;
}

/**
 * Draw the validated graph as a standalone SVG document: part regions, components with their
 * zones, every edge in its kind's style with a tooltip, and a legend. `colours` are the light
 * tokens read by readColourTokens.
 */
export function buildPlatformSvg(graph: Graph, colours: Record<string, string>): string {
  const c = (token: string) => getColour(colours, token);
  const bounds = graphBounds(graph);
  const width = bounds.width + 2 * MARGIN;
  const height = bounds.height + 2 * MARGIN + TITLE_HEIGHT + LEGEND_HEIGHT;
  const dx = MARGIN - bounds.x;
  const dy = MARGIN + TITLE_HEIGHT - bounds.y;
  const kinds = [...new Set(graph.edges.map((e) => e.kind))];
  const out: string[] = [];

  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<!-- ${GENERATED_NOTE} -->`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="title desc" font-family="${FONT}">`,
  );
  out.push('  <title id="title">Data Architecture Blueprint: the platform map</title>');
  out.push(
    `  <desc id="desc">${graph.nodes.length} components in ${graph.parts.length} parts and the ${graph.edges.length} flows between them; dashed regions and boxes are cross-cutting components, which serve the whole platform.</desc>`,
  );
  out.push('  <defs>');
  for (const kind of kinds)
    out.push(
      `    <marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c(FLOW_STYLES[kind].token)}"/></marker>`,
    );
  out.push('  </defs>');
  out.push(`  <rect width="100%" height="100%" fill="${c('bp-color-bg')}"/>`);
  out.push(
    `  <text x="${MARGIN}" y="${MARGIN + 14}" font-size="20" font-weight="700" fill="${c('bp-color-text')}">Data Architecture Blueprint · platform map</text>`,
  );
  out.push(`  <g transform="translate(${n(dx)} ${n(dy)})">`);

  out.push('    <g id="parts">');
  for (const part of graph.parts) {
    const box = partBox(graph, part.id);
    if (!box) continue;
    const colour = c(getPartToken(part.id));
    const cross = graph.nodes.filter((x) => x.part === part.id).every((x) => x.crossCutting);
    out.push(
      `      <g id="part-${part.id}"><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="12" fill="${tintColour(colour, 0.06)}" stroke="${colour}" stroke-width="1.5"${cross ? ' stroke-dasharray="6 4"' : ''}/>` +
        `<text x="${n(box.x + 12)}" y="${n(box.y + 21)}" font-size="14" font-weight="700" fill="${colour}">${part.id} · ${escapeXml(part.title)}</text></g>`,
    );
  }
  out.push('    </g>');

  out.push('    <g id="components">');
  for (const node of graph.nodes) {
    const box = nodeBox(node);
    const colour = c(getPartToken(node.part));
    const lines = wrapLabel(node.label, node.size[0] >= 300 ? 40 : 17);
    // Without zones the label is centred; with zones it heads the box, above them.
    const mid = node.zones.length ? box.y + 26 : box.y + box.height / 2 + 2;
    const first = mid - ((lines.length - 1) * 19) / 2;
    const parts = [
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="8" fill="${c('bp-color-bg-raised')}" stroke="${c('bp-color-border')}" stroke-width="1.5"${node.crossCutting ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<path d="M${n(box.x)},${n(box.y + 8)} a8,8 0 0 1 8,-8 h${n(box.width - 16)} a8,8 0 0 1 8,8" fill="none" stroke="${colour}" stroke-width="5"/>`,
      `<circle cx="${n(box.x + 21)}" cy="${n(mid)}" r="11" fill="${colour}"/>`,
      `<text x="${n(box.x + 21)}" y="${n(mid + 4)}" font-size="12" font-weight="700" text-anchor="middle" fill="${c('bp-color-bg')}">${node.number}</text>`,
      ...lines.map(
        (line, i) =>
          `<text x="${n(box.x + 40)}" y="${n(first + 5.5 + i * 19)}" font-size="16" font-weight="700" fill="${c('bp-color-text')}">${escapeXml(line)}</text>`,
      ),
      ...zoneBoxes(node).map((z, i) => {
        const zone = node.zones[i]!;
        const promote = c(FLOW_STYLES.promote.token);
        return (
          `<g id="zone-${node.id}-${zone.id}"><rect x="${n(box.x + z.x)}" y="${n(box.y + z.y)}" width="${n(z.width)}" height="${n(z.height)}" rx="6" fill="${tintColour(promote, 0.1)}" stroke="${promote}" stroke-width="1.5"/>` +
          `<text x="${n(box.x + z.x + z.width / 2)}" y="${n(box.y + z.y + z.height / 2 + 5)}" font-size="15" font-weight="600" text-anchor="middle" fill="${c('bp-color-text')}">${escapeXml(zone.label)}</text></g>`
        );
      }),
    ];
    out.push(`      <g id="node-${node.id}">${parts.join('')}</g>`);
  }
  out.push('    </g>');

  // Edges on top: flows into a zone cross their component's border to reach it.
  out.push('    <g id="flows" fill="none">');
  for (const edge of graph.edges) {
    const style = FLOW_STYLES[edge.kind];
    const attrs = [
      `d="${getEdgePath(graph, edge)}"`,
      `stroke="${c(style.token)}"`,
      `stroke-width="${style.width}"`,
      style.dash ? `stroke-dasharray="${style.dash}"` : '',
      style.round ? 'stroke-linecap="round"' : '',
      `marker-end="url(#arrow-${edge.kind})"`,
    ].filter(Boolean);
    const text = `${nameEndpoint(graph, edge.source)} ${edge.label} ${nameEndpoint(graph, edge.target)}`;
    out.push(
      `      <g id="edge-${edge.id}"><title>${escapeXml(text)}</title><path ${attrs.join(' ')}/></g>`,
    );
  }
  out.push('    </g>');
  out.push('  </g>');

  // Legend: one sample per flow kind used, then the cross-cutting box.
  const legendY = height - MARGIN - 12;
  let x = MARGIN;
  out.push(`  <g id="legend" font-size="13" fill="${c('bp-color-text-muted')}">`);
  for (const kind of kinds) {
    const style = FLOW_STYLES[kind];
    out.push(
      `    <line x1="${x}" y1="${legendY}" x2="${x + 34}" y2="${legendY}" stroke="${c(style.token)}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}${style.round ? ' stroke-linecap="round"' : ''}/>` +
        `<text x="${x + 42}" y="${legendY + 4.5}">${escapeXml(style.legend)}</text>`,
    );
    x += 42 + style.legend.length * 7.2 + 24;
  }
  out.push(
    `    <rect x="${n(x)}" y="${legendY - 7}" width="28" height="14" rx="3" fill="none" stroke="${c('bp-color-text-muted')}" stroke-width="1.5" stroke-dasharray="4 3"/><text x="${n(x + 36)}" y="${legendY + 4.5}">Cross-cutting component</text>`,
  );
  out.push('  </g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
