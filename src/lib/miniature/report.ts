// Text the miniature prints: progress lines while it runs and the report of a stopped gate.
import type { GateName } from './gates.ts';
import type { RunSummary } from './summary-schema.ts';
import type { CheckResult } from './run-checks.ts';

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count with its noun: 1 → "1 row", 2617 → "2,617 rows". */
export function formatCountOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

/** Milliseconds as seconds with one decimal: 1234 → "1.2 s". */
export function formatDuration(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One line summing up a gate: "gate landing_to_bronze: 12/12 checks passed" (", 1 warning"). */
export function formatGateLine(gate: GateName, results: readonly CheckResult[]): string {
  const passed = results.filter((r) => r.passed).length;
  const warnings = results.filter((r) => !r.passed && r.severity === 'warn').length;
  return `gate ${gate}: ${passed}/${results.length} checks passed${warnings ? `, ${formatCountOf(warnings, 'warning')}` : ''}`;
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
  /** The day's batches without failures, moved with those at fault. Default none. */
  setAside?: ReadonlyArray<{ table: string; path: string }>;
}): string {
  const { ds, gate, results, quarantined, setAside = [] } = options;
  const failed = results.filter((r) => !r.passed && r.severity === 'error');
  const warned = results.filter((r) => !r.passed && r.severity === 'warn');
  const lines = [
    `Gate ${gate} stopped the promotion of ${ds}: ${failed.length} of ${results.length} checks failed.`,
    ...failed.map(formatFailure),
    ...warned.map((r) => `${formatFailure(r).replace('  FAIL  ', '  WARN  ')} (warn-only)`),
    `Nothing was published for ${ds}: bronze, silver and gold still hold the previous run's data.`,
  ];
  if (quarantined.length) {
    lines.push(
      ...quarantined.map(
        (q) => `Quarantined the ${q.table} batch, every row as delivered, in ${q.path}`,
      ),
      ...setAside.map(
        (q) =>
          `Moved the day's ${q.table} batch (no failures) there too, in ${q.path}, so that the day is extracted again as one consistent set`,
      ),
      // A column the contract does not know is a contract question before it is a data one.
      failed.some((r) => r.contract && r.contract.version === null)
        ? `The source changed its columns: review a contract version that has them (checks.yaml, contract ${failed.find((r) => r.contract)!.contract!.name}), then rerun the day (--day=${ds}): the batch is extracted again.`
        : `Fix the source or the extract, then rerun the day (--day=${ds}): the batch is extracted again.`,
    );
  } else {
    lines.push(`No batch is at fault: fix the model, then rerun the day (--day=${ds}).`);
  }
  return lines.join('\n');
}

/** Bytes in a readable unit: 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A share as a percentage with one decimal: 0.2061 → "20.6 %". */
function formatShare(part: number, whole: number): string {
  return `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'} %`;
}

/** What CDC delivered and what the cursor extract, taken at the same moments, would have lost. */
export function formatCdcLines(cdc: NonNullable<RunSummary['cdc']>): string[] {
  return [
    `CDC: ${formatCountOf(cdc.versions + cdc.deletes, 'change')} of orders read from the WAL through replication slot ${cdc.slot} (${cdc.plugin}), in commit order: ${formatCountOf(cdc.versions, 'version')} and ${formatCountOf(cdc.deletes, 'delete')}.`,
    `  The cursor extract, taken at the same moments, lost ${formatCount(cdc.versionsCursorMissed)} of the ${formatCountOf(cdc.versions, 'version')} (${formatShare(cdc.versionsCursorMissed, cdc.versions)}: intermediate states overwritten before it ran) and saw none of the ${formatCountOf(cdc.deletes, 'delete')}; ${formatCount(cdc.deletesOfExtracted)} of the deleted orders it had extracted would stay in a cursor-fed lake.`,
  ];
}

