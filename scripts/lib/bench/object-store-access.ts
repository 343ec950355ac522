// Object-store access pattern: the storage layouts of the storage-layout benchmark, served by a
// local HTTP server with S3-like single-range GETs and a fixed time to first byte, read by a real
// Parquet reader (hyparquet) through range requests. The server counts GET requests and bytes per
// query: those counts are what the same reader would send to S3; the times hold only for the
// assumed latency.
import { join, relative } from 'node:path';
import type { BenchContext } from './context.ts';
import { BenchmarkSkipped } from './context.ts';
import { duckSettings, openDuckWithOrders, queryRows, queryValue, sqlString } from './duckdb.ts';
import { packageVersion } from './environment.ts';
import { measureInterleaved } from './measure.ts';
import { FILTER_COUNTRY, sampleIds } from './orders.ts';
import { startRangeServer, type RangeServer, type ServedCounts } from './range-server.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';
import { filesOf, listFiles, writeSmallFiles } from './storage-layout.ts';

/**
 * Time to first byte added to every response. AWS's S3 performance design patterns say that for
 * smaller requests (less than 512 KB) "median latencies are often in the tens of milliseconds
 * range"; 20 ms is the low end of that, an assumption rather than a measurement of S3.
 */
export const FIRST_BYTE_MS = 20;

/** Where the latency figure comes from, for the page. */
export const LATENCY_SOURCE =
  'AWS, Amazon S3 User Guide, “Performance design patterns for Amazon S3” (https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance-design-patterns.html, read 2026-12-07): for smaller requests (less than 512 KB) “median latencies are often in the tens of milliseconds range”';

/** Files read at once, as an engine's parallel splits would; each file's own requests may also overlap. */
export const FILES_IN_FLIGHT = 8;

/** The reader version this benchmark was written against; another version may plan other requests. */
export const HYPARQUET_VERSION = '1.33.0';

/** The few hyparquet functions used here (the package is loaded at run time, see loadHyparquet). */
interface AsyncBuffer {
  byteLength: number;
  slice: (start: number, end?: number) => Promise<ArrayBuffer> | ArrayBuffer;
}
interface Hyparquet {
  asyncBufferFromUrl: (o: { url: string; byteLength?: number }) => Promise<AsyncBuffer>;
  cachedAsyncBuffer: (file: AsyncBuffer) => AsyncBuffer;
  parquetReadObjects: (o: {
    file: AsyncBuffer;
    columns?: string[];
    filter?: Record<string, unknown>;
  }) => Promise<Record<string, unknown>[]>;
}

/** Load hyparquet, or skip the benchmark with what to install. */
async function loadHyparquet(): Promise<Hyparquet> {
  // A variable specifier keeps the type check and the other benchmarks working where it is not installed.
  const name = 'hyparquet';
  try {
    return (await import(name)) as Hyparquet;
  } catch {
    throw new BenchmarkSkipped(
      `the Parquet reader hyparquet is not installed (npm install --save-dev hyparquet@${HYPARQUET_VERSION})`,
    );
  }
}

/** The three query types, each a set of columns, an optional filter and the files it may skip by path. */
export type QueryId = 'full-scan' | 'partition-key' | 'point-lookup';

/** A file of a layout, with its Hive partition values (country=SE/... gives { country: 'SE' }). */
export interface LayoutFile {
  path: string;
  bytes: number;
  partition: Record<string, string>;
}

/** The Hive partition values in a relative path, e.g. "country=SE/data_0.parquet" → { country: "SE" }. */
export function hivePartition(relativePath: string): Record<string, string> {
  return Object.fromEntries(
    relativePath
      .split('/')
      .slice(0, -1)
      .filter((part) => part.includes('='))
      .map((part) => [
        part.slice(0, part.indexOf('=')),
        decodeURIComponent(part.slice(part.indexOf('=') + 1)),
      ]),
  );
}

/** An equality filter in hyparquet's form. Explicit $eq: hyparquet 1.33 skips row groups by statistics only for operators, not for a bare value. */
export type EqualityFilter = Record<string, { $eq: string | bigint }>;

/** Whether a file can hold rows matching `filter`, judged by its partition values alone (what a path tells a planner). */
export function partitionMayMatch(
  file: Pick<LayoutFile, 'partition'>,
  filter: EqualityFilter | undefined,
): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(
    ([column, { $eq }]) => !(column in file.partition) || file.partition[column] === String($eq),
  );
}

