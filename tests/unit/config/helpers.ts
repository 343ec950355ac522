import { formatProblem } from '../../../src/lib/config/result.ts';
import { validateConfigs, type ValidateOptions } from '../../../src/lib/config/validate-configs.ts';

/** Folder of the bad-input fixtures, laid out like content/configs. */
export const FIXTURES = 'tests/fixtures/configs';

/** Replace tool versions with <v> so snapshots survive upgrades. */
export function withoutVersions(text: string): string {
  return text.replace(/\b\d+\.\d+\.\d+\b/g, '<v>');
}

/** Validate fixture folders with the real validators; returns the run and its problem lines. */
export async function runFixtures(ids: string[], options: Partial<ValidateOptions> = {}) {
  const report = await validateConfigs({ configsDir: FIXTURES, knownIds: [], ids, ...options });
  return { report, lines: report.problems.map((p) => withoutVersions(formatProblem(p))) };
}
