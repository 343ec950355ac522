import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';
import { boxesOverlap, type Box } from '../../../src/lib/graph/layout.ts';
import {
  MIN_ARROW_GAP,
  describeNeighbourhood,
  layoutNeighbourhood,
  spreadAnchors,
  type NeighbourhoodLayout,
} from '../../../src/lib/graph/neighbourhood.ts';
import { wrapLabel } from '../../../src/lib/graph/export-style.ts';

const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const titles = Object.fromEntries(graph.nodes.map((n) => [n.id, `${n.label} title`]));

/** The point a path ends at (where its arrow points). */
function pathEnd(d: string): { x: number; y: number } {
  const [x, y] = d
    .trim()
    .split(/[ ,C]+/)
    .slice(-2)
    .map(Number);
  return { x: x!, y: y! };
}
function pathStart(d: string): { x: number; y: number } {
  const [x, y] = d.slice(1).split(/[ ,]/).map(Number);
  return { x: x!, y: y! };
}
const inside = (b: Box, p: { x: number; y: number }) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
const onVerticalSide = (b: Box, p: { x: number; y: number }) =>
  (p.x === b.x || p.x === b.x + b.width) && p.y > b.y && p.y < b.y + b.height;

/** A tiny graph: `a` feeds `hub`, `hub` feeds `b`, and `both` flows in and out of `hub`. */
const small = parseGraph(`
parts: [{ id: A, title: One }, { id: E, title: Ops }]
nodes:
  - { id: a, number: 1, part: A, label: Alpha, position: [0, 0] }
  - { id: hub, number: 2, part: A, label: Hub, position: [300, 0] }
  - { id: b, number: 3, part: A, label: Beta, position: [600, 0] }
  - { id: both, number: 4, part: A, label: Both ways, position: [300, 300] }
  - { id: ops, number: 5, part: E, label: Ops, crossCutting: true, position: [0, 600] }
edges:
  - { id: e1, source: a, target: hub, kind: batch, label: loads }
  - { id: e2, source: hub, target: b, kind: stream, label: streams to }
  - { id: e3, source: both, target: hub, kind: query, label: queries }
  - { id: e4, source: hub, target: both, kind: ml, label: trains }
`);

describe('wrapLabel', () => {
  test('keeps short labels on one line and wraps long ones at word breaks', () => {
    expect(wrapLabel('Feature store', 19)).toEqual(['Feature store']);
    expect(wrapLabel('Experiments & model registry', 19)).toEqual([
      'Experiments & model',
      'registry',
    ]);
  });

  test('cuts a third line short with an ellipsis', () => {
    expect(wrapLabel('one two three four five six', 8)).toEqual(['one two', 'three…']);
  });
});

describe('spreadAnchors', () => {
  test('keeps preferred positions that are far enough apart, clamped to the band', () => {
    expect(spreadAnchors([0, 50, 200], 10, 100)).toEqual([10, 50, 100]);
  });

  test('spreads crowded positions evenly, in order, inside the band', () => {
    const ys = spreadAnchors([40, 41, 42], 30, 70);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeGreaterThanOrEqual(MIN_ARROW_GAP));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...ys)).toBeLessThanOrEqual(70);
  });
});

describe('layoutNeighbourhood on the real graph', () => {
  const storage = layoutNeighbourhood(graph, 'data-storage', titles, 'wide');

  test('puts what flows into data storage upstream and the feature store downstream', () => {
    const ids = (dir: string) =>
      storage.items.filter((i) => i.direction === dir).map((i) => i.href);
    expect(ids('upstream').sort()).toEqual([
      '/adhoc-cluster/',
      '/batch-ingestion/',
      '/bi-cluster/',
      '/etl-cluster/',
      '/realtime-analytics/',
      '/stream-ingestion/',
    ]);
    expect(ids('downstream')).toEqual(['/feature-store/']);
    expect(storage.counts).toEqual({ upstream: 6, downstream: 1 });
  });

  test('draws each flow once in its kind, plus the promotions between zones', () => {
    const drawn = Object.fromEntries(storage.edges.map((e) => [e.id, e.kind]));
    expect(drawn).toEqual({
      e3: 'batch',
      e4: 'stream',
      e6: 'promote',
      e7: 'promote',
      e8: 'promote',
      e9: 'ml',
      e12: 'query',
      e13: 'query',
      e14: 'query',
      e17: 'query',
    });
  });

  test('shows the zones inside the centre, in promotion order, top to bottom', () => {
    const { centre } = storage;
    expect(centre.zones.map((z) => z.label)).toEqual(['Landing', 'Bronze', 'Silver', 'Gold']);
    centre.zones.forEach((z, i) => {
      expect(
        inside(centre, { x: z.x, y: z.y }) &&
          inside(centre, { x: z.x + z.width, y: z.y + z.height }),
      ).toBe(true);
      if (i > 0) expect(z.y).toBeGreaterThan(centre.zones[i - 1]!.y + centre.zones[i - 1]!.height);
    });
  });

  test('points a flow into a zone at that zone, and a flow into the component at its label band', () => {
    const zone = (id: string) => storage.centre.zones.find((z) => z.id === id)!;
    const edge = (id: string) => storage.edges.find((e) => e.id === id)!;
    expect(onVerticalSide(zone('landing'), pathEnd(edge('e3').d))).toBe(true);
    expect(onVerticalSide(zone('gold'), pathEnd(edge('e17').d))).toBe(true);
    expect(onVerticalSide(zone('gold'), pathStart(edge('e9').d))).toBe(true);
    const end = pathEnd(edge('e12').d);
    expect(end.x).toBe(storage.centre.x);
    expect(end.y).toBeLessThan(zone('landing').y);
  });

  test('starts each upstream arrow on its box and ends each downstream arrow on its box', () => {
    for (const item of storage.items) {
      const edge = storage.edges.find((e) =>
        item.direction === 'upstream' ? inside(item, pathStart(e.d)) : inside(item, pathEnd(e.d)),
      );
      expect(edge, item.key).toBeDefined();
    }
  });

  test('arrows meeting the same side stay apart', () => {
    const ends = storage.edges
      .filter((e) => !['e6', 'e7', 'e8', 'e9'].includes(e.id))
      .map((e) => pathEnd(e.d).y)
      .sort((a, b) => a - b);
    ends
      .slice(1)
      .forEach((y, i) => expect(y - ends[i]!).toBeGreaterThanOrEqual(MIN_ARROW_GAP - 0.01));
  });

  test('names each link by its visible text, then its direction and the flows in words', () => {
    expect(storage.items.find((i) => i.key === 'upstream:batch-ingestion')!.ariaLabel).toBe(
      '3 Batch ingestion, upstream: Batch ingestion title writes raw extracts to Data storage title (Landing).',
    );
    expect(storage.items.find((i) => i.key === 'downstream:feature-store')!.ariaLabel).toBe(
      '10 Feature store, downstream: Data storage title (Gold) feeds Feature store title.',
    );
  });

  describe.each(graph.nodes.map((n) => n.id))('%s', (id) => {
    const layouts = (['wide', 'narrow'] as const).map((o) =>
      layoutNeighbourhood(graph, id, titles, o),
    );

    test.each(layouts.map((l) => [l.orientation, l] as const))(
      '%s: no boxes overlap and all lie inside the drawing',
      (_, l: NeighbourhoodLayout) => {
        const boxes = [l.centre, ...l.items];
        for (const b of boxes)
          expect(
            b.x >= 0 && b.y >= 0 && b.x + b.width <= l.width && b.y + b.height <= l.height,
            `${b.x},${b.y}`,
          ).toBe(true);
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => expect(boxesOverlap(a, b)).toBe(false)),
        );
        for (const line of [...l.centre.label.lines, ...l.items.flatMap((i) => i.label.lines)])
          expect(line.y).toBeLessThanOrEqual(l.height);
      },
    );

    test('fits a 46rem chapter column wide, and a phone narrow', () => {
      expect(layouts[0]!.width).toBeLessThanOrEqual(736);
      expect(layouts[1]!.width).toBeLessThanOrEqual(340);
    });
  });
});

