import { describeRatio, formatValue, type RatioText } from './format.ts';
import type { Benchmark, Measure, Row, Source, Table, Unit } from './schema.ts';
import { rangesOverlap, summariseRuns } from './stats.ts';

/** One cell as the table shows it: the ratio first, then the absolute median and its spread. */
export interface CellView {
  measureId: string;
  /** True when the row has no figure for this measure. */
  missing: boolean;
  /** Median of the runs, in the measure's unit. */
  median?: number;
  /** The median in words, e.g. "12.3 ms". */
  value?: string;
  /** Spread over the runs, e.g. "11.8 ms – 15.2 ms"; absent for a single figure. */
  range?: string | undefined;
  /** Number of runs behind the figure. */
  runs: number;
  /** The best run in words (the fastest time, the lowest size, the highest rate), e.g. "11.8 ms"; absent for a single figure. */
  best?: string | undefined;
  /** Spread as a coefficient of variation, e.g. "CV 12 %"; absent for a single figure. */
  cv?: string | undefined;
  /** True when this cell's min – max range overlaps its baseline's: the runs do not show a difference. */
  overlaps: boolean;
  /** Comparison with the baseline; absent for the baseline itself and for columns without ratios. */
  ratio?: RatioText | undefined;
  /** True when this cell is what the others in its row or column are compared with. */
  baseline: boolean;
}

/** A source as a row cites it. */
export interface SourceRef {
  id: string;
  label: string;
  href: string;
  stance: Source['stance'];
  date?: string | undefined;
}

/** One row as the table shows it. */
export interface RowView {
  id: string;
  label: string;
  note?: string | undefined;
  /** True for the baseline row of a row comparison. */
  baseline: boolean;
  source?: SourceRef | undefined;
  /** Date of the row's own result, and whether it is old relative to when it was retrieved. */
  date?: { text: string; old: boolean } | undefined;
  url?: string | undefined;
  cells: CellView[];
}

/** A column heading. */
export interface MeasureView {
  id: string;
  label: string;
  unit: Unit;
  better: Measure['better'];
  /** True for the baseline column of a column comparison. */
  baseline: boolean;
}

/** Everything a result table renders, computed at build time. */
export interface TableView {
  id: string;
  title: string;
  description: string;
  /** Heading of the row-label column. */
  rowLabel: string;
  /** One sentence saying what the ratios compare; absent when the table has none. */
  compareNote?: string | undefined;
  measures: MeasureView[];
  rows: RowView[];
  notes: string[];
  /** True when rows cite more than one source: each row then shows its own. */
  hasSources: boolean;
  /** The one source every row cites, shown once above the table instead of on every row. */
  singleSource?: SourceRef | undefined;
  /** True when rows carry their own result dates (shown in a "Result date" column). */
  hasDates: boolean;
}

/** Median of a cell, or undefined when the row has no figure. */
export function cellMedian(row: Row, measureId: string): number | undefined {
  const cell = row.cells[measureId];
  return cell ? summariseRuns(cell.runs).median : undefined;
}

/** True when `date` is more than `years` years before `reference` (both YYYY-MM-DD). */
export function isOldResult(date: string, reference: string, years: number): boolean {
  const ref = new Date(`${reference}T00:00:00Z`);
  const limit = new Date(ref);
  limit.setUTCMonth(limit.getUTCMonth() - Math.round(years * 12));
  return new Date(`${date}T00:00:00Z`) < limit;
}

/** The source a row cites: its own `source`, or the benchmark's only source. */
export function rowSource(row: Row, sources: ReadonlyArray<Source>): Source | undefined {
  if (row.source) return sources.find((s) => s.id === row.source);
  return sources.length === 1 ? sources[0] : undefined;
}

/** Context a table needs from its benchmark: sources and retrieval date for published figures. */
export interface TableContext {
  sources?: ReadonlyArray<Source>;
  retrieved?: string;
  staleAfterYears?: number;
}

/** Context of a benchmark's tables. */
export function tableContext(benchmark: Benchmark): TableContext {
  return benchmark.kind === 'published'
    ? {
        sources: benchmark.sources,
        retrieved: benchmark.retrieved,
        staleAfterYears: benchmark.staleAfterYears,
      }
    : {};
}

/** The runs a cell is compared with: the same measure in the baseline row, or the baseline measure in the same row. */
function baselineRuns(table: Table, row: Row, measure: Measure): number[] | undefined {
  if (!table.compare || !measure.ratio) return undefined;
  if ('row' in table.compare) {
    if (row.id === table.compare.row) return undefined;
    const base = table.rows.find((r) => r.id === (table.compare as { row: string }).row)!;
    return base.cells[measure.id]?.runs;
  }
  const baseMeasure = table.measures.find(
    (m) => m.id === (table.compare as { measure: string }).measure,
  )!;
  if (measure.id === baseMeasure.id || measure.unit !== baseMeasure.unit) return undefined;
  return row.cells[baseMeasure.id]?.runs;
}

