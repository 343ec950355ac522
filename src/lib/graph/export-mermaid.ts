// The platform map as a Mermaid flowchart (diagram/exports/platform.mmd), for docs that render
// Mermaid (GitHub, GitLab, wikis). Mermaid lays it out itself; parts become subgraphs, a component
// with zones becomes a nested subgraph, and each edge keeps its kind's colour and dash.
import type { Graph } from './schema.ts';
import {
  FLOW_STYLES,
  GENERATED_NOTE,
  getColour,
  getPartToken,
  tintColour,
} from './export-style.ts';
import { splitEndpoint } from './endpoint.ts';

/** Mermaid id of an endpoint: hyphens would read as arrows, so `data-storage:gold` → `data_storage__gold`. */
export function toMermaidId(endpoint: string): string {
  const { node, zone } = splitEndpoint(endpoint);
  const id = node.replace(/-/g, '_');
  return zone ? `${id}__${zone.replace(/-/g, '_')}` : id;
}

/** Quote a label for Mermaid: double quotes become the `#quot;` entity Mermaid understands. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

/** Write the validated graph as a Mermaid flowchart, left to right. `colours` are the light tokens. */
export function buildPlatformMermaid(graph: Graph, colours: Record<string, string>): string {
  const c = (token: string) => getColour(colours, token);
  const out: string[] = [`%% ${GENERATED_NOTE}`, 'flowchart LR'];

  for (const part of graph.parts) {
    const members = graph.nodes
      .filter((x) => x.part === part.id)
      .sort((a, b) => a.number - b.number);
    if (!members.length) continue;
    const cross = members.every((m) => m.crossCutting);
    out.push(
      `  subgraph part_${part.id}[${quote(`${part.id} · ${part.title}${cross ? ' · cross-cutting' : ''}`)}]`,
    );
    for (const node of members) {
      const label = quote(`${node.number} ${node.label}`);
      if (!node.zones.length) {
        out.push(`    ${toMermaidId(node.id)}[${label}]`);
        continue;
      }
      out.push(`    subgraph ${toMermaidId(node.id)}[${label}]`, '      direction LR');
      for (const zone of node.zones)
        out.push(`      ${toMermaidId(`${node.id}:${zone.id}`)}[${quote(zone.label)}]`);
      out.push('    end');
    }
    out.push('  end');
  }

  for (const edge of graph.edges)
    out.push(`  ${toMermaidId(edge.source)} -->|${quote(edge.label)}| ${toMermaidId(edge.target)}`);

  // Styles: part colours on regions and components, dashed cross-cutting boxes, zone tint, flow kinds.
  for (const part of graph.parts) {
    const members = graph.nodes.filter((x) => x.part === part.id);
    if (!members.length) continue;
    const colour = c(getPartToken(part.id));
    out.push(
      `  style part_${part.id} fill:${tintColour(colour, 0.06)},stroke:${colour},color:${colour}`,
    );
    for (const node of members) {
      const dash = node.crossCutting ? ',stroke-dasharray:6 4' : '';
      out.push(
        `  style ${toMermaidId(node.id)} fill:${c('bp-color-bg')},stroke:${colour},stroke-width:2px,color:${c('bp-color-text')}${dash}`,
      );
      const promote = c(FLOW_STYLES.promote.token);
      for (const zone of node.zones)
        out.push(
          `  style ${toMermaidId(`${node.id}:${zone.id}`)} fill:${tintColour(promote, 0.1)},stroke:${promote},color:${c('bp-color-text')}`,
        );
    }
  }
  graph.edges.forEach((edge, i) => {
    const style = FLOW_STYLES[edge.kind];
    out.push(
      `  linkStyle ${i} stroke:${c(style.token)},stroke-width:${style.width}px${style.dash ? `,stroke-dasharray:${style.dash}` : ''}`,
    );
  });
  return `${out.join('\n')}\n`;
}
