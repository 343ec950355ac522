// With --cdc, count what the cursor extract would have lost, from the files the run landed: each
// day's change log and the versions a cursor extract returned at the same moment. Counted from
// the data, not estimated.
import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { queryRows, valueText } from './duck.ts';
import { CHANGES_FILE, CURSOR_FILE } from './landing-cdc.ts';
import { readManifest } from './landing.ts';
import type { Layout } from './layout.ts';
import { CDC_SLOT } from './source.ts';
import { readSql, toSqlString } from './sql-files.ts';

/** What the cursor extract loses that CDC keeps, on one day of change log. */
export interface CursorLoss {
  ds: string;
  /** Creates and updates CDC delivered. */
  versions: number;
  /** Of those, versions that no cursor extract of any day returned. */
  versionsCursorMissed: number;
  /** Delete markers: a cursor extract sees none. */
  deletes: number;
  /** Deleted orders that some cursor extract had returned: a cursor-fed lake keeps them. */
  deletesOfExtracted: number;
}

/** The CDC part of a run's result: where the changes came from and what the cursor loses. */
export interface CdcReport {
  slot: string;
  plugin: 'test_decoding';
  days: CursorLoss[];
}

/** Compare the landed change logs of `days` with the cursor extracts landed beside them. */
export async function compareWithCursor(
  conn: DuckDBConnection,
  layout: Layout,
  days: readonly string[],
): Promise<CdcReport> {
  const landed = days.filter((ds) => readManifest(layout, 'orders', ds)?.cdc);
  const report: CdcReport = { slot: CDC_SLOT, plugin: 'test_decoding', days: [] };
  if (!landed.length) return report;
  const list = (file: string) =>
    `[${landed.map((ds) => toSqlString(join(layout.landingBatch('orders', ds), file))).join(', ')}]`;
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE cdc_changes AS
    SELECT regexp_extract(filename, 'ds=([0-9-]+)', 1) AS ds, op, order_id, updated_at
    FROM read_csv(${list(CHANGES_FILE)}, header = true, filename = true, hive_partitioning = false,
      columns = {'lsn': 'BIGINT', 'commit_lsn': 'BIGINT', 'op': 'VARCHAR', 'order_id': 'BIGINT',
        'customer_id': 'BIGINT', 'status': 'VARCHAR', 'currency': 'VARCHAR', 'total_amount': 'DECIMAL(12, 2)',
        'created_at': 'TIMESTAMPTZ', 'updated_at': 'TIMESTAMPTZ', 'committed_at': 'TIMESTAMPTZ'});
    CREATE OR REPLACE TEMP TABLE cursor_versions AS
    SELECT order_id, updated_at FROM read_csv(${list(CURSOR_FILE)}, header = true, hive_partitioning = false,
      columns = {'order_id': 'BIGINT', 'updated_at': 'TIMESTAMPTZ'});`);
  const rows = await queryRows(conn, readSql('cdc-cursor-comparison'));
  report.days = rows.map((r) => ({
    ds: valueText(r['ds']),
    versions: Number(r['versions']),
    versionsCursorMissed: Number(r['versions_cursor_missed']),
    deletes: Number(r['deletes']),
    deletesOfExtracted: Number(r['deletes_of_extracted']),
  }));
  await conn.run('DROP TABLE cdc_changes; DROP TABLE cursor_versions;');
  return report;
}

/** The run's totals over its days. */
export function sumCursorLoss(days: readonly CursorLoss[]): Omit<CursorLoss, 'ds'> {
  const total = { versions: 0, versionsCursorMissed: 0, deletes: 0, deletesOfExtracted: 0 };
  for (const d of days) {
    total.versions += d.versions;
    total.versionsCursorMissed += d.versionsCursorMissed;
    total.deletes += d.deletes;
    total.deletesOfExtracted += d.deletesOfExtracted;
  }
  return total;
}
