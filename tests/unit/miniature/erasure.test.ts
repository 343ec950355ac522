// A right-to-erasure request (--erase-customer): the customer and their orders leave every zone,
// landing included, the lake stays consistent, and a scan of every file proves it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MiniatureConfigSchema } from '../../../src/lib/miniature/config.ts';
import { openDuck, queryRows, type Duck } from '../../../src/lib/miniature/duck.ts';
import { eraseFromCsv, splitCsvLine } from '../../../src/lib/miniature/erasure.ts';
import { generateTimeline } from '../../../src/lib/miniature/generate.ts';
import { getTableFiles } from '../../../src/lib/miniature/lake-state.ts';
import { verifyBatch, type LandingManifest } from '../../../src/lib/miniature/landing.ts';
import { getLayout } from '../../../src/lib/miniature/layout.ts';
import { formatErasureLine } from '../../../src/lib/miniature/report.ts';
import { runMiniature, type MiniatureRun } from '../../../src/lib/miniature/run-miniature.ts';

describe('eraseFromCsv', () => {
  test('splits quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('1,"Smith, ""Jo""",x')).toEqual(['1', 'Smith, "Jo"', 'x']);
  });

  test("drops the customer's rows and every row of their orders, keeping the other lines as they were", () => {
    const log = [
      'lsn,commit_lsn,op,order_id,customer_id,status',
      '1,2,c,100,7,created',
      '3,4,c,101,8,created',
      '5,6,d,100,,',
      '7,8,c,102,17,"paid, late"',
      '',
    ].join('\n');
    expect(eraseFromCsv(log, 7, new Set([100]))).toEqual({
      text: 'lsn,commit_lsn,op,order_id,customer_id,status\n3,4,c,101,8,created\n7,8,c,102,17,"paid, late"\n',
      removed: 2,
    });
    expect(eraseFromCsv('order_id,updated_at\n100,t\n101,t\n', 7, new Set([100])).text).toBe(
      'order_id,updated_at\n101,t\n',
    );
    expect(
      eraseFromCsv('customer_id,email\n7,a@example.com\n70,b@example.com\n', 7, new Set()).text,
    ).toBe('customer_id,email\n70,b@example.com\n');
  });
});

test('the report line says what went and whether the check found anything left', () => {
  const zones = { landing: 0, quarantine: 0, bronze: 0, silver: 0, gold: 0 };
  expect(
    formatErasureLine({
      customerId: 7,
      orders: 2,
      removed: { ...zones, landing: 5, silver: 3 },
      batchesRewritten: 2,
      remaining: zones,
      filesScanned: 12,
    }),
  ).toBe(
    'Erasure of customer 7 and 2 orders: 8 rows removed (landing 5, quarantine 0, bronze 0, silver 3, gold 0), 2 landing batches rewritten; check: none of their rows left in the 12 files of landing, quarantine, bronze, silver and gold',
  );
  expect(
    formatErasureLine({
      customerId: 7,
      orders: 2,
      removed: zones,
      batchesRewritten: 0,
      remaining: { ...zones, bronze: 4 },
      filesScanned: 12,
    }),
  ).toContain('CHECK FAILED: 4 in bronze still there');
});

