// Facts about the machine and the checkout, recorded in every result file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname, join } from 'node:path';

/** The machine, without the load average (taken at start and end of each benchmark). */
export interface MachineFacts {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  arch: string;
  host: string;
  fileSystem?: string | undefined;
  disk?: string | undefined;
}

/** Operating system name and kernel, e.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1.0-18-amd64". */
export function describeOs(): string {
  let name = osType();
  if (existsSync('/etc/os-release')) {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) name = pretty[1]!;
  }
  return `${name}, ${osType()} ${release()}`;
}

/** CPU model, logical cores, memory, OS, architecture and host type, and the storage behind `dataDir`. */
export function collectMachine(dataDir?: string): MachineFacts {
  return {
    cpu: cpus()[0]?.model.trim() || 'unknown CPU',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    os: describeOs(),
    arch: process.arch,
    host: hostType(),
    ...(dataDir ? { fileSystem: fileSystemOf(dataDir), disk: diskOf(dataDir) } : {}),
  };
}

/** The 1, 5 and 15 minute load averages, rounded to 2 decimals (all 0 on Windows). */
export function loadAverage(): [number, number, number] {
  const [a = 0, b = 0, c = 0] = loadavg().map((n) => Math.round(n * 100) / 100);
  return [a, b, c];
}

/** Clock ticks (USER_HZ) from /proc: the whole machine's busy and total time, and this run's own CPU time. */
export interface CpuSample {
  machineBusy: number;
  machineTotal: number;
  own: number;
}

/**
 * Busy and total ticks summed over all CPUs from /proc/stat's first line. Idle and iowait are idle;
 * guest time is already inside user time, so it is left out to avoid counting it twice.
 */
export function parseProcStat(text: string): { busy: number; total: number } | undefined {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** A process's parent and CPU ticks from /proc/<pid>/stat: its own user and system time and that of the children it has reaped. */
export function parseProcessStatFields(text: string): { ppid: number; ticks: number } | undefined {
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" are fixed.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), rest[1] field 4 (ppid); utime, stime, cutime and cstime (fields 14-17) are rest[11..14].
  const ppid = Number(rest[1]);
  const ticks = rest.slice(11, 15).map(Number);
  if (!Number.isInteger(ppid) || ticks.length !== 4 || !ticks.every(Number.isFinite))
    return undefined;
  return { ppid, ticks: ticks.reduce((a, b) => a + b, 0) };
}

/** A process's CPU ticks (see parseProcessStatFields). */
export function parseProcessStat(text: string): number | undefined {
  return parseProcessStatFields(text)?.ticks;
}

/**
 * CPU ticks of a process and all its live descendants. A child that exited is already inside its
 * parent's reaped-children time, so nothing is counted twice.
 */
export function processTreeTicks(
  processes: ReadonlyMap<number, { ppid: number; ticks: number }>,
  root: number,
): number {
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += processes.get(pid)?.ticks ?? 0;
    for (const [child, p] of processes) if (p.ppid === pid) queue.push(child);
  }
  return total;
}

