import { describe, expect, test } from 'vitest';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';
import { schemaErrorsToProblems } from '../../../src/lib/config/schema-errors.ts';

type Doc = Record<string, unknown>;

/** A feature_store.yaml like the feature-store chapter's, with one block replaced per case. */
function featureStore(overrides: Doc = {}): Doc {
  return {
    project: 'payments_ml',
    provider: 'local',
    registry: {
      registry_type: 'sql',
      path: 'postgresql+psycopg://${FEAST_REGISTRY_USER}:${FEAST_REGISTRY_PASSWORD}@db:5432/feast',
      cache_ttl_seconds: 60,
      sqlalchemy_config_kwargs: { pool_pre_ping: true },
    },
    offline_store: trino(),
    online_store: redis(),
    entity_key_serialization_version: 3,
    ...overrides,
  };
}

function trino(overrides: Doc = {}): Doc {
  return {
    type: 'trino',
    host: '${TRINO_HOST}',
    port: 443,
    'http-scheme': 'https',
    'ssl-verify': true,
    catalog: 'lake',
    dataset: 'feast_staging',
    connector: { type: 'iceberg', file_format: 'parquet' },
    user: 'service-account-feast',
    auth: { type: 'jwt', config: { token: '${TRINO_JWT}' } },
    ...overrides,
  };
}

function redis(overrides: Doc = {}): Doc {
  return {
    type: 'redis',
    redis_type: 'redis_cluster',
    connection_string: '${REDIS_ENDPOINT}:6379,ssl=true,password=${REDIS_AUTH_TOKEN}',
    key_ttl_seconds: 1209600,
    ...overrides,
  };
}

/** The messages a reader of validate-configs would see for `doc`. */
function problems(doc: Doc): string[] {
  const validate = loadSchemaRegistry().get('feast-feature-store')!;
  validate(doc);
  return schemaErrorsToProblems('feature_store.yaml', validate.errors, undefined, '', doc).map(
    (p) => p.message,
  );
}

describe('feast-feature-store schema (pydantic models of Feast 0.66.0)', () => {
  test('accepts the chapter configuration', () => {
    expect(problems(featureStore())).toEqual([]);
  });

  test('accepts a DynamoDB online store with its required region', () => {
    expect(
      problems(featureStore({ online_store: { type: 'dynamodb', region: '${AWS_REGION}' } })),
    ).toEqual([]);
  });

  test('accepts a port given as an ${ENV} reference, which Feast expands before parsing', () => {
    expect(problems(featureStore({ offline_store: trino({ port: '${TRINO_PORT}' }) }))).toEqual([]);
  });

  test('rejects a misspelt top-level key, which Feast would silently ignore', () => {
    expect(
      problems(featureStore({ entity_key_serialisation_version: 3 })).filter((m) =>
        m.includes('entity_key_serialisation_version'),
      ),
    ).toEqual([
      expect.stringContaining(
        'unknown field "entity_key_serialisation_version"; did you mean "entity_key_serialization_version"?',
      ),
    ]);
  });

  test('rejects a misspelt SQL registry key, which Feast would silently ignore', () => {
    const registry = { ...(featureStore().registry as Doc), cache_ttl_second: 60 };
    expect(problems(featureStore({ registry }))).toEqual([
      expect.stringMatching(
        /^registry: unknown field "cache_ttl_second"; did you mean "cache_ttl_seconds"\?; allowed: /,
      ),
    ]);
  });

  test('rejects a Trino store without user, which Feast requires', () => {
    const noUser = trino();
    delete noUser['user'];
    expect(problems(featureStore({ offline_store: noUser }))).toEqual([
      'offline_store: missing required field "user"',
    ]);
  });

  test('rejects http_scheme spelt with an underscore: Feast reads only the alias http-scheme', () => {
    expect(problems(featureStore({ offline_store: trino({ http_scheme: 'https' }) }))).toEqual([
      expect.stringMatching(
        /^offline_store: unknown field "http_scheme"; did you mean "http-scheme"\?; allowed: /,
      ),
    ]);
  });

  test('rejects an Iceberg connector without file_format, which the entity upload needs', () => {
    expect(
      problems(featureStore({ offline_store: trino({ connector: { type: 'iceberg' } }) })),
    ).toEqual(['offline_store.connector: missing required field "file_format"']);
  });

  test('rejects a JWT auth block without its token', () => {
    expect(
      problems(
        featureStore({ offline_store: trino({ auth: { type: 'jwt', config: { jwt: 'x' } } }) }),
      ),
    ).toEqual([
      expect.stringMatching(/^offline_store.auth.config: missing required field "token"/),
      expect.stringMatching(/^offline_store.auth.config: unknown field "jwt"/),
    ]);
  });

  test('rejects a misspelt Redis key, which Feast would refuse to load', () => {
    expect(problems(featureStore({ online_store: redis({ skip_dedupe: true }) }))).toEqual([
      expect.stringMatching(
        /^online_store: unknown field "skip_dedupe"; did you mean "skip_dedup"\?; allowed: /,
      ),
    ]);
  });

  test('rejects a DynamoDB online store without region', () => {
    expect(problems(featureStore({ online_store: { type: 'dynamodb' } }))).toEqual([
      'online_store: missing required field "region"',
    ]);
  });

  test('rejects a project name that starts with an underscore', () => {
    expect(problems(featureStore({ project: '_payments' }))).toEqual([
      expect.stringMatching(/^project: is "_payments"; expected /),
    ]);
  });
});
