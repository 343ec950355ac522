// The Kubernetes Python client's API (the generated V1* models the KubernetesPodOperator takes).
// The DAG image takes it from Airflow's constraints file, which is not read here; v36.0.3 is the
// newest release in the snapshot read, and the page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'kubernetes',
  root: 'kubernetes',
  repository: 'kubernetes-client/python',
  ref: 'v36.0.3',
  licence: 'Apache-2.0',
  trees: [{ dir: 'kubernetes', strip: '' }],
});
