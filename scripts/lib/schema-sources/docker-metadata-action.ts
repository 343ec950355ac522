import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of docker/metadata-action at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'docker-metadata-action',
  repository: 'docker/metadata-action',
  ref: 'v6.2.0',
  licence: 'Apache-2.0',
});
