// Facts about the machine and the tools, recorded in the run summary so its timings can be
// read for what they are.
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import type { RunSummary } from './summary-schema.ts';

/** The machine the run is on (no host name or user). */
export function describeMachine(): RunSummary['machine'] {
  return {
    os: `${type()} ${release()}`,
    arch: process.arch,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

/** Node's version and the installed @duckdb/node-api package's. */
export function describeTools(): { node: string; duckdbNodeApi: string } {
  const require = createRequire(import.meta.url);
  const pkg = require('@duckdb/node-api/package.json') as { version: string };
  return { node: process.versions.node, duckdbNodeApi: pkg.version };
}
