// The shop's database played by PostgreSQL from the operating system (Debian's postgresql
// package): a throwaway cluster in a temporary folder, reachable only through a Unix socket,
// started for the run and removed after it. initdb refuses to run as root, so as root the
// commands run as the `postgres` user through runuser.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Timeline } from './generate.ts';
import { registerCleanup } from './interrupt.ts';
import { bindPsqlVariables, readSql, toSubquery } from './sql-files.ts';
import { EXTRACT_QUERIES, toAdvanceVariables, type Source } from './source.ts';
import { toCustomerVersionsCsv, toOrderVersionsCsv } from './timeline-csv.ts';

/** Where PostgreSQL's programs are and which user runs them, or why it cannot run here. */
export type PostgresLocation =
  | { ok: true; binDir: string; runAs: string | null }
  | { ok: false; reason: string };

/** Find a folder holding initdb, pg_ctl and psql: PG_BIN_DIR, Debian's layout, then PATH. */
function findBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env['PG_BIN_DIR']) candidates.push(process.env['PG_BIN_DIR']);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  candidates.push(...(process.env['PATH'] ?? '').split(delimiter));
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'psql'].every((p) => existsSync(join(dir, p)))) ?? null;
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
    return { ok: false, reason: 'PostgreSQL is not installed (no initdb, pg_ctl and psql found in PG_BIN_DIR, /usr/lib/postgresql/*/bin or PATH); install it (apt-get install postgresql) or use --source=duckdb' };
  }
  if (process.getuid?.() !== 0) return { ok: true, binDir, runAs: null };
  const hasUser = exec('id', ['-u', 'postgres']).status === 0;
  const hasRunuser = exec('runuser', ['--version']).status === 0;
  if (!hasUser || !hasRunuser) {
    return { ok: false, reason: 'running as root, which initdb refuses, and there is no postgres user and runuser to run it as; run as an ordinary user or use --source=duckdb' };
  }
  return { ok: true, binDir, runAs: 'postgres' };
}

/** Start a throwaway cluster, create the shop's tables and load the timeline. */
export async function createPostgresSource(
  timeline: Timeline,
  location: Extract<PostgresLocation, { ok: true }>,
): Promise<Source> {
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
      throw new Error(`PostgreSQL source: ${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr || result.error?.message}`);
    }
    return result.stdout;
  };
  const psqlArgs = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-U', 'shop', '-d', 'postgres'];
  const psql = (input: string, variables: Readonly<Record<string, string>> = {}): string =>
    run(bin('psql'), [...psqlArgs, ...Object.entries(variables).flatMap(([k, v]) => ['-v', `${k}=${v}`])], input);

  let started = false;
  // Synchronous, so that it can also run from a signal handler (see interrupt.ts).
  const stop = () => {
    if (started) run(bin('pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', '-s', 'stop']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = registerCleanup(stop);
  const close = async () => {
    unregister();
    stop();
  };
  try {
    run(bin('initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'shop', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run(bin('pg_ctl'), ['-D', join(dir, 'data'), '-o', `-k ${dir} -c listen_addresses='' -c fsync=off`, '-w', '-s', '-l', join(dir, 'server.log'), 'start']);
    started = true;
    // One psql session for the schema and both loads: every process start costs, more so
    // through runuser.
    psql([
      readSql('source-schema'),
      `COPY sim.customer_versions FROM STDIN WITH (FORMAT csv, HEADER);\n${toCustomerVersionsCsv(timeline.customers)}\\.`,
      `COPY sim.order_versions FROM STDIN WITH (FORMAT csv, HEADER);\n${toOrderVersionsCsv(timeline.orders)}\\.`,
      '',
    ].join('\n'));
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
      psql(readSql('source-advance'), toAdvanceVariables(clock, to));
      clock = to;
    },
    async extract(table, variables) {
      const sql = readSql(EXTRACT_QUERIES[table]);
      // Bind once in JavaScript only to check every variable is given; psql does the real work.
      bindPsqlVariables(sql, variables);
      return psql(`COPY (\n${toSubquery(sql)}\n) TO STDOUT WITH (FORMAT csv, HEADER);\n`, variables);
    },
    close,
  };
}
