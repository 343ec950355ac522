import { describe, expect, test } from 'vitest';
import { parseYamlDocuments, lineOfPath } from '../../../src/lib/config/positions.ts';
import {
  checkTrinoHelmProperties,
  namesFromRoot,
} from '../../../src/lib/config/trino-helm-properties.ts';

const names = namesFromRoot(process.cwd());

/** Check a values file given as YAML text, with real line lookups. */
function check(yaml: string) {
  const [doc] = parseYamlDocuments(yaml).docs;
  return checkTrinoHelmProperties(
    'values.yaml',
    doc!.value as Record<string, unknown>,
    (path) => lineOfPath(doc!, path),
    names,
  );
}

const values = (overrides: { extra?: string; catalog?: string; item?: string } = {}) =>
  [
    'server:',
    '  coordinatorExtraConfig: |',
    '    http-server.process-forwarded=true',
    `    ${overrides.extra ?? 'http-server.authentication.oauth2.oidc.use-userinfo-endpoint=false'}`,
    'additionalConfigProperties:',
    `  - ${overrides.item ?? 'protocol.spooling.enabled=true'}`,
    'catalogs:',
    '  lake: |',
    '    connector.name=iceberg',
    `    ${overrides.catalog ?? 'iceberg.target-max-file-size=512MB'}`,
    '  druid: |',
    '    connector.name=druid',
    '    connection-url=jdbc:avatica:remote:url=https://router:9088/druid/v2/sql/avatica/',
    '',
  ].join('\n');

describe('Trino properties embedded in trinodb/charts values', () => {
  test('accepts names the pinned Trino binds and says which blocks it checked', () => {
    const result = check(values());
    expect(result.problems).toEqual([]);
    expect(result.checked).toEqual([
      'server.coordinatorExtraConfig',
      'additionalConfigProperties.0',
      'catalogs.lake',
    ]);
    expect(result.notChecked).toEqual([
      'catalogs.druid: property names of connector "druid" not checked (no name list derived for it)',
    ]);
  });

  test('rejects a misspelt server property with its line and the nearest valid name', () => {
    const [problem] = check(
      values({ extra: 'http-server.authentication.oauth2.oidc.use-userinfo-endpoints=false' }),
    ).problems;
    expect(problem?.line).toBe(4);
    expect(problem?.message).toContain(
      'server.coordinatorExtraConfig: unknown property "http-server.authentication.oauth2.oidc.use-userinfo-endpoints"',
    );
    expect(problem?.message).toContain(
      'nearest valid: "http-server.authentication.oauth2.oidc.use-userinfo-endpoint"',
    );
  });

  test('rejects a misspelt additionalConfigProperties item on its own line', () => {
    const [problem] = check(values({ item: 'protocol.spooling.enable=true' })).problems;
    expect(problem?.line).toBe(6);
    expect(problem?.message).toContain(
      'additionalConfigProperties.0: unknown property "protocol.spooling.enable"',
    );
  });

  test('rejects a misspelt Iceberg catalog property with the nearest valid name', () => {
    const [problem] = check(values({ catalog: 'iceberg.target-max-file-sise=512MB' })).problems;
    expect(problem?.line).toBe(10);
    expect(problem?.message).toContain(
      'catalogs.lake: unknown property "iceberg.target-max-file-sise" for the Iceberg catalog',
    );
    expect(problem?.message).toContain('nearest valid: "iceberg.target-max-file-size"');
  });

  test('rejects a property Trino 480 removed (groups-field), which stops the coordinator', () => {
    const problems = check(
      values({ extra: 'http-server.authentication.oauth2.groups-field=groups' }),
    ).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/http-server\.authentication\.oauth2\.groups-field/);
  });
});
