// Runs `npm run bench -- --quick` for real (small data, two runs, into a temp dir) and checks the
// result files' shape and sanity. Performance figures live in the result files, never in asserts.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseBenchmarkText } from '../../../src/lib/benchmark/parse.ts';
import type { MeasuredBenchmark, Table } from '../../../src/lib/benchmark/schema.ts';
import { cellMedian } from '../../../src/lib/benchmark/tables.ts';
import { HOT_VERSIONS, planChanges } from '../../../scripts/lib/bench/change-capture.ts';
import { postgresUnavailableReason } from '../../../scripts/lib/bench/postgres.ts';

let out: string;
let stdout: string;
// object-store-access reads through hyparquet; where it is not installed the run must say so and write nothing.
const hyparquetInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('hyparquet');
    return true;
  } catch {
    return false;
  }
})();
const results = new Map<string, MeasuredBenchmark>();

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'bench-test-'));
  // PostgreSQL is skipped so the test does not depend on a local server install.
  stdout = execFileSync(
    process.execPath,
    ['scripts/bench/run.ts', '--quick', '--no-postgres', `--out=${out}`],
    { encoding: 'utf8' },
  );
  for (const name of readdirSync(out)) {
    const data = parseBenchmarkText(readFileSync(join(out, name), 'utf8'), name);
    if (data.kind === 'measured') results.set(name.replace(/\.json$/, ''), data);
  }
  // Eight DuckDB benchmarks in quick mode: minutes when the shared 2-core machine is loaded.
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const tableOf = (id: string, tableId: string): Table =>
  results.get(id)!.tables.find((t) => t.id === tableId)!;
const value = (t: Table, row: string, measure: string) =>
  cellMedian(
    t.rows.find((r) => r.id === row)!,
    measure,
  )!;

