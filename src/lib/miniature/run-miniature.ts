// One invocation of the miniature: run the requested days in order against the lake under
// `root`, optionally check that a rerun changes nothing, and report what the lake holds.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '../errors/format-issues.ts';
import {
  loadChecks,
  selectChecks,
  withoutNewestContractVersions,
  type ChecksFile,
  type GateName,
} from './checks-schema.ts';
import { EVOLVED_COLUMN, getReleaseTime } from './evolution.ts';
import { listDays, type MiniatureConfig, MiniatureConfigSchema } from './config.ts';
import { compareWithCursor, type CdcReport } from './cdc-comparison.ts';
import { checkErased, eraseCustomer, readErasedCustomers, type ErasureReport } from './erasure.ts';
import { getDuckDbVersion, openDuck } from './duck.ts';
import { generateTimeline, withoutCustomers, type Timeline } from './generate.ts';
import { readManifest, type CorruptionKind } from './landing.ts';
import { findGapsBefore, readLakeState, type GapReason } from './lake-state.ts';
import { getLayout, type Layout } from './layout.ts';
import type { RunEvent } from './lineage.ts';
import { createLineageLog } from './lineage-log.ts';
import { openSource } from './open-source.ts';
import { prepareOutputFolder } from './output-folder.ts';
import { registerCleanup } from './interrupt.ts';
import { formatDuration } from './report.ts';
import { runDay, type DayResult } from './run-day.ts';
import { SOURCE_TABLES, type Source, type SourceKind } from './source.ts';
import { describeZones, fingerprintLake, type TableStats } from './zone-stats.ts';

/** What to run and where. */
export interface RunOptions {
  /** Output folder (the lake, lineage, summary); `.miniature` for the CLI. */
  root: string;
  /** Size and seed; omitted means the settings the lake was built with, or the defaults. */
  config?: Partial<MiniatureConfig> | undefined;
  /** Engine playing the source database. Default `duckdb`. */
  source?: SourceKind | 'auto';
  /**
   * Capture the orders with log-based CDC (PostgreSQL's WAL through a replication slot) instead
   * of the cursor extract; the shop then also hard-deletes orders. With `days` on an existing
   * lake, only days whose change logs landed (see the refusal in runMiniature).
   */
  cdc?: boolean;
  /** Days to run, in this order; default every day of the config. */
  days?: string[] | undefined;
  /** Start a new lake: clear what the miniature wrote in the output folder (see output-folder.ts). */
  fresh?: boolean;
  /** Days to ingest on schedule without promoting them (promote later with `days`). */
  hold?: string[] | undefined;
  /** Inject bad rows into one day's orders extract, to show a gate stopping it. */
  corrupt?: { ds: string; kind: CorruptionKind } | undefined;
  /** Accept one day's blocking failures at one gate, for a reason that is recorded. */
  override?: { ds: string; gate: GateName; reason: string } | undefined;
  /**
   * Whether the landing contract version that adds the release's column (--evolve, stored as
   * config.evolveOn) has been reviewed. Default true; false checks batches against the contract
   * without its newest version, as when a release ships before its contract change is reviewed.
   */
  contractReviewed?: boolean;
  /** After the days and the rerun check, erase this customer from every zone (right to erasure). */
  eraseCustomer?: number | undefined;
  /** The quality gates; default content/miniature/checks.yaml. */
  checks?: ChecksFile | undefined;
  /** After the run, rerun the middle published day and check that nothing in the lake changes. */
  verifyRerun?: boolean;
  /** Secret prefix of the e-mail hash in silver. */
  pseudonymKey?: string;
  /** Working directory that lineage dataset names are relative to. */
  cwd?: string;
  onProgress?: (line: string) => void;
}

/** A customer erased earlier, and the rows of theirs a scan of every file found after this invocation. */
export interface ErasedCheck {
  customerId: number;
  remaining: ErasureReport['remaining'];
  filesScanned: number;
}

