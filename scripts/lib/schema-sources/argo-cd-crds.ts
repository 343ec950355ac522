import { crdSource } from '../upstream/write-crds.ts';

/** Argo CD's Application and AppProject CRDs at the latest release (argoproj.io). */
export const source = crdSource(
  { name: 'argo-cd-crds', repository: 'argoproj/argo-cd', ref: 'v3.5.1', licence: 'Apache-2.0' },
  {
    operator: 'Argo CD',
    paths: ['manifests/crds/application-crd.yaml', 'manifests/crds/appproject-crd.yaml'],
    kinds: ['Application', 'AppProject'],
  },
);
