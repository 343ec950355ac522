import { describe, expect, test } from 'vitest';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';

/** A marquez.yml that the schema accepts, with overrides for one case at a time. */
function marquez(overrides: Record<string, unknown> = {}) {
  return {
    server: { applicationConnectors: [{ type: 'http', port: 5000 }] },
    db: {
      url: 'jdbc:postgresql://db:5432/marquez',
      user: 'marquez',
      password: '${POSTGRES_PASSWORD}',
    },
    dbRetention: { frequencyMins: 60, numberOfRowsPerBatch: 1000, retentionDays: 90 },
    ...overrides,
  };
}

function errorsFor(doc: unknown): string[] {
  const validate = loadSchemaRegistry().get('marquez-config')!;
  validate(doc);
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  );
}

describe('marquez-config schema (dbRetention and search from Marquez 0.51.1)', () => {
  test('accepts the retention keys Marquez reads', () => {
    expect(errorsFor(marquez())).toEqual([]);
  });

  test('rejects a misspelt retention key, which Marquez would otherwise not apply', () => {
    expect(errorsFor(marquez({ dbRetention: { retentionDay: 90 } }))).toEqual([
      '/dbRetention must NOT have additional properties {"additionalProperty":"retentionDay"}',
    ]);
  });

  test('rejects a retention period that is not a positive whole number of days', () => {
    expect(errorsFor(marquez({ dbRetention: { retentionDays: 0 } }))).toEqual([
      '/dbRetention/retentionDays must be >= 1 {"comparison":">=","limit":1}',
    ]);
  });

  test('rejects an unknown search key', () => {
    expect(errorsFor(marquez({ search: { enable: false } }))).toEqual([
      '/search must NOT have additional properties {"additionalProperty":"enable"}',
    ]);
  });
});
