import { crdSource } from '../upstream/write-crds.ts';

const dir = 'config/crd/standard';

/** Gateway API standard-channel HTTPRoute and ReferenceGrant CRDs at the latest release. */
export const source = crdSource(
  {
    name: 'gateway-api-crds',
    repository: 'kubernetes-sigs/gateway-api',
    ref: 'v1.6.1',
    licence: 'Apache-2.0',
  },
  {
    operator: 'Gateway API',
    paths: [
      `${dir}/gateway.networking.k8s.io_httproutes.yaml`,
      `${dir}/gateway.networking.k8s.io_referencegrants.yaml`,
    ],
    kinds: ['HTTPRoute', 'ReferenceGrant'],
  },
);