/** The median a cell is compared with, or undefined when it has no baseline. */
function baselineFor(table: Table, row: Row, measure: Measure): number | undefined {
  const runs = baselineRuns(table, row, measure);
  return runs ? summariseRuns(runs).median : undefined;
}

/** One sentence saying what the table's ratios compare. */
function describeCompare(table: Table): string | undefined {
  if (!table.compare) return undefined;
  if ('row' in table.compare) {
    const id = table.compare.row;
    return `Ratios compare each row with “${table.rows.find((r) => r.id === id)!.label}” (the baseline).`;
  }
  const id = table.compare.measure;
  return `Ratios compare each row’s figures with its “${table.measures.find((m) => m.id === id)!.label}” figure.`;
}

/** Build the view of one result table: ratios against the baseline, medians, spreads and sources. */
export function toTableView(table: Table, context: TableContext = {}): TableView {
  const sources = context.sources ?? [];
  const rows = table.rows.map((row): RowView => {
    const source = rowSource(row, sources);
    return {
      id: row.id,
      label: row.label,
      note: row.note,
      baseline: !!table.compare && 'row' in table.compare && table.compare.row === row.id,
      source: source && {
        id: source.id,
        label: source.publisher,
        href: source.url,
        stance: source.stance,
        date: source.date,
      },
      date:
        row.date === undefined
          ? undefined
          : {
              text: row.date,
              old:
                !!context.retrieved &&
                isOldResult(row.date, context.retrieved, context.staleAfterYears ?? 2),
            },
      url: row.url,
      cells: table.measures.map((measure): CellView => {
        const cell = row.cells[measure.id];
        const isBaseline =
          !!table.compare &&
          ('row' in table.compare
            ? table.compare.row === row.id
            : table.compare.measure === measure.id);
        if (!cell)
          return {
            measureId: measure.id,
            missing: true,
            runs: 0,
            baseline: isBaseline,
            overlaps: false,
          };
        const s = summariseRuns(cell.runs);
        const base = baselineFor(table, row, measure);
        const baseRuns = baselineRuns(table, row, measure);
        // Only repeated runs on both sides have a range to compare; single quoted figures do not.
        const overlaps =
          !!baseRuns &&
          baseRuns.length > 1 &&
          s.count > 1 &&
          rangesOverlap(s, summariseRuns(baseRuns));
        return {
          measureId: measure.id,
          missing: false,
          median: s.median,
          value: formatValue(s.median, measure.unit),
          range:
            s.count > 1
              ? `${formatValue(s.min, measure.unit)} – ${formatValue(s.max, measure.unit)}`
              : undefined,
          runs: s.count,
          best:
            s.count > 1
              ? formatValue(measure.better === 'higher' ? s.max : s.min, measure.unit)
              : undefined,
          cv: s.count > 1 ? `CV ${Math.round(s.cv * 100)} %` : undefined,
          overlaps,
          ratio:
            base === undefined
              ? undefined
              : describeRatio(s.median, base, measure.unit, measure.better),
          baseline: isBaseline && measure.ratio,
        };
      }),
    };
  });
  const distinct = new Set(rows.flatMap((r) => (r.source ? [r.source.id] : [])));
  return {
    id: table.id,
    title: table.title,
    description: table.description,
    rowLabel: table.rowLabel,
    compareNote: describeCompare(table),
    measures: table.measures.map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      better: m.better,
      baseline: !!table.compare && 'measure' in table.compare && table.compare.measure === m.id,
    })),
    rows,
    notes: table.notes,
    hasSources: distinct.size > 1,
    singleSource: distinct.size === 1 && rows.every((r) => r.source) ? rows[0]!.source : undefined,
    hasDates: rows.some((r) => r.date),
  };
}

/** The tables of a benchmark to show: all of them, or the one named `tableId`. Throws a message listing the ids otherwise. */
export function selectTables(benchmarkId: string, benchmark: Benchmark, tableId?: string): Table[] {
  if (tableId === undefined) return benchmark.tables;
  const table = benchmark.tables.find((t) => t.id === tableId);
  if (!table)
    throw new Error(
      `content/benchmarks/${benchmarkId}.json has no table "${tableId}". Known tables: ${benchmark.tables.map((t) => t.id).join(', ')}`,
    );
  return [table];
}

/** Every measured run of a table, one line per row and measure, for readers who want the raw figures. */
export function listRuns(table: Table): { row: string; measure: string; runs: string }[] {
  return table.rows.flatMap((row) =>
    table.measures.flatMap((m) => {
      const cell = row.cells[m.id];
      if (!cell || cell.runs.length < 2) return [];
      return [
        {
          row: row.label,
          measure: m.label,
          runs: cell.runs.map((r) => formatValue(r, m.unit)).join(', '),
        },
      ];
    }),
  );
}
