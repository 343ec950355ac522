// What MiniatureRun.astro shows, computed from the run summary: rows for its tables and the
// sentence that says where and when the numbers were measured.
import { parseOrThrow } from '../errors/format-issues.ts';
import type { GateName } from './gates.ts';
import { formatBytes, formatCount, formatDuration } from './report.ts';
import { RunSummarySchema, type RunSummary } from './summary-schema.ts';

/** Parse the committed summary; a bad file fails the build naming the field. */
export function parseRunSummary(
  json: unknown,
  file = 'content/miniature/run-summary.json',
): RunSummary {
  return parseOrThrow(RunSummarySchema, json, file);
}

/** Readable names of the gates. */
export const GATE_LABELS: Record<GateName, string> = {
  landing_to_bronze: 'Landing → bronze',
  bronze_to_silver: 'Bronze → silver',
  silver_to_gold: 'Silver → gold',
};

/** One sentence on what was run, where and how long it took. */
export function describeRun(summary: RunSummary): string {
  const { machine, versions, config } = summary;
  const day = summary.date.slice(0, 10);
  const source =
    !versions.source || versions.source.startsWith('DuckDB')
      ? ''
      : `, ${versions.source} as the shop's database`;
  // Timings from a busy shared machine read differently from an idle laptop's: say so.
  const load =
    machine.loadAverage > machine.cores
      ? ` The machine was shared: its load average was ${machine.loadAverage.toFixed(1)} on ${machine.cores} cores, so the CPU time says more than the wall-clock time.`
      : '';
  return `${summary.command} on ${day}: ${config.days} days of a shop with ${formatCount(config.customers)} customers and about ${formatCount(config.ordersPerDay)} orders a day took ${formatDuration(summary.durationMs)} (CPU ${formatDuration(summary.cpuMs)}) on ${machine.os} ${machine.arch}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, with Node ${versions.node} and DuckDB ${versions.duckdb}${source}.${load}`;
}

/** One row per lake table: zone, table, rows, files, size. */
export function toZoneRows(
  summary: RunSummary,
): Array<{ zone: string; table: string; rows: string; files: string; size: string }> {
  return summary.zones.map((z) => ({
    zone: z.zone,
    table: z.table,
    rows: formatCount(z.rows),
    files: formatCount(z.files),
    size: formatBytes(z.bytes),
  }));
}

/** One row per day: what landed, what was new, what the MERGE did, checks and time. */
export function toDayRows(summary: RunSummary): Array<{
  ds: string;
  status: string;
  landed: string;
  bronze: string;
  silver: string;
  checks: string;
  files: string;
  time: string;
}> {
  return summary.days.map((d) => ({
    ds: d.ds,
    status: d.status === 'stopped' ? `stopped at ${d.stoppedAt}` : d.status,
    landed: `${formatCount(d.landingRows.orders)}${d.resentRows.orders ? ` (${formatCount(d.resentRows.orders)} resent)` : ''}`,
    bronze: formatCount(d.bronzeNew.orders),
    silver: `+${formatCount(d.silverInserted.orders)} / ${formatCount(d.silverUpdated.orders)}`,
    checks: `${d.checksPassed}/${d.checksPassed + d.checksFailed}`,
    files: formatCount(d.filesWritten),
    time: formatDuration(d.durationMs),
  }));
}

/** The checks grouped by gate, each with how often it passed. */
export function toCheckGroups(summary: RunSummary): Array<{
  gate: string;
  checks: Array<{ relation: string; check: string; result: string; ok: boolean }>;
}> {
  const gates = [...new Set(summary.checks.map((c) => c.gate))];
  return gates.map((gate) => ({
    gate: GATE_LABELS[gate],
    checks: summary.checks
      .filter((c) => c.gate === gate)
      .map((c) => ({
        relation: c.relation,
        check: c.check,
        result: `${c.passed}/${c.runs}`,
        ok: c.passed === c.runs,
      })),
  }));
}

/** How many checks ran over all days, and how many passed. */
export function countChecks(summary: RunSummary): { runs: number; passed: number } {
  return summary.checks.reduce((t, c) => ({ runs: t.runs + c.runs, passed: t.passed + c.passed }), {
    runs: 0,
    passed: 0,
  });
}

/** One line on the rerun check, or null when the run had none. */
export function describeRerun(summary: RunSummary): string | null {
  const r = summary.rerun;
  if (!r) return null;
  return r.unchanged
    ? `Rerunning ${r.ds} afterwards wrote ${r.filesWritten} files and left every bronze, silver and gold table exactly as it was.`
    : `Rerunning ${r.ds} changed the lake: the run is not idempotent.`;
}
