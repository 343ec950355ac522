import { describe, expect, test } from 'vitest';
import {
  loadChecks,
  parseChecks,
  selectChecks,
  type Check,
} from '../../../src/lib/miniature/checks-schema.ts';
import { compareColumns, compileCheck } from '../../../src/lib/miniature/compile-check.ts';
import { getMedian } from '../../../src/lib/miniature/run-checks.ts';

const context = { baselineRows: null, readSql: () => 'SELECT 1 AS x ORDER BY 1;' };
const compile = (check: Check, baselineRows: number | null = null) =>
  compileCheck('silver_orders', check, { ...context, baselineRows });

describe('checks.yaml', () => {
  test('parses, with the three gates in promotion order', () => {
    const file = loadChecks();
    expect(file.gates.map((g) => g.gate)).toEqual([
      'landing_to_bronze',
      'bronze_to_silver',
      'silver_to_gold',
    ]);
    const kinds = new Set(
      file.gates.flatMap((g) => g.relations.flatMap((r) => r.checks.map((c) => c.kind))),
    );
    for (const kind of ['schema', 'not_null', 'unique', 'references', 'freshness', 'volume'])
      expect(kinds).toContain(kind);
  });

  test('limits relations to one way of capturing orders: landing and bronze columns differ with --cdc', () => {
    const file = loadChecks();
    const relations = (capture: 'cursor' | 'cdc') =>
      selectChecks(file, capture).gates.flatMap((g) =>
        g.relations.map((r) => `${g.gate}.${r.relation}`),
      );
    const checksOf = (capture: 'cursor' | 'cdc', relation: string) =>
      selectChecks(file, capture)
        .gates.flatMap((g) => g.relations)
        .filter((r) => r.relation === relation)
        .flatMap((r) => r.checks);
    // One more with the cursor: silver's channel values, a column only --evolve adds (cursor only).
    expect(relations('cursor').length).toBe(relations('cdc').length + 1);
    expect(checksOf('cursor', 'silver_orders')).toContainEqual({
      kind: 'accepted_values',
      spec: { column: 'channel', values: ['web', 'app', 'marketplace'] },
    });
    expect(checksOf('cdc', 'silver_orders')).not.toContainEqual(
      expect.objectContaining({
        spec: expect.objectContaining({ column: 'channel' }) as unknown,
      }) as unknown,
    );
    expect(checksOf('cdc', 'landing_orders')[0]).toMatchObject({
      kind: 'schema',
      spec: { lsn: 'BIGINT', op: 'VARCHAR', committed_at: 'TIMESTAMPTZ' },
    });
    expect(checksOf('cursor', 'landing_orders')[0]!.spec).not.toHaveProperty('lsn');
    expect(
      checksOf('cdc', 'silver_orders')
        .filter((c) => c.kind === 'sql')
        .map((c) => c.spec),
    ).toContainEqual(expect.objectContaining({ file: 'check-silver-matches-source-cdc' }));
    expect(
      checksOf('cursor', 'silver_orders')
        .filter((c) => c.kind === 'sql')
        .map((c) => c.spec),
    ).toContainEqual(expect.objectContaining({ file: 'check-silver-reconciles-source' }));
    expect(
      checksOf('cursor', 'silver_orders')
        .filter((c) => c.kind === 'sql')
        .map((c) => c.spec),
    ).not.toContainEqual(expect.objectContaining({ file: 'check-silver-matches-source-cdc' }));
  });

  test('rejects an unknown check kind, naming the valid ones', () => {
    const yaml = `gates:
  - gate: landing_to_bronze
    description: x
    relations: [{ relation: landing_orders, checks: [{ uniq: [order_id] }] }]
  - { gate: bronze_to_silver, description: x, relations: [{ relation: a, checks: [{ not_null: [a] }] }] }
  - { gate: silver_to_gold, description: x, relations: [{ relation: a, checks: [{ not_null: [a] }] }] }`;
    expect(() => parseChecks(yaml)).toThrowErrorMatchingInlineSnapshot(
      `[DataError: content/miniature/checks.yaml: gates[0].relations[0].checks[0]: expected exactly one check kind, one of schema, contract, volume, not_null, unique, accepted_values, row_condition, references, freshness, sql; got "uniq"]`,
    );
  });

  test('reads a severity per relation, blocking by default, and rejects an unknown one', () => {
    const gates = (severity: string) => `gates:
  - { gate: landing_to_bronze, description: x, relations: [{ relation: a, severity: ${severity}, checks: [{ not_null: [a] }] }, { relation: b, checks: [{ not_null: [b] }] }] }
  - { gate: bronze_to_silver, description: x, relations: [{ relation: a, checks: [{ not_null: [a] }] }] }
  - { gate: silver_to_gold, description: x, relations: [{ relation: a, checks: [{ not_null: [a] }] }] }`;
    expect(parseChecks(gates('warn')).gates[0]!.relations.map((r) => r.severity)).toEqual([
      'warn',
      'error',
    ]);
    expect(() => parseChecks(gates('info'))).toThrow('gates[0].relations[0].severity');
  });

  test('rejects a column name that would need quoting', () => {
    const yaml = `gates:
  - { gate: landing_to_bronze, description: x, relations: [{ relation: a, checks: [{ not_null: [Order ID] }] }] }`;
    expect(() => parseChecks(yaml)).toThrowErrorMatchingInlineSnapshot(
      `[DataError: content/miniature/checks.yaml: gates[0].relations[0].checks[0].not_null[0]: expected a lower-case SQL identifier such as "order_id"]`,
    );
  });

  test('rejects gates that are missing or out of order', () => {
    const gate = (name: string) =>
      `  - { gate: ${name}, description: x, relations: [{ relation: a, checks: [{ not_null: [a] }] }] }`;
    const yaml = ['gates:', gate('bronze_to_silver'), gate('landing_to_bronze')].join('\n');
    expect(() => parseChecks(yaml)).toThrowErrorMatchingInlineSnapshot(
      `[DataError: content/miniature/checks.yaml: gates: expected the gates landing_to_bronze, bronze_to_silver, silver_to_gold, once each and in that order]`,
    );
  });
});

