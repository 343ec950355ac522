// The DuckDB session a day's run works in: a fresh in-memory database holding the day's
// landing batches, the published bronze, silver and gold tables, and the run's variables.
// Nothing survives the run except what it publishes as files.
import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { formatTimestamp, getRunWindow } from './config.ts';
import { openDuck, type Duck } from './duck.ts';
import { CONTROL_FILE, getLandingFile, type LandingManifest } from './landing.ts';
import { getTableFiles, readLakeState } from './lake-state.ts';
import type { Layout } from './layout.ts';
import { SOURCE_TABLES, type SourceTable } from './source.ts';
import { toSqlString } from './sql-files.ts';
import { parseLsn } from './test-decoding.ts';

/** Load the published bronze, silver and gold tables that the day's SQL reads, from the snapshot. */
export async function loadPublished(conn: DuckDBConnection, layout: Layout): Promise<void> {
  const state = readLakeState(layout);
  const list = (files: string[]) => `[${files.map(toSqlString).join(', ')}]`;
  const partitions = getTableFiles(layout, 'bronze', 'orders', state);
  if (partitions.length) {
    await conn.run(`CREATE TABLE bronze_orders AS SELECT * FROM read_parquet(${list(partitions)},
      hive_partitioning = true, hive_types = {'change_date': DATE})`);
  }
  const single = [
    ['bronze', 'customers'],
    ['silver', 'customers'],
    ['silver', 'orders'],
    ['gold', 'daily_revenue'],
  ] as const;
  for (const [zone, table] of single) {
    const files = getTableFiles(layout, zone, table, state);
    if (files.length)
      await conn.run(`CREATE TABLE ${zone}_${table} AS FROM read_parquet(${list(files)})`);
  }
}

/**
 * Open the session for day `ds`. Returns the database and the landing relations whose file
 * could not be read, with the reader's error, for the schema check to report.
 */
export async function openDaySession(options: {
  layout: Layout;
  ds: string;
  manifests: Record<SourceTable, LandingManifest>;
  pseudonymKey: string;
}): Promise<{ duck: Duck; unreadable: Map<string, string> }> {
  const { layout, ds, manifests } = options;
  const duck = await openDuck();
  try {
    // The variables the SQL files read with getvariable().
    await duck.conn.run(`
      SET VARIABLE run_date = DATE '${ds}';
      SET VARIABLE window_end = TIMESTAMPTZ '${formatTimestamp(getRunWindow(ds).end)}';
      SET VARIABLE pseudonym_key = ${toSqlString(options.pseudonymKey)};
      SET VARIABLE customers_extracted_at = TIMESTAMPTZ '${manifests.customers.extractedAt}';
      SET VARIABLE orders_extracted_at = TIMESTAMPTZ '${manifests.orders.extractedAt}';`);
    // A change log: the slot position its read ended at, which tells the reconciliation what
    // silver must already reflect (check-silver-matches-source-cdc.sql).
    const cdc = manifests.orders.cdc;
    if (cdc)
      await duck.conn.run(
        `SET VARIABLE changes_end_lsn = CAST(${parseLsn(cdc.endLsn)} AS BIGINT);`,
      );
    // Parse each landing file once, every column as text: typing is bronze's job, and a value
    // that does not parse must reach the schema check rather than fail the read.
    const unreadable = new Map<string, string>();
    for (const table of SOURCE_TABLES) {
      try {
        await duck.conn.run(`CREATE TABLE landing_${table} AS SELECT * FROM read_csv(
          ${toSqlString(getLandingFile(layout, manifests[table]))}, header = true, all_varchar = true,
          delim = ',', quote = '"', escape = '"', hive_partitioning = false)`);
      } catch (error) {
        unreadable.set(
          `landing_${table}`,
          String((error as Error).message).split('\n')[0] ?? 'unreadable',
        );
      }
    }
    // The source's control extract, typed: it comes from the source, not from the delivery
    // the gates check, so a problem reading it is an error rather than a check result.
    if (!manifests.orders.control) {
      throw new Error(
        `${join(layout.landingBatch('orders', ds), '_manifest.json')}: the orders batch has no control extract (landed by an older version of the miniature); start a new lake (run without --day)`,
      );
    }
    await duck.conn.run(`CREATE TABLE source_orders_control AS SELECT * FROM read_csv(
      ${toSqlString(join(layout.landingBatch('orders', ds), CONTROL_FILE))}, header = true,
      columns = {'order_id': 'BIGINT', 'updated_at': 'TIMESTAMPTZ'}, hive_partitioning = false)`);
    await loadPublished(duck.conn, layout);
    return { duck, unreadable };
  } catch (error) {
    duck.close();
    throw error;
  }
}
