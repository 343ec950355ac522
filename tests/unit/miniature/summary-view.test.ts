import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { layoutLineage } from '../../../src/lib/miniature/lineage-layout.ts';
import { pickSqlStep } from '../../../src/lib/miniature/sql-view.ts';
import { listSqlSteps, readSql } from '../../../src/lib/miniature/sql-files.ts';
import {
  countChecks,
  describeRerun,
  parseRunSummary,
  toCheckGroups,
  toDayRows,
  toZoneRows,
} from '../../../src/lib/miniature/summary-view.ts';

const committed = parseRunSummary(
  JSON.parse(readFileSync('content/miniature/run-summary.json', 'utf8')),
);

describe('the committed run summary', () => {
  test('is a default run that published every day, passed every check and survived its rerun', () => {
    expect(committed.command).toBe('npm run miniature');
    expect(committed.days.every((d) => d.status === 'published')).toBe(true);
    const totals = countChecks(committed);
    expect(totals.passed).toBe(totals.runs);
    expect(committed.rerun).toMatchObject({ filesWritten: 0, unchanged: true });
    expect(committed.lineage.valid).toBe(true);
  });

  test('gives the component a row per lake table and per day', () => {
    expect(toZoneRows(committed).map((r) => `${r.zone}/${r.table}`)).toEqual([
      'landing/customers',
      'landing/orders',
      'bronze/customers',
      'bronze/orders',
      'silver/customers',
      'silver/orders',
      'gold/daily_revenue',
      'gold/customer_value',
    ]);
    expect(toDayRows(committed)).toHaveLength(committed.config.days);
    expect(toCheckGroups(committed).map((g) => g.gate)).toEqual([
      'Landing → bronze',
      'Bronze → silver',
      'Silver → gold',
    ]);
    expect(describeRerun(committed)).toMatch(
      /left every bronze, silver and gold table exactly as it was/,
    );
  });

  test('fails loudly, naming the field, when the file is damaged', () => {
    expect(() => parseRunSummary({ ...committed, days: 'seven' })).toThrow(
      'content/miniature/run-summary.json: days: ',
    );
  });
});

describe('the lineage drawing', () => {
  test('puts each dataset in its zone column and draws one curve per job input and output', () => {
    const graph = layoutLineage(committed.lineage);
    const column = (title: string) => graph.nodes.find((n) => n.title === title)!.x;
    expect(column('shop.sales.orders')).toBeLessThan(column('landing/orders'));
    expect(column('landing/orders')).toBeLessThan(column('bronze/orders'));
    expect(column('silver/orders')).toBeLessThan(column('gold/daily_revenue'));
    // Rows follow the inputs, so the orders chain stays on one line.
    const row = (title: string) => graph.nodes.find((n) => n.title === title)!.y;
    expect(
      new Set(['landing/orders', 'bronze/orders', 'silver/orders', 'gold/daily_revenue'].map(row))
        .size,
    ).toBe(1);
    // ingest ×2, bronze ×2, silver ×2, daily_revenue ×1, customer_value ×2 (customers and orders).
    expect(graph.edges).toHaveLength(9);
    expect(graph.sentences).toContain(
      'gold.customer_value reads silver/customers and silver/orders and writes gold/customer_value.',
    );
    for (const n of graph.nodes) expect(n.x + n.width).toBeLessThanOrEqual(graph.width);
  });
});

describe('SQL shown in chapters', () => {
  test('is the file the miniature runs, and an unknown step lists the known ones', () => {
    const files = Object.fromEntries(
      listSqlSteps().map((s) => [`/x/content/miniature/sql/${s}.sql`, readSql(s)]),
    );
    expect(pickSqlStep(files, 'silver-orders')).toEqual({
      path: 'content/miniature/sql/silver-orders.sql',
      code: readSql('silver-orders').trimEnd(),
    });
    expect(() => pickSqlStep(files, 'silver_orders')).toThrow(
      'MiniatureSql: step "silver_orders" has no file content/miniature/sql/silver_orders.sql. Known steps: bronze-customers, bronze-orders, bronze-orders-cdc, cdc-cursor-comparison, check-gold-reconciles,',
    );
  });

  test('holds the MERGE the chapters describe', () => {
    expect(readSql('silver-orders')).toMatch(
      /MERGE INTO silver_orders AS s\s+USING silver_orders_applied AS c/,
    );
  });
});