describe('npm run bench -- --quick', () => {
  test('writes one valid, quick-marked result file per measured benchmark and prints progress', () => {
    const written = [
      'commit-interval',
      'file-formats',
      'incremental-load',
      'mor-vs-cow',
      ...(hyparquetInstalled ? ['object-store-access'] : []),
      'rollup-ratio',
      'row-vs-column',
      'storage-layout',
    ];
    expect([...results.keys()].sort()).toEqual(written);
    expect(stdout).toMatch(/\[file-formats\] generating 40,000 orders/);
    expect(stdout).toContain(`wrote ${written.length} result files`);
    // cdc-vs-extract needs PostgreSQL: with --no-postgres it says so and writes nothing.
    expect(stdout).toMatch(
      /\[cdc-vs-extract\] skipped: PostgreSQL was not measured: disabled with --no-postgres/,
    );
    expect(stdout).toMatch(
      /\[cdc-source-impact\] skipped: PostgreSQL was not measured: disabled with --no-postgres/,
    );
    for (const data of results.values()) expect(data.provenance.mode).toBe('quick');
  });

  test('records machine, versions, data, seed, date and commit in every file', () => {
    for (const data of results.values()) {
      const p = data.provenance;
      expect(p.machine.cores).toBeGreaterThan(0);
      expect(p.machine.memoryBytes).toBeGreaterThan(0);
      expect(p.node).toBe(process.version);
      expect(p.software.find((s) => s.name === 'DuckDB')?.version).toMatch(/^v\d+\.\d+/);
      expect(p.dataset).toMatchObject({ name: 'orders', seed: 42 });
      expect(Date.parse(p.date)).not.toBeNaN();
      expect(p.commit.sha).toMatch(/^([0-9a-f]{40}|unknown)$/);
      expect(Array.isArray(p.commit.dirtyPaths)).toBe(true);
      expect(p.commit.dirtyPaths.some((path) => path.includes('content/benchmarks/'))).toBe(false);
      expect(p.machine.host).toBeTruthy();
      expect(p.machine.fileSystem).toBeTruthy();
      expect(p.settings.map((s) => s.name)).toEqual(
        expect.arrayContaining(['DuckDB threads', 'DuckDB memory_limit']),
      );
      expect(data.scope).toMatch(/; not /);
    }
  });

  test('keeps every measured run, as many as the plan says', () => {
    for (const data of results.values())
      for (const table of data.tables)
        for (const row of table.rows)
          for (const m of table.measures) {
            const cell = row.cells[m.id];
            expect(cell, `${table.id}/${row.id}/${m.id}`).toBeTruthy();
            if (m.unit === 'ms') expect(cell!.runs).toHaveLength(data.provenance.plan.runs);
          }
  });

  test('Parquet with zstd is smaller than CSV, which is smaller than NDJSON', () => {
    const storage = tableOf('file-formats', 'storage');
    expect(value(storage, 'parquet-zstd', 'size')).toBeLessThan(
      value(storage, 'parquet-uncompressed', 'size'),
    );
    expect(value(storage, 'parquet-uncompressed', 'size')).toBeLessThan(
      value(storage, 'csv', 'size'),
    );
    expect(value(storage, 'csv', 'size')).toBeLessThan(value(storage, 'ndjson', 'size'));
  });

  test('partitioning opens one of twenty files, sorting lets statistics skip row groups, unsorted skips none', () => {
    const t = tableOf('storage-layout', 'selective');
    expect([value(t, 'partitioned', 'files-read'), value(t, 'partitioned', 'files')]).toEqual([
      1, 20,
    ]);
    expect(value(t, 'unsorted', 'row-groups-needed')).toBe(value(t, 'unsorted', 'row-groups'));
    expect(value(t, 'sorted', 'row-groups-needed')).toBeLessThan(
      value(t, 'sorted', 'row-groups') / 4,
    );
    const small = tableOf('storage-layout', 'small-files');
    expect(value(small, 'compacted', 'files')).toBe(1);
    // Deterministic: one file per 2,048 rows, not whatever the writer threads cut.
    expect(value(small, 'small-files', 'files')).toBe(
      Math.ceil(results.get('storage-layout')!.provenance.dataset.rows / 2048),
    );
  });

  test('measures SQLite and DuckDB and says why PostgreSQL is missing', () => {
    const t = tableOf('row-vs-column', 'operations');
    expect(t.rows.map((r) => r.id)).toEqual(['duckdb', 'sqlite']);
    expect(t.notes).toEqual([
      'PostgreSQL was not measured: disabled with --no-postgres.',
      'Every engine gave the same answer to the aggregate and to a checksum of the looked-up rows (compared as digests before timing).',
    ]);
    expect(stdout).toMatch(/every engine gives the same aggregate and lookup answers/);
    expect(results.get('row-vs-column')!.provenance.software.map((s) => s.name)).toContain(
      'SQLite',
    );
  });

  test('compares reload and MERGE for batches up to the size of the table, counting the rows each really scans', () => {
    const t = tableOf('incremental-load', 'merge-vs-reload');
    const rows = results.get('incremental-load')!.provenance.dataset.rows;
    expect(t.rows.map((r) => r.id)).toEqual([
      'changed-0-1-percent',
      'changed-10-percent',
      'changed-100-percent',
    ]);
    // A keyless MERGE joins the whole target: it scans every target row plus the batch.
    for (const row of t.rows) expect(value(t, row.id, 'merge-rows')).toBeGreaterThan(rows);
    for (const row of t.rows) expect(value(t, row.id, 'reload-rows')).toBeGreaterThanOrEqual(rows);
  });
});

describe('rollup ratio (quick)', () => {
  test('coarser grains roll more rows into one; more or finer dimensions roll fewer', () => {
    const t = tableOf('rollup-ratio', 'ratio');
    const rows = results.get('rollup-ratio')!.provenance.dataset.rows;
    expect(value(t, 'none', 'rows-day')).toBe(365);
    expect(value(t, 'none', 'ratio-day')).toBeGreaterThan(value(t, 'none', 'ratio-hour'));
    expect(value(t, 'country', 'ratio-day')).toBeLessThan(value(t, 'none', 'ratio-day'));
    expect(value(t, 'customer', 'rows-day')).toBeGreaterThan(rows * 0.99);
    const q = tableOf('rollup-ratio', 'query');
    expect(value(q, 'daily', 'scanned')).toBe(value(t, 'country', 'rows-day'));
    expect(value(q, 'raw', 'scanned')).toBe(rows);
  });
});

