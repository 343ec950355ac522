// Lay out the run's lineage graph for a small SVG drawn at build time: one column per zone
// (source, landing, bronze, silver, gold), one box per dataset, one curve per job from each
// input to each output. Check jobs read but do not write, so they draw no edges.
import type { LineageSummary } from './summary-schema.ts';

/** Column order of the drawing. */
const COLUMNS = ['source', 'landing', 'bronze', 'silver', 'gold'] as const;

/** A dataset box. */
export interface LayoutNode {
  id: string;
  /** Table name shown in the box, e.g. "orders". */
  label: string;
  /** Full name for the tooltip, e.g. "silver/orders". */
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A job's edge from one dataset to another. */
export interface LayoutEdge {
  job: string;
  /** SVG path of the curve. */
  d: string;
  /** SVG path of the arrow head at the target. */
  arrow: string;
}

/** The whole drawing. */
export interface LineageLayout {
  width: number;
  height: number;
  columns: Array<{ label: string; x: number }>;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** One sentence per job, for the text alternative. */
  sentences: string[];
}

const BOX = { width: 124, height: 34, gapX: 44, gapY: 14, top: 30, pad: 8 };

/** Compute positions for every dataset and a curve for every job edge. */
export function layoutLineage(lineage: LineageSummary): LineageLayout {
  const byId = new Map(lineage.datasets.map((d) => [d.id, d]));
  const nodes: LayoutNode[] = [];
  const columns = COLUMNS.map((zone, i) => ({
    zone,
    label: zone,
    x: BOX.pad + i * (BOX.width + BOX.gapX),
  }));
  // Rows within a column follow the average row of each dataset's inputs, which keeps the
  // edges from crossing; the source column is alphabetical.
  const inputsOf = new Map<string, string[]>();
  for (const job of lineage.jobs)
    for (const out of job.outputs) inputsOf.set(out, [...(inputsOf.get(out) ?? []), ...job.inputs]);
  const rowOf = new Map<string, number>();
  let rows = 0;
  for (const column of columns) {
    const weight = (id: string) => {
      const rowsIn = (inputsOf.get(id) ?? [])
        .map((i) => rowOf.get(i))
        .filter((r): r is number => r !== undefined);
      return rowsIn.length ? rowsIn.reduce((a, b) => a + b, 0) / rowsIn.length : 0;
    };
    const members = lineage.datasets
      .filter((d) => d.zone === column.zone)
      .sort((a, b) => weight(a.id) - weight(b.id) || a.label.localeCompare(b.label));
    members.forEach((d, row) => {
      rowOf.set(d.id, row);
      nodes.push({
        id: d.id,
        label: d.zone === 'source' ? d.name.split('.').at(-1)! : d.label.split('/')[1]!,
        title: d.label,
        x: column.x,
        y: BOX.top + row * (BOX.height + BOX.gapY),
        width: BOX.width,
        height: BOX.height,
      });
    });
    rows = Math.max(rows, members.length);
  }
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges: LayoutEdge[] = [];
  for (const job of lineage.jobs.filter((j) => j.outputs.length)) {
    for (const input of job.inputs) {
      for (const output of job.outputs) {
        const a = at.get(input);
        const b = at.get(output);
        if (!a || !b) continue;
        const [x1, y1, x2, y2] = [a.x + a.width, a.y + a.height / 2, b.x - 2, b.y + b.height / 2];
        const bend = (x2 - x1) / 2;
        edges.push({
          job: job.name,
          d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2 - 6},${y2}`,
          arrow: `M${x2 - 7},${y2 - 4} L${x2},${y2} L${x2 - 7},${y2 + 4} Z`,
        });
      }
    }
  }
  const label = (id: string) => byId.get(id)?.label ?? id;
  const sentences = lineage.jobs.map((j) =>
    j.outputs.length
      ? `${j.name} reads ${j.inputs.map(label).join(' and ')} and writes ${j.outputs.map(label).join(' and ')}.`
      : `${j.name} checks ${j.inputs.map(label).join(', ')}.`,
  );
  return {
    width: BOX.pad * 2 + COLUMNS.length * BOX.width + (COLUMNS.length - 1) * BOX.gapX,
    height: BOX.top + rows * (BOX.height + BOX.gapY) - BOX.gapY + BOX.pad,
    columns: columns.map(({ label: l, x }) => ({ label: l, x: x + BOX.width / 2 })),
    nodes,
    edges,
    sentences,
  };
}
