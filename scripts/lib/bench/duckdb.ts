// Thin helpers over @duckdb/node-api used by the benchmarks.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

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

/** Run a query and return its rows as JSON-friendly objects (BigInt and decimals as strings). */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
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
