import { describe, expect, test } from 'vitest';
import { parseBenchArgs } from '../../../scripts/lib/bench/args.ts';
import { sizesFor } from '../../../scripts/lib/bench/context.ts';
import { openDuck, queryRows } from '../../../scripts/lib/bench/duckdb.ts';
import { changeBatchSql, formatFraction } from '../../../scripts/lib/bench/incremental-load.ts';
import { measureInterleaved, measureRuns } from '../../../scripts/lib/bench/measure.ts';
import { fingerprintSql, ordersSelectSql, sampleIds } from '../../../scripts/lib/bench/orders.ts';
import { pgCommand } from '../../../scripts/lib/bench/postgres.ts';
import { stringifyResult } from '../../../scripts/lib/bench/result.ts';

describe('parseBenchArgs', () => {
  test('runs every benchmark in full mode by default', () => {
    expect(parseBenchArgs([])).toEqual({
      quick: false,
      out: undefined,
      only: ['file-formats', 'storage-layout', 'row-vs-column', 'incremental-load'],
      postgres: true,
      seed: 42,
      rows: undefined,
      help: false,
    });
  });

  test('reads quick mode, a subset in the standard order, an output dir and a seed', () => {
    expect(parseBenchArgs(['--quick', '--only=row-vs-column,file-formats', '--out=/tmp/b', '--no-postgres', '--seed=7'])).toMatchObject({
      quick: true,
      only: ['file-formats', 'row-vs-column'],
      out: '/tmp/b',
      postgres: false,
      seed: 7,
    });
  });

  test('says what is wrong with a bad option and what is valid', () => {
    expect(() => parseBenchArgs(['--only=formats'])).toThrowErrorMatchingInlineSnapshot(
      `[Error: --only: unknown benchmark "formats". Known: file-formats, storage-layout, row-vs-column, incremental-load]`,
    );
    expect(() => parseBenchArgs(['--rows=ten'])).toThrow('--rows: expected an integer ≥ 1000, got "ten"');
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown option "--fast"');
  });
});

describe('sizes', () => {
  test('quick mode is small and runs twice without warm-up; full mode measures millions of rows five times after one', () => {
    const quick = sizesFor('quick');
    const full = sizesFor('full');
    expect(quick.orders).toBeLessThan(100_000);
    expect(quick.plan.default).toEqual({ warmup: 0, runs: 2 });
    expect(full.orders).toBe(2_000_000);
    expect(full.plan.default).toEqual({ warmup: 1, runs: 5 });
    expect(full.rowGroupSize % 2048).toBe(0);
    expect(full.rowGroupSize).toBeLessThanOrEqual(122_880);
  });
});

describe('the orders generator', () => {
  test('gives the same rows for the same seed and different rows for another seed', async () => {
    const duck = await openDuck();
    try {
      const fingerprint = async (seed: number) => {
        await duck.conn.run(`CREATE OR REPLACE TABLE t AS ${ordersSelectSql(5000, seed)}`);
        return JSON.stringify(await queryRows(duck.conn, fingerprintSql('t')));
      };
      const first = await fingerprint(42);
      expect(await fingerprint(42)).toBe(first);
      expect(await fingerprint(43)).not.toBe(first);
      const [stats] = await queryRows(
        duck.conn,
        `SELECT count(*) AS n, count(DISTINCT order_id) AS ids, min(order_ts)::VARCHAR AS first, count(DISTINCT country) AS countries FROM t`,
      );
      expect(stats).toEqual({ n: '5000', ids: '5000', first: expect.stringMatching(/^2025-01-01 /), countries: '20' });
    } finally {
      duck.close();
    }
  });

  test('rejects sizes that are not positive integers', () => {
    expect(() => ordersSelectSql(0, 1)).toThrow('rows must be a positive integer, got 0');
  });

  test('samples the same ids for the same seed, all inside the table', () => {
    const ids = sampleIds(100, 5000, 42);
    expect(sampleIds(100, 5000, 42)).toEqual(ids);
    expect(ids.every((id) => Number.isInteger(id) && id >= 0 && id < 5000)).toBe(true);
    expect(new Set(ids).size).toBeGreaterThan(90);
  });

  test('builds a change batch of about the requested share: 80 % updates of existing ids, 20 % new ids', async () => {
    const duck = await openDuck();
    try {
      await duck.conn.run(`CREATE TABLE base AS ${ordersSelectSql(20_000, 42)}`);
      const batch = changeBatchSql('BASE', 20_000, 0.1, 42).replaceAll("read_parquet('BASE')", 'base');
      const [row] = await queryRows(duck.conn, `SELECT count(*) FILTER (WHERE order_id < 20000) AS updates, count(*) FILTER (WHERE order_id >= 20000) AS inserts FROM (${batch})`);
      expect(Number(row!['inserts'])).toBe(400);
      expect(Number(row!['updates'])).toBeGreaterThan(1400);
      expect(Number(row!['updates'])).toBeLessThan(1800);
      expect(formatFraction(0.001)).toBe('0.1 %');
    } finally {
      duck.close();
    }
  });
});

describe('measureRuns', () => {
  test('runs the warm-up unmeasured, calls the hook before every run and divides per operation', async () => {
    const calls: string[] = [];
    const runs = await measureRuns(() => calls.push('run'), { warmup: 2, runs: 3 }, { before: () => calls.push('before'), perOps: 10 });
    expect(runs).toHaveLength(3);
    expect(calls).toEqual(Array.from({ length: 5 }, () => ['before', 'run']).flat());
    expect(runs.every((r) => r >= 0)).toBe(true);
  });
});

describe('measureInterleaved', () => {
  test('warms every contender up first, then takes run 1 of each, run 2 of each, and so on', async () => {
    const calls: string[] = [];
    const runs = await measureInterleaved(
      { a: { run: () => calls.push('a') }, b: { run: () => calls.push('b'), before: () => calls.push('reset b') } },
      { warmup: 1, runs: 2 },
    );
    expect(calls).toEqual(['a', 'reset b', 'b', 'a', 'reset b', 'b', 'a', 'reset b', 'b']);
    expect([runs.a.length, runs.b.length]).toEqual([2, 2]);
  });
});

describe('result files and PostgreSQL commands', () => {
  test('keep number arrays on one line and everything else indented', () => {
    expect(stringifyResult({ a: { runs: [1.5, 2, 3e-7] }, b: ['x'] })).toBe('{\n  "a": {\n    "runs": [1.5, 2, 3e-7]\n  },\n  "b": [\n    "x"\n  ]\n}\n');
  });

  test('run PostgreSQL tools as the postgres user only when running as root', () => {
    expect(pgCommand('/usr/lib/postgresql/15/bin', 'initdb', ['-D', 'x'], true)).toEqual([
      'runuser',
      ['-u', 'postgres', '--', '/usr/lib/postgresql/15/bin/initdb', '-D', 'x'],
    ]);
    expect(pgCommand('/opt/pg/bin', 'pg_ctl', ['start'], false)).toEqual(['/opt/pg/bin/pg_ctl', ['start']]);
  });
});
