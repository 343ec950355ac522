// Reading a logical replication slot's test_decoding output into change-log entries. The lines
// below were printed by PostgreSQL 15.18's test_decoding for inserts, an update and a delete.
import { describe, expect, test } from 'vitest';
import {
  countChanges,
  toChangeLogCsv,
  toVersionKeysCsv,
} from '../../../src/lib/miniature/landing-cdc.ts';
import {
  parseColumns,
  parseCopyRows,
  parseLsn,
  parseSlotRows,
} from '../../../src/lib/miniature/test-decoding.ts';

const PREFIX = 'miniature.committed_at';

/** Slot rows as `lsn | data` lines. */
const rows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => {
      const [lsn, ...data] = line.trim().split(' | ');
      return { lsn: lsn!, data: data.join(' | ') };
    });

describe('parseLsn', () => {
  test('reads the high and low 32 bits of an LSN', () => {
    expect(parseLsn('0/1527118')).toBe(0x1527118n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
  });
  test('rejects text that is not an LSN, with an example', () => {
    expect(() => parseLsn('1527118')).toThrow(
      '"1527118" is not an LSN: expected two hex numbers separated by a slash, e.g. "0/1527118"',
    );
  });
});

describe('parseColumns', () => {
  test('reads quoted literals with doubled quotes, bare numbers and nulls', () => {
    expect(
      parseColumns(
        `order_id[bigint]:1 status[character varying]:'paid' amt[numeric]:10.50 ts[timestamp with time zone]:'2026-11-02 10:00:00+00' note[character varying]:'it''s "x", y' gone[text]:null`,
      ),
    ).toEqual({
      order_id: '1',
      status: 'paid',
      amt: '10.50',
      ts: '2026-11-02 10:00:00+00',
      note: 'it\'s "x", y',
      gone: null,
    });
  });
  test('keeps the new tuple of an update that changed the key', () => {
    expect(
      parseColumns(`old-key: order_id[bigint]:1 new-tuple: order_id[bigint]:2 status[text]:'paid'`),
    ).toEqual({ order_id: '2', status: 'paid' });
  });
  test('refuses a delete without a key and says how to give it one', () => {
    expect(() => parseColumns('(no-tuple-data)')).toThrow(/REPLICA IDENTITY/);
  });
  test('refuses an unchanged TOAST value, which the change does not carry', () => {
    expect(() => parseColumns(`id[bigint]:1 body[text]:unchanged-toast-datum`)).toThrow(
      'body is an unchanged TOASTed value',
    );
  });
});

describe('parseSlotRows', () => {
  const slot = rows(`
    0/1527118 | BEGIN
    0/1527118 | table sales.orders: INSERT: order_id[bigint]:1 status[character varying]:'created'
    0/15272B0 | message: transactional: 1 prefix: miniature.committed_at, sz: 22 content:2026-11-02 10:00:01+00
    0/15272E0 | COMMIT
    0/15275B0 | BEGIN
    0/15275B0 | table sales.orders: UPDATE: order_id[bigint]:1 status[character varying]:'paid'
    0/1527600 | table sales.customers: UPDATE: customer_id[bigint]:7 email[character varying]:'a@example.com'
    0/1527648 | COMMIT
    0/1527648 | BEGIN
    0/1527648 | table sales.orders: DELETE: order_id[bigint]:2
    0/15276A0 | message: transactional: 1 prefix: other.prefix, sz: 1 content:x
    0/15276C0 | COMMIT`);

  test('gives every change its op, key or row, commit LSN and commit time, in commit order', () => {
    expect(parseSlotRows(slot, PREFIX)).toEqual([
      {
        lsn: 0x1527118n,
        commitLsn: 0x15272e0n,
        table: 'sales.orders',
        op: 'c',
        columns: { order_id: '1', status: 'created' },
        commitTime: '2026-11-02 10:00:01+00',
      },
      {
        lsn: 0x15275b0n,
        commitLsn: 0x1527648n,
        table: 'sales.orders',
        op: 'u',
        columns: { order_id: '1', status: 'paid' },
        commitTime: null,
      },
      {
        lsn: 0x1527600n,
        commitLsn: 0x1527648n,
        table: 'sales.customers',
        op: 'u',
        columns: { customer_id: '7', email: 'a@example.com' },
        commitTime: null,
      },
      {
        lsn: 0x1527648n,
        commitLsn: 0x15276c0n,
        table: 'sales.orders',
        op: 'd',
        columns: { order_id: '2' },
        commitTime: null,
      },
    ]);
  });
  test('refuses a transaction without its COMMIT', () => {
    expect(() => parseSlotRows(slot.slice(0, 3), PREFIX)).toThrow(
      'the last transaction has no COMMIT',
    );
  });
  test('refuses a line it cannot read, naming the line and what it expected', () => {
    expect(() =>
      parseSlotRows(rows('0/1 | BEGIN\n0/2 | table x: TRUNCATE: (no-flags)\n0/3 | COMMIT'), PREFIX),
    ).toThrow(
      'test_decoding: cannot read "table x: TRUNCATE: (no-flags)" at 0/2; expected BEGIN, COMMIT, a message or "table <name>: INSERT|UPDATE|DELETE: …"',
    );
  });
});

describe('parseCopyRows', () => {
  test('splits COPY text rows on the tab and undoes its escapes', () => {
    expect(parseCopyRows("0/1\tBEGIN\n0/2\ttable t: INSERT: s[text]:'a\\tb\\\\c'\n")).toEqual([
      { lsn: '0/1', data: 'BEGIN' },
      { lsn: '0/2', data: "table t: INSERT: s[text]:'a\tb\\c'" },
    ]);
  });
});

describe('the landed change log', () => {
  const changes = parseSlotRows(
    rows(`
    0/10 | BEGIN
    0/10 | table sales.orders: INSERT: order_id[bigint]:1 customer_id[bigint]:7 status[character varying]:'created' currency[character varying]:'EUR' total_amount[numeric]:12.50 created_at[timestamp with time zone]:'2026-11-02 01:00:00+00' updated_at[timestamp with time zone]:'2026-11-02 01:00:00+00'
    0/18 | message: transactional: 1 prefix: miniature.committed_at, sz: 22 content:2026-11-02 01:00:03+00
    0/20 | COMMIT
    0/20 | BEGIN
    0/20 | table sales.customers: UPDATE: customer_id[bigint]:7 email[character varying]:'a@example.com'
    0/24 | table sales.orders: DELETE: order_id[bigint]:1
    0/28 | message: transactional: 1 prefix: miniature.committed_at, sz: 22 content:2026-11-02 02:00:00+00
    0/30 | COMMIT`),
    PREFIX,
  );

  test('has one line per change of the table: LSNs as integers, op, key, after-image and commit time', () => {
    expect(toChangeLogCsv(changes)).toBe(
      [
        'lsn,commit_lsn,op,order_id,customer_id,status,currency,total_amount,created_at,updated_at,committed_at',
        '16,32,c,1,7,created,EUR,12.50,2026-11-02 01:00:00+00,2026-11-02 01:00:00+00,2026-11-02 01:00:03+00',
        '36,48,d,1,,,,,,,2026-11-02 02:00:00+00',
        '',
      ].join('\n'),
    );
    expect(countChanges(changes)).toEqual({ c: 1, u: 0, d: 1 });
  });

  test('refuses a change whose transaction carried no commit time', () => {
    expect(() => toChangeLogCsv([{ ...changes[0]!, commitTime: null }])).toThrow(
      'change at LSN 16 of sales.orders has no commit time',
    );
  });

  test('keeps only the key and version of a cursor extract', () => {
    expect(
      toVersionKeysCsv(
        'order_id,customer_id,status,currency,total_amount,created_at,updated_at\n1,7,paid,EUR,1.00,2026-11-02 01:00:00+00,2026-11-02 03:00:00+00\n',
      ),
    ).toBe('order_id,updated_at\n1,2026-11-02 03:00:00+00\n');
  });
});
