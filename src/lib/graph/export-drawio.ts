// The platform map as an editable draw.io / diagrams.net file (diagram/exports/platform.drawio):
// uncompressed mxGraph XML, with the map's positions. Parts are containers, so moving a part moves
// its components; zones sit inside their component; edges keep the map's sides and styles.
import type { Graph, Side } from './schema.ts';
import { nodeBox, partBox, zoneBoxes } from './layout.ts';
import {
  FLOW_STYLES,
  GENERATED_NOTE,
  escapeXml,
  getColour,
  getEdgeSides,
  getPartToken,
  tintColour,
} from './export-style.ts';
import { splitEndpoint } from './endpoint.ts';

/** Cell ids: prefixed by kind, so a node id can never collide with an edge id. */
export const drawioIds = {
  part: (part: string) => `part-${part}`,
  node: (endpoint: string) => {
    const { node, zone } = splitEndpoint(endpoint);
    return zone ? `zone-${node}-${zone}` : `node-${node}`;
  },
  edge: (edge: string) => `edge-${edge}`,
};

/** Where on a cell's side an edge attaches, as draw.io's relative coordinates. */
const ANCHOR: Record<Side, [number, number]> = {
  top: [0.5, 0],
  right: [1, 0.5],
  bottom: [0.5, 1],
  left: [0, 0.5],
};

const n = (v: number) => String(Math.round(v * 10) / 10);

/** A style string from key/value pairs (undefined values are left out). */
function style(entries: Record<string, string | number | undefined>): string {
  return `${Object.entries(entries)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(';')};`;
}

/** A label for an html=1 cell: escaped once as HTML, then once more as an XML attribute. */
const label = (text: string) => escapeXml(escapeXml(text));

function cell(attrs: Record<string, string>, geometry: string): string {
  const list = Object.entries(attrs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return `        <mxCell ${list}>\n          ${geometry}\n        </mxCell>`;
}

const geometry = (x: number, y: number, w: number, h: number) =>
  `<mxGeometry x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" as="geometry"/>`;

/** Write the validated graph as uncompressed draw.io XML. `colours` are the light tokens. */
export function buildPlatformDrawio(graph: Graph, colours: Record<string, string>): string {
  const c = (token: string) => getColour(colours, token);
  const cells: string[] = ['        <mxCell id="0"/>', '        <mxCell id="1" parent="0"/>'];

  for (const part of graph.parts) {
    const box = partBox(graph, part.id);
    if (!box) continue;
    const members = graph.nodes.filter((x) => x.part === part.id);
    const cross = members.every((m) => m.crossCutting);
    const colour = c(getPartToken(part.id));
    cells.push(
      cell(
        {
          id: drawioIds.part(part.id),
          value: label(`${part.id} · ${part.title}${cross ? ' · cross-cutting' : ''}`),
          style: style({
            rounded: 1,
            arcSize: 4,
            absoluteArcSize: 1,
            whiteSpace: 'wrap',
            html: 1,
            container: 1,
            collapsible: 0,
            verticalAlign: 'top',
            align: 'left',
            spacingLeft: 10,
            spacingTop: 2,
            fontStyle: 1,
            fontSize: 14,
            fontColor: colour,
            strokeColor: colour,
            fillColor: tintColour(colour, 0.06),
            dashed: cross ? 1 : 0,
          }),
          vertex: '1',
          parent: '1',
        },
        geometry(box.x, box.y, box.width, box.height),
      ),
    );
    for (const node of members) {
      const b = nodeBox(node);
      cells.push(
        cell(
          {
            id: drawioIds.node(node.id),
            value: label(`${node.number} · ${node.label}`),
            style: style({
              rounded: 1,
              arcSize: 8,
              absoluteArcSize: 1,
              whiteSpace: 'wrap',
              html: 1,
              container: node.zones.length ? 1 : undefined,
              collapsible: node.zones.length ? 0 : undefined,
              verticalAlign: node.zones.length ? 'top' : 'middle',
              spacingTop: node.zones.length ? 8 : undefined,
              fontStyle: 1,
              fontSize: 15,
              fontColor: c('bp-color-text'),
              fillColor: c('bp-color-bg'),
              strokeColor: colour,
              strokeWidth: 2,
              dashed: node.crossCutting ? 1 : 0,
            }),
            vertex: '1',
            parent: drawioIds.part(part.id),
          },
          geometry(b.x - box.x, b.y - box.y, b.width, b.height),
        ),
      );
      const promote = c(FLOW_STYLES.promote.token);
      zoneBoxes(node).forEach((z, i) => {
        const zone = node.zones[i]!;
        cells.push(
          cell(
            {
              id: drawioIds.node(`${node.id}:${zone.id}`),
              value: label(zone.label),
              style: style({
                rounded: 1,
                arcSize: 6,
                absoluteArcSize: 1,
                whiteSpace: 'wrap',
                html: 1,
                fontStyle: 1,
                fontSize: 14,
                fontColor: c('bp-color-text'),
                fillColor: tintColour(promote, 0.1),
                strokeColor: promote,
              }),
              vertex: '1',
              parent: drawioIds.node(node.id),
            },
            geometry(z.x, z.y, z.width, z.height),
          ),
        );
      });
    }
  }

  for (const edge of graph.edges) {
    const kind = FLOW_STYLES[edge.kind];
    const [from, to] = getEdgeSides(graph, edge);
    cells.push(
      cell(
        {
          id: drawioIds.edge(edge.id),
          value: label(edge.label),
          style: style({
            edgeStyle: 'orthogonalEdgeStyle',
            curved: 1,
            html: 1,
            endArrow: 'block',
            endFill: 1,
            strokeColor: c(kind.token),
            strokeWidth: kind.width,
            dashed: kind.dash ? 1 : 0,
            dashPattern: kind.dash,
            exitX: ANCHOR[from][0],
            exitY: ANCHOR[from][1],
            exitDx: 0,
            exitDy: 0,
            entryX: ANCHOR[to][0],
            entryY: ANCHOR[to][1],
            entryDx: 0,
            entryDy: 0,
            fontSize: 11,
            fontColor: c('bp-color-text-muted'),
            labelBackgroundColor: c('bp-color-bg'),
          }),
          edge: '1',
          parent: '1',
          source: drawioIds.node(edge.source),
          target: drawioIds.node(edge.target),
        },
        '<mxGeometry relative="1" as="geometry"/>',
      ),
    );
  }

  return [
    `<!-- ${GENERATED_NOTE} -->`,
    '<mxfile host="data-architecture-blueprint" type="device">',
    '  <diagram id="platform-map" name="Platform map">',
    '    <mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">',
    '      <root>',
    ...cells,
    '      </root>',
    '    </mxGraphModel>',
    '  </diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}
