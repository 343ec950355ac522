import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';
import { layOutForPhone, PHONE_PART_WIDTH } from '../../../src/lib/graph/phone-layout.ts';
import {
  boxesOverlap,
  graphBounds,
  nodeBox,
  partBox,
  zoneBoxes,
} from '../../../src/lib/graph/layout.ts';
import { fitZoom, PHONE_FIT_PADDING } from '../../../src/lib/graph/map-fit.ts';
import { toFlow } from '../../../src/lib/graph/to-flow.ts';
import {
  applyLayoutVariant,
  boundsOfNodes,
  toLayoutVariant,
  withVariantBoxes,
} from '../../../src/lib/graph/layout-variant.ts';
import type { Graph, GraphNode } from '../../../src/lib/graph/schema.ts';

const desktop = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const phone = layOutForPhone(desktop);
const facts = Object.fromEntries(
  desktop.nodes.map((n) => [n.id, { title: n.label, summary: '', technologies: ['Tech'] }]),
);

/** Node label and zone text sizes in map.css, in map pixels. */
const LABEL_PX = 16;
const ZONE_PX = 15;
/** The smallest text and target we accept on a phone, in CSS pixels (WCAG 2.5.5 for targets). */
const MIN_TEXT_PX = 12;
const MIN_TARGET_PX = 44;

/** The canvas on a phone `viewport` px wide: the home page's side padding (12 px at 360) and the canvas border. */
const canvasWidth = (viewport: number) => viewport - 2 * Math.max(12, viewport * 0.03) - 2;
const zoomAt = (viewport: number) =>
  fitZoom(
    graphBounds(phone),
    { width: canvasWidth(viewport), height: Infinity },
    PHONE_FIT_PADDING,
  );

const node = (
  id: string,
  part: GraphNode['part'],
  number: number,
  extra: Partial<GraphNode> = {},
): GraphNode => ({
  id,
  part,
  number,
  label: id,
  crossCutting: false,
  position: [0, 0],
  size: [200, 88],
  zones: [],
  ...extra,
});
const graphOf = (nodes: GraphNode[]): Graph => ({
  parts: [...new Set(nodes.map((n) => n.part))].map((id) => ({ id, title: `Part ${id}` })),
  nodes,
  edges: [],
});

