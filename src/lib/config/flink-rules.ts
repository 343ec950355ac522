import {
  blankComments,
  findClosingParen,
  splitTopLevel,
  type SqlStatement,
} from './split-statements.ts';

/** A problem found by the Flink SQL rules, with its 1-based line. */
export interface FlinkProblem {
  line: number;
  message: string;
}

/** Queries to hand to node-sql-parser's flinksql grammar, aligned with the file's lines. */
export interface FlinkQuery {
  /** Text with the same line breaks as the statement, non-query parts blanked. */
  text: string;
  /** Line where `text` begins. */
  line: number;
}

/** Flink SQL data type names. Source: nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/types/ */
export const FLINK_TYPES = [
  'CHAR',
  'VARCHAR',
  'STRING',
  'BOOLEAN',
  'BINARY',
  'VARBINARY',
  'BYTES',
  'DECIMAL',
  'DEC',
  'NUMERIC',
  'TINYINT',
  'SMALLINT',
  'INT',
  'INTEGER',
  'BIGINT',
  'FLOAT',
  'DOUBLE',
  'DATE',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMP_LTZ',
  'INTERVAL',
  'ARRAY',
  'MAP',
  'MULTISET',
  'ROW',
  'RAW',
  'VARIANT',
];

/**
 * Options each connector needs, from the Flink connector docs
 * (nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/). Each inner list is
 * "one of these".
 */
export const CONNECTOR_REQUIRED: Record<string, string[][]> = {
  kafka: [['topic', 'topic-pattern'], ['properties.bootstrap.servers'], ['format', 'value.format']],
  'upsert-kafka': [['topic'], ['properties.bootstrap.servers'], ['key.format'], ['value.format']],
  filesystem: [['path'], ['format']],
  jdbc: [['url'], ['table-name']],
  elasticsearch: [['hosts'], ['index']],
};

const KAFKA_STARTUP_MODES = [
  'earliest-offset',
  'latest-offset',
  'group-offsets',
  'timestamp',
  'specific-offsets',
];
const IDENT = String.raw`(?:\`[^\`]+\`|[A-Za-z_]\w*)`;
const unquoteIdent = (s: string) => s.replace(/^`|`$/g, '');

/** Parse `'key' = 'value'` options; problems for other shapes and for duplicate keys. */
export function parseOptions(
  list: string,
  line: number,
  problems: FlinkProblem[],
): Map<string, string> {
  const options = new Map<string, string>();
  for (const item of splitTopLevel(list)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'$/s.exec(item);
    if (!m) {
      problems.push({
        line,
        message: `option ${item.slice(0, 50)} must be written 'key' = 'value' (both quoted)`,
      });
      continue;
    }
    if (options.has(m[1]!)) problems.push({ line, message: `option '${m[1]}' is set twice` });
    options.set(m[1]!, m[2]!.replace(/''/g, "'"));
  }
  return options;
}

/** Lines inside `text` (starting at `line`) of the first match of `pattern`. */
function lineOf(text: string, index: number, line: number): number {
  return line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
}

