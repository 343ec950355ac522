// Facts about the machine and the checkout, recorded in every result file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** CPU model, logical cores, memory, OS and architecture of this machine. */
export function collectMachine(): MachineFacts {
  return {
    cpu: cpus()[0]?.model.trim() || 'unknown CPU',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    os: describeOs(),
    arch: process.arch,
  };
}

/** The 1, 5 and 15 minute load averages, rounded to 2 decimals (all 0 on Windows). */
export function loadAverage(): [number, number, number] {
  const [a = 0, b = 0, c = 0] = loadavg().map((n) => Math.round(n * 100) / 100);
  return [a, b, c];
}

/** The checked-out commit and whether the tree has uncommitted changes; "unknown" outside git. */
export function gitCommit(cwd = process.cwd()): { sha: string; dirty: boolean } {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { sha, dirty: status.trim().length > 0 };
  } catch {
    return { sha: 'unknown', dirty: false };
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

/** File system type of a directory (e.g. "ext4", "tmpfs"), where `stat -f` can tell. */
export function fileSystemOf(dir: string): string | undefined {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
