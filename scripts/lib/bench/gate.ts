// The publishing gate, checked before a full run starts (to fail in seconds, not after minutes) and
// again by the schema when each result is written (load may rise during the run).
import { publishingGateFailures } from '../../../src/lib/benchmark/schema.ts';
import type { Sizes } from './context.ts';

/** What the gate needs to know before a run. */
export interface GateInput {
  mode: 'full' | 'quick';
  commit: { sha: string; dirty: boolean; dirtyPaths: string[] };
  cores: number;
  load: [number, number, number];
  plan: Sizes['plan'];
}

/** Reasons a full run may not start; empty for quick runs and when everything passes. */
export function gateBeforeRun(input: GateInput): string[] {
  const runs = Math.min(input.plan.default.runs, input.plan.slow.runs);
  return publishingGateFailures({
    mode: input.mode,
    commit: input.commit,
    // Only the start is known before a run; the schema checks other processes' CPU when the result is written.
    machine: { cores: input.cores, loadAverage: { start: input.load } },
    plan: { runs },
    finished: false,
  });
}

/** The message `npm run bench` prints when it refuses a full run. */
export function describeRefusal(failures: ReadonlyArray<string>): string {
  return `refusing to write full results: ${failures.join('; ')}. Use --quick --out=/tmp/... to try the scripts.`;
}
