import { describe, expect, test } from 'vitest';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';

/** An auto-compaction config with range partitioning, with tuningConfig overrides. */
function compaction(tuning: Record<string, unknown> = {}) {
  return {
    dataSource: 'orders_rt',
    skipOffsetFromLatest: 'PT8H',
    tuningConfig: {
      partitionsSpec: { type: 'range', partitionDimensions: ['country_code'], targetRowsPerSegment: 5000000 },
      maxNumConcurrentSubTasks: 2,
      ...tuning,
    },
  };
}

function errorsFor(doc: unknown): string[] {
  const validate = loadSchemaRegistry().get('druid-compaction')!;
  validate(doc);
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => `${e.instancePath} ${e.message}`);
}

describe('druid-compaction schema: range partitioning needs the parallel mode', () => {
  test('accepts range partitioning with two or more subtasks', () => {
    expect(errorsFor(compaction())).toEqual([]);
  });

  test('rejects range partitioning that leaves maxNumConcurrentSubTasks at its default of 1', () => {
    const { maxNumConcurrentSubTasks: _, ...sequential } = compaction().tuningConfig;
    expect(errorsFor({ ...compaction(), tuningConfig: sequential })).toEqual([
      "/tuningConfig must have required property 'maxNumConcurrentSubTasks'",
    ]);
  });

  test('rejects range partitioning with maxNumConcurrentSubTasks set to 1', () => {
    expect(errorsFor(compaction({ maxNumConcurrentSubTasks: 1 }))).toEqual([
      '/tuningConfig/maxNumConcurrentSubTasks must be >= 2',
    ]);
  });

  test('accepts dynamic partitioning in the sequential mode', () => {
    expect(errorsFor({ dataSource: 'orders_rt', tuningConfig: { partitionsSpec: { type: 'dynamic' } } })).toEqual([]);
  });
});
