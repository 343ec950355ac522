// The JSON Schemas dbt-core itself ships and validates dbt_project.yml and resource YAML against
// (core/dbt/jsonschemas/{project,resources}/latest.json, synced from dbt Fusion), at the pinned
// dbt-core release. dbt-core runs them only for some adapters and only warns (deprecations such
// as custom-key-in-object); the project holds its files to them strictly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSnapshot, provenanceOf } from '../upstream/git-snapshot.ts';
import type { SchemaSource } from './types.ts';

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
    const snapshot = openSnapshot(reposDir, this.repository, DBT_CORE_RELEASE);
    mkdirSync(join(root, 'src/lib/config/upstream'), { recursive: true });
    for (const [out, path] of Object.entries(FILES)) {
      const schema = JSON.parse(snapshot.read(path)) as Record<string, unknown>;
      const body = {
        'x-provenance': {
          ...provenanceOf(snapshot, this.licence, [path]),
          committed: snapshot.committed,
        },
        ...schema,
      };
      writeFileSync(join(root, out), `${JSON.stringify(body, null, 2)}\n`);
    }
    return Object.keys(FILES);
  },
};
