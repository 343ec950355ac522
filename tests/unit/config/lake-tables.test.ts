// The lake's table lists in configs of different chapters must agree: a table left out of the
// erasure DAG is a table erasure never reaches, and one left out of the maintenance DAG is
// never compacted or expired.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  findMissingTables,
  findProcedureTables,
  findSubjectTables,
  readPythonTableList,
} from '../../../src/lib/config/lake-tables.ts';

const read = (path: string) => readFileSync(`content/configs/${path}`, 'utf8');

describe('findProcedureTables', () => {
  test('finds the tables a procedure runs on, optionally only with given arguments', () => {
    const sql = [
      "ALTER TABLE lake.a.b EXECUTE optimize(file_size_threshold => '128MB');",
      '-- ALTER TABLE lake.a.x EXECUTE optimize;',
      "ALTER TABLE lake.a.c EXECUTE optimize(file_size_threshold => '1B');",
      "ALTER TABLE lake.a.d EXECUTE expire_snapshots(retention_threshold => '7d');",
    ].join('\n');
    expect(findProcedureTables(sql, 'optimize').map((t) => t.table)).toEqual([
      'lake.a.b',
      'lake.a.c',
    ]);
    expect(findProcedureTables(sql, 'optimize', "'1B'")).toEqual([{ table: 'lake.a.c', line: 3 }]);
  });
});

describe('findSubjectTables', () => {
  test('finds tables with the subject column, skips ops and commented-out columns', () => {
    const sql = [
      'CREATE TABLE IF NOT EXISTS lake.silver.orders (',
      "  amount DECIMAL(18, 2) COMMENT 'a closing parenthesis before the key',",
      '  customer_id BIGINT NOT NULL',
      ") WITH (format = 'PARQUET');",
      'CREATE TABLE lake.gold.daily (',
      '  day DATE -- customer_id BIGINT was dropped',
      ');',
      'CREATE TABLE lake.ops.erasure_requests (customer_id BIGINT);',
    ].join('\n');
    expect(findSubjectTables(sql)).toEqual([{ table: 'lake.silver.orders', line: 1 }]);
  });
});

describe('readPythonTableList', () => {
  test('reads dict keys and list items, resolving constants', () => {
    const py = [
      'LANDING = "lake.landing.cdc"',
      'PII_TABLES: dict[str, str] = {',
      '    # a comment',
      '    "lake.silver.orders": "customer_id",',
      '}',
      'EXPIRED = [',
      '    LANDING,',
      '    "lake.bronze.orders",',
      ']',
    ].join('\n');
    expect(readPythonTableList(py, 'PII_TABLES')).toEqual({
      line: 2,
      tables: new Set(['lake.silver.orders']),
    });
    expect(readPythonTableList(py, 'EXPIRED')?.tables).toEqual(
      new Set(['lake.landing.cdc', 'lake.bronze.orders']),
    );
    expect(readPythonTableList(py, 'MISSING')).toBeUndefined();
  });
});

describe('findMissingTables', () => {
  test('names the missing table, where it comes from and the list that lacks it', () => {
    const missing = findMissingTables(
      findSubjectTables('CREATE TABLE lake.silver_audit.orders (customer_id BIGINT);'),
      'zones.sql',
      { line: 37, tables: new Set(['lake.silver.orders']) },
      'PII_TABLES',
      'erasure would not reach it',
    );
    expect(missing.map((m) => `${m.line}  ${m.message}`)).toEqual([
      '37  PII_TABLES lacks lake.silver_audit.orders (zones.sql line 1): erasure would not reach it',
    ]);
  });
});

describe('content/configs lake table lists', () => {
  const zones = read('data-storage/zones.sql');
  const maintenance = read('data-storage/maintenance.sql');
  const erasure = read('security/gdpr_erasure_dag.py');
  const dag = read('orchestration/dags/lake_maintenance.py');

  test('every table holding customer_id is in the erasure DAG and deleted in maintenance.sql', () => {
    const subjects = findSubjectTables(zones);
    expect(subjects.length).toBeGreaterThan(0);
    const pii = readPythonTableList(erasure, 'PII_TABLES')!;
    expect(
      findMissingTables(subjects, 'zones.sql', pii, 'PII_TABLES', 'not erased').map(
        (m) => m.message,
      ),
    ).toEqual([]);
    const deleted = new Set(
      [...maintenance.matchAll(/DELETE FROM ([\w.]+)\s+WHERE customer_id IN/g)].map((m) => m[1]!),
    );
    expect(subjects.filter((s) => !deleted.has(s.table))).toEqual([]);
  });

  test("lake_maintenance.py expires and cleans exactly maintenance.sql's tables", () => {
    for (const [procedure, list] of [
      ['expire_snapshots', 'EXPIRED_TABLES'],
      ['remove_orphan_files', 'EXPIRED_TABLES'],
    ] as const) {
      const inSql = findProcedureTables(maintenance, procedure);
      const inDag = readPythonTableList(dag, list)!;
      expect(
        findMissingTables(inSql, 'maintenance.sql', inDag, list, procedure).map((m) => m.message),
      ).toEqual([]);
      expect([...inDag.tables].filter((t) => !inSql.some((s) => s.table === t))).toEqual([]);
    }
  });

  test("lake_maintenance.py compacts daily exactly maintenance.sql's section 3 tables", () => {
    // Section 3 is the only place maintenance.sql uses the 128MB threshold.
    const inSql = findProcedureTables(maintenance, 'optimize', "file_size_threshold => '128MB'");
    const inDag = readPythonTableList(dag, 'MERGED_TABLES')!;
    expect(inSql.length).toBeGreaterThan(0);
    expect(inSql.map((t) => t.table).sort()).toEqual([...inDag.tables].sort());
  });
});
