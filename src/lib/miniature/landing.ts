// Batch ingestion into landing: extract each source table and keep the file exactly as it was
// delivered, with a manifest saying what it is. A batch that has landed is never extracted
// again: landing is the record of what the source said, and reruns promote from it.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '../errors/format-issues.ts';
import { formatTimestamp, getRunWindow } from './config.ts';
import type { Layout } from './layout.ts';
import { getMedian } from './run-checks.ts';
import { getSourceDatasetName, type Source, type SourceTable } from './source.ts';

/** How the batch was extracted and what it holds; written beside the file as _manifest.json. */
export interface LandingManifest {
  table: SourceTable;
  ds: string;
  runId: string;
  source: { namespace: string; name: string };
  /** `full` snapshot, `incremental` on the updated_at cursor, or `cdc`: a change log from the WAL. */
  mode: 'full' | 'incremental' | 'cdc';
  window: { start: string; end: string } | null;
  /** Simulated time the extraction ran; later than the day's schedule for a late extract. */
  extractedAt: string;
  /** True when the extraction ran at the day's scheduled time, false for a late one. */
  onTime: boolean;
  file: string;
  rows: number;
  /** Rows the connector delivered twice (a retried page), included in `rows`. */
  resentRows: number;
  /** Bad rows injected on purpose to show the quality gates, or null. */
  injected: CorruptionKind | null;
  bytes: number;
  sha256: string;
  /**
   * Orders only: the control extract taken at the same moment (every order last changed before
   * the end of the day, keys only), which the bronze_to_silver gate reconciles silver against.
   */
  control: { file: string; rows: number; sha256: string } | null;
  /**
   * A change log only (--cdc): the slot it was read from, the LSN the slot confirmed after the
   * read, the changes by operation, and the versions a cursor extract read at the same moment
   * (keys only), to count what the cursor loses.
   */
  cdc?: {
    slot: string;
    plugin: 'test_decoding';
    endLsn: string;
    changes: Record<'c' | 'u' | 'd', number>;
    cursor: { file: string; rows: number; sha256: string };
  };
}

/** The control extract's file name in an orders batch. */
export const CONTROL_FILE = '_control.csv';

/** Bad data the miniature can inject: rows a gate must catch, or orders of unknown customers. */
export type CorruptionKind = 'bad-rows' | 'orphans';
/** Injected kinds, for argument checks. */
export const CORRUPTION_KINDS: CorruptionKind[] = ['bad-rows', 'orphans'];

/** Number of data rows in CSV text with a header line. */
export function countCsvRows(csv: string): number {
  return csv.split('\n').filter((line) => line.length > 0).length - 1;
}

/**
 * Append the last `rows` data rows again, as a connector does when it retries a page after a
 * timeout: at-least-once delivery, which bronze must absorb.
 */
export function resendLastPage(csv: string, rows: number): string {
  const lines = csv.split('\n').filter((line) => line.length > 0);
  const page = lines.slice(Math.max(1, lines.length - rows));
  return [...lines, ...page].join('\n') + '\n';
}

/** The retried page size for a batch: orders on odd days of the month get one, 1 % of rows. */
export function getResentRows(table: SourceTable, ds: string, rows: number): number {
  return table === 'orders' && Number(ds.slice(8)) % 2 === 1
    ? Math.max(1, Math.floor(rows / 100))
    : 0;
}

/** Append bad rows to an orders extract (columns as in extract-orders.sql). */
export function corruptOrders(csv: string, kind: CorruptionKind, ds: string): string {
  const lines = csv.split('\n').filter((line) => line.length > 0);
  const when = formatTimestamp(getRunWindow(ds).end - 3600);
  const future = formatTimestamp(getRunWindow(ds).end + 30 * 86_400);
  const first = lines[1]?.split(',') ?? ['100001', '1', 'paid', 'EUR', '10.00', when, when];
  const bad =
    kind === 'bad-rows'
      ? [
          `,1,paid,EUR,12.00,${when},${when}`, // no order id
          `9000001,1,paid,EUR,n/a,${when},${when}`, // amount that is not a number
          [first[0], first[1], 'refunded', ...first.slice(3)].join(','), // same key, other values
          `9000002,1,paid,EUR,15.00,${when},${future}`, // a change from the future
        ]
      : [1, 2, 3].map((i) => `${9_000_000 + i},9999999,paid,EUR,20.00,${when},${when}`);
  return [...lines, ...bad].join('\n') + '\n';
}

/**
 * Read a landed batch's manifest, or null when the batch has not landed. A batch folder that
 * holds files but no manifest is an error: its file must never be silently replaced by a new
 * (late, smaller) extract.
 */
