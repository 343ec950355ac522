// node scripts/bench/clickbench.ts --repo=<ClickBench git dir> [--check]
// Recomputes the figures of content/benchmarks/clickbench-c6a-4xlarge.json from the result files
// each row links to (read with `git show <commit>:<path>` from a local clone of ClickHouse/ClickBench,
// CC BY-NC-SA 4.0; nothing is copied but per-system aggregates). --check only reports differences.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  deriveClickBenchCells,
  describeCommonQueries,
  resultFileRef,
  type TableLike,
} from '../lib/bench/clickbench-table.ts';
import type { ClickBenchResult } from '../lib/bench/clickbench.ts';
import { parseCommandLine } from '../lib/cli.ts';

const FILE = 'content/benchmarks/clickbench-c6a-4xlarge.json';
const rowsOf = (b: { tables: TableLike[] }) => b.tables[0]!.rows;
const { values: args } = parseCommandLine({
  command: 'node scripts/bench/clickbench.ts',
  summary:
    'Recompute the ClickBench table from the result files its rows link to, in a local ClickHouse/ClickBench git directory.',
  options: {
    repo: { type: 'string', help: 'path to a ClickHouse/ClickBench git directory (required)' },
    check: { type: 'boolean', help: 'only report differences; exit 1 when there are any' },
  },
});
if (args.repo === undefined) {
  console.error('clickbench: --repo=<path to a ClickHouse/ClickBench git directory> is required');
  process.exit(2);
}
// Only the tables are read and rewritten; every other key of the file passes through unchanged.
const benchmark = JSON.parse(readFileSync(FILE, 'utf8')) as { tables: TableLike[] };
const read = (url: string): ClickBenchResult => {
  const { commit, path } = resultFileRef(url);
  return JSON.parse(
    execFileSync('git', ['--git-dir', args.repo as string, 'show', `${commit}:${path}`], {
      encoding: 'utf8',
    }),
  ) as ClickBenchResult;
};
const { benchmark: updated, changes } = deriveClickBenchCells(benchmark, read);
for (const line of changes) console.log(line);
if (args.check) process.exitCode = changes.length ? 1 : 0;
else writeFileSync(FILE, `${JSON.stringify(updated, null, 2)}\n`);
console.log(describeCommonQueries(rowsOf(updated).map((r) => read(r.url ?? ''))));
