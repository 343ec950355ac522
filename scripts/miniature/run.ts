// `npm run miniature`: the platform's batch path in miniature, on one laptop, with only Node.
// Parses the command line and calls src/lib/miniature; see --help.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { checkRunDays, parseCliArgs, USAGE } from '../../src/lib/miniature/cli-args.ts';
import { listDays, MiniatureConfigSchema } from '../../src/lib/miniature/config.ts';
import { describeMachine, describeTools } from '../../src/lib/miniature/environment.ts';
import { runCleanups, SIGNAL_EXIT_CODES } from '../../src/lib/miniature/interrupt.ts';
import { getLayout } from '../../src/lib/miniature/layout.ts';
import { formatSummary } from '../../src/lib/miniature/report.ts';
import { runMiniature } from '../../src/lib/miniature/run-miniature.ts';
import { buildSummary } from '../../src/lib/miniature/summary.ts';

/** A path relative to the working directory when inside it, absolute otherwise. */
function toDisplayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
}

// Interrupted (Ctrl-C, a CI timeout, kill): stop the PostgreSQL server the run started, remove
// its folder and the lake's unfinished files, then exit as a shell expects of that signal.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(
      `miniature: interrupted by ${signal}; stopping the source and removing unfinished files`,
    );
    for (const problem of runCleanups((note) => console.error(`miniature: cleanup: ${note}`)))
      console.error(`miniature: cleanup failed: ${problem}`);
    process.exit(SIGNAL_EXIT_CODES[signal]);
  });
}

try {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const fresh = args.days === null;
  // A run of chosen days checks them against the lake's stored settings (in runMiniature).
  const known = fresh ? listDays(MiniatureConfigSchema.parse(args.config)) : args.days!;
  checkRunDays(args, known);
  const days = fresh ? known.filter((d) => !args.skip.includes(d)) : known;
  const layout = getLayout(args.out);
  const run = await runMiniature({
    root: args.out,
    config: Object.keys(args.config).length ? args.config : undefined,
    source: args.source,
    cdc: args.cdc,
    eraseCustomer: args.eraseCustomer ?? undefined,
    days,
    fresh,
    hold: args.hold,
    corrupt: args.corrupt ?? undefined,
    override: args.override ?? undefined,
    contractReviewed: args.contractReviewed,
    verifyRerun: fresh && args.rerunCheck,
    onProgress: (line) => console.log(line),
  });
  const cpu = process.cpuUsage();
  // --summary only says where the file goes; leaving it out keeps the recorded command honest.
  const shown = process.argv.slice(2).filter((a) => !a.startsWith('--summary='));
  const summary = buildSummary(run, {
    command: ['npm run miniature', ...(shown.length ? ['--', ...shown] : [])].join(' '),
    date: new Date().toISOString(),
    machine: describeMachine(),
    versions: describeTools(),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    lineageFile: toDisplayPath(layout.lineageFile),
  });
  const summaryFile = args.summary ?? layout.summaryFile;
  mkdirSync(dirname(summaryFile), { recursive: true });
  writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(formatSummary(summary, { lake: join(args.out, 'lake'), summary: summaryFile }));
  const erased = [summary.erasure, ...(summary.erasedChecks ?? [])].every(
    (e) => !e || Object.values(e.remaining).every((n) => n === 0),
  );
  process.exit(
    summary.days.every((d) => d.status !== 'stopped') &&
      (summary.rerun?.unchanged ?? true) &&
      erased
      ? 0
      : 1,
  );
} catch (error) {
  console.error(`miniature: ${(error as Error).message}`);
  process.exit(2);
}
