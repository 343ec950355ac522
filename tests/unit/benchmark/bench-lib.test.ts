import { describe, expect, test } from 'vitest';
import { parseBenchArgs } from '../../../scripts/lib/bench/args.ts';
import { sizesFor } from '../../../scripts/lib/bench/context.ts';
import { openDuck, queryRows, rowsScannedFromProfile } from '../../../scripts/lib/bench/duckdb.ts';
import {
  hostType,
  otherCpuCores,
  parseDirtyPaths,
  parseProcessStat,
  parseProcessStatFields,
  parseProcStat,
  processTreeTicks,
} from '../../../scripts/lib/bench/environment.ts';
import { describeRefusal, gateBeforeRun } from '../../../scripts/lib/bench/gate.ts';
import { answerDigest, lookupChecksumSql } from '../../../scripts/lib/bench/row-vs-column.ts';
import { writeSmallFiles } from '../../../scripts/lib/bench/storage-layout.ts';
import { rollupRatio, rollupSql } from '../../../scripts/lib/bench/rollup-ratio.ts';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      only: [
        'file-formats',
        'storage-layout',
        'row-vs-column',
        'incremental-load',
        'rollup-ratio',
        'cdc-vs-extract',
        'cdc-source-impact',
        'mor-vs-cow',
        'commit-interval',
        'object-store-access',
      ],
      postgres: true,
      seed: 42,
      rows: undefined,
      help: false,
    });
  });

  test('reads quick mode, a subset in the standard order, an output dir and a seed', () => {
    expect(
      parseBenchArgs([
        '--quick',
        '--only=row-vs-column,file-formats',
        '--out=/tmp/b',
        '--no-postgres',
        '--seed=7',
      ]),
    ).toMatchObject({
      quick: true,
      only: ['file-formats', 'row-vs-column'],
      out: '/tmp/b',
      postgres: false,
      seed: 7,
    });
  });

  test('says what is wrong with a bad option and what is valid', () => {
    expect(() => parseBenchArgs(['--only=formats'])).toThrowErrorMatchingInlineSnapshot(
      `[Error: --only: unknown benchmark "formats". Known: file-formats, storage-layout, row-vs-column, incremental-load, rollup-ratio, cdc-vs-extract, cdc-source-impact, mor-vs-cow, commit-interval, object-store-access]`,
    );
    expect(() => parseBenchArgs(['--rows=ten'])).toThrow(
      '--rows: expected an integer ≥ 1000, got "ten"',
    );
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown option "--fast"');
  });
});

describe('sizes', () => {
  test('quick mode is small and runs twice without warm-up; full mode measures millions of rows at least ten times after warm-up', () => {
    const quick = sizesFor('quick');
    const full = sizesFor('full');
    expect(quick.orders).toBeLessThan(100_000);
    expect(quick.plan.default).toEqual({ warmup: 0, runs: 2 });
    expect(full.orders).toBe(2_000_000);
    expect(full.plan.default).toEqual({ warmup: 2, runs: 10 });
    expect(full.plan.slow.runs).toBeGreaterThanOrEqual(10);
    expect(full.changeFractions.at(-1)).toBe(1);
    expect(full.rowGroupSize % 2048).toBe(0);
    expect(full.rowGroupSize).toBeLessThanOrEqual(122_880);
  });

  test('the CDC benchmark changes 0.1, 1 and 10 % of a million-row PostgreSQL table, or half of --rows', () => {
    expect(sizesFor('full').cdcRows).toBe(1_000_000);
    expect(sizesFor('full').cdcFractions).toEqual([0.001, 0.01, 0.1]);
    expect(sizesFor('quick').cdcRows).toBe(20_000);
    expect(sizesFor('quick', 200_000).cdcRows).toBe(100_000);
  });

  test('the source-impact benchmark runs pgbench at scale 10 with 4 clients for 20 s per run beside extracts of a million-row table', () => {
    expect(sizesFor('full').sourceImpact).toEqual({
      scale: 10,
      clients: 4,
      threads: 2,
      seconds: 20,
      extractRows: 1_000_000,
    });
    expect(sizesFor('quick').sourceImpact).toEqual({
      scale: 1,
      clients: 4,
      threads: 2,
      seconds: 2,
      extractRows: 20_000,
    });
    expect(sizesFor('full', 200_000).sourceImpact.extractRows).toBe(100_000);
  });

  test('merge-on-read against copy-on-write changes 0.1, 1 and 10 % per round of a half-million-row file and reads after 1, 5, 20 and 50 rounds', () => {
    expect(sizesFor('full')).toMatchObject({
      morRows: 500_000,
      morFractions: [0.001, 0.01, 0.1],
      morRounds: [1, 5, 20, 50],
    });
    expect(sizesFor('quick')).toMatchObject({
      morRows: 20_000,
      morFractions: [0.01, 0.1],
      morRounds: [1, 5],
    });
    expect(sizesFor('full', 200_000).morRows).toBe(50_000);
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
      expect(stats).toEqual({
        n: '5000',
        ids: '5000',
        first: expect.stringMatching(/^2025-01-01 /) as unknown,
        countries: '20',
      });
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
      const batch = changeBatchSql('BASE', 20_000, 0.1, 42).replaceAll(
        "read_parquet('BASE')",
        'base',
      );
      const [row] = await queryRows(
        duck.conn,
        `SELECT count(*) FILTER (WHERE order_id < 20000) AS updates, count(*) FILTER (WHERE order_id >= 20000) AS inserts FROM (${batch})`,
      );
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
    const runs = await measureRuns(
      () => calls.push('run'),
      { warmup: 2, runs: 3 },
      { before: () => calls.push('before'), perOps: 10 },
    );
    expect(runs).toHaveLength(3);
    expect(calls).toEqual(Array.from({ length: 5 }, () => ['before', 'run']).flat());
    expect(runs.every((r) => r >= 0)).toBe(true);
  });
});

