// The Airflow providers the DAGs import, each at the version Airflow 3.3.2's constraints file
// pins (the manifest installs them with --constraint constraints-3.3.2/constraints-3.12.txt), read
// from the provider's own release tag (providers-<id>/<version>) of apache/airflow. One API file
// per provider distribution; they share the import root airflow with the core.
//
// Not generated yet: the apache/airflow snapshot (1.27 GB) is over the 500 MiB limit of the
// snapshot tool available here, so refresh fails with "no snapshot" until one is provided.
import { openSnapshot } from '../upstream/git-snapshot.ts';
import { writePackageApi } from '../python-package-api.ts';
import type { SchemaSource } from './types.ts';

const AIRFLOW_RELEASE = '3.3.2';
const CONSTRAINTS = { ref: `constraints-${AIRFLOW_RELEASE}`, path: 'constraints-3.12.txt' };

/**
 * Providers the DAGs import, plus common.compat, through which the others import BaseOperator (so
 * their **kwargs can be followed), as their folder under providers/ (also their module path).
 */
export const PROVIDERS = [
  'amazon',
  'cncf/kubernetes',
  'common/compat',
  'common/sql',
  'http',
  'slack',
  'trino',
];

/** Pinned versions of apache-airflow-providers-* from a constraints file's text. */
export function readProviderPins(constraints: string): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const m of constraints.matchAll(/^apache-airflow-providers-([a-z0-9-]+)==([^\s;]+)/gm))
    pins[m[1]!] = m[2]!;
  return pins;
}

export const source: SchemaSource = {
  name: 'python-apache-airflow-providers',
  repository: 'apache/airflow',
  ref: CONSTRAINTS.ref,
  licence: 'Apache-2.0',
  async refresh({ reposDir, root }) {
    const pins = readProviderPins(
      openSnapshot(reposDir, this.repository, CONSTRAINTS.ref).read(CONSTRAINTS.path),
    );
    const written: string[] = [];
    for (const dir of PROVIDERS) {
      const id = dir.replaceAll('/', '-');
      const version = pins[id];
      if (!version)
        throw new Error(
          `${CONSTRAINTS.ref}/${CONSTRAINTS.path} pins no apache-airflow-providers-${id}`,
        );
      const ref = `providers-${id}/${version}`;
      const src = `providers/${dir}/src/`;
      written.push(
        writePackageApi(root, openSnapshot(reposDir, this.repository, ref), {
          distribution: `apache-airflow-providers-${id}`,
          root: 'airflow',
          repository: 'apache/airflow',
          ref,
          licence: 'Apache-2.0',
          trees: [{ dir: `${src}airflow/providers/${dir}`, strip: src }],
        }),
      );
    }
    return written;
  },
};
