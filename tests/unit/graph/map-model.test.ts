import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';
import {
  describeNode,
  nodeName,
  toFlow,
  flowNodeId,
  handlesFor,
  type ComponentMapNode,
} from '../../../src/lib/graph/to-flow.ts';
import {
  boxesOverlap,
  endpointBox,
  facingSides,
  nodeBox,
  partBox,
  zoneBoxes,
} from '../../../src/lib/graph/layout.ts';
import { litByFlow, parseFlows, componentsInFlow } from '../../../src/lib/graph/flows.ts';
import {
  formatMapState,
  MAP_STATE_PARAMS,
  parseMapState,
} from '../../../src/lib/graph/url-state.ts';
import { findNeighbourInDirection } from '../../../src/lib/graph/keyboard.ts';
import { buildOutline } from '../../../src/lib/graph/outline.ts';
import { getNeighbourIds, getNeighbours } from '../../../src/lib/graph/neighbours.ts';
import { buildPanels } from '../../../src/lib/graph/panel.ts';

const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const facts = Object.fromEntries(
  graph.nodes.map((n) => [
    n.id,
    { title: `${n.label} title`, summary: `About ${n.label}.`, technologies: ['Tech'] },
  ]),
);

describe('layout of the real graph', () => {
  test('no two components overlap', () => {
    const overlaps: string[] = [];
    graph.nodes.forEach((a, i) =>
      graph.nodes
        .slice(i + 1)
        .forEach((b) => boxesOverlap(nodeBox(a), nodeBox(b)) && overlaps.push(`${a.id} × ${b.id}`)),
    );
    expect(overlaps).toEqual([]);
  });

  test('no two part regions overlap', () => {
    const boxes = graph.parts.map((p) => [p.id, partBox(graph, p.id)!] as const);
    const overlaps = boxes.flatMap(([a, boxA], i) =>
      boxes
        .slice(i + 1)
        .filter(([, boxB]) => boxesOverlap(boxA, boxB))
        .map(([b]) => `${a} × ${b}`),
    );
    expect(overlaps).toEqual([]);
  });

  test('every component lies outside the regions of other parts', () => {
    const problems = graph.nodes.flatMap((n) =>
      graph.parts
        .filter((p) => p.id !== n.part && boxesOverlap(nodeBox(n), partBox(graph, p.id)!))
        .map((p) => `${n.id} in part ${p.id}`),
    );
    expect(problems).toEqual([]);
  });

  test('zones sit side by side inside their node, in promotion order', () => {
    const storage = graph.nodes.find((n) => n.id === 'data-storage')!;
    const zones = zoneBoxes(storage);
    expect(zones).toHaveLength(4);
    zones.forEach((z, i) => {
      expect(z.x).toBeGreaterThanOrEqual(0);
      expect(z.x + z.width).toBeLessThanOrEqual(storage.size[0]);
      if (i > 0) expect(z.x).toBeGreaterThan(zones[i - 1]!.x + zones[i - 1]!.width);
    });
    expect(endpointBox(graph, 'data-storage:gold').x).toBe(storage.position[0] + zones[3]!.x);
  });
});

describe('facingSides', () => {
  const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });
  test('joins boxes side by side horizontally and stacked boxes vertically', () => {
    expect(facingSides(box(0, 0), box(300, 20))).toEqual(['right', 'left']);
    expect(facingSides(box(300, 0), box(0, 0))).toEqual(['left', 'right']);
    expect(facingSides(box(0, 0), box(10, 300))).toEqual(['bottom', 'top']);
    expect(facingSides(box(0, 300), box(10, 0))).toEqual(['top', 'bottom']);
  });
});

