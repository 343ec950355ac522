// Merge-on-read against copy-on-write, Iceberg's two ways of applying row-level updates and
// deletes, modelled with DuckDB and Parquet files: a base data file receives K rounds of changes.
// Merge-on-read leaves the base file alone and writes, per round, a position delete file
// (file_path, pos) and a data file with the updated rows; copy-on-write rewrites the file each
// round. Measured: what one round costs to write, and what reading the current rows costs after K
// rounds. Both must give the same current rows; the script compares a hash of them on every read.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BenchContext } from './context.ts';
import { duckSettings, openDuck, queryRows, queryValue, sqlString } from './duckdb.ts';
import { packageVersion } from './environment.ts';
import { formatFraction } from './incremental-load.ts';
import { measureInterleaved } from './measure.ts';
import { fingerprintSql, ordersSelectSql } from './orders.ts';
import { buildMeasured, RUN_ORDER, runsCell, start, type MeasuredInput } from './result.ts';
import {
  checkpointId,
  cowLiveSql,
  cowRoundSql,
  deletedSql,
  morLiveSql,
  morRoundSql,
  ROUND_DELETE_PERCENT,
  type MorFiles,
} from './row-level-deletes.ts';

type TableRows = NonNullable<MeasuredInput['tables']>[number]['rows'];

/** What one merge-on-read round wrote. */
interface MorRound {
  /** Positions deleted: the round's deletes plus the old versions of its updates. */
  positions: number;
  /** New row versions written. */
  updated: number;
  /** Files written; a file with no rows is not written, as an Iceberg writer would not. */
  files: { deletes?: string; data?: string };
}

