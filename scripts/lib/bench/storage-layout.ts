// Storage layout: the same Parquet data unsorted, clustered (sorted) and Hive-partitioned, read by a
// selective query; then many small files against the same data compacted into one.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
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
import { measureInterleaved, measureRuns } from './measure.ts';
import { FILTER_COUNTRY, FILTER_CUSTOMER } from './orders.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';

/** Every file under `dir` (recursively) with its size. */
export function listFiles(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, bytes: statSync(path).size };
    });
}

/** The files of a layout: the file itself, or every file under a directory. */
export function filesOf(target: string): { path: string; bytes: number }[] {
  const stat = statSync(target);
  return stat.isDirectory() ? listFiles(target) : [{ path: target, bytes: stat.size }];
}

/** The selective query of the layout comparison. */
export const layoutQuery = (src: string) =>
  `SELECT count(*) AS orders, sum(round(quantity * unit_price * 100)::BIGINT) AS revenue_cents FROM ${src} WHERE country = '${FILTER_COUNTRY}'`;

/** A full-scan aggregate and a selective predicate, for the small-files comparison. */
export const smallFileQueries = {
  aggregate: (src: string) =>
    `SELECT country, status, count(*) AS orders FROM ${src} GROUP BY ALL ORDER BY ALL`,
  predicate: (src: string) =>
    `SELECT count(*) AS orders FROM ${src} WHERE customer_id = ${FILTER_CUSTOMER}`,
} as const;

/** Row groups in total, and those whose min/max statistics cannot rule out the filter country. */
async function rowGroups(
  conn: DuckDBConnection,
  glob: string,
  partitioned: boolean,
): Promise<{ total: number; needed: number }> {
  // A Hive layout keeps the country in the directory name, not in the files: a whole file is needed
  // or skipped by its path. Otherwise the reader skips row groups by their statistics.
  const needed = partitioned
    ? `count(DISTINCT (file_name, row_group_id)) FILTER (WHERE file_name LIKE '%country=${FILTER_COUNTRY}%')`
    : `count(DISTINCT (file_name, row_group_id)) FILTER (WHERE path_in_schema = 'country' AND stats_min_value <= '${FILTER_COUNTRY}' AND stats_max_value >= '${FILTER_COUNTRY}')`;
  const [row] = await queryRows(
    conn,
    `SELECT count(DISTINCT (file_name, row_group_id)) AS total, ${needed} AS needed FROM parquet_metadata(${sqlString(glob)})`,
  );
  return { total: Number(row!['total']), needed: Number(row!['needed']) };
}

/**
 * Write `table` as one Parquet file per `rowsPerFile` rows. DuckDB's parallel writer lets each
 * thread cut its own row groups and files, so with 2 threads the same data gave 742 files in one
 * run and 497 in another, some holding two row groups; one thread makes the split deterministic
 * (same seed, same DuckDB version, same files). The previous thread count is restored.
 */
export async function writeSmallFiles(
  conn: DuckDBConnection,
  table: string,
  dir: string,
  rowsPerFile: number,
  compression = 'zstd',
): Promise<void> {
  const threads = await queryValue(conn, "SELECT current_setting('threads')");
  await conn.run('SET threads = 1');
  try {
    await conn.run(
      `COPY ${table} TO ${sqlString(dir)} (FORMAT parquet, COMPRESSION ${compression}, ROW_GROUP_SIZE ${rowsPerFile}, ROW_GROUPS_PER_FILE 1)`,
    );
  } finally {
    await conn.run(`SET threads = ${Number(threads)}`);
  }
}