describe('measureInterleaved', () => {
  test('warms every contender up first, then takes run 1 of each, run 2 of each, and so on', async () => {
    const calls: string[] = [];
    const runs = await measureInterleaved(
      {
        a: { run: () => calls.push('a') },
        b: { run: () => calls.push('b'), before: () => calls.push('reset b') },
      },
      { warmup: 1, runs: 2 },
    );
    expect(calls).toEqual(['a', 'reset b', 'b', 'a', 'reset b', 'b', 'a', 'reset b', 'b']);
    expect([runs.a.length, runs.b.length]).toEqual([2, 2]);
  });
});

describe('result files and PostgreSQL commands', () => {
  test('keep number arrays on one line and everything else indented', () => {
    expect(stringifyResult({ a: { runs: [1.5, 2, 3e-7] }, b: ['x'] })).toBe(
      '{\n  "a": {\n    "runs": [1.5, 2, 3e-7]\n  },\n  "b": [\n    "x"\n  ]\n}\n',
    );
  });

  test('run PostgreSQL tools as the postgres user only when running as root', () => {
    expect(pgCommand('/usr/lib/postgresql/15/bin', 'initdb', ['-D', 'x'], true)).toEqual([
      'runuser',
      ['-u', 'postgres', '--', '/usr/lib/postgresql/15/bin/initdb', '-D', 'x'],
    ]);
    expect(pgCommand('/opt/pg/bin', 'pg_ctl', ['start'], false)).toEqual([
      '/opt/pg/bin/pg_ctl',
      ['start'],
    ]);
  });
});

describe('publishing gate before a run', () => {
  const input = {
    mode: 'full' as const,
    commit: { sha: 'abc1234', dirty: false, dirtyPaths: [] },
    cores: 2,
    load: [0.8, 0.5, 0.5] as [number, number, number],
    plan: sizesFor('full').plan,
  };

  test('lets a clean, quiet full run start', () => {
    expect(gateBeforeRun(input)).toEqual([]);
  });

  test('refuses a full run above half the cores or from a dirty checkout, naming the paths', () => {
    const failures = gateBeforeRun({
      ...input,
      load: [2.3, 2, 2],
      commit: { sha: 'abc1234', dirty: true, dirtyPaths: [' M scripts/lib/bench/measure.ts'] },
    });
    expect(describeRefusal(failures)).toBe(
      'refusing to write full results: the tooling had uncommitted changes ( M scripts/lib/bench/measure.ts); commit them and rerun; 1-minute load average at start was 2.3 on 2 cores; expected at most 1 (half the cores). Use --quick --out=/tmp/... to try the scripts.',
    );
  });

  test('never holds quick smoke runs back', () => {
    expect(
      gateBeforeRun({
        ...input,
        mode: 'quick',
        load: [9, 9, 9],
        commit: { sha: 'unknown', dirty: true, dirtyPaths: [] },
      }),
    ).toEqual([]);
  });
});