/** "a, b or c" (or "and"): a list as a sentence says it. */
export function listOr(items: ReadonlyArray<string>, word: 'and' | 'or'): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** Sum of the sizes of files, in bytes. */
function bytesOf(files: ReadonlyArray<string>): number {
  return files.reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Apply one merge-on-read round, writing `<prefix>-deletes.parquet` and `<prefix>-data.parquet`. */
async function applyMorRound(
  conn: DuckDBConnection,
  files: MorFiles,
  round: number,
  fraction: number,
  seed: number,
  prefix: string,
): Promise<MorRound> {
  const out = { deletes: `${prefix}-deletes.parquet`, data: `${prefix}-data.parquet` };
  const [find, writeDeletes, writeData] = morRoundSql(files, round, fraction, seed, out);
  await conn.run(find!);
  // Both counts from the rows found, not by reading the files back: the timed run does only the round's own work.
  const [counts] = await queryRows(
    conn,
    `SELECT count(*) AS positions, count(*) FILTER (WHERE NOT ${deletedSql(round, seed)}) AS updated FROM round_rows`,
  );
  const positions = Number(counts!['positions']);
  const updated = Number(counts!['updated']);
  const result: MorRound = { positions, updated, files: {} };
  if (positions === 0) return result;
  await conn.run(writeDeletes!);
  result.files.deletes = out.deletes;
  if (updated > 0) {
    await conn.run(writeData!);
    result.files.data = out.data;
  }
  return result;
}

/** Run the merge-on-read against copy-on-write benchmark and return its result file. */
export async function runMorVsCow(ctx: BenchContext): Promise<MeasuredInput> {
  const started = start();
  const { morRows: rows, morFractions, morRounds, plan } = ctx.sizes;
  const file = (name: string) => join(ctx.workDir, name);
  const duck = await openDuck();
  try {
    const { conn } = duck;
    ctx.log(
      `generating ${rows.toLocaleString('en-US')} orders (seed ${ctx.seed}) into the base data file`,
    );
    const base = file('base.parquet');
    await conn.run(
      `COPY (${ordersSelectSql(rows, ctx.seed)}) TO ${sqlString(base)} (FORMAT parquet)`,
    );
    const baseBytes = bytesOf([base]);
    const fingerprint = async (liveSql: string) =>
      JSON.stringify(await queryRows(conn, fingerprintSql(`(${liveSql}) AS live`)));

    const readRows: TableRows = [];
    const writeRows: TableRows = [];
    for (const [f, fraction] of morFractions.entries()) {
      const mor: MorFiles = { data: [base], deletes: [] };
      let cow = base;
      let morWritten = 0;
      let cowWritten = 0;
      let round = 0;
      const real = (r: number, kind: string) => file(`f${f}-r${r}-${kind}`);
      const trial = file(`f${f}-trial`);
      const clearTrial = () => {
        for (const suffix of ['-deletes.parquet', '-data.parquet', '-cow.parquet'])
          rmSync(`${trial}${suffix}`, { force: true });
      };
      // Apply the next round to both tables for real (untimed) and return what it wrote.
      const advance = async () => {
        round++;
        const m = await applyMorRound(conn, mor, round, fraction, ctx.seed, real(round, 'mor'));
        // Untimed: the files hold what the round found, one position per changed row and one new version per update.
        const rowsIn = async (path: string | undefined) =>
          path
            ? Number(
                await queryValue(conn, `SELECT count(*) FROM read_parquet(${sqlString(path)})`),
              )
            : 0;
        if (
          (await rowsIn(m.files.deletes)) !== m.positions ||
          (await rowsIn(m.files.data)) !== m.updated
        )
          throw new Error(
            `round ${round} of ${formatFraction(fraction)}: the merge-on-read files do not hold ${m.positions} positions and ${m.updated} new versions`,
          );
        if (m.files.deletes) mor.deletes.push(m.files.deletes);
        if (m.files.data) mor.data.push(m.files.data);
        const morBytes = bytesOf([m.files.deletes, m.files.data].filter((x): x is string => !!x));
        const next = real(round, 'cow.parquet');
        await conn.run(cowRoundSql(cow, round, fraction, ctx.seed, next));
        // Iceberg keeps a replaced file until its snapshot expires; nothing here reads it again, so it goes now to save disk.
        if (cow !== base) rmSync(cow, { force: true });
        cow = next;
        const cowBytes = bytesOf([cow]);
        morWritten += morBytes;
        cowWritten += cowBytes;
        return { ...m, morBytes, cowBytes };
      };

      for (const k of morRounds) {
        while (round < k - 1) await advance();
        // The cost of round k on a table that has had k − 1 rounds: each timed run writes to
        // throw-away files, removed before the next, so every run does the same work.
        const write = await measureInterleaved(
          {
            mor: {
              before: clearTrial,
              run: () => applyMorRound(conn, mor, k, fraction, ctx.seed, trial),
            },
            cow: {
              before: clearTrial,
              run: () => conn.run(cowRoundSql(cow, k, fraction, ctx.seed, `${trial}-cow.parquet`)),
            },
          },
          plan.slow,
        );
        clearTrial();
        const done = await advance();

        const morSql = fingerprintSql(`(${morLiveSql(mor)}) AS live`);
        const cowSql = fingerprintSql(`(${cowLiveSql(cow)}) AS live`);
        const expected = await fingerprint(cowLiveSql(cow));
        const morAnswer = await fingerprint(morLiveSql(mor));
        if (morAnswer !== expected)
          throw new Error(
            `after ${k} rounds of ${formatFraction(fraction)}, merge-on-read reads ${morAnswer} but copy-on-write reads ${expected}`,
          );
        // Every timed read returns the hash of the current rows; all must equal the one checked above.
        const answers = new Set<string>();
        const read = await measureInterleaved(
          {
            mor: { run: async () => answers.add(JSON.stringify(await queryRows(conn, morSql))) },
            cow: { run: async () => answers.add(JSON.stringify(await queryRows(conn, cowSql))) },
          },
          plan.slow,
        );
        if (answers.size !== 1 || !answers.has(expected))
          throw new Error(
            `timed reads after ${k} rounds of ${formatFraction(fraction)} disagree: ${[...answers].join(' vs ')}`,
          );
        const liveRows = Number((JSON.parse(expected) as [{ n: string }])[0].n);
        ctx.log(
          `${formatFraction(fraction)} per round, after ${k} ${k === 1 ? 'round' : 'rounds'}: ${liveRows.toLocaleString('en-US')} current rows, same hash both ways; merge-on-read reads ${mor.data.length + mor.deletes.length} files`,
        );

        const id = checkpointId(fraction, k);
        const label = `${formatFraction(fraction)} per round, after ${k} ${k === 1 ? 'round' : 'rounds'}`;
        readRows.push({
          id,
          label,
          note: `${liveRows.toLocaleString('en-US')} current rows`,
          cells: {
            'mor-read': runsCell(read.mor),
            'cow-read': runsCell(read.cow),
            'mor-files': mor.data.length + mor.deletes.length,
            'mor-bytes': bytesOf([...mor.data, ...mor.deletes]),
            'cow-bytes': bytesOf([cow]),
          },
        });
        writeRows.push({
          id,
          label: `${formatFraction(fraction)} per round, round ${k}`,
          note: `round ${k} deleted ${(done.positions - done.updated).toLocaleString('en-US')} rows and updated ${done.updated.toLocaleString('en-US')}`,
          cells: {
            'mor-write': runsCell(write.mor),
            'cow-write': runsCell(write.cow),
            'mor-written': done.morBytes,
            'cow-written': done.cowBytes,
            'mor-written-total': morWritten,
            'cow-written-total': cowWritten,
          },
        });
      }
    }
    const duckdbVersion = await queryValue(conn, 'SELECT version()');
    const settings = await duckSettings(conn);
    // DuckDB's iceberg extension is downloaded when installed; the benchmark downloads nothing and
    // records whether it was present at all.
    const icebergInstalled =
      (await queryValue(
        conn,
        `SELECT count(*) FROM duckdb_extensions() WHERE extension_name = 'iceberg' AND installed`,
      )) !== '0';
    const rounds = listOr(morRounds.map(String), 'and');
    const fractions = listOr(morFractions.map(formatFraction), 'or');
    const setup = `A base Parquet data file of ${rows.toLocaleString('en-US')} generated orders receives up to ${morRounds.at(-1)} rounds of changes; each round changes ${fractions} of the current rows (chosen by a hash of order_id and the round), deleting ${ROUND_DELETE_PERCENT} % of them and updating the rest.`;

    return buildMeasured(ctx, started, {
      id: 'mor-vs-cow',
      title: 'Merge-on-read against copy-on-write',
      summary:
        'What do row-level updates and deletes cost when a lake table keeps its files and adds delete files (merge-on-read) instead of rewriting them (copy-on-write): per round written, and per read after many rounds?',
      scope:
        'Iceberg’s two row-level strategies modelled with DuckDB and Parquet files on a local disk: one base data file, v2-style position delete files (file_path, pos) and new data files against one rewritten file; not an Iceberg engine (no manifests, snapshots, commits or compaction, no Trino or Spark, no object storage), and DuckDB’s iceberg extension was not used',
      components: ['data-storage', 'etl-cluster'],
      tables: [
        {
          id: 'read',
          rowLabel: 'Changes applied',
          title: 'Reading the current rows after K rounds of changes',
          description: `${setup} A read produces the current rows and a hash of them. Merge-on-read reads every data file with each row’s file path and position and anti-joins the positions listed in every delete file; copy-on-write reads its one current file. Both reads give the same hash, which the script checks on every run.`,
          compare: { measure: 'cow-read' },
          chart: { measures: ['mor-read', 'cow-read'], scale: 'auto' },
          measures: [
            { id: 'mor-read', label: 'Merge-on-read', unit: 'ms', better: 'lower', ratio: true },
            { id: 'cow-read', label: 'Copy-on-write', unit: 'ms', better: 'lower', ratio: true },
            {
              id: 'mor-files',
              label: 'Files merge-on-read opens (data and delete)',
              unit: 'count',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'mor-bytes',
              label: 'Bytes merge-on-read reads',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'cow-bytes',
              label: 'Bytes copy-on-write reads',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
          ],
          rows: readRows,
          notes: [
            `The base data file is ${baseBytes.toLocaleString('en-US')} bytes. Copy-on-write always opens one file. Checkpoints at ${rounds} rounds.`,
          ],
        },
        {
          id: 'write',
          rowLabel: 'Round',
          title: 'Writing one round of changes',
          description: `${setup} The time of round K is measured on a table that has had K − 1 rounds: merge-on-read finds the affected rows (one scan of the current rows with their positions) and writes a position delete file and a data file with the new versions; copy-on-write reads its current file and writes it again with the round applied. Each timed run writes to files that are removed before the next.`,
          compare: { measure: 'cow-write' },
          chart: { measures: ['mor-write', 'cow-write'], scale: 'auto' },
          measures: [
            { id: 'mor-write', label: 'Merge-on-read', unit: 'ms', better: 'lower', ratio: true },
            { id: 'cow-write', label: 'Copy-on-write', unit: 'ms', better: 'lower', ratio: true },
            {
              id: 'mor-written',
              label: 'Bytes merge-on-read writes in this round',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'cow-written',
              label: 'Bytes copy-on-write writes in this round',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'mor-written-total',
              label: 'Bytes merge-on-read has written up to this round',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
            {
              id: 'cow-written-total',
              label: 'Bytes copy-on-write has written up to this round',
              unit: 'bytes',
              better: 'lower',
              ratio: false,
            },
          ],
          rows: writeRows,
          notes: [
            'Bytes are the sizes of the Parquet files written (DuckDB’s default compression, Snappy), counted once per round; they do not depend on the machine.',
          ],
        },
      ],
      caveats: [
        'Not an Iceberg engine: no manifests, snapshots or commits, so planning and metadata costs, which grow with the number of delete files, are left out. On object storage every file opened is at least one request, so the file counts carry over; the local times do not.',
        'No compaction. A merge-on-read table is compacted by maintenance (Spark’s rewrite_data_files and rewrite_position_delete_files procedures, Trino’s optimize), which is a copy-on-write rewrite on a schedule; the read time here keeps growing because nothing compacts it.',
        'The table is one data file, so copy-on-write rewrites the whole table every round. A real table has many files and copy-on-write rewrites only those holding a changed row: changes spread over the table touch nearly every file, changes to recent data touch few.',
        'Iceberg v3 tables take deletion vectors instead of new position delete files: at most one bitmap per data file, stored in Puffin files and merged by the writer, which the spec calls more efficient at execution time than position delete files. They are not modelled here.',
        'DuckDB applies the deletes with a hash anti-join on (file path, position); Spark and Trino apply position deletes per data file with their own readers, at their own cost.',
        'Files go to the operating system’s page cache without fsync, and copy-on-write’s replaced files are deleted at once; Iceberg keeps them until their snapshots expire, so its storage is higher than the bytes read shown.',
      ],
      software: [
        { name: 'DuckDB', version: duckdbVersion },
        { name: '@duckdb/node-api', version: packageVersion('@duckdb/node-api') },
      ],
      rows,
      plan: plan.slow,
      settings: [
        ...settings,
        {
          name: 'Rounds',
          value: `checkpoints after ${rounds} rounds; rounds in between applied untimed`,
        },
        {
          name: 'Changes per round',
          value: `${fractions} of the current rows; ${ROUND_DELETE_PERCENT} % deleted, the rest updated (status flipped, quantity + 1)`,
        },
        {
          name: 'Delete files',
          value:
            'Iceberg v2 position deletes: (file_path, pos), sorted by file_path then pos, one Parquet file per round',
        },
        {
          name: 'DuckDB iceberg extension',
          value: `not used (${icebergInstalled ? 'installed here, but not loaded' : 'not installed here'}); the benchmark downloads no extension`,
        },
        RUN_ORDER,
      ],
    });
  } finally {
    duck.close();
  }
}
