// Run the selected measured benchmarks one after another and write their result files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeasuredBenchmark } from '../../../src/lib/benchmark/schema.ts';
import type { BenchOptions } from './args.ts';
import { BenchmarkSkipped, sizesFor, type BenchContext, type MeasuredId } from './context.ts';
import { runCdcSourceImpact } from './cdc-source-impact.ts';
import { runCdcVsExtract } from './cdc-vs-extract.ts';
import { runCommitInterval } from './commit-interval.ts';
import { collectMachine, gitCommit, loadAverage } from './environment.ts';
import { describeRefusal, gateBeforeRun } from './gate.ts';
import { runFileFormats } from './file-formats.ts';
import { runIncrementalLoad } from './incremental-load.ts';
import { runMorVsCow } from './mor-vs-cow.ts';
import { runObjectStoreAccess } from './object-store-access.ts';
import { runRollupRatio } from './rollup-ratio.ts';
import { runRowVsColumn } from './row-vs-column.ts';
import { runStorageLayout } from './storage-layout.ts';
import { writeResult, type MeasuredInput } from './result.ts';

/** A full run refused by the publishing gate: a message for the user, not a crash. */
export class GateRefusal extends Error {}

const RUNNERS: Record<MeasuredId, (ctx: BenchContext) => Promise<MeasuredInput>> = {
  'file-formats': runFileFormats,
  'storage-layout': runStorageLayout,
  'row-vs-column': runRowVsColumn,
  'incremental-load': runIncrementalLoad,
  'rollup-ratio': runRollupRatio,
  'cdc-vs-extract': runCdcVsExtract,
  'cdc-source-impact': runCdcSourceImpact,
  'mor-vs-cow': runMorVsCow,
  'commit-interval': runCommitInterval,
  'object-store-access': runObjectStoreAccess,
};

/** Where results go when --out is not given: the content folder for full runs, a temp dir for quick ones. */
export function defaultOut(quick: boolean): string {
  return quick ? mkdtempSync(join(tmpdir(), 'blueprint-bench-quick-')) : 'content/benchmarks';
}

/** Run the benchmarks in `options` and write one validated JSON file each to `out`. */
export async function runBenchmarks(
  options: BenchOptions,
  out: string,
  log: (line: string) => void,
): Promise<{ id: MeasuredId; file: string; data: MeasuredBenchmark; seconds: number }[]> {
  const mode = options.quick ? 'quick' : 'full';
  // Read once per run: the results this run writes must not make the next benchmark look dirty.
  const commit = gitCommit();
  const sizes = sizesFor(mode, options.rows);
  const runStartLoad = loadAverage();
  const refusal = gateBeforeRun({
    mode,
    commit,
    cores: collectMachine().cores,
    load: runStartLoad,
    plan: sizes.plan,
  });
  if (refusal.length) throw new GateRefusal(describeRefusal(refusal));
  const workDir = mkdtempSync(join(tmpdir(), 'blueprint-bench-'));
  const results = [];
  try {
    for (const id of options.only) {
      const t0 = performance.now();
      const dir = mkdtempSync(join(workDir, `${id}-`));
      const ctx: BenchContext = {
        workDir: dir,
        mode,
        seed: options.seed,
        sizes,
        postgres: options.postgres,
        machine: collectMachine(dir),
        commit,
        runStartLoad,
        log: (line) => log(`[${id}] ${line}`),
      };
      ctx.log('started');
      let result: MeasuredInput;
      try {
        result = await RUNNERS[id](ctx);
      } catch (error) {
        if (!(error instanceof BenchmarkSkipped)) throw error;
        ctx.log(`skipped: ${error.message}`);
        rmSync(ctx.workDir, { recursive: true, force: true });
        continue;
      }
      const written = writeResult(out, id, result);
      const seconds = (performance.now() - t0) / 1000;
      ctx.log(`done in ${seconds.toFixed(1)} s → ${written.file}`);
      rmSync(ctx.workDir, { recursive: true, force: true });
      results.push({ id, ...written, seconds });
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return results;
}
