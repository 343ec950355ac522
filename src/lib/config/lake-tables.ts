import { blankComments, findClosingParen } from './split-statements.ts';

/** A lake table named in a config file, with the 1-based line that names it. */
export interface TableAt {
  table: string;
  line: number;
}

/** A table list that leaves out a table it must hold, for a report line. */
export interface MissingTable {
  table: string;
  /** Where the table comes from, e.g. "zones.sql:118". */
  source: string;
  /** 1-based line of the list that should hold it. */
  line: number;
  message: string;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/**
 * Tables a zones.sql creates with a column named `key` (the data subject's id), outside the
 * `ops` schema, whose tables record erasure requests rather than hold the subjects' data.
 */
export function findSubjectTables(zonesSql: string, key = 'customer_id'): TableAt[] {
  const code = blankComments(zonesSql);
  const found: TableAt[] = [];
  for (const m of code.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w.]+)\s*\(/gi)) {
    const table = m[1]!.toLowerCase();
    if (table.split('.').at(-2) === 'ops') continue;
    const open = m.index + m[0].length - 1;
    const columns = code.slice(open + 1, findClosingParen(code, open));
    if (new RegExp(String.raw`(^|,)\s*${key}\s+\w`, 'i').test(columns))
      found.push({ table, line: lineAt(code, m.index) });
  }
  return found;
}

/**
 * Tables a maintenance SQL file runs `procedure` on (ALTER TABLE ... EXECUTE procedure), only
 * those whose argument list contains `args` when given (e.g. one optimize threshold).
 */
export function findProcedureTables(sql: string, procedure: string, args?: string): TableAt[] {
  const code = blankComments(sql);
  return [
    ...code.matchAll(
      new RegExp(String.raw`ALTER\s+TABLE\s+([\w.]+)\s+EXECUTE\s+${procedure}\b(\([^)]*\))?`, 'gi'),
    ),
  ]
    .filter((m) => args === undefined || (m[2] ?? '').includes(args))
    .map((m) => ({ table: m[1]!.toLowerCase(), line: lineAt(code, m.index) }));
}

/**
 * Keys (or items) of the Python literal assigned to `name`, e.g. `PII_TABLES: dict[...] = {...}`,
 * with the line of the assignment; undefined when the file does not assign it. Names used inside
 * the literal (a constant such as LANDING) are resolved from `NAME = "..."` lines of the file.
 */
export function readPythonTableList(
  python: string,
  name: string,
): { line: number; tables: Set<string> } | undefined {
  const start = new RegExp(String.raw`^${name}\b[^=\n]*=\s*[[{]`, 'm').exec(python);
  if (!start) return undefined;
  const open = python[start.index + start[0].length - 1]!;
  const end = python.indexOf(open === '{' ? '\n}' : '\n]', start.index);
  const body = python.slice(start.index + start[0].length, end === -1 ? undefined : end);
  const constants = new Map(
    [...python.matchAll(/^([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]+)"\s*$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  const tables = new Set<string>();
  for (const line of body.split('\n')) {
    const item = line.replace(/#.*$/, '').trim();
    if (!item) continue;
    // A dict entry or list item: its first string literal, or a constant that holds one.
    const literal =
      /^"([\w.]+)"/.exec(item)?.[1] ?? constants.get(/^([A-Z_][A-Z0-9_]*)/.exec(item)?.[1] ?? '');
    if (literal) tables.add(literal.toLowerCase());
  }
  return { line: lineAt(python, start.index), tables };
}

/** Tables of `expected` that `list` lacks, each with where it came from. */
export function findMissingTables(
  expected: TableAt[],
  sourceName: string,
  list: { line: number; tables: Set<string> },
  listName: string,
  why: string,
): MissingTable[] {
  const seen = new Set<string>();
  return expected
    .filter((t) => !list.tables.has(t.table) && !seen.has(t.table) && seen.add(t.table))
    .map((t) => ({
      table: t.table,
      source: `${sourceName}:${t.line}`,
      line: list.line,
      message: `${listName} lacks ${t.table} (${sourceName} line ${t.line}): ${why}`,
    }));
}
