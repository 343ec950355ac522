// Commit interval: a writer appends one day of events at a fixed rate and commits every N seconds,
// one Parquet file per commit (the file side of a streaming writer's checkpoint interval). Counts
// the files and bytes each interval leaves, times a fixed query over them, and the same with the
// hourly compaction the data-storage chapter recommends.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './context.ts';
import {
  duckSettings,
  filesRead,
  openDuckWithOrders,
  queryRows,
  queryValue,
  sqlString,
} from './duckdb.ts';
import { packageVersion } from './environment.ts';
import { measureInterleaved } from './measure.ts';
import { FILTER_CUSTOMER } from './orders.ts';
import { filesOf } from './storage-layout.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';

/** Seconds in the simulated day of events. */
export const DAY_SECONDS = 86_400;

/** Seconds per compaction window: the hourly compaction data-storage recommends for streaming tables. */
export const COMPACTION_SECONDS = 3_600;

/** One commit: the half-open range of event ids [first, end) it makes visible. */
export interface Commit {
  first: number;
  end: number;
}

/**
 * The commits of a writer that receives `events` evenly over one day (event i at second
 * i × 86,400 / events) and commits every `intervalSeconds`: commit k holds the events whose second
 * falls in [k × N, (k + 1) × N). Every event lands in exactly one commit; empty commits are kept,
 * because a checkpoint commits (a snapshot with no file) even when nothing arrived.
 */
export function planCommits(events: number, intervalSeconds: number): Commit[] {
  if (!Number.isInteger(events) || events < 1)
    throw new Error(`events must be a positive integer, got ${events}`);
  if (
    !Number.isInteger(intervalSeconds) ||
    intervalSeconds < 1 ||
    DAY_SECONDS % intervalSeconds !== 0
  )
    throw new Error(
      `commit interval must be a whole number of seconds that divides a day (86,400 s), got ${intervalSeconds}`,
    );
  // First event at or after second s: ceil(s × events / 86,400), in integers to avoid float drift.
  const firstAt = (second: number) => Math.ceil((second * events) / DAY_SECONDS);
  const commits: Commit[] = [];
  for (let s = 0; s < DAY_SECONDS; s += intervalSeconds)
    commits.push({ first: firstAt(s), end: Math.min(events, firstAt(s + intervalSeconds)) });
  return commits;
}

/** The commits of each compaction window, in order: hour h holds commits [h × 3,600 / N, (h + 1) × 3,600 / N). */
export function compactionGroups<T>(commits: ReadonlyArray<T>, intervalSeconds: number): T[][] {
  if (COMPACTION_SECONDS % intervalSeconds !== 0 && intervalSeconds % COMPACTION_SECONDS !== 0)
    throw new Error(
      `commit interval ${intervalSeconds} s neither divides nor is a multiple of the ${COMPACTION_SECONDS} s compaction window`,
    );
  const perWindow = Math.max(1, COMPACTION_SECONDS / intervalSeconds);
  const groups: T[][] = [];
  for (let i = 0; i < commits.length; i += perWindow) groups.push(commits.slice(i, i + perWindow));
  return groups;
}

/** Row id of an interval, e.g. "every-60-s". */
export const intervalId = (seconds: number) => `every-${seconds}-s`;

/** The fixed queries run after the day: a full aggregate and a selective predicate. */
export const DAY_QUERIES = {
  aggregate: (src: string) =>
    `SELECT country, status, count(*) AS orders, sum(round(quantity * unit_price * 100)::BIGINT) AS revenue_cents FROM ${src} GROUP BY ALL ORDER BY ALL`,
  predicate: (src: string) =>
    `SELECT count(*) AS orders FROM ${src} WHERE customer_id = ${FILTER_CUSTOMER}`,
} as const;

/** A DuckDB source reading exactly the listed files, as a table-format reader gets them from its manifests (no directory listing). */
export const listSource = (files: ReadonlyArray<string>) =>
  `read_parquet([${files.map(sqlString).join(', ')}])`;

