// Argument parsing and report writing shared by the scripts in scripts/audit/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The value of --name=value, or the fallback. */
export function arg(name: string, fallback: string): string {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
}

/** True when --name is given. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** The build folder and base path every audit reads: --dir and --base, else OUT_DIR and BASE_PATH. */
export function buildTarget(): { dir: string; base: string } {
  const dir = arg('dir', process.env['OUT_DIR'] ?? 'dist');
  const base = arg('base', process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  return { dir, base };
}

/** Write a JSON report, creating its folder, with a trailing newline. */
export function writeReport(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Print problems under a heading and exit non-zero, or print the success line. */
export function finish(name: string, problems: string[], ok: string): void {
  if (problems.length) {
    console.error(`\n${name}: ${problems.length} problem(s)`);
    for (const p of problems.slice(0, 40)) console.error(`  ${p}`);
    if (problems.length > 40) console.error(`  … and ${problems.length - 40} more`);
    process.exit(1);
  }
  console.log(`${name}: ${ok}`);
}
