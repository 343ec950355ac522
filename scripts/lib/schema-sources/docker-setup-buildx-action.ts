import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of docker/setup-buildx-action at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'docker-setup-buildx-action',
  repository: 'docker/setup-buildx-action',
  ref: 'v4.3.0',
  licence: 'Apache-2.0',
});
