import { describe, expect, test } from 'vitest';
import { parseManifest } from '../../../src/lib/config/load-manifests.ts';
import { formatProblem } from '../../../src/lib/config/result.ts';
import { runFixtures } from './helpers.ts';

describe('manifest cross-check', () => {
  test('reports entries without files, files without entries, duplicates and options that do not fit', async () => {
    const { lines } = await runFixtures(['manifest-bad']);
    expect(lines.map((l) => l.replace(/Known schemas: .*/, 'Known schemas: …')))
      .toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/manifest-bad/manifest.yaml:4  files[0]: the sql validator needs "dialect"; one of athena, bigquery, db2, hive, mariadb, mysql, postgresql, redshift, snowflake, sqlite, transactsql, trino",
        "tests/fixtures/configs/manifest-bad/manifest.yaml:8  files[1].path: "missing.yaml" does not exist in tests/fixtures/configs/manifest-bad/",
        "tests/fixtures/configs/manifest-bad/manifest.yaml:12  files[1].schema: "no-such-schema" is not in src/lib/config/schemas/. Known schemas: …",
        "tests/fixtures/configs/manifest-bad/manifest.yaml:13  files[2].path: "present.sql" is listed twice (also files[0])",
        "tests/fixtures/configs/manifest-bad/manifest.yaml:18  files[3]: helm-values files need "schema" naming the chart's values schema. Known schemas: …",
        "tests/fixtures/configs/manifest-bad/unlisted.yaml  not listed in tests/fixtures/configs/manifest-bad/manifest.yaml; add an entry under files: with path "unlisted.yaml" and a validator",
      ]
    `);
  });

  test('rejects a folder that is not a component id', async () => {
    const { lines } = await runFixtures(['json-bad'], {
      knownIds: ['data-storage', 'etl-cluster'],
    });
    expect(lines[0]).toMatchInlineSnapshot(
      `"tests/fixtures/configs/json-bad/  "json-bad" is not a component id in diagram/graph.yaml; the folder name must be one. Known ids: data-storage, etl-cluster"`,
    );
  });
});

describe('parseManifest', () => {
  test('names the field and line of every schema problem', () => {
    const text =
      'title: Configs\nsummary: x\nfiles:\n  - path: a.yaml\n    title: A\n    validator: yml\n';
    const { problems } = parseManifest(text, 'content/configs/x/manifest.yaml');
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/configs/x/manifest.yaml:4  files[0].description: missing; this field is required",
        "content/configs/x/manifest.yaml:6  files[0].validator: expected one of compose, kubernetes, helm-values, github-actions, terraform, python, sql, flink-sql, json, yaml, properties",
      ]
    `);
  });

  test('reports YAML syntax errors with their line', () => {
    const { problems } = parseManifest('title: [unclosed\nfiles: []\n', 'm.yaml');
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "m.yaml:2  not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  test('fills defaults for assumes and run', () => {
    const { manifest } = parseManifest(
      'title: T\nsummary: S\nfiles:\n  - { path: a.json, title: A, description: D, validator: json }\n',
      'm.yaml',
    );
    expect(manifest).toMatchObject({ assumes: [], run: [] });
  });
});