/** A rerun of a published day and whether it left the lake as it was. */
export interface RerunCheck {
  ds: string;
  durationMs: number;
  filesWritten: number;
  /** True when every bronze, silver and gold table has the same rows as before. */
  unchanged: boolean;
}

/** What an invocation did and what the lake holds afterwards. */
export interface MiniatureRun {
  config: MiniatureConfig;
  /** The source engine, its version and how long it took to start and load, or null if unused. */
  source: { kind: SourceKind; version: string; startMs: number } | null;
  duckdbVersion: string;
  days: DayResult[];
  rerun: RerunCheck | null;
  zones: TableStats[];
  /** Days of the run that are not in the lake after this invocation, with why. */
  gaps: Array<{ ds: string; reason: GapReason }>;
  /** What the erasure of a customer removed, and the check that nothing of theirs is left. */
  erasure: ErasureReport | null;
  /** With --cdc: the slot, and what the cursor extract would have lost on each landed day. */
  cdc: CdcReport | null;
  /** Customers erased from this lake by earlier invocations, scanned for again after this one's days. */
  erasedChecks: ErasedCheck[];
  /** With --evolve: the release's day and column, and the contract versions in force. */
  evolution: { ds: string; column: string; reviewed: boolean; contractVersions: string[] } | null;
  /** Events this invocation emitted (the file holds every invocation's). */
  events: RunEvent[];
  durationMs: number;
}

/** The config a lake was built with, stored beside it so later runs extract the same data. */
function resolveConfig(
  layout: Layout,
  requested: Partial<MiniatureConfig> | undefined,
): MiniatureConfig {
  const file = join(layout.root, 'config.json');
  const stored = existsSync(file)
    ? MiniatureConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    : null;
  const config = MiniatureConfigSchema.parse({ ...stored, ...requested });
  if (stored && JSON.stringify(stored) !== JSON.stringify(config)) {
    throw new DataError(
      `${file}: the lake was built with ${JSON.stringify(stored)}, not ${JSON.stringify(config)}. ` +
        'Leave the size options out to use the stored ones, or run without --day to build a new lake with the new settings (that clears the folder).',
    );
  }
  mkdirSync(layout.root, { recursive: true });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return config;
}

/**
 * A lake's orders are captured one way for its whole life: a --cdc lake has change logs in
 * landing and a change history in bronze, which the cursor path cannot read, and its slot is
 * gone with the run's server. Stored beside the source's clock.
 */
