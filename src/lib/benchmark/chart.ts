import { displayStep, formatValue } from './format.ts';
import type { Chart, Table, Unit } from './schema.ts';
import { summariseRuns } from './stats.ts';

/** One bar: a row's median for one measure, with the run spread as a whisker. */
export interface ChartBar {
  /** Index into the chart's series (one per charted measure). */
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The median in words, printed after the bar. */
  label: string;
  labelX: number;
  /** Min–max of the runs, drawn as a line through the bar; absent for single figures. */
  whisker?: { x1: number; x2: number; y: number } | undefined;
}

/** One row of bars. */
export interface ChartRow {
  label: string;
  /** Vertical centre of the row label. */
  labelY: number;
  baseline: boolean;
  bars: ChartBar[];
}

/** Everything an SVG bar chart draws, in SVG user units; computed at build time, rendered without JavaScript. */
export interface BarChartModel {
  /** Accessible name of the chart (the SVG's <title>). */
  title: string;
  /** The chart's figures in words (the SVG's <desc>); the table stays the source of truth. */
  desc: string;
  width: number;
  height: number;
  /** The drawing area for bars. */
  plot: { x: number; y: number; width: number; height: number };
  scale: 'linear' | 'log';
  series: { id: string; label: string }[];
  rows: ChartRow[];
  ticks: { x: number; label: string }[];
  /** Axis caption, e.g. "median time (ms), logarithmic scale; shorter is better". */
  axisLabel: string;
}

const WIDTH = 720;
const BAR = 18;
const BAR_GAP = 3;
const ROW_GAP = 12;
const VALUE_SPACE = 96;
const AXIS_SPACE = 40;
const LEGEND_SPACE = 24;
const CHAR_W = 7;

/** The smallest "nice" number (1, 2, 2.5 or 5 × 10^k) at or above `value`. */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * exp >= value * (1 - 1e-9)) return step * exp;
  return 10 * exp;
}

/** Pick the axis scale: "auto" turns logarithmic when the values span more than 100×. */
export function chooseScale(
  values: ReadonlyArray<number>,
  requested: Chart['scale'],
): 'linear' | 'log' {
  if (requested !== 'auto') return requested;
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return 'linear';
  return Math.max(...positive) / Math.min(...positive) > 100 ? 'log' : 'linear';
}

/** Build a horizontal bar chart of the charted measures' medians, one group of bars per row. */
export function toBarChart(table: Table, chart: Chart): BarChartModel {
  const measures = chart.measures.map((id) => table.measures.find((m) => m.id === id)!);
  const unit: Unit = measures[0]!.unit;
  const better = measures[0]!.better;
  const baselineRow = table.compare && 'row' in table.compare ? table.compare.row : undefined;

  const stats = table.rows.map((row) =>
    measures.map((m) => (row.cells[m.id] ? summariseRuns(row.cells[m.id]!.runs) : undefined)),
  );
  const values = stats.flat().flatMap((s) => (s ? [s.median, s.min, s.max] : []));
  const scale = chooseScale(values, chart.scale);

  const labelWidth = Math.min(
    230,
    Math.max(80, Math.max(...table.rows.map((r) => r.label.length)) * CHAR_W + 12),
  );
  const legend = measures.length > 1 ? LEGEND_SPACE : 0;
  const plot = { x: labelWidth, y: 8 + legend, width: WIDTH - labelWidth - VALUE_SPACE, height: 0 };
  const groupHeight = measures.length * BAR + (measures.length - 1) * BAR_GAP;
  plot.height = table.rows.length * groupHeight + (table.rows.length - 1) * ROW_GAP + ROW_GAP;

  let toX: (v: number) => number;
  let ticks: { x: number; label: string }[];
  if (scale === 'log') {
    const positive = values.filter((v) => v > 0);
    const lo = 10 ** Math.floor(Math.log10(Math.min(...positive)));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
    const span = Math.log10(hi / lo) || 1;
    toX = (v) => plot.x + (v <= 0 ? 0 : (Math.log10(Math.max(v, lo) / lo) / span) * plot.width);
    const every = span > 6 ? 2 : 1;
    ticks = [];
    for (let e = 0; e <= span; e += every)
      ticks.push({ x: toX(lo * 10 ** e), label: formatValue(lo * 10 ** e, unit) });
  } else {
    // Four or five intervals whose step is a nice number in the unit the figures are printed in.
    const top = Math.max(...values, 0) || 1;
    const shown = displayStep(top, unit);
    const step = niceCeil(top / shown / 4) * shown;
    const max = Math.ceil(top / step - 1e-9) * step;
    toX = (v) => plot.x + (v / max) * plot.width;
    ticks = [];
    for (let i = 0; i * step <= max * (1 + 1e-9); i++)
      ticks.push({ x: toX(i * step), label: i === 0 ? '0' : formatValue(i * step, unit) });
  }

  const rows: ChartRow[] = table.rows.map((row, r) => {
    const top = plot.y + ROW_GAP / 2 + r * (groupHeight + ROW_GAP);
    const bars = measures.flatMap((_, s): ChartBar[] => {
      const st = stats[r]![s];
      if (!st) return [];
      const y = top + s * (BAR + BAR_GAP);
      const width = Math.max(1.5, toX(st.median) - plot.x);
      const whisker =
        st.count > 1 ? { x1: toX(st.min), x2: toX(st.max), y: y + BAR / 2 } : undefined;
      const end = Math.max(plot.x + width, whisker?.x2 ?? 0);
      return [
        {
          series: s,
          x: plot.x,
          y,
          width,
          height: BAR,
          label: formatValue(st.median, unit),
          labelX: end + 6,
          whisker,
        },
      ];
    });
    const fits = Math.floor((labelWidth - 12) / CHAR_W);
    const label =
      row.label.length > fits ? `${row.label.slice(0, fits - 1).trimEnd()}…` : row.label;
    return { label, labelY: top + groupHeight / 2, baseline: row.id === baselineRow, bars };
  });

  const measureNames = measures.map((m) => m.label).join(' and ');
  const direction =
    better === 'lower' ? 'shorter is better' : better === 'higher' ? 'longer is better' : '';
  const unitName =
    unit === 'ms' || unit === 's'
      ? 'median time'
      : unit === 'bytes'
        ? 'size'
        : unit === 'x'
          ? 'relative factor'
          : unit === 'count'
            ? 'count'
            : 'throughput';
  const axisLabel = [unitName, scale === 'log' ? 'logarithmic scale' : '', direction]
    .filter(Boolean)
    .join('; ');
  const figures = table.rows
    .map(
      (row, r) =>
        `${row.label}: ${measures
          .map((m, s) => {
            const st = stats[r]![s];
            return `${measures.length > 1 ? `${m.label} ` : ''}${st ? formatValue(st.median, unit) : 'not measured'}`;
          })
          .join(', ')}`,
    )
    .join('; ');
  return {
    title: `${table.title}: ${measureNames}`,
    desc: `Bar chart of ${measureNames} per row (${axisLabel}). ${figures}.`,
    width: WIDTH,
    height: plot.y + plot.height + AXIS_SPACE,
    plot,
    scale,
    series: measures.map((m) => ({ id: m.id, label: m.label })),
    rows,
    ticks,
    axisLabel,
  };
}
