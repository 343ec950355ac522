// A throw-away PostgreSQL server for the row-store benchmark, started from the machine's own
// binaries (Debian's postgresql package) on a Unix socket in a temp dir; never a shared server.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { trackServer, untrackServer } from './environment.ts';
import { join } from 'node:path';

/** Where PostgreSQL's server binaries are, or undefined when it is not installed. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['PG_BIN'] && existsSync(join(env['PG_BIN'], 'initdb'))) return env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (env['PATH'] ?? '').split(':'))
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return undefined;
}

/** The uid/gid of a user, or undefined when it does not exist. */
function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim(),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim(),
    );
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** The command line that runs a PostgreSQL binary: directly, or as the postgres user when we are root (initdb refuses root). */
export function pgCommand(
  bin: string,
  tool: string,
  args: string[],
  isRoot: boolean,
): [string, string[]] {
  return isRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
    : [join(bin, tool), args];
}

/** A running temporary server. */
export interface TempPostgres {
  /** Directory of the Unix socket; connect with host = this path. */
  socketDir: string;
  /** A directory the server can read files from (for COPY ... FROM). */
  shareDir: string;
  user: string;
  stop: () => void;
}

/** Why PostgreSQL cannot run here, or undefined when it can. */
export function postgresUnavailableReason(): string | undefined {
  if (!findPostgresBin())
    return 'PostgreSQL server binaries not found (set PG_BIN or install postgresql)';
  if (process.getuid?.() === 0 && !userIds('postgres'))
    return 'running as root and there is no "postgres" user for initdb';
  return undefined;
}

/** Create a cluster in `dir` and start it on a socket there; stop() shuts it down. `settings` are extra server settings, e.g. { wal_level: 'logical' }. */
export function startTempPostgres(
  dir: string,
  settings: Record<string, string> = {},
): TempPostgres {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailableReason());
  const isRoot = process.getuid?.() === 0;
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  if (isRoot) {
    const ids = userIds('postgres');
    if (!ids) throw new Error(postgresUnavailableReason());
    chownSync(dir, ids.uid, ids.gid);
  }
  const data = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = pgCommand(bin, tool, args, isRoot);
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const user = isRoot ? 'postgres' : (process.env['USER'] ?? 'postgres');
  run('initdb', ['-D', data, '-A', 'trust', '-U', user, '--no-sync', '-E', 'UTF8', '--locale=C']);
  const extra = Object.entries(settings).map(([name, value]) => {
    if (!/^[a-z_.]+$/.test(name) || !/^[\w.]+$/.test(value))
      throw new Error(`PostgreSQL setting ${name}=${value}: expected a plain name and value`);
    return ` -c ${name}=${value}`;
  });
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    `-k ${dir} -c listen_addresses=''${extra.join('')}`,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  // The postmaster and its backends do the benchmark's work: their CPU is the run's own, not other processes'.
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) trackServer(pid);
  let stopped = false;
  return {
    socketDir: dir,
    shareDir: dir,
    user,
    stop: () => {
      if (stopped) return;
      stopped = true;
      untrackServer(pid);
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
  };
}
