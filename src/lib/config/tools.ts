import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ToolInfo } from './result.ts';

/**
 * Directory of an installed npm package, found like Node does: node_modules/<name> in the
 * current directory or a parent. Not relative to this file: the Astro build bundles this module
 * into dist/, and some packages (kubernetes-models) export no require()-able entry to resolve.
 */
export function findPackageDir(name: string, from = process.cwd()): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `npm package "${name}" is not installed (looked for node_modules/${name} from ${from})`,
      );
    dir = parent;
  }
}

/** Version of an installed npm package, read from its package.json at run time. */
export function readPackageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(findPackageDir(name), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Describe an npm package as a tool, with its installed version. */
export function npmTool(name: string, origin = 'npm'): ToolInfo {
  return { name, version: readPackageVersion(name), origin };
}

/** Output of a finished command; `code` is null when the command could not start. */
export interface CommandOutput {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not start (e.g. ENOENT). */
  error?: string;
}

/** Run a command without a shell and collect its output; never throws. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {},
): Promise<CommandOutput> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 16 << 20,
      },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
        if (err && typeof err.code === 'string') {
          resolve({ code: null, stdout, stderr, error: `${command}: ${err.code}` });
        } else {
          resolve({
            code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
            stdout,
            stderr,
          });
        }
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

const versionCache = new Map<string, Promise<string | undefined>>();

/** First version-looking token (e.g. "1.29.2") in a command's output, cached; undefined if it cannot run. */
export function readCommandVersion(command: string, args: string[]): Promise<string | undefined> {
  const key = [command, ...args].join(' ');
  let cached = versionCache.get(key);
  if (!cached) {
    cached = runCommand(command, args, { timeoutMs: 20_000 }).then((out) => {
      if (out.code !== 0) return undefined;
      return /\d+\.\d+(?:\.\d+)?/.exec(`${out.stdout}\n${out.stderr}`)?.[0];
    });
    versionCache.set(key, cached);
  }
  return cached;
}
