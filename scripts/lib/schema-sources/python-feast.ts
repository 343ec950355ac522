// Feast's Python API at the release the feature-store configs pin (feast==0.66.*).
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'feast',
  root: 'feast',
  repository: 'feast-dev/feast',
  ref: 'v0.66.0',
  licence: 'Apache-2.0',
  trees: [{ dir: 'sdk/python/feast', strip: 'sdk/python/' }],
});
