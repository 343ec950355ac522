// What the lake holds: rows, files and bytes per table, and a content fingerprint per table
// that tells whether a rerun changed anything.
import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { queryRows } from './duck.ts';
import { readManifest } from './landing.ts';
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
    .filter((e) => e.isFile() && /\.(parquet|csv)$/.test(e.name) && !e.name.startsWith('_') && !e.parentPath.includes('.tmp-'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A Parquet glob for a table's files (partitioned tables are one folder level deeper). */
export function getParquetGlob(layout: Layout, zone: Zone, table: string): string {
  const dir = layout.table(zone, table);
  return isPartitioned(zone, table) ? join(dir, '*', '*.parquet') : join(dir, '*.parquet');
}

/** Rows, files and bytes of every table in every zone. Landing rows come from the manifests. */
export async function describeZones(conn: DuckDBConnection, layout: Layout): Promise<TableStats[]> {
  const stats: TableStats[] = [];
  for (const zone of ZONES) {
    for (const table of ZONE_TABLES[zone]) {
      const files = listDataFiles(layout.table(zone, table));
      let rows = 0;
      if (zone === 'landing') {
        const days = existsSync(layout.table(zone, table)) ? readdirSync(layout.table(zone, table)) : [];
        for (const day of days.filter((d) => d.startsWith('ds='))) {
          rows += readManifest(layout, table as SourceTable, day.slice(3))?.rows ?? 0;
        }
      } else if (files.length) {
        const [row] = await queryRows(conn, `SELECT count(*) AS n FROM read_parquet(${toSqlString(getParquetGlob(layout, zone, table))})`);
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
  for (const zone of ['bronze', 'silver', 'gold'] as const) {
    for (const table of ZONE_TABLES[zone]) {
      const glob = getParquetGlob(layout, zone, table);
      if (!listDataFiles(layout.table(zone, table)).length) {
        prints.push({ table: `${zone}/${table}`, rows: 0, md5: '' });
        continue;
      }
      const source = `read_parquet(${toSqlString(glob)}, hive_partitioning = ${isPartitioned(zone, table)})`;
      const columns = (await queryRows(conn, `DESCRIBE SELECT * FROM ${source}`))
        .map((r) => String(r['column_name']))
        .filter((c) => !exclude.includes(c));
      const [row] = await queryRows(
        conn,
        `SELECT count(*) AS n, md5(coalesce(string_agg(line, chr(10) ORDER BY line), '')) AS h
         FROM (SELECT CAST(ROW(${columns.join(', ')}) AS VARCHAR) AS line FROM ${source})`,
      );
      prints.push({ table: `${zone}/${table}`, rows: Number(row?.['n'] ?? 0), md5: String(row?.['h'] ?? '') });
    }
  }
  return prints;
}
