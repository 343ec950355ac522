// Airflow's Python API at the release the orchestration configs pin (apache-airflow==3.3.2): the
// core (airflow-core/src/airflow) and the task SDK the DAGs import from (task-sdk/src/airflow/sdk,
// whose __init__ serves DAG, dag, task, Asset, ... as lazy imports from a module-level dict read
// by its __getattr__; scripts/lib/python-api.py resolves them). Both are tagged together.
//
// Not generated yet: the apache/airflow snapshot (1.27 GB) is over the 500 MiB limit of the
// snapshot tool available here, so refresh fails with "no snapshot" until one is provided.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'apache-airflow',
  root: 'airflow',
  repository: 'apache/airflow',
  ref: '3.3.2',
  licence: 'Apache-2.0',
  trees: [
    { dir: 'airflow-core/src/airflow', strip: 'airflow-core/src/' },
    { dir: 'task-sdk/src/airflow/sdk', strip: 'task-sdk/src/' },
  ],
});
