// The miniature end to end, on a tiny shop in a temporary folder: what a run publishes, that
// reruns change nothing, that backfills converge, that gates quarantine bad batches without
// losing a row, and that every step leaves valid OpenLineage events.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
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
import { getTableFiles, readLakeState } from '../../../src/lib/miniature/lake-state.ts';
import { getLayout, type Zone } from '../../../src/lib/miniature/layout.ts';
import { CONTROL_FILE, type LandingManifest } from '../../../src/lib/miniature/landing.ts';
import type { RunEvent } from '../../../src/lib/miniature/lineage.ts';
import {
  runMiniature,
  type MiniatureRun,
  type RunOptions,
} from '../../../src/lib/miniature/run-miniature.ts';
import { findPostgres } from '../../../src/lib/miniature/source-postgres.ts';
import { summariseLineage } from '../../../src/lib/miniature/summary.ts';
import { findEventProblems } from '../../../src/lib/miniature/validate-event.ts';
import { fingerprintLake, type TableFingerprint } from '../../../src/lib/miniature/zone-stats.ts';

/** One line of lake/ops/promotion_audit.jsonl, as far as these tests read it. */
interface AuditLine {
  ds: string;
  passed: boolean;
  check: string;
  severity: string;
}

const config = { customers: 60, ordersPerDay: 40, days: 3 };
const [d1, d2, d3] = listDays(MiniatureConfigSchema.parse(config)) as [string, string, string];
const scratch = mkdtempSync(join(tmpdir(), 'miniature-test-'));
let duck: Duck;

/** Run the miniature under `scratch/<name>`. */
const run = (name: string, options: Omit<RunOptions, 'root'> = {}): Promise<MiniatureRun> =>
  runMiniature({ root: join(scratch, name), config, ...options });
/** Fingerprints of bronze, silver and gold under `scratch/<name>`. */
const fingerprints = (name: string, exclude: string[] = []): Promise<TableFingerprint[]> =>
  fingerprintLake(duck.conn, getLayout(join(scratch, name)), exclude);
const only = (prints: TableFingerprint[], zone: string) =>
  prints.filter((p) => p.table.startsWith(`${zone}/`));

/** The one data file of a table in the current snapshot under `scratch/<name>`. */
function tableFile(name: string, zone: Zone, table: string): string {
  const [file, ...more] = getTableFiles(getLayout(join(scratch, name)), zone, table);
  expect(more).toEqual([]);
  return file!;
}

/** Size and modification time of every file under a folder. */
function listFileStats(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) =>
    e.isFile(),
  );
  return Object.fromEntries(
    entries.map((e) => {
      const file = join(e.parentPath, e.name);
      const { size, mtimeMs } = statSync(file);
      return [file, `${size}@${mtimeMs}`];
    }),
  );
}

let inOrder: MiniatureRun;

beforeAll(async () => {
  duck = await openDuck();
  inOrder = await run('in-order', { fresh: true });
}, 120_000);

