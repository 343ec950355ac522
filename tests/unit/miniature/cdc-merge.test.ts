// The --cdc silver MERGE (content/miniature/sql/silver-orders-cdc.sql) on hand-made change logs,
// in DuckDB only: every change applied in commit order, deletes included, and a rerun of an
// earlier log never brings a deleted order back.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDuck, queryRows, valueText, type Duck } from '../../../src/lib/miniature/duck.ts';
import { readSql } from '../../../src/lib/miniature/sql-files.ts';

let duck: Duck;
beforeEach(async () => {
  duck = await openDuck();
  await duck.conn.run(`SET VARIABLE run_date = DATE '2026-11-02';
    CREATE TABLE bronze_orders (lsn BIGINT, commit_lsn BIGINT, op VARCHAR, order_id BIGINT, customer_id BIGINT,
      status VARCHAR, currency VARCHAR, total_amount DECIMAL(12, 2), created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ,
      committed_at TIMESTAMPTZ, change_date DATE)`);
});
afterEach(() => duck.close());

/** A change: [lsn, commit_lsn, op, order_id, status, hour of updated_at]. */
type Change = [number, number, 'c' | 'u' | 'd', number, string | null, number | null];

/** Land a change log as bronze_orders_batch (and in bronze_orders), then run the MERGE. */
async function apply(changes: Change[]): Promise<Record<string, number>> {
  const rows = changes.map(([lsn, commit, op, id, status, hour]) =>
    op === 'd'
      ? `(${lsn}, ${commit}, 'd', ${id}, NULL, NULL, NULL, NULL, NULL, NULL, TIMESTAMPTZ '2026-11-02 23:00:00+00', DATE '2026-11-02')`
      : `(${lsn}, ${commit}, '${op}', ${id}, 7, ' ${status!.toUpperCase()}', 'eur', 12.50, TIMESTAMPTZ '2026-11-02 01:00:00+00',
        TIMESTAMPTZ '2026-11-02 ${String(hour).padStart(2, '0')}:00:00+00', TIMESTAMPTZ '2026-11-02 ${String(hour).padStart(2, '0')}:00:01+00', DATE '2026-11-02')`,
  );
  await duck.conn.run(`CREATE OR REPLACE TABLE bronze_orders_batch AS FROM bronze_orders LIMIT 0;
    INSERT INTO bronze_orders_batch VALUES ${rows.join(',\n')};
    INSERT INTO bronze_orders SELECT * FROM bronze_orders_batch ANTI JOIN bronze_orders USING (lsn);`);
  await duck.conn.run(readSql('silver-orders-cdc'));
  const actions = await queryRows(
    duck.conn,
    'SELECT _action, count(*)::INT AS n FROM silver_orders_applied GROUP BY 1',
  );
  return Object.fromEntries(actions.map((a) => [valueText(a['_action']), Number(a['n'])]));
}

/** Silver as "order_id status currency" lines. */
async function silver(): Promise<string[]> {
  return (
    await queryRows(
      duck.conn,
      'SELECT order_id, status, currency FROM silver_orders ORDER BY order_id',
    )
  ).map((r) => `${valueText(r['order_id'])} ${valueText(r['status'])} ${valueText(r['currency'])}`);
}

describe('the --cdc silver MERGE', () => {
  test('applies a day of changes in commit order: the last change of each order wins, deletes remove it', async () => {
    expect(
      await apply([
        [10, 11, 'c', 1, 'created', 1],
        [12, 13, 'c', 2, 'created', 2],
        [14, 15, 'u', 1, 'paid', 3],
        [16, 17, 'u', 2, 'cancelled', 4],
        [18, 19, 'd', 2, null, null],
        [20, 21, 'c', 3, 'created', 5],
      ]),
    ).toEqual({ insert: 2 });
    expect(await silver()).toEqual(['1 paid EUR', '3 created EUR']);
  });

  test('deletes a row silver holds, and reports the delete with the day it was ordered on', async () => {
    await apply([
      [10, 11, 'c', 1, 'created', 1],
      [12, 13, 'c', 2, 'created', 2],
    ]);
    expect(
      await apply([
        [14, 15, 'd', 1, null, null],
        [16, 17, 'u', 2, 'paid', 6],
      ]),
    ).toEqual({ delete: 1, update: 1 });
    expect(await silver()).toEqual(['2 paid EUR']);
    expect(
      await queryRows(
        duck.conn,
        `SELECT order_id, CAST(order_date AS VARCHAR) AS d FROM silver_orders_applied WHERE _action = 'delete'`,
      ),
    ).toEqual([{ order_id: '1', d: '2026-11-02' }]);
  });

  test('orders changes within one transaction by their LSN', async () => {
    expect(
      await apply([
        [10, 20, 'c', 1, 'created', 1],
        [11, 20, 'u', 1, 'paid', 2],
      ]),
    ).toEqual({ insert: 1 });
    expect(await silver()).toEqual(['1 paid EUR']);
  });

  test('a rerun of the same log changes nothing, and a rerun of an earlier log does not undo a later delete', async () => {
    const first: Change[] = [
      [10, 11, 'c', 1, 'created', 1],
      [12, 13, 'c', 2, 'created', 2],
    ];
    await apply(first);
    await apply([[14, 15, 'd', 1, null, null]]);
    expect(await apply([[14, 15, 'd', 1, null, null]])).toEqual({});
    expect(await apply(first)).toEqual({});
    expect(await silver()).toEqual(['2 created EUR']);
  });
});
