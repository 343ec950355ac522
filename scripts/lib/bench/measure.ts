/** How many times to run each figure. */
export interface RunPlan {
  /** Unmeasured runs first. */
  warmup: number;
  /** Measured runs. */
  runs: number;
}

/** Optional hooks around each run; they are not timed. */
export interface MeasureHooks {
  /** Runs before every run (warm-up included), e.g. to reset a table; a returned promise is awaited. */
  before?: () => unknown;
  /** Divide each run's time by this many operations (per-operation figures). Default 1. */
  perOps?: number;
}

/** Time `fn` over the plan's warm-up and measured runs; returns the measured runs in milliseconds. */
export async function measureRuns(
  fn: () => unknown,
  plan: RunPlan,
  hooks: MeasureHooks = {},
): Promise<number[]> {
  const runs: number[] = [];
  const ops = hooks.perOps ?? 1;
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    await hooks.before?.();
    const start = performance.now();
    await fn();
    const elapsed = performance.now() - start;
    if (i >= plan.warmup) runs.push(elapsed / ops);
  }
  return runs;
}

/** One contender in an interleaved measurement. */
export interface Contender extends MeasureHooks {
  run: () => unknown;
}

/**
 * Time several contenders round-robin: all warm-ups first, then run 1 of each, run 2 of each, and
 * so on. A burst of load from other processes then hits every contender alike instead of whichever
 * happened to be running, which keeps the ratios fair on a shared machine.
 */
export async function measureInterleaved<K extends string>(
  contenders: Record<K, Contender>,
  plan: RunPlan,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(contenders) as K[];
  const runs = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    for (const key of keys) {
      const c = contenders[key];
      await c.before?.();
      const start = performance.now();
      await c.run();
      const elapsed = performance.now() - start;
      if (i >= plan.warmup) runs[key].push(elapsed / (c.perOps ?? 1));
    }
  }
  return runs;
}