afterAll(() => {
  duck.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a run of every day in order', () => {
  test('publishes every day through all three gates', () => {
    expect(inOrder.days.map((d) => [d.ds, d.status])).toEqual(
      [d1, d2, d3].map((d) => [d, 'published']),
    );
    const failed = inOrder.days.flatMap((d) => d.checks).filter((c) => !c.passed);
    expect(failed.filter((c) => c.severity === 'error')).toEqual([]);
    // With 40 orders a day the average order value swings; the drift check only warns.
    expect(failed.map((c) => `${c.severity}: ${c.check}`)).toEqual(
      failed.map(() => 'warn: average order value within 25 % of the week before'),
    );
    expect(new Set(inOrder.days.flatMap((d) => d.checks.map((c) => c.gate)))).toEqual(
      new Set(['landing_to_bronze', 'bronze_to_silver', 'silver_to_gold']),
    );
  });

  test('ends with silver equal to the source, although rows came late, twice or in odd spellings', async () => {
    // What the shop's database holds at the last extraction: the newest committed version.
    const timeline = generateTimeline(MiniatureConfigSchema.parse(config));
    const clock = getRunWindow(d3).cutoff;
    const expected = new Map<number, string>();
    for (const v of timeline.orders.filter((o) => o.committedAt <= clock)) {
      expected.set(v.orderId, `${v.status.toLowerCase()}@${v.updatedAt}`);
    }
    const rows = await queryRows(
      duck.conn,
      `SELECT order_id, status, epoch(updated_at) AS t
      FROM read_parquet('${tableFile('in-order', 'silver', 'orders')}')`,
    );
    const actual = new Map(
      rows.map((r) => [Number(r['order_id']), `${valueText(r['status'])}@${Number(r['t'])}`]),
    );
    expect(actual.size).toBe(expected.size);
    expect(actual).toEqual(expected);
    // The batches did carry duplicates and late rows for bronze and silver to absorb.
    expect(inOrder.days.some((d) => d.landing.orders.resentRows > 0)).toBe(true);
  });

  test('keeps gold equal to a fresh aggregation of silver', async () => {
    const [row] = await queryRows(
      duck.conn,
      `
      SELECT (SELECT sum(revenue) FROM read_parquet('${tableFile('in-order', 'gold', 'daily_revenue')}')) AS gold,
             (SELECT sum(amount) FILTER (WHERE status IN ('paid', 'shipped', 'delivered'))
                FROM read_parquet('${tableFile('in-order', 'silver', 'orders')}')) AS silver`,
    );
    expect(Number(row?.['gold'])).toBeGreaterThan(0);
    expect(row?.['gold']).toBe(row?.['silver']);
  });

  test('emits a valid OpenLineage START and COMPLETE for every step, forming the medallion graph', () => {
    const lines = readFileSync(join(scratch, 'in-order/lineage/events.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const events = lines.map((l) => JSON.parse(l) as RunEvent);
    expect(events.length).toBe(inOrder.events.length);
    expect(events.flatMap(findEventProblems)).toEqual([]);
    for (const runEvents of Map.groupBy(events, (e) => e.run.runId).values()) {
      expect(runEvents.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    }
    const lineage = summariseLineage(events, 'events.jsonl');
    const label = (id: string) => lineage.datasets.find((d) => d.id === id)?.label;
    expect(
      lineage.jobs.map(
        (j) =>
          `${j.name}: ${j.inputs.map(label).join(' + ')} -> ${j.outputs.map(label).join(' + ') || '(checks)'}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "ingest.customers: shop.sales.customers -> landing/customers",
        "ingest.orders: shop.sales.orders -> landing/orders",
        "bronze.customers: landing/customers -> bronze/customers",
        "bronze.orders: landing/orders -> bronze/orders",
        "check.landing_to_bronze: landing/customers + landing/orders -> (checks)",
        "silver.customers: bronze/customers -> silver/customers",
        "silver.orders: bronze/orders -> silver/orders",
        "check.bronze_to_silver: silver/customers + silver/orders -> (checks)",
        "gold.daily_revenue: silver/orders -> gold/daily_revenue",
        "gold.customer_value: silver/customers + silver/orders -> gold/customer_value",
        "check.silver_to_gold: gold/customer_value + gold/daily_revenue + silver/orders -> (checks)",
      ]
    `);
  });
});

/** Per step job of an invocation's events: its last event type and the rows each output says it got. */
function summariseSteps(events: readonly RunEvent[]): Record<string, string> {
  const last = new Map<string, string>();
  for (const e of events.filter(
    (e) => e.job.name !== 'daily_batch' && !e.job.name.startsWith('check.'),
  )) {
    const outputs = e.outputs.map(
      (o) =>
        `${o.name.split('/lake/')[1]}=${(o.outputFacets?.['outputStatistics'] as { rowCount?: number } | undefined)?.rowCount}`,
    );
    last.set(e.job.name, `${e.eventType}${outputs.length ? ` ${outputs.join(' ')}` : ''}`);
  }
  return Object.fromEntries(last);
}

describe('lineage claims only what was written', () => {
  test('a published day names each table it wrote with the rows it added or changed', () => {
    const dayTwo = inOrder.events.filter((e) =>
      JSON.stringify(e.run.facets).includes(`"nominalStartTime":"${d2}`),
    );
    const day = inOrder.days[1]!;
    expect(summariseSteps(dayTwo)).toMatchObject({
      'bronze.orders': `COMPLETE bronze/orders=${day.bronzeNew.orders}`,
      'silver.orders': `COMPLETE silver/orders=${day.silver.orders!.inserted + day.silver.orders!.updated}`,
      'gold.customer_value': `COMPLETE gold/customer_value=${day.gold['customer_value']}`,
    });
    expect(day.bronzeNew.orders).toBeLessThan(
      inOrder.zones.find((z) => z.zone === 'bronze' && z.table === 'orders')!.rows,
    );
  });
});

describe('idempotency and backfills', () => {
  test('rerunning a day changes nothing: no file is written and every table keeps its rows', async () => {
    const lake = join(scratch, 'in-order/lake');
    const manifest = readFileSync(join(lake, `landing/orders/ds=${d2}/_manifest.json`), 'utf8');
    const before = {
      prints: await fingerprints('in-order'),
      files: ['bronze', 'silver', 'gold'].map((z) => listFileStats(join(lake, z))),
    };
    const again = await run('in-order', { days: [d2] });
    expect(again.days[0]).toMatchObject({
      status: 'published',
      filesWritten: 0,
      bronzeNew: { customers: 0, orders: 0 },
    });
    // Its lineage says so: every step completes, none claims an output.
    expect(Object.values(summariseSteps(again.events))).toEqual(Array(8).fill('COMPLETE'));
    expect(again.days[0]!.landing.orders.reused).toBe(true);
    expect(readFileSync(join(lake, `landing/orders/ds=${d2}/_manifest.json`), 'utf8')).toBe(
      manifest,
    );
    expect(await fingerprints('in-order')).toEqual(before.prints);
    expect(['bronze', 'silver', 'gold'].map((z) => listFileStats(join(lake, z)))).toEqual(
      before.files,
    );
  });

  test('a day after a skipped one waits, landed; backfilling the gap promotes both and converges', async () => {
    const skipped = await run('skipped', { fresh: true, days: [d1, d3] });
    expect(skipped.days.map((d) => [d.ds, d.status, d.waitingFor])).toEqual([
      [d1, 'published', []],
      [d3, 'waiting', [{ ds: d2, reason: 'never ran' }]],
    ]);
    expect(skipped.days[1]!.landing.orders.onTime).toBe(true);
    expect(skipped.gaps).toEqual([
      { ds: d2, reason: 'never ran' },
      { ds: d3, reason: 'landed, not promoted' },
    ]);
    // Nothing of d3 reached silver or gold: the lake is still exactly day 1.
    const dayOne = await run('day-one', { fresh: true, days: [d1] });
    expect(dayOne.gaps.map((g) => g.ds)).toEqual([d2, d3]);
    expect(await fingerprints('skipped')).toEqual(await fingerprints('day-one'));

    // Backfilling d2 promotes it, then d3 from its on-time extract, in the same invocation.
    const backfill = await run('skipped', { days: [d2] });
    expect(backfill.days.map((d) => [d.ds, d.status])).toEqual([
      [d2, 'published'],
      [d3, 'published'],
    ]);
    // Extracted late: the source has moved on, so the batch catches up from the day's window to
    // now, and the reconciliation of d3 with the source holds.
    expect(backfill.days[0]).toMatchObject({ landing: { orders: { onTime: false } } });
    expect(backfill.gaps).toEqual([]);
    expect(only(await fingerprints('skipped'), 'gold')).toEqual(
      only(await fingerprints('in-order'), 'gold'),
    );
    expect(only(await fingerprints('skipped', ['_merged_ds']), 'silver')).toEqual(
      only(await fingerprints('in-order', ['_merged_ds']), 'silver'),
    );
  });

  test('promoting a held day promotes the day that waited for it, and the lake equals the in-order run', async () => {
    const held = await run('held', { fresh: true, hold: [d2] });
    expect(held.days.map((d) => d.status)).toEqual(['published', 'held', 'waiting']);
    expect(held.days[2]!.waitingFor).toEqual([{ ds: d2, reason: 'landed, not promoted' }]);
    const progress: string[] = [];
    const late = await run('held', { days: [d2], onProgress: (line) => progress.push(line) });
    // Said once, naming the days it then promotes.
    expect(progress.filter((l) => l.includes('waited for it'))).toEqual([
      `${d2}  promote ${d2} is in the lake now: promoting the landed day that waited for it, in order (${d3})`,
    ]);
    expect(late.days.map((d) => [d.ds, d.status])).toEqual([
      [d2, 'published'],
      [d3, 'published'],
    ]);
    // Both days promote in order from their on-time extracts, so silver applies the same changes.
    expect(late.days.map((d) => d.silver)).toEqual(inOrder.days.slice(1).map((d) => d.silver));
    expect(only(await fingerprints('held'), 'gold')).toEqual(
      only(await fingerprints('in-order'), 'gold'),
    );
    expect(only(await fingerprints('held'), 'bronze')).toEqual(
      only(await fingerprints('in-order'), 'bronze'),
    );
  });

  test('running days in reverse order publishes nothing out of order and ends equal to the in-order run', async () => {
    const reversed = await run('reversed', { fresh: true, days: [d3, d2, d1] });
    expect(reversed.days.map((d) => [d.ds, d.status])).toEqual([
      [d3, 'waiting'],
      [d2, 'waiting'],
      [d1, 'published'],
      [d2, 'published'],
      [d3, 'published'],
    ]);
    expect(only(await fingerprints('reversed'), 'gold')).toEqual(
      only(await fingerprints('in-order'), 'gold'),
    );
    expect(only(await fingerprints('reversed', ['_merged_ds']), 'silver')).toEqual(
      only(await fingerprints('in-order', ['_merged_ds']), 'silver'),
    );
  });
});

describe('options that would do nothing', () => {
  test('--corrupt on a day whose orders have landed is refused before anything runs', async () => {
    const landing = join(scratch, 'in-order/lake/landing/orders');
    const before = listFileStats(landing);
    await expect(
      run('in-order', { days: [d2], corrupt: { ds: d2, kind: 'bad-rows' } }),
    ).rejects.toThrow(
      `--corrupt=${d2}: that day's orders have already landed, and a landed extract is reused, so nothing would be corrupted.`,
    );
    expect(listFileStats(landing)).toEqual(before);
  });
});

describe('quality gates', () => {
  test('a bad batch is quarantined whole, nothing is published, and a clean re-delivery catches up', async () => {
    await run('bad', { fresh: true, days: [d1] });
    const before = await fingerprints('bad');
    const badRun = await run('bad', { days: [d2], corrupt: { ds: d2, kind: 'bad-rows' } });
    const bad = badRun.days[0]!;
    // Lineage: the landing file was written; the bronze steps ran but wrote nothing and FAIL.
    expect(summariseSteps(badRun.events)).toEqual({
      'ingest.customers': `COMPLETE landing/customers=${bad.landing.customers.rows}`,
      'ingest.orders': `COMPLETE landing/orders=${bad.landing.orders.rows}`,
      'bronze.customers': 'FAIL',
      'bronze.orders': 'FAIL',
    });
    expect(bad).toMatchObject({
      status: 'stopped',
      stoppedAt: 'landing_to_bronze',
      filesWritten: 0,
    });
    expect(
      bad.checks
        .filter((c) => !c.passed)
        .map((c) => `${c.relation}: ${c.check}: ${c.failed} (${c.detail})`),
    ).toMatchInlineSnapshot(`
      [
        "landing_orders: contract shop.sales.orders: the columns of a reviewed version, values parse as their types: 1 (total_amount: 1 not DECIMAL(12, 2))",
        "bronze_orders_batch: not null: order_id, customer_id, status, currency, …: 2 (order_id: 1 null, total_amount: 1 null)",
        "bronze_orders_batch: unique: order_id, updated_at: 1 (100013, 2026-11-02 21:15:40+00 (2 rows))",
        "bronze_orders_batch: no change from the future: 1 ({'order_id': 9000002, 'customer_id': 1, 'status': paid, 'currency': EUR, 'total_amount': 15.00, 'created_at': '2026-11-03 23:00:00+00', 'updated_at': '2026-12-04 00:00:00+00', 'channel': NULL, 'change_date': 2026-12-04})",
      ]
    `);
    // Nothing reached bronze, silver or gold.
    expect(await fingerprints('bad')).toEqual(before);
    // Nothing was lost: the quarantined file is the delivered file, every row of it.
    const quarantine = bad.quarantined.map((q) => q.path);
    expect(bad.quarantined.map((q) => q.table)).toEqual(['orders']);
    const folder = quarantine[0]!.startsWith('/')
      ? quarantine[0]!
      : join(process.cwd(), quarantine[0]!);
    const manifest = JSON.parse(
      readFileSync(join(folder, '_manifest.json'), 'utf8'),
    ) as LandingManifest;
    const delivered = readFileSync(join(folder, 'orders.csv'));
    expect(createHash('sha256').update(delivered).digest('hex')).toBe(manifest.sha256);
    expect(delivered.toString().trim().split('\n').length - 1).toBe(manifest.rows);
    expect(manifest.injected).toBe('bad-rows');
    expect(readFileSync(join(folder, 'report.txt'), 'utf8')).toContain(
      `Gate landing_to_bronze stopped the promotion of ${d2}`,
    );
    expect(existsSync(join(scratch, `bad/lake/landing/orders/ds=${d2}`))).toBe(false);
    // The day's customers batch passed, but goes with it, so the rerun extracts both at one moment.
    expect(bad.setAside.map((q) => q.table)).toEqual(['customers']);
    expect(existsSync(join(scratch, `bad/lake/landing/customers/ds=${d2}`))).toBe(false);
    expect(bad.report).toContain("Moved the day's customers batch (no failures) there too");
    const audit = readFileSync(join(scratch, 'bad/lake/ops/promotion_audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditLine);
    expect(audit.filter((a) => a.ds === d2 && !a.passed).length).toBe(4);

    // The next day lands but waits: publishing it would leave d2's changes out of silver and gold.
    const next = await run('bad', { days: [d3] });
    expect(next.days.map((d) => [d.status, d.waitingFor])).toEqual([
      ['waiting', [{ ds: d2, reason: 'stopped by a gate' }]],
    ]);
    expect(await fingerprints('bad')).toEqual(before);

    // The source re-delivers: the day is extracted again, passes, and d3 follows it.
    const fixed = await run('bad', { days: [d2] });
    expect(fixed.days.map((d) => [d.ds, d.status])).toEqual([
      [d2, 'published'],
      [d3, 'published'],
    ]);
    expect(only(await fingerprints('bad'), 'gold')).toEqual(
      only(await fingerprints('in-order'), 'gold'),
    );
  });

  test('a stopped day backfilled after later days landed converges on the in-order run, new customers included', async () => {
    // Bigger than the shared shop: customers who sign up after the stopped day must order
    // before the backfill, or a late orders extract could not reference them.
    const big = { customers: 200, ordersPerDay: 200, days: 5 };
    const [, b2] = listDays(MiniatureConfigSchema.parse(big));
    const straight = await runMiniature({
      root: join(scratch, 'big-in-order'),
      config: big,
      fresh: true,
    });
    expect(straight.days.every((d) => d.status === 'published')).toBe(true);
    const stopped = await runMiniature({
      root: join(scratch, 'big-stopped'),
      config: big,
      fresh: true,
      corrupt: { ds: b2!, kind: 'bad-rows' },
    });
    expect(stopped.days.map((d) => d.status)).toEqual([
      'published',
      'stopped',
      'waiting',
      'waiting',
      'waiting',
    ]);
    const backfill = await runMiniature({ root: join(scratch, 'big-stopped'), days: [b2!] });
    // Without the customers batch set aside, the late orders extract met the on-time customers
    // snapshot and the references check stopped the day.
    expect(backfill.days.map((d) => [d.status, d.stoppedAt])).toEqual(
      Array.from({ length: 4 }, () => ['published', null]),
    );
    const print = async (name: string) =>
      (await fingerprintLake(duck.conn, getLayout(join(scratch, name)), ['_merged_ds'])).filter(
        (p) => !p.table.startsWith('bronze/'),
      );
    expect(await print('big-stopped')).toEqual(await print('big-in-order'));
  }, 240_000);

  test('silver that lost orders fails the reconciliation with the source, and nothing is published', async () => {
    await run('lost', { fresh: true, days: [d1] });
    const silver = tableFile('lost', 'silver', 'orders');
    // Three orders that d2 does not change: the day's MERGE cannot bring them back.
    const lost = (
      await queryRows(
        duck.conn,
        `SELECT order_id FROM read_parquet('${silver}')
      WHERE order_id NOT IN (SELECT order_id FROM read_csv('${join(scratch, 'in-order/lake/landing/orders', `ds=${d2}`, 'orders.csv')}'))
      ORDER BY order_id LIMIT 3`,
      )
    ).map((r) => Number(r['order_id']));
    await duck.conn.run(
      `COPY (FROM read_parquet('${silver}') WHERE order_id NOT IN (${lost.join(', ')})) TO '${silver}.new' (FORMAT parquet)`,
    );
    renameSync(`${silver}.new`, silver);
    const before = await fingerprints('lost');
    const day = (await run('lost', { days: [d2] })).days[0]!;
    expect(day).toMatchObject({
      status: 'stopped',
      stoppedAt: 'bronze_to_silver',
      quarantined: [],
    });
    const failed = day.checks.filter((c) => !c.passed);
    expect(failed.map((c) => [c.relation, c.check, c.failed])).toEqual([
      ['silver_orders', 'silver holds every order the source had', 3],
    ]);
    expect(failed[0]!.detail).toContain(`${lost[0]}, 'problem': missing from silver`);
    expect(await fingerprints('lost')).toEqual(before);
  });

  test('a failed warn-only check is reported and audited, and the day still publishes', async () => {
    const checks = loadChecks();
    const gate = checks.gates.find((g) => g.gate === 'silver_to_gold')!;
    gate.relations.push({
      relation: 'silver_orders',
      severity: 'warn',
      checks: [
        { kind: 'row_condition', spec: { name: 'no order above 10.00', expect: 'amount <= 10' } },
      ],
    });
    const result = await run('warned', { fresh: true, days: [d1], checks });
    const day = result.days[0]!;
    expect(day).toMatchObject({ status: 'published', quarantined: [] });
    expect(day.checks.filter((c) => !c.passed).map((c) => [c.check, c.severity])).toEqual([
      ['no order above 10.00', 'warn'],
    ]);
    const audit = readFileSync(join(scratch, 'warned/lake/ops/promotion_audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditLine);
    expect(audit.filter((a) => !a.passed).map((a) => [a.check, a.severity])).toEqual([
      ['no order above 10.00', 'warn'],
    ]);
    expect(only(await fingerprints('warned'), 'gold')).not.toContainEqual(
      expect.objectContaining({ rows: 0 }),
    );
  });

  test('a recorded override lets a day past a blocking failure, and the decision is kept with its reason', async () => {
    const reason = 'the supplier confirmed these customers; their rows follow tomorrow';
    const result = await run('override', {
      fresh: true,
      days: [d1],
      corrupt: { ds: d1, kind: 'orphans' },
      override: { ds: d1, gate: 'bronze_to_silver', reason },
    });
    const day = result.days[0]!;
    expect(day).toMatchObject({
      status: 'published',
      quarantined: [],
      override: { gate: 'bronze_to_silver', reason },
    });
    expect(day.override!.checks).toEqual([
      'silver_orders: references: customer_id → silver_customers.customer_id',
    ]);
    const recorded = readFileSync(join(scratch, 'override/lake/ops/overrides.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(recorded).toMatchObject([
      {
        ds: d1,
        gate: 'bronze_to_silver',
        reason,
        runId: day.runId,
        failed: [{ failed: 3, detail: '9999999' }],
      },
    ]);
  });

  test('orders of unknown customers stop at bronze_to_silver on referential integrity', async () => {
    const result = await run('orphans', {
      fresh: true,
      days: [d1],
      corrupt: { ds: d1, kind: 'orphans' },
    });
    const day = result.days[0]!;
    expect(day).toMatchObject({ status: 'stopped', stoppedAt: 'bronze_to_silver' });
    expect(day.checks.filter((c) => !c.passed).map((c) => [c.check, c.failed, c.detail])).toEqual([
      ['references: customer_id → silver_customers.customer_id', 3, '9999999'],
    ]);
    expect(day.report).toContain('Quarantined the orders batch');
  });
});

describe('landing integrity', () => {
  test('a truncated landed file is refused, not promoted and not replaced', async () => {
    await run('truncated', { fresh: true, days: [d1] });
    const file = join(scratch, `truncated/lake/landing/orders/ds=${d1}/orders.csv`);
    const whole = readFileSync(file);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    writeFileSync(file, cut);
    await expect(run('truncated', { days: [d1] })).rejects.toThrow(
      `${file} does not match its manifest (${cut.length} bytes, the manifest says ${whole.length}; sha256 `,
    );
    expect(readFileSync(file)).toEqual(cut);
    // Restored, the batch is reused as it landed.
    writeFileSync(file, whole);
    expect((await run('truncated', { days: [d1] })).days[0]!.landing.orders.reused).toBe(true);
  });

  test('a landed file without its manifest is refused before anything runs, never re-extracted over', async () => {
    await run('no-manifest', { fresh: true, days: [d1] });
    const dir = join(scratch, `no-manifest/lake/landing/orders/ds=${d1}`);
    const delivered = readFileSync(join(dir, 'orders.csv'));
    rmSync(join(dir, '_manifest.json'));
    await expect(run('no-manifest', { days: [d1, d2] })).rejects.toThrow(
      `${join(dir, '_manifest.json')} is missing, but the batch folder holds ${CONTROL_FILE}, orders.csv: what landed cannot be checked, and it is never replaced by a new extract.`,
    );
    expect(readFileSync(join(dir, 'orders.csv'))).toEqual(delivered);
    expect(existsSync(join(scratch, `no-manifest/lake/landing/orders/ds=${d2}`))).toBe(false);
  });
});

describe('publishing', () => {
  test('a publish that fails part-way leaves the previous snapshot whole and emits a FAIL', async () => {
    const root = join(scratch, 'half');
    await run('half', { fresh: true, days: [d1] });
    const layout = getLayout(root);
    const before = { prints: await fingerprints('half'), state: readLakeState(layout) };
    expect(before.state).toMatchObject({ snapshot: 1, publishedDays: [d1] });
    // A folder where d2's silver orders file must go: every other table's file moves in before
    // that rename fails, as a full disk or a lost mount would fail it.
    const blocker = join(root, 'lake/silver/orders/data-000002.parquet');
    mkdirSync(blocker);
    writeFileSync(join(blocker, 'in-the-way'), '');
    await expect(run('half', { days: [d2] })).rejects.toThrow(`${d2}: publish: `);
    rmSync(blocker, { recursive: true });
    // Readers follow the pointer: the lake is still exactly d1, every table of it.
    expect(readLakeState(layout)).toEqual(before.state);
    expect(await fingerprints('half')).toEqual(before.prints);
    // Nothing of the failed publish is left behind: no staging, no file of snapshot 2.
    const left = readdirSync(join(root, 'lake'), { recursive: true }).map(String);
    expect(left.filter((f) => f.includes('_staging') || f.includes('data-000002'))).toEqual([]);
    const events = readFileSync(layout.lineageFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunEvent);
    const closing = events.filter((e) => e.job.name === 'daily_batch').at(-1)!;
    expect(closing.eventType).toBe('FAIL');
    expect(JSON.stringify(closing.run.facets)).toContain(
      'the lake still holds the previous snapshot',
    );
    // No step of the failed day claims an output: each ends in FAIL.
    const failedDay = events.filter((e) =>
      JSON.stringify(e.run.facets).includes(`"nominalStartTime":"${d2}`),
    );
    expect(
      Object.entries(summariseSteps(failedDay)).filter(([job]) => !job.startsWith('ingest.')),
    ).toEqual(
      [
        'bronze.customers',
        'bronze.orders',
        'silver.customers',
        'silver.orders',
        'gold.daily_revenue',
        'gold.customer_value',
      ].map((job) => [job, 'FAIL']),
    );
    // The day can simply run again.
    expect((await run('half', { days: [d2] })).days.map((d) => d.status)).toEqual(['published']);
  });
});

describe.skipIf(!findPostgres().ok)('PostgreSQL as the source', () => {
  test('delivers byte-identical landing files to the DuckDB source', async () => {
    await run('postgres', { fresh: true, source: 'postgres', days: [d1] });
    for (const table of ['customers', 'orders']) {
      const file = `lake/landing/${table}/ds=${d1}/${table}.csv`;
      expect(readFileSync(join(scratch, 'postgres', file), 'utf8')).toBe(
        readFileSync(join(scratch, 'in-order', file), 'utf8'),
      );
    }
  });
});