describe('merge-on-read against copy-on-write (quick)', () => {
  test('merge-on-read adds a delete file and a data file per round and writes less per round; both read the same rows', () => {
    const data = results.get('mor-vs-cow')!;
    expect(data.scope).toMatch(/not an Iceberg engine/);
    const read = tableOf('mor-vs-cow', 'read');
    const write = tableOf('mor-vs-cow', 'write');
    const ids = [
      'changed-1-percent-after-1',
      'changed-1-percent-after-5',
      'changed-10-percent-after-1',
      'changed-10-percent-after-5',
    ];
    expect(read.rows.map((r) => r.id)).toEqual(ids);
    expect(write.rows.map((r) => r.id)).toEqual(ids);
    for (const id of ids) {
      const rounds = Number(/after-(\d+)$/.exec(id)![1]);
      // The base file, then one position delete file and one data file per round.
      expect(value(read, id, 'mor-files')).toBe(1 + 2 * rounds);
      expect(value(write, id, 'mor-written')).toBeLessThan(value(write, id, 'cow-written'));
      expect(value(read, id, 'mor-bytes')).toBeGreaterThan(value(read, id, 'cow-bytes') * 0.9);
    }
    // Copy-on-write writes the whole file every round; merge-on-read only the changes.
    expect(value(write, 'changed-1-percent-after-5', 'cow-written-total')).toBeGreaterThan(
      4 * value(write, 'changed-1-percent-after-1', 'cow-written'),
    );
    expect(value(write, 'changed-10-percent-after-5', 'mor-written')).toBeGreaterThan(
      value(write, 'changed-1-percent-after-5', 'mor-written'),
    );
    // Every row says how many rows are current, which only deletes reduce.
    expect(read.rows.every((r) => / current rows$/.test(r.note ?? ''))).toBe(true);
    expect(stdout).toMatch(
      /\[mor-vs-cow\] 10 % per round, after 5 rounds: [\d,]+ current rows, same hash both ways; merge-on-read reads 11 files/,
    );
  });
});

describe('commit interval (quick)', () => {
  test('one file per commit, fewer and larger files for longer intervals, the same answers after hourly compaction', () => {
    const files = tableOf('commit-interval', 'files');
    const rows = results.get('commit-interval')!.provenance.dataset.rows;
    // Quick intervals: 300, 900 and 3,600 s over one day.
    expect(
      files.rows.map((r) => [r.id, value(files, r.id, 'commits'), value(files, r.id, 'files')]),
    ).toEqual([
      ['every-300-s', 288, 288],
      ['every-900-s', 96, 96],
      ['every-3600-s', 24, 24],
    ]);
    expect(value(files, 'every-300-s', 'mean-file')).toBeLessThan(
      value(files, 'every-3600-s', 'mean-file'),
    );
    expect(value(files, 'every-300-s', 'rows-per-file')).toBe(Math.round(rows / 288));
    const query = tableOf('commit-interval', 'query');
    expect(query.rows.map((r) => [r.id, value(query, r.id, 'files-read')])).toEqual([
      ['every-300-s', 288],
      ['every-900-s', 96],
      ['every-3600-s', 24],
      ['hourly-compacted', 24],
    ]);
    const compaction = tableOf('commit-interval', 'compaction');
    for (const row of compaction.rows) expect(value(compaction, row.id, 'files-out')).toBe(24);
    expect(stdout).toMatch(/\[commit-interval\] every layout gives the same answers/);
  });
});

describe('object-store access (quick)', () => {
  test('counts one GET per small file, one partition’s file for its key, and row-group skipping by statistics', () => {
    if (!hyparquetInstalled) {
      expect(stdout).toContain(
        '[object-store-access] skipped: the Parquet reader hyparquet is not installed (npm install --save-dev hyparquet@1.33.0)',
      );
      expect(results.has('object-store-access')).toBe(false);
      return;
    }
    const t = tableOf('object-store-access', 'requests');
    // Quick: 40,000 rows; small files (2,048 rows, under 512 KiB) are fetched whole, one GET each.
    expect(value(t, 'small-files', 'full-scan-gets')).toBe(value(t, 'small-files', 'files'));
    expect(value(t, 'small-files', 'full-scan-bytes')).toBe(value(t, 'small-files', 'size'));
    expect([
      value(t, 'partitioned', 'files'),
      value(t, 'partitioned', 'partition-key-gets'),
    ]).toEqual([20, 1]);
    // Sorted by country, min/max statistics skip most row groups; in arrival order they skip none.
    expect(value(t, 'sorted', 'partition-key-gets')).toBeLessThan(
      value(t, 'sorted', 'full-scan-gets') / 4,
    );
    expect(value(t, 'one-file', 'partition-key-gets')).toBe(value(t, 'one-file', 'full-scan-gets'));
    // Ids are in arrival order, so one footer read and one row group's three column chunks find an order.
    expect(value(t, 'one-file', 'point-lookup-gets')).toBeLessThanOrEqual(4);
    expect(stdout).toMatch(
      /\[object-store-access\] every layout gives DuckDB’s answer to every query/,
    );
  });
});

