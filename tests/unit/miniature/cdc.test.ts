// --source=postgres --cdc end to end, on a small shop: the orders' changes are read from
// PostgreSQL's write-ahead log through a replication slot, landed as change logs, kept whole in
// bronze and merged into silver with their deletes; silver then holds exactly what the source
// holds, and the reconciliation catches a delete that was not applied.
import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadChecks } from '../../../src/lib/miniature/checks-schema.ts';
import {
  getRunWindow,
  listDays,
  MiniatureConfigSchema,
} from '../../../src/lib/miniature/config.ts';
import { openDuck, queryRows, valueText, type Duck } from '../../../src/lib/miniature/duck.ts';
import { generateTimeline } from '../../../src/lib/miniature/generate.ts';
import { getTableFiles } from '../../../src/lib/miniature/lake-state.ts';
import { getLayout } from '../../../src/lib/miniature/layout.ts';
import type { LandingManifest } from '../../../src/lib/miniature/landing.ts';
import { runMiniature, type MiniatureRun } from '../../../src/lib/miniature/run-miniature.ts';
import { formatCdcLines } from '../../../src/lib/miniature/report.ts';
import { findPostgres } from '../../../src/lib/miniature/source-postgres.ts';
import { summariseDay } from '../../../src/lib/miniature/summary.ts';
import { parseLsn } from '../../../src/lib/miniature/test-decoding.ts';

const config = { customers: 100, ordersPerDay: 150, days: 3 };
const days = listDays(MiniatureConfigSchema.parse(config)) as [string, string, string];
const scratch = mkdtempSync(join(tmpdir(), 'miniature-cdc-'));
const root = join(scratch, 'lake-cdc');
const layout = getLayout(root);
let duck: Duck;
let run: MiniatureRun;
const progress: string[] = [];

