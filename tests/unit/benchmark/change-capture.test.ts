// The pure parts of the CDC-versus-extract benchmark: the change plan, reading test_decoding's
// output (format from print_literal and tuple_to_stringinfo in contrib/test_decoding/test_decoding.c)
// and counting what an extract misses.
import { describe, expect, test } from 'vitest';
import {
  collectChanges,
  diffSnapshots,
  expectedEvents,
  extractGap,
  HOT_VERSIONS,
  parseColumns,
  parseTestDecodingLine,
  planChanges,
} from '../../../scripts/lib/bench/change-capture.ts';
import { planPages, rowDigest, sourceTableSql } from '../../../scripts/lib/bench/cdc-vs-extract.ts';

describe('planChanges', () => {
  test('touches exactly the share asked for, split into deletes, hot rows and single updates, with no id twice', () => {
    const plan = planChanges(20_000, 0.01, 42);
    expect([plan.deleted.length, plan.updatedHot.length, plan.updatedOnce.length]).toEqual([
      40, 20, 140,
    ]);
    const all = [...plan.deleted, ...plan.updatedHot, ...plan.updatedOnce];
    expect(new Set(all).size).toBe(200);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...all)).toBeLessThan(20_000);
    expect(plan.deleted).toEqual([...plan.deleted].sort((a, b) => a - b));
  });

  test('picks 1 % as many other rows for the late transaction, at least one, never one the batch touches', () => {
    const plan = planChanges(20_000, 0.01, 42);
    expect(plan.late).toHaveLength(2);
    const batch = new Set([...plan.deleted, ...plan.updatedHot, ...plan.updatedOnce]);
    expect(plan.late.filter((id) => batch.has(id))).toEqual([]);
    expect(planChanges(20_000, 0.001, 42).late).toHaveLength(1);
    // No rows left over: no late transaction.
    expect(planChanges(100, 1, 42).late).toEqual([]);
  });

  test('is spread over the table, not the first rows', () => {
    const ids = planChanges(100_000, 0.01, 1).updatedOnce;
    expect(ids.filter((i) => i < 50_000).length / ids.length).toBeGreaterThan(0.4);
    expect(ids.filter((i) => i < 50_000).length / ids.length).toBeLessThan(0.6);
  });

  test('the same seed gives the same rows; another seed gives others', () => {
    expect(planChanges(5000, 0.1, 7)).toEqual(planChanges(5000, 0.1, 7));
    expect(planChanges(5000, 0.1, 8).deleted).not.toEqual(planChanges(5000, 0.1, 7).deleted);
  });

  test('changes at least one row and every row at 100 %', () => {
    expect(expectedEvents(planChanges(1000, 0.0001, 1))).toEqual({ updates: 1, deletes: 0 });
    const whole = planChanges(1000, 1, 1);
    expect(whole.deleted.length + whole.updatedHot.length + whole.updatedOnce.length).toBe(1000);
  });

  test('rejects a share outside (0, 1] and a bad row count', () => {
    expect(() => planChanges(1000, 0, 1)).toThrow('fraction must be in (0, 1], got 0');
    expect(() => planChanges(1000, 1.5, 1)).toThrow('fraction must be in (0, 1], got 1.5');
    expect(() => planChanges(0, 0.1, 1)).toThrow('rows must be a positive integer, got 0');
  });

  test('a complete change stream has one event per single update, HOT_VERSIONS per hot row and one per delete', () => {
    expect(
      expectedEvents({ deleted: [1, 2], updatedHot: [3], updatedOnce: [4, 5, 6], late: [7] }),
    ).toEqual({ updates: 3 + HOT_VERSIONS, deletes: 2 });
  });
});

