import { describeResult, formatProblem, formatTool } from './result.ts';
import type { ConfigReport } from './validate-configs.ts';

/**
 * Lines for the command line: every problem in the house style, every file that could not be
 * checked here (never hidden), and a one-line summary. With `verbose`, one line per file saying
 * how it was checked.
 */
export function formatReport(
  report: ConfigReport,
  verbose = false,
): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  if (verbose) {
    for (const r of report.results) {
      lines.push(
        `${r.problems.length ? 'FAIL' : r.status === 'checked' ? 'ok  ' : 'skip'}  ${r.file}  ${describeResult(r)}`,
      );
      if (r.tools.length) lines.push(`        tools: ${r.tools.map(formatTool).join(', ')}`);
      for (const c of r.checks) lines.push(`        check: ${c}`);
      for (const l of r.limits) lines.push(`        limit: ${l}`);
    }
  }
  for (const r of report.results.filter((r) => r.status === 'not-checked'))
    lines.push(`${r.file}  not checked offline: ${r.reason ?? 'no tool available'}`);
  lines.push(...report.problems.map(formatProblem));
  const checked = report.results.filter((r) => r.status === 'checked').length;
  const skipped = report.results.length - checked;
  const summary = `${report.results.length} config file(s) in ${report.folders.length} folder(s): ${checked} checked, ${skipped} not checked offline, ${report.problems.length} problem(s)`;
  lines.push(summary);
  return { lines, ok: report.problems.length === 0 };
}
