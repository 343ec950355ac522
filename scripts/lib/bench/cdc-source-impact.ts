// What reading changes costs the source while it works: a private PostgreSQL (wal_level=logical)
// runs pgbench's standard TPC-B-like load for a fixed time, alone, while a full extract of a large
// table runs over and over, and while a logical-decoding consumer reads the changes continuously.
// Reported: pgbench's own throughput and latency for each, and the decoding lag, sampled.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sourceTableSql } from './cdc-vs-extract.ts';
import { BenchmarkSkipped, type BenchContext } from './context.ts';
import { openDuckWithOrders, queryValue, sqlString } from './duckdb.ts';
import { packageVersion } from './environment.ts';
import {
  countRowChanges,
  parsePgbenchSummary,
  pgbenchRunArgs,
  runPgbench,
  showBuiltinScript,
  type PgbenchLoad,
  type PgbenchSummary,
} from './pgbench.ts';
import {
  findPostgresBin,
  postgresUnavailableReason,
  startTempPostgres,
  type TempPostgres,
} from './postgres.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';
import { median } from '../../../src/lib/benchmark/stats.ts';

/** The replication slot of the consumer; created before each run with decoding and dropped after. */
const SLOT = 'bench_source_impact';
/** How often the decoding lag is sampled. */
const LAG_SAMPLE_MS = 200;
/** How long the consumer waits after a read that returned nothing, instead of spinning on a 2-core machine. */
const IDLE_WAIT_MS = 10;

/** The consumer's read: every change the slot holds, consumed (confirmed) as it is read; counts lines and row changes on the server. */
export const CONSUME_SQL = `SELECT count(*)::int AS lines, (count(*) FILTER (WHERE data ~ '^table \\S+: (INSERT|UPDATE|DELETE):'))::int AS changes
  FROM pg_logical_slot_get_changes('${SLOT}', NULL, NULL, 'skip-empty-xacts', '1')`;
/** A row of CONSUME_SQL: both counts are cast to int, which pg returns as JS numbers. */
interface ConsumeRow {
  lines: number;
  changes: number;
}
/** Decoding lag: WAL written that the consumer has not confirmed yet, in bytes. */
export const LAG_SQL = `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::float8 AS lag FROM pg_replication_slots WHERE slot_name = '${SLOT}'`;
/** The full extract: the whole table, formatted by the server and discarded, so no client on this machine shares the CPU. */
export const EXTRACT_SQL = `COPY orders TO '/dev/null'`;

/** The three ways the load runs. */
export const CASES = ['baseline', 'extract', 'cdc'] as const;
export type SourceCase = (typeof CASES)[number];

/** One measured run of one case. */
interface CaseRun {
  summary: PgbenchSummary;
  walBytes: number;
  /** Completed full extracts or consumer reads. */
  passes: number;
  /** Rows copied by the extracts, or row changes decoded. */
  rows: number;
  /** Lag samples in bytes (decoding only). */
  lag: number[];
}