describe('parseTestDecodingLine', () => {
  test('reads BEGIN and COMMIT with and without xid and timestamp', () => {
    expect(parseTestDecodingLine('BEGIN 741')).toEqual({ kind: 'begin', xid: 741 });
    expect(parseTestDecodingLine('COMMIT 741')).toEqual({ kind: 'commit', xid: 741 });
    expect(parseTestDecodingLine('COMMIT')).toEqual({ kind: 'commit', xid: undefined });
    expect(parseTestDecodingLine('COMMIT 9 (at 2026-12-07 19:11:30.1+00)')).toEqual({
      kind: 'commit',
      xid: 9,
    });
  });

  test('reads an UPDATE: bare numbers, quoted text with doubled quotes, null, timestamps with spaces', () => {
    const line =
      "table public.orders: UPDATE: order_id[bigint]:5 customer_id[integer]:77 order_ts[timestamp without time zone]:'2025-01-01 00:03:00' status[text]:'it''s shipped' country[text]:null unit_price[numeric]:12.99 updated_at[timestamp with time zone]:'2026-12-07 19:11:30.123456+00'";
    expect(parseTestDecodingLine(line)).toEqual({
      kind: 'change',
      table: 'public.orders',
      op: 'UPDATE',
      columns: {
        order_id: '5',
        customer_id: '77',
        order_ts: '2025-01-01 00:03:00',
        status: "it's shipped",
        country: null,
        unit_price: '12.99',
        updated_at: '2026-12-07 19:11:30.123456+00',
      },
    });
  });

  test('reads a DELETE (replica identity only), quoted names, array types, bits and the new tuple of a key change', () => {
    expect(parseTestDecodingLine('table public.orders: DELETE: order_id[bigint]:7')).toMatchObject({
      op: 'DELETE',
      columns: { order_id: '7' },
    });
    expect(parseTestDecodingLine('table public.orders: DELETE: (no-tuple-data)')).toMatchObject({
      op: 'DELETE',
      columns: {},
    });
    expect(
      parseTestDecodingLine(
        `table "My Schema"."odd.table": INSERT: "Order ""Id"""[integer]:1 tags[text[]]:'{a,b}' flags[bit(3)]:B'101' ok[boolean]:true`,
      ),
    ).toEqual({
      kind: 'change',
      table: '"My Schema"."odd.table"',
      op: 'INSERT',
      columns: { 'Order "Id"': '1', tags: '{a,b}', flags: '101', ok: 'true' },
    });
    expect(
      parseTestDecodingLine(
        "table public.orders: UPDATE: old-key: order_id[bigint]:1 new-tuple: order_id[bigint]:2 status[text]:'paid'",
      ),
    ).toMatchObject({
      columns: { order_id: '2', status: 'paid' },
    });
  });

  test('reports TRUNCATE and anything else it does not know instead of guessing', () => {
    expect(parseTestDecodingLine('table public.orders: TRUNCATE: (no-flags)')).toEqual({
      kind: 'truncate',
      tables: 'public.orders',
    });
    expect(parseTestDecodingLine('message: transactional: 1 prefix: x, sz: 1 content:y')).toEqual({
      kind: 'other',
      text: 'message: transactional: 1 prefix: x, sz: 1 content:y',
    });
  });

  test('says where a malformed column list breaks', () => {
    expect(() => parseColumns("status[text]:'open")).toThrow(
      `test_decoding columns: expected a closing ' for column status at character 14 of "status[text]:'open"`,
    );
    expect(() => parseColumns('status')).toThrow('expected name[type]:value at character 1');
  });
});

const decoded = [
  'BEGIN 10',
  "table public.orders: UPDATE: order_id[bigint]:1 status[text]:'paid'",
  "table public.orders: UPDATE: order_id[bigint]:2 status[text]:'paid'",
  'COMMIT 10',
  'BEGIN 11',
  "table public.orders: UPDATE: order_id[bigint]:2 status[text]:'shipped'",
  "table public.other: UPDATE: order_id[bigint]:99 status[text]:'x'",
  'table public.orders: DELETE: order_id[bigint]:3',
  'COMMIT 11',
  'BEGIN 12',
  "table public.orders: UPDATE: order_id[bigint]:2 status[text]:'delivered'",
  'COMMIT 12',
];

