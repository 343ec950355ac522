// A right-to-erasure request (--erase-customer=ID): remove one customer, and every order of
// theirs, from every zone of the lake, then prove it by scanning every file again.
//   landing and quarantine  the batches are rewritten without the customer's rows (an order's
//                           delete marker and the control and cursor keys go by order id); the
//                           manifest gets the new sha256 and a record of the erasure, so a
//                           landed batch stays checkable but is no longer byte for byte what the
//                           source delivered: erasure is the one reason landing is rewritten
//   bronze, silver, gold    the tables are rewritten without the rows, gold's revenue days the
//                           orders fell on are recomputed, and all of it publishes as one new
//                           snapshot (one rename of lake/_current.json)
// Not covered: the simulated source (the shop's application would delete the customer there),
// and check details in ops/promotion_audit.jsonl and quarantine reports, which can quote rows.
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  appendFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '../errors/format-issues.ts';
import { loadPublished } from './day-session.ts';
import { openDuck, queryNumber, queryRows, valueText } from './duck.ts';
import { hashText, type LandingManifest } from './landing.ts';
import { getTableFiles, readLakeState } from './lake-state.ts';
import { getLayout, type Layout } from './layout.ts';
import { publishSnapshot, stagePartitions, stageTable } from './publish.ts';
import { readSql, toSqlString } from './sql-files.ts';

/** Where a customer's rows were, zone by zone. */
export type ErasureZone = 'landing' | 'quarantine' | 'bronze' | 'silver' | 'gold';
const ERASURE_ZONES: ErasureZone[] = ['landing', 'quarantine', 'bronze', 'silver', 'gold'];

/** What an erasure removed, and the check that nothing is left. */
export interface ErasureReport {
  customerId: number;
  /** The customer's orders found in the lake. */
  orders: number;
  /** Rows removed, per zone. */
  removed: Record<ErasureZone, number>;
  /** Landing and quarantine batches rewritten. */
  batchesRewritten: number;
  /** The check: rows of the customer or their orders found by scanning every file afterwards. */
  remaining: Record<ErasureZone, number>;
  /** Files the check scanned. */
  filesScanned: number;
}

/** Split one CSV line into fields, honouring double quotes ("" inside a quoted field). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * CSV text without the rows of one customer: rows whose customer_id is theirs, and rows whose
 * order_id is one of their orders (delete markers, control and cursor keys carry no customer).
 * Lines are kept byte for byte otherwise.
 */
export function eraseFromCsv(
  text: string,
  customerId: number,
  orderIds: ReadonlySet<number>,
): { text: string; removed: number } {
  const lines = text.split('\n');
  const header = splitCsvLine(lines[0] ?? '');
  const customer = header.indexOf('customer_id');
  const order = header.indexOf('order_id');
  let removed = 0;
  const kept = [
    lines[0]!,
    ...lines.slice(1).filter((line) => {
      if (!line) return true;
      const fields = splitCsvLine(line);
      const hit =
        (customer >= 0 && fields[customer] === String(customerId)) ||
        (order >= 0 && orderIds.has(Number(fields[order])));
      if (hit) removed += 1;
      return !hit;
    }),
  ];
  return { text: kept.join('\n'), removed };
}

/** Every landing and quarantine batch folder: landing/<t>/ds=<d>/ and quarantine/<t>/ds=<d>/run=<id>/. */
function listBatchFolders(layout: Layout): Array<{ zone: 'landing' | 'quarantine'; dir: string }> {
  const found: Array<{ zone: 'landing' | 'quarantine'; dir: string }> = [];
  const below = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
          .map((e) => join(dir, e.name))
      : [];
  for (const table of below(join(layout.lake, 'landing')))
    for (const day of below(table)) found.push({ zone: 'landing', dir: day });
  for (const table of below(join(layout.lake, 'quarantine')))
    for (const day of below(table))
      for (const run of below(day)) found.push({ zone: 'quarantine', dir: run });
  return found;
}

/** The CSV files of a batch folder. */
const listCsv = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join(dir, f));

/** The customer's order ids, from every landed order row that names them and from bronze. */
function findOrderIds(layout: Layout, customerId: number): Set<number> {
  const ids = new Set<number>();
  for (const { dir } of listBatchFolders(layout)) {
    for (const file of listCsv(dir)) {
      const [head = '', ...lines] = readFileSync(file, 'utf8').split('\n');
      const header = splitCsvLine(head);
      const customer = header.indexOf('customer_id');
      const order = header.indexOf('order_id');
      if (customer < 0 || order < 0) continue;
      for (const line of lines) {
        const f = splitCsvLine(line);
        if (f[customer] === String(customerId)) ids.add(Number(f[order]));
      }
    }
  }
  return ids;
}

