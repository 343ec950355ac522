// Turn a check from checks.yaml into one SQL query. Every query returns a single row:
//   failed  how many rows (or keys, or problems) break the check; 0 means it passed
//   total   how many rows it looked at (NULL when that means nothing)
//   detail  a short sample of what failed, for the report
import type { Check } from './checks-schema.ts';
import { toSqlString, toSubquery } from './sql-files.ts';

/** What a check needs besides its own settings. */
export interface CheckContext {
  /** Median rows of earlier on-time batches of the table, for relative volume; null if none. */
  baselineRows: number | null;
  /** The text of a SQL file, by name (for `sql` checks). */
  readSql: (name: string) => string;
}

/** A check ready to run: a readable label and its query. */
export interface CompiledCheck {
  label: string;
  sql: string;
}

/** Up to `limit` distinct values of a VARCHAR expression, sorted, as one string. */
function sampleValues(expression: string, from: string, where: string, limit = 5): string {
  return `(SELECT string_agg(v, ', ' ORDER BY v) FROM (
    SELECT DISTINCT CAST(${expression} AS VARCHAR) AS v FROM ${from} WHERE ${where} ORDER BY 1 LIMIT ${limit}))`;
}

/** A readable list of columns, shortened after four. */
function listColumns(columns: readonly string[]): string {
  return columns.length > 4 ? `${columns.slice(0, 4).join(', ')}, …` : columns.join(', ');
}

/** Per-column counts, e.g. "order_id: 3 null", for the columns where the count is not 0. */
function countPerColumn(
  columns: ReadonlyArray<[string, string]>,
  suffix: (c: string) => string,
): string {
  const parts = columns.map(
    ([column, condition]) =>
      `CASE WHEN count(*) FILTER (WHERE ${condition}) > 0 THEN '${column}: ' || count(*) FILTER (WHERE ${condition}) || ' ${suffix(column)}' END`,
  );
  return `concat_ws(', ', ${parts.join(', ')})`;
}

/** A query counting the rows of `relation` whose values do not parse as their column's type. */
export function compileTypeCheck(
  relation: string,
  columns: Readonly<Record<string, string>>,
): string {
  const typed = Object.entries(columns).filter(([, type]) => type !== 'VARCHAR');
  const conditions = typed.map(([column, type]): [string, string] => [
    column,
    `${column} IS NOT NULL AND TRY_CAST(${column} AS ${type}) IS NULL`,
  ]);
  const failed = conditions.length ? conditions.map(([, c]) => `(${c})`).join(' OR ') : 'false';
  return `SELECT count(*) FILTER (WHERE ${failed}) AS failed, count(*) AS total,
  ${conditions.length ? countPerColumn(conditions, (c) => `not ${columns[c]}`) : "''"} AS detail
FROM ${relation}`;
}

/**
 * The contract version a relation with `actual` columns conforms to: the newest whose columns
 * are exactly these, or the problems against the newest version in force.
 */
export function matchContractVersion(
  contract: {
    name: string;
    versions: ReadonlyArray<{ version: string; columns: Readonly<Record<string, string>> }>;
  },
  actual: readonly string[],
): { version: string; columns: Readonly<Record<string, string>> } | { problems: string[] } {
  const fits = contract.versions.filter(
    (v) => compareColumns(Object.keys(v.columns), actual).length === 0,
  );
  if (fits.length) return fits.at(-1)!;
  const newest = contract.versions.at(-1)!;
  const problems = compareColumns(Object.keys(newest.columns), actual);
  return {
    problems: [
      `${problems.join('; ')}: not in contract ${contract.name} ${newest.version}, the newest reviewed version` +
        `${
          contract.versions.length > 1
            ? ` (nor in ${contract.versions
                .slice(0, -1)
                .map((v) => v.version)
                .join(', ')})`
            : ''
        }; ` +
        'a new column is promoted only after a contract version that has it is reviewed',
    ],
  };
}

