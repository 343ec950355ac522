import { crdSource } from '../upstream/write-crds.ts';

const dir = 'config/crds/bases';

/** External Secrets Operator's SecretStore and ExternalSecret CRDs at the latest release. */
export const source = crdSource(
  {
    name: 'external-secrets-crds',
    repository: 'external-secrets/external-secrets',
    ref: 'v2.9.0',
    licence: 'Apache-2.0',
  },
  {
    operator: 'External Secrets Operator',
    paths: [
      `${dir}/external-secrets.io_secretstores.yaml`,
      `${dir}/external-secrets.io_externalsecrets.yaml`,
    ],
    kinds: ['SecretStore', 'ExternalSecret'],
  },
);