describe('cdc-vs-extract (quick, on a private PostgreSQL)', () => {
  // Where PostgreSQL cannot run, the run must say why and write nothing; otherwise it must measure.
  const unavailable = postgresUnavailableReason();
  let cdcOut: string;
  let cdcStdout: string;
  let files: string[];
  beforeAll(() => {
    cdcOut = mkdtempSync(join(tmpdir(), 'bench-cdc-test-'));
    cdcStdout = execFileSync(
      process.execPath,
      ['scripts/bench/run.ts', '--quick', '--only=cdc-vs-extract', `--out=${cdcOut}`],
      { encoding: 'utf8' },
    );
    files = readdirSync(cdcOut);
  }, 110_000);
  afterAll(() => rmSync(cdcOut, { recursive: true, force: true }));

  test('reads every batch by logical decoding, a high-water mark and a full extract, and counts what each missed', () => {
    if (unavailable) {
      expect(cdcStdout).toContain(
        `[cdc-vs-extract] skipped: PostgreSQL was not measured: ${unavailable}`,
      );
      expect(files).toEqual([]);
      return;
    }
    expect(files).toEqual(['cdc-vs-extract.json']);
    const data = parseBenchmarkText(readFileSync(join(cdcOut, files[0]!), 'utf8'), files[0]!);
    if (data.kind !== 'measured') throw new Error('expected a measured result');
    const { rows, seed, plan } = {
      rows: data.provenance.dataset.rows,
      seed: data.provenance.dataset.seed,
      plan: data.provenance.plan,
    };
    expect(data.scope).toMatch(/Unix socket.*; not Debezium, Kafka or Airbyte/);
    expect(data.provenance.software.find((s) => s.name === 'PostgreSQL')?.version).toMatch(
      /^\d+\.\d+/,
    );
    expect(data.provenance.settings.find((s) => s.name === 'PostgreSQL')?.value).toContain(
      'wal_level=logical',
    );
    const ids = ['changed-0-1-percent', 'changed-1-percent', 'changed-10-percent'];
    const fractions = [0.001, 0.01, 0.1];
    const time = data.tables.find((t) => t.id === 'read-time')!;
    expect(time.rows.map((r) => r.id)).toEqual(ids);
    for (const row of time.rows)
      for (const m of ['cdc', 'hwm', 'full']) expect(row.cells[m]!.runs).toHaveLength(plan.runs);
    const seen = data.tables.find((t) => t.id === 'what-each-sees')!;
    const read = data.tables.find((t) => t.id === 'source-reads')!;
    ids.forEach((id, i) => {
      const batch = planChanges(rows, fractions[i]!, seed);
      const updated = batch.updatedOnce.length + batch.updatedHot.length;
      const changes =
        batch.updatedOnce.length + batch.updatedHot.length * HOT_VERSIONS + batch.deleted.length;
      // CDC returns every version and every delete; extracts see one version per row and no delete.
      expect(value(seen, id, 'cdc-seen')).toBe(changes);
      expect(value(seen, id, 'changes')).toBe(changes);
      expect(value(seen, id, 'hwm-missed-versions')).toBe(
        batch.updatedHot.length * (HOT_VERSIONS - 1),
      );
      expect(value(seen, id, 'full-missed-versions')).toBe(
        batch.updatedHot.length * (HOT_VERSIONS - 1),
      );
      expect(value(seen, id, 'hwm-missed-deletes')).toBe(batch.deleted.length);
      expect(value(seen, id, 'full-deletes-by-diff')).toBe(batch.deleted.length);
      expect(value(seen, id, 'full-changed-by-diff')).toBe(updated);
      // A transaction that commits after the extract with an older updated_at: CDC gets it on its next read, the high-water mark never.
      expect(value(seen, id, 'late-rows')).toBe(batch.late.length);
      expect(value(seen, id, 'cdc-late-seen')).toBe(batch.late.length);
      expect(value(seen, id, 'hwm-late-missed')).toBe(batch.late.length);
      expect(value(read, id, 'hwm-rows')).toBe(updated);
      expect(value(read, id, 'full-rows')).toBe(rows - batch.deleted.length);
      expect(value(read, id, 'wal-bytes')).toBeGreaterThan(0);
    });
    // A full extract touches every page; the high-water mark only the index and the changed rows' pages.
    expect(value(read, ids[0]!, 'hwm-pages')).toBeLessThan(value(read, ids[0]!, 'full-pages') / 10);
    expect(cdcStdout).toMatch(/0\.1 %: CDC decoded (\d+) of \1 changes/);
  });
});