/** Compile one check on `relation` into SQL. */
export function compileCheck(relation: string, check: Check, context: CheckContext): CompiledCheck {
  switch (check.kind) {
    case 'schema':
      return {
        label: `schema: ${Object.keys(check.spec).length} columns, values parse as their types`,
        sql: compileTypeCheck(relation, check.spec),
      };
    case 'contract': {
      // The version is chosen by the batch's columns when the check runs (run-checks.ts); this
      // compiles the newest version, whose columns the label does not name.
      const newest = check.spec.versions.at(-1)!;
      return {
        label: `contract ${check.spec.name}: the columns of a reviewed version, values parse as their types`,
        sql: compileTypeCheck(relation, newest.columns),
      };
    }
    case 'volume': {
      const { min_rows: minRows, max_drop_pct: maxDrop } = check.spec;
      const floor =
        maxDrop !== undefined && context.baselineRows !== null
          ? Math.max(minRows, Math.ceil(context.baselineRows * (1 - maxDrop / 100)))
          : minRows;
      const usual = context.baselineRows === null ? '' : `, usually ${context.baselineRows}`;
      return {
        label: `volume: at least ${minRows} row${minRows === 1 ? '' : 's'}${maxDrop === undefined ? '' : `, at most ${maxDrop} % below the usual`}`,
        sql: `SELECT CASE WHEN count(*) < ${floor} THEN 1 ELSE 0 END AS failed, 1 AS total,
  count(*) || ' rows${usual}, at least ${floor} expected' AS detail
FROM ${relation}`,
      };
    }
    case 'not_null': {
      const conditions = check.spec.map((c): [string, string] => [c, `${c} IS NULL`]);
      return {
        label: `not null: ${listColumns(check.spec)}`,
        sql: `SELECT count(*) FILTER (WHERE ${check.spec.map((c) => `${c} IS NULL`).join(' OR ')}) AS failed,
  count(*) AS total,
  ${countPerColumn(conditions, () => 'null')} AS detail
FROM ${relation}`,
      };
    }
    case 'unique': {
      const key = check.spec.columns.join(', ');
      return {
        label: `unique: ${key}`,
        sql: `WITH duplicates AS (
  SELECT ${key}, count(*) AS n FROM ${relation} GROUP BY ${key} HAVING count(*) > 1
)
SELECT (SELECT count(*) FROM duplicates) AS failed,
  (SELECT count(*) FROM ${relation}) AS total,
  ${sampleValues(`concat_ws(', ', ${key}) || ' (' || n || ' rows)'`, 'duplicates', 'true')} AS detail`,
      };
    }
    case 'accepted_values': {
      const { column, values } = check.spec;
      const outside = `${column} NOT IN (${values.map(toSqlString).join(', ')})`;
      return {
        label: `accepted values: ${column} in ${values.join(', ')}`,
        sql: `SELECT count(*) FILTER (WHERE ${outside}) AS failed, count(*) AS total,
  ${sampleValues(column, relation, outside)} AS detail
FROM ${relation}`,
      };
    }
    case 'row_condition': {
      const broken = `NOT (${check.spec.expect})`;
      return {
        label: check.spec.name,
        sql: `SELECT count(*) FILTER (WHERE ${broken}) AS failed, count(*) AS total,
  (SELECT string_agg(CAST(r AS VARCHAR), '; ') FROM (SELECT * FROM ${relation} WHERE ${broken} LIMIT 3) AS r) AS detail
FROM ${relation}`,
      };
    }
    case 'references': {
      const { column, to, field } = check.spec;
      const orphan = `${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${to} AS p WHERE p.${field} = ${relation}.${column})`;
      return {
        label: `references: ${column} → ${to}.${field}`,
        sql: `SELECT count(*) FILTER (WHERE ${orphan}) AS failed, count(*) AS total,
  ${sampleValues(column, relation, orphan)} AS detail
FROM ${relation}`,
      };
    }
    case 'freshness': {
      const { column, max_age_hours: hours } = check.spec;
      const due = `getvariable('window_end') - INTERVAL ${hours} HOUR`;
      return {
        label: `freshness: newest ${column} at most ${hours} h before the end of the day`,
        sql: `SELECT CASE WHEN max(${column}) >= ${due} THEN 0 ELSE 1 END AS failed, 1 AS total,
  'newest ' || coalesce(CAST(max(${column}) AS VARCHAR), 'none') || ', due by ' || CAST(${due} AS VARCHAR) AS detail
FROM ${relation}`,
      };
    }
    case 'sql':
      return {
        label: check.spec.name,
        sql: `WITH failures AS (
${toSubquery(context.readSql(check.spec.file))}
)
SELECT count(*) AS failed, NULL AS total,
  (SELECT string_agg(CAST(f AS VARCHAR), '; ') FROM (FROM failures LIMIT 3) AS f) AS detail
FROM failures`,
      };
  }
}

/** Compare a relation's columns with the expected ones; returns the problems, or none. */
export function compareColumns(expected: readonly string[], actual: readonly string[]): string[] {
  const missing = expected.filter((c) => !actual.includes(c));
  const extra = actual.filter((c) => !expected.includes(c));
  return [
    ...(missing.length
      ? [`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`]
      : []),
    ...(extra.length
      ? [`unexpected column${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`]
      : []),
  ];
}
