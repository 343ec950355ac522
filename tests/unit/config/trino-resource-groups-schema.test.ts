import { describe, expect, test } from 'vitest';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';

/** A file-based resource-groups document with one root group and one selector, with overrides. */
function groups(
  group: Record<string, unknown> = {},
  selector: Record<string, unknown> = {},
  manager: Record<string, unknown> = {},
) {
  return {
    rootGroups: [{ name: 'adhoc', maxQueued: 100, hardConcurrencyLimit: 10, ...group }],
    selectors: [{ group: 'adhoc', ...selector }],
    ...manager,
  };
}

function problems(doc: unknown): string[] {
  const validate = loadSchemaRegistry().get('trino-resource-groups')!;
  validate(doc);
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`,
  );
}

describe('trino-resource-groups schema: the fields Trino reads', () => {
  test('accepts the scan limit, its quota period and the queryText selector', () => {
    expect(
      problems(
        groups(
          { hardPhysicalDataScanLimit: '10TB' },
          { queryText: '.*system\\.runtime.*' },
          { physicalDataScanQuotaPeriod: '1d', cpuQuotaPeriod: '1h' },
        ),
      ),
    ).toEqual([]);
  });

  test('rejects hardPhysicalDataSizeLimit, a name Trino does not have', () => {
    expect(problems(groups({ hardPhysicalDataSizeLimit: '10TB' }))).toEqual([
      '/rootGroups/0 additionalProperties {"additionalProperty":"hardPhysicalDataSizeLimit"}',
    ]);
  });

  test('rejects a scan limit that is not a data size', () => {
    expect(problems(groups({ hardPhysicalDataScanLimit: '10 terabytes' }))).toEqual([
      '/rootGroups/0/hardPhysicalDataScanLimit pattern {"pattern":"^\\\\d+(\\\\.\\\\d+)?\\\\s*(B|kB|MB|GB|TB|PB)$"}',
    ]);
  });

  test('softMemoryLimit is optional; a group needs hardConcurrencyLimit or its older name maxRunning', () => {
    expect(problems(groups({ hardConcurrencyLimit: undefined, maxRunning: 5 }))).toEqual([]);
    expect(problems(groups({ hardConcurrencyLimit: undefined }))).toContain(
      '/rootGroups/0 required {"missingProperty":"hardConcurrencyLimit"}',
    );
  });

  test('rejects an unknown selector field', () => {
    expect(problems(groups({}, { queryTextRegex: 'x' }))).toEqual([
      '/selectors/0 additionalProperties {"additionalProperty":"queryTextRegex"}',
    ]);
  });
});
