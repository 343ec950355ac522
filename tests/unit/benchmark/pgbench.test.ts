import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { findPostgresBin } from '../../../scripts/lib/bench/postgres.ts';
import {
  countRowChanges,
  parsePgbenchSummary,
  pgbenchRunArgs,
  showBuiltinScript,
} from '../../../scripts/lib/bench/pgbench.ts';

// What pgbench 15.18 printed for `pgbench -c 4 -j 2 -T 2 -P 5` on this machine (7 December 2026).
const PGBENCH_15 = `pgbench (15.18 (Debian 15.18-0+deb12u1))
transaction type: <builtin: TPC-B (sort of)>
scaling factor: 1
query mode: simple
number of clients: 4
number of threads: 2
maximum number of tries: 1
duration: 2 s
number of transactions actually processed: 229
number of failed transactions: 0 (0.000%)
latency average = 30.570 ms
latency stddev = 34.122 ms
initial connection time = 264.809 ms
tps = 129.311830 (without initial connection time)
`;

describe('parsePgbenchSummary', () => {
  test('reads throughput, latency and the run’s shape from pgbench 15’s summary', () => {
    expect(parsePgbenchSummary(PGBENCH_15)).toEqual({
      transactionType: '<builtin: TPC-B (sort of)>',
      scale: 1,
      clients: 4,
      threads: 2,
      durationSeconds: 2,
      transactions: 229,
      failed: 0,
      tps: 129.31183,
      latencyAverageMs: 30.57,
      latencyStddevMs: 34.122,
    });
  });

  test('leaves the stddev undefined when pgbench ran without progress reports, and counts failures', () => {
    const text = PGBENCH_15.replace('latency stddev = 34.122 ms\n', '').replace(
      'number of failed transactions: 0 (0.000%)',
      'number of failed transactions: 3 (1.293%)',
    );
    expect(parsePgbenchSummary(text)).toMatchObject({ latencyStddevMs: undefined, failed: 3 });
  });

  test('says which line is missing and quotes what pgbench printed', () => {
    const text =
      'pgbench (15.18)\npgbench: error: connection to server on socket "/tmp/x/.s.PGSQL.5432" failed: No such file or directory\n';
    expect(() => parsePgbenchSummary(text)).toThrow(
      'pgbench output: expected a line "transaction type: …"; got:\npgbench (15.18)\npgbench: error: connection to server on socket',
    );
    expect(() => parsePgbenchSummary(PGBENCH_15.replace(/^tps = .*$/m, ''))).toThrow(
      'expected a line "tps = N (without initial connection time)"',
    );
  });
});

describe('pgbenchRunArgs', () => {
  test('runs the builtin script for a fixed time on a socket, with one progress report over the whole run', () => {
    expect(
      pgbenchRunArgs({
        socketDir: '/tmp/pg',
        user: 'postgres',
        database: 'postgres',
        clients: 4,
        threads: 2,
        seconds: 20,
      }),
    ).toEqual([
      '-h',
      '/tmp/pg',
      '-U',
      'postgres',
      '-c',
      '4',
      '-j',
      '2',
      '-T',
      '20',
      '-P',
      '20',
      'postgres',
    ]);
  });
});

describe('countRowChanges', () => {
  test('counts the INSERT, UPDATE and DELETE statements of a script, not its SELECTs or meta-commands', () => {
    const script = [
      '\\set aid random(1, 100000 * :scale)',
      'BEGIN;',
      'UPDATE a SET x = 1 WHERE id = :aid;',
      'SELECT x FROM a;',
      '  insert into h VALUES (1);',
      'DELETE FROM h;',
      'END;',
    ].join('\n');
    expect(countRowChanges(script)).toBe(3);
  });

  test('finds three updates and one insert in the tpcb-like script of the installed pgbench', () => {
    const bin = findPostgresBin();
    // Without PostgreSQL installed the source-impact benchmark is skipped, so there is no script to read.
    if (!bin) return;
    const script = showBuiltinScript(join(bin, 'pgbench'), 'tpcb-like');
    expect(script).toContain('<builtin: TPC-B (sort of)>');
    expect(countRowChanges(script)).toBe(4);
  });

  test('says what failed when pgbench has no such script', () => {
    const bin = findPostgresBin();
    if (!bin) return;
    expect(() => showBuiltinScript(join(bin, 'pgbench'), 'no-such-script')).toThrow(
      /pgbench --show-script=no-such-script failed \(exit 1\)/,
    );
  });
});
