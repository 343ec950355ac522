// Run a gate's checks in a DuckDB session and collect one result per check. Every check runs,
// even after one fails, so the report lists everything wrong with the batch at once.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CheckKind, Gate, GateName } from './checks-schema.ts';
import {
  compareColumns,
  compileCheck,
  compileTypeCheck,
  matchContractVersion,
} from './compile-check.ts';
import { queryRows, valueText, type Row } from './duck.ts';
import type { SourceTable } from './source.ts';

/** The outcome of one check on one relation. */
export interface CheckResult {
  gate: GateName;
  relation: string;
  /** Landing batch quarantined when this check fails, or null. */
  batch: SourceTable | null;
  kind: CheckKind;
  check: string;
  /** `warn`: a failure is reported but does not stop the day. */
  severity: 'error' | 'warn';
  passed: boolean;
  /** Failing rows, keys or problems. */
  failed: number;
  /** Rows looked at, or null when the check does not count rows. */
  total: number | null;
  /** Sample of what failed; empty when the check passed. */
  detail: string;
  /** A contract check: the contract and the reviewed version the relation's columns matched (null when none did). */
  contract?: { name: string; version: string | null };
}

/** First line of an error message, for reports. */
function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0] ?? 'unknown error';
}

/** One check's query result. */
interface Outcome {
  failed: number;
  total: number | null;
  detail: string;
}

/** Read one check's result row. */
function toOutcome(row: Row | undefined): Outcome {
  const failed = Number(row?.['failed'] ?? 0);
  const total =
    row?.['total'] === null || row?.['total'] === undefined ? null : Number(row['total']);
  return { failed, total, detail: failed > 0 ? valueText(row?.['detail'] ?? '') : '' };
}

/**
 * Run many check queries. They go to DuckDB as one UNION ALL, since each round trip costs more
 * than the check itself; if that fails, each runs alone so the error lands on the right check.
 */
async function runQueries(
  conn: DuckDBConnection,
  queries: readonly string[],
): Promise<Array<Outcome | Error>> {
  if (!queries.length) return [];
  try {
    const union = queries
      .map(
        (sql, i) =>
          `SELECT ${i} AS i, CAST(failed AS BIGINT) AS failed, CAST(total AS BIGINT) AS total, CAST(detail AS VARCHAR) AS detail FROM (\n${sql}\n)`,
      )
      .join('\nUNION ALL\n');
    const rows = await queryRows(conn, `${union}\nORDER BY i`);
    return queries.map((_, i) => toOutcome(rows.find((r) => Number(r['i']) === i)));
  } catch {
    const outcomes: Array<Outcome | Error> = [];
    for (const sql of queries) {
      try {
        outcomes.push(toOutcome((await queryRows(conn, sql))[0]));
      } catch (error) {
        outcomes.push(error as Error);
      }
    }
    return outcomes;
  }
}

/** Run the checks of `gate` on the relations `include` selects. */
export async function runGate(
  conn: DuckDBConnection,
  gate: Gate,
  options: {
    include: (relation: string) => boolean;
    /** Relations whose file could not be read, with the reader's error. */
    unreadable?: ReadonlyMap<string, string>;
    baselineRows: (batch: SourceTable | null) => number | null;
    readSql: (name: string) => string;
  },
): Promise<CheckResult[]> {
  // Results stay in the order of checks.yaml, however each was reached.
  const results: CheckResult[] = [];
  const pending: Array<{
    slot: number;
    base: Omit<CheckResult, 'passed' | 'failed' | 'total' | 'detail'>;
    sql: string;
  }> = [];
  for (const entry of gate.relations.filter((r) => options.include(r.relation))) {
    const batch = entry.batch ?? null;
    for (const check of entry.checks) {
      const compiled = compileCheck(entry.relation, check, {
        baselineRows: options.baselineRows(batch),
        readSql: options.readSql,
      });
      const base = {
        gate: gate.gate,
        relation: entry.relation,
        batch,
        kind: check.kind,
        check: compiled.label,
        severity: entry.severity,
      };
      if (check.kind === 'schema') {
        // Compare the columns first: with one missing, the type query could not even bind.
        let problems: string[];
        const unreadable = options.unreadable?.get(entry.relation);
        try {
          problems = unreadable
            ? [`could not read the file: ${unreadable}`]
            : compareColumns(
                Object.keys(check.spec),
                (await queryRows(conn, `DESCRIBE ${entry.relation}`)).map((r) =>
                  valueText(r['column_name']),
                ),
              );
        } catch (error) {
          problems = [`could not read: ${firstLine(error)}`];
        }
        if (problems.length) {
          results.push({
            ...base,
            passed: false,
            failed: problems.length,
            total: null,
            detail: problems.join('; '),
          });
          continue;
        }
      }
      if (check.kind === 'contract') {
        // The batch's columns pick the version: a batch landed before a column was added still
        // fits the version before it, and a new column fits only a reviewed version that has it.
        const unreadable = options.unreadable?.get(entry.relation);
        let actual: string[] | null = null;
        let problems: string[] = [];
        try {
          if (unreadable) problems = [`could not read the file: ${unreadable}`];
          else
            actual = (await queryRows(conn, `DESCRIBE ${entry.relation}`)).map((r) =>
              valueText(r['column_name']),
            );
        } catch (error) {
          problems = [`could not read: ${firstLine(error)}`];
        }
        const match = actual ? matchContractVersion(check.spec, actual) : { problems };
        if ('problems' in match) {
          results.push({
            ...base,
            passed: false,
            failed: match.problems.length,
            total: null,
            detail: match.problems.join('; '),
            contract: { name: check.spec.name, version: null },
          });
          continue;
        }
        const withContract = {
          ...base,
          contract: { name: check.spec.name, version: match.version },
        };
        pending.push({
          slot: results.length,
          base: withContract,
          sql: compileTypeCheck(entry.relation, match.columns),
        });
        results.push({ ...withContract, passed: false, failed: 0, total: null, detail: '' });
        continue;
      }
      pending.push({ slot: results.length, base, sql: compiled.sql });
      results.push({ ...base, passed: false, failed: 0, total: null, detail: '' });
    }
  }
  const outcomes = await runQueries(
    conn,
    pending.map((p) => p.sql),
  );
  pending.forEach(({ slot, base }, i) => {
    const outcome = outcomes[i]!;
    results[slot] =
      outcome instanceof Error
        ? {
            ...base,
            passed: false,
            failed: 1,
            total: null,
            detail: `could not run: ${firstLine(outcome)}`,
          }
        : { ...base, passed: outcome.failed === 0, ...outcome };
  });
  return results;
}

/** The middle value of a list of numbers, or null when it is empty. */
export function getMedian(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Whether a gate's results let the day go on: every blocking check passed (warnings may not). */
export function isGatePassed(results: readonly CheckResult[]): boolean {
  return results.every((r) => r.passed || r.severity === 'warn');
}
