import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of actions/setup-java at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'actions-setup-java',
  repository: 'actions/setup-java',
  ref: 'v5.7.0',
  licence: 'MIT',
});
