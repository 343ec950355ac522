import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of hashicorp/setup-terraform at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'hashicorp-setup-terraform',
  repository: 'hashicorp/setup-terraform',
  ref: 'v4.0.1',
  licence: 'MPL-2.0',
});
