/** How many times to run each figure. */
export interface RunPlan {
  /** Unmeasured runs first. */
  warmup: number;
  /** Measured runs. */
  runs: number;
}

/** Optional hooks around each run; they are not timed. */
export interface MeasureHooks {
  /** Runs before every run (warm-up included), e.g. to reset a table. */
  before?: () => Promise<unknown> | unknown;
  /** Divide each run's time by this many operations (per-operation figures). Default 1. */
  perOps?: number;
}

/** Time `fn` over the plan's warm-up and measured runs; returns the measured runs in milliseconds. */
export async function measureRuns(fn: () => Promise<unknown> | unknown, plan: RunPlan, hooks: MeasureHooks = {}): Promise<number[]> {
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
