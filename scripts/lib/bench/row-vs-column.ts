// Row store against column store on the same orders: SQLite (embedded row store), PostgreSQL
// (server row store, when installed) and DuckDB (embedded column store), each on disk with a
// primary key: an aggregate over every row, point lookups by key and single-row updates.
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { BenchContext } from './context.ts';
import { createHash } from 'node:crypto';
import {
  duckSettings,
  openDuck,
  openDuckWithOrders,
  queryValue,
  sqlString,
  type Duck,
} from './duckdb.ts';
import { packageVersion } from './environment.ts';
import { measureInterleaved, type Contender } from './measure.ts';
import { ORDERS_COLUMNS, sampleIds } from './orders.ts';
import { postgresUnavailableReason, startTempPostgres, type TempPostgres } from './postgres.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';

/** The aggregate every engine runs: revenue and orders per country and status over every row. */
export const ROW_STORE_AGGREGATE =
  'SELECT country, status, count(*) AS orders, sum(quantity * unit_price) AS revenue FROM orders GROUP BY country, status ORDER BY country, status';

/** CREATE TABLE for an engine, with order_id as primary key; `types` maps the generic types to the engine's. */
export function createOrdersTable(types: Partial<Record<string, string>> = {}): string {
  const cols = ORDERS_COLUMNS.map(
    ([name, type]) => `${name} ${types[type] ?? type}${name === 'order_id' ? ' PRIMARY KEY' : ''}`,
  );
  return `CREATE TABLE orders (${cols.join(', ')})`;
}

/** The query whose answer every engine must give for the looked-up keys: a checksum of those rows. */
export function lookupChecksumSql(ids: ReadonlyArray<number>): string {
  return `SELECT count(*) AS n, sum(customer_id) AS customers, sum(quantity) AS quantity, sum(unit_price) AS price FROM orders WHERE order_id IN (${ids.join(', ')})`;
}

/**
 * A digest of a query's answer that ignores how each engine types its numbers: every numeric cell
 * is printed with 2 decimals (the data has cents), every other cell as text, rows in order.
 */
export function answerDigest(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cell = (v: unknown) => {
    const n =
      typeof v === 'bigint'
        ? Number(v)
        : typeof v === 'number'
          ? v
          : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)
            ? Number(v)
            : undefined;
    return n === undefined ? String(v) : n.toFixed(2);
  };
  const text = rows.map((row) => row.map(cell).join('\t')).join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Operations one engine exposes to the benchmark. */
interface Engine {
  id: string;
  label: string;
  note: string;
  aggregate: () => Promise<unknown>;
  lookup: (id: number) => Promise<unknown>;
  update: (id: number) => Promise<unknown>;
  count: () => Promise<number>;
  /** Run a query and return its rows as arrays, for comparing answers across engines. */
  rows: (sql: string) => Promise<unknown[][]>;
  bytes: () => Promise<number>;
  close: () => Promise<void>;
}

/** DuckDB on a database file. */
async function openDuckEngine(
  path: string,
  source: string,
): Promise<{ engine: Engine; duck: Duck }> {
  const duck = await openDuck(path);
  const { conn } = duck;
  await conn.run(createOrdersTable());
  await conn.run(`INSERT INTO orders SELECT * FROM read_parquet(${sqlString(source)})`);
  await conn.run('CHECKPOINT');
  const lookup = await conn.prepare('SELECT * FROM orders WHERE order_id = $1');
  const update = await conn.prepare(
    'UPDATE orders SET quantity = quantity + 1 WHERE order_id = $1',
  );
  const engine: Engine = {
    id: 'duckdb',
    label: 'DuckDB (column store)',
    note: 'embedded, vectorised, all cores',
    aggregate: () => conn.runAndReadAll(ROW_STORE_AGGREGATE),
    lookup: async (id) => {
      lookup.bindBigInt(1, BigInt(id));
      return lookup.runAndReadAll();
    },
    update: async (id) => {
      update.bindBigInt(1, BigInt(id));
      return update.run();
    },
    count: async () => Number(await queryValue(conn, 'SELECT count(*) FROM orders')),
    rows: async (sql) => (await conn.runAndReadAll(sql)).getRowsJson(),
    bytes: async () => {
      await conn.run('CHECKPOINT');
      return statSync(path).size;
    },
    close: async () => duck.close(),
  };
  return { engine, duck };
}

