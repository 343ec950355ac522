/** Summary of repeated runs: the median is the figure shown, min (the fastest run) and max its range. */
export interface RunSummary {
  median: number;
  min: number;
  max: number;
  count: number;
  /** Coefficient of variation (sample standard deviation / mean); 0 for a single figure. */
  cv: number;
}

/** Sample standard deviation over the mean; 0 for fewer than two runs or a zero mean. */
export function coefficientOfVariation(values: ReadonlyArray<number>): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

/** True when two min – max ranges share any value: the runs do not separate the two figures. */
export function rangesOverlap(
  a: Pick<RunSummary, 'min' | 'max'>,
  b: Pick<RunSummary, 'min' | 'max'>,
): boolean {
  return a.min <= b.max && b.min <= a.max;
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
  return {
    median: median(runs),
    min: Math.min(...runs),
    max: Math.max(...runs),
    count: runs.length,
    cv: coefficientOfVariation(runs),
  };
}

/** Round to `digits` decimals, for compact result files (3 decimals of a millisecond is a microsecond). */
export function roundTo(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
