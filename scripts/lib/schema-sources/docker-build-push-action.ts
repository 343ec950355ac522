import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of docker/build-push-action at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'docker-build-push-action',
  repository: 'docker/build-push-action',
  ref: 'v7.3.0',
  licence: 'Apache-2.0',
});
