// GX Core's Python API. The data-quality example installs great_expectations>=1,<2; 1.2.0 is the
// newest release in the snapshot of the repository available to this project, so that is the
// release the check reads (and the manifest says so).
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'great_expectations',
  root: 'great_expectations',
  repository: 'great-expectations/great_expectations',
  ref: '1.2.0',
  licence: 'Apache-2.0',
  trees: [{ dir: 'great_expectations', strip: '' }],
});