/** Run the commit-interval benchmark and return its result file. */
export async function runCommitInterval(ctx: BenchContext): Promise<MeasuredInput> {
  const started = start();
  const { orders: events, plan, commitIntervals } = ctx.sizes;
  const duck = await openDuckWithOrders(events, ctx.seed, ctx.log);
  try {
    const { conn } = duck;
    const pq = 'FORMAT parquet, COMPRESSION zstd';
    // One thread, so each COPY writes exactly one file (DuckDB's parallel writer may split it).
    const threads = Number(await queryValue(conn, "SELECT current_setting('threads')"));
    await conn.run('SET threads = 1');
    const layouts: { id: string; label: string; files: string[]; compactionIn?: number }[] = [];
    const compactions: Record<string, { run: () => Promise<unknown>; before: () => void }> = {};
    for (const interval of commitIntervals) {
      const dir = join(ctx.workDir, intervalId(interval));
      mkdirSync(dir);
      const commits = planCommits(events, interval);
      const files: string[] = [];
      for (const [k, c] of commits.entries()) {
        if (c.first >= c.end) continue;
        const file = join(dir, `commit-${String(k).padStart(6, '0')}.parquet`);
        await conn.run(
          `COPY (SELECT * FROM orders WHERE order_id >= ${c.first} AND order_id < ${c.end} ORDER BY order_id) TO ${sqlString(file)} (${pq})`,
        );
        files.push(file);
      }
      ctx.log(`every ${interval} s: ${commits.length} commits, ${files.length} files`);
      layouts.push({
        id: intervalId(interval),
        label: `Commit every ${interval.toLocaleString('en-US')} s`,
        files,
      });
      // Hourly compaction: each hour's commit files rewritten as one file, by reading those files.
      const outDir = join(ctx.workDir, `${intervalId(interval)}-compacted`);
      const groups = compactionGroups(files, interval).filter((g) => g.length);
      compactions[intervalId(interval)] = {
        before: () => {
          rmSync(outDir, { recursive: true, force: true });
          mkdirSync(outDir);
        },
        run: async () => {
          for (const [h, group] of groups.entries())
            await conn.run(
              `COPY (SELECT * FROM ${listSource(group)}) TO ${sqlString(join(outDir, `hour-${String(h).padStart(2, '0')}.parquet`))} (${pq})`,
            );
        },
      };
    }
    await conn.run(`SET threads = ${threads}`);
    ctx.log('timing hourly compaction of each interval');
    const compactionTimes = await measureInterleaved(compactions, plan.slow);
    // The compacted day is the same rows in the same order whatever the interval; keep the longest interval's.
    const compactedDir = join(ctx.workDir, `${intervalId(commitIntervals.at(-1)!)}-compacted`);
    const compactedFiles = filesOf(compactedDir)
      .map((f) => f.path)
      .sort();
    layouts.push({
      id: 'hourly-compacted',
      label: 'After hourly compaction',
      files: compactedFiles,
    });

    for (const [name, sql] of Object.entries(DAY_QUERIES)) {
      // One query at a time: the layouts share one DuckDB connection.
      const answers = new Set<string>();
      for (const l of layouts)
        answers.add(JSON.stringify(await queryRows(conn, sql(listSource(l.files)))));
      if (answers.size !== 1)
        throw new Error(
          `the layouts answer the ${name} query differently: ${[...answers].join(' vs ')}`,
        );
    }
    ctx.log('every layout gives the same answers; timing the queries');
    const times: Record<string, Record<string, number[]>> = {};
    for (const [name, sql] of Object.entries(DAY_QUERIES))
      times[name] = await measureInterleaved(
        Object.fromEntries(
          layouts.map((l) => [l.id, { run: () => conn.runAndReadAll(sql(listSource(l.files))) }]),
        ),
        plan.default,
      );

    const fileRows: NonNullable<MeasuredInput['tables']>[number]['rows'] = [];
    const queryRowsOut: typeof fileRows = [];
    const bytesOf = (files: ReadonlyArray<string>) =>
      files.flatMap((f) => filesOf(f)).reduce((s, f) => s + f.bytes, 0);
    for (const layout of layouts) {
      const interval = commitIntervals.find((i) => intervalId(i) === layout.id);
      // The compacted day is no row of the files table: compaction adds snapshots rather than removing any.
      if (interval) {
        const bytes = bytesOf(layout.files);
        fileRows.push({
          id: layout.id,
          label: layout.label,
          cells: {
            commits: DAY_SECONDS / interval,
            files: layout.files.length,
            size: bytes,
            'mean-file': Math.round(bytes / layout.files.length),
            'rows-per-file': Math.round(events / layout.files.length),
          },
        });
      }
      queryRowsOut.push({
        id: layout.id,
        label: layout.label,
        ...(interval ? {} : { note: 'each hour’s commit files rewritten as one file' }),
        cells: {
          aggregate: runsCell(times['aggregate']![layout.id]!),
          predicate: runsCell(times['predicate']![layout.id]!),
          'files-read': await filesRead(conn, DAY_QUERIES.aggregate(listSource(layout.files))),
        },
      });
    }
    const compactedBytes = bytesOf(compactedFiles);
    const compactionRows = commitIntervals.map((interval) => ({
      id: intervalId(interval),
      label: `Commit every ${interval.toLocaleString('en-US')} s`,
      cells: {
        time: runsCell(compactionTimes[intervalId(interval)]!),
        'files-in': layouts.find((l) => l.id === intervalId(interval))!.files.length,
        'files-out': compactedFiles.length,
        'size-out': compactedBytes,
      },
    }));
    const rate = events / DAY_SECONDS;
    const settings = await duckSettings(conn);

    return buildMeasured(ctx, started, {
      id: 'commit-interval',
      title: 'Commit interval: files, snapshots and query time',
      summary:
        'How many files and snapshots does a streaming writer leave per day at a given commit (checkpoint) interval, what does querying them cost, and what does hourly compaction take back?',
      scope:
        'One writer appending a day of generated events to Parquet files on a local disk, one file per commit, read by DuckDB in one process; not Flink writing an Iceberg table on S3, whose manifests, snapshots and per-request latency were not written or measured',
      components: ['data-storage', 'stream-ingestion'],
      tables: [
        {
          id: 'files',
          rowLabel: 'Commit interval',
          title: 'Files and snapshots after one day',
          description: `${events.toLocaleString('en-US')} events arriving evenly over one day (about ${rate.toLocaleString('en-US', { maximumFractionDigits: 1 })} per second) committed by one writer every N seconds, one zstd Parquet file per commit. Snapshots are counted as one per commit, as an Iceberg append makes; no table-format metadata was written.`,
          measures: [
            {
              id: 'commits',
              label: 'Snapshots (commits) per day',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            { id: 'files', label: 'Data files', unit: 'count', better: 'lower', ratio: false },
            { id: 'size', label: 'Size on disk', unit: 'bytes', better: 'lower', ratio: false },
            {
              id: 'mean-file',
              label: 'Mean file size',
              unit: 'bytes',
              better: 'none',
              ratio: false,
            },
            {
              id: 'rows-per-file',
              label: 'Rows per file',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
          ],
          rows: fileRows,
          notes: [
            'Counts and sizes, not timings: they depend only on the data, the interval and the DuckDB version, not on the machine.',
          ],
        },
        {
          id: 'query',
          rowLabel: 'Files queried',
          title: 'A query over the day’s files',
          description:
            'A full-day aggregate (orders and revenue per country and status) and a selective predicate (one customer) over the files each interval left, listed explicitly as a table format’s manifests would list them. Every layout gave the same answers, which the script checks before timing.',
          compare: { row: 'hourly-compacted' },
          chart: { measures: ['aggregate'], scale: 'auto' },
          measures: [
            {
              id: 'aggregate',
              label: 'Full-day aggregate',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            {
              id: 'predicate',
              label: 'Selective predicate',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            { id: 'files-read', label: 'Files read', unit: 'count', better: 'lower', ratio: false },
          ],
          rows: queryRowsOut,
          notes: [],
        },
        {
          id: 'compaction',
          rowLabel: 'Commit interval',
          title: 'The cost of hourly compaction',
          description:
            'Rewriting each hour’s commit files as one file, for the whole day (24 files out whatever the interval; each rewrite is itself one more snapshot): the job a table format’s compaction (e.g. Iceberg’s rewrite_data_files) runs on a schedule.',
          measures: [
            {
              id: 'time',
              label: 'Compaction time for the day',
              unit: 'ms',
              better: 'lower',
              ratio: false,
            },
            { id: 'files-in', label: 'Files in', unit: 'count', better: 'none', ratio: false },
            { id: 'files-out', label: 'Files out', unit: 'count', better: 'none', ratio: false },
            {
              id: 'size-out',
              label: 'Size after compaction',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
          ],
          rows: compactionRows,
          notes: [],
        },
      ],
      caveats: [
        'One writer and no partitioning: a Flink job writes at least one file per writer subtask per partition per checkpoint, so multiply the file counts by its parallelism and by the partitions each checkpoint touches.',
        'The number of files a day depends only on the interval (times writers and partitions); their size grows with the event rate, so a busier stream leaves as many files, each larger, and the many-files penalty weighs less against the data read.',
        'Snapshots are counted (one per commit), not written: the planning cost of an Iceberg table’s growing manifest lists, and snapshot expiry, were not measured.',
        'A local disk with a warm page cache: over S3 every file also costs at least one request with its own latency (see the object-store-access benchmark), so the small-file penalty weighs more there.',
        'A 1-second interval (86,400 files a day) was not run: in a trial on this 2-core machine one query over 2,000 such files already took about 1.6 s, so ten runs over 86,400 would take most of an hour.',
      ],
      software: [
        { name: 'DuckDB', version: await queryValue(conn, 'SELECT version()') },
        { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
      ],
      rows: events,
      plan: plan.default,
      settings: [
        ...settings,
        {
          name: 'Stream',
          value: `the generated orders in order_id order stand for the events, spread evenly over one day (${events.toLocaleString('en-US')} events, about ${rate.toLocaleString('en-US', { maximumFractionDigits: 1 })} per second); their own order_ts is not used`,
        },
        {
          name: 'Writer',
          value:
            '1 DuckDB thread, one COPY (one zstd Parquet file) per commit; queries and compaction timing with the threads above',
        },
        { name: 'Commit intervals', value: commitIntervals.map((i) => `${i} s`).join(', ') },
        {
          name: 'Compaction runs',
          value: `${plan.slow.runs} measured after ${plan.slow.warmup} warm-up`,
        },
        RUN_ORDER,
      ],
    });
  } finally {
    duck.close();
  }
}
