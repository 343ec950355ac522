import { firstGrammarError, loadDtSqlParser } from '../dt-sql-parser.ts';
import { checkFlinkStatements } from '../flink-rules.ts';
import { startResult } from '../result.ts';
import { splitStatements } from '../split-statements.ts';
import { npmTool } from '../tools.ts';
import { describeSqlError, parseSql } from './sql.ts';
import type { SqlStatement } from '../split-statements.ts';
import type { Validator } from './types.ts';

/** Statements as the grammar reads them: a statement set's INSERTs and its END form one unit. */
function groupStatementSets(
  statements: ReadonlyArray<SqlStatement>,
  text: string,
): Array<{ text: string; line: number; members: SqlStatement[] }> {
  const lines = text.split('\n');
  const code = (s: SqlStatement) =>
    s.text
      .replace(/--[^\n]*/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, (c) => (c.startsWith('/*+') ? c : ''))
      .trim();
  const units: Array<{ text: string; line: number; members: SqlStatement[] }> = [];
  for (let i = 0; i < statements.length; i++) {
    const first = statements[i]!;
    if (!/^(EXECUTE\s+STATEMENT\s+SET\s+BEGIN|BEGIN\s+STATEMENT\s+SET)\b/i.test(code(first))) {
      units.push({ text: first.text, line: first.textLine, members: [first] });
      continue;
    }
    let j = i;
    while (j < statements.length - 1 && !/^END$/i.test(code(statements[j]!))) j++;
    const last = statements[j]!;
    const endLine = last.textLine + last.text.split('\n').length - 1;
    // Blank the lines before the unit's first line so the grammar's line numbers stay the file's.
    units.push({
      text: lines.slice(first.textLine - 1, endLine).join('\n'),
      line: first.textLine,
      members: statements.slice(i, j + 1),
    });
    i = j;
  }
  return units;
}

/**
 * Flink SQL scripts for the SQL client: every statement parsed by dt-sql-parser's FlinkSQL
 * grammar (DDL with WATERMARK, METADATA and computed columns included); our rules check
 * connector options, SET and statement sets; queries are also parsed by node-sql-parser's
 * flinksql grammar, which decides whether a query dt-sql-parser rejects is a mistake (both reject
 * it) or a gap in that grammar (shown as not parsed by it).
 */
export const validateFlinkSql: Validator = async (inputs) => {
  const { FlinkSQL } = await loadDtSqlParser();
  const flink = new FlinkSQL();
  const dt = npmTool('dt-sql-parser');
  const grammarName = `dt-sql-parser ${dt.version} FlinkSQL grammar`;
  return inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'flink-sql');
    const tool = npmTool('node-sql-parser');
    result.tools.push(dt, tool);
    result.badgeNotes.push(
      'dt-sql-parser FlinkSQL grammar',
      'flinksql grammar for queries',
      'our rules for connector options and SET',
    );
    const statements = splitStatements(input.text);
    const { problems, queries } = checkFlinkStatements(statements);
    // A statement set (EXECUTE STATEMENT SET BEGIN ... END) is one statement to the grammar.
    const units = groupStatementSets(statements, input.text);
    let parsed = 0;
    for (const unit of units) {
      const error = firstGrammarError(flink, unit.text);
      if (!error) {
        parsed += unit.members.length;
        continue;
      }
      const line = unit.line + error.startLine - 1;
      const member =
        [...unit.members].reverse().find((m) => m.textLine <= line) ?? unit.members[0]!;
      const query = queries.find((q) => q.line === member.textLine);
      if (query && !parseSql(query.text, 'flinksql'))
        result.limits.push(
          `line ${line}: not parsed by ${grammarName} (${error.message}); parsed by node-sql-parser ${tool.version}'s flinksql grammar only`,
        );
      else if (!query)
        result.problems.push({
          file: input.file,
          line,
          message: `SQL syntax error: ${error.message} (${grammarName})`,
        });
    }
    result.checks.push(
      `${statements.length} statement(s) split on ";" outside quotes and comments, each terminated; ${parsed} parsed by ${grammarName}`,
      "our rules: SET 'key' = 'value'; CREATE TABLE columns, types, WATERMARK column, PRIMARY KEY NOT ENFORCED, connector options (kafka, upsert-kafka, filesystem, jdbc); CREATE CATALOG options; statement sets closed; INSERT targets exist",
      `${queries.length} query/queries (INSERT ... SELECT, views) parsed by node-sql-parser's flinksql grammar`,
    );
    result.problems.push(
      ...problems.map((p) => ({ file: input.file, line: p.line, message: p.message })),
    );
    for (const query of queries) {
      const error = parseSql(query.text, 'flinksql');
      if (error)
        result.problems.push({
          file: input.file,
          line: query.line + error.line - 1,
          message: describeSqlError(error, `node-sql-parser ${tool.version}`, 'flinksql'),
        });
    }
    if (statements.length === 0)
      result.problems.push({ file: input.file, message: 'the file holds no SQL statement' });
    return result;
  });
};
