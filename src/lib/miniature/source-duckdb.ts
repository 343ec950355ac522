// The shop's database played by an in-memory DuckDB: no server, nothing to install.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDuck, getDuckDbVersion } from './duck.ts';
import type { Timeline } from './generate.ts';
import { bindPsqlVariables, readSql, toSqlString, toSubquery } from './sql-files.ts';
import { planAdvance } from './evolution.ts';
import { EXTRACT_QUERIES, type Source } from './source.ts';
import { toCustomerVersionsCsv, toOrderVersionsCsv } from './timeline-csv.ts';

/** Create the source tables in DuckDB, load the timeline and return the source at clock 0. */
export async function createDuckDbSource(timeline: Timeline, workDir: string): Promise<Source> {
  const dir = join(workDir, 'source');
  mkdirSync(dir, { recursive: true });
  const duck = await openDuck();
  await duck.conn.run(readSql('source-schema'));
  const files = {
    customers: join(dir, 'customer_versions.csv'),
    orders: join(dir, 'order_versions.csv'),
  };
  writeFileSync(files.customers, toCustomerVersionsCsv(timeline.customers));
  writeFileSync(files.orders, toOrderVersionsCsv(timeline.orders));
  await duck.conn.run(`
    COPY sim.customer_versions FROM ${toSqlString(files.customers)} (FORMAT csv, HEADER);
    COPY sim.order_versions FROM ${toSqlString(files.orders)} (FORMAT csv, HEADER);`);
  const version = `DuckDB ${await getDuckDbVersion(duck.conn)}`;
  let clock = 0;
  return {
    kind: 'duckdb',
    namespace: 'duckdb://memory',
    version,
    get clock() {
      return clock;
    },
    async advanceTo(to) {
      if (to <= clock) return;
      for (const step of planAdvance(clock, to, timeline.releaseAt)) {
        await duck.conn.run(bindPsqlVariables(readSql(step.file), step.variables));
      }
      clock = to;
    },
    async extract(table, variables) {
      const query = toSubquery(bindPsqlVariables(readSql(EXTRACT_QUERIES[table]), variables));
      const out = join(dir, `extract-${table}.csv`);
      await duck.conn.run(`COPY (${query}) TO ${toSqlString(out)} (FORMAT csv, HEADER)`);
      const csv = readFileSync(out, 'utf8');
      rmSync(out);
      return csv;
    },
    async close() {
      duck.close();
    },
  };
}
