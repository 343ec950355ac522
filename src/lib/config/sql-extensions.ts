import { findNearestName } from './nearest-name.ts';
import { blankComments, findClosingParen, splitTopLevel } from './split-statements.ts';

/**
 * What to do with a statement before node-sql-parser sees it. Trino statements outside the
 * parser's Trino grammar are either rewritten to the part it can parse (after our own checks of
 * the rest) or checked by our own rules only; each outcome is reported.
 */
export interface StatementPlan {
  /**
   * Texts to parse with node-sql-parser. `aligned` texts keep the statement's line breaks, so
   * parser lines map back to the file; others stand for a part of the statement.
   */
  parse: Array<{ text: string; aligned: boolean }>;
  /** Problems our own rules found in the statement, messages only (the caller adds lines). */
  problems: string[];
  /** What was not parsed and why, for the result's limits; empty when fully parsed. */
  limits: string[];
}

/**
 * Table procedures of Trino 483's Iceberg connector (ALTER TABLE ... EXECUTE) and their
 * arguments, in declaration order: the `tableProcedures` bindings in
 * plugin/trino-iceberg/.../IcebergModule.java at the 483 release commit and each
 * *TableProcedure.java's properties. `rollback_to_snapshot` is also a `CALL system.` procedure,
 * deprecated in 469; only the table-procedure form belongs here.
 */
export const TRINO_ICEBERG_TABLE_PROCEDURES: Record<string, string[]> = {
  optimize: ['file_size_threshold'],
  optimize_manifests: [],
  drop_extended_stats: [],
  rollback_to_snapshot: ['snapshot_id'],
  expire_snapshots: ['retention_threshold', 'retain_last', 'clean_expired_metadata'],
  remove_orphan_files: ['retention_threshold'],
  add_files: ['location', 'format', 'recursive_directory'],
  add_files_from_table: ['schema_name', 'table_name', 'partition_filter', 'recursive_directory'],
};

/** Names of the Trino 483 Iceberg table procedures. */
export const TRINO_ICEBERG_PROCEDURES = Object.keys(TRINO_ICEBERG_TABLE_PROCEDURES);

/**
 * Problems with a table procedure's arguments, as Trino 483's analyzer
 * (StatementAnalyzer.processTableExecuteArguments) and the procedure's properties see them: all
 * named or all positional, no more positional than the procedure takes, only names it declares.
 */
function checkProcedureArguments(procedure: string, args: string[]): string[] {
  const known = TRINO_ICEBERG_TABLE_PROCEDURES[procedure] ?? [];
  const takes = known.length ? `it takes ${known.join(', ')}` : 'it takes no arguments';
  const named = args.map((arg) => /^\s*(\w+)\s*=>\s*\S/.exec(arg)?.[1]);
  if (named.some(Boolean) && !named.every(Boolean))
    return [`${procedure}: named and positional arguments cannot be mixed`];
  if (!named.some(Boolean))
    return args.length > known.length
      ? [`${procedure}: ${args.length} positional argument(s), ${takes}`]
      : [];
  return named
    .filter((name) => !known.includes(name!.toLowerCase()))
    .map((name) => {
      const nearest = findNearestName(name!, known);
      return `${procedure} has no argument "${name}"${nearest ? `; nearest valid: "${nearest}"` : ''}; ${takes}`;
    });
}

const IDENT = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`${IDENT}(?:\.${IDENT}){0,2}`;

/** Check `name = value` table or schema properties; returns problems. */
function checkProperties(list: string, where: string): string[] {
  return splitTopLevel(list)
    .map((item) => item.trim())
    .filter((item) => !new RegExp(String.raw`^[A-Za-z_]\w*\s*=\s*\S`).test(item))
    .map((item) => `${where} property "${item.slice(0, 40)}" is not written as name = value`);
}

/** Statement keyword(s), upper-case, comments removed. */
function lead(code: string): string {
  return code.trim().split(/\s+/).slice(0, 3).join(' ').toUpperCase();
}

/** Statements Trino accepts that node-sql-parser's Trino grammar has no rule for at all. */
const TRINO_UNPARSED =
  /^(GRANT|REVOKE|DENY|SHOW|DESCRIBE|EXPLAIN|CALL|COMMENT ON|PREPARE|EXECUTE|DEALLOCATE|REFRESH MATERIALIZED|CREATE MATERIALIZED|CREATE ROLE|DROP ROLE|SET ROLE|START TRANSACTION|COMMIT|ROLLBACK)\b/;

