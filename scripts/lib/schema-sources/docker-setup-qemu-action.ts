import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of docker/setup-qemu-action at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'docker-setup-qemu-action',
  repository: 'docker/setup-qemu-action',
  ref: 'v4.2.0',
  licence: 'Apache-2.0',
});
