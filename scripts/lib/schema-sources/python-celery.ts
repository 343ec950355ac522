// Celery's Python API, imported by the Superset config overrides (the version ships with the
// Superset image, which pins it); v5.6.3 is the newest release in the snapshot read, and the page
// names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'celery',
  root: 'celery',
  repository: 'celery/celery',
  ref: 'v5.6.3',
  licence: 'BSD-3-Clause',
  trees: [{ dir: 'celery', strip: '' }],
});
