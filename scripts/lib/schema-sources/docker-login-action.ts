import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of docker/login-action at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'docker-login-action',
  repository: 'docker/login-action',
  ref: 'v4.1.0',
  licence: 'Apache-2.0',
});
