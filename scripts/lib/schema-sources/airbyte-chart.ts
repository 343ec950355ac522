// Airbyte's Helm chart V2 as released: the packaged chart airbyte-<version>.tgz in airbytehq/charts,
// the repository behind https://airbytehq.github.io/charts. The chart's source folder in
// airbytehq/airbyte-platform (charts/v2/airbyte) carries a placeholder version that is set at
// release and has no tag per chart release, so the released package is the only place where the
// values and templates of one chart version can be read. The chart ships no values.schema.json,
// so the schema is the key tree of its values.yaml and templates.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { openSnapshot, provenanceOf } from '../upstream/git-snapshot.ts';
import { deriveValuesSchema } from '../upstream/helm-key-tree.ts';
import { HELM_OUTPUT_DIR } from '../upstream/write-helm-schema.ts';
import type { SchemaSource } from './types.ts';

const CHART_VERSION = '2.2.0';
/** Commit of airbytehq/charts that released CHART_VERSION ("chore: release airbyte/airbyte 2.2.0", 2026-08-10). */
const RELEASE_COMMIT = '02a32dc';

/** Every file under `dir`, recursively, as paths relative to it. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path).map((p) => join(name, p)) : [name];
  });
}

export const source: SchemaSource = {
  name: 'airbyte-chart',
  repository: 'airbytehq/charts',
  ref: RELEASE_COMMIT,
  licence: 'Elastic-2.0',
  async refresh({ reposDir, root }) {
    const snapshot = openSnapshot(reposDir, this.repository, this.ref);
    const tarball = `airbyte-${CHART_VERSION}.tgz`;
    const gitDir = join(reposDir, 'airbytehq+charts', 'repo');
    const work = mkdtempSync(join(tmpdir(), 'airbyte-chart-'));
    try {
      writeFileSync(
        join(work, tarball),
        execFileSync('git', ['--git-dir', gitDir, 'show', `${snapshot.commit}:${tarball}`], {
          maxBuffer: 64 << 20,
        }),
      );
      execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
      const chartDir = join(work, 'airbyte');
      const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as {
        name: string;
        version: string;
        appVersion?: string;
      };
      if (chart.version !== CHART_VERSION)
        throw new Error(`${tarball} holds chart ${chart.version}, expected ${CHART_VERSION}`);
      const templates = walk(join(chartDir, 'templates'))
        .filter((p) => !p.includes('tests/'))
        .map((p) => readFileSync(join(chartDir, 'templates', p), 'utf8'));
      const schema = deriveValuesSchema(
        readFileSync(join(chartDir, 'values.yaml'), 'utf8'),
        templates,
        { freeForm: {} },
      );
      const out = {
        'x-provenance': provenanceOf(snapshot, this.licence, [
          `${tarball}: airbyte/values.yaml`,
          `${tarball}: airbyte/templates/`,
        ]),
        'x-chart': {
          name: chart.name,
          version: chart.version,
          appVersion: chart.appVersion ?? null,
          source: 'key tree of values.yaml and templates of the released chart package',
          notChecked: [
            'list items and free-form maps (env, annotations, labels, nodeSelector, tolerations, resources) are not checked key by key',
          ],
        },
        ...schema,
      };
      mkdirSync(join(root, HELM_OUTPUT_DIR), { recursive: true });
      const file = `${HELM_OUTPUT_DIR}/airbyte-values.json`;
      writeFileSync(join(root, file), `${JSON.stringify(out, null, 1)}\n`);
      return [file];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
