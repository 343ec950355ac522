import { describe, expect, test } from 'vitest';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';

/** An auto-compaction config with range partitioning, with tuningConfig overrides. */
function compaction(tuning: Record<string, unknown> = {}) {
  return {
    dataSource: 'orders_rt',
    skipOffsetFromLatest: 'PT8H',
    tuningConfig: {
      partitionsSpec: {
        type: 'range',
        partitionDimensions: ['country_code'],
        targetRowsPerSegment: 5000000,
      },
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
    const sequential: Record<string, unknown> = { ...compaction().tuningConfig };
    delete sequential['maxNumConcurrentSubTasks'];
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
    expect(
      errorsFor({ dataSource: 'orders_rt', tuningConfig: { partitionsSpec: { type: 'dynamic' } } }),
    ).toEqual([]);
  });
});

describe('druid-coordinator-kill schema: only the kill keys, spelt right', () => {
  const errors = (doc: Record<string, string>) => {
    const validate = loadSchemaRegistry().get('druid-coordinator-kill')!;
    validate(doc);
    return (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath} ${e.message}${e.params && 'additionalProperty' in e.params ? ` ${String(e.params.additionalProperty)}` : ''}`,
    );
  };
  const kill = {
    'druid.coordinator.kill.on': 'true',
    'druid.coordinator.kill.durationToRetain': 'P90D',
    'druid.coordinator.kill.bufferPeriod': 'P30D',
  };

  test('accepts the kill task turned on with ISO 8601 periods', () => {
    expect(errors(kill)).toEqual([]);
  });

  test('rejects a misspelt key, which would leave the kill task off', () => {
    expect(errors({ ...kill, 'druid.coordinator.kill.durationToRetian': 'P90D' })).toEqual([
      ' must NOT have additional properties druid.coordinator.kill.durationToRetian',
    ]);
  });

  test('rejects a period that is not ISO 8601 and a maxSegments of 0', () => {
    expect(
      errors({
        ...kill,
        'druid.coordinator.kill.bufferPeriod': '30 days',
        'druid.coordinator.kill.maxSegments': '0',
      }),
    ).toEqual([
      '/druid.coordinator.kill.bufferPeriod must match pattern "^P(?=\\d|T\\d)(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+S)?)?$"',
      '/druid.coordinator.kill.maxSegments must match pattern "^[1-9]\\d*$"',
    ]);
  });
});
