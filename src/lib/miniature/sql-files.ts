// The SQL the miniature runs lives in content/miniature/sql/*.sql, one file per step, so the
// chapters can show exactly the statements that run (MiniatureSql.astro reads the same files).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataError } from '../errors/format-issues.ts';

/** Folder holding the miniature's SQL files. */
export const SQL_DIR = fileURLToPath(new URL('../../../content/miniature/sql/', import.meta.url));

/** Names of every SQL file (without `.sql`), sorted. */
export function listSqlSteps(dir: string = SQL_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -'.sql'.length))
    .sort();
}

/** Read one step's SQL; an unknown name fails with the list of known ones. */
export function readSql(step: string, dir: string = SQL_DIR): string {
  const known = listSqlSteps(dir);
  if (!known.includes(step)) {
    throw new DataError(
      `content/miniature/sql/${step}.sql: no such SQL step. Known steps: ${known.join(', ')}`,
    );
  }
  return readFileSync(`${dir}${step}.sql`, 'utf8');
}

/** Quote a value as a SQL string literal. */
export function toSqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Replace psql variables (`:'name'`) with quoted literals, for engines other than psql.
 * Every variable the SQL uses must be given, and every value given must be used.
 */
export function bindPsqlVariables(sql: string, values: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  const bound = sql.replace(/:'([a-z_][a-z0-9_]*)'/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new DataError(
        `SQL uses :'${name}' but no value was given. Given: ${Object.keys(values).join(', ') || 'none'}`,
      );
    }
    used.add(name);
    return toSqlString(value);
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length)
    throw new DataError(`SQL does not use the variables given: ${unused.join(', ')}`);
  return bound;
}

/** A query file without its trailing semicolon and blank lines, to wrap in COPY (...). */
export function toSubquery(sql: string): string {
  return sql.trim().replace(/;\s*$/, '');
}
