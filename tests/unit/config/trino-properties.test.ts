import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { constantLookup, scanConfigNames } from '../../../scripts/lib/java-config-names.ts';
import { readDependencies } from '../../../scripts/lib/schema-sources/trino-properties.ts';
import type { Provenance } from '../../../scripts/lib/schema-sources/types.ts';
import { loadTrinoNames } from '../../../src/lib/config/trino-properties.ts';

const setter = (annotations: string, name = 'setX') =>
  `${annotations}\n    public Config ${name}(String x)\n    {\n    }\n`;

describe('reading property names from Java source', () => {
  test('reads @Config, pairs @LegacyConfig with the @Config of the same setter, and reads @DefunctConfig', () => {
    const source = [
      '@DefunctConfig({"old.one", "old.two"})',
      'public class X {',
      setter('    @LegacyConfig("a.legacy")\n    @Config("a.current")'),
      setter(
        '    @Config("b.current")\n    @LegacyConfig(value = "b.legacy", replacedBy = "b.other")',
        'setB',
      ),
      '    // @Config("commented.out")',
      '}',
    ].join('\n');
    expect(scanConfigNames(source)).toEqual({
      config: ['a.current', 'b.current'],
      legacy: { 'a.legacy': 'a.current', 'b.legacy': 'b.other' },
      defunct: ['old.one', 'old.two'],
      httpClients: [],
      unresolved: [],
    });
  });

  test('resolves a constant by the class it names, not by another class that reuses the name', () => {
    const files = new Map([
      ['p/IcebergConfig.java', 'public static final String RETENTION = "iceberg.retention";'],
      ['p/IcebergSessionProperties.java', 'public static final String RETENTION = "retention";'],
    ]);
    const names = scanConfigNames(
      setter('@Config(IcebergConfig.RETENTION)'),
      constantLookup(files),
    );
    expect(names.config).toEqual(['iceberg.retention']);
    expect(scanConfigNames(setter('@Config(RETENTION)'), constantLookup(files)).unresolved).toEqual(
      ['RETENTION'],
    );
  });

  test('reads the names of HTTP clients, whose settings take "<name>.http-client." ', () => {
    const names = scanConfigNames(
      'httpClientBinder(binder).bindHttpClient("jwk", ForJwt.class);\ninstall(internalHttpClientModule("scheduler", X.class));',
    );
    expect(names.httpClients).toEqual(['jwk', 'scheduler']);
  });

  test('follows only the Trino dependencies a module ships with', () => {
    const pom = `<dependency><groupId>io.trino</groupId><artifactId>trino-hive</artifactId></dependency>
      <dependency><groupId>io.trino</groupId><artifactId>trino-spi</artifactId><scope>provided</scope></dependency>
      <dependency><groupId>io.trino</groupId><artifactId>trino-main</artifactId><scope>test</scope></dependency>
      <dependency><groupId>io.airlift</groupId><artifactId>log</artifactId></dependency>`;
    expect(readDependencies(pom)).toEqual(['trino-hive']);
    expect(readDependencies(pom, 'io.airlift')).toEqual(['log']);
  });
});

describe('generated Trino name lists', () => {
  /** The fields these tests read from the generated files. */
  interface NameList {
    'x-provenance': Provenance;
    airliftVersion?: string;
  }
  const trino = JSON.parse(
    readFileSync('src/lib/config/upstream/trino-properties.json', 'utf8'),
  ) as NameList;
  const airlift = JSON.parse(
    readFileSync('src/lib/config/upstream/airlift-properties.json', 'utf8'),
  ) as NameList;

  test('record their source and use the airlift release that Trino pins', () => {
    expect(trino['x-provenance']).toMatchObject({
      repository: 'trinodb/trino',
      ref: '483',
      licence: 'Apache-2.0',
    });
    expect(airlift['x-provenance'].ref).toBe(trino.airliftVersion);
  });

  test('know the server names the reference configs use and not the OAuth2 groups field removed in 480', () => {
    const server = loadTrinoNames('.', 'server');
    for (const name of [
      'coordinator',
      'http-server.http.port',
      'discovery.uri',
      'shutdown.grace-period',
      'http-server.authentication.oauth2.principal-field',
    ])
      expect(server.known.has(name), name).toBe(true);
    expect(server.known.has('http-server.authentication.oauth2.groups-field')).toBe(false);
    expect(server.known.has('deprecated.http-server.authentication.oauth2.groups-field')).toBe(
      false,
    );
  });
});
