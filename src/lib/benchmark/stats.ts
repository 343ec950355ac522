/** Summary of repeated runs: the median is the figure shown, min and max its spread. */
export interface RunSummary {
  median: number;
  min: number;
  max: number;
  count: number;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: ReadonlyArray<number>): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, min, max and count of a non-empty list of runs. */
export function summariseRuns(runs: ReadonlyArray<number>): RunSummary {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), count: runs.length };
}

/** Round to `digits` decimals, for compact result files (3 decimals of a millisecond is a microsecond). */
export function roundTo(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
