import sqlParser from 'node-sql-parser';
import { hasJinja, renderDbt } from '../dbt-jinja.ts';
import { firstGrammarError, loadDtSqlParser, type GrammarParser } from '../dt-sql-parser.ts';
import { startResult, type CheckResult, type ConfigProblem } from '../result.ts';
import { planTrinoStatement, type StatementPlan } from '../sql-extensions.ts';
import { splitStatements } from '../split-statements.ts';
import { npmTool } from '../tools.ts';
import type { ConfigInput, Validator } from './types.ts';

// node-sql-parser ships CommonJS; take the class from the default export.
const { Parser } = sqlParser as unknown as {
  Parser: new () => { astify(sql: string, opt: { database: string }): unknown };
};
const parser = new Parser();

/** A parse error from node-sql-parser: line and column inside `sql`, and the text found there. */
export function parseSql(
  sql: string,
  dialect: string,
): { line: number; column: number; found: string; positioned: boolean } | undefined {
  // The parser trims its input, so count the leading blank lines ourselves.
  const leading = /^\s*/.exec(sql)![0];
  const skipped = leading.split('\n').length - 1;
  try {
    parser.astify(sql.slice(leading.length), { database: dialect });
    return undefined;
  } catch (error) {
    const e = error as {
      location?: { start: { offset: number; line: number; column: number } };
      message: string;
    };
    if (!e.location) return { line: 1 + skipped, column: 1, found: e.message, positioned: false };
    const rest = sql.slice(leading.length + e.location.start.offset);
    const token = /^\S+/.exec(rest)?.[0];
    const found = token
      ? `"${token.length > 30 ? `${token.slice(0, 30)}...` : token}"`
      : 'the end of the statement';
    return {
      line: e.location.start.line + skipped,
      column: e.location.start.column,
      found,
      positioned: true,
    };
  }
}

/** Message for a parse error, naming the parser and grammar that rejected it. */
export function describeSqlError(
  error: { found: string; positioned: boolean },
  parserName: string,
  dialect: string,
): string {
  return error.positioned
    ? `SQL syntax error at ${error.found} (${parserName}, ${dialect} grammar)`
    : `SQL error in this statement: ${error.found} (${parserName}, ${dialect} grammar; no position given)`;
}

/** Plan a statement for the dialect; only Trino needs our extensions today. */
function planStatement(text: string, dialect: string, parserName: string): StatementPlan {
  return dialect === 'trino'
    ? planTrinoStatement(text, parserName)
    : { parse: [{ text, aligned: true }], problems: [], limits: [] };
}

/** How the statements of one rendering were checked. */
interface SqlTextCheck {
  problems: ConfigProblem[];
  /** Limits with the lines they apply to, e.g. "lines 3, 9: ANALYZE has no rule ...". */
  limits: string[];
  statements: number;
  /** Statements parsed whole, parsed after our rules removed Trino-only parts, or checked by our rules only; and parsed by the dt-sql-parser grammar. */
  counts: { whole: number; partly: number; rulesOnly: number; grammar: number };
}

/** Check one rendering of a file: split, plan and parse each statement. */
function checkSqlText(
  input: ConfigInput,
  sql: string,
  dialect: string,
  parserName: string,
  label: string,
  grammar?: { parser: GrammarParser; name: string },
): SqlTextCheck {
  const problems: ConfigProblem[] = [];
  const limitLines = new Map<string, number[]>();
  const counts = { whole: 0, partly: 0, rulesOnly: 0, grammar: 0 };
  const statements = splitStatements(sql);
  for (const statement of statements) {
    const plan = planStatement(statement.text, dialect, parserName);
    if (grammar) {
      // The Trino grammar reads every statement first; node-sql-parser's result decides whether
      // a statement it rejects is a mistake (both reject it) or a gap in its grammar.
      const error = firstGrammarError(grammar.parser, statement.text);
      if (!error) counts.grammar++;
      else {
        const nodeAccepts =
          plan.parse.length > 0 &&
          plan.problems.length === 0 &&
          plan.parse.every((part) => !parseSql(part.text, dialect));
        const line = statement.textLine + error.startLine - 1;
        if (nodeAccepts)
          limitLines.set(
            `not parsed by ${grammar.name} (${error.message}); parsed by ${parserName} only`,
            [
              ...(limitLines.get(
                `not parsed by ${grammar.name} (${error.message}); parsed by ${parserName} only`,
              ) ?? []),
              line,
            ],
          );
        else {
          problems.push({
            file: input.file,
            line,
            message: `SQL syntax error: ${error.message} (${grammar.name})${label}`,
          });
          // node-sql-parser would report the same mistake, less precisely: keep the grammar's word.
          for (const message of plan.problems)
            problems.push({
              file: input.file,
              line: statement.line,
              message: `${message}${label}`,
            });
          for (const limit of plan.limits)
            limitLines.set(limit, [...(limitLines.get(limit) ?? []), statement.line]);
          continue;
        }
      }
    }
    for (const message of plan.problems)
      problems.push({ file: input.file, line: statement.line, message: `${message}${label}` });
    for (const limit of plan.limits)
      limitLines.set(limit, [...(limitLines.get(limit) ?? []), statement.line]);
    if (plan.parse.length === 0) counts.rulesOnly++;
    else if (plan.limits.length === 0) counts.whole++;
    else counts.partly++;
    for (const part of plan.parse) {
      const error = parseSql(part.text, dialect);
      if (!error) continue;
      const line = part.aligned ? statement.textLine + error.line - 1 : statement.line;
      problems.push({
        file: input.file,
        line,
        message: `${describeSqlError(error, parserName, dialect)}${label}`,
      });
    }
  }
  const limits = [...limitLines].map(
    ([limit, lines]) => `${lines.length > 1 ? 'lines' : 'line'} ${lines.join(', ')}: ${limit}`,
  );
  return { problems, limits, statements: statements.length, counts };
}

