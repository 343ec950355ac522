// Where everything the miniature writes lives. Local folders stand in for the S3 zones:
//   <root>/lake/landing/<table>/ds=<day>/<table>.csv + _manifest.json   raw extracts, per run
//   <root>/lake/_current.json                                           the current snapshot:
//                                    every data file of every table below, and the days it holds
//   <root>/lake/bronze/orders/change_date=<day>/data-<snapshot>.parquet  typed version history
//   <root>/lake/bronze/customers/data-<snapshot>.parquet                (small: one file)
//   <root>/lake/silver/<table>/data-<snapshot>.parquet                  current state
//   <root>/lake/gold/<table>/data-<snapshot>.parquet                    business aggregates
//   <root>/lake/quarantine/<table>/ds=<day>/run=<run id>/               batches a gate stopped
//   <root>/lake/ops/promotion_audit.jsonl                               every check result
//   <root>/lake/ops/overrides.jsonl                                     accepted overrides
//   <root>/lineage/events.jsonl                                         OpenLineage events
import { join } from 'node:path';

/** The zones data moves through, in order. */
export const ZONES = ['landing', 'bronze', 'silver', 'gold'] as const;
/** A lake zone. */
export type Zone = (typeof ZONES)[number];

/** Tables per zone; a relation in SQL is `<zone>_<table>`, its folder `lake/<zone>/<table>`. */
export const ZONE_TABLES: Readonly<Record<Zone, readonly string[]>> = {
  landing: ['customers', 'orders'],
  bronze: ['customers', 'orders'],
  silver: ['customers', 'orders'],
  gold: ['daily_revenue', 'customer_value'],
};

/** Tables stored as one folder per day of change; every other table is a single file. */
const PARTITIONED = new Set(['bronze/orders']);

/** Whether a table is partitioned by `change_date` (a Hive-style folder per day). */
export function isPartitioned(zone: Zone, table: string): boolean {
  return PARTITIONED.has(`${zone}/${table}`);
}

/** Paths of one miniature's output folder. */
export interface Layout {
  root: string;
  lake: string;
  /** Folder of a zone's table. */
  table(zone: Zone, table: string): string;
  /** Folder of one landing batch. */
  landingBatch(table: string, ds: string): string;
  /** Folder of one quarantined batch. */
  quarantineBatch(table: string, ds: string, runId: string): string;
  /** Folder a run writes its files to before publishing them. */
  staging(runId: string): string;
  /** The simulated source's clock, which survives between runs. */
  clockFile: string;
  auditFile: string;
  /** Accepted overrides of blocking checks, one JSON line each. */
  overridesFile: string;
  lineageFile: string;
  summaryFile: string;
}

/** The layout under `root` (by default `.miniature` in the working directory). */
export function getLayout(root: string): Layout {
  const lake = join(root, 'lake');
  return {
    root,
    lake,
    table: (zone, table) => join(lake, zone, table),
    landingBatch: (table, ds) => join(lake, 'landing', table, `ds=${ds}`),
    quarantineBatch: (table, ds, runId) =>
      join(lake, 'quarantine', table, `ds=${ds}`, `run=${runId}`),
    staging: (runId) => join(lake, '_staging', runId),
    clockFile: join(root, 'source', 'clock.json'),
    auditFile: join(lake, 'ops', 'promotion_audit.jsonl'),
    overridesFile: join(lake, 'ops', 'overrides.jsonl'),
    lineageFile: join(root, 'lineage', 'events.jsonl'),
    summaryFile: join(root, 'run-summary.json'),
  };
}

/** The single data file of an unpartitioned table, as staged (publishing names it per snapshot). */
export function getTableFile(layout: Layout, zone: Zone, table: string): string {
  return join(layout.table(zone, table), 'data.parquet');
}

/** The data file of one bronze partition, as staged (publishing names it per snapshot). */
export function getPartitionFile(layout: Layout, table: string, changeDate: string): string {
  return join(layout.table('bronze', table), `change_date=${changeDate}`, 'data.parquet');
}

/**
 * The lake table a checked relation stands for: the day's batch relations (landing_orders,
 * bronze_orders_batch) are the landing table; silver_orders is silver/orders.
 */
export function getCheckedTable(relation: string): { zone: Zone; table: string } {
  const batch = /^(?:landing|bronze)_([a-z_]+?)(?:_batch)?$/.exec(relation);
  if (batch) return { zone: 'landing', table: batch[1]! };
  const [zone, ...rest] = relation.split('_');
  const known = ZONES.find((z) => z === zone);
  if (!known)
    throw new Error(
      `checks.yaml: relation "${relation}" does not start with a zone (${ZONES.join(', ')})`,
    );
  return { zone: known, table: rest.join('_') };
}
