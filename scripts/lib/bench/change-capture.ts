// Pure parts of the CDC-versus-extract benchmark: which rows a change batch touches, how to read
// PostgreSQL's test_decoding output, and what each way of reading the changes saw or missed.

/** Share of the changed rows that are deleted; the rest are updated. */
export const DELETE_SHARE = 0.2;
/** Share of the changed rows updated several times (in separate transactions) before anyone reads. */
export const HOT_SHARE = 0.1;
/** Versions a "hot" row goes through: a CDC reader sees each, an extract only the last. */
export const HOT_VERSIONS = 3;
/** Rows a concurrent transaction updates before the batch and commits after the next extract, as a share of the changed rows (at least one). */
export const LATE_SHARE = 0.01;

/** The rows one change batch touches, each list ascending and disjoint. */
export interface ChangePlan {
  /** Rows deleted once. */
  deleted: number[];
  /** Rows updated once. */
  updatedOnce: number[];
  /** Rows updated HOT_VERSIONS times, each update its own transaction. */
  updatedHot: number[];
  /** Other rows, updated by one transaction that starts before the batch and commits late. */
  late: number[];
}

/**
 * Pick round(rows × fraction) distinct order ids in [0, rows), spread over the table (a partial
 * Fisher–Yates shuffle driven by mulberry32, so the same seed gives the same ids everywhere), and
 * split them into deletes, hot rows and single updates; then pick a few more for the late transaction.
 */
export function planChanges(rows: number, fraction: number, seed: number): ChangePlan {
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`rows must be a positive integer, got ${rows}`);
  if (!(fraction > 0 && fraction <= 1))
    throw new Error(`fraction must be in (0, 1], got ${fraction}`);
  const count = Math.max(1, Math.round(rows * fraction));
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const late = Math.min(rows - count, Math.max(1, Math.round(count * LATE_SHARE)));
  const ids = new Int32Array(rows);
  for (let i = 0; i < rows; i++) ids[i] = i;
  for (let i = 0; i < count + late; i++) {
    const j = i + Math.floor(next() * (rows - i));
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  const chosen = Array.from(ids.subarray(0, count));
  const deletes = Math.round(count * DELETE_SHARE);
  const hot = Math.round(count * HOT_SHARE);
  const asc = (a: number[]) => a.sort((x, y) => x - y);
  return {
    deleted: asc(chosen.slice(0, deletes)),
    updatedHot: asc(chosen.slice(deletes, deletes + hot)),
    updatedOnce: asc(chosen.slice(deletes + hot)),
    late: asc(Array.from(ids.subarray(count, count + late))),
  };
}

/** The change events a complete change stream must contain for a plan. */
export function expectedEvents(plan: ChangePlan): { updates: number; deletes: number } {
  return {
    updates: plan.updatedOnce.length + plan.updatedHot.length * HOT_VERSIONS,
    deletes: plan.deleted.length,
  };
}

/** One line of test_decoding output. */
export type DecodedLine =
  | { kind: 'begin'; xid: number | undefined }
  | { kind: 'commit'; xid: number | undefined }
  | {
      kind: 'change';
      table: string;
      op: 'INSERT' | 'UPDATE' | 'DELETE';
      columns: Record<string, string | null>;
    }
  | { kind: 'truncate'; tables: string }
  | { kind: 'other'; text: string };

/**
 * Read the columns test_decoding prints: ` name[type]:value` repeated. Values of integer, float and
 * numeric types, true/false and null are bare; everything else is single-quoted with '' for a quote
 * (print_literal in contrib/test_decoding/test_decoding.c). "unchanged-toast-datum" is kept as text.
 */
export function parseColumns(text: string): Record<string, string | null> {
  const columns: Record<string, string | null> = {};
  let i = 0;
  const fail = (what: string) => {
    throw new Error(`test_decoding columns: expected ${what} at character ${i + 1} of "${text}"`);
  };
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    let name: string;
    if (text[i] === '"') {
      // quote_identifier: a double-quoted name with "" for a quote.
      let j = i + 1;
      name = '';
      for (;;) {
        if (j >= text.length) fail('a closing " after a quoted column name');
        if (text[j] === '"' && text[j + 1] === '"') {
          name += '"';
          j += 2;
        } else if (text[j] === '"') break;
        else name += text[j++];
      }
      i = j + 1;
      if (text[i] !== '[') fail('"[" after the column name');
    } else {
      const open = text.indexOf('[', i);
      if (open < 0) fail('name[type]:value');
      name = text.slice(i, open);
      i = open;
    }
    // The type may itself contain brackets ("integer[]"), so its end is the first "]:".
    const close = text.indexOf(']:', i);
    if (close < 0) fail('"]:" after the column type');
    i = close + 2;
    if (text[i] === "'" || (text[i] === 'B' && text[i + 1] === "'")) {
      if (text[i] === 'B') i++;
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) fail(`a closing ' for column ${name}`);
        if (text[j] === "'" && text[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (text[j] === "'") break;
        else value += text[j++];
      }
      columns[name] = value;
      i = j + 1;
    } else {
      const end = text.indexOf(' ', i);
      const raw = text.slice(i, end < 0 ? text.length : end);
      columns[name] = raw === 'null' ? null : raw;
      i = end < 0 ? text.length : end;
    }
  }
  return columns;
}

