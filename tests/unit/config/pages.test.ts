// What the config pages show, computed from a validation run of the fixtures.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { buildConfigZip } from '../../../src/lib/config/build-zip.ts';
import {
  codeFold,
  FOLD_AFTER_LINES,
  fileAnchor,
  languageOf,
  toConfigIndex,
  toConfigPage,
  toRunSteps,
} from '../../../src/lib/config/config-pages.ts';
import { loadValidConfigReport } from '../../../src/lib/config/load-report.ts';
import { describeResult } from '../../../src/lib/config/result.ts';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';
import { createComposeValidator } from '../../../src/lib/config/validators/compose.ts';
import { FIXTURES, runFixtures, withoutVersions } from './helpers.ts';

describe('badges', () => {
  test('say which validator, tools and versions checked a file, and how', async () => {
    const { report } = await runFixtures(['sql-bad', 'json-bad']);
    expect(report.results.map((r) => withoutVersions(describeResult(r)))).toMatchInlineSnapshot(`
      [
        "checked by the json validator (Node.js JSON.parse <v>) on every build",
        "checked by the json validator (Node.js JSON.parse <v>, ajv <v>; JSON Schema s3-lifecycle) on every build",
        "checked by the sql validator (dt-sql-parser <v>, node-sql-parser <v>; dt-sql-parser TrinoSQL grammar, trino grammar) on every build",
        "checked by the sql validator (dt-sql-parser <v>, node-sql-parser <v>; dt-sql-parser TrinoSQL grammar, trino grammar, after rendering dbt Jinja) on every build",
      ]
    `);
  });

  test('say "not checked offline" and why when the tool is missing', async () => {
    const missing = createComposeValidator([
      { name: 'x', command: 'no-such-compose-binary', prefix: [], origin: 'test' },
    ]);
    const { report } = await runFixtures(['compose-bad'], { validators: { compose: missing } });
    expect(describeResult(report.results[0]!)).toMatchInlineSnapshot(
      `"not checked offline: no Compose here (tried "no-such-compose-binary"); install Debian's docker-compose package"`,
    );
  });
});

describe('toConfigPage', () => {
  test('lists every manifest file with its badge, language, anchor and download path', async () => {
    const { report } = await runFixtures(['json-bad']);
    const page = toConfigPage(report.folders[0]!, report.results);
    expect(page.zipPath).toBe('/configs/json-bad.zip');
    expect(page.files.map((f) => [f.path, f.lang, f.anchor, f.downloadPath, f.status])).toEqual([
      ['broken.json', 'json', 'file-broken-json', '/configs/json-bad/files/broken.json', 'checked'],
      [
        's3-lifecycle.json',
        'json',
        'file-s3-lifecycle-json',
        '/configs/json-bad/files/s3-lifecycle.json',
        'checked',
      ],
    ]);
  });

  test('refuses to render a file that was not validated', async () => {
    const { report } = await runFixtures(['json-bad']);
    expect(() => toConfigPage(report.folders[0]!, [])).toThrow(
      '"broken.json" has no validation result; validate before rendering',
    );
  });
});

describe('toConfigIndex', () => {
  test('orders folders by component number and names the component from the graph', async () => {
    const graph = parseGraph(`
parts: [{ id: A, title: Ingestion }]
nodes:
  - { id: yaml-bad, number: 2, part: A, label: Two, position: [0, 0] }
  - { id: json-bad, number: 1, part: A, label: One, position: [0, 0] }
edges: []
`);
    const { report } = await runFixtures(['yaml-bad', 'json-bad']);
    expect(toConfigIndex(report, graph).map((r) => [r.id, r.component, r.part, r.files])).toEqual([
      ['json-bad', '1 One', 'A', 2],
      ['yaml-bad', '2 Two', 'A', 2],
    ]);
  });
});

describe('helpers', () => {
  test('pick a Shiki language from the extension and a kebab-case anchor from the path', () => {
    expect(['a.yml', 'b.avsc', 'c.tf', 'd.properties', 'e.unknown'].map(languageOf)).toEqual([
      'yaml',
      'json',
      'hcl',
      'properties',
      'text',
    ]);
    expect(fileAnchor('dbt/models/Silver_Orders.sql')).toBe('file-dbt-models-silver-orders-sql');
  });
});

describe('buildConfigZip', () => {
  test('packs the manifest and every listed file under the component folder, reproducibly', async () => {
    const { report } = await runFixtures(['terraform-bad']);
    const zip = buildConfigZip(report.folders[0]!);
    expect(Object.keys(unzipSync(zip))).toEqual([
      'terraform-bad/main.tf',
      'terraform-bad/manifest.yaml',
      'terraform-bad/module/main.tf',
    ]);
    expect(buildConfigZip(report.folders[0]!)).toEqual(zip);
  });
});

describe('loadValidConfigReport', () => {
  test('fails (and so fails the build) with every problem listed when a config is bad', async () => {
    // A throwaway project whose content/configs holds one bad folder; code and schemas are the real ones.
    const root = mkdtempSync(join(tmpdir(), 'configs-'));
    try {
      cpSync(join(FIXTURES, 'properties-bad'), join(root, 'content/configs/properties-bad'), {
        recursive: true,
      });
      symlinkSync(resolve('src'), join(root, 'src'));
      await expect(loadValidConfigReport(root)).rejects.toThrow(
        /Reference configs failed validation:\ncontent\/configs\/properties-bad\/lake\.properties {2}missing required field/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('codeFold', () => {
  test(`shows files of up to ${FOLD_AFTER_LINES} lines open and folds longer ones, counting a final newline as no line`, () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n') + '\n';
    expect(codeFold(text(FOLD_AFTER_LINES))).toEqual({ lines: FOLD_AFTER_LINES, folded: false });
    expect(codeFold(text(FOLD_AFTER_LINES + 1))).toEqual({
      lines: FOLD_AFTER_LINES + 1,
      folded: true,
    });
    expect(codeFold('one line')).toEqual({ lines: 1, folded: false });
  });
});

describe('toRunSteps', () => {
  test('gives the zip folder beside a leading cd into content/configs, which only a clone has', () => {
    expect(
      toRunSteps(
        ['cd content/configs/stream-ingestion', 'docker compose up -d'],
        'stream-ingestion',
      ),
    ).toEqual({
      run: ['docker compose up -d'],
      enter: { clone: 'cd content/configs/stream-ingestion', zip: 'cd stream-ingestion' },
    });
  });

  test('leaves steps that do not start by entering the folder as they are', () => {
    expect(toRunSteps(['cd dbt && dbt build'], 'etl-cluster')).toEqual({
      run: ['cd dbt && dbt build'],
      enter: undefined,
    });
  });
});
