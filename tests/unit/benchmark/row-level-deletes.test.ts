import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openDuck,
  queryRows,
  queryValue,
  sqlString,
  type Duck,
} from '../../../scripts/lib/bench/duckdb.ts';
import { listOr } from '../../../scripts/lib/bench/mor-vs-cow.ts';
import { fingerprintSql, ordersSelectSql } from '../../../scripts/lib/bench/orders.ts';
import {
  changedSql,
  checkpointId,
  cowLiveSql,
  cowRoundSql,
  deletedSql,
  morLiveSql,
  morRoundSql,
  updatedColumnsSql,
  type MorFiles,
} from '../../../scripts/lib/bench/row-level-deletes.ts';

let duck: Duck;
let dir: string;
const path = (name: string) => join(dir, name);
const fingerprint = async (liveSql: string) =>
  JSON.stringify(await queryRows(duck.conn, fingerprintSql(`(${liveSql}) AS live`)));

beforeAll(async () => {
  duck = await openDuck();
  dir = mkdtempSync(join(tmpdir(), 'row-level-deletes-'));
});
afterAll(() => {
  duck.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('which rows a round changes', () => {
  test('rejects a round below 1 and a fraction outside (0, 1]', () => {
    expect(() => changedSql(0, 0.1, 42)).toThrow('round must be an integer ≥ 1, got 0');
    expect(() => changedSql(1, 0, 42)).toThrow('fraction must be in (0, 1], got 0');
    expect(() => changedSql(1, 1.5, 42)).toThrow('fraction must be in (0, 1], got 1.5');
  });

  test('changes about the given share of rows, other rows in another round, and deletes about a fifth of them', async () => {
    const count = (where: string) =>
      queryValue(duck.conn, `SELECT count(*) FROM range(100000) t(order_id) WHERE ${where}`).then(
        Number,
      );
    const round1 = await count(changedSql(1, 0.1, 42));
    expect(round1).toBeGreaterThan(9_500);
    expect(round1).toBeLessThan(10_500);
    const both = await count(`${changedSql(1, 0.1, 42)} AND ${changedSql(2, 0.1, 42)}`);
    // Independent rounds overlap by about 1 % of the rows, not 10 %.
    expect(both).toBeLessThan(1_500);
    const deleted = await count(`${changedSql(1, 0.1, 42)} AND ${deletedSql(1, 42)}`);
    expect(deleted / round1).toBeGreaterThan(0.17);
    expect(deleted / round1).toBeLessThan(0.23);
  });

  test('an update flips delivered and returned and raises the quantity, keeping every other column', async () => {
    const rows = await queryRows(
      duck.conn,
      `SELECT ${updatedColumnsSql()} FROM (SELECT 1::BIGINT AS order_id, 2 AS customer_id, TIMESTAMP '2025-01-01' AS order_ts, 'delivered' AS status, 'SE' AS country, 3 AS product_id, 1 AS quantity, 9.99::DECIMAL(12,2) AS unit_price)`,
    );
    expect(rows).toEqual([
      {
        order_id: '1',
        customer_id: 2,
        order_ts: '2025-01-01 00:00:00',
        status: 'returned',
        country: 'SE',
        product_id: 3,
        quantity: 2,
        unit_price: '9.99',
      },
    ]);
  });
});

describe('reading a merge-on-read table', () => {
  test('leaves out exactly the positions its delete files list for that file, and no row of another file', async () => {
    const a = path('a.parquet');
    const b = path('b.parquet');
    await duck.conn.run(
      `COPY (SELECT range AS order_id FROM range(5)) TO ${sqlString(a)} (FORMAT parquet)`,
    );
    await duck.conn.run(
      `COPY (SELECT range + 10 AS order_id FROM range(3)) TO ${sqlString(b)} (FORMAT parquet)`,
    );
    const deletes = path('a-deletes.parquet');
    await duck.conn.run(
      `COPY (SELECT * FROM (VALUES (${sqlString(a)}, 0::BIGINT), (${sqlString(a)}, 2::BIGINT), (${sqlString(path('elsewhere.parquet'))}, 1::BIGINT)) t(file_path, pos)) TO ${sqlString(deletes)} (FORMAT parquet)`,
    );
    const ids = async (files: MorFiles) =>
      (
        await queryRows(duck.conn, `SELECT order_id FROM (${morLiveSql(files)}) ORDER BY order_id`)
      ).map((r) => Number(r['order_id']));
    expect(await ids({ data: [a, b], deletes: [] })).toEqual([0, 1, 2, 3, 4, 10, 11, 12]);
    expect(await ids({ data: [a, b], deletes: [deletes] })).toEqual([1, 3, 4, 10, 11, 12]);
  });

  test('refuses a table without data files', () => {
    expect(() => morLiveSql({ data: [], deletes: [] })).toThrow('expected at least one file');
  });
});

describe('the two strategies', () => {
  test('give the same current rows after several rounds, and merge-on-read writes Iceberg-shaped position deletes', async () => {
    const base = path('base.parquet');
    await duck.conn.run(
      `COPY (${ordersSelectSql(5000, 7)}) TO ${sqlString(base)} (FORMAT parquet)`,
    );
    const mor: MorFiles = { data: [base], deletes: [] };
    let cow = base;
    for (let round = 1; round <= 4; round++) {
      const out = {
        deletes: path(`r${round}-deletes.parquet`),
        data: path(`r${round}-data.parquet`),
      };
      for (const sql of morRoundSql(mor, round, 0.2, 7, out)) await duck.conn.run(sql);
      mor.deletes.push(out.deletes);
      mor.data.push(out.data);
      const next = path(`r${round}-cow.parquet`);
      await duck.conn.run(cowRoundSql(cow, round, 0.2, 7, next));
      cow = next;
      expect(await fingerprint(morLiveSql(mor)), `round ${round}`).toBe(
        await fingerprint(cowLiveSql(cow)),
      );
    }
    // Iceberg's position delete schema: file_path (string) and pos (long), sorted by file_path then pos.
    const last = mor.deletes.at(-1)!;
    expect(
      await queryRows(
        duck.conn,
        `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${sqlString(last)}))`,
      ),
    ).toEqual([
      { column_name: 'file_path', column_type: 'VARCHAR' },
      { column_name: 'pos', column_type: 'BIGINT' },
    ]);
    const unsorted = await queryValue(
      duck.conn,
      `SELECT count(*) FROM (SELECT file_path, pos, lag(file_path) OVER w AS pf, lag(pos) OVER w AS pp FROM read_parquet(${sqlString(last)}, file_row_number = true) WINDOW w AS (ORDER BY file_row_number)) WHERE pf > file_path OR (pf = file_path AND pp > pos)`,
    );
    expect(Number(unsorted)).toBe(0);
    // Round 4 also deletes old versions that rounds 1-3 wrote into their own data files.
    const targets = await queryRows(
      duck.conn,
      `SELECT DISTINCT file_path FROM read_parquet(${sqlString(last)}) ORDER BY ALL`,
    );
    expect(targets.length).toBeGreaterThan(1);
    // Each round lists one position per changed row and writes one new version per updated row.
    const positions = Number(
      await queryValue(duck.conn, `SELECT count(*) FROM read_parquet(${sqlString(last)})`),
    );
    const versions = Number(
      await queryValue(
        duck.conn,
        `SELECT count(*) FROM read_parquet(${sqlString(mor.data.at(-1)!)})`,
      ),
    );
    expect(versions).toBeLessThan(positions);
    expect(versions).toBeGreaterThan(positions * 0.7);
  });

  test('differ when a round is left out, so the comparison can fail', async () => {
    const base = path('base2.parquet');
    await duck.conn.run(
      `COPY (${ordersSelectSql(2000, 3)}) TO ${sqlString(base)} (FORMAT parquet)`,
    );
    const cow = path('base2-cow.parquet');
    await duck.conn.run(cowRoundSql(base, 1, 0.1, 3, cow));
    expect(await fingerprint(cowLiveSql(cow))).not.toBe(
      await fingerprint(morLiveSql({ data: [base], deletes: [] })),
    );
  });
});

describe('checkpointId', () => {
  test('names a fraction and a round count', () => {
    expect(checkpointId(0.001, 1)).toBe('changed-0-1-percent-after-1');
    expect(checkpointId(0.1, 50)).toBe('changed-10-percent-after-50');
  });
});

describe('listOr', () => {
  test('joins the fractions and checkpoints of the settings line as a sentence does', () => {
    expect(listOr(['0.1 %', '1 %', '10 %'], 'or')).toBe('0.1 %, 1 % or 10 %');
    expect(listOr(['1', '5'], 'and')).toBe('1 and 5');
    expect(listOr(['1'], 'and')).toBe('1');
  });
});