/** Stop a background loop and wait for its current statement to end. */
interface Background {
  stop: () => Promise<{ passes: number; rows: number; lag: number[] }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run full extracts back to back until stopped. */
function startExtracts(client: pg.Client): Background {
  let running = true;
  let passes = 0;
  let rows = 0;
  const loop = (async () => {
    while (running) {
      const r = await client.query(EXTRACT_SQL);
      passes++;
      rows += r.rowCount ?? 0;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { passes, rows, lag: [] };
    },
  };
}

/** Read the slot continuously until stopped, and sample the lag on a second connection. */
function startConsumer(client: pg.Client, sampler: pg.Client): Background {
  let running = true;
  let passes = 0;
  let rows = 0;
  const lag: number[] = [];
  const consume = (async () => {
    while (running) {
      const r = await client.query<ConsumeRow>(CONSUME_SQL);
      passes++;
      rows += r.rows[0]!.changes;
      if (r.rows[0]!.lines === 0) await sleep(IDLE_WAIT_MS);
    }
  })();
  const sample = (async () => {
    while (running) {
      const r = await sampler.query<{ lag: number | null }>(LAG_SQL);
      lag.push(Number(r.rows[0]!.lag));
      await sleep(LAG_SAMPLE_MS);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await Promise.all([consume, sample]);
      return { passes, rows, lag };
    },
  };
}

/** Connect to the private server. */
async function connect(server: TempPostgres): Promise<pg.Client> {
  const client = new pg.Client({ host: server.socketDir, user: server.user, database: 'postgres' });
  await client.connect();
  return client;
}

/** Load the generated orders into `orders` on the server, through a CSV file DuckDB writes. */
async function loadOrders(
  server: TempPostgres,
  client: pg.Client,
  ctx: BenchContext,
  rows: number,
): Promise<string> {
  const duck = await openDuckWithOrders(rows, ctx.seed, ctx.log, ' and loading PostgreSQL');
  const csv = join(server.shareDir, 'orders.csv');
  let duckdbVersion: string;
  try {
    await duck.conn.run(
      `COPY (SELECT *, order_ts AS updated_at FROM orders ORDER BY order_id) TO ${sqlString(csv)} (FORMAT csv, HEADER)`,
    );
    duckdbVersion = await queryValue(duck.conn, 'SELECT version()');
  } finally {
    duck.close();
  }
  chmodSync(csv, 0o644);
  await client.query(sourceTableSql('orders'));
  await client.query(`COPY orders FROM ${sqlString(csv)} WITH (FORMAT csv, HEADER)`);
  await client.query('VACUUM ANALYZE orders');
  rmSync(csv, { force: true });
  return duckdbVersion;
}

/** Run the source-impact benchmark and return its result file. */
export async function runCdcSourceImpact(ctx: BenchContext): Promise<MeasuredInput> {
  const reason = ctx.postgres ? postgresUnavailableReason() : 'disabled with --no-postgres';
  if (reason) throw new BenchmarkSkipped(`PostgreSQL was not measured: ${reason}`);
  const started = start();
  const { sourceImpact: sizes, plan } = ctx.sizes;
  const pgbench = join(findPostgresBin()!, 'pgbench');
  const pgDir = mkdtempSync(join(tmpdir(), 'blueprint-pg-'));
  let server: TempPostgres | undefined;
  const clients: pg.Client[] = [];
  try {
    server = startTempPostgres(pgDir, { wal_level: 'logical' });
    const [control, worker, sampler] = [
      await connect(server),
      await connect(server),
      await connect(server),
    ];
    clients.push(control, worker, sampler);
    const duckdbVersion = await loadOrders(server, control, ctx, sizes.extractRows);
    ctx.log(`initialising pgbench at scale ${sizes.scale}`);
    await runPgbench(pgbench, [
      '-i',
      '-s',
      String(sizes.scale),
      '-q',
      '-h',
      server.socketDir,
      '-U',
      server.user,
      'postgres',
    ]);
    const show = async (name: string) =>
      (await control.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
    const version = await show('server_version');
    const serverSettings: string[] = [];
    for (const n of [
      'wal_level',
      'shared_buffers',
      'fsync',
      'synchronous_commit',
      'wal_sync_method',
      'max_parallel_workers_per_gather',
    ])
      serverSettings.push(`${n}=${await show(n)}`);
    const tableBytes = (
      await control.query<{ n: number }>(`SELECT pg_total_relation_size('orders')::float8 AS n`)
    ).rows[0]!.n;
    const walLsn = async () =>
      (await control.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!
        .lsn;
    // Row changes per transaction, from the script this pgbench runs (tpcb-like: three UPDATEs and one INSERT).
    const changesPerTransaction = countRowChanges(showBuiltinScript(pgbench, 'tpcb-like'));
    const load: PgbenchLoad = {
      socketDir: server.socketDir,
      user: server.user,
      database: 'postgres',
      clients: sizes.clients,
      threads: sizes.threads,
      seconds: sizes.seconds,
    };

    const runCase = async (which: SourceCase): Promise<CaseRun> => {
      if (which === 'cdc') {
        await control.query(
          `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`,
          [SLOT],
        );
        await control.query(
          `SELECT pg_create_logical_replication_slot('${SLOT}', 'test_decoding')`,
        );
      }
      const background =
        which === 'extract'
          ? startExtracts(worker)
          : which === 'cdc'
            ? startConsumer(worker, sampler)
            : undefined;
      const before = await walLsn();
      let output: { stdout: string } | undefined;
      let work: Awaited<ReturnType<Background['stop']>> | undefined;
      try {
        output = await runPgbench(pgbench, pgbenchRunArgs(load));
      } finally {
        // Stop the reader even when pgbench fails, so the connections close cleanly on the error path.
        work = await background?.stop();
      }
      const after = await walLsn();
      const walBytes = (
        await control.query<{ n: number }>(
          'SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::float8 AS n',
          [after, before],
        )
      ).rows[0]!.n;
      const summary = parsePgbenchSummary(output.stdout);
      if (summary.latencyStddevMs === undefined)
        throw new Error('pgbench printed no latency stddev although it ran with -P');
      let rows = work?.rows ?? 0;
      if (which === 'cdc') {
        // What the consumer had not read when the load stopped, then the check that it missed nothing.
        rows += (await control.query<ConsumeRow>(CONSUME_SQL)).rows[0]!.changes;
        await control.query('SELECT pg_drop_replication_slot($1)', [SLOT]);
        const expected = summary.transactions * changesPerTransaction;
        if (rows !== expected)
          throw new Error(
            `logical decoding returned ${rows} row changes; pgbench committed ${summary.transactions} transactions of ${changesPerTransaction} changes (${expected})`,
          );
      }
      if (summary.failed > 0)
        throw new Error(
          `pgbench reported ${summary.failed} failed transactions in the ${which} run`,
        );
      return { summary, walBytes, passes: work?.passes ?? 0, rows, lag: work?.lag ?? [] };
    };

    // Round-robin, as measureInterleaved does: a burst of outside load hits every case alike.
    const runs: Record<SourceCase, CaseRun[]> = { baseline: [], extract: [], cdc: [] };
    for (let i = 0; i < plan.slow.warmup + plan.slow.runs; i++) {
      for (const which of CASES) {
        const r = await runCase(which);
        ctx.log(
          `${i < plan.slow.warmup ? 'warm-up' : `run ${i - plan.slow.warmup + 1}`} ${which}: ${r.summary.tps.toFixed(1)} tps, ${r.summary.latencyAverageMs} ms average latency${which === 'baseline' ? '' : `, ${r.passes} reader passes, ${r.rows} rows`}`,
        );
        if (i >= plan.slow.warmup) runs[which].push(r);
      }
    }
    if (runs.extract.some((r) => r.passes < 1))
      throw new Error(
        'a full extract did not complete within a run; lengthen the run or shrink the table',
      );
    if (runs.cdc.some((r) => r.lag.length < 2))
      throw new Error(`fewer than two lag samples in a run of ${sizes.seconds} s`);

    const labels: Record<SourceCase, string> = {
      baseline: 'pgbench alone',
      extract: 'While full extracts run back to back',
      cdc: 'While a logical-decoding consumer reads',
    };
    const of = (which: SourceCase, pick: (r: CaseRun) => number) => runs[which].map(pick);
    const loadLine = `pgbench’s builtin TPC-B-like script (3 updates, 1 select, 1 insert per transaction) at scale ${sizes.scale}, ${sizes.clients} clients on ${sizes.threads} threads, ${sizes.seconds} s per run`;
    return buildMeasured(ctx, started, {
      id: 'cdc-source-impact',
      title: 'What extracts and CDC cost the source under load',
      summary:
        'How much throughput and latency does a busy PostgreSQL source lose while a full extract of a large table runs, against while logical decoding streams its changes, and how far does decoding fall behind?',
      scope: `A private PostgreSQL ${version} (wal_level=logical) on ${ctx.machine.cores} logical cores, with pgbench, the extracts and the consumer on the same machine, so the extract competes for CPU with pgbench itself (a real source has its own host); not Debezium, Airbyte or a network between them`,
      components: ['stream-ingestion', 'batch-ingestion'],
      tables: [
        {
          id: 'throughput',
          rowLabel: 'Source under',
          title: 'Source throughput and latency under a standard load',
          description: `${loadLine}, alone; while a full extract of a ${sizes.extractRows.toLocaleString('en-US')}-row table (${tableBytes.toLocaleString('en-US')} bytes) runs back to back (COPY to /dev/null on the server); and while a consumer reads a logical replication slot (test_decoding) continuously. Throughput and latency are pgbench’s own figures.`,
          compare: { row: 'baseline' },
          measures: [
            {
              id: 'tps',
              label: 'Transactions per second (pgbench)',
              unit: 'count',
              better: 'higher',
              ratio: true,
            },
            {
              id: 'latency',
              label: 'Average latency (pgbench)',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            {
              id: 'latency-stddev',
              label: 'Latency standard deviation (pgbench)',
              unit: 'ms',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'transactions',
              label: 'Transactions committed in the run (pgbench)',
              unit: 'count',
              better: 'higher',
              ratio: false,
            },
            {
              id: 'wal',
              label: 'WAL written during the run',
              unit: 'bytes',
              better: 'none',
              ratio: false,
            },
          ],
          rows: CASES.map((which) => ({
            id: which,
            label: labels[which],
            cells: {
              tps: runsCell(of(which, (r) => r.summary.tps)),
              latency: runsCell(of(which, (r) => r.summary.latencyAverageMs)),
              'latency-stddev': runsCell(of(which, (r) => r.summary.latencyStddevMs!)),
              transactions: runsCell(of(which, (r) => r.summary.transactions)),
              wal: runsCell(of(which, (r) => r.walBytes)),
            },
          })),
          notes: [
            'Each run is one pgbench run; the three cases take turns, so outside load hits them alike.',
          ],
        },
        {
          id: 'reader-work',
          rowLabel: 'Reader',
          title: 'What the reader got through during each run',
          description: `Per ${sizes.seconds} s run: how many full extracts completed and how many rows they copied, and how many reads of the slot the consumer made and how many row changes it decoded. The script checks that decoding returned every change pgbench committed (${changesPerTransaction} per transaction, counted in the script pgbench prints with --show-script).`,
          measures: [
            {
              id: 'passes',
              label: 'Extracts completed, or slot reads',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
            {
              id: 'rows',
              label: 'Rows copied, or row changes decoded',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
          ],
          rows: (['extract', 'cdc'] as const).map((which) => ({
            id: which,
            label: which === 'extract' ? 'Full extract, back to back' : 'Logical decoding consumer',
            cells: {
              passes: runsCell(of(which, (r) => r.passes)),
              rows: runsCell(of(which, (r) => r.rows)),
            },
          })),
          notes: [],
        },
        {
          id: 'decoding-lag',
          rowLabel: 'Consumer',
          title: 'Decoding lag under the load',
          description: `WAL the source had written that the consumer had not yet confirmed (pg_current_wal_lsn() minus the slot’s confirmed_flush_lsn), sampled every ${LAG_SAMPLE_MS} ms during each run; one figure per run.`,
          measures: [
            {
              id: 'lag-median',
              label: 'Median lag of the run',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'lag-max',
              label: 'Largest lag of the run',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
          ],
          rows: [
            {
              id: 'cdc',
              label: 'Logical decoding consumer',
              cells: {
                'lag-median': runsCell(of('cdc', (r) => median(r.lag))),
                'lag-max': runsCell(of('cdc', (r) => Math.max(...r.lag))),
              },
            },
          ],
          notes: [],
        },
      ],
      caveats: [
        `Two cores serve PostgreSQL, pgbench’s ${sizes.clients} clients and the reader together: the extract and the decoder take CPU from pgbench’s clients as well as from the server. On a real source the clients and the extract tool run elsewhere, so the loss there is the server’s share only.`,
        'The extract’s rows are formatted by the server and discarded (COPY to /dev/null): no client receives them and no network carries them. A real extract (Airbyte, a JDBC reader) also sends every row over the network.',
        'The consumer calls pg_logical_slot_get_changes with the test_decoding plugin in a loop; Debezium streams pgoutput over the replication protocol, and its lag also depends on Kafka and its own batching.',
        'While an extract runs, its snapshot keeps VACUUM from removing the row versions pgbench’s updates leave behind; here an extract lasts seconds, on a large source it lasts far longer and the bloat grows with it.',
        'The extracted table fits in memory. An extract of a table larger than memory reads from disk and evicts the source’s working set, which costs a busy source more than shown.',
        'Commits wait for the WAL to be flushed (synchronous_commit=on, fsync=on, PostgreSQL defaults), so throughput here depends on this disk’s flush latency; a source on faster storage runs more transactions and writes more WAL for the decoder to keep up with.',
      ],
      software: [
        { name: 'PostgreSQL', version },
        { name: 'pgbench', version },
        { name: 'pg (node-postgres)', version: packageVersion('pg') },
        { name: 'DuckDB', version: duckdbVersion },
      ],
      rows: sizes.extractRows,
      plan: plan.slow,
      settings: [
        {
          name: 'PostgreSQL',
          value: `initdb defaults except wal_level: ${serverSettings.join(', ')}`,
        },
        {
          name: 'Load',
          value: `${loadLine}; pgbench vacuums its tables before each run (its default)`,
        },
        {
          name: 'Full extract',
          value: `${EXTRACT_SQL}, repeated until the load ends, on its own connection`,
        },
        {
          name: 'Logical decoding',
          value: `test_decoding through pg_logical_slot_get_changes in a loop (a ${IDLE_WAIT_MS} ms pause after an empty read); slot created before each run and dropped after it`,
        },
        { name: 'Lag sampling', value: `every ${LAG_SAMPLE_MS} ms on a third connection` },
        RUN_ORDER,
      ],
    });
  } finally {
    for (const c of clients) await c.end().catch(() => undefined);
    server?.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}