/** Run `task` over `items` with at most `limit` at once, keeping results in order. */
export async function mapLimited<T, R>(
  items: ReadonlyArray<T>,
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Orders and units per country from rows that have country and quantity, sorted by country. */
export function unitsByCountry(
  rows: ReadonlyArray<Record<string, unknown>>,
): { country: string; orders: number; units: number }[] {
  const by = new Map<string, { orders: number; units: number }>();
  for (const row of rows) {
    const entry = by.get(String(row['country'])) ?? { orders: 0, units: 0 };
    entry.orders++;
    entry.units += Number(row['quantity']);
    by.set(String(row['country']), entry);
  }
  return [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([country, v]) => ({ country, ...v }));
}

/** Run the object-store-access benchmark and return its result file. */
export async function runObjectStoreAccess(ctx: BenchContext): Promise<MeasuredInput> {
  const hyparquet = await loadHyparquet();
  const started = start();
  const { orders: rows, plan, rowGroupSize, smallFileRows } = ctx.sizes;
  const duck = await openDuckWithOrders(rows, ctx.seed, ctx.log);
  let server: RangeServer | undefined;
  try {
    const { conn } = duck;
    await conn.run('SET partitioned_write_max_open_files = 1000');
    // Snappy: the codec hyparquet decodes without an add-on package.
    const pq = `FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${rowGroupSize}`;
    const root = ctx.workDir;
    const at = (name: string) => join(root, name);
    await conn.run(`COPY orders TO ${sqlString(at('one-file.parquet'))} (${pq})`);
    await conn.run(
      `COPY (SELECT * FROM orders ORDER BY country, order_ts) TO ${sqlString(at('sorted.parquet'))} (${pq})`,
    );
    await conn.run(
      `COPY orders TO ${sqlString(at('partitioned'))} (${pq}, PARTITION_BY (country))`,
    );
    await writeSmallFiles(conn, 'orders', at('small-files'), smallFileRows, 'snappy');
    const filesUnder = (name: string): LayoutFile[] =>
      listFiles(at(name))
        .map((f) => ({ ...f, partition: hivePartition(relative(at(name), f.path)) }))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
    const single = (name: string): LayoutFile[] =>
      filesOf(at(name)).map((f) => ({ ...f, partition: {} }));
    const layouts = [
      {
        id: 'one-file',
        label: 'One file, arrival order',
        files: single('one-file.parquet'),
        note: 'as a compaction leaves it; row groups in order_id order',
      },
      {
        id: 'sorted',
        label: 'One file, sorted by country',
        files: single('sorted.parquet'),
        note: 'min/max statistics let the reader skip row groups',
      },
      {
        id: 'partitioned',
        label: 'Hive-partitioned by country',
        files: filesUnder('partitioned'),
        note: 'the path tells the reader which files to open',
      },
      {
        id: 'small-files',
        label: 'Small files',
        files: filesUnder('small-files'),
        note: `${smallFileRows.toLocaleString('en-US')} rows per file, as frequent commits leave them`,
      },
    ];
    for (const l of layouts) ctx.log(`${l.label}: ${l.files.length} files`);

    const lookupId = sampleIds(1, rows, ctx.seed)[0]!;
    const queries: Record<
      QueryId,
      {
        label: string;
        columns: string[];
        filter?: EqualityFilter;
        expected: string;
        answer: (r: Record<string, unknown>[]) => unknown;
      }
    > = {
      'full-scan': {
        label: 'Full scan',
        columns: ['country', 'quantity'],
        expected: JSON.stringify(
          await queryRows(
            conn,
            'SELECT country, count(*)::INTEGER AS orders, sum(quantity)::INTEGER AS units FROM orders GROUP BY country ORDER BY country',
          ),
        ),
        answer: unitsByCountry,
      },
      'partition-key': {
        label: `Filter on the partition key (country = ${FILTER_COUNTRY})`,
        columns: ['country', 'quantity'],
        filter: { country: { $eq: FILTER_COUNTRY } },
        expected: JSON.stringify(
          await queryRows(
            conn,
            `SELECT country, count(*)::INTEGER AS orders, sum(quantity)::INTEGER AS units FROM orders WHERE country = '${FILTER_COUNTRY}' GROUP BY country`,
          ),
        ),
        answer: unitsByCountry,
      },
      'point-lookup': {
        label: 'Point lookup by id',
        columns: ['order_id', 'customer_id', 'quantity'],
        filter: { order_id: { $eq: BigInt(lookupId) } },
        expected: JSON.stringify(
          await queryRows(
            conn,
            `SELECT order_id::VARCHAR AS order_id, customer_id, quantity FROM orders WHERE order_id = ${lookupId}`,
          ),
        ),
        answer: (found) =>
          found.map((r) => ({
            order_id: String(r['order_id']),
            customer_id: Number(r['customer_id']),
            quantity: Number(r['quantity']),
          })),
      },
    };

    server = await startRangeServer(root, FIRST_BYTE_MS);
    const base = server.url;
    /** One query over one layout through the server: the files its paths allow, each read by hyparquet. */
    const runQuery = async (layout: (typeof layouts)[number], q: (typeof queries)[QueryId]) => {
      const files = layout.files.filter((f) => partitionMayMatch(f, q.filter));
      const parts = await mapLimited(files, FILES_IN_FLIGHT, async (f) => {
        // The size comes from the listing (a table format's manifest has it too), so no HEAD request.
        const url = base + relative(root, f.path).split('/').map(encodeURIComponent).join('/');
        const file = hyparquet.cachedAsyncBuffer(
          await hyparquet.asyncBufferFromUrl({ url, byteLength: f.bytes }),
        );
        const inFile = Object.keys(f.partition);
        const filter =
          q.filter &&
          Object.fromEntries(Object.entries(q.filter).filter(([c]) => !inFile.includes(c)));
        const found = await hyparquet.parquetReadObjects({
          file,
          columns: q.columns.filter((c) => !inFile.includes(c)),
          ...(filter && Object.keys(filter).length ? { filter } : {}),
        });
        return found.map((r) => ({ ...r, ...f.partition }));
      });
      return q.answer(parts.flat());
    };

    const counts: Record<string, Record<string, ServedCounts>> = {};
    for (const [qid, q] of Object.entries(queries)) {
      counts[qid] = {};
      for (const layout of layouts) {
        server.reset();
        const got = JSON.stringify(await runQuery(layout, q));
        if (got !== q.expected)
          throw new Error(
            `${layout.id}, ${qid}: hyparquet over HTTP answered ${got}, DuckDB on the table ${q.expected}`,
          );
        counts[qid][layout.id] = server.counts();
      }
    }
    ctx.log('every layout gives DuckDB’s answer to every query; timing');
    const times: Record<string, Record<string, number[]>> = {};
    for (const [qid, q] of Object.entries(queries))
      times[qid] = await measureInterleaved(
        Object.fromEntries(
          layouts.map((l) => [
            l.id,
            {
              before: () => server!.reset(),
              run: async () => {
                await runQuery(l, q);
                // The counts are the headline: every run must send the same requests as the first.
                const now = server!.counts();
                const first = counts[qid]![l.id]!;
                if (now.gets !== first.gets || now.bytes !== first.bytes)
                  throw new Error(
                    `${l.id}, ${qid}: ${now.gets} GETs / ${now.bytes} bytes in a timed run, ${first.gets} / ${first.bytes} in the first`,
                  );
              },
            },
          ]),
        ),
        plan.default,
      );

    const qids = Object.keys(queries) as QueryId[];
    const requestRows = layouts.map((l) => ({
      id: l.id,
      label: l.label,
      note: l.note,
      cells: {
        files: l.files.length,
        size: l.files.reduce((s, f) => s + f.bytes, 0),
        ...Object.fromEntries(
          qids.flatMap((q) => [
            [`${q}-gets`, counts[q]![l.id]!.gets],
            [`${q}-bytes`, counts[q]![l.id]!.bytes],
          ]),
        ),
      },
    }));
    const timeRows = layouts.map((l) => ({
      id: l.id,
      label: l.label,
      cells: Object.fromEntries(qids.map((q) => [q, runsCell(times[q]![l.id]!)])),
    }));
    for (const l of layouts)
      ctx.log(`${l.label}: ${qids.map((q) => `${q} ${counts[q]![l.id]!.gets} GETs`).join(', ')}`);
    const settings = await duckSettings(conn);

    return buildMeasured(ctx, started, {
      id: 'object-store-access',
      title: 'Object-store access: requests and bytes per query by layout',
      summary:
        'How many GET requests and bytes does a query cost on object storage, by storage layout (one file, sorted, partitioned, many small files) and by query type (full scan, partition-key filter, point lookup)?',
      scope: `The hyparquet ${packageVersion('hyparquet')} Parquet reader over a local HTTP server with ${FIRST_BYTE_MS} ms added before each response, counting GET requests and bytes; not S3, and not DuckDB, Trino or Spark, whose readers plan their requests differently`,
      components: ['data-storage', 'adhoc-cluster', 'etl-cluster'],
      tables: [
        {
          id: 'requests',
          rowLabel: 'Layout',
          title: 'GET requests and bytes per query',
          chart: { measures: qids.map((q) => `${q}-gets`), scale: 'auto' },
          description: `The same ${rows.toLocaleString('en-US')} orders in four Snappy Parquet layouts, read through range requests. Full scan: orders and units per country (2 columns). Partition key: the same for country = ${FILTER_COUNTRY} (about 6 % of rows). Point lookup: one order by id (3 columns). Counts are the server’s own, per query.`,
          measures: [
            { id: 'files', label: 'Files', unit: 'count', better: 'none', ratio: false },
            { id: 'size', label: 'Size', unit: 'bytes', better: 'none', ratio: false },
            ...qids.flatMap((q) => [
              {
                id: `${q}-gets`,
                label: `${queries[q].label.replace(/ \(.*\)$/, '')}: GETs`,
                unit: 'count' as const,
                better: 'lower' as const,
                ratio: false,
              },
              {
                id: `${q}-bytes`,
                label: `${queries[q].label.replace(/ \(.*\)$/, '')}: bytes`,
                unit: 'bytes' as const,
                better: 'lower' as const,
                ratio: false,
              },
            ]),
          ],
          rows: requestRows,
          notes: [
            'Every layout returned DuckDB’s answer to every query (checked before timing), and every timed run sent the same requests and bytes as the first.',
            'Counts, not timings: they depend on the data, the layout and the reader version, not on the machine or the latency.',
          ],
        },
        {
          id: 'time',
          rowLabel: 'Layout',
          title: `Query time with ${FIRST_BYTE_MS} ms to first byte`,
          description: `Wall time of each query through the server, up to ${FILES_IN_FLIGHT} files in flight. The time follows from the assumed latency and the loopback transfer speed: read it for the shape (requests in sequence cost latency each), not as an S3 figure.`,
          compare: { row: 'one-file' },
          chart: { measures: ['full-scan', 'partition-key', 'point-lookup'], scale: 'auto' },
          measures: qids.map((q) => ({
            id: q,
            label: queries[q].label.replace(/ \(.*\)$/, ''),
            unit: 'ms' as const,
            better: 'lower' as const,
            ratio: true,
          })),
          rows: timeRows,
          notes: [],
        },
      ],
      caveats: [
        `The ${FIRST_BYTE_MS} ms per request is an assumption at the low end of what AWS describes for small S3 requests (${LATENCY_SOURCE}); the server adds it to every response and transfers at loopback speed, so large reads look faster than over a network, and S3’s slow tail of requests is not modelled.`,
        'Requests and bytes are hyparquet’s: it reads the last 512 KiB of a file for the footer, fetches files under 512 KiB whole in one request, and fetches the needed column chunks of each row group it cannot skip by min/max statistics, merging chunks less than 8 KiB apart into requests of up to 2 MiB. DuckDB, Trino and Spark use other footer sizes and coalesce ranges differently, so their counts differ; the differences between layouts are what carries over.',
        'The reader gets the file list and sizes up front, as from a table format’s manifest; a plain directory of files on S3 also costs LIST requests, which were not counted. An Iceberg planner can also skip whole files by the column statistics in its manifests without opening them; this reader opens every file its path does not rule out.',
      ],
      software: [
        { name: 'hyparquet', version: packageVersion('hyparquet') },
        { name: 'DuckDB', version: await queryValue(conn, 'SELECT version()') },
        { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
      ],
      rows,
      plan: plan.default,
      settings: [
        ...settings,
        {
          name: 'Object store',
          value: `node:http on 127.0.0.1, single-range GETs, ${FIRST_BYTE_MS} ms before every response, keep-alive`,
        },
        {
          name: 'Reader',
          value: `hyparquet parquetReadObjects over asyncBufferFromUrl with cachedAsyncBuffer (library defaults), ${FILES_IN_FLIGHT} files in flight`,
        },
        {
          name: 'Parquet',
          value: `written by DuckDB, Snappy; ${rowGroupSize.toLocaleString('en-US')}-row row groups (one-file, sorted, partitioned); ${smallFileRows.toLocaleString('en-US')} rows, one row group per file (small files)`,
        },
        { name: 'Point lookup', value: `order_id = ${lookupId}` },
        RUN_ORDER,
      ],
    });
  } finally {
    await server?.close();
    duck.close();
  }
}
