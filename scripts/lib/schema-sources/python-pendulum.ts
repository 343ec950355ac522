// pendulum's Python API, imported by the Airflow DAGs for fixed start dates. The DAG image takes
// pendulum from Airflow's constraints file, which is not read here; 3.2.0 is the newest release
// in the snapshot read, and the page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'pendulum',
  root: 'pendulum',
  repository: 'python-pendulum/pendulum',
  ref: '3.2.0',
  licence: 'MIT',
  trees: [{ dir: 'src/pendulum', strip: 'src/' }],
});