/** Run the storage-layout benchmark and return its result file. */
export async function runStorageLayout(ctx: BenchContext): Promise<MeasuredInput> {
  const started = start();
  const { orders: rows, plan, rowGroupSize, smallFileRows } = ctx.sizes;
  const duck = await openDuckWithOrders(rows, ctx.seed, ctx.log);
  try {
    const { conn } = duck;
    // One file per partition, so "files read" counts partitions rather than writer threads.
    await conn.run('SET partitioned_write_max_open_files = 1000');
    const pq = `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize}`;
    const dir = (name: string) => join(ctx.workDir, name);

    const layouts = [
      {
        id: 'unsorted',
        label: 'Unsorted (arrival order)',
        target: dir('unsorted.parquet'),
        glob: dir('unsorted.parquet'),
        copy: `COPY orders TO ${sqlString(dir('unsorted.parquet'))} (${pq})`,
        partitioned: false,
        note: 'ordered by time, as an ingestion job appends it',
      },
      {
        id: 'sorted',
        label: 'Clustered (sorted by country)',
        target: dir('sorted.parquet'),
        glob: dir('sorted.parquet'),
        copy: `COPY (SELECT * FROM orders ORDER BY country, order_ts) TO ${sqlString(dir('sorted.parquet'))} (${pq})`,
        partitioned: false,
        note: 'min/max statistics let the reader skip row groups',
      },
      {
        id: 'partitioned',
        label: 'Hive-partitioned by country',
        target: dir('hive'),
        glob: join(dir('hive'), '*', '*.parquet'),
        copy: `COPY orders TO ${sqlString(dir('hive'))} (${pq}, PARTITION_BY (country))`,
        partitioned: true,
        note: 'one directory per country; the path tells the reader which files to open',
      },
    ];

    const srcOf = (l: (typeof layouts)[number]) =>
      l.partitioned
        ? `read_parquet(${sqlString(l.glob)}, hive_partitioning = true)`
        : `read_parquet(${sqlString(l.glob)})`;
    const byLayout = <T>(make: (l: (typeof layouts)[number]) => T) =>
      Object.fromEntries(layouts.map((l) => [l.id, make(l)])) as Record<string, T>;
    ctx.log('writing three layouts');
    const writes = await measureInterleaved(
      byLayout((l) => ({
        run: () => conn.run(l.copy),
        before: () => rmSync(l.target, { recursive: true, force: true }),
      })),
      plan.default,
    );
    const answers = new Set<string>();
    for (const l of layouts)
      answers.add(JSON.stringify(await queryRows(conn, layoutQuery(srcOf(l)))));
    if (answers.size !== 1)
      throw new Error(
        `the layouts answer the layout query differently: ${[...answers].join(' vs ')}`,
      );
    ctx.log('timing the selective query on each layout');
    const times = await measureInterleaved(
      byLayout((l) => ({ run: () => conn.runAndReadAll(layoutQuery(srcOf(l))) })),
      plan.default,
    );

    const selective: NonNullable<MeasuredInput['tables']>[number]['rows'] = [];
    const cost: typeof selective = [];
    for (const layout of layouts) {
      const files = filesOf(layout.target);
      const read = await filesRead(conn, layoutQuery(srcOf(layout)));
      const groups = await rowGroups(conn, layout.glob, layout.partitioned);
      ctx.log(
        `${layout.label}: ${read} of ${files.length} files, ${groups.needed} of ${groups.total} row groups`,
      );
      selective.push({
        id: layout.id,
        label: layout.label,
        note: layout.note,
        cells: {
          time: runsCell(times[layout.id]!),
          'files-read': read,
          files: files.length,
          'row-groups-needed': groups.needed,
          'row-groups': groups.total,
        },
      });
      cost.push({
        id: layout.id,
        label: layout.label,
        cells: {
          write: runsCell(writes[layout.id]!),
          size: files.reduce((s, f) => s + f.bytes, 0),
          files: files.length,
        },
      });
    }

    // Small files: what a streaming sink or a frequent micro-batch leaves behind.
    const small = dir('small');
    await writeSmallFiles(conn, 'orders', small, smallFileRows);
    const smallFiles = listFiles(small);
    const compacted = dir('compacted.parquet');
    const compaction = await measureRuns(
      () =>
        conn.run(
          `COPY (SELECT * FROM read_parquet(${sqlString(join(small, '*.parquet'))})) TO ${sqlString(compacted)} (FORMAT parquet, COMPRESSION zstd)`,
        ),
      plan.default,
      { before: () => rmSync(compacted, { force: true }) },
    );
    const variants = {
      compacted: {
        label: 'Compacted (1 file)',
        src: `read_parquet(${sqlString(compacted)})`,
        files: [{ bytes: statSync(compacted).size }],
        note: undefined,
      },
      'small-files': {
        label: `Small files (${smallFiles.length.toLocaleString('en-US')} files)`,
        src: `read_parquet(${sqlString(join(small, '*.parquet'))})`,
        files: smallFiles,
        note: `about ${Math.round(rows / smallFiles.length).toLocaleString('en-US')} rows per file`,
      },
    };
    const smallRuns: Record<string, Record<string, number[]>> = {};
    for (const [name, sql] of Object.entries(smallFileQueries))
      smallRuns[name] = await measureInterleaved(
        {
          compacted: { run: () => conn.runAndReadAll(sql(variants.compacted.src)) },
          'small-files': { run: () => conn.runAndReadAll(sql(variants['small-files'].src)) },
        },
        plan.default,
      );
    const smallRows: typeof selective = Object.entries(variants).map(([id, v]) => ({
      id,
      label: v.label,
      ...(v.note ? { note: v.note } : {}),
      cells: {
        ...Object.fromEntries(
          Object.keys(smallFileQueries).map((name) => [name, runsCell(smallRuns[name]![id]!)]),
        ),
        files: v.files.length,
        size: v.files.reduce((s, f) => s + f.bytes, 0),
      },
    }));
    ctx.log(`small files: ${smallFiles.length} files`);
    const duckdbVersion = await queryValue(conn, 'SELECT version()');
    const settings = await duckSettings(conn);

    return buildMeasured(ctx, started, {
      id: 'storage-layout',
      scope:
        'Parquet files on a local disk with a warm page cache, read by DuckDB in one process; not Trino or Spark over object storage (S3), where every file also costs requests',
      title: 'Storage layout: clustering, partitioning and small files',
      summary:
        'How much does the layout of the same Parquet data change a selective query, and what do thousands of small files cost against the same data compacted?',
      components: ['data-storage', 'etl-cluster', 'adhoc-cluster', 'stream-ingestion'],
      tables: [
        {
          id: 'selective',
          rowLabel: 'Layout',
          title: 'A selective query by layout',
          description: `Count and revenue for one country (about 6 % of ${rows.toLocaleString('en-US')} orders) over three layouts of the same zstd Parquet data. “Files read” is what DuckDB reports in EXPLAIN ANALYZE; “row groups needed” counts row groups whose path or min/max statistics cannot rule the country out.`,
          compare: { row: 'unsorted' },
          chart: { measures: ['time'], scale: 'auto' },
          measures: [
            { id: 'time', label: 'Query time', unit: 'ms', better: 'lower', ratio: true },
            { id: 'files-read', label: 'Files read', unit: 'count', better: 'lower', ratio: false },
            { id: 'files', label: 'Files in layout', unit: 'count', better: 'none', ratio: false },
            {
              id: 'row-groups-needed',
              label: 'Row groups needed',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'row-groups',
              label: 'Row groups in layout',
              unit: 'count',
              better: 'none',
              ratio: false,
            },
          ],
          rows: selective,
          notes: [
            'All three layouts returned the same answer; the script checks this before timing.',
          ],
        },
        {
          id: 'layout-cost',
          rowLabel: 'Layout',
          title: 'What each layout costs to write',
          description:
            'Writing the same table in each layout: sorting and partitioning are paid once at write time.',
          compare: { row: 'unsorted' },
          measures: [
            { id: 'write', label: 'Write time', unit: 'ms', better: 'lower', ratio: true },
            { id: 'size', label: 'Size on disk', unit: 'bytes', better: 'lower', ratio: true },
            { id: 'files', label: 'Files', unit: 'count', better: 'none', ratio: false },
          ],
          rows: cost,
          notes: [],
        },
        {
          id: 'small-files',
          rowLabel: 'Layout',
          title: 'Many small files against the same data compacted',
          description: `The same ${rows.toLocaleString('en-US')} orders as ${smallFiles.length.toLocaleString('en-US')} small Parquet files (as a streaming sink or frequent micro-batches leave them) and as one compacted file: a full-scan aggregate and a selective predicate.`,
          compare: { row: 'compacted' },
          chart: { measures: ['aggregate'], scale: 'auto' },
          measures: [
            {
              id: 'aggregate',
              label: 'Full-scan aggregate',
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
            { id: 'files', label: 'Files', unit: 'count', better: 'none', ratio: false },
            { id: 'size', label: 'Size on disk', unit: 'bytes', better: 'lower', ratio: true },
          ],
          rows: smallRows,
          notes: [],
        },
        {
          id: 'compaction',
          rowLabel: 'Rewrite',
          title: 'The cost of compacting',
          description: `Rewriting the ${smallFiles.length.toLocaleString('en-US')} small files as one file: the job a table format’s compaction (e.g. Iceberg’s rewrite_data_files) runs on a schedule.`,
          measures: [
            { id: 'time', label: 'Compaction time', unit: 'ms', better: 'lower', ratio: false },
          ],
          rows: [
            {
              id: 'compaction',
              label: `${smallFiles.length.toLocaleString('en-US')} files → 1 file`,
              cells: { time: runsCell(compaction) },
            },
          ],
          notes: [],
        },
      ],
      caveats: [
        'Local disk with a warm page cache: on object storage every file costs at least one request with tens of milliseconds of latency, so skipped files and the small-files penalty both weigh far more there.',
        'DuckDB reads Parquet footers of every file it cannot prune by path; an Iceberg or Delta table keeps per-file statistics in its manifests and can skip files without opening them.',
        'Partitioning by a column with 20 values suits this query; partitioning by a high-cardinality column would create the small-files problem shown in the last table.',
      ],
      software: [
        { name: 'DuckDB', version: duckdbVersion },
        { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
      ],
      rows,
      plan: plan.default,
      settings: [
        ...settings,
        {
          name: 'Parquet row group',
          value: `${rowGroupSize.toLocaleString('en-US')} rows (layouts); ${smallFileRows.toLocaleString('en-US')} rows, one row group per file, written with 1 thread so the split is deterministic (small files)`,
        },
        { name: 'Compression', value: 'zstd' },
        RUN_ORDER,
      ],
    });
  } finally {
    duck.close();
  }
}
