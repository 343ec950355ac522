// Write-audit-publish for one day: the run builds every zone in memory, the gates check it,
// and only then are the changed files written to a staging folder, moved into the lake under
// the new snapshot's names and committed by switching lake/_current.json in one rename (see
// lake-state.ts). A failure before the switch removes what it moved and leaves the previous
// snapshot as it was. A failed gate publishes nothing and moves the offending landing batch
// to quarantine.
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { queryRows, valueText } from './duck.ts';
import { readLakeState, writeLakeState } from './lake-state.ts';
import { getPartitionFile, getTableFile, type Layout, type Zone } from './layout.ts';
import type { CheckResult } from './run-checks.ts';
import type { SourceTable } from './source.ts';
import { toSqlString } from './sql-files.ts';

/** Parquet settings for every lake file. */
const PARQUET = '(FORMAT parquet, COMPRESSION zstd)';

/** Write a query's rows to a Parquet file, creating its folder. */
export async function writeParquet(
  conn: DuckDBConnection,
  query: string,
  file: string,
): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await conn.run(`COPY (${query}) TO ${toSqlString(file)} ${PARQUET}`);
}

/** Stage the partitions of a partitioned bronze table that gained versions. */
export async function stagePartitions(
  conn: DuckDBConnection,
  staged: Layout,
  table: SourceTable,
  key: string,
): Promise<void> {
  const dates = await queryRows(
    conn,
    `SELECT DISTINCT CAST(change_date AS VARCHAR) AS d FROM bronze_${table}_new ORDER BY 1`,
  );
  for (const { d } of dates) {
    const day = valueText(d);
    await writeParquet(
      conn,
      `SELECT * EXCLUDE (change_date) FROM bronze_${table} WHERE change_date = DATE '${day}' ORDER BY ${key}, updated_at`,
      getPartitionFile(staged, table, day),
    );
  }
}

/** Stage an unpartitioned table: its whole content, ordered for tight min/max statistics. */
export async function stageTable(
  conn: DuckDBConnection,
  staged: Layout,
  zone: Zone,
  table: string,
  orderBy: string,
): Promise<void> {
  await writeParquet(
    conn,
    `FROM ${zone}_${table} ORDER BY ${orderBy}`,
    getTableFile(staged, zone, table),
  );
}

/** Every file under a folder, as paths relative to it. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A staged file's name in snapshot `n`: data.parquet → data-000007.parquet. */
function toSnapshotName(file: string, n: number): string {
  return file.replace(/data\.parquet$/, `data-${String(n).padStart(6, '0')}.parquet`);
}

/**
 * Publish day `ds`: move every staged file into the lake under the next snapshot's names, then
 * switch the pointer to a snapshot holding them and the day. Files the new snapshot replaces
 * are removed after the switch. The staging folder is removed whatever happens. Returns the
 * files written, relative to lake/.
 */
export function publishSnapshot(layout: Layout, stagingLake: string, ds: string): string[] {
  const state = readLakeState(layout);
  const snapshot = state.snapshot + 1;
  const moved: string[] = [];
  try {
    const staged = listFiles(stagingLake);
    if (!staged.length && state.publishedDays.includes(ds)) return [];
    const tables = { ...state.tables };
    for (const file of staged) {
      const target = toSnapshotName(file, snapshot);
      mkdirSync(dirname(join(layout.lake, target)), { recursive: true });
      renameSync(join(stagingLake, file), join(layout.lake, target));
      moved.push(target);
      // zone/table, then the file replaces the one in the same folder (table or partition).
      const key = file.split('/').slice(0, 2).join('/');
      tables[key] = [
        ...(tables[key] ?? []).filter((f) => dirname(f) !== dirname(target)),
        target,
      ].sort();
    }
    // The commit: before this rename readers see the previous snapshot, after it the new one.
    writeLakeState(layout, {
      snapshot,
      publishedDays: [...new Set([...state.publishedDays, ds])].sort(),
      tables,
    });
    const kept = new Set(Object.values(tables).flat());
    for (const old of Object.values(state.tables).flat()) {
      if (!kept.has(old)) rmSync(join(layout.lake, old), { force: true });
    }
    return moved;
  } catch (error) {
    for (const file of moved) rmSync(join(layout.lake, file), { force: true });
    throw error;
  } finally {
    rmSync(dirname(stagingLake), { recursive: true, force: true });
  }
}

/** Move a landing batch to quarantine with the gate's report; returns the quarantine folder. */
export function quarantineBatch(
  layout: Layout,
  table: SourceTable,
  ds: string,
  runId: string,
  report: { text: string; results: CheckResult[] },
): string {
  const target = layout.quarantineBatch(table, ds, runId);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(layout.landingBatch(table, ds), target);
  writeFileSync(join(target, 'report.txt'), `${report.text}\n`);
  writeFileSync(join(target, 'report.json'), `${JSON.stringify(report.results, null, 2)}\n`);
  return target;
}

/** Append check results to the promotion audit log (ops/promotion_audit.jsonl). */
export function appendAudit(
  layout: Layout,
  runId: string,
  ds: string,
  results: CheckResult[],
): void {
  if (!results.length) return;
  mkdirSync(dirname(layout.auditFile), { recursive: true });
  const checkedAt = new Date().toISOString();
  appendFileSync(
    layout.auditFile,
    results.map((r) => JSON.stringify({ runId, ds, checkedAt, ...r })).join('\n') + '\n',
  );
}

/** Append an accepted override to ops/overrides.jsonl: who may review it needs the day, gate, reason and failures. */
export function recordOverride(
  layout: Layout,
  override: { runId: string; ds: string; gate: string; reason: string; failed: CheckResult[] },
): void {
  mkdirSync(dirname(layout.overridesFile), { recursive: true });
  const { failed, ...rest } = override;
  const line = {
    ...rest,
    acceptedAt: new Date().toISOString(),
    failed: failed.map((r) => ({
      relation: r.relation,
      check: r.check,
      failed: r.failed,
      detail: r.detail,
    })),
  };
  appendFileSync(layout.overridesFile, `${JSON.stringify(line)}\n`);
}