describe('cdc-source-impact (quick, on a private PostgreSQL)', () => {
  const unavailable = postgresUnavailableReason();
  let impactOut: string;
  let impactStdout: string;
  let files: string[];
  beforeAll(() => {
    impactOut = mkdtempSync(join(tmpdir(), 'bench-impact-test-'));
    impactStdout = execFileSync(
      process.execPath,
      ['scripts/bench/run.ts', '--quick', '--only=cdc-source-impact', `--out=${impactOut}`],
      { encoding: 'utf8' },
    );
    files = readdirSync(impactOut);
  }, 110_000);
  afterAll(() => rmSync(impactOut, { recursive: true, force: true }));

  test('runs pgbench alone, beside full extracts and beside a decoding consumer, which decodes every committed change', () => {
    if (unavailable) {
      expect(impactStdout).toContain(
        `[cdc-source-impact] skipped: PostgreSQL was not measured: ${unavailable}`,
      );
      expect(files).toEqual([]);
      return;
    }
    expect(files).toEqual(['cdc-source-impact.json']);
    const data = parseBenchmarkText(readFileSync(join(impactOut, files[0]!), 'utf8'), files[0]!);
    if (data.kind !== 'measured') throw new Error('expected a measured result');
    expect(data.scope).toMatch(
      /same machine, so the extract competes for CPU with pgbench itself.*; not Debezium/,
    );
    expect(data.provenance.software.map((s) => s.name)).toEqual(
      expect.arrayContaining(['PostgreSQL', 'pgbench']),
    );
    expect(data.provenance.settings.find((s) => s.name === 'PostgreSQL')?.value).toContain(
      'wal_level=logical',
    );
    const runs = data.provenance.plan.runs;
    const [throughput, reader, lag] = data.tables;
    expect(throughput!.rows.map((r) => r.id)).toEqual(['baseline', 'extract', 'cdc']);
    for (const row of throughput!.rows) {
      expect(row.cells['tps']!.runs).toHaveLength(runs);
      expect(Math.min(...row.cells['tps']!.runs)).toBeGreaterThan(0);
      expect(Math.min(...row.cells['wal']!.runs)).toBeGreaterThan(0);
    }
    // Every run's decoded changes are pgbench's transactions times four (3 updates and 1 insert each).
    const transactions = throughput!.rows.find((r) => r.id === 'cdc')!.cells['transactions']!.runs;
    expect(reader!.rows.find((r) => r.id === 'cdc')!.cells['rows']!.runs).toEqual(
      transactions.map((t) => t * 4),
    );
    // Each extract copies the whole table.
    const extract = reader!.rows.find((r) => r.id === 'extract')!;
    extract.cells['rows']!.runs.forEach((n, i) =>
      expect(n).toBe(extract.cells['passes']!.runs[i]! * data.provenance.dataset.rows),
    );
    expect(lag!.rows[0]!.cells['lag-max']!.runs).toHaveLength(runs);
    expect(impactStdout).toMatch(/run 1 cdc: [\d.]+ tps/);
  });
});