describe('compiled checks', () => {
  test('not_null counts rows with any NULL and says which columns', () => {
    expect(compile({ kind: 'not_null', spec: ['order_id', 'status'] })).toMatchInlineSnapshot(`
      {
        "label": "not null: order_id, status",
        "sql": "SELECT count(*) FILTER (WHERE order_id IS NULL OR status IS NULL) AS failed,
        count(*) AS total,
        concat_ws(', ', CASE WHEN count(*) FILTER (WHERE order_id IS NULL) > 0 THEN 'order_id: ' || count(*) FILTER (WHERE order_id IS NULL) || ' null' END, CASE WHEN count(*) FILTER (WHERE status IS NULL) > 0 THEN 'status: ' || count(*) FILTER (WHERE status IS NULL) || ' null' END) AS detail
      FROM silver_orders",
      }
    `);
  });

  test('references finds values missing from the parent table', () => {
    const { label, sql } = compile({
      kind: 'references',
      spec: { column: 'customer_id', to: 'silver_customers', field: 'customer_id' },
    });
    expect(label).toBe('references: customer_id → silver_customers.customer_id');
    expect(sql).toContain(
      'NOT EXISTS (SELECT 1 FROM silver_customers AS p WHERE p.customer_id = silver_orders.customer_id)',
    );
  });

  test('volume compares with the usual batch only when a baseline exists', () => {
    const check: Check = { kind: 'volume', spec: { min_rows: 1, max_drop_pct: 60 } };
    expect(compile(check).sql).toContain('count(*) < 1 THEN 1');
    expect(compile(check, 1000).sql).toContain('count(*) < 400 THEN 1');
    expect(compile(check, 1000).label).toBe('volume: at least 1 row, at most 60 % below the usual');
  });

  test('a sql check wraps the file and counts its rows as failures', () => {
    const { sql } = compile({ kind: 'sql', spec: { name: 'reconciles', file: 'x' } });
    expect(sql).toMatch(
      /^WITH failures AS \(\nSELECT 1 AS x ORDER BY 1\n\)\nSELECT count\(\*\) AS failed/,
    );
  });

  test('schema checks report missing and unexpected columns by name', () => {
    expect(compareColumns(['order_id', 'status', 'amount'], ['order_id', 'amount', 'ds'])).toEqual([
      'missing column status',
      'unexpected column ds',
    ]);
    expect(compareColumns(['a'], ['a'])).toEqual([]);
  });

  test('the usual volume is the getMedian of earlier batches', () => {
    expect([getMedian([]), getMedian([5]), getMedian([9, 1, 5]), getMedian([1, 2, 3, 10])]).toEqual(
      [null, 5, 5, 3],
    );
  });
});
