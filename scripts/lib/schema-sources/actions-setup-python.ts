import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of actions/setup-python at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'actions-setup-python',
  repository: 'actions/setup-python',
  ref: 'v7.0.0',
  licence: 'MIT',
});
