// The operational database the batch path extracts from. Two engines play it with the same
// SQL files and the same timeline: an in-memory DuckDB (always there) and PostgreSQL from the
// operating system (when installed), started and stopped by the run.
import { formatTimestamp } from './config.ts';
import type { SlotRow } from './test-decoding.ts';

/** Which engine plays the source. */
export type SourceKind = 'duckdb' | 'postgres';

/** The two extraction queries, by source table. */
export const EXTRACT_STEPS = { customers: 'extract-customers', orders: 'extract-orders' } as const;
/** A table the batch path extracts. */
export type SourceTable = keyof typeof EXTRACT_STEPS;
/**
 * Every query the batch path runs on the source: the tables, the orders' control extract, and
 * with --cdc the whole table's keys (the control extract of a change log, which has no window).
 */
export const EXTRACT_QUERIES = {
  ...EXTRACT_STEPS,
  orders_control: 'extract-orders-control',
  orders_state: 'extract-orders-state',
} as const;
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
  /**
   * Log-based CDC only (PostgreSQL with --cdc): consume every change committed since the last
   * read from the run's replication slot, with the LSN the slot has now confirmed.
   */
  readChanges?(): Promise<{ rows: SlotRow[]; endLsn: string }>;
  /** Stop the engine and remove its files; returns what it cleaned up worth saying, if anything. */
  close(): Promise<string | void>;
}

/** The replication slot a --cdc run creates on its PostgreSQL server, and drops at the end. */
export const CDC_SLOT = 'miniature_cdc';
/** Prefix of the logical message carrying a transaction's simulated commit time (source-cdc.sql). */
export const COMMIT_TIME_PREFIX = 'miniature.committed_at';

/** OpenLineage dataset name of a source table, database.schema.table. */
export function getSourceDatasetName(table: SourceTable): string {
  return `shop.sales.${table}`;
}

/** The clock's bounds as psql variables for source-advance.sql. */
export function toAdvanceVariables(from: number, to: number): Record<string, string> {
  return { clock_from: formatTimestamp(from), clock_to: formatTimestamp(to) };
}
