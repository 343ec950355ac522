// PyYAML's Python API (import name yaml), imported by the Superset RLS sync script (installed
// unpinned there); 6.0.3 is the newest release in the snapshot read, and the page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'PyYAML',
  root: 'yaml',
  repository: 'yaml/pyyaml',
  ref: '6.0.3',
  licence: 'MIT',
  trees: [{ dir: 'lib/yaml', strip: 'lib/' }],
});
