// The shop's database played by PostgreSQL from the operating system (Debian's postgresql
// package): a throwaway cluster in a temporary folder, reachable only through a Unix socket,
// started for the run and removed after it. initdb refuses to run as root, so as root the
// commands run as the `postgres` user through runuser.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Timeline } from './generate.ts';
import { planAdvance } from './evolution.ts';
import { registerCleanup } from './interrupt.ts';
import { bindPsqlVariables, readSql, toSubquery } from './sql-files.ts';
import { CDC_SLOT, EXTRACT_QUERIES, toAdvanceVariables, type Source } from './source.ts';
import { parseCopyRows } from './test-decoding.ts';
import { toCustomerVersionsCsv, toOrderDeletesCsv, toOrderVersionsCsv } from './timeline-csv.ts';

/** Where PostgreSQL's programs are and which user runs them, or why it cannot run here. */
export type PostgresLocation =
  { ok: true; binDir: string; runAs: string | null } | { ok: false; reason: string };

/** Find a folder holding initdb, pg_ctl and psql: PG_BIN_DIR, Debian's layout, then PATH. */
function findBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env['PG_BIN_DIR']) candidates.push(process.env['PG_BIN_DIR']);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  candidates.push(...(process.env['PATH'] ?? '').split(delimiter));
  return (
    candidates.find((dir) => ['initdb', 'pg_ctl', 'psql'].every((p) => existsSync(join(dir, p)))) ??
    null
  );
}

/** Run a command and return its exit status and output. */
function exec(command: string, args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout ?? '' };
}

/** Decide whether PostgreSQL can run here, and as whom. */
export function findPostgres(): PostgresLocation {
  const binDir = findBinDir();
  if (!binDir) {
    return {
      ok: false,
      reason:
        'PostgreSQL is not installed (no initdb, pg_ctl and psql found in PG_BIN_DIR, /usr/lib/postgresql/*/bin or PATH); install it (apt-get install postgresql) or use --source=duckdb',
    };
  }
  if (process.getuid?.() !== 0) return { ok: true, binDir, runAs: null };
  const hasUser = exec('id', ['-u', 'postgres']).status === 0;
  const hasRunuser = exec('runuser', ['--version']).status === 0;
  if (!hasUser || !hasRunuser) {
    return {
      ok: false,
      reason:
        'running as root, which initdb refuses, and there is no postgres user and runuser to run it as; run as an ordinary user or use --source=duckdb',
    };
  }
  return { ok: true, binDir, runAs: 'postgres' };
}

/**
 * Start a throwaway cluster, create the shop's tables and load the timeline. With `cdc`, the
 * server runs with wal_level=logical, the shop's writes are replayed one transaction each
 * (source-cdc.sql) and a logical replication slot (test_decoding) records them from the start.
 */
