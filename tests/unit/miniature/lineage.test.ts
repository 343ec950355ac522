import { describe, expect, test } from 'vitest';
import {
  createAssertionsFacet,
  buildRunEvent,
  createRunId,
  createOutputStatisticsFacet,
  createParentFacet,
  toAssertionInputs,
  toFileDataset,
} from '../../../src/lib/miniature/lineage.ts';
import { findEventProblems } from '../../../src/lib/miniature/validate-event.ts';
import { classifyDataset } from '../../../src/lib/miniature/summary.ts';

const event = (overrides: Record<string, unknown> = {}) => ({
  ...buildRunEvent({
    eventType: 'COMPLETE',
    runId: createRunId(),
    job: 'silver.orders',
    eventTime: new Date('2026-11-28T02:00:00Z'),
    runFacets: { parent: createParentFacet(createRunId(), 'daily_batch') },
    inputs: [
      {
        namespace: 'file',
        name: '.miniature/lake/bronze/orders',
        inputFacets: {
          dataQualityAssertions: createAssertionsFacet([{ assertion: 'unique', success: true }]),
        },
      },
    ],
    outputs: [
      {
        namespace: 'file',
        name: '.miniature/lake/silver/orders',
        outputFacets: { outputStatistics: createOutputStatisticsFacet(10, 0, 1) },
      },
    ],
  }),
  ...overrides,
});

describe('OpenLineage events', () => {
  test('run ids are version 7 UUIDs that sort by time', () => {
    const early = createRunId(Date.parse('2026-11-28T00:00:00Z'), new Uint8Array(10));
    const late = createRunId(Date.parse('2026-11-28T00:00:01Z'), new Uint8Array(10).fill(255));
    // 0x01a21f739c00 ms is 2026-11-28T00:00:00Z.
    expect(early).toBe('01a21f73-9c00-7000-8000-000000000000');
    expect(late).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
  });

  test('a built event has every field the spec requires', () => {
    expect(findEventProblems(event())).toEqual([]);
  });

  test('the schema rejects an event without a run id, a bad event type or a facet without producer', () => {
    const bad = event({
      eventType: 'DONE',
      run: { runId: 'run-1' },
      job: { namespace: 'miniature', name: 'x', facets: { sql: { query: 'SELECT 1' } } },
    });
    expect(findEventProblems(bad)).toMatchInlineSnapshot(`
      [
        "/eventType: must be equal to one of the allowed values",
        "/run/runId: must match pattern "^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"",
        "/job/facets/sql: must have required property '_producer'",
        "/job/facets/sql: must have required property '_schemaURL'",
      ]
    `);
    const withoutSchemaUrl = Object.fromEntries(
      Object.entries(event()).filter(([key]) => key !== 'schemaURL'),
    );
    expect(findEventProblems(withoutSchemaUrl)).toEqual([
      "(root): must have required property 'schemaURL'",
    ]);
  });

  test('lake folders are file datasets named relative to the working directory', () => {
    expect(
      toFileDataset('/home/me/blueprint/.miniature/lake/gold/daily_revenue', '/home/me/blueprint'),
    ).toEqual({
      namespace: 'file',
      name: '.miniature/lake/gold/daily_revenue',
    });
    expect(toFileDataset('/tmp/x/lake/gold/daily_revenue', '/home/me/blueprint').name).toBe(
      '/tmp/x/lake/gold/daily_revenue',
    );
    expect(classifyDataset('file', '.miniature/lake/gold/daily_revenue')).toEqual({
      zone: 'gold',
      label: 'gold/daily_revenue',
    });
    expect(classifyDataset('postgres://localhost', 'shop.sales.orders')).toEqual({
      zone: 'source',
      label: 'shop.sales.orders',
    });
  });

  test('check results become input datasets carrying their assertions, one dataset per table checked', () => {
    const inputs = toAssertionInputs(
      [
        { relation: 'landing_orders', check: 'schema', passed: true },
        { relation: 'bronze_orders_batch', check: 'unique: order_id', passed: false },
      ],
      () => ({ namespace: 'file', name: 'lake/landing/orders' }),
    );
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.inputFacets!['dataQualityAssertions']!['assertions']).toEqual([
      { assertion: 'landing_orders: schema', success: true },
      { assertion: 'bronze_orders_batch: unique: order_id', success: false },
    ]);
  });
});