/** Parse one line of test_decoding output (pg_logical_slot_get_changes(...).data). */
export function parseTestDecodingLine(line: string): DecodedLine {
  const tx = /^(BEGIN|COMMIT)(?: (\d+))?(?: \(at .*\))?$/.exec(line);
  if (tx)
    return {
      kind: tx[1] === 'BEGIN' ? 'begin' : 'commit',
      xid: tx[2] === undefined ? undefined : Number(tx[2]),
    };
  const truncate = /^table (.+): TRUNCATE: /.exec(line);
  if (truncate) return { kind: 'truncate', tables: truncate[1]! };
  const change =
    /^table ((?:"(?:[^"]|"")*"|[^.":\s]+)\.(?:"(?:[^"]|"")*"|[^":\s]+)): (INSERT|UPDATE|DELETE):( .*)?$/.exec(
      line,
    );
  if (!change) return { kind: 'other', text: line };
  const op = change[2] as 'INSERT' | 'UPDATE' | 'DELETE';
  let rest = (change[3] ?? '').trim();
  if (rest === '(no-tuple-data)') return { kind: 'change', table: change[1]!, op, columns: {} };
  // An UPDATE that changed the key (or a REPLICA IDENTITY FULL table) prints the old key first.
  const newTuple = rest.indexOf(' new-tuple: ');
  if (rest.startsWith('old-key:') && newTuple >= 0)
    rest = rest.slice(newTuple + ' new-tuple: '.length);
  return { kind: 'change', table: change[1]!, op, columns: parseColumns(rest) };
}

/** What a change stream says happened to each key. */
export interface CapturedChanges {
  /** Number of update events per key, in the order they were decoded. */
  updates: Map<number, number>;
  /** The tracked column's value in each update of a key, in decoding (commit) order; empty unless a column is tracked. */
  versions: Map<number, (string | null)[]>;
  /** Keys deleted. */
  deletes: Set<number>;
  inserts: number;
  transactions: number;
}

/** Collect the change events of one table from test_decoding lines, keyed by an integer column; `track` keeps one column's value per update. */
export function collectChanges(
  lines: Iterable<string>,
  table: string,
  key: string,
  track?: string,
): CapturedChanges {
  const out: CapturedChanges = {
    updates: new Map(),
    versions: new Map(),
    deletes: new Set(),
    inserts: 0,
    transactions: 0,
  };
  for (const line of lines) {
    const d = parseTestDecodingLine(line);
    if (d.kind === 'commit') out.transactions++;
    if (d.kind === 'truncate' || d.kind === 'other')
      throw new Error(`unexpected test_decoding line: ${line.slice(0, 200)}`);
    if (d.kind !== 'change' || d.table !== table) continue;
    const raw = d.columns[key];
    if (raw === undefined || raw === null)
      throw new Error(`${d.op} on ${table} without key column ${key}: ${line.slice(0, 200)}`);
    const id = Number(raw);
    if (d.op === 'UPDATE') {
      out.updates.set(id, (out.updates.get(id) ?? 0) + 1);
      if (track !== undefined)
        out.versions.set(id, [...(out.versions.get(id) ?? []), d.columns[track] ?? null]);
    } else if (d.op === 'DELETE') out.deletes.add(id);
    else out.inserts++;
  }
  return out;
}

/** What a reader that sees only the current state (an extract) saw of the changes a complete stream recorded. */
export interface ExtractGap {
  /** Changed keys the extract returned with their latest version. */
  seenUpdated: number;
  /** Update events of keys it returned that it could not see: every version but the last. */
  missedVersions: number;
  /** Updated keys it did not return at all (a cursor that missed a row). */
  missedUpdatedRows: number;
  /** Deletes it cannot report: every one (an extract returns rows, not their absence; only diffing against the previous copy finds them). */
  missedDeletes: number;
  /** Deleted keys the extract still returned (must be 0: it would mean the read was not current). */
  deletedButReturned: number;
}

/** Compare the keys an extract returned with the complete change stream. */
export function extractGap(
  captured: CapturedChanges,
  returned: (id: number) => boolean,
): ExtractGap {
  const gap: ExtractGap = {
    seenUpdated: 0,
    missedVersions: 0,
    missedUpdatedRows: 0,
    missedDeletes: captured.deletes.size,
    deletedButReturned: 0,
  };
  for (const [id, versions] of captured.updates) {
    if (captured.deletes.has(id)) continue;
    if (returned(id)) {
      gap.seenUpdated++;
      gap.missedVersions += versions - 1;
    } else {
      gap.missedUpdatedRows++;
      gap.missedVersions += versions;
    }
  }
  for (const id of captured.deletes) if (returned(id)) gap.deletedButReturned++;
  return gap;
}

/** Differences between two full copies of a table whose keys are 0 … size-1, found by diffing. */
export interface SnapshotDiff {
  deleted: number;
  changed: number;
  inserted: number;
}

/**
 * Diff a full extract against the previous one: `previous[id]` is a per-row digest of the last copy
 * (NaN where the key did not exist), `current` the rows of the new copy as [id, digest].
 */
export function diffSnapshots(
  previous: Float64Array,
  current: Iterable<readonly [number, number]>,
): SnapshotDiff {
  const seen = new Uint8Array(previous.length);
  const diff: SnapshotDiff = { deleted: 0, changed: 0, inserted: 0 };
  for (const [id, digest] of current) {
    if (id < 0 || id >= previous.length || Number.isNaN(previous[id]!)) {
      diff.inserted++;
      continue;
    }
    seen[id] = 1;
    if (previous[id] !== digest) diff.changed++;
  }
  for (let id = 0; id < previous.length; id++)
    if (!Number.isNaN(previous[id]!) && !seen[id]) diff.deleted++;
  return diff;
}
