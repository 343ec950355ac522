// The Trino Python client's API (import name trino), imported by the feature-store training-set
// script (installed unpinned there); 0.339.0 is the newest release in the snapshot read, and the
// page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'trino',
  root: 'trino',
  repository: 'trinodb/trino-python-client',
  ref: '0.339.0',
  licence: 'Apache-2.0',
  trees: [{ dir: 'trino', strip: '' }],
});
