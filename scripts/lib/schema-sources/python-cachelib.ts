// cachelib's Python API, imported by the Superset config overrides (the version ships with the
// Superset image); 0.15.4 is the newest release in the snapshot read, and the page names it.
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'cachelib',
  root: 'cachelib',
  repository: 'pallets-eco/cachelib',
  ref: '0.15.4',
  licence: 'BSD-3-Clause',
  trees: [{ dir: 'src/cachelib', strip: 'src/' }],
});