/** "12 statement(s): 8 parsed whole, 2 parsed after ..., 2 checked by our rules only". */
function describeCounts(checked: SqlTextCheck, dialect: string, grammarName?: string): string {
  const { whole, partly, rulesOnly, grammar } = checked.counts;
  const parts = grammarName ? [`${grammar} parsed by ${grammarName}`] : [];
  parts.push(`${whole} parsed whole by node-sql-parser's ${dialect} grammar`);
  if (partly) parts.push(`${partly} parsed after our rules checked the clauses the grammar lacks`);
  if (rulesOnly) parts.push(`${rulesOnly} checked by our rules only`);
  return `${checked.statements} statement(s): ${parts.join(', ')}`;
}

/**
 * SQL files parsed by node-sql-parser in the manifest's dialect. dbt files are rendered first
 * (ref, source, config, this, is_incremental: both an incremental run and a full refresh).
 * Statements the grammar lacks are checked by our rules and listed as limits.
 */
export const validateSql: Validator = async (inputs) => {
  const { TrinoSQL } = await loadDtSqlParser();
  const dt = npmTool('dt-sql-parser');
  const trinoGrammar = {
    parser: new TrinoSQL(),
    name: `dt-sql-parser ${dt.version} TrinoSQL grammar`,
  };
  return inputs.map((input) => {
    const result: CheckResult = startResult(input.file, input.entry.path, 'sql');
    const dialect = input.entry.dialect ?? 'trino';
    const tool = npmTool('node-sql-parser');
    const parserName = `node-sql-parser ${tool.version}`;
    const grammar = dialect === 'trino' ? trinoGrammar : undefined;
    if (grammar) {
      result.tools.push(dt);
      result.badgeNotes.push('dt-sql-parser TrinoSQL grammar');
    }
    result.tools.push(tool);
    result.checks.push('statements split on ";" outside quotes and comments');
    result.badgeNotes.push(`${dialect} grammar`);
    const seen = new Set<string>();
    const add = (problems: ConfigProblem[]) => {
      for (const p of problems) {
        const key = `${p.line}|${p.message.replace(/ \((incremental run|full refresh)\)$/, '')}`;
        if (!seen.has(key)) {
          seen.add(key);
          result.problems.push(p);
        }
      }
    };
    if (hasJinja(input.text)) {
      result.badgeNotes.push('after rendering dbt Jinja');
      const incremental = renderDbt(input.text, true);
      const full = renderDbt(input.text, false);
      result.checks.push(
        'dbt Jinja rendered before parsing: {{ ref() }}, {{ source() }}, {{ config() }}, {{ this }}, {% if is_incremental() %}' +
          (incremental.usesIncremental
            ? ' (parsed both as an incremental run and as a full refresh)'
            : ''),
        'Jinja block tags balanced',
      );
      result.limits.push(...incremental.approximations.map((a) => `Jinja ${a}`));
      add(
        incremental.problems.map((p) => ({ file: input.file, line: p.line, message: p.message })),
      );
      const renderings = incremental.usesIncremental
        ? [
            { sql: incremental.sql, label: ' (incremental run)' },
            { sql: full.sql, label: ' (full refresh)' },
          ]
        : [{ sql: full.sql, label: '' }];
      const checks = renderings.map((r) =>
        checkSqlText(input, r.sql, dialect, parserName, r.label, grammar),
      );
      for (const checked of checks) {
        add(checked.problems);
        result.limits.push(...checked.limits.filter((l) => !result.limits.includes(l)));
      }
      const widest = checks.reduce((a, b) => (b.statements > a.statements ? b : a));
      if (widest.statements === 0) result.checks.push('renders to no SQL (macro definitions only)');
      else result.checks.push(describeCounts(widest, dialect, grammar?.name));
    } else {
      const checked = checkSqlText(input, input.text, dialect, parserName, '', grammar);
      add(checked.problems);
      result.limits.push(...checked.limits);
      result.checks.push(describeCounts(checked, dialect, grammar?.name));
      if (checked.statements === 0)
        result.problems.push({ file: input.file, message: 'the file holds no SQL statement' });
    }
    return result;
  });
};
