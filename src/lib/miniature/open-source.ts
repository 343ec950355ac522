// Pick and start the source engine.
import type { Timeline } from './generate.ts';
import type { Source, SourceKind } from './source.ts';
import { createDuckDbSource } from './source-duckdb.ts';
import { createPostgresSource, findPostgres } from './source-postgres.ts';

/**
 * Start the source of the requested kind, loaded with the timeline, at clock 0. `auto` uses
 * PostgreSQL when it can run here and DuckDB otherwise; `postgres` fails saying why it cannot.
 */
export async function openSource(
  kind: SourceKind | 'auto',
  timeline: Timeline,
  workDir: string,
): Promise<Source> {
  if (kind === 'duckdb') return createDuckDbSource(timeline, workDir);
  const postgres = findPostgres();
  if (postgres.ok) return createPostgresSource(timeline, postgres);
  if (kind === 'postgres') throw new Error(`--source=postgres: ${postgres.reason}`);
  return createDuckDbSource(timeline, workDir);
}
