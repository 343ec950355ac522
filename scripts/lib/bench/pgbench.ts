// pgbench, PostgreSQL's own load generator: its command line and the summary it prints at the end of
// a run, read as printed, so the figures are pgbench's own, not recomputed here.
import { spawn, spawnSync } from 'node:child_process';

/** What pgbench reports at the end of a run. */
export interface PgbenchSummary {
  /** e.g. "<builtin: TPC-B (sort of)>". */
  transactionType: string;
  scale: number;
  clients: number;
  threads: number;
  /** Seconds of the run (-T). */
  durationSeconds: number;
  /** Transactions completed within the run. */
  transactions: number;
  /** Transactions that failed (serialization or deadlock errors, retried or not). */
  failed: number;
  /** Transactions per second, without the initial connection time. */
  tps: number;
  latencyAverageMs: number;
  /** Printed only with progress reports (-P) or a rate limit; undefined otherwise. */
  latencyStddevMs: number | undefined;
}

/**
 * Read pgbench's summary. Every figure the benchmark needs must be there, else the error quotes
 * what is missing and the text it got (e.g. pgbench stopped on a connection error).
 */
export function parsePgbenchSummary(text: string): PgbenchSummary {
  const find = (label: string, pattern: RegExp): string => {
    const m = pattern.exec(text);
    if (!m)
      throw new Error(
        `pgbench output: expected a line "${label}"; got:\n${text.trim().slice(0, 600)}`,
      );
    return m[1]!;
  };
  const num = (label: string, pattern: RegExp) => {
    const raw = find(label, pattern);
    const n = Number(raw);
    if (!Number.isFinite(n))
      throw new Error(`pgbench output: "${label}" is not a number: "${raw}"`);
    return n;
  };
  const stddev = /^latency stddev = ([\d.]+) ms$/m.exec(text);
  return {
    transactionType: find('transaction type: …', /^transaction type: (.+)$/m),
    scale: num('scaling factor: N', /^scaling factor: (\d+)$/m),
    clients: num('number of clients: N', /^number of clients: (\d+)$/m),
    threads: num('number of threads: N', /^number of threads: (\d+)$/m),
    durationSeconds: num('duration: N s', /^duration: (\d+) s$/m),
    transactions: num(
      'number of transactions actually processed: N',
      /^number of transactions actually processed: (\d+)(?:\/\d+)?$/m,
    ),
    // pgbench 15 prints failures; older versions did not, and then none were counted.
    failed: /^number of failed transactions: /m.test(text)
      ? num('number of failed transactions: N (…%)', /^number of failed transactions: (\d+) /m)
      : 0,
    tps: num(
      'tps = N (without initial connection time)',
      /^tps = ([\d.]+) \(without initial connection time\)$/m,
    ),
    latencyAverageMs: num('latency average = N ms', /^latency average = ([\d.]+) ms$/m),
    latencyStddevMs: stddev ? Number(stddev[1]) : undefined,
  };
}

/** How a load runs: the builtin TPC-B-like script against a database on a Unix socket. */
export interface PgbenchLoad {
  socketDir: string;
  user: string;
  database: string;
  clients: number;
  threads: number;
  seconds: number;
}

/** pgbench's arguments for a timed run of the builtin TPC-B-like script; -P over the whole run makes it print the latency stddev. */
export function pgbenchRunArgs(load: PgbenchLoad): string[] {
  return [
    '-h',
    load.socketDir,
    '-U',
    load.user,
    '-c',
    String(load.clients),
    '-j',
    String(load.threads),
    '-T',
    String(load.seconds),
    '-P',
    String(load.seconds),
    load.database,
  ];
}

/** Run pgbench without blocking the event loop (other work runs beside it); rejects with its output when it fails. */
export function runPgbench(
  binary: string,
  args: ReadonlyArray<string>,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${stderr.trim().slice(-600)}`),
        );
    });
  });
}

/** Row changes one run of a pgbench script makes: its INSERT, UPDATE and DELETE statements (one row each in the builtin scripts). */
export function countRowChanges(script: string): number {
  return script.split('\n').filter((line) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(line)).length;
}

/** The text of a builtin script as this pgbench prints it (--show-script writes to stderr). */
export function showBuiltinScript(binary: string, name: string): string {
  const r = spawnSync(binary, [`--show-script=${name}`], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stderr.includes(name))
    throw new Error(
      `pgbench --show-script=${name} failed (exit ${r.status}): ${(r.stderr || r.stdout || '').trim().slice(0, 300)}`,
    );
  return r.stderr;
}