describe('layoutNeighbourhood on small graphs', () => {
  test('shows a neighbour that is both upstream and downstream on both sides', () => {
    const l = layoutNeighbourhood(small, 'hub', {}, 'wide');
    expect(l.items.map((i) => i.key)).toEqual([
      'upstream:a',
      'upstream:both',
      'downstream:b',
      'downstream:both',
    ]);
    expect(l.columns).toBe(3);
    const up = l.items.filter((i) => i.direction === 'upstream');
    const down = l.items.filter((i) => i.direction === 'downstream');
    expect(up.every((i) => i.x + i.width < l.centre.x)).toBe(true);
    expect(down.every((i) => i.x > l.centre.x + l.centre.width)).toBe(true);
  });

  test('a component with flows only one way leaves out the empty column', () => {
    const l = layoutNeighbourhood(small, 'a', {}, 'wide');
    expect(l.columns).toBe(2);
    expect(l.centre.x).toBe(0);
    expect(l.headings.map((h) => h.text)).toEqual(['This chapter', 'Downstream']);
  });

  test('the narrow layout lists neighbours in one column beside the component, upstream first', () => {
    const l = layoutNeighbourhood(small, 'hub', {}, 'narrow');
    expect(new Set(l.items.map((i) => i.x)).size).toBe(1);
    expect(l.items.map((i) => i.direction)).toEqual([
      'upstream',
      'upstream',
      'downstream',
      'downstream',
    ]);
    const ys = l.items.map((i) => i.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(l.headings.map((h) => h.text)).toEqual(['This chapter', 'Upstream', 'Downstream']);
  });

  test('a cross-cutting component without flows serves every part that has flow components', () => {
    const l = layoutNeighbourhood(small, 'ops', { ops: 'Operations' }, 'wide');
    expect(l.servesAll).toBe(true);
    expect(l.items.map((i) => [i.href, i.badge])).toEqual([['/chapters/#part-A', 'A']]);
    expect(l.items[0]!.ariaLabel).toBe(
      "A One: every component in this part relies on Operations. Lists the part's chapters.",
    );
    expect(l.edges).toEqual([expect.objectContaining({ id: 'serves-A', kind: 'control' })]);
    expect(l.headings.map((h) => h.text)).toContain('Serves every component');
  });

  test('rejects an unknown component, listing the known ones', () => {
    expect(() => layoutNeighbourhood(small, 'hubb', {}, 'wide')).toThrowErrorMatchingInlineSnapshot(
      `[Error: No component "hubb" in diagram/graph.yaml. Known components: a, hub, b, both, ops]`,
    );
  });
});

describe('describeNeighbourhood', () => {
  test('counts neighbours in words, or says the component serves everything', () => {
    const say = (id: string) =>
      describeNeighbourhood(layoutNeighbourhood(graph, id, titles, 'wide'), titles[id]!);
    expect(say('data-storage')).toBe(
      'Data storage title on the platform map: 6 components upstream, one downstream.',
    );
    expect(say('batch-sources')).toBe(
      'Batch data title on the platform map: one component downstream.',
    );
    expect(say('bi-cluster')).toBe(
      'BI cluster title on the platform map: 2 components downstream.',
    );
    expect(say('security')).toBe(
      'Security title is cross-cutting: it serves every component of the platform rather than sitting on one flow.',
    );
  });
});