export async function createPostgresSource(
  timeline: Timeline,
  location: Extract<PostgresLocation, { ok: true }>,
  options: { cdc?: boolean } = {},
): Promise<Source> {
  const cdc = options.cdc ?? false;
  const dir = mkdtempSync(join(tmpdir(), 'miniature-pg-'));
  if (location.runAs) {
    const uid = Number(exec('id', ['-u', location.runAs]).stdout);
    const gid = Number(exec('id', ['-g', location.runAs]).stdout);
    chownSync(dir, uid, gid);
  }
  const bin = (name: string) => join(location.binDir, name);
  const run = (command: string, args: string[], input?: string): string => {
    const [cmd, argv] = location.runAs
      ? ['runuser', ['-u', location.runAs, '--', command, ...args]]
      : [command, args];
    const result = spawnSync(cmd, argv, {
      cwd: dir,
      input: input ?? '',
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, PGTZ: 'UTC', PGOPTIONS: '-c TimeZone=UTC' },
    });
    if (result.status !== 0) {
      throw new Error(
        `PostgreSQL source: ${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr || result.error?.message}`,
      );
    }
    return result.stdout;
  };
  const psqlArgs = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-U', 'shop', '-d', 'postgres'];
  const psql = (input: string, variables: Readonly<Record<string, string>> = {}): string =>
    run(
      bin('psql'),
      [...psqlArgs, ...Object.entries(variables).flatMap(([k, v]) => ['-v', `${k}=${v}`])],
      input,
    );

  let started = false;
  let slot = false;
  // Synchronous, so that it can also run from a signal handler (see interrupt.ts). The slot is
  // dropped before the server stops: on a server that lives on, a forgotten slot keeps every WAL
  // segment from its position on, until the disk fills. Here the server goes too, but the run
  // cleans up as it would have to on a shared one, and checks that no slot is left.
  const stop = (): string | void => {
    let note: string | void = undefined;
    try {
      if (started && slot) {
        const out = run(bin('psql'), [
          ...psqlArgs,
          '-At',
          '-c',
          `SELECT pg_drop_replication_slot('${CDC_SLOT}')`,
          '-c',
          'SELECT count(*) FROM pg_replication_slots',
        ]);
        const left = out.trim().split('\n').at(-1);
        slot = false;
        if (left !== '0')
          throw new Error(
            `PostgreSQL source: ${left} replication slots left after dropping ${CDC_SLOT}`,
          );
        note = `replication slot ${CDC_SLOT} dropped, 0 slots left on the server`;
      }
    } finally {
      if (started) run(bin('pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', '-s', 'stop']);
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
    return note;
  };
  const unregister = registerCleanup(stop);
  const close = async () => {
    unregister();
    return stop();
  };
  try {
    run(bin('initdb'), [
      '-D',
      join(dir, 'data'),
      '-A',
      'trust',
      '-U',
      'shop',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    // CDC: logical decoding needs wal_level=logical and a slot. synchronous_commit stays on:
    // pg_logical_slot_get_changes decodes only WAL that has been flushed, so with it off the last
    // commits before a read could be missing from that day's log and arrive with the next one.
    const logical = cdc ? ' -c wal_level=logical -c max_replication_slots=1' : '';
    run(bin('pg_ctl'), [
      '-D',
      join(dir, 'data'),
      '-o',
      `-k ${dir} -c listen_addresses='' -c fsync=off${logical}`,
      '-w',
      '-s',
      '-l',
      join(dir, 'server.log'),
      'start',
    ]);
    started = true;
    // One psql session for the schema and both loads: every process start costs, more so
    // through runuser.
    psql(
      [
        readSql('source-schema'),
        `COPY sim.customer_versions FROM STDIN WITH (FORMAT csv, HEADER);\n${toCustomerVersionsCsv(timeline.customers)}\\.`,
        `COPY sim.order_versions FROM STDIN WITH (FORMAT csv, HEADER);\n${toOrderVersionsCsv(timeline.orders)}\\.`,
        ...(cdc
          ? [
              readSql('source-cdc'),
              `COPY sim.order_deletes FROM STDIN WITH (FORMAT csv, HEADER);\n${toOrderDeletesCsv(timeline.orderDeletes)}\\.`,
              // Created after the load, so the slot starts with the application's first write.
              `SELECT 1 FROM pg_create_logical_replication_slot('${CDC_SLOT}', 'test_decoding');`,
            ]
          : []),
        '',
      ].join('\n'),
    );
    slot = cdc;
  } catch (error) {
    await close();
    throw error;
  }
  const serverVersion = run(bin('psql'), [...psqlArgs, '-At', '-c', 'SHOW server_version']);
  const version = `PostgreSQL ${serverVersion.trim().split(' ')[0] ?? 'unknown'}`;
  let clock = 0;
  return {
    kind: 'postgres',
    namespace: 'postgres://localhost',
    version,
    get clock() {
      return clock;
    },
    async advanceTo(to) {
      if (to <= clock) return;
      if (cdc)
        psql(`CALL sim.replay(:'clock_from', :'clock_to');\n`, toAdvanceVariables(clock, to));
      else
        for (const step of planAdvance(clock, to, timeline.releaseAt))
          psql(readSql(step.file), step.variables);
      clock = to;
    },
    ...(cdc
      ? {
          async readChanges() {
            // skip-empty-xacts: no BEGIN/COMMIT pairs for transactions without row changes.
            const text = psql(
              `COPY (SELECT lsn, data FROM pg_logical_slot_get_changes('${CDC_SLOT}', NULL, NULL, 'skip-empty-xacts', '1', 'include-xids', '0')) TO STDOUT;\n`,
            );
            const endLsn = run(bin('psql'), [
              ...psqlArgs,
              '-At',
              '-c',
              `SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = '${CDC_SLOT}'`,
            ]).trim();
            return { rows: parseCopyRows(text), endLsn };
          },
        }
      : {}),
    async extract(table, variables) {
      const sql = readSql(EXTRACT_QUERIES[table]);
      // Bind once in JavaScript only to check every variable is given; psql does the real work.
      bindPsqlVariables(sql, variables);
      return psql(
        `COPY (\n${toSubquery(sql)}\n) TO STDOUT WITH (FORMAT csv, HEADER);\n`,
        variables,
      );
    },
    close,
  };
}