/** Check a CREATE TABLE's columns, watermark, key and connector options. */
function checkCreateTable(
  code: string,
  line: number,
  problems: FlinkProblem[],
): string | undefined {
  const head = new RegExp(
    String.raw`^CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT}(?:\.${IDENT}){0,2})\s*\(`,
    'i',
  ).exec(code);
  if (!head) {
    problems.push({ line, message: 'CREATE TABLE needs a name and a column list in parentheses' });
    return undefined;
  }
  const name = head[1]!;
  const open = head[0].length - 1;
  const close = findClosingParen(code, open);
  if (close === -1) {
    problems.push({ line, message: `CREATE TABLE ${name}: the column list is not closed` });
    return name;
  }
  const columns = new Set<string>();
  let watermarks = 0;
  let primaryKey = false;
  for (const raw of splitTopLevel(code.slice(open + 1, close))) {
    const item = raw.trim();
    const at = lineOf(code, code.indexOf(item), line);
    if (!item) continue;
    const watermark = new RegExp(String.raw`^WATERMARK\s+FOR\s+(${IDENT})\s+AS\s+\S`, 'is').exec(
      item,
    );
    const key = /^(?:CONSTRAINT\s+\w+\s+)?PRIMARY\s+KEY\s*\(([^)]*)\)\s*(NOT\s+ENFORCED)?$/is.exec(
      item,
    );
    if (watermark) {
      watermarks++;
      const column = unquoteIdent(watermark[1]!);
      if (!columns.has(column))
        problems.push({
          line: at,
          message: `WATERMARK FOR ${column}: no column "${column}" is declared before it`,
        });
    } else if (key) {
      primaryKey = true;
      if (!key[2])
        problems.push({ line: at, message: 'PRIMARY KEY must be declared NOT ENFORCED in Flink' });
      for (const c of key[1]!.split(',').map((s) => unquoteIdent(s.trim())))
        if (!columns.has(c))
          problems.push({ line: at, message: `PRIMARY KEY column "${c}" is not declared` });
    } else {
      const column = new RegExp(
        String.raw`^(${IDENT})\s+(AS\s+\S[\s\S]*|([A-Za-z_]+)[\s\S]*)$`,
        'i',
      ).exec(item);
      if (!column) {
        problems.push({
          line: at,
          message: `cannot read column definition "${item.slice(0, 50)}"`,
        });
        continue;
      }
      const columnName = unquoteIdent(column[1]!);
      if (columns.has(columnName))
        problems.push({ line: at, message: `column "${columnName}" is declared twice` });
      columns.add(columnName);
      const type = column[3]?.toUpperCase();
      if (type && !FLINK_TYPES.includes(type))
        problems.push({
          line: at,
          message: `column "${columnName}": unknown type ${column[3]}; Flink types are ${FLINK_TYPES.join(', ')}`,
        });
    }
  }
  if (watermarks > 1)
    problems.push({
      line,
      message: `CREATE TABLE ${name} declares ${watermarks} watermarks; Flink allows one`,
    });

  const tail = code.slice(close + 1);
  const withMatch = /\bWITH\s*\(/i.exec(tail);
  const qualified = name.split('.').length === 3;
  if (/^\s*LIKE\b/i.test(tail)) return name;
  if (!withMatch) {
    if (!qualified)
      problems.push({
        line,
        message: `CREATE TABLE ${name} has no WITH (...) options; a table outside a catalog needs 'connector'`,
      });
    return name;
  }
  const withOpen = close + 1 + withMatch.index + withMatch[0].length - 1;
  const withClose = findClosingParen(code, withOpen);
  const withLine = lineOf(code, withOpen, line);
  const options = parseOptions(
    code.slice(withOpen + 1, withClose === -1 ? code.length : withClose),
    withLine,
    problems,
  );
  const connector = options.get('connector');
  if (!connector) {
    if (!qualified)
      problems.push({
        line: withLine,
        message: `CREATE TABLE ${name}: WITH (...) has no 'connector'`,
      });
    return name;
  }
  for (const oneOf of CONNECTOR_REQUIRED[connector] ?? []) {
    if (!oneOf.some((k) => options.has(k)))
      problems.push({
        line: withLine,
        message: `CREATE TABLE ${name}: the ${connector} connector needs ${oneOf.map((k) => `'${k}'`).join(' or ')}`,
      });
  }
  if (connector === 'upsert-kafka' && !primaryKey)
    problems.push({ line, message: `CREATE TABLE ${name}: upsert-kafka needs a PRIMARY KEY` });
  if (connector === 'kafka') {
    const mode = options.get('scan.startup.mode');
    if (mode && !KAFKA_STARTUP_MODES.includes(mode))
      problems.push({
        line: withLine,
        message: `CREATE TABLE ${name}: 'scan.startup.mode' is '${mode}'; one of ${KAFKA_STARTUP_MODES.join(', ')}`,
      });
    if (mode === 'group-offsets' && !options.has('properties.group.id'))
      problems.push({
        line: withLine,
        message: `CREATE TABLE ${name}: 'scan.startup.mode' = 'group-offsets' needs 'properties.group.id'`,
      });
    if (options.has('key.format') && !options.has('key.fields'))
      problems.push({
        line: withLine,
        message: `CREATE TABLE ${name}: 'key.format' needs 'key.fields'`,
      });
    if (
      options.get('sink.delivery-guarantee') === 'exactly-once' &&
      !options.has('sink.transactional-id-prefix')
    )
      problems.push({
        line: withLine,
        message: `CREATE TABLE ${name}: 'sink.delivery-guarantee' = 'exactly-once' needs 'sink.transactional-id-prefix'`,
      });
  }
  return name;
}

/** Check CREATE CATALOG: a name and a 'type' option; Iceberg REST catalogs need a 'uri'. */
function checkCreateCatalog(
  code: string,
  line: number,
  problems: FlinkProblem[],
): string | undefined {
  const m = new RegExp(
    String.raw`^CREATE\s+CATALOG\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+WITH\s*\(([\s\S]*)\)$`,
    'i',
  ).exec(code);
  if (!m) {
    problems.push({ line, message: "CREATE CATALOG needs a name and WITH ('type' = '...')" });
    return undefined;
  }
  const options = parseOptions(m[2]!, line, problems);
  if (!options.has('type'))
    problems.push({ line, message: `CREATE CATALOG ${m[1]}: WITH (...) has no 'type'` });
  if (
    options.get('type') === 'iceberg' &&
    options.get('catalog-type') === 'rest' &&
    !options.has('uri')
  )
    problems.push({ line, message: `CREATE CATALOG ${m[1]}: an Iceberg REST catalog needs 'uri'` });
  return unquoteIdent(m[1]!);
}

/**
 * Apply the Flink SQL rules to split statements: every statement ends with ";", SET uses quoted
 * keys, tables and catalogs are well-formed, statement sets are closed, INSERT targets exist.
 * Returns problems and the queries (INSERT ... SELECT, views, SELECT) to parse.
 */
