import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of actions/checkout at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'actions-checkout',
  repository: 'actions/checkout',
  ref: 'v7.0.1',
  licence: 'MIT',
});
