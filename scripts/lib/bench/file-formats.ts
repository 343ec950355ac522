// File formats and compression: the same orders written as CSV, NDJSON and Parquet (three codecs),
// then size, write time and three typical reads on each.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './context.ts';
import { duckSettings, openDuckWithOrders, queryRows, queryValue, sqlString } from './duckdb.ts';
import { packageVersion } from './environment.ts';
import { measureInterleaved } from './measure.ts';
import { FILTER_CUSTOMER } from './orders.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';

/** A file format under test: how DuckDB writes it and how a query reads it. */
export interface FormatSpec {
  id: string;
  label: string;
  file: string;
  copyOptions: string;
  reader: (path: string) => string;
  note?: string;
}

/** The formats compared, CSV first (the baseline). */
export const FORMATS: FormatSpec[] = [
  {
    id: 'csv',
    label: 'CSV',
    file: 'orders.csv',
    copyOptions: 'FORMAT csv, HEADER',
    reader: (p) => `read_csv(${sqlString(p)})`,
    note: 'schema detected on every read',
  },
  {
    id: 'ndjson',
    label: 'NDJSON',
    file: 'orders.ndjson',
    copyOptions: 'FORMAT json',
    reader: (p) => `read_json(${sqlString(p)}, format = 'newline_delimited')`,
    note: 'one JSON object per line; schema detected on every read',
  },
  {
    id: 'parquet-uncompressed',
    label: 'Parquet (uncompressed)',
    file: 'orders-uncompressed.parquet',
    copyOptions: 'FORMAT parquet, COMPRESSION uncompressed',
    reader: (p) => `read_parquet(${sqlString(p)})`,
  },
  {
    id: 'parquet-snappy',
    label: 'Parquet (snappy)',
    file: 'orders-snappy.parquet',
    copyOptions: 'FORMAT parquet, COMPRESSION snappy',
    reader: (p) => `read_parquet(${sqlString(p)})`,
  },
  {
    id: 'parquet-zstd',
    label: 'Parquet (zstd)',
    file: 'orders-zstd.parquet',
    copyOptions: 'FORMAT parquet, COMPRESSION zstd',
    reader: (p) => `read_parquet(${sqlString(p)})`,
  },
];

// Sums in whole cents: text formats read prices as DOUBLE and Parquet as DECIMAL, and integer
// cents make their answers comparable exactly.
const CENTS = (expr: string) => `sum(round(${expr} * 100)::BIGINT)`;

/** The three reads, as SQL over a source expression. */
export const FORMAT_QUERIES = {
  aggregate: (src: string) =>
    `SELECT country, status, count(*) AS orders, ${CENTS('quantity * unit_price')} AS revenue_cents FROM ${src} GROUP BY ALL ORDER BY ALL`,
  projection: (src: string) =>
    `SELECT max(order_ts)::VARCHAR AS latest, ${CENTS('unit_price')} AS price_cents FROM ${src}`,
  predicate: (src: string) =>
    `SELECT count(*) AS orders, ${CENTS('quantity * unit_price')} AS revenue_cents FROM ${src} WHERE customer_id = ${FILTER_CUSTOMER}`,
} as const;

