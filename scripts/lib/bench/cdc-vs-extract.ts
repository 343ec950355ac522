// CDC against periodic extraction from PostgreSQL: a private PostgreSQL server (wal_level=logical)
// holds the orders with an updated_at column; a change batch updates and deletes a share of them;
// then the changes are read three ways: logical decoding from a replication slot, a high-water-mark
// query on updated_at, and a full table read. Each is timed, and each is checked for what it saw.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BenchmarkSkipped, type BenchContext } from './context.ts';
import { openDuckWithOrders, queryValue, sqlString } from './duckdb.ts';
import { packageVersion } from './environment.ts';
import { measureInterleaved } from './measure.ts';
import { ORDERS_COLUMNS } from './orders.ts';
import { postgresUnavailableReason, startTempPostgres, type TempPostgres } from './postgres.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';
import { formatFraction } from './incremental-load.ts';
import {
  collectChanges,
  diffSnapshots,
  expectedEvents,
  extractGap,
  HOT_SHARE,
  HOT_VERSIONS,
  DELETE_SHARE,
  LATE_SHARE,
  planChanges,
  type ChangePlan,
} from './change-capture.ts';

/** The replication slot the CDC reader consumes; recreated before every run so it holds exactly one batch. */
const SLOT = 'bench_cdc';
/** Changed rows per transaction of the change batch: many small commits, as an application makes them. */
const ROWS_PER_TRANSACTION = 100;
/** Rows per FETCH of the extracts, like a JDBC fetch size. */
const FETCH_ROWS = 10_000;
/** The statuses a hot row passes through, one transaction each: one per version the change plan counts (the compiler checks the length). */
const HOT_STATUSES = ['paid', 'shipped', 'delivered'] as const satisfies {
  length: typeof HOT_VERSIONS;
};
/** The status a single update sets. */
const ONCE_STATUS = 'shipped';

/** The high-water-mark query: rows changed since the last extract, in cursor order. */
export const HIGH_WATER_MARK_SQL =
  'SELECT * FROM orders WHERE updated_at > $1::timestamptz ORDER BY updated_at';
/** The full extract: every row. */
export const FULL_EXTRACT_SQL = 'SELECT * FROM orders';
/** Logical decoding of everything the slot holds, consuming it (as a CDC reader confirms what it read). */
export const CDC_SQL = `SELECT data FROM pg_logical_slot_get_changes('${SLOT}', NULL, NULL, 'skip-empty-xacts', '1')`;

/** CREATE TABLE for the source: the orders columns, a primary key and the updated_at cursor column. */
export function sourceTableSql(name: string): string {
  const types: Record<string, string> = { VARCHAR: 'TEXT', 'DECIMAL(12,2)': 'NUMERIC(12,2)' };
  const cols = ORDERS_COLUMNS.map(
    ([col, type]) =>
      `${col} ${types[type] ?? type}${col === 'order_id' ? ' PRIMARY KEY' : ' NOT NULL'}`,
  );
  return `CREATE TABLE ${name} (${cols.join(', ')}, updated_at TIMESTAMPTZ NOT NULL)`;
}

/** Shared buffers touched by a plan (hit plus read), from EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON). */
export function planPages(explain: unknown): number {
  const plan = (explain as [{ Plan?: Record<string, unknown> }])[0]?.Plan;
  const hit = plan?.['Shared Hit Blocks'];
  const read = plan?.['Shared Read Blocks'];
  if (typeof hit !== 'number' || typeof read !== 'number')
    throw new Error(
      `EXPLAIN output without buffer counts: ${JSON.stringify(explain).slice(0, 200)}`,
    );
  return hit + read;
}

/** A 32-bit FNV-1a digest of a row's printed values: what a diff of two full copies compares. */
export function rowDigest(row: ReadonlyArray<unknown>): number {
  const text = row.map((v) => (v instanceof Date ? v.toISOString() : String(v))).join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Split ids into transactions of ROWS_PER_TRANSACTION. */
function chunks(ids: ReadonlyArray<number>): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += ROWS_PER_TRANSACTION)
    out.push(ids.slice(i, i + ROWS_PER_TRANSACTION));
  return out;
}

