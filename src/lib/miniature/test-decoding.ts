// Parse the text that PostgreSQL's logical decoding plugin test_decoding writes, into the
// changes of a change log. The miniature reads its slot with test_decoding rather than pgoutput:
// both ship with PostgreSQL, but pgoutput needs a publication and speaks the binary replication
// protocol (pg_logical_slot_get_binary_changes), which would need a protocol decoder here, while
// test_decoding prints one line of text per change that a small pure function can parse and a
// test can pin. The platform's connectors use pgoutput (Debezium's plugin.name in
// content/configs/stream-ingestion, Airbyte's in content/configs/batch-ingestion); the changes
// they carry are the same.
//
// Lines look like this (PostgreSQL 15, contrib/test_decoding/test_decoding.c):
//   BEGIN
//   table sales.orders: INSERT: order_id[bigint]:1 status[character varying]:'paid' note[text]:null
//   table sales.orders: DELETE: order_id[bigint]:2          (the key only: REPLICA IDENTITY DEFAULT)
//   message: transactional: 1 prefix: miniature.committed_at, sz: 22 content:2026-11-02 10:00:01+00
//   COMMIT
import { DataError } from '../errors/format-issues.ts';

/** A change operation as a change log writes it: create, update, delete. */
export type ChangeOp = 'c' | 'u' | 'd';

/** One decoded row change, with the position of its transaction. */
export interface DecodedChange {
  /** LSN of the change's WAL record. */
  lsn: bigint;
  /** LSN of its transaction's commit: changes apply in commit order, then in `lsn` order. */
  commitLsn: bigint;
  /** Schema-qualified table, e.g. "sales.orders". */
  table: string;
  op: ChangeOp;
  /** For c and u the whole new row; for d the key (the table's replica identity). */
  columns: Record<string, string | null>;
  /** Content of the transaction's logical message with the commit-time prefix, or null. */
  commitTime: string | null;
}

/** One row of pg_logical_slot_get_changes: the LSN text and the plugin's line. */
export interface SlotRow {
  lsn: string;
  data: string;
}

/** An LSN as PostgreSQL prints it ("16/B374D848": high and low 32 bits in hex) as a number. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (!match)
    throw new DataError(
      `"${text}" is not an LSN: expected two hex numbers separated by a slash, e.g. "0/1527118"`,
    );
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

const OPS: Record<string, ChangeOp> = { INSERT: 'c', UPDATE: 'u', DELETE: 'd' };

/**
 * The columns of a change line after "INSERT: " and the like: `name[type]:value` separated by
 * spaces; a value is null, a quoted literal ('' for a quote) or a bare word (numbers, booleans).
 * An UPDATE that changes the key prints `old-key: … new-tuple: …`; the new tuple is kept.
 */
export function parseColumns(text: string): Record<string, string | null> {
  let columns: Record<string, string | null> = {};
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i += 1;
      continue;
    }
    if (text.startsWith('old-key: ', i)) {
      i += 'old-key: '.length;
      continue;
    }
    if (text.startsWith('new-tuple: ', i)) {
      columns = {};
      i += 'new-tuple: '.length;
      continue;
    }
    if (text.startsWith('(no-tuple-data)', i)) {
      throw new DataError(
        'a DELETE or UPDATE carries no key ("(no-tuple-data)"): give the table a primary key or set REPLICA IDENTITY, so the change log can say which row changed',
      );
    }
    const open = text.indexOf('[', i);
    const close = text.indexOf(']:', open);
    if (open < 0 || close < 0)
      throw new DataError(
        `test_decoding columns: expected name[type]:value at "${text.slice(i, i + 40)}"`,
      );
    const name = text.slice(i, open).replace(/^"(.*)"$/, '$1');
    i = close + 2;
    if (text[i] === "'") {
      let value = '';
      i += 1;
      for (;;) {
        const quote = text.indexOf("'", i);
        if (quote < 0)
          throw new DataError(`test_decoding columns: the value of ${name} has no closing quote`);
        value += text.slice(i, quote);
        if (text[quote + 1] === "'") {
          value += "'";
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      columns[name] = value;
    } else {
      const end = text.indexOf(' ', i) < 0 ? text.length : text.indexOf(' ', i);
      const word = text.slice(i, end);
      if (word === 'unchanged-toast-datum') {
        throw new DataError(
          `test_decoding columns: ${name} is an unchanged TOASTed value, which the change does not carry; set REPLICA IDENTITY FULL on the table to have whole rows`,
        );
      }
      columns[name] = word === 'null' ? null : word;
      i = end;
    }
  }
  return columns;
}

/**
 * The changes in slot rows, in the order the slot gave them (commit order). Each change gets its
 * transaction's commit LSN and the content of the transaction's logical message whose prefix is
 * `commitTimePrefix` (a simulated commit time; see source-cdc.sql). Rows of a transaction that
 * has not committed in `rows` are an error: a slot only returns committed transactions.
 */
export function parseSlotRows(rows: readonly SlotRow[], commitTimePrefix: string): DecodedChange[] {
  const changes: DecodedChange[] = [];
  let open: Array<Omit<DecodedChange, 'commitLsn' | 'commitTime'>> | null = null;
  let commitTime: string | null = null;
  for (const row of rows) {
    const { data } = row;
    if (data === 'BEGIN' || data.startsWith('BEGIN ')) {
      open = [];
      commitTime = null;
      continue;
    }
    if (open === null)
      throw new DataError(
        `test_decoding: "${data.slice(0, 60)}" at ${row.lsn} comes outside a transaction (no BEGIN before it)`,
      );
    if (data === 'COMMIT' || data.startsWith('COMMIT ')) {
      const commitLsn = parseLsn(row.lsn);
      changes.push(...open.map((c) => ({ ...c, commitLsn, commitTime })));
      open = null;
      continue;
    }
    const message = /^message: transactional: [01] prefix: ([^,]*), sz: \d+ content:(.*)$/s.exec(
      data,
    );
    if (message) {
      if (message[1] === commitTimePrefix) commitTime = message[2]!;
      continue;
    }
    const change = /^table ([^:]+): (INSERT|UPDATE|DELETE): (.*)$/s.exec(data);
    if (!change)
      throw new DataError(
        `test_decoding: cannot read "${data.slice(0, 60)}" at ${row.lsn}; expected BEGIN, COMMIT, a message or "table <name>: INSERT|UPDATE|DELETE: …"`,
      );
    open.push({
      lsn: parseLsn(row.lsn),
      table: change[1]!,
      op: OPS[change[2]!]!,
      columns: parseColumns(change[3]!),
    });
  }
  if (open !== null)
    throw new DataError(
      'test_decoding: the last transaction has no COMMIT; a slot returns whole transactions only',
    );
  return changes;
}

/** Undo COPY's text-format escapes (\\, \t, \n, \r) in one field. */
function unescapeCopyField(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
}

/** Rows of `COPY (SELECT lsn, data …) TO STDOUT` in text format: tab-separated, escaped. */
export function parseCopyRows(text: string): SlotRow[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const tab = line.indexOf('\t');
      if (tab < 0)
        throw new DataError(`slot rows: expected "lsn<TAB>data", got "${line.slice(0, 60)}"`);
      return { lsn: line.slice(0, tab), data: unescapeCopyField(line.slice(tab + 1)) };
    });
}
