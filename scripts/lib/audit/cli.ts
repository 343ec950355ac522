// Options and report writing shared by the scripts in scripts/audit/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCommandLine, type OptionSpec } from '../cli.ts';

/** The build folder and base path every audit reads: --dir and --base, else OUT_DIR and BASE_PATH. */
const BUILD_OPTIONS = {
  dir: {
    type: 'string',
    default: process.env['OUT_DIR'] ?? 'dist',
    help: 'build folder (default OUT_DIR or dist)',
  },
  base: {
    type: 'string',
    default: process.env['BASE_PATH'] ?? '/',
    help: 'base path the site is built for (default BASE_PATH or /)',
  },
} as const satisfies Record<string, OptionSpec>;

/** Parse an audit's command line: the build options plus its own; `base` always ends in "/". */
export function parseAuditCommand<O extends Record<string, OptionSpec>>(
  command: string,
  summary: string,
  options: O,
) {
  const { values } = parseCommandLine({
    command,
    summary,
    options: { ...BUILD_OPTIONS, ...options },
  });
  return {
    ...values,
    dir: values.dir as string,
    base: (values.base as string).replace(/\/?$/, '/'),
  };
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
