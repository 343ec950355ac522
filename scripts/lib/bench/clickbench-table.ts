// Fill the ClickBench benchmark file's cells (and the sentences that name query counts) from the
// systems' result files, so the published table is derived, not typed in.
import {
  combinedTime,
  commonQueries,
  failedQueries,
  relativeTime,
  roundSignificant,
  timesOver,
  type ClickBenchResult,
} from './clickbench.ts';

/** Commit and path of a result file from its GitHub blob URL. */
export function resultFileRef(url: string): { commit: string; path: string } {
  const match = /^https:\/\/github\.com\/ClickHouse\/ClickBench\/blob\/([0-9a-f]{40})\/(.+)$/.exec(
    url,
  );
  if (!match)
    throw new Error(
      `"${url}" is not a ClickBench result file URL at a commit (https://github.com/ClickHouse/ClickBench/blob/<sha>/<path>)`,
    );
  return { commit: match[1]!, path: match[2]! };
}

interface RowLike {
  id: string;
  url?: string;
  cells: Record<string, number | null>;
}
export interface TableLike {
  id: string;
  description: string;
  measures: { id: string; label: string }[];
  rows: RowLike[];
}

/** Two decimals below 100, one above: how the relative figures are printed. */
const relative = (x: number) => Math.round(x * 100) / 100;

/**
 * The benchmark with every derivable cell recomputed and the absolute table's labels naming the
 * common query set; `changes` lists each cell that differed ("table/row/measure: old → new").
 */
export function deriveClickBenchCells<B extends { tables: TableLike[] }>(
  benchmark: B,
  read: (url: string) => ClickBenchResult,
): { benchmark: B; changes: string[] } {
  const copy = structuredClone(benchmark);
  const rows = copy.tables[0]!.rows;
  const files = new Map(rows.map((r) => [r.id, read(r.url ?? '')]));
  const selection = [...files.values()];
  const hot = commonQueries(selection, 'hot');
  const cold = commonQueries(selection, 'cold');
  const changes: string[] = [];
  const set = (table: TableLike, row: RowLike, measure: string, value: number | null) => {
    if (!(measure in row.cells) && !table.measures.some((m) => m.id === measure)) return;
    if (row.cells[measure] !== value)
      changes.push(`${table.id}/${row.id}/${measure}: ${row.cells[measure]} → ${value}`);
    row.cells[measure] = value;
  };
  for (const table of copy.tables)
    for (const row of table.rows) {
      const file = files.get(row.id) ?? read(row.url ?? '');
      if (table.id === 'relative') {
        set(table, row, 'relative-hot', relative(relativeTime(file, selection, 'hot')));
        set(table, row, 'relative-cold', relative(relativeTime(file, selection, 'cold')));
        set(table, row, 'relative-combined', relative(combinedTime(file, selection)));
        set(table, row, 'failed', failedQueries(file, 'hot'));
      } else if (table.id === 'absolute') {
        const h = timesOver(file, hot, 'hot');
        set(table, row, 'geomean-hot', roundSignificant(h.geomean, 4));
        set(table, row, 'sum-hot', Math.round(h.sum * 100) / 100);
        set(table, row, 'sum-cold', Math.round(timesOver(file, cold, 'cold').sum * 100) / 100);
        set(table, row, 'load-time', file.load_time);
        set(table, row, 'data-size', file.data_size);
      }
    }
  const absolute = copy.tables.find((t) => t.id === 'absolute');
  if (absolute) {
    const label = (id: string, text: string) => {
      const m = absolute.measures.find((x) => x.id === id);
      if (m) m.label = text;
    };
    label('geomean-hot', `Hot, geometric mean over the ${hot.length} common queries`);
    label('sum-hot', `Hot, sum of the ${hot.length} common queries`);
    label('sum-cold', `Cold, sum of the ${cold.length} common queries`);
  }
  return { benchmark: copy, changes };
}

/** The query numbers (1-based) every selected system completed, hot and cold, for the method text. */
export function describeCommonQueries(selection: ReadonlyArray<ClickBenchResult>): string {
  const hot = commonQueries(selection, 'hot');
  const cold = commonQueries(selection, 'cold');
  return `${hot.length} of ${selection[0]!.result.length} queries completed hot by every selected system; ${cold.length} cold`;
}
