// The operational database the batch path extracts from. Two engines play it with the same
// SQL files and the same timeline: an in-memory DuckDB (always there) and PostgreSQL from the
// operating system (when installed), started and stopped by the run.
import { formatTimestamp } from './config.ts';

/** Which engine plays the source. */
export type SourceKind = 'duckdb' | 'postgres';

/** The two extraction queries, by source table. */
export const EXTRACT_STEPS = { customers: 'extract-customers', orders: 'extract-orders' } as const;
/** A table the batch path extracts. */
export type SourceTable = keyof typeof EXTRACT_STEPS;
/** Every query the batch path runs on the source: the tables and the orders' control extract. */
export const EXTRACT_QUERIES = { ...EXTRACT_STEPS, orders_control: 'extract-orders-control' } as const;
/** What one extraction reads: a table, or the orders' control extract for reconciliation. */
export type ExtractName = keyof typeof EXTRACT_QUERIES;
/** The source tables, in extraction order. */
export const SOURCE_TABLES: SourceTable[] = ['customers', 'orders'];

/** A running source database. */
export interface Source {
  kind: SourceKind;
  /** OpenLineage namespace of the database, e.g. "postgres://localhost". */
  namespace: string;
  /** Engine and version, e.g. "PostgreSQL 15.18". */
  version: string;
  /** Epoch seconds up to which the application's writes are visible. */
  readonly clock: number;
  /** Make every write committed up to `clock` visible; a clock never goes back. */
  advanceTo(clock: number): Promise<void>;
  /** Run an extraction query with psql variables; returns CSV text with a header. */
  extract(name: ExtractName, variables: Readonly<Record<string, string>>): Promise<string>;
  /** Stop the engine and remove its files. */
  close(): Promise<void>;
}

/** OpenLineage dataset name of a source table, database.schema.table. */
export function getSourceDatasetName(table: SourceTable): string {
  return `shop.sales.${table}`;
}

/** The clock's bounds as psql variables for source-advance.sql. */
export function toAdvanceVariables(from: number, to: number): Record<string, string> {
  return { clock_from: formatTimestamp(from), clock_to: formatTimestamp(to) };
}