describe('machine facts', () => {
  test('lists dirty paths one per line and none for a clean tree', () => {
    expect(parseDirtyPaths(' M scripts/a.ts\n?? scripts/b.ts\n')).toEqual([
      ' M scripts/a.ts',
      '?? scripts/b.ts',
    ]);
    expect(parseDirtyPaths('')).toEqual([]);
  });

  test('reads the host type from DMI files and says so when there are none', () => {
    const dmi = mkdtempSync(join(tmpdir(), 'dmi-'));
    try {
      expect(hostType(dmi)).toBe('unknown (no readable /sys/class/dmi/id)');
      writeFileSync(join(dmi, 'sys_vendor'), 'Amazon EC2\n');
      writeFileSync(join(dmi, 'product_name'), 'c6a.large\n');
      expect(hostType(dmi)).toBe('Amazon EC2 c6a.large');
    } finally {
      rmSync(dmi, { recursive: true, force: true });
    }
  });
});

describe('rows scanned from the engine’s profile', () => {
  test('sums each scan’s rows per table, including the whole target of a keyless MERGE', () => {
    const profile = {
      children: [
        {
          operator_type: 'MERGE_INTO',
          children: [
            {
              operator_type: 'HASH_JOIN',
              children: [
                {
                  operator_type: 'TABLE_SCAN',
                  operator_rows_scanned: 100000,
                  extra_info: { Table: 'main.t' },
                },
                {
                  operator_type: 'TABLE_SCAN',
                  operator_rows_scanned: 100,
                  extra_info: { Function: 'READ_PARQUET' },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(rowsScannedFromProfile(profile)).toEqual({
      total: 100100,
      bySource: { 'main.t': 100000, READ_PARQUET: 100 },
    });
    expect(() => rowsScannedFromProfile({ children: [] })).toThrow(
      /no TABLE_SCAN with operator_rows_scanned/,
    );
  });

  test('DuckDB reports scanning the whole target for a MERGE of a small batch spread over it', async () => {
    const { rowsScanned } = await import('../../../scripts/lib/bench/duckdb.ts');
    const duck = await openDuck();
    try {
      await duck.conn.run('CREATE TABLE t AS SELECT range AS id, 0 AS v FROM range(50000)');
      // Keys spread from the first to the last row, as the benchmark's change batches are: no
      // min/max filter can skip part of the target. (Keys bunched at the start let DuckDB skip.)
      await duck.conn.run('CREATE TABLE s AS SELECT range * 5555 + 4 AS id, 1 AS v FROM range(10)');
      const scanned = await rowsScanned(
        duck.conn,
        'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE WHEN NOT MATCHED THEN INSERT',
      );
      expect(Object.values(scanned.bySource).sort((a, b) => a - b)).toEqual([10, 50000]);
    } finally {
      duck.close();
    }
  });
});

describe('small files', () => {
  test('the same table splits into the same files every time, one row group each', async () => {
    const duck = await openDuck();
    const dir = mkdtempSync(join(tmpdir(), 'small-files-'));
    try {
      await duck.conn.run('SET threads = 2');
      await duck.conn.run(`CREATE TABLE orders AS ${ordersSelectSql(30_000, 42)}`);
      const split = async (name: string) => {
        const out = join(dir, name);
        await writeSmallFiles(duck.conn, 'orders', out, 2048);
        const groups = await queryRows(
          duck.conn,
          `SELECT file_name, count(*) AS groups, sum(row_group_num_rows) AS rows FROM (SELECT DISTINCT file_name, row_group_id, row_group_num_rows FROM parquet_metadata('${out}/*.parquet')) GROUP BY file_name`,
        );
        return { files: readdirSync(out).length, groups: groups.map((g) => Number(g['groups'])) };
      };
      const [first, second] = [await split('a'), await split('b')];
      expect(first.files).toBe(Math.ceil(30_000 / 2048));
      expect(second.files).toBe(first.files);
      expect(new Set(first.groups)).toEqual(new Set([1]));
      expect(await queryRows(duck.conn, "SELECT current_setting('threads') AS t")).toEqual([
        { t: '2' },
      ]);
    } finally {
      duck.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('row-vs-column answers', () => {
  test('digests answers the same whatever type each engine gives its numbers', () => {
    const duck = answerDigest([['DE', 'placed', '12', '345.60']]);
    expect(answerDigest([['DE', 'placed', 12, 345.6]])).toBe(duck);
    expect(answerDigest([['DE', 'placed', 12n, 345.6000000001]])).toBe(duck);
    expect(answerDigest([['DE', 'placed', 12, 345.61]])).not.toBe(duck);
    expect(answerDigest([['FR', 'placed', 12, 345.6]])).not.toBe(duck);
  });

  test('checksums exactly the looked-up keys', () => {
    expect(lookupChecksumSql([3, 7])).toBe(
      'SELECT count(*) AS n, sum(customer_id) AS customers, sum(quantity) AS quantity, sum(unit_price) AS price FROM orders WHERE order_id IN (3, 7)',
    );
  });
});

describe('rollup ratio', () => {
  test('groups by the truncated time and the kept dimensions', () => {
    expect(rollupSql('hour', ['country', 'status'])).toBe(
      "SELECT date_trunc('hour', order_ts) AS ts, country, status, count(*) AS orders, sum(quantity * unit_price) AS revenue FROM orders GROUP BY ALL",
    );
  });

  test('is raw rows per rolled-up row, and refuses an empty rollup', () => {
    expect(rollupRatio(2_000_000, 365)).toBe(5479);
    expect(rollupRatio(40_000, 8760)).toBe(4.6);
    expect(() => rollupRatio(10, 0)).toThrow('a rollup of 10 rows cannot have 0 rows');
  });
});

describe('CPU used by other processes during a run', () => {
  test('reads busy and total ticks from /proc/stat, leaving idle and iowait out of busy', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    expect(
      parseProcStat('cpu  100 5 50 800 40 2 3 0 7 0\ncpu0 50 2 25 400 20 1 1 0 3 0\n'),
    ).toEqual({ busy: 160, total: 1000 });
    expect(parseProcStat('intr 1 2 3\n')).toBeUndefined();
  });

  test('reads utime, stime, cutime and cstime after a command name with spaces and parentheses', () => {
    const stat =
      '4242 (node (bench) x) R 1 4242 4242 0 -1 4194304 100 0 0 0 700 300 20 10 20 0 9 0 12345 0 0';
    expect(parseProcessStat(stat)).toBe(700 + 300 + 20 + 10);
    expect(parseProcessStat('garbage')).toBeUndefined();
  });

  test('counts a server and its live backends as the run’s own, and nothing else', () => {
    expect(
      parseProcessStatFields(
        '77 (postgres) S 1 77 77 0 -1 4194304 0 0 0 0 30 10 5 5 20 0 1 0 1 0 0',
      ),
    ).toEqual({ ppid: 1, ticks: 50 });
    const procs = new Map([
      [77, { ppid: 1, ticks: 50 }], // postmaster (its reaped backends are inside these ticks)
      [78, { ppid: 77, ticks: 400 }], // the benchmark's live backend
      [79, { ppid: 78, ticks: 5 }], // a grandchild
      [90, { ppid: 1, ticks: 9_000 }], // another process on the machine
    ]);
    expect(processTreeTicks(procs, 77)).toBe(455);
    expect(processTreeTicks(procs, 12345)).toBe(0);
  });

  test('counts the machine’s busy time less the run’s own as cores of other processes', () => {
    // 10 s on 2 cores at 100 ticks/s = 2,000 ticks; the machine was busy 1,300, the run itself 1,200.
    const from = { machineBusy: 0, machineTotal: 0, own: 0 };
    expect(otherCpuCores(from, { machineBusy: 1_300, machineTotal: 2_000, own: 1_200 }, 2)).toBe(
      0.1,
    );
    // A benchmark that kept both cores busy on a quiet machine leaves nothing for others: 0, not negative.
    expect(otherCpuCores(from, { machineBusy: 2_000, machineTotal: 2_000, own: 2_010 }, 2)).toBe(0);
    expect(otherCpuCores(from, from, 2)).toBeUndefined();
  });
});