/** SQLite on a database file, loaded row by row in one transaction from DuckDB. */
async function openSqliteEngine(path: string, duck: Duck): Promise<Engine> {
  const db = new Database(path);
  // WAL with synchronous=FULL: durable commits (an fsync per transaction), the usual server-side setting.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    createOrdersTable({
      BIGINT: 'INTEGER',
      TIMESTAMP: 'TEXT',
      VARCHAR: 'TEXT',
      'DECIMAL(12,2)': 'NUMERIC',
    }),
  );
  const insert = db.prepare(
    `INSERT INTO orders VALUES (${ORDERS_COLUMNS.map(() => '?').join(', ')})`,
  );
  const result = await duck.conn.stream(
    "SELECT order_id::DOUBLE, customer_id, strftime(order_ts, '%Y-%m-%d %H:%M:%S.%f'), status, country, product_id, quantity, unit_price::DOUBLE FROM orders",
  );
  db.exec('BEGIN');
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const row of chunk.getRows()) insert.run(...(row as (number | string)[]));
  }
  db.exec('COMMIT');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const aggregate = db.prepare(ROW_STORE_AGGREGATE);
  const lookup = db.prepare('SELECT * FROM orders WHERE order_id = ?');
  const update = db.prepare('UPDATE orders SET quantity = quantity + 1 WHERE order_id = ?');
  return {
    id: 'sqlite',
    label: 'SQLite (row store)',
    note: 'embedded B-tree, one thread, WAL, synchronous=FULL',
    aggregate: async () => aggregate.all(),
    lookup: async (id) => lookup.get(id),
    update: async (id) => update.run(id),
    count: async () => (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n,
    rows: async (sql) => db.prepare(sql).raw().all() as unknown[][],
    bytes: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(path).size;
    },
    close: async () => {
      db.close();
    },
  };
}

/** PostgreSQL on a temporary server, loaded with COPY from a CSV DuckDB writes. */
async function openPostgresEngine(
  server: TempPostgres,
  duck: Duck,
): Promise<{ engine: Engine; version: string; config: string }> {
  const csv = join(server.shareDir, 'orders.csv');
  await duck.conn.run(`COPY orders TO ${sqlString(csv)} (FORMAT csv, HEADER)`);
  chmodSync(csv, 0o644);
  const client = new pg.Client({ host: server.socketDir, user: server.user, database: 'postgres' });
  await client.connect();
  await client.query(createOrdersTable({ VARCHAR: 'TEXT', 'DECIMAL(12,2)': 'NUMERIC(12,2)' }));
  await client.query(`COPY orders FROM ${sqlString(csv)} WITH (FORMAT csv, HEADER)`);
  await client.query('VACUUM ANALYZE orders');
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!
    .server_version;
  const show = async (name: string) =>
    `${name}=${(await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]}`;
  const config = (
    await Promise.all(
      ['shared_buffers', 'fsync', 'synchronous_commit', 'max_parallel_workers_per_gather'].map(
        show,
      ),
    )
  ).join(', ');
  return {
    version,
    config,
    engine: {
      id: 'postgresql',
      label: 'PostgreSQL (row store)',
      note: 'server over a Unix socket, defaults (fsync on, parallel query on)',
      aggregate: () => client.query(ROW_STORE_AGGREGATE),
      lookup: (id) =>
        client.query({
          name: 'lookup',
          text: 'SELECT * FROM orders WHERE order_id = $1',
          values: [id],
        }),
      update: (id) =>
        client.query({
          name: 'update',
          text: 'UPDATE orders SET quantity = quantity + 1 WHERE order_id = $1',
          values: [id],
        }),
      // count and pg_total_relation_size are bigint, which pg returns as strings.
      count: async () =>
        Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM orders')).rows[0]!.n),
      rows: async (sql) =>
        (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][],
      bytes: async () =>
        Number(
          (await client.query<{ n: string }>("SELECT pg_total_relation_size('orders') AS n"))
            .rows[0]!.n,
        ),
      close: () => client.end(),
    },
  };
}