export function readManifest(
  layout: Layout,
  table: SourceTable,
  ds: string,
): LandingManifest | null {
  const dir = layout.landingBatch(table, ds);
  const file = join(dir, '_manifest.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LandingManifest;
  const present = existsSync(dir) ? readdirSync(dir) : [];
  if (present.length) {
    throw new DataError(
      `${file} is missing, but the batch folder holds ${present.join(', ')}: what landed cannot be checked, and it is never replaced by a new extract. ` +
        `Restore the manifest, or move ${dir} out of landing to have the day extracted again (late, from the source as it is now).`,
    );
  }
  return null;
}

/**
 * Check that a landed batch's files are the ones its manifest describes (size and sha256), so a
 * truncated or edited file is never promoted as if it were what the source delivered.
 */
export function verifyBatch(layout: Layout, manifest: LandingManifest): void {
  const dir = layout.landingBatch(manifest.table, manifest.ds);
  const expected = [
    { file: manifest.file, bytes: manifest.bytes as number | null, sha256: manifest.sha256 },
    ...(manifest.control
      ? [{ file: manifest.control.file, bytes: null, sha256: manifest.control.sha256 }]
      : []),
    ...(manifest.cdc
      ? [{ file: manifest.cdc.cursor.file, bytes: null, sha256: manifest.cdc.cursor.sha256 }]
      : []),
  ];
  for (const e of expected) {
    const path = join(dir, e.file);
    const why = !existsSync(path)
      ? 'is missing'
      : (() => {
          const content = readFileSync(path);
          const sha256 = createHash('sha256').update(content).digest('hex');
          if (sha256 === e.sha256) return null;
          const size =
            e.bytes !== null && content.length !== e.bytes
              ? `${content.length} bytes, the manifest says ${e.bytes}; `
              : '';
          return `does not match its manifest (${size}sha256 ${sha256.slice(0, 12)}…, the manifest says ${e.sha256.slice(0, 12)}…): it was truncated or changed after it landed`;
        })();
    if (why) {
      throw new DataError(
        `${path} ${why}. A landed batch is the record of what the source delivered and is never re-extracted over; ` +
          `restore the file, or move ${dir} out of landing to have the day extracted again (late, from the source as it is now).`,
      );
    }
  }
}

/** Median rows of the last seven earlier on-time batches of a table: its usual volume. */
export function getBaselineRows(layout: Layout, table: SourceTable, ds: string): number | null {
  const dir = layout.table('landing', table);
  if (!existsSync(dir)) return null;
  const rows = readdirSync(dir)
    .filter((d) => d.startsWith('ds=') && d.slice(3) < ds)
    .sort()
    .map((d) => readManifest(layout, table, d.slice(3)))
    .filter((m): m is LandingManifest => m !== null && m.onTime && m.injected === null)
    .map((m) => m.rows);
  return getMedian(rows.slice(-7));
}

/** The data file of a landed batch: the table's extract, or with --cdc the orders' change log. */
export function getLandingFile(
  layout: Layout,
  manifest: Pick<LandingManifest, 'table' | 'ds' | 'file'>,
): string {
  return join(layout.landingBatch(manifest.table, manifest.ds), manifest.file);
}

/** Write a batch's files beside the final folder, then rename: a batch is complete or absent. */
export function writeBatch(
  layout: Layout,
  manifest: LandingManifest,
  files: Record<string, string>,
): void {
  const dir = layout.landingBatch(manifest.table, manifest.ds);
  const tmp = join(dirname(dir), `.tmp-${manifest.runId}`);
  mkdirSync(tmp, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp, name), text);
  writeFileSync(join(tmp, '_manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

/** The sha256 of a text, hex. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Extract one table for day `ds` into landing, or reuse the batch that already landed. */
export async function ingestTable(options: {
  source: Source;
  layout: Layout;
  table: SourceTable;
  ds: string;
  runId: string;
  corrupt?: CorruptionKind | undefined;
}): Promise<{ manifest: LandingManifest; reused: boolean }> {
  const { source, layout, table, ds, runId } = options;
  const existing = readManifest(layout, table, ds);
  if (existing) {
    verifyBatch(layout, existing);
    return { manifest: existing, reused: true };
  }

  const window = getRunWindow(ds);
  // A late extract (a backfill after the source moved on) catches up: it reads from the day's
  // window start up to now, not only to the day's end. The versions the day saw have since
  // been overwritten, and a cursor can only read what the source holds now; stopping at the
  // day's end would leave silver older than the source for every later day already landed,
  // which the reconciliation check then rightly refuses. Bronze drops the versions later
  // batches bring again.
  const onTime = source.clock === window.cutoff;
  const end = onTime ? window.end : Math.max(window.end, source.clock + 1);
  const variables =
    table === 'orders'
      ? { window_start: formatTimestamp(window.start), window_end: formatTimestamp(end) }
      : {};
  let csv = await source.extract(table, variables);
  const resentRows = getResentRows(table, ds, countCsvRows(csv));
  if (resentRows) csv = resendLastPage(csv, resentRows);
  if (options.corrupt && table === 'orders') csv = corruptOrders(csv, options.corrupt, ds);

  const control =
    table === 'orders'
      ? await source.extract('orders_control', { window_end: formatTimestamp(window.end) })
      : null;

  const manifest: LandingManifest = {
    table,
    ds,
    runId,
    source: { namespace: source.namespace, name: getSourceDatasetName(table) },
    mode: table === 'orders' ? 'incremental' : 'full',
    window:
      table === 'orders'
        ? { start: formatTimestamp(window.start), end: formatTimestamp(end) }
        : null,
    extractedAt: formatTimestamp(source.clock),
    onTime,
    file: `${table}.csv`,
    rows: countCsvRows(csv),
    resentRows,
    injected: (table === 'orders' && options.corrupt) || null,
    bytes: Buffer.byteLength(csv),
    sha256: createHash('sha256').update(csv).digest('hex'),
    control:
      control === null
        ? null
        : {
            file: CONTROL_FILE,
            rows: countCsvRows(control),
            sha256: createHash('sha256').update(control).digest('hex'),
          },
  };
  writeBatch(layout, manifest, {
    [manifest.file]: csv,
    ...(control === null ? {} : { [CONTROL_FILE]: control }),
  });
  return { manifest, reused: false };
}
