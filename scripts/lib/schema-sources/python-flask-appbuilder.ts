// Flask-AppBuilder's Python API, imported by the Superset config overrides (the version ships
// with the Superset image, which pins it); v5.2.2 is the newest release in the snapshot read, and
// the page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'Flask-AppBuilder',
  root: 'flask_appbuilder',
  repository: 'dpgaspar/Flask-AppBuilder',
  ref: 'v5.2.2',
  licence: 'BSD-3-Clause',
  trees: [{ dir: 'flask_appbuilder', strip: '' }],
});
