// The JSON Schemas dbt-core itself ships and validates dbt_project.yml and resource YAML against
// (core/dbt/jsonschemas/{project,resources}/latest.json, synced from dbt Fusion), at the pinned
// dbt-core release. dbt-core runs them only for some adapters and only warns (deprecations such
// as custom-key-in-object); the project holds its files to them strictly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitDate, findSnapshot, readFile, resolveRelease } from '../snapshot-files.ts';
import type { Provenance, SchemaSource } from './types.ts';

/** dbt-core release pinned by the etl-cluster and data-quality-lineage configs (dbt-core 1.12). */
const DBT_CORE_RELEASE = 'v1.12.3';

const FILES = {
  'src/lib/config/upstream/dbt-core-project.json': 'core/dbt/jsonschemas/project/latest.json',
  'src/lib/config/upstream/dbt-core-resources.json': 'core/dbt/jsonschemas/resources/latest.json',
};

export const source: SchemaSource = {
  name: 'dbt-core-schemas',
  repository: 'dbt-labs/dbt-core',
  ref: DBT_CORE_RELEASE,
  licence: 'Apache-2.0',
  async refresh({ reposDir, root }) {
    const snapshot = findSnapshot(reposDir, ['dbt-labs+dbt-core']);
    if (!snapshot) throw new Error(`no snapshot of dbt-labs/dbt-core under ${reposDir}`);
    const commit = resolveRelease(snapshot.gitDir, DBT_CORE_RELEASE);
    mkdirSync(join(root, 'src/lib/config/upstream'), { recursive: true });
    for (const [out, path] of Object.entries(FILES)) {
      const schema = JSON.parse(readFile(snapshot.gitDir, commit, path)) as Record<string, unknown>;
      const provenance: Provenance = {
        repository: this.repository,
        ref: DBT_CORE_RELEASE,
        commit,
        licence: this.licence,
        paths: [path],
        retrieved: new Date().toISOString().slice(0, 10),
        generator: 'scripts/refresh-schemas.ts',
      };
      const body = { 'x-provenance': { ...provenance, committed: commitDate(snapshot.gitDir, commit) }, ...schema };
      writeFileSync(join(root, out), `${JSON.stringify(body, null, 2)}\n`);
    }
    return Object.keys(FILES);
  },
};