describe('the phone layout of the real graph', () => {
  test('keeps every component, zone and edge, and moves only positions, sizes and fixed sides', () => {
    expect(phone.nodes.map((n) => [n.id, n.number, n.part, n.label, n.zones])).toEqual(
      desktop.nodes.map((n) => [n.id, n.number, n.part, n.label, n.zones]),
    );
    expect(phone.edges.map((e) => [e.id, e.source, e.target, e.kind])).toEqual(
      desktop.edges.map((e) => [e.id, e.source, e.target, e.kind]),
    );
    expect(phone.edges.filter((e) => e.sides)).toEqual([]);
    expect(desktop.edges.filter((e) => e.sides).length).toBeGreaterThan(0);
  });

  test('is one column of parts no wider than a part row, starting at the origin', () => {
    const bounds = graphBounds(phone);
    expect(bounds).toMatchObject({ x: 0, y: 0, width: PHONE_PART_WIDTH });
    expect(bounds.height).toBeGreaterThan(bounds.width * 2);
  });

  test('stacks the parts top to bottom in letter order', () => {
    const tops = phone.parts.map((p) => partBox(phone, p.id)!.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  test('no two components overlap, no two part regions overlap, and no component sits in another part', () => {
    const problems: string[] = [];
    phone.nodes.forEach((a, i) =>
      phone.nodes
        .slice(i + 1)
        .forEach((b) => boxesOverlap(nodeBox(a), nodeBox(b)) && problems.push(`${a.id} × ${b.id}`)),
    );
    phone.parts.forEach((a, i) =>
      phone.parts
        .slice(i + 1)
        .forEach(
          (b) =>
            boxesOverlap(partBox(phone, a.id)!, partBox(phone, b.id)!) &&
            problems.push(`part ${a.id} × ${b.id}`),
        ),
    );
    phone.nodes.forEach((n) =>
      phone.parts
        .filter((p) => p.id !== n.part && boxesOverlap(nodeBox(n), partBox(phone, p.id)!))
        .forEach((p) => problems.push(`${n.id} in ${p.id}`)),
    );
    expect(problems).toEqual([]);
  });

  test('opens at a zoom where labels are at least 12 px and every component is a 44 px target, on a 360 px phone', () => {
    const zoom = zoomAt(360);
    expect(LABEL_PX * zoom).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    const small = phone.nodes
      .filter((n) => Math.min(...n.size) * zoom < MIN_TARGET_PX)
      .map((n) => n.id);
    expect(small).toEqual([]);
    const storage = phone.nodes.find((n) => n.id === 'data-storage')!;
    expect(ZONE_PX * zoom).toBeGreaterThanOrEqual(11);
    expect(Math.min(...zoneBoxes(storage).map((z) => z.width)) * zoom).toBeGreaterThanOrEqual(
      MIN_TARGET_PX,
    );
  });

  test('is still readable on the narrowest phone the site supports, 320 px', () => {
    expect(LABEL_PX * zoomAt(320)).toBeGreaterThanOrEqual(10.5);
  });

  test('carries over to the desktop model as boxes and handles alone', () => {
    const variant = toLayoutVariant(toFlow(phone, facts));
    expect(applyLayoutVariant(toFlow(desktop, facts), variant)).toEqual(toFlow(phone, facts));
    expect(JSON.stringify(variant).length).toBeLessThan(4000);
  });
});

describe('layOutForPhone', () => {
  test("puts a part's components two to a row in number order", () => {
    const laid = layOutForPhone(graphOf([node('c', 'A', 3), node('a', 'A', 1), node('b', 'A', 2)]));
    const at = (id: string) => laid.nodes.find((n) => n.id === id)!.position;
    expect(at('a')[1]).toBe(at('b')[1]);
    expect(at('a')[0]).toBeLessThan(at('b')[0]);
    expect(at('c')[1]).toBeGreaterThan(at('a')[1]);
    expect(at('c')[0]).toBe(at('a')[0]);
  });

  test('gives a component with zones a row of its own, the full width of the part', () => {
    const laid = layOutForPhone(
      graphOf([
        node('store', 'B', 1, {
          zones: [
            { id: 'z1', label: 'Z1' },
            { id: 'z2', label: 'Z2' },
          ],
        }),
        node('x', 'B', 2),
        node('y', 'B', 3),
      ]),
    );
    const store = laid.nodes.find((n) => n.id === 'store')!;
    const x = laid.nodes.find((n) => n.id === 'x')!;
    expect(store.position[1] + store.size[1]).toBeLessThan(x.position[1]);
    expect(store.size[0]).toBe(partBox(laid, 'B')!.width - 2 * 18);
    expect(laid.nodes.find((n) => n.id === 'y')!.position[1]).toBe(x.position[1]);
  });

  test('puts two neighbouring one-component parts side by side, inside the width of a full part', () => {
    const laid = layOutForPhone(graphOf([node('a', 'A', 1), node('b', 'B', 2), node('c', 'C', 3)]));
    const [a, b, c] = ['A', 'B', 'C'].map((p) => partBox(laid, p)!);
    expect(a!.y).toBe(b!.y);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
    expect(b!.x + b!.width).toBeLessThanOrEqual(PHONE_PART_WIDTH);
    expect(c!.y).toBeGreaterThan(a!.y + a!.height);
  });

  test('keeps a part whose title is too long for half a row on a row of its own', () => {
    const g = graphOf([node('a', 'A', 1), node('b', 'B', 2)]);
    g.parts[1]!.title = 'Data quality & lineage';
    const laid = layOutForPhone(g);
    expect(partBox(laid, 'B')!.y).toBeGreaterThan(partBox(laid, 'A')!.y);
  });

  test('leaves the graph it is given as it was', () => {
    const before = structuredClone(desktop);
    layOutForPhone(desktop);
    expect(desktop).toEqual(before);
  });
});

describe('applyLayoutVariant', () => {
  test('names the node a variant has no box for, and the ones it has', () => {
    const model = toFlow(graphOf([node('a', 'A', 1)]), {});
    expect(() =>
      applyLayoutVariant(model, { nodes: {}, edges: {}, bounds: model.bounds }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: layout variant: node "part-A" has no box. Boxes exist for: ]`,
    );
  });
});

describe('withVariantBoxes', () => {
  test("carries each node's phone box as CSS properties, zones at their absolute place", () => {
    const phoneModel = toFlow(phone, facts);
    const styled = withVariantBoxes(toFlow(desktop, facts), toLayoutVariant(phoneModel));
    const storage = phone.nodes.find((n) => n.id === 'data-storage')!;
    const gold = zoneBoxes(storage)[3]!;
    expect(styled.nodes.find((n) => n.id === 'data-storage__gold')!.style).toEqual({
      '--phone-x': `${storage.position[0] + gold.x}px`,
      '--phone-y': `${storage.position[1] + gold.y}px`,
      '--phone-w': `${gold.width}px`,
      '--phone-h': `${gold.height}px`,
    });
    expect(styled.nodes.find((n) => n.id === 'batch-sources')!.position).toEqual({ x: 0, y: 230 });
  });
});

describe('boundsOfNodes', () => {
  test('spans the nodes named, with a zone at its place inside its parent', () => {
    const model = toFlow(phone, facts);
    const storage = phone.nodes.find((n) => n.id === 'data-storage')!;
    const landing = zoneBoxes(storage)[0]!;
    const sources = phone.nodes.find((n) => n.id === 'batch-sources')!;
    expect(boundsOfNodes(model, ['batch-sources', 'data-storage__landing'])).toEqual({
      x: sources.position[0],
      y: sources.position[1],
      width: Math.max(
        sources.size[0],
        storage.position[0] + landing.x + landing.width - sources.position[0],
      ),
      height: storage.position[1] + landing.y + landing.height - sources.position[1],
    });
    expect(() => boundsOfNodes(model, ['nope'])).toThrow('no node "nope"');
  });
});
