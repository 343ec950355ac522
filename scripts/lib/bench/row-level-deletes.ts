// Pure SQL of the merge-on-read against copy-on-write benchmark: which rows a round changes, what an
// update writes, and how each strategy writes a round and reads the current rows. The files follow
// Iceberg's v2 layout for row-level changes (format/spec.md, "Position Delete Files"): a position
// delete file lists (file_path, pos) of deleted rows, sorted by file_path then pos, and an update is
// a delete of the old row plus the new version in a new data file.
import { ORDERS_COLUMNS } from './orders.ts';
import { sqlString } from './duckdb.ts';

/** Share of a round's changed rows that are deleted; the rest are updated (as the incremental-load batch: 80 % updates). */
export const ROUND_DELETE_PERCENT = 20;

/** The files of a merge-on-read table: data files (the base first) and position delete files. */
export interface MorFiles {
  data: string[];
  deletes: string[];
}

/** A SQL list literal of file paths, e.g. ['/a.parquet', '/b.parquet']. */
function fileList(files: ReadonlyArray<string>): string {
  if (!files.length) throw new Error('expected at least one file');
  return `[${files.map(sqlString).join(', ')}]`;
}

/** True for the rows round `round` changes: about `fraction` of the rows, chosen by a hash of order_id, the seed and the round. */
export function changedSql(round: number, fraction: number, seed: number): string {
  if (!Number.isInteger(round) || round < 1)
    throw new Error(`round must be an integer ≥ 1, got ${round}`);
  if (!(fraction > 0 && fraction <= 1))
    throw new Error(`fraction must be in (0, 1], got ${fraction}`);
  const perMillion = Math.round(fraction * 1_000_000);
  return `(hash(order_id, ${seed}, ${round}, 'change') % 1000000 < ${perMillion})`;
}

/** True for the changed rows round `round` deletes (the others it updates). */
export function deletedSql(round: number, seed: number): string {
  return `(hash(order_id, ${seed}, ${round}, 'delete') % 100 < ${ROUND_DELETE_PERCENT})`;
}

/** What an update sets, by column: status flips between delivered and returned, quantity goes up by one; other columns are kept. */
export const UPDATED_VALUES: Readonly<Record<string, string>> = {
  status: `CASE WHEN status = 'delivered' THEN 'returned' ELSE 'delivered' END`,
  quantity: '(quantity + 1)::INTEGER',
};

/** The orders columns after an update, in table order. */
export function updatedColumnsSql(): string {
  return ORDERS_COLUMNS.map(([c]) => (UPDATED_VALUES[c] ? `${UPDATED_VALUES[c]} AS ${c}` : c)).join(
    ', ',
  );
}

/**
 * The current rows of a merge-on-read table: every data file with its path and row position,
 * less the positions its delete files list (an anti-join on file_path and pos), as a reader
 * applying v2 position deletes must. Keeps `filename` and `file_row_number` for the next round.
 */
export function morLiveSql(files: MorFiles): string {
  const data = `read_parquet(${fileList(files.data)}, filename = true, file_row_number = true)`;
  if (!files.deletes.length) return `SELECT * FROM ${data}`;
  return `SELECT d.* FROM ${data} AS d ANTI JOIN read_parquet(${fileList(files.deletes)}) AS x ON x.file_path = d.filename AND x.pos = d.file_row_number`;
}

/** The current rows of a copy-on-write table: its one current file. */
export function cowLiveSql(file: string): string {
  return `SELECT * FROM read_parquet(${sqlString(file)})`;
}

/** The statements of one merge-on-read round: find the live rows it changes, then write their positions and the new versions. */
export function morRoundSql(
  files: MorFiles,
  round: number,
  fraction: number,
  seed: number,
  out: { deletes: string; data: string },
): string[] {
  const cols = ORDERS_COLUMNS.map(([c]) => c).join(', ');
  return [
    // One scan of the table finds every affected row with its file and position, as an engine's UPDATE or DELETE does.
    `CREATE OR REPLACE TEMP TABLE round_rows AS SELECT filename, file_row_number, ${cols} FROM (${morLiveSql(files)}) AS live WHERE ${changedSql(round, fraction, seed)}`,
    `COPY (SELECT filename AS file_path, file_row_number AS pos FROM round_rows ORDER BY file_path, pos) TO ${sqlString(out.deletes)} (FORMAT parquet)`,
    `COPY (SELECT ${updatedColumnsSql()} FROM round_rows WHERE NOT ${deletedSql(round, seed)}) TO ${sqlString(out.data)} (FORMAT parquet)`,
  ];
}

/** The statement of one copy-on-write round: rewrite the current file with the round's deletes left out and its updates applied. */
export function cowRoundSql(
  current: string,
  round: number,
  fraction: number,
  seed: number,
  out: string,
): string {
  const changed = changedSql(round, fraction, seed);
  const cols = ORDERS_COLUMNS.map(([c]) =>
    UPDATED_VALUES[c] ? `CASE WHEN ${changed} THEN ${UPDATED_VALUES[c]} ELSE ${c} END AS ${c}` : c,
  ).join(', ');
  return `COPY (SELECT ${cols} FROM read_parquet(${sqlString(current)}) WHERE NOT (${changed} AND ${deletedSql(round, seed)})) TO ${sqlString(out)} (FORMAT parquet)`;
}

/** Row id of a (fraction, rounds) checkpoint, e.g. 0.01 and 20 → "changed-1-percent-after-20". */
export function checkpointId(fraction: number, rounds: number): string {
  return `changed-${String(Number((fraction * 100).toPrecision(2))).replace('.', '-')}-percent-after-${rounds}`;
}