beforeAll(async () => {
  duck = await openDuck();
  if (!findPostgres().ok) return;
  run = await runMiniature({
    root,
    config,
    source: 'postgres',
    cdc: true,
    fresh: true,
    verifyRerun: true,
    onProgress: (l) => progress.push(l),
  });
}, 240_000);
afterAll(() => {
  duck.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Read one landed change-log day's manifest. */
const manifestOf = (ds: string): LandingManifest =>
  JSON.parse(
    readFileSync(join(layout.landingBatch('orders', ds), '_manifest.json'), 'utf8'),
  ) as LandingManifest;

test('the report says what CDC delivered and what the cursor lost', () => {
  expect(
    formatCdcLines({
      slot: 'miniature_cdc',
      plugin: 'test_decoding',
      versions: 2000,
      versionsCursorMissed: 412,
      deletes: 31,
      deletesOfExtracted: 1,
      days: [],
    }),
  ).toEqual([
    'CDC: 2,031 changes of orders read from the WAL through replication slot miniature_cdc (test_decoding), in commit order: 2,000 versions and 31 deletes.',
    '  The cursor extract, taken at the same moments, lost 412 of the 2,000 versions (20.6 %: intermediate states overwritten before it ran) and saw none of the 31 deletes; 1 of the deleted orders it had extracted would stay in a cursor-fed lake.',
  ]);
});

describe.skipIf(!findPostgres().ok)('a --cdc run with PostgreSQL as the source', () => {
  test('publishes every day with every blocking check passed, and a rerun changes nothing', () => {
    expect(run.days.map((d) => [d.ds, d.status])).toEqual(days.map((d) => [d, 'published']));
    expect(
      run.days.flatMap((d) => d.checks).filter((c) => !c.passed && c.severity === 'error'),
    ).toEqual([]);
    expect(run.days.flatMap((d) => d.checks).map((c) => c.check)).toContain(
      'silver holds every order the source has and none it deleted',
    );
    expect(run.rerun).toMatchObject({ filesWritten: 0, unchanged: true });
  });

  test('lands every version and every delete the shop wrote, each once, in commit order', async () => {
    const timeline = generateTimeline(MiniatureConfigSchema.parse(config), { deletes: true });
    const clock = getRunWindow(days[2]).cutoff;
    const versions = timeline.orders.filter((v) => v.committedAt <= clock);
    const deletes = timeline.orderDeletes.filter((d) => d.committedAt <= clock);
    expect(deletes.length).toBeGreaterThan(3);
    const landed = days.map(manifestOf);
    const sum = (op: 'c' | 'u' | 'd') => landed.reduce((n, m) => n + m.cdc!.changes[op], 0);
    expect(sum('c') + sum('u')).toBe(versions.length);
    expect(sum('d')).toBe(deletes.length);
    // Read in file order (day by day), each log's commit LSNs never go back, and no change repeats.
    const changes = days.flatMap((ds) =>
      readFileSync(join(layout.landingBatch('orders', ds), 'order_changes.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')),
    );
    const commits = changes.map((c) => BigInt(c[1]!));
    expect(commits.filter((lsn, i) => i > 0 && lsn < commits[i - 1]!)).toEqual([]);
    expect(new Set(changes.map((c) => c[0])).size).toBe(versions.length + deletes.length);
    expect(changes.length).toBe(versions.length + deletes.length);
  });

  test('ends with silver holding exactly the orders the source holds, deleted ones gone', async () => {
    const timeline = generateTimeline(MiniatureConfigSchema.parse(config), { deletes: true });
    const clock = getRunWindow(days[2]).cutoff;
    const expected = new Map<number, string>();
    for (const v of timeline.orders.filter((o) => o.committedAt <= clock))
      expected.set(v.orderId, `${v.status.toLowerCase()}@${v.updatedAt}`);
    for (const d of timeline.orderDeletes.filter((x) => x.committedAt <= clock))
      expected.delete(d.orderId);
    const [silver] = getTableFiles(layout, 'silver', 'orders');
    const rows = await queryRows(
      duck.conn,
      `SELECT order_id, status, epoch(updated_at) AS t FROM read_parquet('${silver}')`,
    );
    expect(
      new Map(
        rows.map((r) => [Number(r['order_id']), `${valueText(r['status'])}@${Number(r['t'])}`]),
      ),
    ).toEqual(expected);
    expect(run.days.reduce((n, d) => n + d.silver.orders!.deleted, 0)).toBeGreaterThan(0);
    const summarised = run.days.map(summariseDay);
    expect(summarised.reduce((n, d) => n + (d.silverDeleted?.orders ?? 0), 0)).toBe(
      run.days.reduce((n, d) => n + d.silver.orders!.deleted, 0),
    );
  });

  test('keeps every intermediate version and delete marker in bronze', async () => {
    const files = getTableFiles(layout, 'bronze', 'orders')
      .map((f) => `'${f}'`)
      .join(', ');
    const [counts] = await queryRows(
      duck.conn,
      `SELECT count(*)::INT AS changes, count(*) FILTER (WHERE op = 'd')::INT AS deletes
      FROM read_parquet([${files}])`,
    );
    const landed = days.map(manifestOf);
    expect(counts).toEqual({
      changes: landed.reduce((n, m) => n + m.rows, 0),
      deletes: landed.reduce((n, m) => n + m.cdc!.changes.d, 0),
    });
  });

  test('counts the versions and deletes the cursor extract, taken at the same moments, never returned', () => {
    // The same count from the timeline alone: at each extraction the shop holds the newest
    // committed version of each order not deleted, and the cursor returns those changed in its window.
    const timeline = generateTimeline(MiniatureConfigSchema.parse(config), { deletes: true });
    const seen = new Set<string>();
    for (const ds of days) {
      const { start, end, cutoff } = getRunWindow(ds);
      const state = new Map<number, number>();
      for (const v of timeline.orders.filter((o) => o.committedAt <= cutoff))
        state.set(v.orderId, v.updatedAt);
      for (const d of timeline.orderDeletes.filter((x) => x.committedAt <= cutoff))
        state.delete(d.orderId);
      for (const [id, t] of state) if (t >= start && t < end) seen.add(`${id}@${t}`);
    }
    const clock = getRunWindow(days[2]).cutoff;
    const versions = timeline.orders.filter((v) => v.committedAt <= clock);
    const deletes = timeline.orderDeletes.filter((d) => d.committedAt <= clock);
    const extractedIds = new Set([...seen].map((k) => Number(k.split('@')[0])));
    const total = run.cdc!.days.reduce(
      (n, d) => ({
        versions: n.versions + d.versions,
        missed: n.missed + d.versionsCursorMissed,
        deletes: n.deletes + d.deletes,
        kept: n.kept + d.deletesOfExtracted,
      }),
      { versions: 0, missed: 0, deletes: 0, kept: 0 },
    );
    expect(run.cdc!.days.map((d) => d.ds)).toEqual(days);
    expect(total).toEqual({
      versions: versions.length,
      missed: versions.filter((v) => !seen.has(`${v.orderId}@${v.updatedAt}`)).length,
      deletes: deletes.length,
      kept: deletes.filter((d) => extractedIds.has(d.orderId)).length,
    });
    expect(total.missed).toBeGreaterThan(0);
    expect(total.kept).toBeGreaterThan(0);
  });

  test('drops its replication slot when it ends', () => {
    expect(progress).toContain(
      'source   replication slot miniature_cdc dropped, 0 slots left on the server',
    );
  });

  test('promotes a held day from its landed change log without a slot, then the day that waited, converging on the run of every day', async () => {
    const heldRoot = join(scratch, 'lake-cdc-held');
    const first = await runMiniature({
      root: heldRoot,
      config,
      source: 'postgres',
      cdc: true,
      fresh: true,
      hold: [days[1]],
    });
    expect(first.days.map((d) => [d.ds, d.status])).toEqual([
      [days[0], 'published'],
      [days[1], 'held'],
      [days[2], 'waiting'],
    ]);
    const lines: string[] = [];
    const later = await runMiniature({
      root: heldRoot,
      source: 'postgres',
      cdc: true,
      days: [days[1]],
      onProgress: (l) => lines.push(l),
    });
    expect(later.days.map((d) => [d.ds, d.status])).toEqual([
      [days[1], 'published'],
      [days[2], 'published'],
    ]);
    // Promoted from landing: no server started, so no slot was created or read.
    expect(later.source).toBeNull();
    expect(lines.filter((l) => l.startsWith('source'))).toEqual([]);
    // The same silver and gold as the run of every day. Left out: _merged_ds says when, not
    // what, and _commit_lsn is a position in one server's WAL; the two runs had two servers,
    // whose WAL also holds records of their own (checkpoints, running transactions), so the
    // same commits can sit at other positions.
    const { fingerprintLake } = await import('../../../src/lib/miniature/zone-stats.ts');
    const print = async (r: string) =>
      (await fingerprintLake(duck.conn, getLayout(r), ['_merged_ds', '_commit_lsn'])).filter(
        (p) => !p.table.startsWith('bronze/'),
      );
    expect(await print(heldRoot)).toEqual(await print(root));
  }, 240_000);

  test('refuses --day for a day whose change log never landed, saying why and what to do', async () => {
    const batch = layout.landingBatch('orders', days[2]);
    renameSync(batch, `${batch}.away`);
    try {
      await expect(
        runMiniature({ root, source: 'postgres', cdc: true, days: [days[2]] }),
      ).rejects.toThrow(
        `--day=${days[2]} with --cdc: that day's change log never landed, and its changes cannot be read again: they were consumed from the replication slot of an earlier run's server, which is gone`,
      );
    } finally {
      renameSync(`${batch}.away`, batch);
    }
    // A quarantined change log is not lost, but it cannot be extracted again either.
    const quarantine = join(layout.lake, 'quarantine', 'orders', `ds=${days[2]}`, 'run=x');
    mkdirSync(join(quarantine, '..'), { recursive: true });
    renameSync(batch, quarantine);
    try {
      await expect(
        runMiniature({ root, source: 'postgres', cdc: true, days: [days[2]] }),
      ).rejects.toThrow(`--day=${days[2]} with --cdc: a gate quarantined that day's change log`);
    } finally {
      renameSync(quarantine, batch);
      rmSync(join(layout.lake, 'quarantine'), { recursive: true, force: true });
    }
  });

  test('stops the day when silver still holds an order the source deleted', async () => {
    // Put back into silver an order that a change of the first two days deleted.
    const silver = getTableFiles(layout, 'silver', 'orders')[0]!;
    const bronze = getTableFiles(layout, 'bronze', 'orders')
      .map((f) => `'${f}'`)
      .join(', ');
    const [gone] = await queryRows(
      duck.conn,
      `SELECT order_id FROM read_parquet([${bronze}])
      WHERE op = 'd' AND commit_lsn <= ${parseLsn(manifestOf(days[1]).cdc!.endLsn)} ORDER BY order_id LIMIT 1`,
    );
    const id = Number(gone!['order_id']);
    await duck.conn.run(`COPY (
      FROM read_parquet('${silver}')
      UNION ALL BY NAME
      SELECT order_id, customer_id, lower(trim(status)) AS status, upper(trim(currency)) AS currency,
        total_amount AS amount, CAST(created_at AS DATE) AS order_date, created_at, updated_at,
        commit_lsn AS _commit_lsn, DATE '${days[0]}' AS _merged_ds
      FROM read_parquet([${bronze}]) WHERE order_id = ${id} AND op <> 'd'
      QUALIFY row_number() OVER (ORDER BY commit_lsn DESC) = 1
    ) TO '${silver}.new' (FORMAT parquet)`);
    renameSync(`${silver}.new`, silver);
    const day = (await runMiniature({ root, source: 'postgres', cdc: true, days: [days[2]] }))
      .days[0]!;
    expect(day).toMatchObject({ status: 'stopped', stoppedAt: 'bronze_to_silver' });
    const failed = day.checks.filter((c) => !c.passed);
    expect(failed.map((c) => [c.check, c.failed])).toEqual([
      ['silver holds every order the source has and none it deleted', 1],
    ]);
    expect(failed[0]!.detail).toContain(
      `'order_id': ${id}, 'problem': 'deleted in the source, still in silver'`,
    );
  });

  test('drops its slot and stops its server when a day fails part-way', async () => {
    const tmp = join(scratch, 'failing-tmp');
    mkdirSync(tmp);
    chmodSync(scratch, 0o755);
    chmodSync(tmp, 0o755);
    const checks = loadChecks();
    checks.gates[1]!.relations.push({
      relation: 'silver_orders',
      severity: 'error',
      checks: [{ kind: 'sql', spec: { name: 'broken', file: 'no-such-check' } }],
    });
    const lines: string[] = [];
    const before = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp; // the source's folder goes here (os.tmpdir() reads it on each call)
    try {
      await expect(
        runMiniature({
          root: join(scratch, 'failing'),
          config: { ...config, days: 1 },
          source: 'postgres',
          cdc: true,
          fresh: true,
          checks,
          onProgress: (l) => lines.push(l),
        }),
      ).rejects.toThrow('content/miniature/sql/no-such-check.sql: no such SQL step');
    } finally {
      if (before === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = before;
    }
    expect(lines).toContain(
      'source   replication slot miniature_cdc dropped, 0 slots left on the server',
    );
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('refuses to reuse a change log that no longer matches its manifest', async () => {
    appendFileSync(
      join(layout.landingBatch('orders', days[1]), 'order_changes.csv'),
      '1,1,d,1,,,,,,,2026-11-03 10:00:00+00\n',
    );
    await expect(
      runMiniature({ root, source: 'postgres', cdc: true, days: [days[1]] }),
    ).rejects.toThrow(/order_changes\.csv does not match its manifest/);
  });
});
