import { describe, expect, test } from 'vitest';
import { parseCliArgs } from '../../../src/lib/miniature/cli-args.ts';

describe('npm run miniature arguments', () => {
  test('default to a fresh DuckDB run of every day with a rerun check', () => {
    expect(parseCliArgs([])).toMatchObject({ out: '.miniature', source: 'duckdb', days: null, skip: [], hold: [], rerunCheck: true, config: {} });
  });

  test('read sizes, days and the bad-data demonstration', () => {
    const args = parseCliArgs(['--days=3', '--orders-per-day=50', '--day=2026-11-03,2026-11-04', '--corrupt=2026-11-03:orphans']);
    expect(args.config).toEqual({ days: 3, ordersPerDay: 50 });
    expect(args.days).toEqual(['2026-11-03', '2026-11-04']);
    expect(args.corrupt).toEqual({ ds: '2026-11-03', kind: 'orphans' });
    expect(parseCliArgs(['--corrupt=2026-11-03']).corrupt?.kind).toBe('bad-rows');
  });

  test('say what is wrong with a bad argument', () => {
    expect(() => parseCliArgs(['--days=seven'])).toThrowErrorMatchingInlineSnapshot(`[DataError: --days=seven: expected a whole number, e.g. --days=7]`);
    expect(() => parseCliArgs(['--day=2026-13-01'])).toThrowErrorMatchingInlineSnapshot(`[DataError: --day=2026-13-01: "2026-13-01" is not a day written YYYY-MM-DD]`);
    expect(() => parseCliArgs(['--corrupt=2026-11-03:typo'])).toThrowErrorMatchingInlineSnapshot(`[DataError: --corrupt=2026-11-03:typo: unknown kind "typo"; expected bad-rows or orphans]`);
    expect(() => parseCliArgs(['--source=mysql'])).toThrowErrorMatchingInlineSnapshot(`[DataError: --source=mysql: expected duckdb, postgres or auto]`);
    expect(() => parseCliArgs(['--fast'])).toThrowErrorMatchingInlineSnapshot(`[DataError: --fast: unknown option. Run npm run miniature -- --help for the list.]`);
    expect(() => parseCliArgs(['--day=2026-11-03', '--skip=2026-11-04'])).toThrow('--day does not go with --skip or --hold');
  });
});
