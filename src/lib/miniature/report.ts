// Text the miniature prints: progress lines while it runs and the report of a stopped gate.
import type { GateName } from './checks-schema.ts';
import type { CheckResult } from './run-checks.ts';

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Milliseconds as seconds with one decimal: 1234 → "1.2 s". */
export function formatDuration(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One line summing up a gate: "gate landing_to_bronze: 12/12 checks passed". */
export function formatGateLine(gate: GateName, results: readonly CheckResult[]): string {
  const passed = results.filter((r) => r.passed).length;
  return `gate ${gate}: ${passed}/${results.length} checks passed`;
}

/** One failed check as a report line. */
function formatFailure(r: CheckResult): string {
  const of = r.total === null ? '' : ` of ${formatCount(r.total)}`;
  const detail = r.detail ? ` (${r.detail})` : '';
  return `  FAIL  ${r.relation}  ${r.check}: ${formatCount(r.failed)}${of}${detail}`;
}

/** The report printed and saved when a gate stops a day's promotion. */
export function formatStopReport(options: {
  ds: string;
  gate: GateName;
  results: readonly CheckResult[];
  quarantined: ReadonlyArray<{ table: string; path: string }>;
}): string {
  const { ds, gate, results, quarantined } = options;
  const failed = results.filter((r) => !r.passed);
  const lines = [
    `Gate ${gate} stopped the promotion of ${ds}: ${failed.length} of ${results.length} checks failed.`,
    ...failed.map(formatFailure),
    `Nothing was published for ${ds}: bronze, silver and gold still hold the previous run's data.`,
  ];
  if (quarantined.length) {
    lines.push(
      ...quarantined.map((q) => `Quarantined the ${q.table} batch, every row as delivered, in ${q.path}`),
      `Fix the source or the extract, then rerun the day (--day=${ds}): the batch is extracted again.`,
    );
  } else {
    lines.push(`No batch is at fault: fix the model, then rerun the day (--day=${ds}).`);
  }
  return lines.join('\n');
}
