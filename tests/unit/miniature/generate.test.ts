import { describe, expect, test } from 'vitest';
import {
  DAY,
  getRunWindow,
  listDays,
  MiniatureConfigSchema,
  toEpochDay,
} from '../../../src/lib/miniature/config.ts';
import { generateTimeline } from '../../../src/lib/miniature/generate.ts';
import { toOrderVersionsCsv } from '../../../src/lib/miniature/timeline-csv.ts';

const config = (overrides: Record<string, unknown> = {}) =>
  MiniatureConfigSchema.parse({ customers: 100, ordersPerDay: 80, days: 3, ...overrides });

describe('the synthetic shop', () => {
  test('is the same, byte for byte, for the same seed', () => {
    expect(toOrderVersionsCsv(generateTimeline(config()).orders)).toBe(
      toOrderVersionsCsv(generateTimeline(config()).orders),
    );
    expect(toOrderVersionsCsv(generateTimeline(config({ seed: 7 })).orders)).not.toBe(
      toOrderVersionsCsv(generateTimeline(config()).orders),
    );
  });

  test('writes each order’s versions in order, each after the previous one committed', () => {
    const byOrder = Map.groupBy(generateTimeline(config()).orders, (v) => v.orderId);
    for (const versions of byOrder.values()) {
      versions.forEach((v, i) => {
        expect(v.committedAt).toBeGreaterThanOrEqual(v.updatedAt);
        if (i > 0) expect(v.updatedAt).toBeGreaterThan(versions[i - 1]!.committedAt);
      });
    }
  });

  test('only writes within the run, and orders only refer to customers who exist', () => {
    const c = config();
    const timeline = generateTimeline(c);
    const end = toEpochDay(c.startDate) + c.days * DAY;
    const customers = new Set(timeline.customers.map((v) => v.customerId));
    for (const v of timeline.orders) {
      expect(v.updatedAt).toBeLessThan(end);
      expect(customers.has(v.customerId)).toBe(true);
    }
  });

  test('has the awkward records the pipeline must handle: late commits and legacy spellings', () => {
    const orders = generateTimeline(config({ ordersPerDay: 400 })).orders;
    const late = orders.filter((v) => v.committedAt - v.updatedAt >= 1800);
    expect(late.length).toBeGreaterThan(0);
    // Some commit after the nightly extraction that should have read them.
    const missedByTheirDay = late.filter(
      (v) =>
        v.committedAt >
        getRunWindow(new Date(v.updatedAt * 1000).toISOString().slice(0, 10)).cutoff,
    );
    expect(missedByTheirDay.length).toBeGreaterThan(0);
    expect(orders.some((v) => v.status !== v.status.toLowerCase())).toBe(true);
    expect(orders.some((v) => v.currency !== v.currency.toUpperCase())).toBe(true);
  });

  test('with deletes, hard-deletes some cancelled orders after they committed, and changes nothing else', () => {
    const c = config({ ordersPerDay: 400 });
    const plain = generateTimeline(c);
    const withDeletes = generateTimeline(c, { deletes: true });
    expect(plain.orderDeletes).toEqual([]);
    expect(toOrderVersionsCsv(withDeletes.orders)).toBe(toOrderVersionsCsv(plain.orders));
    expect(withDeletes.orderDeletes.length).toBeGreaterThan(10);
    const last = new Map(plain.orders.map((v) => [v.orderId, v]));
    const end = toEpochDay(c.startDate) + c.days * DAY;
    for (const d of withDeletes.orderDeletes) {
      expect(last.get(d.orderId)!.status.toLowerCase()).toBe('cancelled');
      expect(d.committedAt).toBeGreaterThan(last.get(d.orderId)!.committedAt);
      expect(d.committedAt).toBeLessThan(end);
    }
  });

  test('changes some orders several times within a day, which a daily cursor extract sees once', () => {
    const byOrderAndDay = Map.groupBy(
      generateTimeline(config()).orders,
      (v) => `${v.orderId} ${Math.floor(v.updatedAt / DAY)}`,
    );
    expect(
      [...byOrderAndDay.values()].filter((versions) => versions.length >= 2).length,
    ).toBeGreaterThan(20);
  });

  test('lists the run’s days and their extraction windows with a four-hour lookback', () => {
    expect(listDays(config())).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    const w = getRunWindow('2026-11-03');
    expect([w.start, w.end, w.cutoff].map((t) => new Date(t * 1000).toISOString())).toEqual([
      '2026-11-02T20:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-04T00:30:00.000Z',
    ]);
  });
});
