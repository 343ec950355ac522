import { crdSource } from '../upstream/write-crds.ts';

/** KServe's InferenceService CRD at the latest release (serving.kserve.io). */
export const source = crdSource(
  { name: 'kserve-crds', repository: 'kserve/kserve', ref: 'v0.20.0', licence: 'Apache-2.0' },
  {
    operator: 'KServe',
    paths: ['config/crd/full/serving.kserve.io_inferenceservices.yaml'],
    kinds: ['InferenceService'],
  },
);
