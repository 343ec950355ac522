// Arguments of `npm run miniature`, parsed into run options. Pure, so the error messages are
// pinned in tests.
import { DataError } from '../errors/format-issues.ts';
import { DaySchema, type MiniatureConfig, MiniatureConfigSchema } from './config.ts';
import { CORRUPTION_KINDS, type CorruptionKind } from './landing.ts';
import { GATES, type GateName } from './gates.ts';
import type { SourceKind } from './source.ts';

/** What the command line asked for. */
export interface CliArgs {
  help: boolean;
  /** Output folder. Default `.miniature`. */
  out: string;
  /** Summary file. Default `<out>/run-summary.json`. */
  summary: string | null;
  config: Partial<MiniatureConfig>;
  source: SourceKind | 'auto';
  /** Capture orders with log-based CDC from PostgreSQL's write-ahead log. Default false. */
  cdc: boolean;
  /** Erase this customer from every zone at the end of a fresh run. Default none. */
  eraseCustomer: number | null;
  /** Run only these days against the existing lake (a rerun or a backfill). */
  days: string[] | null;
  /** Leave these days out of a fresh run, to backfill them later with --day. */
  skip: string[];
  /** Ingest these days on schedule in a fresh run but hold their promotion, for --day later. */
  hold: string[];
  corrupt: { ds: string; kind: CorruptionKind } | null;
  /** Accept a day's blocking failures at one gate, for a reason recorded in ops/overrides.jsonl. */
  override: { ds: string; gate: GateName; reason: string } | null;
  /** False for --evolve=DAY:unreviewed: the contract version adding the column is not reviewed yet. Default true. */
  contractReviewed: boolean;
  /** Rerun a day at the end of a fresh run and check the lake does not change. Default true. */
  rerunCheck: boolean;
}

export const USAGE = `Usage: npm run miniature -- [options]

Runs the batch path of the platform in miniature: a synthetic shop database, batch ingestion
into landing, promotion to bronze, silver and gold with DuckDB, quality gates and OpenLineage
events. Output goes to .miniature/ (git-ignored).

  (no options)              fresh run of every day, then a rerun check of the middle day
  --day=2026-11-04[,…]      run only these days against the existing lake (rerun or backfill);
                            a backfilled day is then followed by the landed days that waited
                            for it, in order
  --skip=2026-11-04[,…]     fresh run without these days, to backfill them later with --day
  --hold=2026-11-04[,…]     fresh run that lands these days on schedule but holds their
                            promotion, to promote them later with --day
  --corrupt=DAY[:KIND]      inject bad rows into that day's orders extract; KIND is
                            bad-rows (stopped at landing_to_bronze, the default) or orphans
                            (orders of unknown customers, stopped at bronze_to_silver)
  --override=DAY:GATE:REASON  accept that day's blocking failures at GATE (landing_to_bronze,
                            bronze_to_silver or silver_to_gold) and go on; the reason and the
                            failures are recorded in lake/ops/overrides.jsonl
  --evolve=DAY[:unreviewed]  the shop adds a column to orders (channel) from DAY on; the
                            landing contract's reviewed version 1.1.0 lets it into bronze and
                            silver. With :unreviewed the run checks against 1.0.0 only, and
                            the day is stopped at landing_to_bronze; --day=DAY later, with the
                            version reviewed, promotes it and the days that waited
  --source=duckdb|postgres|auto   engine playing the shop's database (default duckdb;
                            postgres needs Debian's postgresql package)
  --cdc                     with --source=postgres: capture orders by log-based CDC instead
                            of the cursor extract (a replication slot read with test_decoding,
                            every change landed as a change log, merged into silver with
                            deletes; the shop also deletes orders); the summary counts what the
                            cursor extract would have missed. With --hold or --day it promotes
                            change logs that landed; a day whose log never landed is refused
  --erase-customer=ID       at the end of a fresh run, erase that customer and their orders
                            from every zone (landing batches are rewritten, with the erasure
                            recorded in their manifest; bronze, silver and gold publish as one
                            snapshot), then scan every file to prove nothing is left; the
                            simulated source forgets them too, so a later --day cannot bring
                            them back (every later run scans for them again)
  --days=N --customers=N --orders-per-day=N --seed=N --start=YYYY-MM-DD   size of the shop
  --out=DIR                 output folder (default .miniature); a fresh run clears only a
                            folder the miniature made, and refuses one holding other files
  --summary=FILE            where to write the run summary (default DIR/run-summary.json)
  --no-rerun-check          skip the final rerun check

A day is promoted only when every earlier day is in the lake: after a skipped, held or stopped
day, later days land and wait, and the summary lists the gaps. Silver is reconciled with a
control extract of the source every day. A day's tables publish together, by switching
lake/_current.json in one rename. Exit status: 0 when no day stopped, 1 when a gate stopped a
day, the rerun changed the lake or an erased customer's rows were found, 2 on an error, 130 or 143 when interrupted.`;