/** Plan a Trino statement: rewrite or own-check the parts node-sql-parser's grammar lacks. */
export function planTrinoStatement(text: string, parserName: string): StatementPlan {
  const code = blankComments(text).trim();
  const upper = lead(code);
  const none = { parse: [], problems: [], limits: [] } satisfies StatementPlan;

  if (/^SET (TIME ZONE|SESSION)\b|^RESET SESSION\b|^USE\b/.test(upper)) {
    const ok =
      /^SET\s+TIME\s+ZONE\s+(LOCAL|'[^']+'|INTERVAL\s+'[^']+'\s+\w+(\s+TO\s+\w+)?)$/i.test(code) ||
      /^SET\s+SESSION\s+[\w.]+\s*=\s*\S[\s\S]*$/i.test(code) ||
      /^RESET\s+SESSION\s+[\w.]+$/i.test(code) ||
      new RegExp(String.raw`^USE\s+${IDENT}(\.${IDENT})?$`, 'i').test(code);
    return {
      ...none,
      problems: ok
        ? []
        : [
            `"${code.slice(0, 60)}" is not a valid ${upper.split(' ').slice(0, 2).join(' ')} statement`,
          ],
    };
  }

  const execute = new RegExp(
    String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(${QUALIFIED})\s+EXECUTE\s+(\w+)\s*(\(([\s\S]*?)\))?\s*(?:WHERE\s+([\s\S]+))?$`,
    'i',
  ).exec(code);
  if (execute) {
    const [, table, procedure, , args, where] = execute;
    const problems: string[] = [];
    if (!TRINO_ICEBERG_PROCEDURES.includes(procedure!.toLowerCase())) {
      // A hint only for a misspelling; an unrelated name gets the full list alone.
      const nearest = findNearestName(procedure!, TRINO_ICEBERG_PROCEDURES);
      problems.push(
        `unknown table procedure "${procedure}"${nearest ? `; nearest valid: "${nearest}"` : ''}; Trino's Iceberg connector has ${TRINO_ICEBERG_PROCEDURES.join(', ')}`,
      );
    } else
      problems.push(
        ...checkProcedureArguments(
          procedure!.toLowerCase(),
          args?.trim() ? splitTopLevel(args) : [],
        ),
      );
    return {
      parse: where ? [{ text: `SELECT 1 FROM ${table} WHERE ${where}`, aligned: false }] : [],
      problems,
      limits: [
        `ALTER TABLE ... EXECUTE has no rule in ${parserName}: procedure and arguments checked by our rules${where ? ', WHERE clause parsed' : ''}`,
      ],
    };
  }

  if (/^ANALYZE\b/.test(upper)) {
    const ok = new RegExp(String.raw`^ANALYZE\s+${QUALIFIED}(\s+WITH\s*\([\s\S]*\))?$`, 'i').test(
      code,
    );
    return {
      ...none,
      problems: ok ? [] : ['ANALYZE takes a table name and optional WITH (...) properties'],
      limits: [`ANALYZE has no rule in ${parserName}: checked by our rules`],
    };
  }

  if (/^MERGE INTO\b/.test(upper)) {
    const ok =
      /^MERGE\s+INTO\s+\S+(\s+(AS\s+)?\w+)?\s+USING\s+[\s\S]+?\s+ON\s+[\s\S]+?\s+WHEN\s+(NOT\s+)?MATCHED\b/i.test(
        code,
      );
    return {
      ...none,
      problems: ok
        ? []
        : ['MERGE needs INTO <table> USING <source> ON <condition> WHEN [NOT] MATCHED ...'],
      limits: [`MERGE has no rule in ${parserName}: clause structure checked by our rules`],
    };
  }

  const create = new RegExp(String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?(SCHEMA|TABLE)\s+`, 'i').exec(
    code,
  );
  if (create) {
    // Trino's trailing WITH (...) properties and CREATE TABLE AS are not in the grammar: check
    // the properties ourselves, then parse the statement without them (or the query alone).
    const what = create[1]!.toUpperCase();
    const problems: string[] = [];
    const asQuery =
      /\)\s*(?:COMMENT\s+'(?:[^']|'')*'\s*)?(?:WITH\s*\([\s\S]*\)\s*)?AS\s+(\(?\s*(?:SELECT|WITH)\b[\s\S]*)$|^CREATE\s+(?:OR\s+REPLACE\s+)?TABLE\s+[^\s(]+\s+(?:COMMENT\s+'(?:[^']|'')*'\s*)?(?:WITH\s*\([\s\S]*?\)\s*)?AS\s+(\(?\s*(?:SELECT|WITH)\b[\s\S]*)$/i.exec(
        code,
      );
    const withMatch = /\bWITH\s*\(/gi;
    let m: RegExpExecArray | null;
    let cut: { from: number; to: number } | undefined;
    while ((m = withMatch.exec(code))) {
      const open = m.index + m[0].length - 1;
      const close = findClosingParen(code, open);
      const before = code.slice(0, m.index);
      // Only a WITH at statement level (not inside the column list or a query) is the properties clause.
      const depth = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
      if (close !== -1 && depth === 0) {
        problems.push(...checkProperties(code.slice(open + 1, close), what.toLowerCase()));
        cut = { from: m.index, to: close + 1 };
        break;
      }
    }
    const query = asQuery?.[1] ?? asQuery?.[2];
    if (query)
      return {
        parse: [{ text: query, aligned: false }],
        problems,
        limits: [
          `CREATE ${what} ... AS has no rule in ${parserName}: the query is parsed${cut ? ', properties checked by our rules' : ''}`,
        ],
      };
    // Blank the properties in place so the parser's lines still match the file.
    const blank = blankComments(text);
    const shift = blank.indexOf(code);
    const rest = cut
      ? blank.slice(0, shift + cut.from) +
        blank.slice(shift + cut.from, shift + cut.to).replace(/[^\n]/g, ' ') +
        blank.slice(shift + cut.to)
      : text;
    return {
      parse: [{ text: rest, aligned: true }],
      problems,
      limits: cut
        ? [
            `CREATE ${what} ... WITH (...) properties have no rule in ${parserName}: checked by our rules, the rest parsed`,
          ]
        : [],
    };
  }

  if (TRINO_UNPARSED.test(upper))
    return {
      ...none,
      limits: [`${upper.split(' ')[0]} statements have no rule in ${parserName}: not parsed`],
    };
  return { parse: [{ text, aligned: true }], problems: [], limits: [] };
}
