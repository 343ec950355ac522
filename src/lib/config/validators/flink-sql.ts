import { checkFlinkStatements } from '../flink-rules.ts';
import { startResult } from '../result.ts';
import { splitStatements } from '../split-statements.ts';
import { npmTool } from '../tools.ts';
import { describeSqlError, parseSql } from './sql.ts';
import type { Validator } from './types.ts';

/**
 * Flink SQL scripts for the SQL client. No offline parser accepts Flink DDL (WATERMARK,
 * METADATA and computed columns, TIMESTAMP_LTZ), so DDL, SET and statement sets are checked by
 * our rules, and the queries (INSERT ... SELECT, views) are parsed by node-sql-parser's
 * flinksql grammar.
 */
export const validateFlinkSql: Validator = async (inputs) =>
  inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'flink-sql');
    const tool = npmTool('node-sql-parser');
    result.tools.push(tool);
    result.badgeNotes.push('flinksql grammar for queries', 'our rules for DDL and SET');
    const statements = splitStatements(input.text);
    const { problems, queries } = checkFlinkStatements(statements);
    result.checks.push(
      `${statements.length} statement(s) split on ";" outside quotes and comments, each terminated`,
      "our rules: SET 'key' = 'value'; CREATE TABLE columns, types, WATERMARK column, PRIMARY KEY NOT ENFORCED, connector options (kafka, upsert-kafka, filesystem, jdbc); CREATE CATALOG options; statement sets closed; INSERT targets exist",
      `${queries.length} query/queries (INSERT ... SELECT, views) parsed by node-sql-parser's flinksql grammar`,
    );
    result.limits.push(`DDL is not parsed by a grammar: node-sql-parser ${tool.version}'s flinksql grammar lacks WATERMARK, METADATA columns and TIMESTAMP_LTZ`);
    result.problems.push(...problems.map((p) => ({ file: input.file, line: p.line, message: p.message })));
    for (const query of queries) {
      const error = parseSql(query.text, 'flinksql');
      if (error)
        result.problems.push({
          file: input.file,
          line: query.line + error.line - 1,
          message: describeSqlError(error, `node-sql-parser ${tool.version}`, 'flinksql'),
        });
    }
    if (statements.length === 0) result.problems.push({ file: input.file, message: 'the file holds no SQL statement' });
    return result;
  });