/** A positive integer option value, or an error naming the option. */
function toInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value))
    throw new DataError(`--${name}=${value}: expected a whole number, e.g. --${name}=7`);
  return Number(value);
}

/** A comma-separated list of days, each checked. */
function toDays(name: string, value: string): string[] {
  return value.split(',').map((day) => {
    const parsed = DaySchema.safeParse(day);
    if (!parsed.success)
      throw new DataError(
        `--${name}=${value}: "${day}" is not a real day written YYYY-MM-DD (${parsed.error.issues[0]!.message})`,
      );
    return day;
  });
}

/** The option that sets each size setting, for messages. */
const CONFIG_OPTIONS: Record<string, string> = {
  evolveOn: 'evolve',
  seed: 'seed',
  startDate: 'start',
  days: 'days',
  customers: 'customers',
  ordersPerDay: 'orders-per-day',
};

/** Check the size options against the config schema's bounds, naming the option. */
function checkConfigOptions(config: CliArgs['config']): void {
  const result = MiniatureConfigSchema.partial().safeParse(config);
  if (result.success) return;
  throw new DataError(
    result.error.issues
      .map((issue) => {
        const option = CONFIG_OPTIONS[String(issue.path[0])] ?? String(issue.path[0]);
        const value = config[issue.path[0] as keyof CliArgs['config']];
        const bound =
          'minimum' in issue
            ? `at least ${issue.minimum}`
            : 'maximum' in issue
              ? `at most ${issue.maximum}`
              : issue.message;
        return `--${option}=${value}: expected ${bound}`;
      })
      .join('\n'),
  );
}

/**
 * Days named by --skip, --hold and --corrupt must be days the run will touch: an option that
 * would do nothing is an error, not a silent no-op.
 */
export function checkRunDays(
  args: Pick<CliArgs, 'days' | 'skip' | 'hold' | 'corrupt'> & Partial<Pick<CliArgs, 'override'>>,
  known: readonly string[],
): void {
  const range = `this run's days are ${known[0]} to ${known.at(-1)}`;
  for (const [name, days] of [
    ['day', args.days ?? []],
    ['skip', args.skip],
    ['hold', args.hold],
  ] as const) {
    const outside = days.filter((d) => !known.includes(d));
    if (outside.length)
      throw new DataError(
        `--${name}=${days.join(',')}: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not in the run; ${range}`,
      );
  }
  for (const [name, ds] of [
    ['override', args.override?.ds],
    ['corrupt', args.corrupt?.ds],
  ] as const) {
    if (!ds) continue;
    const runs = args.days
      ? args.days.includes(ds)
      : known.includes(ds) && !args.skip.includes(ds) && !args.hold.includes(ds);
    if (!runs && name === 'override') {
      const why = args.days
        ? `it is not among --day=${args.days.join(',')}`
        : known.includes(ds)
          ? 'it is skipped or held'
          : range;
      throw new DataError(
        `--override=${ds}: that day is not promoted in this run, so the override would do nothing (${why})`,
      );
    }
  }
  if (!args.corrupt) return;
  const { ds } = args.corrupt;
  const runs = args.days ? args.days.includes(ds) : known.includes(ds) && !args.skip.includes(ds);
  if (!runs) {
    const why = args.days
      ? `it is not among --day=${args.days.join(',')}`
      : known.includes(ds)
        ? 'it is skipped'
        : range;
    throw new DataError(
      `--corrupt=${ds}: that day does not run, so nothing would be corrupted (${why})`,
    );
  }
}

/**
 * --cdc reads the WAL through a slot that lives as long as the run's private server. A landed
 * change log is the record of what the slot delivered, so promoting it again (--day on a day
 * that landed: a rerun, or a day held with --hold) needs no slot and is allowed; runMiniature
 * refuses a day whose log never landed. --skip is refused: the slot keeps every change until it
 * is read, so the next day's log would carry the skipped day's changes and there would be
 * nothing to backfill. --corrupt edits a cursor extract's columns.
 */