describe('a run that ends with --erase-customer', () => {
  const config = { customers: 60, ordersPerDay: 60, days: 3 };
  const scratch = mkdtempSync(join(tmpdir(), 'miniature-erasure-'));
  const root = join(scratch, 'lake');
  const layout = getLayout(root);
  // A customer with orders: whoever placed the first one.
  const customerId = generateTimeline(MiniatureConfigSchema.parse(config)).orders[0]!.customerId;
  let duck: Duck;
  let run: MiniatureRun;
  beforeAll(async () => {
    duck = await openDuck();
    run = await runMiniature({ root, config, fresh: true, eraseCustomer: customerId });
  }, 120_000);
  afterAll(() => {
    duck.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('removes rows from landing, bronze, silver and gold, and its own scan finds none left', () => {
    expect(run.days.map((d) => d.status)).toEqual(['published', 'published', 'published']);
    const e = run.erasure!;
    expect(e.customerId).toBe(customerId);
    expect(e.orders).toBeGreaterThan(0);
    for (const zone of ['landing', 'bronze', 'silver', 'gold'] as const)
      expect(e.removed[zone]).toBeGreaterThan(0);
    expect(e.remaining).toEqual({ landing: 0, quarantine: 0, bronze: 0, silver: 0, gold: 0 });
  });

  test('leaves no landed line and no table row that names the customer', async () => {
    const landing = join(layout.lake, 'landing');
    for (const table of readdirSync(landing)) {
      for (const day of readdirSync(join(landing, table))) {
        const [header = '', ...lines] = readFileSync(
          join(landing, table, day, `${table}.csv`),
          'utf8',
        )
          .trim()
          .split('\n');
        const at = header.split(',').indexOf('customer_id');
        expect(lines.filter((l) => splitCsvLine(l)[at] === String(customerId))).toEqual([]);
      }
    }
    for (const [zone, table] of [
      ['bronze', 'customers'],
      ['bronze', 'orders'],
      ['silver', 'customers'],
      ['silver', 'orders'],
      ['gold', 'customer_value'],
    ] as const) {
      const files = getTableFiles(layout, zone, table)
        .map((f) => `'${f}'`)
        .join(', ');
      expect(
        await queryRows(
          duck.conn,
          `SELECT customer_id FROM read_parquet([${files}]) WHERE customer_id = ${customerId}`,
        ),
      ).toEqual([]);
    }
  });

  test('keeps gold equal to a fresh aggregation of silver, and every rewritten batch checkable', async () => {
    const [row] = await queryRows(
      duck.conn,
      `
      SELECT (SELECT sum(revenue) FROM read_parquet('${getTableFiles(layout, 'gold', 'daily_revenue')[0]}')) AS gold,
             (SELECT sum(amount) FILTER (WHERE status IN ('paid', 'shipped', 'delivered'))
                FROM read_parquet('${getTableFiles(layout, 'silver', 'orders')[0]}')) AS silver`,
    );
    expect(row?.['gold']).toBe(row?.['silver']);
    for (const table of ['customers', 'orders']) {
      for (const day of readdirSync(join(layout.lake, 'landing', table))) {
        const manifest = JSON.parse(
          readFileSync(join(layout.lake, 'landing', table, day, '_manifest.json'), 'utf8'),
        ) as LandingManifest & { erasures: Array<{ customerId: number }> };
        expect(() => verifyBatch(layout, manifest)).not.toThrow();
        expect(manifest.erasures.map((x) => x.customerId)).toEqual([customerId]);
      }
    }
  });

  test('records the request, and a later --day rerun scans for the customer again and finds nothing', async () => {
    const log = readFileSync(join(layout.lake, 'ops', 'erasures.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { customerId: number });
    expect(log.map((l) => l.customerId)).toEqual([customerId]);
    const again = await runMiniature({ root, days: ['2026-11-03'] });
    expect(again.days.map((d) => [d.status, d.filesWritten])).toEqual([['published', 0]]);
    expect(again.erasedChecks).toEqual([
      {
        customerId,
        remaining: { landing: 0, quarantine: 0, bronze: 0, silver: 0, gold: 0 },
        filesScanned: expect.any(Number) as unknown,
      },
    ]);
  });

  test('also rewrites quarantined batches, which hold rows as they were delivered', async () => {
    const other = join(scratch, 'quarantined');
    const result = await runMiniature({
      root: other,
      config,
      fresh: true,
      corrupt: { ds: '2026-11-03', kind: 'bad-rows' },
      eraseCustomer: customerId,
    });
    expect(result.days.map((d) => d.status)).toEqual(['published', 'stopped', 'waiting']);
    expect(result.erasure!.removed.quarantine).toBeGreaterThan(0);
    expect(result.erasure!.remaining).toEqual({
      landing: 0,
      quarantine: 0,
      bronze: 0,
      silver: 0,
      gold: 0,
    });
    const [batch] = readdirSync(join(other, 'lake', 'quarantine', 'orders', 'ds=2026-11-03'));
    const [header = '', ...lines] = readFileSync(
      join(other, 'lake', 'quarantine', 'orders', 'ds=2026-11-03', batch!, 'orders.csv'),
      'utf8',
    )
      .trim()
      .split('\n');
    expect(header.split(',')[1]).toBe('customer_id');
    expect(lines.filter((l) => splitCsvLine(l)[1] === String(customerId))).toEqual([]);
  });

  test('erases the customer from the simulated source too: a backfill extracted afterwards does not bring them back', async () => {
    const other = join(scratch, 'backfilled');
    const first = await runMiniature({
      root: other,
      config,
      fresh: true,
      corrupt: { ds: '2026-11-03', kind: 'bad-rows' },
      eraseCustomer: customerId,
    });
    expect(first.days.map((d) => d.status)).toEqual(['published', 'stopped', 'waiting']);
    // The stopped day is extracted again from the source (late, as a whole), and the day that
    // waited follows it; the customer was in the shop then, and every customers extract is a
    // full snapshot, so a source that still held them would land them again.
    const later = await runMiniature({ root: other, days: ['2026-11-03'] });
    expect(later.days.map((d) => [d.ds, d.status])).toEqual([
      ['2026-11-03', 'published'],
      ['2026-11-04', 'published'],
    ]);
    expect(later.days[0]!.landing.customers.reused).toBe(false);
    expect(later.erasedChecks).toEqual([
      {
        customerId,
        remaining: { landing: 0, quarantine: 0, bronze: 0, silver: 0, gold: 0 },
        filesScanned: expect.any(Number) as unknown,
      },
    ]);
    const customers = readFileSync(
      join(other, 'lake', 'landing', 'customers', 'ds=2026-11-03', 'customers.csv'),
      'utf8',
    )
      .trim()
      .split('\n');
    expect(customers.length).toBeGreaterThan(1);
    expect(customers.filter((l) => splitCsvLine(l)[0] === String(customerId))).toEqual([]);
  }, 120_000);

  test('refuses a customer the lake does not hold, naming the range', async () => {
    await expect(
      runMiniature({
        root: join(scratch, 'other'),
        config: { ...config, days: 1 },
        fresh: true,
        eraseCustomer: 999_999,
      }),
    ).rejects.toThrow(
      /--erase-customer=999999: no such customer in silver; its customers are 1 to \d+/,
    );
  });
});