function checkCapture(layout: Layout, fresh: boolean, cdc: boolean): void {
  const file = join(dirname(layout.clockFile), 'capture.json');
  const stored = existsSync(file)
    ? String((JSON.parse(readFileSync(file, 'utf8')) as { capture?: unknown }).capture)
    : 'cursor';
  const wanted = cdc ? 'cdc' : 'cursor';
  if (!fresh && stored !== wanted) {
    throw new DataError(
      `${file}: this lake captured orders with ${stored === 'cdc' ? '--cdc' : 'the cursor extract'}; --day cannot go on with ${wanted === 'cdc' ? '--cdc' : 'the cursor extract'}. Run without --day to build a new lake.`,
    );
  }
  if (!cdc) return; // a lake without the file captured with the cursor, as before --cdc existed
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ capture: wanted })}\n`);
}

/** Remove what a run leaves unfinished when it stops part-way: staging, temporary batches, a pointer's temporary file. */
export function removeUnfinishedFiles(layout: Layout): void {
  rmSync(join(layout.lake, '_staging'), { recursive: true, force: true });
  rmSync(join(layout.lake, '_current.json.tmp'), { force: true });
  for (const table of SOURCE_TABLES) {
    const dir = layout.table('landing', table);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir).filter((e) => e.startsWith('.tmp-')))
      rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/** Run the miniature. */
export async function runMiniature(options: RunOptions): Promise<MiniatureRun> {
  const started = performance.now();
  const onProgress = options.onProgress ?? (() => {});
  prepareOutputFolder(options.root, options.fresh ?? false);
  const layout = getLayout(options.root);
  const config = resolveConfig(layout, options.config);
  checkCapture(layout, options.fresh ?? false, options.cdc ?? false);
  // Customers erased from this lake are erased from the simulated source too, whenever it
  // starts, so a later --day (a rerun or a backfill extracted late) cannot land them again;
  // after the days, every file is scanned for them (erasedChecks).
  const erased = options.fresh ? [] : readErasedCustomers(layout);
  const days = options.days ?? listDays(config);
  const known = listDays(config);
  const unknown = days.filter((d) => !known.includes(d));
  if (unknown.length) {
    throw new DataError(
      `--day: ${unknown.join(', ')} is not a day of this run. Days: ${known[0]} to ${known.at(-1)}`,
    );
  }
  if (config.evolveOn && !known.includes(config.evolveOn)) {
    throw new DataError(
      `--evolve=${config.evolveOn}: that day is not in the run, so the shop's schema would never change; this run's days are ${known[0]} to ${known.at(-1)}`,
    );
  }
  if (options.cdc && !options.fresh) {
    // A --cdc lake's day can be promoted again from its landed change log (a rerun, or a day
    // held with --hold): landing is the record, and no slot is needed. A day whose log never
    // landed cannot be read again: its changes were consumed from a slot that lived and died
    // with an earlier run's server, and a new server's slot would decode the whole replay from
    // the shop's first write, under LSNs that match nothing landed. So that is refused.
    const missing = days.filter((ds) => SOURCE_TABLES.some((t) => !readManifest(layout, t, ds)));
    const quarantined = missing.filter((ds) =>
      existsSync(join(layout.lake, 'quarantine', 'orders', `ds=${ds}`)),
    );
    if (quarantined.length) {
      throw new DataError(
        `--day=${quarantined.join(',')} with --cdc: a gate quarantined ${quarantined.length === 1 ? "that day's" : "those days'"} change log (${join(layout.lake, 'quarantine', 'orders')}), and a change log cannot be extracted again: ` +
          "its changes were consumed from the replication slot of an earlier run's server. Fix the batch there, move it and the day's customers batch back to landing (their manifests must match), then run --day again; or run without --day to capture a new lake.",
      );
    }
    if (missing.length) {
      throw new DataError(
        `--day=${missing.join(',')} with --cdc: ${missing.length === 1 ? "that day's" : "those days'"} change log never landed, and its changes cannot be read again: ` +
          "they were consumed from the replication slot of an earlier run's server, which is gone (a new slot starts at its own creation, like a connector whose slot was lost). " +
          'Run --day only for days that landed (a rerun, or a day held with --hold), or run without --day to capture a new lake from an initial snapshot.',
      );
    }
  }
  const corruptLanded = options.corrupt && readManifest(layout, 'orders', options.corrupt.ds);
  if (corruptLanded) {
    throw new DataError(
      `--corrupt=${options.corrupt!.ds}: that day's orders have already landed, and a landed extract is reused, so nothing ` +
        'would be corrupted. Corrupt a day that has not landed yet, or start a new lake (run without --day).',
    );
  }
  // Unfinished files (a day's staging folder, a landing batch being written, a pointer being
  // switched) are removed when the run fails or is interrupted; nothing refers to them.
  const removeUnfinished = () => removeUnfinishedFiles(layout);
  const unregister = registerCleanup(removeUnfinished);
  const lineage = createLineageLog(layout.lineageFile);
  const cdc = options.cdc ?? false;
  if (cdc && config.evolveOn) {
    throw new DataError(
      `--evolve=${config.evolveOn}: the schema change is simulated for the cursor extract only; a --cdc change log's columns come from test_decoding. Run --evolve without --cdc.`,
    );
  }
  const reviewed = options.contractReviewed ?? true;
  const allChecks = options.checks ?? loadChecks();
  const checks = selectChecks(
    reviewed ? allChecks : withoutNewestContractVersions(allChecks),
    cdc ? 'cdc' : 'cursor',
  );
  const contractVersions = checks.gates.flatMap((g) =>
    g.relations.flatMap((r) =>
      r.checks.flatMap((c) => (c.kind === 'contract' ? c.spec.versions.map((v) => v.version) : [])),
    ),
  );
  const evolution = config.evolveOn
    ? { ds: config.evolveOn, column: EVOLVED_COLUMN, reviewed, contractVersions }
    : null;
  if (evolution) {
    onProgress(
      `evolve   the shop adds orders.${EVOLVED_COLUMN} on ${evolution.ds}; landing contract versions in force: ${contractVersions.join(', ')}${reviewed ? '' : ' (the version adding the column is not reviewed yet)'}`,
    );
  }

  let timeline: Timeline | null = null;
  const getTimeline = () =>
    (timeline ??= generateTimeline(config, {
      deletes: cdc,
      releaseAt: config.evolveOn ? getReleaseTime(config.evolveOn) : null,
    }));
  // The source starts on first use and resumes at the clock the previous invocation left.
  let source: Source | null = null;
  let sourceStartMs = 0;
  const storedClock = existsSync(layout.clockFile)
    ? Number((JSON.parse(readFileSync(layout.clockFile, 'utf8')) as { clock?: unknown }).clock)
    : 0;
  const getSource = async (): Promise<Source> => {
    if (!source) {
      const t = performance.now();
      source = await openSource(
        options.source ?? 'duckdb',
        withoutCustomers(getTimeline(), erased),
        layout.root,
        { cdc },
      );
      await source.advanceTo(storedClock);
      sourceStartMs = Math.round(performance.now() - t);
      onProgress(
        `source   ${source.version} (${source.kind}) loaded with the shop's writes in ${formatDuration(sourceStartMs)}`,
      );
    }
    return source;
  };

  const results: DayResult[] = [];
  let rerun: RerunCheck | null = null;
  const duck = await openDuck();
  try {
    const duckdbVersion = await getDuckDbVersion(duck.conn);
    const ctx = {
      duckdbVersion,
      layout,
      checks,
      getSource,
      lineage,
      onProgress,
      cdc,
      pseudonymKey: options.pseudonymKey ?? 'miniature-demo-key',
      cwd: options.cwd ?? process.cwd(),
    };
    // Start the source before the first day that needs it, so its start-up is not counted as
    // that day's ingestion.
    if (days.some((ds) => SOURCE_TABLES.some((t) => !readManifest(layout, t, ds))))
      await getSource();
    const held = (ds: string) => options.hold?.includes(ds) ?? false;
    const isPublished = (ds: string) => readLakeState(layout).publishedDays.includes(ds);
    const isLanded = (ds: string) => SOURCE_TABLES.every((t) => readManifest(layout, t, ds));
    /** Why a day is not in the lake: a quarantined batch, a landed batch, or nothing at all. */
    const reasonOf = (ds: string): GapReason =>
      SOURCE_TABLES.some((t) => existsSync(join(layout.lake, 'quarantine', t, `ds=${ds}`)))
        ? 'stopped by a gate'
        : isLanded(ds)
          ? 'landed, not promoted'
          : 'never ran';
    const remaining = [...days];
    while (remaining.length) {
      const ds = remaining.shift()!;
      const result = await runDay(ctx, ds, {
        corrupt: options.corrupt?.ds === ds ? options.corrupt.kind : undefined,
        ingestOnly: held(ds),
        override: options.override?.ds === ds ? options.override : undefined,
        waitingFor: held(ds) ? [] : findGapsBefore(ds, known, readLakeState(layout), reasonOf),
      });
      results.push(result);
      if (result.status !== 'published') continue;
      // The day may have closed a gap: promote the later days that landed and waited for it,
      // in order, in this invocation (a day this invocation runs anyway waits for its turn).
      const waited: string[] = [];
      for (const later of known.filter((d) => d > ds)) {
        if (isPublished(later)) continue;
        if (remaining.includes(later) || held(later) || !isLanded(later)) break;
        waited.push(later);
      }
      if (waited.length)
        onProgress(
          `${ds}  promote ${ds} is in the lake now: promoting the ${waited.length === 1 ? 'landed day' : `${waited.length} landed days`} that waited for it, in order (${waited.join(', ')})`,
        );
      for (const later of waited) {
        const promoted = await runDay(ctx, later);
        results.push(promoted);
        if (promoted.status !== 'published') break;
      }
    }
    const published = results.filter((r) => r.status === 'published').map((r) => r.ds);
    const rerunDay = published[Math.floor(published.length / 2)];
    if (options.verifyRerun && rerunDay) {
      const before = await fingerprintLake(duck.conn, layout);
      onProgress(`rerun    ${rerunDay} again: it must change nothing`);
      const again = await runDay(ctx, rerunDay);
      const after = await fingerprintLake(duck.conn, layout);
      rerun = {
        ds: rerunDay,
        durationMs: again.durationMs,
        filesWritten: again.filesWritten,
        unchanged: JSON.stringify(before) === JSON.stringify(after),
      };
      onProgress(
        `rerun    ${rerun.unchanged ? 'lake unchanged' : 'LAKE CHANGED'}, ${rerun.filesWritten} files written`,
      );
    }
    // The customers erased earlier must still be absent after this invocation's days: every
    // landing, quarantine and lake file is scanned for them and for their orders.
    const erasedChecks: ErasedCheck[] = [];
    for (const customerId of erased) {
      const orderIds = new Set(
        getTimeline()
          .orders.filter((v) => v.customerId === customerId)
          .map((v) => v.orderId),
      );
      const proof = await checkErased(layout, customerId, orderIds);
      erasedChecks.push({ customerId, ...proof });
      const left = Object.values(proof.remaining).reduce((a, b) => a + b, 0);
      onProgress(
        `erased   customer ${customerId} (erased earlier, and from the source): ${left} rows left in ${proof.filesScanned} files scanned`,
      );
    }
    // Counted before an erasure rewrites landing: the numbers describe the capture.
    const cdcReport = cdc ? await compareWithCursor(duck.conn, layout, known) : null;
    let erasure: ErasureReport | null = null;
    if (options.eraseCustomer !== undefined) {
      erasure = await eraseCustomer(layout, options.eraseCustomer);
      const left = Object.values(erasure.remaining).reduce((a, b) => a + b, 0);
      onProgress(
        `erase    customer ${erasure.customerId}: ${Object.values(erasure.removed).reduce((a, b) => a + b, 0)} rows removed, ${left} left in ${erasure.filesScanned} files scanned`,
      );
    }
    const zones = await describeZones(duck.conn, layout);
    const inLake = readLakeState(layout).publishedDays;
    const gaps = known
      .filter((d) => !inLake.includes(d))
      .map((d) => ({ ds: d, reason: reasonOf(d) }));
    const opened = source as Source | null;
    return {
      config,
      source: opened
        ? { kind: opened.kind, version: opened.version, startMs: sourceStartMs }
        : null,
      duckdbVersion,
      days: results,
      rerun,
      zones,
      gaps,
      cdc: cdcReport,
      evolution,
      erasure,
      erasedChecks,
      events: lineage.events,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    duck.close();
    removeUnfinished();
    unregister();
    const opened = source as Source | null;
    if (opened) {
      mkdirSync(dirname(layout.clockFile), { recursive: true });
      writeFileSync(layout.clockFile, `${JSON.stringify({ clock: opened.clock })}\n`);
      const note = await opened.close();
      if (note) onProgress(`source   ${note}`);
    }
  }
}