describe('toFlow', () => {
  const model = toFlow(graph, facts);
  const components = model.nodes.filter((n): n is ComponentMapNode => n.type === 'component');

  test('draws a region per part, a node per component and a child node per zone', () => {
    expect(model.nodes.filter((n) => n.type === 'part')).toHaveLength(8);
    expect(components).toHaveLength(17);
    const zones = model.nodes.filter((n) => n.type === 'zone');
    expect(zones.map((z) => z.id)).toEqual([
      'data-storage__landing',
      'data-storage__bronze',
      'data-storage__silver',
      'data-storage__gold',
    ]);
    expect(zones.every((z) => z.parentId === 'data-storage')).toBe(true);
  });

  test('gives nodes explicit sizes and handles so the map renders on the server', () => {
    for (const n of model.nodes.filter((n) => n.type !== 'part')) {
      expect(n.width).toBeGreaterThan(0);
      expect(n.height).toBeGreaterThan(0);
      expect(n.handles).toHaveLength(8);
    }
  });

  test('computes an accessible sentence for each component', () => {
    const storage = components.find((n) => n.id === 'data-storage')!;
    // The fixture's chapter titles differ from the labels, so the title follows the label.
    expect(storage.data.ariaLabel).toBe(
      '5 Data storage. Data storage title. Part B, Data platform. Tech. Opens summary.',
    );
    expect(storage.data.about).toBe('Data storage title. Part B, Data platform. Tech.');
    // A title equal to the label is not repeated, and no technologies leave no list.
    const node = graph.nodes.find((n) => n.id === 'data-storage')!;
    const about = describeNode(node, 'Data platform', {
      title: 'Data storage',
      summary: '',
      technologies: [],
    });
    expect(about).toBe('Part B, Data platform.');
    // With readiness shown, the progress follows the label, as on screen.
    expect(nodeName({ ...node, about }, 'Opens chapter.', '2 of 13 ready')).toBe(
      '5 Data storage, 2 of 13 ready. Part B, Data platform. Opens chapter.',
    );
    expect(storage.data.href).toBe('/data-storage/');
  });

  test('connects every edge through handles that exist, with a sentence naming both ends', () => {
    const ids = new Set(model.nodes.map((n) => n.id));
    const handleIds = new Set(handlesFor(10, 10).map((h) => h.id));
    for (const e of model.edges) {
      expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
      expect(handleIds.has(e.sourceHandle!) && handleIds.has(e.targetHandle!), e.id).toBe(true);
    }
    const e3 = model.edges.find((e) => e.id === 'e3')!;
    expect(e3).toMatchObject({
      source: 'batch-ingestion',
      target: 'data-storage__landing',
      className: 'flow flow-batch',
    });
    expect(e3.ariaLabel).toBe(
      'Batch ingestion title writes raw extracts to Data storage title (Landing)',
    );
  });

  test('uses the sides an edge fixes instead of the facing ones', () => {
    expect(model.edges.find((e) => e.id === 'e15')).toMatchObject({
      sourceHandle: 's-right',
      targetHandle: 't-right',
    });
  });
});

describe('neighbours', () => {
  test('resolve zones to their component and skip flows inside a component', () => {
    const { upstream, downstream } = getNeighbours(graph, 'data-storage');
    expect(upstream.map((n) => n.nodeId)).toEqual([
      'batch-ingestion',
      'stream-ingestion',
      'etl-cluster',
      'realtime-analytics',
      'adhoc-cluster',
      'bi-cluster',
    ]);
    expect(downstream.map((n) => n.nodeId)).toEqual(['feature-store']);
    expect(getNeighbourIds(graph, 'orchestration')).toEqual([]);
  });
});

