// Log-based CDC into landing (--cdc): each day, every change committed to sales.orders since the
// previous read is consumed from the run's replication slot and landed as one change-log file,
// in commit order, with a delete marker for each deleted order. The landing rules are those of
// a batch: the files and a manifest with their sha256 appear together in one rename, and a
// landed log is reused, never read again (the slot has moved on: it could not be).
import { DataError } from '../errors/format-issues.ts';
import { formatTimestamp, getRunWindow } from './config.ts';
import {
  CONTROL_FILE,
  countCsvRows,
  hashText,
  readManifest,
  verifyBatch,
  writeBatch,
  type LandingManifest,
} from './landing.ts';
import type { Layout } from './layout.ts';
import { CDC_SLOT, COMMIT_TIME_PREFIX, getSourceDatasetName, type Source } from './source.ts';
import { parseSlotRows, type DecodedChange } from './test-decoding.ts';
import { toCsvField } from './timeline-csv.ts';

/** The change log's file name in an orders batch. */
export const CHANGES_FILE = 'order_changes.csv';
/** The versions a cursor extract read at the same moment, in an orders batch. */
export const CURSOR_FILE = '_cursor.csv';
/** The table the change log follows. */
const ORDERS_TABLE = 'sales.orders';
/** The after-image's columns, as in sales.orders. */
const ROW_COLUMNS = [
  'order_id',
  'customer_id',
  'status',
  'currency',
  'total_amount',
  'created_at',
  'updated_at',
] as const;
/** The change log's columns: position, operation, key and after-image, commit time. */
export const CHANGE_LOG_COLUMNS = [
  'lsn',
  'commit_lsn',
  'op',
  ...ROW_COLUMNS,
  'committed_at',
] as const;

/**
 * The change log of one table as CSV, in the order the slot gave the changes (commit order). A
 * delete carries only its key; its after-image columns are empty. LSNs are written as integers,
 * so that files and tables sort by them.
 */
export function toChangeLogCsv(
  changes: readonly DecodedChange[],
  table: string = ORDERS_TABLE,
): string {
  const lines = changes
    .filter((c) => c.table === table)
    .map((c) => {
      if (c.commitTime === null)
        throw new DataError(
          `change at LSN ${c.lsn} of ${table} has no commit time: its transaction carried no "${COMMIT_TIME_PREFIX}" message`,
        );
      const row = ROW_COLUMNS.map((name) => {
        const value = c.columns[name];
        if (value === undefined && (c.op !== 'd' || name === 'order_id')) {
          throw new DataError(
            `change at LSN ${c.lsn} of ${table} (${c.op}) has no column ${name}; it has ${Object.keys(c.columns).join(', ')}`,
          );
        }
        return value == null ? '' : toCsvField(value);
      });
      return [String(c.lsn), String(c.commitLsn), c.op, ...row, c.commitTime].join(',');
    });
  return [CHANGE_LOG_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

/** Count a change log's changes by operation. */
export function countChanges(
  changes: readonly DecodedChange[],
  table: string = ORDERS_TABLE,
): Record<'c' | 'u' | 'd', number> {
  const counts = { c: 0, u: 0, d: 0 };
  for (const c of changes) if (c.table === table) counts[c.op] += 1;
  return counts;
}

/** Keep the key and version columns (order_id, updated_at) of an orders extract (extract-orders.sql). */
export function toVersionKeysCsv(extract: string): string {
  const [header = '', ...lines] = extract.split('\n').filter((line) => line.length > 0);
  const columns = header.split(',');
  const id = columns.indexOf('order_id');
  const version = columns.indexOf('updated_at');
  if (id < 0 || version < 0)
    throw new DataError(`orders extract: expected columns order_id and updated_at, got ${header}`);
  // No quoted fields: orders have no free text (see toOrderVersionsCsv).
  return (
    [
      'order_id,updated_at',
      ...lines.map((line) => {
        const f = line.split(',');
        return `${f[id]},${f[version]}`;
      }),
    ].join('\n') + '\n'
  );
}

/** Land day `ds`'s changes of the orders table from the slot, or reuse the log that landed. */
export async function ingestChanges(options: {
  source: Source;
  layout: Layout;
  ds: string;
  runId: string;
}): Promise<{ manifest: LandingManifest; reused: boolean }> {
  const { source, layout, ds, runId } = options;
  const existing = readManifest(layout, 'orders', ds);
  if (existing) {
    verifyBatch(layout, existing);
    return { manifest: existing, reused: true };
  }
  if (!source.readChanges)
    throw new Error(`${source.version} has no replication slot: --cdc needs --source=postgres`);
  const window = getRunWindow(ds);
  const { rows, endLsn } = await source.readChanges();
  const changes = parseSlotRows(rows, COMMIT_TIME_PREFIX);
  const log = toChangeLogCsv(changes);
  // At the same moment, with nothing written in between: what the cursor mode would have read
  // (its versions, to count what it loses) and what the source holds (to reconcile silver).
  const cursor = toVersionKeysCsv(
    await source.extract('orders', {
      window_start: formatTimestamp(window.start),
      window_end: formatTimestamp(window.end),
    }),
  );
  const control = await source.extract('orders_state', {});
  const manifest: LandingManifest = {
    table: 'orders',
    ds,
    runId,
    source: { namespace: source.namespace, name: getSourceDatasetName('orders') },
    mode: 'cdc',
    window: null,
    extractedAt: formatTimestamp(source.clock),
    onTime: source.clock === window.cutoff,
    file: CHANGES_FILE,
    rows: countCsvRows(log),
    resentRows: 0,
    injected: null,
    bytes: Buffer.byteLength(log),
    sha256: hashText(log),
    control: { file: CONTROL_FILE, rows: countCsvRows(control), sha256: hashText(control) },
    cdc: {
      slot: CDC_SLOT,
      plugin: 'test_decoding',
      endLsn,
      changes: countChanges(changes),
      cursor: { file: CURSOR_FILE, rows: countCsvRows(cursor), sha256: hashText(cursor) },
    },
  };
  writeBatch(layout, manifest, {
    [CHANGES_FILE]: log,
    [CONTROL_FILE]: control,
    [CURSOR_FILE]: cursor,
  });
  return { manifest, reused: false };
}
