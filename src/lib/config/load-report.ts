import { DataError } from '../errors/format-issues.ts';
import { formatReport } from './format-report.ts';
import { getConfigReport, type ConfigReport } from './validate-configs.ts';

/**
 * The validated configs for the site build. Throws (and so fails the build) when any manifest
 * or file has a problem, listing every one of them in the house style.
 */
export async function loadValidConfigReport(root = process.cwd()): Promise<ConfigReport> {
  const report = await getConfigReport(root);
  if (report.problems.length) {
    const { lines } = formatReport(report);
    throw new DataError(`Reference configs failed validation:\n${lines.join('\n')}`);
  }
  return report;
}
