// dlt's Python API at the release the batch-ingestion example pins (dlt==1.26.*; the newest
// release in the snapshot read).
import { pythonPackageSource } from '../python-package-api.ts';

export const source = pythonPackageSource({
  distribution: 'dlt',
  root: 'dlt',
  repository: 'dlt-hub/dlt',
  ref: '1.26.0',
  licence: 'Apache-2.0',
  trees: [{ dir: 'dlt', strip: '' }],
});
