// What every benchmark runner receives: where to work, how big, how often, and how to report.
import type { MachineFacts } from './environment.ts';
import type { RunPlan } from './measure.ts';

/** Ids of the measured benchmarks, in the order `npm run bench` runs them. */
export const MEASURED_IDS = [
  'file-formats',
  'storage-layout',
  'row-vs-column',
  'incremental-load',
  'rollup-ratio',
  'cdc-vs-extract',
  'cdc-source-impact',
  'mor-vs-cow',
  'commit-interval',
  'object-store-access',
] as const;
export type MeasuredId = (typeof MEASURED_IDS)[number];

/** Dataset sizes and run counts of one mode. */
export interface Sizes {
  /** Rows of the file-format and layout benchmarks. */
  orders: number;
  /** Rows loaded into each engine of the row-vs-column benchmark. */
  rowStore: number;
  /** Rows of the target table of the incremental-load benchmark. */
  merge: number;
  /** Point lookups and single-row updates per run. */
  lookups: number;
  updates: number;
  /** Share of the table changed per change batch. */
  changeFractions: number[];
  /** Rows of the PostgreSQL source table of the CDC-versus-extract benchmark. */
  cdcRows: number;
  /** Share of that table updated or deleted per change batch. */
  cdcFractions: number[];
  /** The source-impact benchmark: pgbench scale, clients, threads and seconds per run, and rows of the extracted table. */
  sourceImpact: {
    scale: number;
    clients: number;
    threads: number;
    seconds: number;
    extractRows: number;
  };
  /** Rows of the base data file of the merge-on-read against copy-on-write benchmark. */
  morRows: number;
  /** Share of the current rows each round of that benchmark changes. */
  morFractions: number[];
  /** Rounds after which it measures, ascending. */
  morRounds: number[];
  /** Commit intervals in seconds of the commit-interval benchmark; each divides an hour or is a multiple of it. */
  commitIntervals: number[];
  /** Rows per file in the small-files layout (DuckDB writes whole 2,048-row vectors). */
  smallFileRows: number;
  /** Parquet row-group size of the layout benchmark. */
  rowGroupSize: number;
  /** Run plans: cheap figures get more runs than slow ones. */
  plan: { default: RunPlan; slow: RunPlan };
}

/** Default sizes (several minutes on 2 cores) and the quick sizes the test suite uses (seconds, no warm-up). */
export function sizesFor(mode: 'full' | 'quick', rows?: number): Sizes {
  const quick = mode === 'quick';
  const orders = rows ?? (quick ? 40_000 : 2_000_000);
  return {
    orders,
    rowStore: rows ? Math.max(1000, Math.round(rows / 4)) : quick ? 10_000 : 500_000,
    merge: orders,
    lookups: quick ? 50 : 300,
    updates: quick ? 10 : 50,
    // Up to a batch as large as the table, so the break-even between MERGE and reload shows.
    changeFractions: quick ? [0.001, 0.1, 1] : [0.001, 0.01, 0.1, 0.25, 0.5, 1],
    // Every full run of the extract reads the whole table through node-postgres, so half the orders keep it to minutes.
    cdcRows: rows ? Math.max(1000, Math.round(rows / 2)) : quick ? 20_000 : 1_000_000,
    cdcFractions: [0.001, 0.01, 0.1],
    // 3 cases × 11 runs of 20 s is about 12 minutes; the extracted table is the CDC benchmark's.
    sourceImpact: quick
      ? { scale: 1, clients: 4, threads: 2, seconds: 2, extractRows: 20_000 }
      : {
          scale: 10,
          clients: 4,
          threads: 2,
          seconds: 20,
          extractRows: rows ? Math.max(1000, Math.round(rows / 2)) : 1_000_000,
        },
    // Copy-on-write rewrites the whole base file every round (about 4-7 s per round at a million rows on
    // the shared 2-core machine), so a quarter of the orders keeps 3 × 50 rounds plus the timed runs to minutes.
    morRows: rows ? Math.max(1000, Math.round(rows / 4)) : quick ? 20_000 : 500_000,
    morFractions: quick ? [0.01, 0.1] : [0.001, 0.01, 0.1],
    morRounds: quick ? [1, 5] : [1, 5, 20, 50],
    // 10 s leaves 8,640 files a day, which ten query runs still read in minutes; quick keeps to a few hundred.
    commitIntervals: quick ? [300, 900, 3600] : [10, 60, 300, 900],
    smallFileRows: Math.max(2048, Math.round(orders / 1000 / 2048) * 2048),
    rowGroupSize: Math.min(122_880, Math.max(2048, Math.round(orders / 20 / 2048) * 2048)),
    // At least 10 measured runs for a publishable figure (MIN_PUBLISHED_RUNS in the schema).
    plan: quick
      ? { default: { warmup: 0, runs: 2 }, slow: { warmup: 0, runs: 2 } }
      : { default: { warmup: 2, runs: 10 }, slow: { warmup: 1, runs: 10 } },
  };
}

/** Thrown by a runner that cannot run here (e.g. PostgreSQL disabled or not installed): logged, no result file. */
export class BenchmarkSkipped extends Error {}

/** Everything a benchmark runner needs. */
export interface BenchContext {
  /** A private temporary directory for data files; removed afterwards. */
  workDir: string;
  mode: 'full' | 'quick';
  seed: number;
  sizes: Sizes;
  /** Whether to try PostgreSQL when its binaries are installed. */
  postgres: boolean;
  machine: MachineFacts;
  commit: { sha: string; dirty: boolean; dirtyPaths: string[] };
  /**
   * The load average when the whole run started, before its first benchmark: the one the gate
   * holds to half the cores. A later benchmark's own start would count the previous one's work.
   */
  runStartLoad: [number, number, number];
  /** Print one line of progress. */
  log: (line: string) => void;
}