describe('collectChanges', () => {
  test('counts every version per key and every delete of the table, ignoring other tables', () => {
    const c = collectChanges(decoded, 'public.orders', 'order_id');
    expect([...c.updates]).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect([...c.deletes]).toEqual([3]);
    expect(c.transactions).toBe(3);
    expect(c.inserts).toBe(0);
    expect(c.versions.size).toBe(0);
  });

  test('keeps a tracked column’s value of every version in commit order', () => {
    const c = collectChanges(decoded, 'public.orders', 'order_id', 'status');
    expect(c.versions.get(2)).toEqual(['paid', 'shipped', 'delivered']);
    expect(c.versions.get(1)).toEqual(['paid']);
  });

  test('fails on a change without its key and on lines it cannot read', () => {
    expect(() =>
      collectChanges(['table public.orders: DELETE: (no-tuple-data)'], 'public.orders', 'order_id'),
    ).toThrow('DELETE on public.orders without key column order_id');
    expect(() =>
      collectChanges(['table public.orders: TRUNCATE: (no-flags)'], 'public.orders', 'order_id'),
    ).toThrow('unexpected test_decoding line');
  });
});

describe('extractGap', () => {
  const captured = collectChanges(decoded, 'public.orders', 'order_id');

  test('an extract that returned both updated rows sees their last versions only and none of the deletes', () => {
    expect(extractGap(captured, (id) => id === 1 || id === 2)).toEqual({
      seenUpdated: 2,
      missedVersions: 2,
      missedUpdatedRows: 0,
      missedDeletes: 1,
      deletedButReturned: 0,
    });
  });

  test('a cursor that lost a row misses all its versions; a stale read that returns a deleted row is counted', () => {
    expect(extractGap(captured, (id) => id === 1 || id === 3)).toEqual({
      seenUpdated: 1,
      missedVersions: 3,
      missedUpdatedRows: 1,
      missedDeletes: 1,
      deletedButReturned: 1,
    });
  });
});

describe('diffSnapshots', () => {
  test('finds deleted, changed and inserted rows against the previous copy', () => {
    const previous = Float64Array.from([10, 11, 12, Number.NaN]);
    expect(
      diffSnapshots(previous, [
        [0, 10],
        [1, 99],
        [3, 5],
        [7, 1],
      ]),
    ).toEqual({ deleted: 1, changed: 1, inserted: 2 });
    expect(
      diffSnapshots(previous, [
        [0, 10],
        [1, 11],
        [2, 12],
      ]),
    ).toEqual({ deleted: 0, changed: 0, inserted: 0 });
  });
});

describe('cdc-vs-extract helpers', () => {
  test('reads the buffers a plan touched from EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) and refuses a plan without them', () => {
    expect(
      planPages([
        { Plan: { 'Node Type': 'Seq Scan', 'Shared Hit Blocks': 220, 'Shared Read Blocks': 6 } },
      ]),
    ).toBe(226);
    expect(() => planPages([{ Plan: { 'Node Type': 'Seq Scan' } }])).toThrow(
      'EXPLAIN output without buffer counts',
    );
  });

  test('a row digest changes when any value changes and prints dates as ISO timestamps', () => {
    const row = ['5', 77, new Date('2026-12-07T19:00:00Z'), 'paid'];
    expect(rowDigest(row)).toBe(rowDigest(['5', 77, new Date('2026-12-07T19:00:00Z'), 'paid']));
    expect(rowDigest(row)).not.toBe(
      rowDigest(['5', 77, new Date('2026-12-07T19:00:00Z'), 'shipped']),
    );
    expect(rowDigest(['a', 'b'])).not.toBe(rowDigest(['ab', '']));
  });

  test('the source table has the orders columns, a primary key and a non-null updated_at', () => {
    expect(sourceTableSql('orders')).toBe(
      'CREATE TABLE orders (order_id BIGINT PRIMARY KEY, customer_id INTEGER NOT NULL, order_ts TIMESTAMP NOT NULL, status TEXT NOT NULL, country TEXT NOT NULL, product_id INTEGER NOT NULL, quantity INTEGER NOT NULL, unit_price NUMERIC(12,2) NOT NULL, updated_at TIMESTAMPTZ NOT NULL)',
    );
  });
});