export function checkFlinkStatements(statements: ReadonlyArray<SqlStatement>): {
  problems: FlinkProblem[];
  queries: FlinkQuery[];
} {
  const problems: FlinkProblem[] = [];
  const queries: FlinkQuery[] = [];
  const tables = new Set<string>();
  const catalogs = new Set<string>();
  const setKeys = new Map<string, number>();
  let inSet: number | undefined;
  const inserts: Array<{ target: string; line: number }> = [];
  for (const s of statements) {
    const blank = blankComments(s.text);
    const trimmed = blank.trim();
    let code = trimmed;
    const offset = blank.indexOf(trimmed);
    if (!s.terminated)
      problems.push({
        line: s.line,
        message: 'statement does not end with ";"; the SQL client needs one after every statement',
      });
    const setStart =
      /^EXECUTE\s+STATEMENT\s+SET\s+BEGIN\s+/i.exec(code) ??
      /^BEGIN\s+STATEMENT\s+SET\s*$/i.exec(code);
    if (setStart) {
      if (inSet !== undefined)
        problems.push({
          line: s.line,
          message: `statement set opened again; the one from line ${inSet} is not closed with END;`,
        });
      inSet = s.line;
      code = code.slice(setStart[0].length);
      if (!code) continue;
    }
    const upper = code.toUpperCase();
    if (/^END$/.test(upper)) {
      if (inSet === undefined)
        problems.push({ line: s.line, message: 'END; without an open statement set' });
      inSet = undefined;
      continue;
    }
    if (inSet !== undefined && !/^INSERT\s/.test(upper))
      problems.push({
        line: s.line,
        message: 'only INSERT statements may appear inside a statement set',
      });
    if (/^SET\b/.test(upper)) {
      const m = /^SET\s+'([^']+)'\s*=\s*'([^']*)'$/i.exec(code);
      if (!m)
        problems.push({
          line: s.line,
          message: "SET must be written SET 'key' = 'value'; (both quoted)",
        });
      else if (setKeys.has(m[1]!))
        problems.push({
          line: s.line,
          message: `'${m[1]}' is set twice (first on line ${setKeys.get(m[1]!)})`,
        });
      else setKeys.set(m[1]!, s.line);
    } else if (
      /^RESET\b|^USE\b|^SHOW\b|^DESCRIBE\b|^DESC\b|^EXPLAIN\b|^LOAD\s+MODULE|^ADD\s+JAR/.test(upper)
    ) {
      // Client commands: accepted as written.
    } else if (/^CREATE\s+CATALOG\b/.test(upper)) {
      const name = checkCreateCatalog(code, s.line, problems);
      if (name) catalogs.add(name);
    } else if (/^CREATE\s+(TEMPORARY\s+)?TABLE\b/.test(upper)) {
      const name = checkCreateTable(code, s.line, problems);
      if (name) tables.add(unquoteIdent(name));
    } else if (/^CREATE\s+(TEMPORARY\s+)?VIEW\b/.test(upper)) {
      const m = new RegExp(
        String.raw`^CREATE\s+(?:TEMPORARY\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+AS\s+`,
        'i',
      ).exec(code);
      if (!m) problems.push({ line: s.line, message: 'CREATE VIEW needs a name and AS <query>' });
      else {
        tables.add(unquoteIdent(m[1]!));
        const start = offset + (trimmed.length - code.length) + m[0].length;
        queries.push({
          text: blank.slice(0, start).replace(/[^\n]/g, ' ') + blank.slice(start),
          line: s.textLine,
        });
      }
    } else if (/^INSERT\s+(INTO|OVERWRITE)\b/.test(upper) || /^(SELECT|WITH)\b/.test(upper)) {
      const target = new RegExp(
        String.raw`^INSERT\s+(?:INTO|OVERWRITE)\s+(?:TABLE\s+)?(${IDENT}(?:\.${IDENT}){0,2})`,
        'i',
      ).exec(code)?.[1];
      if (target) inserts.push({ target, line: s.line });
      const start = offset + (trimmed.length - code.length);
      queries.push({
        text: blank.slice(0, start).replace(/[^\n]/g, ' ') + blank.slice(start),
        line: s.textLine,
      });
    } else if (
      !/^(DROP|ALTER|CREATE\s+(TEMPORARY\s+)?(SYSTEM\s+)?FUNCTION|CREATE\s+DATABASE)\b/.test(upper)
    ) {
      problems.push({
        line: s.line,
        message: `unknown Flink SQL statement "${code.split(/\s+/).slice(0, 3).join(' ')}"`,
      });
    }
  }
  if (inSet !== undefined)
    problems.push({ line: inSet, message: 'statement set is never closed with END;' });
  for (const { target, line } of inserts) {
    const parts = target.split('.').map(unquoteIdent);
    const known =
      parts.length === 1
        ? tables.has(parts[0]!)
        : parts.length === 3
          ? catalogs.has(parts[0]!) || tables.has(parts.join('.'))
          : true;
    if (!known)
      problems.push({
        line,
        message: `INSERT INTO ${target}: no such table or catalog is created in this file (tables: ${[...tables].join(', ') || 'none'}; catalogs: ${[...catalogs].join(', ') || 'none'})`,
      });
  }
  return { problems, queries };
}
