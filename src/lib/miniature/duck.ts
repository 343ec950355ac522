// Thin helpers over @duckdb/node-api: one in-memory database per run, rows as plain JSON
// values (DuckDB returns BIGINT as bigint and DECIMAL as objects; JSON gives strings).
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** A row as JSON-safe values: integers and decimals arrive as strings, NULL as null. */
export type Row = Record<string, string | number | boolean | null | object>;

/** An open in-memory DuckDB database with one connection. */
export interface Duck {
  conn: DuckDBConnection;
  close(): void;
}

/**
 * Open an in-memory database with UTC as its time zone, so days and timestamps agree. One
 * thread by default (MINIATURE_DUCKDB_THREADS overrides): the miniature runs hundreds of small
 * statements, where coordinating threads costs more than it saves.
 */
export async function openDuck(
  threads = Number(process.env['MINIATURE_DUCKDB_THREADS'] ?? 1),
): Promise<Duck> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(`SET TimeZone = 'UTC'; SET threads = ${threads}`);
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Run a query and return its rows as JSON-safe objects. */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

/** Run a query that returns one number (first column of the first row); NULL becomes 0. */
export async function queryNumber(conn: DuckDBConnection, sql: string): Promise<number> {
  const [row] = await queryRows(conn, sql);
  const value = row ? Object.values(row)[0] : null;
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * A value DuckDB returned, as text, exactly as String() gives it: strings and numbers as they are,
 * DuckDB's value classes (dates, timestamps, decimals) through their own toString(). Spelled out
 * so the type checker sees that objects are meant to be stringified here.
 */
export function valueText(value: unknown): string {
  if (value !== null && typeof value === 'object')
    return (value as { toString(): string }).toString();
  return String(value);
}

/** The DuckDB library version, e.g. "v1.5.6". */
export async function getDuckDbVersion(conn: DuckDBConnection): Promise<string> {
  const [row] = await queryRows(conn, 'SELECT version() AS v');
  return valueText(row?.['v'] ?? 'unknown');
}