/** Read a query through a server-side cursor in FETCH_ROWS batches; `onRows` sees each batch. Returns the row count. */
async function readCursor(
  client: pg.Client,
  sql: string,
  values: unknown[],
  onRows?: (rows: unknown[][]) => void,
): Promise<number> {
  let n = 0;
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query({ text: `DECLARE extract_rows NO SCROLL CURSOR FOR ${sql}`, values });
    for (;;) {
      const batch = await client.query({
        text: `FETCH FORWARD ${FETCH_ROWS} FROM extract_rows`,
        rowMode: 'array',
      });
      if (batch.rows.length === 0) break;
      n += batch.rows.length;
      onRows?.(batch.rows as unknown[][]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return n;
}

/** The state after one change batch, ready to be read. */
interface Prepared {
  /** Highest updated_at before the batch: where the previous extract left off. */
  highWater: string;
  /** WAL the batch wrote, which the decoder reads. */
  walBytes: number;
}

/**
 * Put the table back to its base state for the rows `plan` touches, start a fresh slot, and apply
 * the batch: single updates, then each hot row's updates in three passes, then the deletes, all in
 * transactions of ROWS_PER_TRANSACTION rows. Untimed.
 */
async function prepareBatch(
  client: pg.Client,
  plan: ChangePlan,
  beforeBatch?: () => Promise<void>,
): Promise<Prepared> {
  await client.query(
    'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1',
    [SLOT],
  );
  await restoreRows(client, [
    ...plan.deleted,
    ...plan.updatedHot,
    ...plan.updatedOnce,
    ...plan.late,
  ]);
  // The restore left dead rows; vacuum so every run's full read meets the same table.
  await client.query('VACUUM orders');
  // Creating a logical slot waits for running transactions, so the late one starts after it.
  await client.query(`SELECT pg_create_logical_replication_slot('${SLOT}', 'test_decoding')`);
  await beforeBatch?.();
  const highWater = String(
    (await client.query<{ hw: string | null }>('SELECT max(updated_at)::text AS hw FROM orders'))
      .rows[0]!.hw,
  );
  const before = (
    await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')
  ).rows[0]!.lsn;
  const transactions: { sql: string; values: unknown[] }[] = [];
  for (const ids of chunks(plan.updatedOnce))
    transactions.push({
      sql: 'UPDATE orders SET status = $2, updated_at = clock_timestamp() WHERE order_id = ANY($1::bigint[])',
      values: [ids, ONCE_STATUS],
    });
  for (const status of HOT_STATUSES)
    for (const ids of chunks(plan.updatedHot))
      transactions.push({
        sql: 'UPDATE orders SET status = $2, updated_at = clock_timestamp() WHERE order_id = ANY($1::bigint[])',
        values: [ids, status],
      });
  for (const ids of chunks(plan.deleted))
    transactions.push({
      sql: 'DELETE FROM orders WHERE order_id = ANY($1::bigint[])',
      values: [ids],
    });
  let lastStart = before;
  for (const [i, tx] of transactions.entries()) {
    await client.query('BEGIN');
    // Logical decoding stops at the flushed WAL. The batch commits asynchronously (untimed set-up), so
    // its last commit is synchronous: that flushes the whole batch, and every reader starts when the
    // batch is durable, as it would on a source with synchronous commits.
    if (i === transactions.length - 1) {
      await client.query('SET LOCAL synchronous_commit = on');
      lastStart = (
        await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')
      ).rows[0]!.lsn;
    }
    await client.query({ text: tx.sql, values: tx.values });
    await client.query('COMMIT');
  }
  const after = (
    await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')
  ).rows[0]!.lsn;
  if (
    !(
      await client.query<{ done: boolean }>(
        'SELECT pg_current_wal_flush_lsn() > $1::pg_lsn AS done',
        [lastStart],
      )
    ).rows[0]!.done
  )
    throw new Error('the change batch was not flushed after a synchronous commit');
  // numeric arrives as a string (pg does not narrow it to a JS number).
  const walBytes = Number(
    (
      await client.query<{ n: string }>('SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn) AS n', [
        after,
        before,
      ])
    ).rows[0]!.n,
  );
  return { highWater, walBytes };
}

/** Put rows back to their base state: deleted ones re-inserted, changed ones overwritten. */
async function restoreRows(client: pg.Client, ids: number[]): Promise<void> {
  const cols = [...ORDERS_COLUMNS.map(([c]) => c), 'updated_at'];
  await client.query({
    text: `INSERT INTO orders SELECT * FROM orders_base WHERE order_id = ANY($1::bigint[])
           ON CONFLICT (order_id) DO UPDATE SET ${cols
             .slice(1)
             .map((c) => `${c} = EXCLUDED.${c}`)
             .join(', ')}`,
    values: [ids],
  });
}

/** Load the generated orders into `orders_base` and `orders` (with an index on updated_at) on the server. */
async function loadSource(
  server: TempPostgres,
  ctx: BenchContext,
  rows: number,
): Promise<{ client: pg.Client; lateClient: pg.Client; duckdbVersion: string }> {
  const duck = await openDuckWithOrders(rows, ctx.seed, ctx.log, ' and loading PostgreSQL');
  const csv = join(server.shareDir, 'orders.csv');
  let duckdbVersion: string;
  try {
    // Before the batch, a row was last changed when it was placed.
    await duck.conn.run(
      `COPY (SELECT *, order_ts AS updated_at FROM orders ORDER BY order_id) TO ${sqlString(csv)} (FORMAT csv, HEADER)`,
    );
    duckdbVersion = await queryValue(duck.conn, 'SELECT version()');
  } finally {
    duck.close();
  }
  chmodSync(csv, 0o644);
  const connect = async () => {
    const client = new pg.Client({
      host: server.socketDir,
      user: server.user,
      database: 'postgres',
    });
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'");
    return client;
  };
  const client = await connect();
  // A second session for the transaction that commits late (default synchronous commit).
  const lateClient = await connect();
  await client.query(sourceTableSql('orders_base'));
  await client.query(`COPY orders_base FROM ${sqlString(csv)} WITH (FORMAT csv, HEADER)`);
  await client.query(sourceTableSql('orders'));
  await client.query('INSERT INTO orders SELECT * FROM orders_base');
  await client.query('CREATE INDEX orders_updated_at ON orders (updated_at)');
  await client.query('VACUUM ANALYZE orders');
  // The batch is untimed set-up: commits need not wait for the disk. The reads are unaffected.
  await client.query('SET synchronous_commit = off');
  return { client, lateClient, duckdbVersion };
}

/** Run the CDC-versus-extract benchmark and return its result file. */
export async function runCdcVsExtract(ctx: BenchContext): Promise<MeasuredInput> {
  const reason = ctx.postgres ? postgresUnavailableReason() : 'disabled with --no-postgres';
  if (reason) throw new BenchmarkSkipped(`PostgreSQL was not measured: ${reason}`);
  const started = start();
  const { cdcRows: rows, cdcFractions, plan } = ctx.sizes;
  // Its own temp dir: the server runs as another user and cannot enter the private work dir.
  const pgDir = mkdtempSync(join(tmpdir(), 'blueprint-pg-'));
  let server: TempPostgres | undefined;
  let client: pg.Client | undefined;
  let lateClient: pg.Client | undefined;
  try {
    server = startTempPostgres(pgDir, { wal_level: 'logical' });
    const loaded = await loadSource(server, ctx, rows);
    client = loaded.client;
    lateClient = loaded.lateClient;
    const c = client;
    const lc = lateClient;
    const show = async (name: string) =>
      (await c.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
    const version = await show('server_version');
    const serverSettings: string[] = [];
    for (const n of ['wal_level', 'shared_buffers', 'fsync', 'max_parallel_workers_per_gather'])
      serverSettings.push(`${n}=${await show(n)}`);

    // Digests of the base copy: the "previous extract" a full extract is diffed against.
    const baseDigests = new Float64Array(rows).fill(Number.NaN);
    await readCursor(c, FULL_EXTRACT_SQL, [], (batch) => {
      for (const row of batch) baseDigests[Number(row[0])] = rowDigest(row);
    });

    const timeRows: NonNullable<MeasuredInput['tables']>[number]['rows'] = [];
    const seenRows: NonNullable<MeasuredInput['tables']>[number]['rows'] = [];
    const readRows: NonNullable<MeasuredInput['tables']>[number]['rows'] = [];
    for (const fraction of cdcFractions) {
      const changes = planChanges(rows, fraction, ctx.seed);
      const expected = expectedEvents(changes);
      const label = `${formatFraction(fraction)} of the rows changed`;
      const id = `changed-${String(fraction * 100).replace('.', '-')}-percent`;
      const note = `${(changes.updatedOnce.length + changes.updatedHot.length).toLocaleString('en-US')} rows updated (${changes.updatedHot.length.toLocaleString('en-US')} of them ${HOT_VERSIONS} times), ${changes.deleted.length.toLocaleString('en-US')} deleted`;
      ctx.log(`batch of ${formatFraction(fraction)}: ${note}`);

      // Every timed run starts from its own freshly applied batch, and its row count is checked
      // before the next run of the same reader (and once more at the end).
      const expectedCount = {
        cdc: expected.updates + expected.deletes,
        hwm: changes.updatedOnce.length + changes.updatedHot.length,
        full: rows - changes.deleted.length,
      };
      const counts: Partial<Record<keyof typeof expectedCount, number>> = {};
      // The decoded lines of the last CDC run, counted outside the timed run.
      let cdcLines: string[][] | undefined;
      const check = (key: keyof typeof expectedCount) => {
        if (key === 'cdc' && cdcLines)
          counts.cdc = cdcLines.filter(
            ([line]) => !line!.startsWith('BEGIN') && !line!.startsWith('COMMIT'),
          ).length;
        const n = counts[key];
        if (n !== undefined && n !== expectedCount[key])
          throw new Error(
            `${key} read ${n} rows after a ${formatFraction(fraction)} batch; expected ${expectedCount[key]}`,
          );
      };
      let prepared: Prepared = { highWater: '', walBytes: 0 };
      const prepare = (key: keyof typeof expectedCount) => async () => {
        check(key);
        prepared = await prepareBatch(c, changes);
      };
      const timed = await measureInterleaved(
        {
          cdc: {
            before: prepare('cdc'),
            run: async () => {
              cdcLines = (await c.query({ text: CDC_SQL, rowMode: 'array' })).rows as string[][];
            },
          },
          hwm: {
            before: prepare('hwm'),
            run: async () => {
              counts.hwm = await readCursor(c, HIGH_WATER_MARK_SQL, [prepared.highWater]);
            },
          },
          full: {
            before: prepare('full'),
            run: async () => {
              counts.full = await readCursor(c, FULL_EXTRACT_SQL, []);
            },
          },
        },
        plan.slow,
      );
      (['cdc', 'hwm', 'full'] as const).forEach(check);

      // One more, untimed pass that looks at every row: what each reader saw of the same batch.
      // A concurrent transaction updates other rows before the batch and commits only after the
      // next extract has moved its high-water mark past those rows' updated_at.
      const { highWater, walBytes } = await prepareBatch(c, changes, async () => {
        await lc.query('BEGIN');
        await lc.query({
          text: "UPDATE orders SET status = 'returned', updated_at = clock_timestamp() WHERE order_id = ANY($1::bigint[])",
          values: [changes.late],
        });
      });
      const decoded = (await c.query({ text: CDC_SQL, rowMode: 'array' })).rows as string[][];
      const captured = collectChanges(
        decoded.map(([line]) => line!),
        'public.orders',
        'order_id',
        'status',
      );
      // Not just how many versions: each hot row's statuses in the order they were committed.
      const versions = (ids: number[], statuses: ReadonlyArray<string>) =>
        ids.filter((i) => captured.versions.get(i)?.join() !== statuses.join()).length;
      const wrong =
        versions(changes.updatedOnce, [ONCE_STATUS]) +
        versions(changes.updatedHot, HOT_STATUSES) +
        changes.deleted.filter((i) => !captured.deletes.has(i)).length;
      if (
        wrong ||
        captured.inserts ||
        captured.updates.size !== changes.updatedOnce.length + changes.updatedHot.length ||
        captured.deletes.size !== changes.deleted.length
      )
        throw new Error(
          `logical decoding did not return the batch exactly: ${wrong} rows with wrong or missing versions, ${captured.inserts} inserts, ${captured.updates.size} updated and ${captured.deletes.size} deleted keys`,
        );
      const hwmIds = new Set<number>();
      await readCursor(c, HIGH_WATER_MARK_SQL, [highWater], (batch) =>
        batch.forEach((row) => hwmIds.add(Number(row[0]))),
      );
      const fullPresent = new Uint8Array(rows);
      const fullDigests: [number, number][] = [];
      await readCursor(c, FULL_EXTRACT_SQL, [], (batch) =>
        batch.forEach((row) => {
          const key = Number(row[0]);
          fullPresent[key] = 1;
          fullDigests.push([key, rowDigest(row)]);
        }),
      );
      const hwmGap = extractGap(captured, (i) => hwmIds.has(i));
      const fullGap = extractGap(captured, (i) => fullPresent[i] === 1);
      const diff = diffSnapshots(baseDigests, fullDigests);
      if (hwmGap.deletedButReturned || fullGap.deletedButReturned)
        throw new Error('an extract returned a row the batch had deleted');
      if (hwmGap.missedUpdatedRows)
        throw new Error(
          `the high-water mark missed ${hwmGap.missedUpdatedRows} rows the batch updated`,
        );
      if (diff.deleted !== changes.deleted.length || diff.inserted)
        throw new Error(
          `diffing the full extract found ${diff.deleted} deletes and ${diff.inserted} inserts; expected ${changes.deleted.length} and 0`,
        );
      const explain = async (sql: string, values: unknown[]) =>
        planPages(
          (
            await c.query<{ 'QUERY PLAN': unknown }>({
              text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
              values,
            })
          ).rows[0]!['QUERY PLAN'],
        );
      const hwmPages = await explain(HIGH_WATER_MARK_SQL, [highWater]);
      const fullPages = await explain(FULL_EXTRACT_SQL, []);
      const cdcEvents =
        [...captured.updates.values()].reduce((a, b) => a + b, 0) + captured.deletes.size;

      // The late commit: the extract that just ran moved the mark to the newest updated_at it saw.
      const nextMark = String(
        (await c.query<{ hw: string | null }>('SELECT max(updated_at)::text AS hw FROM orders'))
          .rows[0]!.hw,
      );
      await lc.query('COMMIT');
      const lateCaptured = collectChanges(
        ((await c.query({ text: CDC_SQL, rowMode: 'array' })).rows as string[][]).map(
          ([line]) => line!,
        ),
        'public.orders',
        'order_id',
      );
      if (
        lateCaptured.updates.size !== changes.late.length ||
        lateCaptured.deletes.size ||
        !changes.late.every((i) => lateCaptured.updates.get(i) === 1)
      )
        throw new Error(
          `logical decoding returned ${lateCaptured.updates.size} of the ${changes.late.length} rows the late transaction updated`,
        );
      const lateSeenByHwm = new Set<number>();
      await readCursor(c, HIGH_WATER_MARK_SQL, [nextMark], (batch) =>
        batch.forEach((row) => lateSeenByHwm.add(Number(row[0]))),
      );
      const lateMissed = changes.late.filter((i) => !lateSeenByHwm.has(i)).length;
      await restoreRows(c, changes.late);
      ctx.log(
        `${formatFraction(fraction)}: ${changes.late.length} rows committed late: CDC returned ${lateCaptured.updates.size} on its next read, the next high-water mark missed ${lateMissed}`,
      );
      ctx.log(
        `${formatFraction(fraction)}: CDC decoded ${cdcEvents} of ${expected.updates + expected.deletes} changes; the high-water mark missed ${hwmGap.missedVersions} versions and ${hwmGap.missedDeletes} deletes; diffing the full extract found ${diff.deleted} deletes and ${diff.changed} changed rows`,
      );

      timeRows.push({
        id,
        label,
        note,
        cells: { cdc: runsCell(timed.cdc), hwm: runsCell(timed.hwm), full: runsCell(timed.full) },
      });
      seenRows.push({
        id,
        label,
        note,
        cells: {
          changes: expected.updates + expected.deletes,
          'cdc-seen': cdcEvents,
          'hwm-missed-versions': hwmGap.missedVersions,
          'hwm-missed-deletes': hwmGap.missedDeletes,
          'full-missed-versions': fullGap.missedVersions,
          'full-deletes-by-diff': diff.deleted,
          'full-changed-by-diff': diff.changed,
          'late-rows': changes.late.length,
          'cdc-late-seen': lateCaptured.updates.size,
          'hwm-late-missed': lateMissed,
        },
      });
      readRows.push({
        id,
        label,
        note,
        cells: {
          'wal-bytes': walBytes,
          'cdc-rows': decoded.length,
          'hwm-rows': hwmIds.size,
          'hwm-pages': hwmPages,
          'full-rows': fullDigests.length,
          'full-pages': fullPages,
        },
      });
    }

    const batchDescription = `${rows.toLocaleString('en-US')} orders in PostgreSQL ${version} (primary key on order_id, index on updated_at). Each batch updates or deletes the given share of the rows, spread over the table, in transactions of ${ROWS_PER_TRANSACTION} rows: ${Math.round(DELETE_SHARE * 100)} % of the changed rows are deleted, ${Math.round(HOT_SHARE * 100)} % are updated ${HOT_VERSIONS} times in separate transactions, the rest once; every update sets updated_at to the commit-time clock.`;
    const readers =
      'CDC: pg_logical_slot_get_changes on a test_decoding slot created just before the batch, every change returned to the client. High-water mark: rows with updated_at above the maximum before the batch, ordered by updated_at. Full extract: every row. Both extracts read through a server-side cursor, 10,000 rows per FETCH.';
    return buildMeasured(ctx, started, {
      id: 'cdc-vs-extract',
      title: 'CDC against incremental and full extracts',
      summary:
        'How long does it take to read a batch of changes from PostgreSQL by logical decoding, by an updated_at high-water mark and by a full extract, and which changes does each one miss?',
      scope:
        'A private PostgreSQL server on a Unix socket, read by logical decoding (test_decoding through pg_logical_slot_get_changes) and by SQL extracts from the same machine; not Debezium, Kafka or Airbyte, and not the load these reads put on a busy production source',
      components: ['batch-ingestion', 'stream-ingestion'],
      tables: [
        {
          id: 'read-time',
          rowLabel: 'Change batch',
          title: 'Time to read one batch of changes',
          description: `${batchDescription} ${readers} Timed from the query to the last row on the client; applying the batch is not timed.`,
          compare: { measure: 'full' },
          chart: { measures: ['cdc', 'hwm', 'full'], scale: 'auto' },
          measures: [
            {
              id: 'cdc',
              label: 'CDC (logical decoding)',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            {
              id: 'hwm',
              label: 'High-water mark on updated_at',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            { id: 'full', label: 'Full extract', unit: 'ms', better: 'lower', ratio: true },
          ],
          rows: timeRows,
          notes: [
            'Every timed run read exactly the rows expected of its batch (checked before the next run).',
          ],
        },
        {
          id: 'what-each-sees',
          rowLabel: 'Change batch',
          title: 'Which changes each way of reading sees',
          description: `${batchDescription} Counted on one more batch after the timed runs. A change is one row version written by an UPDATE or one DELETE. Late commit: another session updates ${Math.round(LATE_SHARE * 100)} % as many other rows (at least one) before the batch, setting updated_at, and commits after the extract of the batch; the next CDC read and the next high-water-mark extract then look for those rows.`,
          measures: [
            { id: 'changes', label: 'Changes made', unit: 'count', better: 'none', ratio: false },
            {
              id: 'cdc-seen',
              label: 'Changes CDC returned',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'hwm-missed-versions',
              label: 'Versions the high-water mark missed',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'hwm-missed-deletes',
              label: 'Deletes the high-water mark missed',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'full-missed-versions',
              label: 'Versions the full extract missed',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'full-deletes-by-diff',
              label: 'Deletes found by diffing full extracts',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'full-changed-by-diff',
              label: 'Changed rows found by diffing full extracts',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'late-rows',
              label: 'Rows updated by a transaction that committed late',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'cdc-late-seen',
              label: 'Late-committed rows CDC returned',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'hwm-late-missed',
              label: 'Late-committed rows the next high-water mark missed',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
          ],
          rows: seenRows,
          notes: [
            'The script fails unless CDC returns every version of every row (with its status, in commit order), every delete and, on its next read, every late-committed row; the high-water mark returns every updated row of the batch that still exists; and diffing the full extract against the previous one finds every delete.',
            'Extracts see only each row’s latest version; the intermediate versions of rows updated several times are missed, and deletes are invisible to the high-water mark. A full extract shows deletes only when compared with the previous full copy.',
          ],
        },
        {
          id: 'source-reads',
          rowLabel: 'Change batch',
          title: 'What each reader reads and returns',
          description: `${batchDescription} WAL is what the batch wrote and logical decoding reads; pages are PostgreSQL’s shared buffers touched by the extract query (hit plus read, from EXPLAIN (ANALYZE, BUFFERS)).`,
          measures: [
            {
              id: 'wal-bytes',
              label: 'WAL written by the batch (decoded by CDC)',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'cdc-rows',
              label: 'Lines returned by CDC (changes, BEGIN and COMMIT)',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'hwm-rows',
              label: 'Rows returned by the high-water mark',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'hwm-pages',
              label: 'Pages the high-water mark touched',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'full-rows',
              label: 'Rows returned by the full extract',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'full-pages',
              label: 'Pages the full extract touched',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
          ],
          rows: readRows,
          notes: [],
        },
      ],
      caveats: [
        'CDC here is PostgreSQL’s test_decoding plugin called through SQL on the same machine, not Debezium reading pgoutput over the replication protocol into Kafka; Debezium adds serialisation, the network and Kafka, and its own snapshot when it starts.',
        'Each reader reads one finished batch. Not measured: the slowdown of the source’s own transactions while a full extract runs, decoding lag under a continuous write load, and the WAL a lagging slot retains.',
        'One late commit per batch is simulated: a transaction whose updated_at is older than rows another extract has already read. How often that happens in production depends on transaction length and extract timing, which this does not model. Writes that do not touch updated_at (a bulk fix, a trigger left off) are also missed by the high-water mark and are not simulated.',
        'Every reader’s time includes node-postgres turning each value into a JavaScript value on the client, the same work for every row returned; a Java connector (Debezium, Airbyte) spends its own, different client time.',
        'A small source that fits in memory on a local disk: a full extract of a large table that does not fit reads from disk and evicts the source’s working set, which costs more than shown.',
      ],
      software: [
        { name: 'PostgreSQL', version },
        { name: 'pg (node-postgres)', version: packageVersion('pg') },
        { name: 'DuckDB', version: loaded.duckdbVersion },
        { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
      ],
      rows,
      plan: plan.slow,
      settings: [
        {
          name: 'PostgreSQL',
          value: `initdb defaults except wal_level: ${serverSettings.join(', ')}`,
        },
        {
          name: 'Logical decoding',
          value: `test_decoding, skip-empty-xacts=1, through pg_logical_slot_get_changes; slot recreated before every run`,
        },
        {
          name: 'Change batch',
          value: `transactions of ${ROWS_PER_TRANSACTION} rows, synchronous_commit=off (untimed set-up); changed rows restored from orders_base and the table vacuumed before each batch`,
        },
        {
          name: 'Extract fetch size',
          value: `${FETCH_ROWS} rows per FETCH from a server-side cursor, REPEATABLE READ READ ONLY`,
        },
        {
          name: 'Data generator',
          value:
            'DuckDB writes the orders (scripts/lib/bench/orders.ts) to CSV, loaded with COPY; updated_at starts as order_ts',
        },
        RUN_ORDER,
      ],
    });
  } finally {
    await client?.end().catch(() => undefined);
    await lateClient?.end().catch(() => undefined);
    server?.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}
