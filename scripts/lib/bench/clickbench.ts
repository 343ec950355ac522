// ClickBench aggregates for a selection of systems, computed from their result files with the
// formula of ClickBench's own page (index.html at the cited commit), plus absolute figures over the
// queries every selected system completed, so no system's mean is taken over an easier subset.

/** One system's ClickBench result file: per query, three runs in seconds (null = failed). */
export interface ClickBenchResult {
  system: string;
  load_time: number | null;
  data_size: number | null;
  result: ReadonlyArray<ReadonlyArray<number | null> | null>;
}

/** Which run of a query a figure uses: the first (cold) or the better of runs 2 and 3 (hot). */
export type ClickBenchMetric = 'hot' | 'cold';

// Constants of ClickBench's index.html (constant_time_add, missing_result_penalty, missing_result_time).
const TIME_ADD = 0.01;
const PENALTY = 2;
const PENALTY_FLOOR = 300;

/** A query's time for a metric, as ClickBench's selectRun(): hot needs both runs 2 and 3. */
export function selectRun(
  timings: ReadonlyArray<number | null> | null | undefined,
  metric: ClickBenchMetric,
): number | null {
  if (!timings) return null;
  if (metric === 'cold') return timings[0] ?? null;
  return timings[1] != null && timings[2] != null ? Math.min(timings[1], timings[2]) : null;
}

/** Per query and run, the best time of any selected system (ClickBench's baseline_data). */
function baselineRuns(systems: ReadonlyArray<ClickBenchResult>): (number | null)[][] {
  const queries = systems[0]!.result.length;
  return Array.from({ length: queries }, (_, q) =>
    [0, 1, 2].map((run) => {
      const times = systems.map((s) => s.result[q]?.[run]).filter((t): t is number => t != null);
      return times.length ? Math.min(...times) : null;
    }),
  );
}

/**
 * ClickBench's relative time of one system: per query (time + 10 ms) / (best + 10 ms), a failed
 * query counting as 2 × max(300 s, the system's worst time), geometric mean over the queries.
 */
export function relativeTime(
  system: ClickBenchResult,
  selection: ReadonlyArray<ClickBenchResult>,
  metric: ClickBenchMetric,
): number {
  const baseline = baselineRuns(selection);
  const worst = Math.max(PENALTY_FLOOR, ...system.result.map((t) => selectRun(t, metric) ?? 0));
  let sum = 0;
  let used = 0;
  baseline.forEach((runs, q) => {
    const base = selectRun(runs, metric);
    if (base === null) return;
    const time = selectRun(system.result[q], metric) ?? PENALTY * worst;
    sum += Math.log((TIME_ADD + time) / (TIME_ADD + base));
    used++;
  });
  return Math.exp(sum / used);
}

/** ClickBench's combined figure: hot 60 %, cold 20 %, load time 10 %, data size 10 %, in log space. */
export function combinedTime(
  system: ClickBenchResult,
  selection: ReadonlyArray<ClickBenchResult>,
): number {
  const minLoad = Math.min(...selection.map((s) => s.load_time ?? 0).filter((t) => t > 5));
  const minSize = Math.min(...selection.map((s) => s.data_size ?? 0).filter((b) => b > 1e9));
  const load = system.load_time != null && system.load_time >= 5 ? system.load_time / minLoad : 1;
  const size = system.data_size != null && system.data_size >= 1e9 ? system.data_size / minSize : 2;
  return Math.exp(
    0.1 * Math.log(load) +
      0.1 * Math.log(size) +
      0.2 * Math.log(relativeTime(system, selection, 'cold')) +
      0.6 * Math.log(relativeTime(system, selection, 'hot')),
  );
}

/** Indexes (0-based) of the queries every selected system completed for a metric. */
export function commonQueries(
  selection: ReadonlyArray<ClickBenchResult>,
  metric: ClickBenchMetric,
): number[] {
  const queries = selection[0]!.result.length;
  return Array.from({ length: queries }, (_, q) => q).filter((q) =>
    selection.every((s) => selectRun(s.result[q], metric) !== null),
  );
}

/** Number of queries a system did not complete for a metric. */
export function failedQueries(system: ClickBenchResult, metric: ClickBenchMetric): number {
  return system.result.filter((t) => selectRun(t, metric) === null).length;
}

/**
 * Geometric mean and sum of a system's times over the given queries (which it completed). The mean
 * is shifted by ClickBench's 10 ms, exp(mean(log(t + 0.01))) − 0.01, because some results round a
 * fast query to 0 s, which would make a plain geometric mean 0.
 */
export function timesOver(
  system: ClickBenchResult,
  queries: ReadonlyArray<number>,
  metric: ClickBenchMetric,
): { geomean: number; sum: number } {
  const times = queries.map((q) => {
    const t = selectRun(system.result[q], metric);
    if (t === null)
      throw new Error(
        `${system.system}: query ${q + 1} has no ${metric} time; pass only queries it completed`,
      );
    return t;
  });
  const geomean =
    Math.exp(times.reduce((a, t) => a + Math.log(t + TIME_ADD), 0) / times.length) - TIME_ADD;
  return { geomean, sum: times.reduce((a, t) => a + t, 0) };
}

/** Round to `digits` significant digits, as the published table prints them. */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0) return 0;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}
