// Thin helpers over @duckdb/node-api used by the benchmarks.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ordersSelectSql } from './orders.ts';

/** An open DuckDB database and one connection to it. */
export interface Duck {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  close: () => void;
}

/** Open DuckDB in memory (default) or on a file. */
export async function openDuck(path = ':memory:'): Promise<Duck> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  return {
    instance,
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Open DuckDB in memory with the generated `orders` table every benchmark starts from; closed again
 * if generating fails. `also` names what else the caller loads next, for the log line.
 */
export async function openDuckWithOrders(
  rows: number,
  seed: number,
  log: (line: string) => void,
  also = '',
): Promise<Duck> {
  const duck = await openDuck();
  try {
    log(`generating ${rows.toLocaleString('en-US')} orders (seed ${seed})${also}`);
    await duck.conn.run(`CREATE TABLE orders AS ${ordersSelectSql(rows, seed)}`);
    return duck;
  } catch (error) {
    duck.close();
    throw error;
  }
}

/** Run a query and return its rows as JSON-friendly objects (BigInt and decimals as strings). */
export async function queryRows(
  conn: DuckDBConnection,
  sql: string,
): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

/** Run a query and return the first column of the first row as a string. */
export async function queryValue(conn: DuckDBConnection, sql: string): Promise<string> {
  const rows = await queryRows(conn, sql);
  const first = rows[0];
  if (!first) throw new Error(`no rows from: ${sql}`);
  return String(Object.values(first)[0]);
}

/** Quote a path as a SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

interface ProfileNode {
  operator_type?: string;
  extra_info?: Record<string, unknown>;
  children?: ProfileNode[];
}

/** Files the engine reports reading for a query (sum of "Total Files Read" over its scans), via EXPLAIN ANALYZE. */
export async function filesRead(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(`EXPLAIN (ANALYZE, FORMAT json) ${sql}`);
  const json = String(reader.getRows()[0]?.[1] ?? '{}');
  let total = 0;
  let seen = false;
  const walk = (node: ProfileNode) => {
    const files = node.extra_info?.['Total Files Read'];
    if (node.operator_type === 'TABLE_SCAN' && files !== undefined) {
      total += Number(files);
      seen = true;
    }
    node.children?.forEach(walk);
  };
  walk(JSON.parse(json) as ProfileNode);
  if (!seen) throw new Error(`EXPLAIN ANALYZE reported no "Total Files Read" for: ${sql}`);
  return total;
}

interface ScanNode {
  operator_type?: string;
  operator_rows_scanned?: number;
  extra_info?: Record<string, unknown>;
  children?: ScanNode[];
}

/** Rows each scan read, summed per table or file function, as the profile of EXPLAIN ANALYZE reports them. */
export function rowsScannedFromProfile(profile: ScanNode): {
  total: number;
  bySource: Record<string, number>;
} {
  const bySource: Record<string, number> = {};
  let total = 0;
  let seen = false;
  const walk = (node: ScanNode) => {
    if (node.operator_type === 'TABLE_SCAN' && typeof node.operator_rows_scanned === 'number') {
      const info = node.extra_info ?? {};
      // DuckDB writes the scanned table or file function as a string; anything else is not a name.
      const named = info['Table'] ?? info['Function'];
      const source = typeof named === 'string' ? named : 'unknown';
      bySource[source] = (bySource[source] ?? 0) + node.operator_rows_scanned;
      total += node.operator_rows_scanned;
      seen = true;
    }
    node.children?.forEach(walk);
  };
  walk(profile);
  if (!seen)
    throw new Error(
      'the profile has no TABLE_SCAN with operator_rows_scanned; was it produced by EXPLAIN (ANALYZE, FORMAT json)?',
    );
  return { total, bySource };
}

/**
 * Rows the engine reports scanning for a statement, from EXPLAIN ANALYZE. The statement really
 * runs (a MERGE changes the table), so call it outside the timed runs and reset afterwards.
 */
export async function rowsScanned(
  conn: DuckDBConnection,
  sql: string,
): Promise<{ total: number; bySource: Record<string, number> }> {
  const reader = await conn.runAndReadAll(`EXPLAIN (ANALYZE, FORMAT json) ${sql}`);
  return rowsScannedFromProfile(JSON.parse(String(reader.getRows()[0]?.[1] ?? '{}')) as ScanNode);
}

/** DuckDB's settings that shape timings: threads, memory limit, insertion order and temp directory. */
export async function duckSettings(
  conn: DuckDBConnection,
): Promise<{ name: string; value: string }[]> {
  const get = (name: string) => queryValue(conn, `SELECT current_setting('${name}')`);
  return [
    { name: 'DuckDB threads', value: await get('threads') },
    { name: 'DuckDB memory_limit', value: await get('memory_limit') },
    { name: 'DuckDB preserve_insertion_order', value: await get('preserve_insertion_order') },
  ];
}
