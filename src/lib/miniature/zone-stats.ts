// What the lake holds (its current snapshot): rows, files and bytes per table, and a content fingerprint per table
// that tells whether a rerun changed anything.
import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { queryRows, valueText } from './duck.ts';
import { readManifest } from './landing.ts';
import { getTableFiles, readLakeState } from './lake-state.ts';
import { isPartitioned, ZONES, ZONE_TABLES, type Layout, type Zone } from './layout.ts';
import type { SourceTable } from './source.ts';
import { toSqlString } from './sql-files.ts';

/** Size of one table in the lake. */
export interface TableStats {
  zone: Zone;
  table: string;
  /** Folder relative to the output root, e.g. "lake/silver/orders". */
  path: string;
  rows: number;
  files: number;
  bytes: number;
}

/** Data files under a folder (Parquet, or CSV in landing), recursively; not the control extracts (_control.csv). */
function listDataFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (e) =>
        e.isFile() &&
        /\.(parquet|csv)$/.test(e.name) &&
        !e.name.startsWith('_') &&
        !e.parentPath.includes('.tmp-'),
    )
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A read_parquet() call over a table's files in the current snapshot. */
function readTable(files: readonly string[], partitioned: boolean): string {
  return `read_parquet([${files.map(toSqlString).join(', ')}], hive_partitioning = ${partitioned})`;
}

/**
 * Rows, files and bytes of every table in every zone. Landing rows come from the manifests;
 * bronze, silver and gold are the files of the current snapshot (lake/_current.json), so files
 * a publish left behind or is still writing are not counted.
 */
export async function describeZones(conn: DuckDBConnection, layout: Layout): Promise<TableStats[]> {
  const stats: TableStats[] = [];
  const state = readLakeState(layout);
  for (const zone of ZONES) {
    for (const table of ZONE_TABLES[zone]) {
      const files =
        zone === 'landing'
          ? listDataFiles(layout.table(zone, table))
          : getTableFiles(layout, zone, table, state);
      let rows = 0;
      if (zone === 'landing') {
        const days = existsSync(layout.table(zone, table))
          ? readdirSync(layout.table(zone, table))
          : [];
        for (const day of days.filter((d) => d.startsWith('ds='))) {
          rows += readManifest(layout, table as SourceTable, day.slice(3))?.rows ?? 0;
        }
      } else if (files.length) {
        const [row] = await queryRows(
          conn,
          `SELECT count(*) AS n FROM ${readTable(files, isPartitioned(zone, table))}`,
        );
        rows = Number(row?.['n'] ?? 0);
      }
      stats.push({
        zone,
        table,
        path: `lake/${zone}/${table}`,
        rows,
        files: files.length,
        bytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
      });
    }
  }
  return stats;
}

/** Fingerprint of a table's content: row count and a hash of its sorted rows. */
export interface TableFingerprint {
  table: string;
  rows: number;
  md5: string;
}

/**
 * Fingerprints of the bronze, silver and gold tables. `exclude` drops columns that record
 * when a row was written rather than what it says (silver's _merged_ds).
 */
export async function fingerprintLake(
  conn: DuckDBConnection,
  layout: Layout,
  exclude: readonly string[] = [],
): Promise<TableFingerprint[]> {
  const prints: TableFingerprint[] = [];
  const state = readLakeState(layout);
  for (const zone of ['bronze', 'silver', 'gold'] as const) {
    for (const table of ZONE_TABLES[zone]) {
      const files = getTableFiles(layout, zone, table, state);
      if (!files.length) {
        prints.push({ table: `${zone}/${table}`, rows: 0, md5: '' });
        continue;
      }
      const source = readTable(files, isPartitioned(zone, table));
      const columns = (await queryRows(conn, `DESCRIBE SELECT * FROM ${source}`))
        .map((r) => valueText(r['column_name']))
        .filter((c) => !exclude.includes(c));
      const [row] = await queryRows(
        conn,
        `SELECT count(*) AS n, md5(coalesce(string_agg(line, chr(10) ORDER BY line), '')) AS h
         FROM (SELECT CAST(ROW(${columns.join(', ')}) AS VARCHAR) AS line FROM ${source})`,
      );
      prints.push({
        table: `${zone}/${table}`,
        rows: Number(row?.['n'] ?? 0),
        md5: valueText(row?.['h'] ?? ''),
      });
    }
  }
  return prints;
}