/** Every process's parent and ticks from /proc; empty where /proc cannot be read. */
function readProcesses(): Map<number, { ppid: number; ticks: number }> {
  const out = new Map<number, { ppid: number; ticks: number }>();
  let names: string[];
  try {
    names = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return out;
  }
  for (const name of names) {
    try {
      const fields = parseProcessStatFields(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (fields) out.set(Number(name), fields);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

/**
 * Servers a benchmark started (PostgreSQL): their CPU and that of their backends counts as the
 * benchmark's own, while they run and after they stop.
 */
const liveServers = new Set<number>();
let stoppedServerTicks = 0;

/** Count a server's process tree as the benchmark's own from now on: call once it has started. */
export function trackServer(pid: number): void {
  liveServers.add(pid);
}

/** Keep a server's CPU so far as the benchmark's own: call just before stopping it. */
export function untrackServer(pid: number): void {
  if (!liveServers.delete(pid)) return;
  stoppedServerTicks += processTreeTicks(readProcesses(), pid);
}

/** The machine's and this process's CPU ticks now, or undefined where /proc is not readable. */
export function sampleCpu(): CpuSample | undefined {
  try {
    const machine = parseProcStat(readFileSync('/proc/stat', 'utf8'));
    const own = parseProcessStat(readFileSync('/proc/self/stat', 'utf8'));
    if (!machine || own === undefined) return undefined;
    const processes = liveServers.size ? readProcesses() : new Map();
    const servers = [...liveServers].reduce(
      (sum, pid) => sum + processTreeTicks(processes, pid),
      stoppedServerTicks,
    );
    return { machineBusy: machine.busy, machineTotal: machine.total, own: own + servers };
  } catch {
    return undefined;
  }
}

/**
 * Cores' worth of CPU that other processes used between two samples: the machine's busy share of
 * all cores, less this run's own time (its threads, the tools it waited for and the servers it
 * started). Rounded to 2 decimals and never below 0 (ticks are sampled at slightly different times).
 */
export function otherCpuCores(from: CpuSample, to: CpuSample, cores: number): number | undefined {
  const total = to.machineTotal - from.machineTotal;
  if (total <= 0) return undefined;
  const other = to.machineBusy - from.machineBusy - (to.own - from.own);
  return Math.max(0, Math.round((other / total) * cores * 100) / 100);
}

/** Where results are written; excluded from the dirty check, since a run writes there itself. */
export const RESULTS_DIR = 'content/benchmarks';

/** The uncommitted paths in `git status --porcelain` output, one per line, with their status letters. */
export function parseDirtyPaths(porcelain: string): string[] {
  return porcelain.split('\n').filter((line) => line.trim().length > 0);
}

/**
 * The checked-out commit, whether the tooling has uncommitted changes and which paths; read once
 * per run. content/benchmarks/ is left out: otherwise a run would mark itself dirty after writing
 * its first result. "unknown" outside git, which the publishing gate treats as dirty.
 */
export function gitCommit(cwd = process.cwd()): {
  sha: string;
  dirty: boolean;
  dirtyPaths: string[];
} {
  try {
    const run = (args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const sha = run(['rev-parse', 'HEAD']).trim();
    const dirtyPaths = parseDirtyPaths(
      run([
        'status',
        '--porcelain',
        '--untracked-files=all',
        '--',
        '.',
        `:(exclude)${RESULTS_DIR}`,
      ]),
    );
    return { sha, dirty: dirtyPaths.length > 0, dirtyPaths };
  } catch {
    return { sha: 'unknown', dirty: true, dirtyPaths: ['(not a git checkout)'] };
  }
}

/** Read a one-line file, or undefined when it is missing or unreadable (e.g. /sys on macOS). */
function readLine(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** VM or host type from /sys/class/dmi/id, e.g. "Amazon EC2 c6a.large" or "QEMU Standard PC (i440FX + PIIX, 1996)". */
export function hostType(dmi = '/sys/class/dmi/id'): string {
  const vendor = readLine(join(dmi, 'sys_vendor'));
  const product = readLine(join(dmi, 'product_name'));
  const parts = [vendor, product && product !== vendor ? product : undefined].filter(Boolean);
  return parts.length ? parts.join(' ') : 'unknown (no readable /sys/class/dmi/id)';
}

/** The block device holding a directory and what it is, e.g. "/dev/sda1 (QEMU HARDDISK, rotational)". */
export function diskOf(dir: string): string | undefined {
  try {
    const source = execFileSync('findmnt', ['-n', '-o', 'SOURCE', '--target', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (!source.startsWith('/dev/')) return source || undefined;
    // The partition's parent disk carries the model and whether it spins.
    const disk =
      execFileSync('lsblk', ['-no', 'PKNAME', source], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || source.replace('/dev/', '');
    const model = readLine(`/sys/block/${disk}/device/model`);
    const rotational = readLine(`/sys/block/${disk}/queue/rotational`);
    const kind =
      rotational === undefined
        ? undefined
        : rotational === '1'
          ? 'rotational'
          : 'non-rotational (SSD or virtual)';
    const about = [model, kind].filter(Boolean).join(', ');
    return about ? `${source} (${about})` : source;
  } catch {
    return undefined;
  }
}

const require = createRequire(import.meta.url);

/** Installed version of an npm package, read from its package.json. */
export function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** File system type of a directory (e.g. "ext4", "tmpfs"): findmnt's name, else what `stat -f` can tell (it says "ext2/ext3" for ext4). */
export function fileSystemOf(dir: string): string | undefined {
  for (const [cmd, args] of [
    ['findmnt', ['-n', '-o', 'FSTYPE', '--target', dir]],
    ['stat', ['-f', '-c', '%T', dir]],
  ] as const) {
    try {
      const type = execFileSync(cmd, [...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (type) return type;
    } catch {
      // Try the next tool; neither exists on every system.
    }
  }
  return undefined;
}
