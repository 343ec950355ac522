import { describe, expect, test } from 'vitest';
import {
  combinedTime,
  commonQueries,
  failedQueries,
  relativeTime,
  selectRun,
  timesOver,
  type ClickBenchResult,
} from '../../../scripts/lib/bench/clickbench.ts';
import {
  deriveClickBenchCells,
  resultFileRef,
} from '../../../scripts/lib/bench/clickbench-table.ts';

const system = (
  name: string,
  result: ClickBenchResult['result'],
  over: Partial<ClickBenchResult> = {},
): ClickBenchResult => ({
  system: name,
  load_time: 100,
  data_size: 2e9,
  result,
  ...over,
});
// Three queries; "slow" fails query 3 hot (one null hot run) and is otherwise twice as slow.
const fast = system('fast', [
  [1, 0.5, 0.6],
  [2, 1, 1],
  [4, 2, 2],
]);
const slow = system('slow', [
  [2, 1, 1.2],
  [4, 2, 2],
  [8, 4, null],
]);

describe('ClickBench formula', () => {
  test('hot is the better of runs 2 and 3 and needs both; cold is run 1', () => {
    expect(selectRun([3, 2, 1], 'hot')).toBe(1);
    expect(selectRun([3, null, 1], 'hot')).toBeNull();
    expect(selectRun([3, null, 1], 'cold')).toBe(3);
  });

  test('a failed query counts as 2 × max(300 s, the worst time), so failing never helps', () => {
    const expected = Math.exp(
      (Math.log(1.01 / 0.51) + Math.log(2.01 / 1.01) + Math.log(600.01 / 2.01)) / 3,
    );
    expect(relativeTime(slow, [fast, slow], 'hot')).toBeCloseTo(expected, 10);
    expect(relativeTime(fast, [fast, slow], 'hot')).toBeCloseTo(1, 10);
    expect(failedQueries(slow, 'hot')).toBe(1);
  });

  test('combined weighs hot, cold, load time and size in log space', () => {
    expect(combinedTime(fast, [fast, slow])).toBeCloseTo(1, 10);
    expect(combinedTime(slow, [fast, slow])).toBeGreaterThan(1);
  });

  test('absolute means use only the queries every system completed', () => {
    expect(commonQueries([fast, slow], 'hot')).toEqual([0, 1]);
    expect(commonQueries([fast, slow], 'cold')).toEqual([0, 1, 2]);
    expect(timesOver(slow, [0, 1], 'hot').sum).toBe(3);
    expect(timesOver(fast, [0, 1], 'hot').geomean).toBeCloseTo(Math.sqrt(0.51 * 1.01) - 0.01, 10);
    expect(() => timesOver(slow, [2], 'hot')).toThrow(
      'slow: query 3 has no hot time; pass only queries it completed',
    );
  });
});

describe('deriving the published table', () => {
  const url = (name: string) =>
    `https://github.com/ClickHouse/ClickBench/blob/${'a'.repeat(40)}/${name}/results/c6a.4xlarge.json`;
  const benchmark = {
    tables: [
      {
        id: 'relative',
        description: '',
        measures: [
          { id: 'relative-hot', label: '' },
          { id: 'failed', label: '' },
        ],
        rows: [
          { id: 'fast', url: url('fast'), cells: { 'relative-hot': 1, failed: 0 } },
          { id: 'slow', url: url('slow'), cells: { 'relative-hot': 99, failed: 0 } },
        ],
      },
      {
        id: 'absolute',
        description: '',
        measures: [{ id: 'sum-hot', label: '' }],
        rows: [
          { id: 'fast', url: url('fast'), cells: { 'sum-hot': 1.5 } },
          { id: 'slow', url: url('slow'), cells: { 'sum-hot': 7 } },
        ],
      },
    ],
  };
  const read = (u: string) => (resultFileRef(u).path.startsWith('fast/') ? fast : slow);

  test('recomputes every cell from the result files and lists what changed', () => {
    const { benchmark: out, changes } = deriveClickBenchCells(benchmark, read);
    expect(out.tables[1]!.rows.map((r) => (r.cells as Record<string, number>)['sum-hot'])).toEqual([
      1.5, 3,
    ]);
    expect(out.tables[1]!.measures[0]!.label).toBe('Hot, sum of the 2 common queries');
    expect(changes).toEqual([
      'relative/slow/relative-hot: 99 → 10.56',
      'relative/slow/failed: 0 → 1',
      'absolute/slow/sum-hot: 7 → 3',
    ]);
  });

  test('rejects a row link that is not a result file at a commit', () => {
    expect(() =>
      resultFileRef('https://github.com/ClickHouse/ClickBench/blob/main/x.json'),
    ).toThrow(/is not a ClickBench result file URL at a commit/);
  });
});