/** Run the row-vs-column benchmark and return its result file. */
export async function runRowVsColumn(ctx: BenchContext): Promise<MeasuredInput> {
  const started = start();
  const { rowStore: rows, plan, lookups, updates } = ctx.sizes;
  const source = join(ctx.workDir, 'row-store-orders.parquet');
  const gen = await openDuckWithOrders(rows, ctx.seed, ctx.log, ' and loading each engine');
  const engines: Engine[] = [];
  const software = [
    { name: 'DuckDB', version: '' },
    { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
  ];
  const settings: { name: string; value: string }[] = [];
  const skipped: string[] = [];
  let server: TempPostgres | undefined;
  let pgDir: string | undefined;
  try {
    await gen.conn.run(`COPY orders TO ${sqlString(source)} (FORMAT parquet)`);
    const { engine: duckEngine, duck } = await openDuckEngine(
      join(ctx.workDir, 'orders.duckdb'),
      source,
    );
    engines.push(duckEngine);
    software[0]!.version = await queryValue(duck.conn, 'SELECT version()');
    settings.push(...(await duckSettings(duck.conn)));

    engines.push(await openSqliteEngine(join(ctx.workDir, 'orders.sqlite'), gen));
    const probe = new Database(':memory:');
    const sqliteVersion = (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    probe.close();
    software.push(
      { name: 'SQLite', version: sqliteVersion },
      { name: 'better-sqlite3', version: packageVersion('better-sqlite3') },
    );

    const reason = ctx.postgres ? postgresUnavailableReason() : 'disabled with --no-postgres';
    if (reason) skipped.push(`PostgreSQL was not measured: ${reason}.`);
    else {
      // Its own temp dir: the server runs as another user and cannot enter the private work dir.
      pgDir = mkdtempSync(join(tmpdir(), 'blueprint-pg-'));
      server = startTempPostgres(pgDir);
      const { engine, version, config } = await openPostgresEngine(server, gen);
      engines.push(engine);
      software.push(
        { name: 'PostgreSQL', version },
        { name: 'pg (node-postgres)', version: packageVersion('pg') },
      );
      settings.push({ name: 'PostgreSQL', value: `initdb defaults: ${config}` });
    }
    settings.push({ name: 'SQLite', value: 'journal_mode=WAL, synchronous=FULL' }, RUN_ORDER);
    for (const engine of engines) {
      const n = await engine.count();
      if (n !== rows)
        throw new Error(`${engine.label} holds ${n} rows after loading, expected ${rows}`);
    }

    const ids = sampleIds(lookups, rows, ctx.seed);
    const updateIds = sampleIds(updates, rows, ctx.seed + 1);
    // Same answers, not just the same row counts: the aggregate and the looked-up rows must match
    // in every engine before anything is timed.
    const answers: Record<string, string[]> = {};
    for (const engine of engines)
      answers[engine.id] = [
        answerDigest(await engine.rows(ROW_STORE_AGGREGATE)),
        answerDigest(await engine.rows(lookupChecksumSql(ids))),
      ];
    const [first, ...others] = engines;
    for (const engine of others)
      if (answers[engine.id]!.join() !== answers[first!.id]!.join())
        throw new Error(
          `${engine.label} answers differently from ${first!.label}: aggregate/lookup digests ${answers[engine.id]!.join('/')} vs ${answers[first!.id]!.join('/')}`,
        );
    ctx.log(
      `every engine gives the same aggregate and lookup answers (digests ${answers[first!.id]!.join(', ')})`,
    );
    const byEngine = (make: (e: Engine) => Contender) =>
      Object.fromEntries(engines.map((e) => [e.id, make(e)]));
    ctx.log('timing the aggregate on every engine');
    const aggregate = await measureInterleaved(
      byEngine((e) => ({ run: e.aggregate })),
      plan.default,
    );
    ctx.log(`timing ${ids.length} point lookups per run on every engine`);
    const lookup = await measureInterleaved(
      byEngine((e) => ({
        run: async () => {
          for (const id of ids) await e.lookup(id);
        },
        perOps: ids.length,
      })),
      plan.default,
    );
    ctx.log(`timing ${updateIds.length} committed single-row updates per run on every engine`);
    const update = await measureInterleaved(
      byEngine((e) => ({
        run: async () => {
          for (const id of updateIds) await e.update(id);
        },
        perOps: updateIds.length,
      })),
      plan.default,
    );
    const tableRows: NonNullable<MeasuredInput['tables']>[number]['rows'] = [];
    for (const engine of engines)
      tableRows.push({
        id: engine.id,
        label: engine.label,
        note: engine.note,
        cells: {
          aggregate: runsCell(aggregate[engine.id]!),
          lookup: runsCell(lookup[engine.id]!),
          update: runsCell(update[engine.id]!),
          size: await engine.bytes(),
        },
      });

    return buildMeasured(ctx, started, {
      id: 'row-vs-column',
      title: 'Row store against column store',
      summary:
        'Why analytics does not run on the operational database: the same orders in SQLite, PostgreSQL and DuckDB native tables, scanned, looked up by key and updated row by row.',
      scope:
        'Native tables of SQLite, PostgreSQL and DuckDB, each with a primary-key index, on a local disk; not lake files (Parquet or Iceberg) on object storage, which were not measured',
      components: ['batch-sources', 'adhoc-cluster', 'realtime-analytics', 'data-storage'],
      tables: [
        {
          id: 'operations',
          rowLabel: 'Engine',
          title: 'Aggregates, point lookups and single-row updates',
          description: `${rows.toLocaleString('en-US')} orders in each engine, on disk, with order_id as primary key. Aggregate: revenue per country and status over every row. Lookup: one row by key (${lookups} per run, time per lookup). Update: one row by key, each its own committed transaction (${updates} per run, time per update).`,
          compare: { row: 'duckdb' },
          chart: { measures: ['aggregate'], scale: 'auto' },
          measures: [
            {
              id: 'aggregate',
              label: 'Aggregate over all rows',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            {
              id: 'lookup',
              label: 'Point lookup (each)',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            {
              id: 'update',
              label: 'Single-row update (each, committed)',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            {
              id: 'size',
              label: 'Size on disk (with key index)',
              unit: 'bytes',
              better: 'lower',
              ratio: true,
            },
          ],
          rows: tableRows,
          notes: [
            ...skipped,
            'Every engine gave the same answer to the aggregate and to a checksum of the looked-up rows (compared as digests before timing).',
          ],
        },
      ],
      caveats: [
        'Single-row update times are dominated by the commit’s fsync, so they measure this machine’s disk as much as the engine; batch updates into one transaction in real pipelines.',
        'PostgreSQL answers over a socket with a protocol round trip per statement; SQLite and DuckDB run inside the benchmark’s process. That is part of the real difference between a server and an embedded engine.',
        'DuckDB used every core for the aggregate; SQLite used one. PostgreSQL may use parallel workers. The aggregate ratio mixes storage layout with parallelism, as it does in production.',
        'No lake files were measured: DuckDB here is a native table with a primary-key index, not Parquet or Iceberg files, so these figures say nothing about point lookups on a lake.',
        'A small table that fits in memory: on tables larger than RAM the column store’s advantage for scans grows, because it reads only the columns a query needs.',
      ],
      software,
      rows,
      plan: plan.default,
      settings,
    });
  } finally {
    for (const engine of engines) await engine.close().catch(() => undefined);
    server?.stop();
    if (pgDir) rmSync(pgDir, { recursive: true, force: true });
    gen.close();
  }
}