/** Run the file-format benchmark and return its result file. */
export async function runFileFormats(ctx: BenchContext): Promise<MeasuredInput> {
  const started = start();
  const { orders: rows, plan } = ctx.sizes;
  const duck = await openDuckWithOrders(rows, ctx.seed, ctx.log);
  try {
    const { conn } = duck;

    const path = (f: FormatSpec) => join(ctx.workDir, f.file);
    const byFormat = <T>(make: (f: FormatSpec) => T) =>
      Object.fromEntries(FORMATS.map((f) => [f.id, make(f)])) as Record<string, T>;
    ctx.log(
      `writing ${FORMATS.length} formats, ${plan.default.warmup + plan.default.runs} times each`,
    );
    const writes = await measureInterleaved(
      byFormat((f) => ({
        run: () => conn.run(`COPY orders TO ${sqlString(path(f))} (${f.copyOptions})`),
      })),
      plan.default,
    );

    // Every format must give the same answers, or the comparison is not like for like.
    for (const [name, sql] of Object.entries(FORMAT_QUERIES)) {
      const answers = new Map<string, string>();
      for (const f of FORMATS)
        answers.set(f.label, JSON.stringify(await queryRows(conn, sql(f.reader(path(f))))));
      const expected = answers.get(FORMATS[0]!.label);
      for (const [label, answer] of answers)
        if (answer !== expected)
          throw new Error(
            `${label} answers the ${name} query differently from CSV:\n${answer}\nvs\n${expected}`,
          );
    }
    const queryRuns: Record<string, Record<string, number[]>> = {};
    for (const [name, sql] of Object.entries(FORMAT_QUERIES)) {
      ctx.log(`timing the ${name} query on every format`);
      queryRuns[name] = await measureInterleaved(
        byFormat((f) => ({ run: () => conn.runAndReadAll(sql(f.reader(path(f)))) })),
        plan.default,
      );
    }
    const storage = FORMATS.map((f) => {
      const bytes = statSync(path(f)).size;
      ctx.log(`${f.label}: ${(bytes / 1e6).toFixed(1)} MB`);
      return {
        id: f.id,
        label: f.label,
        ...(f.note ? { note: f.note } : {}),
        cells: { size: bytes, write: runsCell(writes[f.id]!) },
      };
    });
    const queries = FORMATS.map((f) => ({
      id: f.id,
      label: f.label,
      cells: Object.fromEntries(
        Object.keys(FORMAT_QUERIES).map((name) => [name, runsCell(queryRuns[name]![f.id]!)]),
      ),
    }));
    const duckdbVersion = await queryValue(conn, 'SELECT version()');
    const settings = await duckSettings(conn);

    return buildMeasured(ctx, started, {
      id: 'file-formats',
      title: 'File formats and compression',
      scope:
        'Files on a local disk with a warm page cache, read by DuckDB in one process; not Trino or Spark reading object storage (S3), where bytes fetched dominate',
      summary:
        'How much smaller and faster is Parquet than CSV or JSON for the same table? Size, write time and three typical reads of the same orders in five formats.',
      components: ['data-storage', 'batch-ingestion', 'etl-cluster', 'adhoc-cluster'],
      tables: [
        {
          id: 'storage',
          rowLabel: 'Format',
          title: 'Size on disk and write time',
          description: `The same ${rows.toLocaleString('en-US')} orders written once per format by DuckDB's COPY from an in-memory table.`,
          compare: { row: 'csv' },
          chart: { measures: ['size'], scale: 'auto' },
          measures: [
            { id: 'size', label: 'Size on disk', unit: 'bytes', better: 'lower', ratio: true },
            { id: 'write', label: 'Write time', unit: 'ms', better: 'lower', ratio: true },
          ],
          rows: storage,
          notes: [],
        },
        {
          id: 'queries',
          rowLabel: 'Format',
          title: 'Query time by file format',
          description:
            'Three reads over the files above: an aggregate over four columns of every row, a two-column projection, and a selective predicate (one customer, about 10 rows per million).',
          compare: { row: 'csv' },
          chart: { measures: ['projection'], scale: 'auto' },
          measures: [
            {
              id: 'aggregate',
              label: 'Full-scan aggregate',
              unit: 'ms',
              better: 'lower',
              ratio: true,
            },
            {
              id: 'projection',
              label: 'Two-column projection',
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
          ],
          rows: queries,
          notes: [
            'Every format returned identical answers to all three queries; the script checks this before timing.',
          ],
        },
      ],
      caveats: [
        'Files were read straight after being written, so they were in the operating system’s page cache: this measures decoding, not disk or network. On object storage (S3), bytes read dominate and the gap between Parquet and text formats grows with it.',
        'CSV and NDJSON are read with schema detection on every query, as an ad-hoc reader would; declaring the schema up front makes them somewhat faster but does not let them skip columns.',
        'One engine (DuckDB) on synthetic data: real data with long text columns compresses differently. Trust the ratios’ direction and order of magnitude, not the exact factors.',
      ],
      software: [
        { name: 'DuckDB', version: duckdbVersion },
        { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
      ],
      rows,
      plan: plan.default,
      settings: [
        ...settings,
        { name: 'Parquet row group', value: 'DuckDB default (122,880 rows)' },
        RUN_ORDER,
      ],
    });
  } finally {
    duck.close();
  }
}