function checkCdcOptions(args: CliArgs): void {
  if (args.source !== 'postgres') {
    throw new DataError(
      `--cdc reads PostgreSQL's write-ahead log through a replication slot: add --source=postgres (not --source=${args.source})`,
    );
  }
  if (args.skip.length) {
    throw new DataError(
      "--cdc does not go with --skip: the replication slot keeps every change until it is read, so the next day's change log would hold the skipped day's changes and there would be no gap to backfill. Use --hold to land a day on schedule and promote it later with --day",
    );
  }
  if (args.corrupt) {
    throw new DataError(
      '--cdc does not go with --corrupt: the bad rows it injects are columns of the cursor extract, not of a change log; run --corrupt without --cdc',
    );
  }
}

/** Parse `process.argv.slice(2)`. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    help: false,
    out: '.miniature',
    summary: null,
    config: {},
    source: 'duckdb',
    cdc: false,
    eraseCustomer: null,
    days: null,
    skip: [],
    hold: [],
    corrupt: null,
    override: null,
    contractReviewed: true,
    rerunCheck: true,
  };
  for (const arg of argv) {
    const [, name = '', value = ''] = /^--([a-z-]+)(?:=(.*))?$/.exec(arg) ?? [];
    switch (name) {
      case 'help':
        args.help = true;
        break;
      case 'out':
        args.out = value;
        break;
      case 'summary':
        args.summary = value;
        break;
      case 'days':
        args.config.days = toInteger(name, value);
        break;
      case 'customers':
        args.config.customers = toInteger(name, value);
        break;
      case 'orders-per-day':
        args.config.ordersPerDay = toInteger(name, value);
        break;
      case 'seed':
        args.config.seed = toInteger(name, value);
        break;
      case 'start':
        args.config.startDate = toDays(name, value)[0]!;
        break;
      case 'day':
        args.days = toDays(name, value);
        break;
      case 'skip':
        args.skip = toDays(name, value);
        break;
      case 'hold':
        args.hold = toDays(name, value);
        break;
      case 'no-rerun-check':
        args.rerunCheck = false;
        break;
      case 'cdc':
        args.cdc = true;
        break;
      case 'evolve': {
        const [day = '', state = 'reviewed'] = value.split(':');
        if (state !== 'reviewed' && state !== 'unreviewed') {
          throw new DataError(
            `--evolve=${value}: unknown state "${state}"; expected --evolve=DAY (the contract change is reviewed) or --evolve=DAY:unreviewed`,
          );
        }
        args.config.evolveOn = toDays(name, day)[0]!;
        args.contractReviewed = state === 'reviewed';
        break;
      }
      case 'erase-customer':
        args.eraseCustomer = toInteger(name, value);
        break;
      case 'source':
        if (value !== 'duckdb' && value !== 'postgres' && value !== 'auto') {
          throw new DataError(`--source=${value}: expected duckdb, postgres or auto`);
        }
        args.source = value;
        break;
      case 'override': {
        const [day = '', gate = '', ...rest] = value.split(':');
        const reason = rest.join(':').trim();
        if (!GATES.includes(gate as GateName)) {
          throw new DataError(
            `--override=${value}: unknown gate "${gate}"; expected DAY:GATE:REASON with GATE one of ${GATES.join(', ')}`,
          );
        }
        if (!reason)
          throw new DataError(
            `--override=${value}: a reason is required, recorded with the override: --override=${day}:${gate}:"why this batch is accepted"`,
          );
        args.override = { ds: toDays(name, day)[0]!, gate: gate as GateName, reason };
        break;
      }
      case 'corrupt': {
        const [day = '', kind = 'bad-rows'] = value.split(':');
        if (!CORRUPTION_KINDS.includes(kind as CorruptionKind)) {
          throw new DataError(
            `--corrupt=${value}: unknown kind "${kind}"; expected ${CORRUPTION_KINDS.join(' or ')}`,
          );
        }
        args.corrupt = { ds: toDays(name, day)[0]!, kind: kind as CorruptionKind };
        break;
      }
      default:
        throw new DataError(
          `${arg}: unknown option. Run npm run miniature -- --help for the list.`,
        );
    }
  }
  if (args.days && (args.skip.length || args.hold.length)) {
    throw new DataError(
      '--day does not go with --skip or --hold: those shape a fresh run, --day adds to an existing one',
    );
  }
  if (args.cdc) checkCdcOptions(args);
  if (args.eraseCustomer !== null && args.days) {
    throw new DataError(
      '--erase-customer does not go with --day: the erasure ends a fresh run, after every day and the rerun check',
    );
  }
  checkConfigOptions(args.config);
  return args;
}