/** Rewrite one batch folder without the customer, in one rename; returns the rows removed. */
function eraseFromBatch(dir: string, customerId: number, orderIds: ReadonlySet<number>): number {
  const manifestFile = join(dir, '_manifest.json');
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as LandingManifest & { erasures?: unknown[] })
    : null;
  const rewritten = new Map<string, string>();
  let removed = 0;
  for (const file of listCsv(dir)) {
    const result = eraseFromCsv(readFileSync(file, 'utf8'), customerId, orderIds);
    if (!result.removed) continue;
    removed += result.removed;
    rewritten.set(file, result.text);
  }
  if (!removed) return 0;
  const tmp = join(dirname(dir), `.tmp-erasure-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    writeFileSync(join(tmp, name), rewritten.get(file) ?? readFileSync(file));
  }
  if (manifest) {
    // The manifest describes the files as they are now, so a reused batch still checks; the
    // original hash stays as the record of what the source delivered.
    const text = (name: string) => readFileSync(join(tmp, name), 'utf8');
    const rows = (name: string) =>
      text(name)
        .split('\n')
        .filter((l) => l).length - 1;
    const original = manifest.sha256;
    const data = text(manifest.file);
    Object.assign(manifest, {
      rows: rows(manifest.file),
      bytes: Buffer.byteLength(data),
      sha256: hashText(data),
    });
    if (manifest.control)
      Object.assign(manifest.control, {
        rows: rows(manifest.control.file),
        sha256: hashText(text(manifest.control.file)),
      });
    if (manifest.cdc) {
      const ops = data
        .split('\n')
        .slice(1)
        .filter((l) => l)
        .map((l) => splitCsvLine(l)[2]);
      manifest.cdc.changes = {
        c: ops.filter((o) => o === 'c').length,
        u: ops.filter((o) => o === 'u').length,
        d: ops.filter((o) => o === 'd').length,
      };
      Object.assign(manifest.cdc.cursor, {
        rows: rows(manifest.cdc.cursor.file),
        sha256: hashText(text(manifest.cdc.cursor.file)),
      });
    }
    manifest.erasures = [
      ...(manifest.erasures ?? []),
      { customerId, rowsRemoved: removed, sha256Before: original },
    ];
    writeFileSync(join(tmp, '_manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const old = `${tmp}-old`;
  renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
  return removed;
}

/** Count, by reading every file again, the rows of the customer or their orders left in the lake. */
export async function checkErased(
  layout: Layout,
  customerId: number,
  orderIds: ReadonlySet<number>,
): Promise<{ remaining: Record<ErasureZone, number>; filesScanned: number }> {
  const remaining = Object.fromEntries(ERASURE_ZONES.map((z) => [z, 0])) as Record<
    ErasureZone,
    number
  >;
  let filesScanned = 0;
  const duck = await openDuck();
  try {
    const ids = orderIds.size ? [...orderIds].join(', ') : 'NULL';
    const match = (columns: string[]) =>
      [
        columns.includes('customer_id') ? `TRY_CAST(customer_id AS BIGINT) = ${customerId}` : null,
        columns.includes('order_id') ? `TRY_CAST(order_id AS BIGINT) IN (${ids})` : null,
      ]
        .filter(Boolean)
        .join(' OR ') || 'false';
    for (const { zone, dir } of listBatchFolders(layout)) {
      for (const file of listCsv(dir)) {
        const source = `read_csv(${toSqlString(file)}, header = true, all_varchar = true, hive_partitioning = false)`;
        const columns = (await queryRows(duck.conn, `DESCRIBE SELECT * FROM ${source}`)).map((r) =>
          valueText(r['column_name']),
        );
        remaining[zone] += await queryNumber(
          duck.conn,
          `SELECT count(*) FROM ${source} WHERE ${match(columns)}`,
        );
        filesScanned += 1;
      }
    }
    const state = readLakeState(layout);
    for (const key of Object.keys(state.tables)) {
      const [zone, table] = key.split('/') as [ErasureZone, string];
      for (const file of getTableFiles(layout, zone as 'bronze', table, state)) {
        const source = `read_parquet(${toSqlString(file)})`;
        const columns = (await queryRows(duck.conn, `DESCRIBE SELECT * FROM ${source}`)).map((r) =>
          valueText(r['column_name']),
        );
        remaining[zone] += await queryNumber(
          duck.conn,
          `SELECT count(*) FROM ${source} WHERE ${match(columns)}`,
        );
        filesScanned += 1;
      }
    }
  } finally {
    duck.close();
  }
  return { remaining, filesScanned };
}

/** Erase one customer from every zone of the lake under `layout`, publish, and check. */
export async function eraseCustomer(layout: Layout, customerId: number): Promise<ErasureReport> {
  const state = readLakeState(layout);
  const lastDay = state.publishedDays.at(-1);
  if (!lastDay)
    throw new DataError(
      `--erase-customer=${customerId}: the lake has no published day to erase from`,
    );
  const duck = await openDuck();
  const removed = Object.fromEntries(ERASURE_ZONES.map((z) => [z, 0])) as Record<
    ErasureZone,
    number
  >;
  let orderIds: Set<number>;
  try {
    const { conn } = duck;
    await loadPublished(conn, layout);
    const gold = getTableFiles(layout, 'gold', 'customer_value', state);
    await conn.run(
      `CREATE TABLE gold_customer_value AS FROM read_parquet([${gold.map(toSqlString).join(', ')}])`,
    );
    const known = await queryNumber(
      conn,
      `SELECT count(*) FROM silver_customers WHERE customer_id = ${customerId}`,
    );
    const range = await queryRows(
      conn,
      'SELECT min(customer_id) AS lo, max(customer_id) AS hi FROM silver_customers',
    );
    if (!known)
      throw new DataError(
        `--erase-customer=${customerId}: no such customer in silver; its customers are ${valueText(range[0]?.['lo'])} to ${valueText(range[0]?.['hi'])}`,
      );
    orderIds = findOrderIds(layout, customerId);
    for (const r of await queryRows(
      conn,
      `SELECT DISTINCT order_id FROM bronze_orders WHERE customer_id = ${customerId}`,
    ))
      orderIds.add(Number(r['order_id']));
    const ids = orderIds.size ? [...orderIds].join(', ') : 'NULL';
    const mine = `customer_id = ${customerId} OR order_id IN (${ids})`;
    // The revenue days the customer's orders fell on, recomputed by the gold model itself.
    await conn.run(`CREATE TABLE silver_orders_applied AS SELECT DISTINCT order_date FROM silver_orders WHERE ${mine};
      CREATE TABLE bronze_orders_new AS SELECT * FROM bronze_orders WHERE ${mine};`);
    const remove = async (zone: ErasureZone, table: string, where: string) => {
      removed[zone] += await queryNumber(conn, `SELECT count(*) FROM ${table} WHERE ${where}`);
      await conn.run(`DELETE FROM ${table} WHERE ${where}`);
    };
    await remove('bronze', 'bronze_customers', `customer_id = ${customerId}`);
    await remove('bronze', 'bronze_orders', mine);
    await remove('silver', 'silver_customers', `customer_id = ${customerId}`);
    await remove('silver', 'silver_orders', mine);
    await remove('gold', 'gold_customer_value', `customer_id = ${customerId}`);
    await conn.run(readSql('gold-daily-revenue'));
    const staged = getLayout(layout.staging(`erasure-${process.pid}`));
    await stageTable(conn, staged, 'bronze', 'customers', 'customer_id, updated_at');
    await stagePartitions(conn, staged, 'orders', 'order_id');
    await stageTable(conn, staged, 'silver', 'customers', 'customer_id');
    await stageTable(conn, staged, 'silver', 'orders', 'order_id');
    await stageTable(conn, staged, 'gold', 'daily_revenue', 'order_date, currency');
    await stageTable(conn, staged, 'gold', 'customer_value', 'customer_id, currency');
    publishSnapshot(layout, staged.lake, lastDay);
  } finally {
    duck.close();
  }
  let batchesRewritten = 0;
  for (const { zone, dir } of listBatchFolders(layout)) {
    const n = eraseFromBatch(dir, customerId, orderIds);
    removed[zone] += n;
    if (n) batchesRewritten += 1;
  }
  const proof = await checkErased(layout, customerId, orderIds);
  const report: ErasureReport = {
    customerId,
    orders: orderIds.size,
    removed,
    batchesRewritten,
    ...proof,
  };
  // The erasure log is the suppression list: the id is kept so that the request can be shown
  // to have been carried out and a restore from backup can apply it again.
  const log = join(layout.lake, 'ops', 'erasures.jsonl');
  mkdirSync(dirname(log), { recursive: true });
  appendFileSync(log, `${JSON.stringify({ ...report, erasedAt: new Date().toISOString() })}\n`);
  return report;
}

/** The customers erased from the lake under `layout`, from its erasure log (ops/erasures.jsonl). */
export function readErasedCustomers(layout: Layout): number[] {
  const log = join(layout.lake, 'ops', 'erasures.jsonl');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => Number((JSON.parse(line) as { customerId: number }).customerId));
}
