// Assemble a measured benchmark's result file and write it, validated, as stable JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { join } from 'node:path';
import { parseOrThrow } from '../../../src/lib/errors/format-issues.ts';
import {
  MeasuredBenchmarkSchema,
  type MeasuredBenchmark,
} from '../../../src/lib/benchmark/schema.ts';
import { roundTo } from '../../../src/lib/benchmark/stats.ts';
import type { BenchContext, MeasuredId } from './context.ts';
import { loadAverage, otherCpuCores, sampleCpu, type CpuSample } from './environment.ts';
import type { RunPlan } from './measure.ts';
import { ORDERS_DESCRIPTION, ORDERS_GENERATOR } from './orders.ts';

/** The input shape of a measured result file. */
export type MeasuredInput = z.input<typeof MeasuredBenchmarkSchema>;

/** A cell of measured runs, rounded to the microsecond. */
export function runsCell(runs: ReadonlyArray<number>): { runs: number[] } {
  return { runs: runs.map((r) => roundTo(r, 3)) };
}

/** The setting line that says runs were interleaved across contenders. */
export const RUN_ORDER = {
  name: 'Run order',
  value:
    'round-robin: run 1 of every variant, then run 2 of every variant, and so on, so that load from other processes hits all variants alike',
};

/** Marks the start of a benchmark: time, CPU ticks and a clock for its duration. */
export interface Started {
  date: string;
  t0: number;
  cpu: CpuSample | undefined;
}

/** Start the clock of a benchmark. */
export function start(): Started {
  return { date: new Date().toISOString(), t0: performance.now(), cpu: sampleCpu() };
}

/** The parts of a result file a runner decides. */
export interface MeasuredSpec {
  id: MeasuredId;
  title: string;
  summary: string;
  components: string[];
  tables: MeasuredInput['tables'];
  caveats: string[];
  software: { name: string; version: string }[];
  rows: number;
  plan: RunPlan;
  settings: { name: string; value: string }[];
  /** What was measured and on what, and what it is not, e.g. "Parquet files on a local disk read by DuckDB; not Trino over S3". */
  scope: string;
}

/** Other processes' CPU since `started`, in cores; undefined where /proc cannot be read. */
function measuredOtherCpu(started: Started, cores: number): number | undefined {
  const now = sampleCpu();
  return started.cpu && now ? otherCpuCores(started.cpu, now, cores) : undefined;
}

/** Build a measured result file with full provenance from a runner's figures. */
export function buildMeasured(
  ctx: BenchContext,
  started: Started,
  spec: MeasuredSpec,
): MeasuredInput {
  return {
    kind: 'measured',
    scope: spec.scope,
    title: spec.title,
    summary: spec.summary,
    components: spec.components,
    reproduce: `npm run bench -- --only=${spec.id}`,
    generatedBy: 'scripts/bench/run.ts (npm run bench); do not edit by hand',
    provenance: {
      date: started.date,
      commit: ctx.commit,
      mode: ctx.mode,
      machine: {
        ...ctx.machine,
        loadAverage: { start: ctx.runStartLoad, end: loadAverage() },
        otherCpu: measuredOtherCpu(started, ctx.machine.cores),
      },
      node: process.version,
      software: spec.software,
      dataset: {
        name: 'orders',
        description: ORDERS_DESCRIPTION,
        rows: spec.rows,
        seed: ctx.seed,
        generator: ORDERS_GENERATOR,
      },
      plan: spec.plan,
      settings: spec.settings,
      durationSeconds: roundTo((performance.now() - started.t0) / 1000, 1),
    },
    tables: spec.tables,
    caveats: spec.caveats,
  };
}

/** JSON with two-space indents, but arrays of numbers (runs, load averages) kept on one line. */
export function stringifyResult(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g,
    (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`,
  );
  return `${text}\n`;
}

/** Validate a result against the schema (so the site will accept it) and write `<out>/<id>.json`. */
export function writeResult(
  out: string,
  id: string,
  result: MeasuredInput,
): { file: string; data: MeasuredBenchmark } {
  const file = join(out, `${id}.json`);
  const data = parseOrThrow(MeasuredBenchmarkSchema, result, file);
  mkdirSync(out, { recursive: true });
  writeFileSync(file, stringifyResult(result));
  return { file, data };
}
