import { describe, expect, test } from 'vitest';
import {
  compactionGroups,
  DAY_SECONDS,
  listSource,
  planCommits,
} from '../../../scripts/lib/bench/commit-interval.ts';

describe('planCommits', () => {
  test('puts every event of the day in exactly one commit, in order', () => {
    const commits = planCommits(1_000, 300);
    expect(commits).toHaveLength(DAY_SECONDS / 300);
    expect(commits[0]!.first).toBe(0);
    expect(commits.at(-1)!.end).toBe(1_000);
    commits.slice(1).forEach((c, i) => expect(c.first).toBe(commits[i]!.end));
    expect(commits.reduce((n, c) => n + c.end - c.first, 0)).toBe(1_000);
  });

  test('commits the events that arrived in each interval: 86,400 events a day is one per second', () => {
    expect(planCommits(86_400, 60).slice(0, 2)).toEqual([
      { first: 0, end: 60 },
      { first: 60, end: 120 },
    ]);
  });

  test('keeps empty commits when events are rarer than commits, as a checkpoint commits anyway', () => {
    const commits = planCommits(10, 3_600);
    expect(commits).toHaveLength(24);
    expect(commits.filter((c) => c.end > c.first)).toHaveLength(10);
  });

  test('rejects an interval that does not divide the day, naming the value', () => {
    expect(() => planCommits(100, 7)).toThrowErrorMatchingInlineSnapshot(
      `[Error: commit interval must be a whole number of seconds that divides a day (86,400 s), got 7]`,
    );
    expect(() => planCommits(0, 60)).toThrow('events must be a positive integer, got 0');
  });
});

describe('compactionGroups', () => {
  test('groups a 5-minute writer’s commits by hour: 12 per hour, 24 groups a day', () => {
    const groups = compactionGroups(planCommits(1_000, 300), 300);
    expect(groups).toHaveLength(24);
    expect(groups.every((g) => g.length === 12)).toBe(true);
  });

  test('leaves one commit per group when the interval is an hour or longer', () => {
    expect(compactionGroups(['a', 'b'], 7_200)).toEqual([['a'], ['b']]);
  });

  test('rejects an interval that does not fit the hourly window', () => {
    expect(() => compactionGroups([], 2_400)).toThrow(
      'commit interval 2400 s neither divides nor is a multiple of the 3600 s compaction window',
    );
  });
});

test('listSource quotes each file for read_parquet', () => {
  expect(listSource(['/tmp/a.parquet', "/tmp/o'b.parquet"])).toBe(
    `read_parquet(['/tmp/a.parquet', '/tmp/o''b.parquet'])`,
  );
});
