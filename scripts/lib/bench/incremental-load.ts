// Full reload against incremental MERGE: a large table receives a batch of changes (80 % updates of
// existing rows, 20 % new rows). Reload rebuilds the table from a full snapshot of the source;
// MERGE applies only the change batch. Both must end with identical tables.
import { join } from 'node:path';
import type { BenchContext } from './context.ts';
import { duckSettings, openDuck, queryRows, queryValue, rowsScanned, sqlString } from './duckdb.ts';
import { packageVersion } from './environment.ts';
import { measureInterleaved } from './measure.ts';
import { fingerprintSql, ordersSelectSql } from './orders.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';

/** SQL selecting a change batch of about `fraction` of `rows`: updated existing orders plus new ones. */
export function changeBatchSql(base: string, rows: number, fraction: number, seed: number): string {
  const changes = Math.max(1, Math.round(rows * fraction));
  const inserts = Math.max(1, Math.round(changes * 0.2));
  const perMillion = Math.max(1, Math.round(((changes - inserts) / rows) * 1_000_000));
  return `SELECT order_id, customer_id, order_ts,
    CASE WHEN status = 'delivered' THEN 'returned' ELSE 'delivered' END AS status,
    country, product_id, quantity + 1 AS quantity, unit_price
  FROM read_parquet(${sqlString(base)}) WHERE hash(order_id, ${seed}, 'change') % 1000000 < ${perMillion}
  UNION ALL
  SELECT order_id + ${rows}, customer_id, order_ts + INTERVAL 365 DAY, 'placed', country, product_id, quantity, unit_price
  FROM read_parquet(${sqlString(base)}) WHERE order_id < ${inserts}`;
}

/** The MERGE that applies a change batch to the target table. */
export function mergeSql(changes: string): string {
  return `MERGE INTO orders AS t USING read_parquet(${sqlString(changes)}) AS s ON t.order_id = s.order_id
  WHEN MATCHED THEN UPDATE WHEN NOT MATCHED THEN INSERT`;
}

