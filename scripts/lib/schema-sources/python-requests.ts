// requests' Python API, imported by the Superset RLS sync script (installed unpinned there);
// 2.34.2 is the newest release in the snapshot read, and the page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'requests',
  root: 'requests',
  repository: 'psf/requests',
  ref: 'v2.34.2',
  licence: 'Apache-2.0',
  trees: [{ dir: 'src/requests', strip: 'src/' }],
});