describe('named flows', () => {
  const flows = parseFlows(readFileSync('diagram/flows.yaml', 'utf8'), graph);

  test('the four paths exist', () => {
    expect(flows.map((f) => f.id)).toEqual(['batch', 'streaming', 'ml', 'analyst']);
  });

  test('light up the steps so far, zones by their map id', () => {
    const batch = flows.find((f) => f.id === 'batch')!;
    const lit = litByFlow(batch, 2);
    expect([...lit.nodes]).toEqual(['batch-sources', 'batch-ingestion', 'data-storage__landing']);
    expect([...lit.edges]).toEqual(['e1', 'e3']);
    expect(litByFlow(batch, 99).nodes.size).toBeGreaterThan(lit.nodes.size);
    expect(componentsInFlow(batch)).toEqual([
      'batch-sources',
      'batch-ingestion',
      'data-storage',
      'etl-cluster',
      'bi-cluster',
    ]);
  });

  test('reject a step naming an unknown node or edge', () => {
    const bad = `flows:\n  - id: x\n    title: X\n    summary: S\n    steps:\n      - { nodes: [kafka2], text: a }\n      - { nodes: [bi-cluster], edges: [e99], text: b }\n`;
    expect(() => parseFlows(bad, graph, 'flows.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [DataError: flows.yaml: flows[0] "x" steps[0].nodes[0]: "kafka2" is not a node or zone in diagram/graph.yaml.
      flows.yaml: flows[0] "x" steps[1].edges[0]: "e99" is not an edge in diagram/graph.yaml.]
    `);
  });
});

describe('URL state', () => {
  const known = { nodes: new Set(['data-storage', 'security']), flows: new Set(['batch']) };

  test('round-trips a full state', () => {
    const state = {
      node: 'data-storage',
      flow: 'batch',
      step: 2,
      parts: ['A', 'B'] as const,
      readiness: true,
    };
    const search = formatMapState({ ...state, parts: [...state.parts] });
    expect(search).toBe('?node=data-storage&flow=batch&step=3&parts=A,B&readiness=on');
    expect(parseMapState(search, known)).toEqual({ ...state, parts: ['A', 'B'] });
  });

  test('drops unknown nodes, flows and parts instead of failing', () => {
    expect(parseMapState('?node=nope&flow=nope&step=-4&parts=A,Z,b', known)).toEqual({
      node: undefined,
      flow: undefined,
      step: 0,
      parts: ['A', 'B'],
      readiness: false,
    });
  });

  test('the readiness view is off unless the query asks for it, and "off" keeps it off', () => {
    expect(parseMapState('', known).readiness).toBe(false);
    expect(parseMapState('?readiness=on', known).readiness).toBe(true);
    expect(parseMapState('?readiness', known).readiness).toBe(true);
    expect(parseMapState('?readiness=off', known).readiness).toBe(false);
    expect(formatMapState({ step: 0, parts: [], readiness: false })).toBe('');
    expect(formatMapState({ step: 0, parts: [], readiness: true })).toBe('?readiness=on');
  });

  test('writes nothing for the empty state', () => {
    expect(formatMapState({ step: 0, parts: [] })).toBe('');
  });

  test('writes a view with exactly the parameters that make the map hydrate at once', () => {
    // MAP_STATE_PARAMS tells the page which query makes it hydrate before the reader touches the
    // map; a parameter renamed here but not there would open a shared view on the static map.
    const search = formatMapState({
      node: 'data-storage',
      flow: 'batch',
      step: 1,
      parts: ['A'],
      readiness: true,
    });
    expect([...new URLSearchParams(search).keys()].sort()).toEqual([...MAP_STATE_PARAMS].sort());
  });
});

describe('keyboard movement', () => {
  const boxes = new Map([
    ['a', { x: 0, y: 0, width: 100, height: 50 }],
    ['right', { x: 300, y: 10, width: 100, height: 50 }],
    ['far-right', { x: 900, y: 0, width: 100, height: 50 }],
    ['below', { x: 0, y: 300, width: 100, height: 50 }],
  ]);

  test('moves to the nearest neighbour in the arrow direction', () => {
    expect(
      findNeighbourInDirection(boxes, 'a', ['far-right', 'right', 'below'], 'ArrowRight'),
    ).toBe('right');
    expect(findNeighbourInDirection(boxes, 'a', ['right', 'below'], 'ArrowDown')).toBe('below');
  });

  test('stays put when no neighbour lies that way', () => {
    expect(findNeighbourInDirection(boxes, 'a', ['right', 'below'], 'ArrowUp')).toBeUndefined();
    expect(findNeighbourInDirection(boxes, 'a', ['right'], 'ArrowLeft')).toBeUndefined();
  });
});

describe('outline', () => {
  test('lists every part and component, and states flows as sentences', () => {
    const outline = buildOutline(graph, facts);
    expect(outline.map((p) => p.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(outline.flatMap((p) => p.components).length).toBe(17);
    const storage = outline[1]!.components.find((c) => c.id === 'data-storage')!;
    expect(storage.zones).toEqual(['Landing', 'Bronze', 'Silver', 'Gold']);
    expect(storage.outgoing.map((f) => f.text)).toContain(
      'Data storage title (Landing) promotes to Data storage title (Bronze).',
    );
    expect(storage.incoming.map((f) => f.text)).toContain(
      'Batch ingestion title writes raw extracts to Data storage title (Landing).',
    );
    expect(outline[5]!.components.map((c) => c.number)).toEqual([14, 17]);
  });
});

describe('panels', () => {
  test('hold summary, neighbours and only the links that exist', () => {
    const chapters = Object.fromEntries(
      graph.nodes.map((n) => [
        n.id,
        { title: n.label, summary: 's', technologies: [], alternatives: [] },
      ]),
    );
    const panels = buildPanels(graph, chapters, (id) =>
      id === 'data-storage' ? [{ href: '/configs/data-storage/', label: 'Reference configs' }] : [],
    );
    expect(panels['data-storage']!.links.map((l) => l.href)).toEqual([
      '/data-storage/',
      '/configs/data-storage/',
    ]);
    expect(panels['security']!.links.map((l) => l.href)).toEqual(['/security/']);
    expect(panels['ml-serving']!.downstream).toEqual([
      {
        id: 'experiment-tracking',
        title: 'Experiments & model registry',
        flow: 'pulls models from',
      },
    ]);
  });
});

test('flowNodeId addresses zones with a double underscore', () => {
  expect(flowNodeId('data-storage:gold')).toBe('data-storage__gold');
  expect(flowNodeId('security')).toBe('security');
});
