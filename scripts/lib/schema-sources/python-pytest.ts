// pytest's Python API (the public pytest package re-exports _pytest, so both are read), imported
// by the Airflow DAG integrity test (installed unpinned there); 9.1.1 is the newest release in
// the snapshot read, and the page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'pytest',
  root: 'pytest',
  repository: 'pytest-dev/pytest',
  ref: '9.1.1',
  licence: 'MIT',
  trees: [
    { dir: 'src/pytest', strip: 'src/' },
    { dir: 'src/_pytest', strip: 'src/' },
  ],
});
