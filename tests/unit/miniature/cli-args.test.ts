import { describe, expect, test } from 'vitest';
import { checkRunDays, parseCliArgs } from '../../../src/lib/miniature/cli-args.ts';

describe('npm run miniature arguments', () => {
  test('default to a fresh DuckDB run of every day with a rerun check', () => {
    expect(parseCliArgs([])).toMatchObject({
      out: '.miniature',
      source: 'duckdb',
      days: null,
      skip: [],
      hold: [],
      rerunCheck: true,
      config: {},
    });
  });

  test('read sizes, days and the bad-data demonstration', () => {
    const args = parseCliArgs([
      '--days=3',
      '--orders-per-day=50',
      '--day=2026-11-03,2026-11-04',
      '--corrupt=2026-11-03:orphans',
    ]);
    expect(args.config).toEqual({ days: 3, ordersPerDay: 50 });
    expect(args.days).toEqual(['2026-11-03', '2026-11-04']);
    expect(args.corrupt).toEqual({ ds: '2026-11-03', kind: 'orphans' });
    expect(parseCliArgs(['--corrupt=2026-11-03']).corrupt?.kind).toBe('bad-rows');
  });

  test('say what is wrong with a bad argument', () => {
    expect(() => parseCliArgs(['--days=seven'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --days=seven: expected a whole number, e.g. --days=7]`,
    );
    expect(() => parseCliArgs(['--day=2026-13-01'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --day=2026-13-01: "2026-13-01" is not a real day written YYYY-MM-DD (expected a real calendar day)]`,
    );
    expect(() => parseCliArgs(['--start=2026-02-30'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --start=2026-02-30: "2026-02-30" is not a real day written YYYY-MM-DD (expected a real calendar day)]`,
    );
    expect(() => parseCliArgs(['--days=0'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --days=0: expected at least 1]`,
    );
    expect(() => parseCliArgs(['--customers=5', '--days=61'])).toThrowErrorMatchingInlineSnapshot(`
      [DataError: --days=61: expected at most 60
      --customers=5: expected at least 10]
    `);
    expect(() => parseCliArgs(['--corrupt=2026-11-03:typo'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --corrupt=2026-11-03:typo: unknown kind "typo"; expected bad-rows or orphans]`,
    );
    expect(() => parseCliArgs(['--source=mysql'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --source=mysql: expected duckdb, postgres or auto]`,
    );
    expect(() => parseCliArgs(['--fast'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --fast: unknown option. Run npm run miniature -- --help for the list.]`,
    );
    expect(() => parseCliArgs(['--day=2026-11-03', '--skip=2026-11-04'])).toThrow(
      '--day does not go with --skip or --hold',
    );
  });

  test('read --cdc with the PostgreSQL source, and refuse it without, or with the batch-only options', () => {
    expect(parseCliArgs(['--source=postgres', '--cdc'])).toMatchObject({
      source: 'postgres',
      cdc: true,
    });
    expect(parseCliArgs([]).cdc).toBe(false);
    expect(() => parseCliArgs(['--cdc'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --cdc reads PostgreSQL's write-ahead log through a replication slot: add --source=postgres (not --source=duckdb)]`,
    );
    // A landed change log can be promoted again (--day, --hold); --skip and --corrupt make no sense with a slot.
    expect(parseCliArgs(['--source=postgres', '--cdc', '--day=2026-11-03'])).toMatchObject({
      cdc: true,
      days: ['2026-11-03'],
    });
    expect(parseCliArgs(['--source=postgres', '--cdc', '--hold=2026-11-03'])).toMatchObject({
      cdc: true,
      hold: ['2026-11-03'],
    });
    expect(() =>
      parseCliArgs(['--source=postgres', '--cdc', '--skip=2026-11-03']),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --cdc does not go with --skip: the replication slot keeps every change until it is read, so the next day's change log would hold the skipped day's changes and there would be no gap to backfill. Use --hold to land a day on schedule and promote it later with --day]`,
    );
    expect(() =>
      parseCliArgs(['--source=postgres', '--cdc', '--day=2026-11-03', '--corrupt=2026-11-03']),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --cdc does not go with --corrupt: the bad rows it injects are columns of the cursor extract, not of a change log; run --corrupt without --cdc]`,
    );
  });

  test('read --erase-customer as a customer id for a fresh run', () => {
    expect(parseCliArgs(['--erase-customer=479']).eraseCustomer).toBe(479);
    expect(parseCliArgs([]).eraseCustomer).toBeNull();
    expect(() => parseCliArgs(['--erase-customer=bob'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --erase-customer=bob: expected a whole number, e.g. --erase-customer=7]`,
    );
    expect(() => parseCliArgs(['--erase-customer=7', '--day=2026-11-03'])).toThrow(
      '--erase-customer does not go with --day',
    );
  });

  test('refuse a day option that would do nothing', () => {
    const known = ['2026-11-02', '2026-11-03', '2026-11-04'];
    const check = (argv: string[]) => () => checkRunDays(parseCliArgs(argv), known);
    expect(check(['--skip=2026-12-01'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --skip=2026-12-01: 2026-12-01 is not in the run; this run's days are 2026-11-02 to 2026-11-04]`,
    );
    expect(check(['--hold=2026-11-03,2026-11-09'])).toThrow(
      '--hold=2026-11-03,2026-11-09: 2026-11-09 is not in the run',
    );
    expect(check(['--corrupt=2026-12-01'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --corrupt=2026-12-01: that day does not run, so nothing would be corrupted (this run's days are 2026-11-02 to 2026-11-04)]`,
    );
    expect(check(['--skip=2026-11-03', '--corrupt=2026-11-03'])).toThrow('(it is skipped)');
    expect(check(['--day=2026-11-04', '--corrupt=2026-11-03'])).toThrow(
      '(it is not among --day=2026-11-04)',
    );
    expect(check(['--skip=2026-11-03', '--hold=2026-11-04', '--corrupt=2026-11-02'])).not.toThrow();
    expect(
      check(['--hold=2026-11-03', '--override=2026-11-03:bronze_to_silver:known late customers']),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --override=2026-11-03: that day is not promoted in this run, so the override would do nothing (it is skipped or held)]`,
    );
  });

  test('read an override as day, gate and a required reason', () => {
    expect(
      parseCliArgs(['--override=2026-11-03:silver_to_gold:campaign: volume is real']).override,
    ).toEqual({
      ds: '2026-11-03',
      gate: 'silver_to_gold',
      reason: 'campaign: volume is real',
    });
    expect(() => parseCliArgs(['--override=2026-11-03:gold'])).toThrowErrorMatchingInlineSnapshot(
      `[DataError: --override=2026-11-03:gold: unknown gate "gold"; expected DAY:GATE:REASON with GATE one of landing_to_bronze, bronze_to_silver, silver_to_gold]`,
    );
    expect(() => parseCliArgs(['--override=2026-11-03:silver_to_gold'])).toThrow(
      'a reason is required',
    );
  });
});
