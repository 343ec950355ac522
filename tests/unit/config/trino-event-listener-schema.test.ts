import { describe, expect, test } from 'vitest';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';

/** An OpenLineage listener file as parsed properties, with overrides. */
function listener(overrides: Record<string, string> = {}) {
  return {
    'event-listener.name': 'openlineage',
    'openlineage-event-listener.transport.type': 'HTTP',
    'openlineage-event-listener.transport.url': 'http://marquez:5000',
    'openlineage-event-listener.trino.uri': 'https://trino:443',
    'openlineage-event-listener.trino.include-query-types':
      'ALTER_TABLE_EXECUTE,DELETE,INSERT,MERGE,UPDATE,DATA_DEFINITION',
    'openlineage-event-listener.disabled-facets': 'trino_metadata',
    ...overrides,
  };
}

function failedKeys(doc: unknown): string[] {
  const validate = loadSchemaRegistry().get('trino-event-listener')!;
  validate(doc);
  return (validate.errors ?? []).filter((e) => e.keyword === 'pattern').map((e) => e.instancePath);
}

describe('trino-event-listener schema: facet and query-type names', () => {
  test('accepts the facets and query types Trino knows', () => {
    expect(
      failedKeys(
        listener({
          'openlineage-event-listener.disabled-facets': 'trino_metadata, trino_query_statistics',
        }),
      ),
    ).toEqual([]);
  });

  test('rejects disabling the sql facet, which the listener always sends', () => {
    expect(
      failedKeys(listener({ 'openlineage-event-listener.disabled-facets': 'trino_metadata,sql' })),
    ).toEqual(['/openlineage-event-listener.disabled-facets']);
  });

  test('rejects a query type that does not exist', () => {
    expect(
      failedKeys(
        listener({
          'openlineage-event-listener.trino.include-query-types': 'INSERT,CREATE_TABLE_AS',
        }),
      ),
    ).toEqual(['/openlineage-event-listener.trino.include-query-types']);
  });
});
