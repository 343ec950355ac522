// The mutation corpus: fixtures with realistic mistakes planted on lines marked
// "# planted: <key>[, <key>]". Each planted key must be named by a problem reported on its line,
// and every problem must sit on a planted line (a check that fires elsewhere is noise).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FIXTURES, runFixtures } from './helpers.ts';

/** Fixture folders of the corpus, one per validator or rule set (the name after "mutations-"). */
const CORPUS = [
  'mutations-kubernetes',
  'mutations-helm-values',
  'mutations-cross-file',
  'mutations-github-actions',
];

interface Planted {
  file: string;
  line: number;
  key: string;
}

/** Every "# planted: <key>" marker in a file, with its line. */
function readPlanted(file: string): Planted[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      const marker = /#\s*planted:\s*(.+)$/.exec(text);
      return marker
        ? marker[1]!.split(',').map((key) => ({ file, line: i + 1, key: key.trim() }))
        : [];
    });
}

const tally = new Map<string, { planted: number; caught: number }>();

describe.each(CORPUS)('mutation corpus %s', (folder) => {
  test('every planted mistake is reported on its line with a message naming the key, and nothing else is', async () => {
    const { report } = await runFixtures([folder]);
    const [manifest] = report.folders;
    expect(manifest, folder).toBeDefined();
    const missed: string[] = [];
    const checker = folder.replace(/^mutations-/, '');
    for (const entry of manifest!.manifest.files) {
      const file = `${FIXTURES}/${folder}/${entry.path}`;
      const problems = report.problems.filter((p) => p.file === file);
      const planted = readPlanted(file);
      const counts = tally.get(checker) ?? { planted: 0, caught: 0 };
      for (const p of planted) {
        counts.planted++;
        if (problems.some((problem) => problem.line === p.line && problem.message.includes(p.key)))
          counts.caught++;
        else missed.push(`${file}:${p.line} planted "${p.key}" not reported`);
      }
      tally.set(checker, counts);
      const plantedLines = new Set(planted.map((p) => p.line));
      for (const problem of problems)
        if (!plantedLines.has(problem.line ?? 0))
          missed.push(`${file}:${problem.line ?? '?'} unplanted problem: ${problem.message}`);
    }
    expect(missed).toEqual([]);
  });
});

test('the corpus report: planted against caught per validator and rule set, all caught', () => {
  const rows = [...tally].map(([checker, { planted, caught }]) => ({
    checker,
    planted,
    caught,
    rate: `${Math.round((100 * caught) / planted)} %`,
  }));
  console.table(rows);
  expect(rows.length).toBe(CORPUS.length);
  for (const row of rows) expect(row.caught, row.checker).toBe(row.planted);
});