/** What an erasure removed, and whether the scan of every file found anything left. */
export function formatErasureLine(e: NonNullable<RunSummary['erasure']>): string {
  const zones = Object.entries(e.removed)
    .map(([zone, n]) => `${zone} ${formatCount(n)}`)
    .join(', ');
  const removed = Object.values(e.removed).reduce((a, b) => a + b, 0);
  const left = Object.entries(e.remaining).filter(([, n]) => n > 0);
  const check = left.length
    ? `CHECK FAILED: ${left.map(([zone, n]) => `${formatCount(n)} in ${zone}`).join(', ')} still there`
    : `check: none of their rows left in the ${formatCountOf(e.filesScanned, 'file')} of landing, quarantine, bronze, silver and gold`;
  return `Erasure of customer ${e.customerId} and ${formatCountOf(e.orders, 'order')}: ${formatCountOf(removed, 'row')} removed (${zones}), ${formatCountOf(e.batchesRewritten, 'landing batch', 'landing batches')} rewritten; ${check}`;
}

/** The closing report of a run: the lake's tables, the checks, the lineage and the rerun. */
export function formatSummary(
  summary: RunSummary,
  paths: { lake: string; summary: string },
): string {
  const rows = summary.zones.map((z) => [
    z.zone,
    z.table,
    formatCount(z.rows),
    String(z.files),
    formatBytes(z.bytes),
  ]);
  const header = ['zone', 'table', 'rows', 'files', 'size'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`;
  const runs = summary.checks.reduce((n, c) => n + c.runs, 0);
  const passed = summary.checks.reduce((n, c) => n + c.passed, 0);
  const stopped = summary.days.filter((d) => d.status === 'stopped');
  const out = [
    '',
    `Lake after the run (${paths.lake}):`,
    line(header),
    ...rows.map(line),
    `Checks: ${formatCount(passed)} of ${formatCount(runs)} passed (${formatCountOf(summary.checks.length, 'check')} in 3 gates, over ${formatCountOf(summary.days.length, 'day')}${summary.rerun ? '; the rerun is not counted' : ''})`,
    `Lineage: ${formatCountOf(summary.lineage.events, 'OpenLineage event')} for ${formatCountOf(summary.lineage.runs, 'run')}, ${summary.lineage.valid ? 'all valid' : 'SOME INVALID'}, in ${summary.lineage.file}`,
  ];
  if (summary.cdc) out.push(...formatCdcLines(summary.cdc));
  if (summary.erasure) out.push(formatErasureLine(summary.erasure));
  if (summary.rerun) {
    out.push(
      `Rerun of ${summary.rerun.ds}: ${formatCountOf(summary.rerun.filesWritten, 'file')} written, ${summary.rerun.unchanged ? 'every table unchanged' : 'TABLES CHANGED'}`,
    );
  }
  if (stopped.length)
    out.push(
      `Stopped by a gate: ${stopped.map((d) => `${d.ds} (${d.stoppedAt})`).join(', ')}; see quarantine/ and the report above`,
    );
  const overridden = summary.days.filter((d) => d.override);
  if (overridden.length) {
    out.push(
      `Accepted by override: ${overridden.map((d) => `${d.ds} at ${d.override!.gate} ("${d.override!.reason}")`).join(', ')}; recorded in ops/overrides.jsonl`,
    );
  }
  const held = summary.days.filter((d) => d.status === 'held').map((d) => d.ds);
  if (held.length)
    out.push(`Landed but held: ${held.join(', ')}; promote with --day=${held.join(',')}`);
  if (summary.gaps.length) {
    const first = summary.gaps[0]!.ds;
    const waiting = summary.gaps
      .filter((g) => g.ds > first && g.reason === 'landed, not promoted')
      .map((g) => g.ds);
    out.push(
      `Gaps: ${summary.gaps.map((g) => `${g.ds} (${g.reason})`).join(', ')} not in the lake; the lake is complete up to the day before ${first}.` +
        ` Backfill with --day=${first}${waiting.length ? `: the landed days after it are then promoted in order` : ''}`,
    );
  }
  out.push(
    `Done in ${formatDuration(summary.durationMs)} (CPU ${formatDuration(summary.cpuMs)}). Summary: ${paths.summary}`,
  );
  return out.join('\n');
}
