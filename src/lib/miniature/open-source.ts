// Pick and start the source engine.
import type { Timeline } from './generate.ts';
import type { Source, SourceKind } from './source.ts';
import { createDuckDbSource } from './source-duckdb.ts';
import { createPostgresSource, findPostgres } from './source-postgres.ts';

/**
 * Start the source of the requested kind, loaded with the timeline, at clock 0. `auto` uses
 * PostgreSQL when it can run here and DuckDB otherwise; `postgres` fails saying why it cannot.
 * `cdc` (log-based change data capture) needs PostgreSQL's write-ahead log.
 */
export async function openSource(
  kind: SourceKind | 'auto',
  timeline: Timeline,
  workDir: string,
  options: { cdc?: boolean } = {},
): Promise<Source> {
  if (options.cdc && kind !== 'postgres')
    throw new Error(
      `--cdc reads PostgreSQL's write-ahead log: it needs --source=postgres, not --source=${kind}`,
    );
  if (kind === 'duckdb') return createDuckDbSource(timeline, workDir);
  const postgres = findPostgres();
  if (postgres.ok) return createPostgresSource(timeline, postgres, options);
  if (kind === 'postgres') throw new Error(`--source=postgres: ${postgres.reason}`);
  return createDuckDbSource(timeline, workDir);
}