/** Label of a change fraction, e.g. 0.001 → "0.1 %". */
export function formatFraction(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(2))} %`;
}

/** Run the incremental-load benchmark and return its result file. */
export async function runIncrementalLoad(ctx: BenchContext): Promise<MeasuredInput> {
  const started = start();
  const { merge: rows, plan, changeFractions } = ctx.sizes;
  const file = (name: string) => join(ctx.workDir, name);
  const duck = await openDuck(file('warehouse.duckdb'));
  try {
    const { conn } = duck;
    ctx.log(`generating ${rows.toLocaleString('en-US')} orders (seed ${ctx.seed})`);
    const base = file('base.parquet');
    await conn.run(
      `COPY (${ordersSelectSql(rows, ctx.seed)}) TO ${sqlString(base)} (FORMAT parquet)`,
    );
    const resetTarget = async () => {
      await conn.run(
        `CREATE OR REPLACE TABLE orders AS SELECT * FROM read_parquet(${sqlString(base)})`,
      );
      await conn.run('CHECKPOINT');
    };

    const tableRows: NonNullable<MeasuredInput['tables']>[number]['rows'] = [];
    for (const fraction of changeFractions) {
      const changes = file(`changes-${fraction}.parquet`);
      const snapshot = file(`snapshot-${fraction}.parquet`);
      await conn.run(
        `COPY (${changeBatchSql(base, rows, fraction, ctx.seed)}) TO ${sqlString(changes)} (FORMAT parquet)`,
      );
      // The source's full state after the changes: what a full extract would deliver.
      await conn.run(
        `COPY (SELECT * FROM read_parquet(${sqlString(base)}) AS b ANTI JOIN read_parquet(${sqlString(changes)}) AS c USING (order_id)
          UNION ALL SELECT * FROM read_parquet(${sqlString(changes)})) TO ${sqlString(snapshot)} (FORMAT parquet)`,
      );
      const changeRows = Number(
        await queryValue(conn, `SELECT count(*) FROM read_parquet(${sqlString(changes)})`),
      );

      const reloadSql = `CREATE OR REPLACE TABLE orders AS SELECT * FROM read_parquet(${sqlString(snapshot)})`;
      // Rows each side really reads, from the engine's own profile (not the batch size): a keyless
      // MERGE scans the whole target to join it with the batch.
      const reloadScanned = (await rowsScanned(conn, reloadSql)).total;
      const afterReload = JSON.stringify(await queryRows(conn, fingerprintSql('orders')));
      await resetTarget();
      const mergeScanned = (await rowsScanned(conn, mergeSql(changes))).total;
      // Both sides end with CHECKPOINT inside the timed run, so each pays for its durable write;
      // otherwise MERGE's rewrite would land in the next, untimed checkpoint.
      const durably = (sql: string) => async () => {
        await conn.run(sql);
        await conn.run('CHECKPOINT');
      };
      const { reload, merge } = await measureInterleaved(
        {
          reload: { run: durably(reloadSql), before: () => conn.run('CHECKPOINT') },
          merge: { run: durably(mergeSql(changes)), before: resetTarget },
        },
        plan.slow,
      );
      const afterMerge = JSON.stringify(await queryRows(conn, fingerprintSql('orders')));
      if (afterMerge !== afterReload)
        throw new Error(
          `MERGE of ${formatFraction(fraction)} changes left a different table than a full reload: ${afterMerge} vs ${afterReload}`,
        );
      ctx.log(
        `batch of ${formatFraction(fraction)} (${changeRows.toLocaleString('en-US')} rows): reload and MERGE agree; scanned ${reloadScanned} and ${mergeScanned} rows`,
      );
      tableRows.push({
        id: `changed-${String(fraction * 100).replace('.', '-')}-percent`,
        label: `Batch of ${formatFraction(fraction)} of the rows`,
        note: `${changeRows.toLocaleString('en-US')} rows in the change batch`,
        cells: {
          reload: runsCell(reload),
          merge: runsCell(merge),
          'reload-rows': reloadScanned,
          'merge-rows': mergeScanned,
        },
      });
    }
    const duckdbVersion = await queryValue(conn, 'SELECT version()');
    const settings = await duckSettings(conn);

    return buildMeasured(ctx, started, {
      id: 'incremental-load',
      title: 'Full reload against incremental MERGE',
      summary:
        'When does loading only the changes (CDC or incremental extracts with MERGE) beat reloading the whole table? The same target table brought up to date both ways, for change batches of different sizes.',
      components: ['batch-ingestion', 'stream-ingestion', 'etl-cluster', 'data-storage'],
      tables: [
        {
          id: 'merge-vs-reload',
          rowLabel: 'Change batch',
          title: 'Full reload against MERGE of a change batch',
          description: `A ${rows.toLocaleString('en-US')}-row table in a DuckDB database file. Full reload: CREATE OR REPLACE the table from a full Parquet snapshot of the source. MERGE: apply a Parquet change batch (80 % updates, 20 % inserts) by order_id. Each timed run ends with CHECKPOINT, so both sides include their durable write. Batches go up to the size of the table so the break-even shows. Both end with identical tables; the script checks a fingerprint of every row. Rows scanned are DuckDB’s own counts from EXPLAIN ANALYZE.`,
          compare: { measure: 'reload' },
          chart: { measures: ['reload', 'merge'], scale: 'auto' },
          measures: [
            { id: 'reload', label: 'Full reload', unit: 'ms', better: 'lower', ratio: true },
            { id: 'merge', label: 'MERGE', unit: 'ms', better: 'lower', ratio: true },
            {
              id: 'reload-rows',
              label: 'Rows scanned by reload (engine’s count)',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'merge-rows',
              label: 'Rows scanned by MERGE: target and batch (engine’s count)',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
          ],
          rows: tableRows,
          notes: [],
        },
      ],
      caveats: [
        'Only the load is timed. Producing the input costs extra on both sides: a full extract reads the whole source table on every run, while CDC needs a log-based capture (Debezium) or a reliable updated-at column.',
        'DuckDB’s MERGE runs in one process on local disk. On Iceberg or Delta tables a MERGE rewrites whole data files that contain changed rows (copy-on-write) or writes delete files (merge-on-read), so the break-even point moves; measure on your engine before choosing.',
        'The changes are spread uniformly over the table, the worst case for file rewrites; changes concentrated in recent data (the usual case) favour MERGE further.',
      ],
      software: [
        { name: 'DuckDB', version: duckdbVersion },
        { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
      ],
      rows,
      plan: plan.slow,
      scope:
        'A DuckDB native table in a database file on a local disk; not Trino or Spark writing Iceberg tables on object storage, where MERGE rewrites or adds whole files',
      settings: [
        ...settings,
        { name: 'Target table', value: 'DuckDB native table in a database file, no primary key' },
        { name: 'Durability', value: 'each timed run ends with CHECKPOINT' },
        RUN_ORDER,
      ],
    });
  } finally {
    duck.close();
  }
}
